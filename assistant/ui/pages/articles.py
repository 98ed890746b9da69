"""View: the articles of the draft."""

from assistant.ui.views import articles_view

articles_view()
