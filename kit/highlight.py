"""Old home of the highlighter, kept so kit.widgets and kit.batch import unchanged until they move.

Everything here now lives in `kit.render`: `Mark` and `highlight` in
`kit.render.marks`, `markdown_escape` in `kit.render.markdown`, the style
sheet in `kit.render.css`. New code imports from there.
"""

from __future__ import annotations

from kit.render.css import stylesheet
from kit.render.markdown import markdown_escape
from kit.render.marks import Mark, highlight

__all__ = ["STYLE", "Mark", "highlight", "markdown_escape"]

# kit.batch's index page puts this in its <style>; the rules are scoped under .kit-view now, so that page
# needs its content wrapped in <main class="kit-view"> (as the report page is) to be styled again.
STYLE = stylesheet()
