"""Direct quotations: the cue and speaker of each quotation, and quotations that carry on another.

A quotation takes its speaker from the cue right after it (`"...," Putin said`,
`"...," said Putin`) or right before it (`Putin said: "..."`,
`Putin said, "..."`), or from the subject of a sentence that introduces it
with a colon (`Wes Streeting was blunt: "..."`). A quotation with no cue of its
own continues the nearest attribution (`continuations`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kit.article import words_in
from kit.quotes import Quotation
from kit.sourcing.context import Raw
from kit.sourcing.cues import COLON_ROW, Cue, find_cues
from kit.sourcing.mentions import Mention, lookup_noun
from kit.sourcing.phrases import (
    ARTICLES,
    ends_clause,
    left_chunk,
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
    for q in ctx.quotes:
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
    same = [x for x in ctx.quotes if x.paragraph == q.paragraph]
    k = same.index(q)
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
    before = ctx.text[sent.start:q.outer_start].rstrip()
    if not before.endswith(":") or find_cues(ctx, sent.start, q.outer_start):
        return None
    lead = []
    for w in words_in(ctx.text, sent.start, q.outer_start):
        if not (w.text[:1].isupper() or w.text.lower() in ARTICLES or lookup_noun(w)):
            break
        lead.append(w)
    if not lead:
        return None
    m = read_mention(ctx, lead[0].start, lead[-1].end, sent)
    if m is None:
        return None
    colon = sent.start + len(before) - 1
    return Cue(colon, colon + 1, ":", COLON_ROW), m, "colon_no_verb"

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
        rest = ctx.text[q.outer_end:para.end]
        nxt = q.outer_end + len(rest) - len(rest.lstrip())
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
        if cue.text.endswith("ing"):
            return None
        s, e = right_chunk(ctx, cue.end, hi)
        if not ends_clause(ctx, e, hi):
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
    hosts = list(found)  # later pending quotations may continue a new Raw too
    new: list[Raw] = []
    unquoted: list[Quotation] = []
    for q in pending:
        host, rule = _host(ctx, hosts, q)
        if host is None:
            unquoted.append(q)
        elif (host.kind == "direct" and rule != "quoted_paragraph") or rule == "partial_quote":
            host.quotes.append(q)
            if host.kind != "direct":
                host.kind, host.rule = "direct", "partial_quote"
        else:
            raw = Raw(ctx.sentence_at(q.outer_start), None, None, "direct", rule, [q], inherit=host)
            hosts.append(raw)
            new.append(raw)
    return new, unquoted


def _host(ctx: Context, raws: list[Raw], q: Quotation) -> tuple[Raw | None, str]:
    for r in raws:  # the same quotation running over several paragraphs
        if any(x.group == q.group for x in r.quotes):
            return r, "same_group"
    sent = ctx.sentence_at(q.outer_start)
    for r in raws:
        if r.sentence == sent and r.kind == "indirect" and r.content and r.content[0] <= q.outer_start:
            return r, "partial_quote"
    para = ctx.article.paragraphs[q.paragraph]
    before = [r for r in raws if para.start <= r.sentence.start < q.outer_start]
    if before:
        return max(before, key=lambda r: r.sentence.start), "same_paragraph"
    whole = q.outer_start == para.start and q.outer_end >= para.end - 2
    prev = ctx.article.paragraphs[q.paragraph - 1] if q.paragraph > 0 else None
    if whole and prev is not None and prev.role == "body":
        earlier = [r for r in raws if prev.start <= r.sentence.start < prev.end]
        if earlier:
            return max(earlier, key=lambda r: r.sentence.start), "quoted_paragraph"
    return None, ""
