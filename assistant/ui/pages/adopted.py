"""View: the draft next to the adopted law."""

from assistant.ui.adopted_view import render

render()
