"""The results of `kit.sourcing.analyse`: attributions, speakers, unattributed claims, and their counts.

Plain data with `to_dict()` for the JSON report; `kit.render` writes it as text,
Markdown and HTML.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, get_args

from kit.article import Span
from kit.lexicons import read_rows

SourceType = Literal["person", "institution", "agency", "document", "anonymous"]
Kind = Literal["direct", "indirect"]
UnattributedKind = Literal["claim", "quote", "scare_quote"]

# What each value means in a sentence a student reads ("3 attributions to institutions").
LABELS: dict[str, str] = {
    "person": "people", "institution": "institutions", "agency": "news agencies", "document": "documents",
    "anonymous": "unnamed sources", "direct": "direct quotations", "indirect": "reported (indirect)",
}


@lru_cache(maxsize=1)
def patterns() -> dict[str, str]:
    """Rule id -> the explanation shown to students."""
    return {r["rule"]: r["explanation"] for r in read_rows("sourcing_patterns.csv", ("rule", "example", "explanation"))}


@dataclass
class Attribution:
    """One source saying one thing. `start`/`end` cover the attributing sentence(s); `quote_*` what was said.

    `mention_*` is None when the attribution has no mention of its own, `cue_*` when it has no cue of its own
    (it carries on the attribution before: the rest of a split quote, the next quoted paragraph).
    """

    speaker: str
    mention: str
    cue: str
    cue_class: str
    kind: Kind
    named: bool
    source_type: SourceType
    start: int
    end: int
    quote_start: int
    quote_end: int
    rule: str
    mention_start: int | None = None
    mention_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    quotes: list[tuple[int, int]] = field(default_factory=list)  # each quoted part, inside the marks
    other_cues: list[str] = field(default_factory=list)
    variant: str | None = None

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in (
            "speaker", "mention", "cue", "cue_class", "kind", "named", "source_type", "start", "end",
            "quote_start", "quote_end", "rule", "mention_start", "mention_end", "cue_start", "cue_end",
            "other_cues", "variant")}
        d["quotes"] = [{"start": s, "end": e} for s, e in self.quotes]
        d["why"] = patterns().get(self.rule, "")
        return d


@dataclass
class SpeakerSummary:
    """One speaker's share of the article: how often they speak, directly or reported, and in how many words."""

    speaker: str
    source_type: SourceType
    named: bool
    direct: int
    indirect: int
    quoted_words: int
    share_of_quoted_words: float
    variants: list[str]
    mentions: list[str]

    @property
    def total(self) -> int:
        return self.direct + self.indirect

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in (
            "speaker", "direct", "indirect", "quoted_words", "share_of_quoted_words", "named", "source_type",
            "variants", "mentions")}


@dataclass(frozen=True)
class Unattributed(Span):
    """A sentence (or quotation) with no source. `kind`: claim | quote | scare_quote."""

    why: str
    kind: UnattributedKind
    markers: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "why": self.why, "kind": self.kind,
                "markers": list(self.markers)}


UNATTRIBUTED_RULE = (
    "A body sentence in the outlet's own voice (no quotation, no cue verb, no 'according to') that forecasts, "
    "demands, claims to know intentions, judges or uses a superlative. Plain facts are not listed."
)


@dataclass
class Sourcing:
    """Who speaks in one article: see `kit.sourcing` for the rules."""

    text: str
    attributions: list[Attribution]
    speakers: list[SpeakerSummary]
    unattributed: list[Unattributed]
    unbalanced: list[Span] = field(default_factory=list)
    headline_sources: list[dict] = field(default_factory=list)  # "Putin: ..." in the headline or a subhead
    cue_classes: dict[str, str] = field(default_factory=dict, repr=False)  # cue -> class, as the analysis read it
    _quote_index: list[tuple[int, int, str]] | None = field(default=None, init=False, repr=False, compare=False)
    _quote_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def speaker_of(self, offset: int) -> str | None:
        """Canonical speaker of the direct quotation containing `offset` (None outside quotations)."""
        if self._quote_index is None:  # built once: loaded language asks for every match
            self._quote_index = sorted((s, e, a.speaker) for a in self.attributions if a.kind == "direct"
                                       for s, e in a.quotes)
            self._quote_starts = [q[0] for q in self._quote_index]
        i = bisect_right(self._quote_starts, offset) - 1  # quoted parts never overlap
        if i >= 0 and offset < self._quote_index[i][1]:
            return self._quote_index[i][2]
        return None

    def counts(self) -> dict[str, int]:
        a = self.attributions
        return {
            "attributions": len(a),
            "direct": sum(x.kind == "direct" for x in a),
            "indirect": sum(x.kind == "indirect" for x in a),
            "named": sum(x.named for x in a),
            "anonymous": sum(not x.named for x in a),
            **{t: sum(x.source_type == t for x in a) for t in get_args(SourceType)},
        }

    def cue_counts(self) -> list[tuple[str, int, str]]:
        """(cue, times used, class), most used first."""
        c = Counter((a.cue, a.cue_class) for a in self.attributions if a.cue and a.cue_start is not None)
        for a in self.attributions:
            for extra in a.other_cues:
                c[(extra, self.cue_classes.get(extra) or _cue_class(extra))] += 1
        return [(cue, n, cls) for (cue, cls), n in c.most_common()]

    def to_dict(self) -> dict:
        return {
            "attributions": [a.to_dict() for a in self.attributions],
            "speakers": [s.to_dict() for s in self.speakers],
            "unattributed": [u.to_dict() for u in self.unattributed],
            "unattributed_rule": UNATTRIBUTED_RULE,
            "unbalanced_quote_marks": [{"start": u.start, "end": u.end, "text": u.text} for u in self.unbalanced],
            "counts": self.counts(),
            "headline_sources": self.headline_sources,
            "cues": [{"cue": c, "count": n, "class": cls} for c, n, cls in self.cue_counts()],
        }


def _cue_class(cue: str) -> str:
    """The class of a built-in cue form ("said": neutral, "claimed": colouring)."""
    from kit.sourcing.cues import (
        builtin_cues,  # the cue lexicon is read on first use, not on import
    )

    return builtin_cues().class_of(cue)


def short_label(entity_name: str, source_type: str) -> str:
    """A short label for a highlight: a person's surname, otherwise the description."""
    if source_type == "person":
        return entity_name.split()[-1]
    return entity_name if len(entity_name) <= 24 else entity_name[:23] + "…"
