"""View: the renumbering map."""

from assistant.ui.views import renumbering_view

renumbering_view()
