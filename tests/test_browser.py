"""End to end in a real browser: `csl-assistant app` and headless Chromium, one flow per test, as a person would.

One server per module (started through the `app` command, so the page shipped in
the package is what runs) on a fresh CSL_INDEX_DIR, which also covers the first
start; one Chromium shared by the flows, in file order: ask, chip, verification
panel, follow-up, copy, reload, export, lookup, fine table, calculator, then two
sessions at once. Screenshots go to artifacts/browser/ for a human look.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    from tests.browser_helpers import ROOT, browser_problem, chromium, streamlit_server
except ImportError:  # tests/ collected as plain modules (no tests/__init__.py)
    from browser_helpers import ROOT, browser_problem, chromium, streamlit_server  # type: ignore[no-redef]

pytestmark = pytest.mark.browser
QUESTION = "What fines apply for massive data leakage?"
ARTIFACTS = ROOT / "artifacts" / "browser"
CHAT = "//div[@data-testid='stChatMessage']"
BOX = "[data-testid='stChatInputTextArea']"
PANEL = "//div[@data-testid='stExpander'][.//summary[contains(., 'checked against the text')]]"


@pytest.fixture(scope="module")
def selenium():
    problem = browser_problem()
    if problem:
        pytest.skip(problem)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return By, Keys, ec, WebDriverWait


@pytest.fixture(scope="module")
def server(selenium, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("browser")
    log = tmp / "streamlit.log"
    with streamlit_server(tmp / "index", log, via_cli=True) as url:
        yield url, log
    assert "Traceback" not in log.read_text()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(server, downloads: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium(tmp_path_factory.mktemp("profile"), downloads) as browser:
        browser.get(server[0])  # type: ignore[attr-defined]
        yield browser


def _wait(selenium, driver, seconds: float = 240):
    return selenium[3](driver, seconds, poll_frequency=0.3)


def _shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def _ask(selenium, driver, question: str) -> None:
    by, keys, ec, _ = selenium
    box = _wait(selenium, driver).until(ec.element_to_be_clickable((by.CSS_SELECTOR, BOX)))
    box.send_keys(question)
    box.send_keys(keys.ENTER)


def _messages(selenium, driver) -> list:
    return driver.find_elements(selenium[0].XPATH, CHAT)


def test_ask_answer_first_with_marks_and_sources(selenium, driver) -> None:
    by, _, ec, _ = selenium
    wait = _wait(selenium, driver)
    wait.until(ec.visibility_of_element_located((by.XPATH, f"//button[contains(., '{QUESTION}')]")))
    _shot(driver, "start")
    _ask(selenium, driver, QUESTION)
    wait.until(ec.visibility_of_element_located((by.XPATH, f"{CHAT}//button[normalize-space()='Copy answer']")))
    answer = _messages(selenium, driver)[1]
    blocks = [b.text for b in answer.find_elements(by.XPATH, ".//div[@data-testid='stMarkdownContainer']")]
    text = "\n".join(blocks)
    assert "500,000 to 2,000,000 yuan ✓" in text and "50,000 to 200,000 yuan ✓" in text, text
    assert "Article 59 ✓" not in text and "Art. 59(3) ✓" not in text  # references carry no mark
    assert "Sources" in answer.text and "Copy answer" in answer.text
    _shot(driver, "answer")


def test_source_chip_opens_full_text_with_the_quote(selenium, driver) -> None:
    by, _, ec, _ = selenium
    chip = driver.find_element(by.XPATH, f"{CHAT}//button[.//*[normalize-space()='Art. 59(3)']]")
    chip.click()
    body = _wait(selenium, driver).until(ec.visibility_of_element_located(
        (by.XPATH, "//div[@data-testid='stPopoverBody']//strong[contains(., 'paragraph 3')]")))
    popover = driver.find_element(by.XPATH, "//div[@data-testid='stPopoverBody']").text
    assert body.text in popover and "Old number" in popover
    _shot(driver, "chip")
    chip.click()  # close it


def _settled(fn):
    """fn() once the page stops replacing the element (Streamlit re-renders after a run)."""
    from selenium.common.exceptions import StaleElementReferenceException

    def attempt(_driver):
        try:
            return fn()
        except StaleElementReferenceException:
            return None

    return attempt


def test_verification_panel_in_plain_words(selenium, driver) -> None:
    by = selenium[0]
    summary = driver.find_element(by.XPATH, f"{PANEL}//summary")
    assert summary.text.strip().endswith("figures checked against the text")
    summary.click()
    wait = _wait(selenium, driver, 30)
    def panel_text() -> str | None:
        text = driver.find_element(by.XPATH, PANEL).text
        return text if "Checked against" in text else None

    text = wait.until(_settled(panel_text))
    assert "Article 59, paragraph 3" in text and "shall (mandatory)" in text and "art59." not in text
    bold = wait.until(_settled(lambda: [b.get_attribute("textContent") for b in driver.find_elements(
        by.XPATH, f"{PANEL}//blockquote//strong")] or None))
    assert "500,000 yuan but not more than 2,000,000 yuan" in bold, bold
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", driver.find_element(by.XPATH, PANEL))
    _shot(driver, "verification")


def test_follow_up_keeps_context_and_escapes_markup(selenium, driver) -> None:
    by, _, ec, _ = selenium
    hostile = "and for the managers? <img src=x onerror=alert(1)>"
    _ask(selenium, driver, hostile)
    try:
        _wait(selenium, driver, 120).until(lambda d: len(_messages(selenium, d)) >= 4 and d.find_elements(
            by.XPATH, f"({CHAT})[4]//button[normalize-space()='Copy answer']"))
    finally:
        _shot(driver, "follow_up")
    messages = _messages(selenium, driver)
    assert hostile in messages[2].text and "50,000 to 200,000 yuan" in messages[3].text
    assert not driver.find_elements(by.CSS_SELECTOR, "img[src='x']")
    assert not ec.alert_is_present()(driver)
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", messages[2])
    assert -5 <= top < driver.execute_script("return window.innerHeight") / 2  # scrolled to the new answer


def test_copy_answer_puts_the_text_on_the_clipboard(selenium, driver) -> None:
    by = selenium[0]
    button = driver.find_elements(by.XPATH, f"{CHAT}//button[normalize-space()='Copy answer']")[-1]
    button.click()
    _wait(selenium, driver, 10).until(lambda d: button.text == "Copied")
    assert int(button.get_attribute("data-copied")) > 50


def test_reload_keeps_the_chat(selenium, driver) -> None:
    url = driver.current_url
    assert "s=" in url
    before = [m.text for m in _messages(selenium, driver)]
    driver.get(url)
    _wait(selenium, driver, 60).until(lambda d: len(_messages(selenium, d)) == len(before))
    assert [m.text.split("\n")[0] for m in _messages(selenium, driver)] == [t.split("\n")[0] for t in before]
    _shot(driver, "reloaded")


def test_export_downloads_a_dated_versioned_file(selenium, driver, downloads: Path) -> None:
    by, _, ec, _ = selenium
    _wait(selenium, driver, 60).until(ec.element_to_be_clickable(
        (by.XPATH, "//button[contains(., 'Export conversation')]"))).click()
    _wait(selenium, driver, 30).until(lambda d: list(downloads.glob("csl-draft-conversation-*.md")))
    path = next(downloads.glob("csl-draft-conversation-*.md"))
    time.sleep(0.5)  # let Chromium finish writing
    text = path.read_text(encoding="utf-8")
    assert QUESTION in text and "- Exported: " in text and "- Answering backend: grounded" in text
    assert "text fingerprint" in text and "#### Sources" in text


def test_sidebar_lookup_of_an_old_number(selenium, driver) -> None:
    by, keys, ec, _ = selenium
    box = driver.find_element(by.XPATH, "//section[@data-testid='stSidebar']//input[@type='text']")
    box.send_keys("old 65")
    box.send_keys(keys.ENTER)
    _wait(selenium, driver, 30).until(ec.visibility_of_element_located(
        (by.XPATH, "//section[@data-testid='stSidebar']//*[contains(., 'Article 67 (old 65)')]")))
    _shot(driver, "lookup")


def test_fine_table_view_filters(selenium, driver) -> None:
    by, _, ec, _ = selenium
    driver.find_element(by.XPATH, "//a[.//span[normalize-space()='Fine table and calculator']]").click()
    wait = _wait(selenium, driver, 60)
    wait.until(ec.visibility_of_element_located((by.XPATH, "//h1[contains(., 'Fines in the law in force')]")))
    wait.until(lambda d: d.find_elements(by.XPATH, "//*[@role='columnheader' and contains(., 'To (yuan)')]"))
    count = "//*[contains(text(), 'bands shown')]"
    total = wait.until(ec.visibility_of_element_located((by.XPATH, count))).text
    _shot(driver, "fines")
    driver.find_element(by.XPATH, "//button[normalize-space()='person']").click()

    def person_cells() -> list[str] | None:
        if driver.find_element(by.XPATH, count).text == total:
            return None
        return [c.get_attribute("textContent") for c in driver.find_elements(by.XPATH, "//*[@role='gridcell']")]

    cells = wait.until(_settled(person_cells))
    assert "network operator" not in cells and any("responsible" in c for c in cells)


def test_calculator_states_band_condition_and_result(selenium, driver) -> None:
    by, keys, ec, _ = selenium
    box = driver.find_element(by.XPATH, "//input[@aria-label='Illegal gains (yuan)']")
    box.send_keys(keys.CONTROL, "a")
    box.send_keys("400,000")
    box.send_keys(keys.ENTER)
    result = _wait(selenium, driver, 30).until(ec.visibility_of_element_located(
        (by.XPATH, "//strong[normalize-space()='400,000 to 2,000,000 yuan']")))
    sentence = result.find_element(by.XPATH, "./ancestor::p[1]").text  # the law in force: adopted Article 63
    assert sentence.startswith("Article 63, paragraph 1: Illegal gains of 400,000 yuan exceed 100,000 yuan")
    assert "adopted.art63" not in driver.find_element(by.TAG_NAME, "main").text
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", result)
    _shot(driver, "calculator")


def test_two_sessions_at_once_keep_their_own_chats(selenium, driver, server, tmp_path: Path) -> None:
    by, _, ec, _ = selenium
    questions = ("What fines apply for massive data leakage?", "What did old Article 65 become?")
    expected = ("500,000", "Article 67")
    with chromium(tmp_path / "second") as other:
        drivers = (driver, other)
        for browser in drivers:
            browser.get(server[0])  # type: ignore[attr-defined]  # no session link: a new, empty chat
        for browser in drivers:
            _wait(selenium, browser, 60).until(ec.element_to_be_clickable((by.CSS_SELECTOR, BOX)))
            assert not _messages(selenium, browser)
        for browser, question in zip(drivers, questions, strict=True):  # both asked before either is read
            _ask(selenium, browser, question)
        for browser, question, other_question, figure in zip(drivers, questions, reversed(questions), expected,
                                                             strict=True):
            _wait(selenium, browser).until(lambda d, f=figure: any(f in m.text for m in _messages(selenium, d)))
            chat = "\n".join(m.text for m in _messages(selenium, browser))
            assert question in chat and other_question not in chat
