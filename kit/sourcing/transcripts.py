"""Interview transcripts and introduced block quotes: words with no quotation marks that a speaker owns.

* A *turn* is a body paragraph opened by a speaker label ("Q:", "A:", "CARLSON:",
  "Tucker Carlson:"), found by `kit.layout.find_turns` when the text is a
  dialogue. Its words are the labelled speaker's: one direct attribution (rule
  `transcript_turn`) from after the label to the end of the paragraph, and on
  over the unlabelled body paragraphs up to the next turn (an answer of several
  paragraphs). After the last turn the narration is the outlet's again.
* Who speaks: a name label is the person the article names with it ("CARLSON"
  is "Tucker Carlson", "DB" the "Dennis B..." the article names); "Q" is the
  interviewer (the byline's author when there is one); "A" is the person
  interviewed: the first person the article names before the first turn.
* A *block quote* is a body paragraph with no quotation mark right after one
  that ends with a colon and attributes it ("The mayor said in a statement:"):
  the paragraph is the speaker's words (rule `block_quote`).

What the other passes read inside a turn as someone speaking in the first or
second person ("I'm telling you"), a quotation carried on from elsewhere, or
the turn's own speaker again, is the turn's speaker: those attributions are
dropped, and so are quotations with no speaker inside a turn. Reported speech
of someone else inside a turn ("A: The council said ...") stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kit.layout import Turn
from kit.quotes import Quotation
from kit.sourcing.mentions import parse_mention
from kit.sourcing.model import Attribution, SourceType

if TYPE_CHECKING:
    from kit.sourcing.context import Context

_FIRST_OR_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
_NAME_RE = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2}\b")
_QUOTE_CHARS = "\"“”„«»"


def add_turns(ctx: Context, attributions: list[Attribution],
              unquoted: list[Quotation]) -> tuple[list[Attribution], list[Quotation]]:
    """The attributions with one per transcript turn and block quote, in reading order, and the quotations
    still without a speaker (those inside a turn are the turn speaker's)."""
    spans = _turn_spans(ctx) + _block_quotes(ctx, attributions)
    if not spans:
        return attributions, unquoted
    new = [a for a, _ in spans]
    inside = [(a.start, a.end, a.speaker) for a in new]

    def owned(a: Attribution) -> bool:
        for s, e, speaker in inside:
            if s <= a.start and a.end <= e or (a.quote_start >= s and a.quote_end <= e and a.kind == "direct"):
                first = a.mention.lower().replace("’", "'").split("'")[0].split()[:1]
                return a.speaker == speaker or not a.mention or bool(first and first[0] in _FIRST_OR_SECOND_PERSON)
        return False

    kept = [a for a in attributions if not owned(a)] + new
    kept.sort(key=lambda a: (a.start, a.mention_start is not None, a.mention_start or 0))
    left = [q for q in unquoted if not any(s <= q.outer_start and q.outer_end <= e for s, e, _ in inside)]
    return kept, left


def _turn_spans(ctx: Context) -> list[tuple[Attribution, Turn | None]]:
    article = ctx.article
    turns = article.layout.turns
    paragraphs = article.paragraphs
    out: list[tuple[Attribution, Turn | None]] = []
    first_turn = turns[0].label_start if turns else 0
    for k, t in enumerate(turns):
        p = paragraphs[t.paragraph]
        if p.role != "body":
            continue
        quotes = [(t.words_start, t.end)]
        stop = turns[k + 1].paragraph if k + 1 < len(turns) else t.paragraph + 1  # after the last turn: narration
        for q in paragraphs[t.paragraph + 1:stop]:
            if q.role != "body":
                break
            quotes.append((q.start, q.end))
        speaker, source_type = _speaker(ctx, t, first_turn)
        colon = ctx.text.index(":", t.label_end)
        out.append((Attribution(
            speaker=speaker, mention=t.label, cue=":", cue_class="neutral", kind="direct",
            named=source_type == "person", source_type=source_type, start=t.label_start, end=quotes[-1][1],
            quote_start=quotes[0][0], quote_end=quotes[-1][1], rule="transcript_turn",
            mention_start=t.label_start, mention_end=t.label_end, cue_start=colon, cue_end=colon + 1,
            quotes=quotes), t))
    return out


def _speaker(ctx: Context, t: Turn, first_turn: int) -> tuple[str, SourceType]:
    """(speaker, source type) of a turn's label."""
    if t.kind == "interviewer":
        author = ctx.article.author
        return (author, "person") if author else ("the interviewer", "anonymous")
    if t.kind == "interviewee":
        name = _first_person_named(ctx, first_turn)
        return (name, "person") if name else ("the person interviewed", "anonymous")
    return _named(ctx, t.label), "person"


def _named(ctx: Context, label: str) -> str:
    """The full name the article gives a label: "CARLSON" -> "Tucker Carlson", "JP" -> "John Pilger"."""
    words = label.split()
    if label.isupper() and 2 <= len(label) <= 3 and len(words) == 1:  # initials
        for m in _NAME_RE.finditer(ctx.text):
            parts = [w for w in m.group().split() if not w.endswith(".")]
            if "".join(w[0] for w in parts) == label:
                return _person(ctx, m.start(), m.end()) or m.group()
        return label
    surname = words[-1].lower()
    for e in ctx.book.entities:
        if e.source_type == "person" and e.surname.lower() == surname:
            return e.canonical
    # a first name (and initial) right before the surname: "Lucy Marsh" in "Presenter Lucy Marsh said"
    full = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z]\.)?\s+" + re.escape(words[-1]) + r"\b", re.IGNORECASE)
    for m in full.finditer(ctx.text):
        if m.group()[:1].isupper() and not m.group().isupper():
            return _person(ctx, m.start(), m.end()) or m.group()
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def _person(ctx: Context, start: int, end: int) -> str | None:
    """The name of the person a phrase names, without a title before it ("Presenter Lucy Marsh")."""
    mention = parse_mention(ctx.text, start, end)
    return " ".join(mention.name) if mention is not None and mention.kind == "person" and mention.name else None


def _first_person_named(ctx: Context, before: int) -> str | None:
    """The first person the body names before offset `before` (the guest an interview introduces)."""
    author = ctx.article.author
    for p in ctx.article.body_paragraphs:
        if p.start >= before:
            break
        for m in _NAME_RE.finditer(ctx.text, p.start, p.end):
            name = _person(ctx, m.start(), m.end())
            if name and name != author:
                return name
    return None


def _block_quotes(ctx: Context, attributions: list[Attribution]) -> list[tuple[Attribution, Turn | None]]:
    """A paragraph with no quotation mark after an attributed one that ends with a colon."""
    article = ctx.article
    turned = {t.paragraph for t in article.layout.turns}
    by_end = {a.end: a for a in attributions}
    out: list[tuple[Attribution, Turn | None]] = []
    for p, nxt in zip(article.paragraphs, article.paragraphs[1:]):
        host = by_end.get(p.end)
        if host is None or p.role != "body" or nxt.role != "body" or not p.text.rstrip().endswith(":") \
                or nxt.index in turned or any(ch in _QUOTE_CHARS for ch in nxt.text):
            continue
        out.append((Attribution(
            speaker=host.speaker, mention="", cue=host.cue, cue_class=host.cue_class, kind="direct",
            named=host.named, source_type=host.source_type, start=nxt.start, end=nxt.end,
            quote_start=nxt.start, quote_end=nxt.end, rule="block_quote", quotes=[(nxt.start, nxt.end)]), None))
    return out
