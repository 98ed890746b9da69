"""View: the draft next to the adopted law (shown only when `assistant.ui.side_by_side` exists).

The integrator points this at the side-by-side module's entry point.
"""

from assistant.ui import side_by_side  # type: ignore[attr-defined]

side_by_side.render()
