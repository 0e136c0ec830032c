"""Unattributed claims: what the outlet says in its own voice that a source should stand behind.

A body sentence with no attribution and no quotation is listed when it holds
a word from `lexicons/sourcing_claim_markers.csv`: a forecast ("will"), a
necessity ("should"), a claim about intentions ("is ready to"), a judgement
("ridiculous") or a superlative ("the cheapest"). Plain facts (dates, places,
who met whom) have no such word and are not listed; "will" in a sentence with
a date or a clock time is a timetable, not a forecast. A quotation nobody is
said to have said is listed too (a scare quote when it is three words or fewer
inside a sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from kit.article import words_in
from kit.lexicons import date_words, function_words, read_rows
from kit.quotes import Quotation
from kit.sourcing.steps import checked
from kit.sourcing.model import Attribution, Unattributed, UnattributedKind

if TYPE_CHECKING:
    from kit.sourcing.context import Context

_POSSESSIVE_THE = function_words("possessive_the")


@lru_cache(maxsize=1)
def _claim_markers() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    rows = read_rows("sourcing_claim_markers.csv", ("marker", "kind", "explanation"))
    return tuple((tuple(r["marker"].lower().split()), r["kind"], r["explanation"]) for r in rows)


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern:
    """Dates and clock times: "will" in a sentence with one is a timetable, not a forecast.

    The words come from lexicons/sourcing_dates.csv (matched as written, so "May" but not "may");
    the pattern adds years (2026) and clock times (7:30).
    """
    words = sorted(date_words(), key=len, reverse=True)
    alts = "|".join(re.escape(w) + (r"\b" if w[-1].isalnum() else "") for w in words)
    return re.compile(r"\b(?:" + alts + r")|\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\b")


@lru_cache(maxsize=1)
def _markers_by_first() -> dict[str, tuple]:
    """Claim markers indexed by their first word ("'" for suffixes such as 'll)."""
    out: dict[str, tuple] = {}
    for m in _claim_markers():
        key = "'" if m[0][0].startswith("'") else m[0][0]
        out[key] = out.get(key, ()) + (m,)
    return out


def find_claims(ctx: Context, attributions: list[Attribution], unquoted: list[Quotation]) -> list[Unattributed]:
    """Claims in sentences no attribution or quotation covers, and the quotations with no speaker, in order."""
    text = ctx.text
    covered = sorted([(a.start, a.end) for a in attributions] + [(q.outer_start, q.outer_end) for q in ctx.quotes])
    starts = [c[0] for c in covered]
    reach, furthest = [], -1  # furthest end among the spans starting at or before each start
    for _, ce in covered:
        furthest = max(furthest, ce)
        reach.append(furthest)
    out: list[Unattributed] = []
    for s in checked(ctx.sents):
        k = bisect_right(starts, s.end - 1) - 1  # spans starting before the sentence ends
        if k >= 0 and reach[k] > s.start:
            continue
        hits = _marker_hits(ctx, s.start, s.end)
        if hits:
            words = []
            for m, _, _ in hits:
                if m not in words:
                    words.append(m)
            m0, k0, why0 = hits[0]
            why = f"no source; {k0} word \"{m0}\": {why0}"
            out.append(Unattributed(s.start, s.end, s.text, why, "claim", tuple(words)))
    for q in unquoted:
        sent = ctx.sentence_at(q.outer_start)
        kind: UnattributedKind
        if len(words_in(text, q.start, q.end)) <= 3 and q.outer_start > sent.start:
            why, kind = "words in quotation marks with no speaker: scare quotes keep the writer at a distance", "scare_quote"
        else:
            why, kind = "a quotation with no speaker: who said these words?", "quote"
        out.append(Unattributed(q.outer_start, q.outer_end, text[q.outer_start:q.outer_end], why, kind))
    return sorted(out, key=lambda u: u.start)


def _marker_hits(ctx: Context, start: int, end: int) -> list[tuple[str, str, str]]:
    """(marker, kind, explanation) for each claim marker in the sentence outside quotations."""
    text = ctx.text
    toks = [w for w in words_in(text, start, end) if not ctx.in_quote(w.start)]
    low = [t.text.lower().replace("’", "'") for t in toks]
    hits: list[tuple[int, str, str, str]] = []  # (token index, marker, kind, explanation)
    scheduled: set[int] = set()
    by_first = _markers_by_first()
    for i in range(len(low)):
        cands = by_first.get(low[i], ()) + tuple(m for m in by_first.get("'", ()) if low[i].endswith(m[0][0]))
        for words, kind, why in cands:
            if words[0].startswith("'"):
                ok = len(words) == 1 and low[i].endswith(words[0])
            else:
                ok = tuple(low[i:i + len(words)]) == words
            if not ok:
                continue
            if kind == "scheduled":
                scheduled.add(i)
            elif kind != "not_a_claim":
                hits.append((i, " ".join(words), kind, why))
    for i in range(1, len(low)):  # "the cheapest", "its biggest": a superlative not on the list
        if low[i - 1] in _POSSESSIVE_THE and low[i].endswith("est") and len(low[i]) > 5 and low[i].isalpha() \
                and not any(k in ("superlative", "not_a_claim") and tuple(low[i - 1:i + 1]) == w
                            for w, k, _ in _claim_markers()):
            hits.append((i, f"{low[i - 1]} {low[i]}", "superlative",
                         "A superlative (-est): compared with what, and who says so?"))
    dated = _date_re().search(text, start, end) is not None
    return [(m, k, w) for i, m, k, w in hits if not ((i in scheduled or dated) and k == "forecast")]
