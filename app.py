"""`streamlit run app.py` (what `make run` does): the app itself lives in `assistant/ui/page.py`."""

from assistant.ui.page import main

main()
