"""The only two places the page runs JavaScript: scroll to a new answer, copy an answer to the clipboard.

Both are fixed templates. The one piece of data (the answer text to copy) enters
as a JSON string literal with `<`, `>` and `&` written as unicode escapes, so no
text from a user or a model can close the script or become markup.
"""

from __future__ import annotations

import json

import streamlit as st

_SCROLL = """<span data-scroll-to-answer="{n}"></span><script>
(() => {{
  const messages = window.parent.document.querySelectorAll('[data-testid="stChatMessage"]');
  const question = messages[messages.length - 2];
  if (question) question.scrollIntoView({{block: "start", behavior: "instant"}});
}})();
</script>"""

_COPY = """<button type="button" id="copy-{key}" class="csl-copy"
 style="font: inherit; font-size: 0.85rem; padding: 0.2rem 0.7rem; border-radius: 0.5rem;
 border: 1px solid rgba(49, 51, 63, 0.2); background: transparent; cursor: pointer;">Copy answer</button>
<script>
(() => {{
  const doc = window.parent.document;
  const text = {text};
  const button = doc.getElementById("copy-{key}") || document.getElementById("copy-{key}");
  if (!button || button.dataset.ready) return;
  button.dataset.ready = "1";
  button.addEventListener("click", async () => {{
    try {{ await navigator.clipboard.writeText(text); }}
    catch (e) {{
      const area = doc.createElement("textarea"); area.value = text; doc.body.appendChild(area);
      area.select(); doc.execCommand("copy"); area.remove();
    }}
    button.textContent = "Copied";
    button.dataset.copied = text.length;
    setTimeout(() => {{ button.textContent = "Copy answer"; }}, 2000);
  }});
}})();
</script>"""


def js_string(text: str) -> str:
    """A JavaScript string literal that cannot end the <script> element or open markup."""
    return json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def scroll_to_latest_answer(count: int) -> None:
    """Bring the newest question and the start of its answer to the top of the view (once per answer)."""
    st.html(_SCROLL.format(n=int(count)), unsafe_allow_javascript=True)


def copy_button(text: str, key: str) -> None:
    """A one-click 'Copy answer' button (plain text, as the reader sees it without marks)."""
    safe_key = "".join(ch for ch in key if ch.isalnum() or ch in "-_")
    st.html(_COPY.format(key=safe_key, text=js_string(text)), unsafe_allow_javascript=True)
