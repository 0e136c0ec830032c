"""Whose voice a loaded word is in: `quoted`, `reported` or `outlet` (DESIGN.md, issue 13).

* `quoted`: inside a direct quotation (the quotation scan of kit.quotes decides,
  so a word is quoted even when sourcing cannot name the speaker);
* `reported`: inside what was said in an indirect attribution ("According to X,
  ...", "X said that ...", "X considers it ..."): the `quote_start`/`quote_end`
  span of an attribution of kind "indirect". A paraphrase mixes the speaker's
  meaning with the outlet's wording, and a reader cannot tell which word is
  whose, so it is neither the outlet's own voice nor a quotation;
* `outlet`: everything else, the article in its own words; also the cue verb of
  an attribution ("insisted", "slammed"), even inside another source's
  paraphrase: how a source is said to speak is the teller's choice of word.

Only body text can be quoted or reported: headlines, subheads and link texts are
the outlet's voice even when they carry quotation marks (the caller decides).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any, Literal

from kit.quotes import QuoteScan

# Whose words a loaded word is in; kit.render.phrases.VOICE_LABELS says each in a student's words.
Voice = Literal["outlet", "reported", "quoted"]
QUOTED: Voice = "quoted"
REPORTED: Voice = "reported"
OUTLET: Voice = "outlet"


def _get(a: Any, key: str) -> Any:
    """A field of an Attribution object or of a report-style attribution dict."""
    return a.get(key) if isinstance(a, dict) else getattr(a, key, None)


def _spans(attributions: Sequence[Any], kind: str) -> list[tuple[int, int, str | None]]:
    """(start, end, speaker) of what was said, for the attributions of one kind; malformed ones skipped."""
    out = []
    for a in attributions:
        try:
            if (_get(a, "kind") or "direct") != kind or _get(a, "quote_start") is None:
                continue
            s, e = int(_get(a, "quote_start")), int(_get(a, "quote_end"))
        except (AttributeError, KeyError, TypeError, ValueError):
            continue
        if s < e:
            out.append((s, e, _get(a, "speaker")))
    return out


def _cue_spans(attributions: Sequence[Any]) -> list[tuple[int, int, str | None]]:
    """(start, end, None) of each attribution's own cue verb; attributions without one are skipped."""
    out: list[tuple[int, int, str | None]] = []
    for a in attributions:
        try:
            s, e = _get(a, "cue_start"), _get(a, "cue_end")
            if s is not None and e is not None and int(s) < int(e):
                out.append((int(s), int(e), None))
        except (AttributeError, TypeError, ValueError):
            continue
    return out


class _Intervals:
    """Spans (start, end, speaker) that may overlap; `innermost(offset)` is the shortest one containing it.

    Sorted by start, and a query looks back only as far as the longest span reaches, so a long article
    with many attributions stays linear in practice.
    """

    def __init__(self, spans: list[tuple[int, int, str | None]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self.reach = max((e - s for s, e, _ in self.spans), default=0)

    def innermost(self, offset: int) -> tuple[int, int, str | None] | None:
        best = None
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.starts[i] >= offset - self.reach:
            s, e, who = self.spans[i]
            if offset < e and (best is None or e - s < best[1] - best[0]):
                best = (s, e, who)
            i -= 1
        return best


class VoiceFinder:
    """Answers voice_of(start, end) for the body matches of one article."""

    def __init__(self, quotes: QuoteScan, sourcing: Any = None, attributions: Sequence[Any] | None = None):
        self.quotes = quotes
        atts: Sequence[Any] = attributions if attributions is not None else getattr(sourcing, "attributions", ())
        speaker_of = getattr(sourcing, "speaker_of", None)
        direct = _Intervals(_spans(atts, "direct"))
        self._speaker_of: Callable[[int], str | None] = (
            speaker_of if callable(speaker_of) else lambda o: (direct.innermost(o) or (0, 0, None))[2])
        # innermost wins: in "X said the Kremlin considers it unacceptable", the nearer view is the Kremlin's
        self._reported = _Intervals(_spans(atts, "indirect"))
        self._cues = _Intervals(_cue_spans(atts))

    def voice_of(self, start: int, end: int) -> tuple[Voice, str | None]:
        """(voice, speaker) of a body match at text[start:end]; speaker is None when unknown or the outlet's."""
        if self.quotes.containing(start, end) is not None:
            # a bug in the sourcing object surfaces here rather than silently dropping the speaker
            return QUOTED, self._speaker_of(start)
        span = self._reported.innermost(start)
        if span is not None and self._cues.innermost(start) is None:
            return REPORTED, span[2]
        return OUTLET, None
