"""End to end in a real browser: `streamlit run app.py` and headless Chromium, as a person would use it.

The app starts on a fresh CSL_INDEX_DIR, so this also covers the first start
(index built under a spinner). Screenshots go to artifacts/browser/ for a human look.
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tests.browser_helpers import ROOT, browser_problem, chromium, streamlit_server
except ImportError:  # tests/ collected as plain modules (no tests/__init__.py)
    from browser_helpers import ROOT, browser_problem, chromium, streamlit_server  # type: ignore[no-redef]

QUESTION = "What fines apply for massive data leakage?"
ARTIFACTS = ROOT / "artifacts" / "browser"
CHAT = "//div[@data-testid='stChatMessage']"


@pytest.mark.browser
def test_question_answer_chip_and_marks_in_chromium(tmp_path: Path) -> None:
    problem = browser_problem()
    if problem:
        pytest.skip(problem)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = tmp_path / "streamlit.log"
    with streamlit_server(tmp_path / "index", log) as url, chromium(tmp_path / "profile") as driver:
        driver.get(url)  # type: ignore[attr-defined]
        wait = WebDriverWait(driver, 240, poll_frequency=0.5)
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
        wait.until(ec.visibility_of_element_located((By.XPATH, f"//button[contains(., '{QUESTION}')]")))
        driver.save_screenshot(str(ARTIFACTS / "start.png"))  # type: ignore[attr-defined]

        box.send_keys(QUESTION)
        box.send_keys(Keys.ENTER)
        chip = wait.until(ec.visibility_of_element_located(
            (By.XPATH, f"{CHAT}//button[.//*[normalize-space()='Art. 59(3)'] or normalize-space()='Art. 59(3)']")))
        mark = wait.until(ec.visibility_of_element_located(
            (By.XPATH, f"{CHAT}//*[text()[contains(., '✓')]]")))
        answer = driver.find_elements(By.XPATH, f"{CHAT}//div[@data-testid='stMarkdownContainer']")  # type: ignore
        text = "\n".join(a.text for a in answer)
        assert "500,000" in text and "2,000,000" in text, text
        assert mark.is_displayed() and chip.is_displayed()
        driver.save_screenshot(str(ARTIFACTS / "answer.png"))  # type: ignore[attr-defined]

        chip.click()
        body = wait.until(ec.visibility_of_element_located(
            (By.XPATH, "//div[@data-testid='stPopoverBody']//strong")))
        assert body.text and body.text in driver.find_element(  # type: ignore[attr-defined]
            By.XPATH, "//div[@data-testid='stPopoverBody']").text
        driver.save_screenshot(str(ARTIFACTS / "chip.png"))  # type: ignore[attr-defined]
        chip.click()  # close the popover

        hostile = "and for the managers? <img src=x onerror=alert(1)>"
        box = driver.find_element(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")  # type: ignore
        box.send_keys(hostile)
        box.send_keys(Keys.ENTER)
        try:
            WebDriverWait(driver, 90, poll_frequency=0.5).until(
                lambda d: len(d.find_elements(By.XPATH, f"{CHAT}//button[contains(., 'Art. 59(3)')]")) >= 2)
        finally:
            driver.save_screenshot(str(ARTIFACTS / "follow_up.png"))  # type: ignore[attr-defined]
        assert any(hostile in m.text for m in driver.find_elements(By.XPATH, CHAT))  # type: ignore  # shown as text
        assert not driver.find_elements(By.CSS_SELECTOR, "img[src='x']")  # type: ignore  # never became markup
        assert not ec.alert_is_present()(driver)
    assert "Traceback" not in log.read_text()


@pytest.mark.browser
def test_two_browser_sessions_at_once_keep_their_own_chats(tmp_path: Path) -> None:
    problem = browser_problem()
    if problem:
        pytest.skip(problem)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    questions = ("What fines apply for massive data leakage?", "What did old Article 65 become?")
    expected = ("500,000", "Article 67")
    with streamlit_server(tmp_path / "index", tmp_path / "streamlit.log") as url, \
            chromium(tmp_path / "a") as first, chromium(tmp_path / "b") as second:
        drivers = (first, second)
        for driver in drivers:
            driver.get(url)  # type: ignore[attr-defined]
        boxes = [WebDriverWait(d, 240, poll_frequency=0.5).until(ec.element_to_be_clickable(
            (By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']"))) for d in drivers]
        for box, question in zip(boxes, questions, strict=True):  # both asked before either answer is read
            box.send_keys(question)
            box.send_keys(Keys.ENTER)
        for driver, question, other, figure in zip(drivers, questions, reversed(questions), expected, strict=True):
            WebDriverWait(driver, 240, poll_frequency=0.5).until(
                lambda d, f=figure: any(f in m.text for m in d.find_elements(By.XPATH, CHAT)))
            chat = "\n".join(m.text for m in driver.find_elements(By.XPATH, CHAT))  # type: ignore[attr-defined]
            assert question in chat and other not in chat
