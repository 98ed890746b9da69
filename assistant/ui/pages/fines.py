"""View: the fine table and the calculator."""

from assistant.ui.views import fines_view

fines_view()
