"""Headlines and subheads that hand the floor to a source: "Putin: ..." or "'...', says union boss".

A headline is the outlet's own voice; one built on a source's claim frames the
story as that claim. The verbs that hand the floor ("says", "warns") are the
forms in the `headline` column of `lexicons/cue_verbs.csv`. Only a source the
body also names counts: "Breaking:" or "Analysis:" is nobody.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

from kit.sourcing.mentions import parse_mention
from kit.sourcing.phrases import trim

if TYPE_CHECKING:
    from kit.sourcing.context import Context

_COLON = re.compile(r"\s*(?P<who>[^:“\"‘'’]{2,40}?):\s+\S")  # "Putin: Russia supports ..."


def _says(forms: tuple[str, ...]) -> re.Pattern | None:
    """"'...', says X" at the end of a headline, for the headline cue forms."""
    if not forms:
        return None
    verbs = "|".join(re.escape(f) for f in forms)
    return re.compile(r"[,’'\"”]\s*(?:" + verbs + r")\s+(?P<who>[^,]{2,40}?)\s*$")


def find_headline_sources(ctx: Context) -> list[dict]:
    """One dict per headline or subhead that gives the floor to a source the body names.

    Resolving the headline's mention must not change who the body's speakers are, so this reads a copy of
    the speaker book, and a person mention that names nobody in the book is skipped before it is recorded.
    """
    book = copy.deepcopy(ctx.book)
    says = _says(ctx.cues.headline_forms)
    out: list[dict] = []
    for p in ctx.article.paragraphs:
        if p.role not in ("title", "subhead"):
            continue
        for hit in (_COLON.match(p.text), says.search(p.text) if says else None):
            if not hit:
                continue
            s, e = trim(ctx.text, p.start + hit.start("who"), p.start + hit.end("who"))
            m = parse_mention(ctx.text, s, e)
            if m is None or m.kind == "pronoun":
                continue
            if m.kind == "person" and book.find_person(m) is None:
                break  # "Breaking:", "Analysis:": a word the body never names is not a source
            ent, _ = book.resolve(m)
            if ent is not None:
                region = "headline" if p.role == "title" else "subhead"
                out.append({"speaker": ent.canonical, "mention": m.text, "region": region, "start": p.start,
                            "end": p.end, "text": p.text, "mention_start": m.start, "mention_end": m.end})
            break
    return out
