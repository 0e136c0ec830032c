"""The words the lessons show for a paragraph role, a part of the page and a voice: one table per kind.

Views, tables and figures all read these, so a label reads the same in a
table, a highlighted article and a chart legend.
"""

from __future__ import annotations

# One table of each kind, shared with the report: kit.render.phrases.
from kit.render.phrases import REGION_LABELS, ROLE_LABELS, VOICE_LABELS  # noqa: E402,F401  (re-exported)

# The parts of the page a reader sees first, and the parts a student marks (everything but boilerplate).
HEADLINE_ROLES = ("title", "subhead", "related_link")
READ_ROLES = frozenset({"title", "subhead", "related_link", "body"})
