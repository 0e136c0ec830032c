"""Direct quotations: the cue and speaker of each quotation, and quotations that carry on another.

A quotation takes its speaker from the cue right after it (`"...," Putin said`,
`"...," said Putin`) or right before it (`Putin said: "..."`,
`Putin said, "..."`), or from the subject of a sentence that introduces it
with a colon (`Wes Streeting was blunt: "..."`). A quotation with no cue of its
own continues the nearest attribution (`continuations`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import TYPE_CHECKING

from kit.article import Span
from kit.quotes import Quotation
from kit.sourcing.steps import checked
from kit.sourcing.context import Raw
from kit.sourcing.cues import COLON_ROW, Cue, find_cues
from kit.sourcing.mentions import Mention, lookup_noun
from kit.sourcing.phrases import (
    ARTICLES,
    MAX_LEAD,
    ends_clause,
    left_chunk,
    opens_with_preposition,
    read_mention,
    right_chunk,
)
from kit.sourcing.subjects import subject

if TYPE_CHECKING:
    from kit.sourcing.context import Context


def find_direct(ctx: Context) -> tuple[list[Raw], list[Quotation]]:
    """Quotations with a cue of their own, one Raw per cue (both halves of a split quote in one), and the
    quotations left with no cue, in text order."""
    raws: list[Raw] = []
    pending: list[Quotation] = []
    by_cue: dict[int, Raw] = {}
    for q in checked(ctx.quotes):
        found = _quote_cue(ctx, q)
        if found is None:
            pending.append(q)
            continue
        cue, m, rule = found
        raw = by_cue.get(cue.start)
        if raw is not None:  # the other half of a split quotation
            raw.quotes.append(q)
            continue
        raw = Raw(ctx.sentence_at(cue.start), cue, m, "direct", rule, [q])
        by_cue[cue.start] = raw
        raws.append(raw)
    return raws, pending


def _neighbours(ctx: Context, q: Quotation) -> tuple[int, int]:
    same = ctx.paragraph_quotes(q.paragraph)
    k = bisect_left(same, q.outer_start, key=lambda x: x.outer_start)
    prev_end = same[k - 1].outer_end if k > 0 else -1
    next_start = same[k + 1].outer_start if k + 1 < len(same) else 10 ** 12
    return prev_end, next_start

def _quote_cue(ctx: Context, q: Quotation) -> tuple[Cue, Mention, str] | None:
    """Colon cue before the quote, else a cue right after it, else a comma cue right before it."""
    left = _left_cue(ctx, q)
    if left and left[2] == "colon_quote":
        return left
    return _right_cue(ctx, q) or left or _colon_subject(ctx, q)

def _colon_subject(ctx: Context, q: Quotation) -> tuple[Cue, Mention, str] | None:
    """'Wes Streeting was blunt: "..."': no cue verb, but the sentence's subject introduces the quotation."""
    sent = ctx.sentence_at(q.outer_start)
    before = ctx.last_visible(sent.start, q.outer_start)
    if before == sent.start or ctx.text[before - 1] != ":":
        return None
    words = ctx.sentence_words(sent)
    lead: list[Span] = []
    for k in range(ctx.words_before(sent, q.outer_start)):
        w = words[k]
        if not (w.text[:1].isupper() or w.text.lower() in ARTICLES or lookup_noun(w)) or len(lead) == MAX_LEAD:
            break
        lead.append(w)
    if not lead or len(lead) == MAX_LEAD:
        return None
    if _first_cue(ctx, sent) < q.outer_start:
        return None  # a cue verb before the colon: the ordinary rules read it
    m = read_mention(ctx, lead[0].start, lead[-1].end, sent)
    if m is None:
        return None
    colon = before - 1
    return Cue(colon, colon + 1, ":", COLON_ROW), m, "colon_no_verb"

def _first_cue(ctx: Context, sent: Span) -> int:
    """Where the sentence's first cue starts (its end when it has none); the cues are read once per sentence."""
    memo = ctx.memo.setdefault("first_cue", {})
    if sent.start not in memo:
        cues = find_cues(ctx, sent.start, sent.end)
        memo[sent.start] = cues[0].start if cues else sent.end
    return memo[sent.start]

def _left_cue(ctx: Context, q: Quotation) -> tuple[Cue, Mention, str] | None:
    prev_end, _ = _neighbours(ctx, q)
    sent = ctx.sentence_at(q.outer_start)
    lo = max(sent.start, prev_end)
    cues = find_cues(ctx, lo, q.outer_start)
    if not cues:
        return None
    cue = cues[-1]
    tail = ctx.text[cue.end:q.outer_start]
    if re.search(r"[.!?\"“”]", tail) or len(tail.split()) > 6:
        return None
    punct = tail.rstrip()[-1:] if tail.strip() else ""
    if punct != ":" and len(tail.split()) > 4:
        return None
    s, e = left_chunk(ctx, lo, cue.start)
    if e <= s and prev_end > 0:  # `"...," he said, "..."` is found from the first half
        return None
    s, e, m = subject(ctx, lo, cue.start, sent)
    if m is None:
        return None
    rule = "colon_quote" if punct == ":" else ("same_quote" if prev_end >= lo else "cue_then_quote")
    return cue, m, rule

