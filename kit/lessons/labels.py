"""The words the lessons show for a paragraph role, a part of the page and a voice: one table per kind.

Views, tables and figures all read these, so a label reads the same in a
table, a highlighted article and a chart legend.
"""

from __future__ import annotations

# Paragraph role (kit.article) -> label. Views show it in capitals as a badge ("RELATED LINK").
ROLE_LABELS = {
    "title": "headline",
    "body": "body",
    "subhead": "subhead",
    "related_link": "related link",
    "boilerplate": "boilerplate",
}

# Region of a loaded word (kit.loaded) -> label; plural, as in "loaded words in the subheads".
REGION_LABELS = {"headline": "headline", "subhead": "subheads", "related_link": "related links", "body": "body"}

# Voice of a loaded word (kit.loaded: 'outlet', 'reported' or 'quoted') -> label, in that order.
VOICE_LABELS = {"outlet": "the outlet's own words", "reported": "reported speech", "quoted": "inside quotations"}

# The parts of the page a reader sees first, and the parts a student marks (everything but boilerplate).
HEADLINE_ROLES = ("title", "subhead", "related_link")
READ_ROLES = frozenset({"title", "subhead", "related_link", "body"})