def _right_cue(ctx: Context, q: Quotation) -> tuple[Cue, Mention, str] | None:
    if not q.closed:
        return None
    _, next_start = _neighbours(ctx, q)
    para = ctx.article.paragraphs[q.paragraph]
    sent_end = ctx.sentence_at(q.outer_end - 1).end
    if sent_end <= q.outer_end:  # the sentence ends with the quotation ...
        if q.text.rstrip()[-1:] not in "?!" or sent_end >= para.end:
            return None
        nxt = ctx.first_visible(q.outer_end, para.end)
        sent_end = ctx.sentence_at(nxt).end  # ... except '"Why now?" Lee asked.', split after the "?"
    hi = min(next_start, para.end, sent_end)
    cues = find_cues(ctx, q.outer_end, hi)
    if not cues:
        return None
    cue = cues[0]
    sent = ctx.sentence_at(cue.start)
    s, e, m = subject(ctx, q.outer_end, cue.start, sent)
    if ctx.text[q.outer_end:s].strip(" ,\u00a0\n"):
        return None  # something other than the speaker stands between quote and cue
    if e <= s:
        if cue.text.endswith("ing") or cue.row["needs"] == "listener":
            return None  # '"...," told the website': who was told, not who spoke
        s, e = right_chunk(ctx, cue.end, hi)
        if not ends_clause(ctx, e, hi) or opens_with_preposition(ctx, s, e):
            return None
    m = read_mention(ctx, s, e, sent)
    return (cue, m, "quote_then_cue") if m else None


def continuations(ctx: Context, found: list[Raw], pending: list[Quotation]) -> tuple[list[Raw], list[Quotation]]:
    """Give each quotation with no cue of its own to the attribution it continues.

    The other half of a split quote, a quotation inside reported speech or in the same paragraph joins
    its host in `found` (the host gains the quotation; reported speech becomes direct, rule partial_quote);
    a quoted paragraph after an attributed one becomes a new Raw that inherits the host's speaker.
    Returns (the new Raws, the quotations nobody is said to have said).
    """
    hosts = _Hosts(found)  # later pending quotations may continue a new Raw too
    new: list[Raw] = []
    unquoted: list[Quotation] = []
    for q in checked(pending):
        host, rule = _host(ctx, hosts, q)
        if host is None:
            unquoted.append(q)
        elif (host.kind == "direct" and rule != "quoted_paragraph") or rule == "partial_quote":
            host.quotes.append(q)
            hosts.groups.setdefault(q.group, host)
            if host.kind != "direct":
                host.kind, host.rule = "direct", "partial_quote"
        else:
            raw = Raw(ctx.sentence_at(q.outer_start), None, None, "direct", rule, [q], inherit=host)
            hosts.add(raw)
            new.append(raw)
    return new, unquoted


class _Hosts:
    """The attributions a quotation may continue, indexed by quotation group, sentence and position."""

    def __init__(self, raws: list[Raw]) -> None:
        self.groups: dict[int, Raw] = {}  # quotation group -> the first attribution holding a part of it
        self.by_sentence: dict[int, list[Raw]] = {}
        self.keys: list[tuple[int, int]] = []  # (sentence start, order added), sorted
        self.raws: list[Raw] = []
        for r in raws:
            self.add(r)

    def add(self, r: Raw) -> None:
        for x in r.quotes:
            self.groups.setdefault(x.group, r)
        self.by_sentence.setdefault(r.sentence.start, []).append(r)
        insort(self.keys, (r.sentence.start, len(self.raws)))
        self.raws.append(r)

    def last_in(self, lo: int, hi: int) -> Raw | None:
        """The attribution whose sentence starts last in [lo, hi) (the first added, on a tie)."""
        i = bisect_left(self.keys, (hi, -1))
        if i == 0 or self.keys[i - 1][0] < lo:
            return None
        start = self.keys[i - 1][0]
        return self.raws[self.keys[bisect_left(self.keys, (start, -1))][1]]


def _host(ctx: Context, hosts: _Hosts, q: Quotation) -> tuple[Raw | None, str]:
    if q.group in hosts.groups:  # the same quotation running over several paragraphs
        return hosts.groups[q.group], "same_group"
    sent = ctx.sentence_at(q.outer_start)
    for r in hosts.by_sentence.get(sent.start, []):
        if r.sentence == sent and r.kind == "indirect" and r.content and r.content[0] <= q.outer_start:
            return r, "partial_quote"
    para = ctx.article.paragraphs[q.paragraph]
    before = hosts.last_in(para.start, q.outer_start)
    if before is not None:
        return before, "same_paragraph"
    whole = q.outer_start == para.start and q.outer_end >= para.end - 2
    prev = ctx.article.paragraphs[q.paragraph - 1] if q.paragraph > 0 else None
    if whole and prev is not None and prev.role == "body":
        earlier = hosts.last_in(prev.start, prev.end)
        if earlier is not None:
            return earlier, "quoted_paragraph"
    return None, ""
