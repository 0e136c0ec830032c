"""Direct quotations: where they are, with offsets, and which quote marks do not pair up.

Rules (the ones a careful reader uses):

* Double quotes, straight `"` or curly `“ ”`, mark a quotation. A straight `"`
  opens when it follows a space, a line start or an opening bracket/dash, and
  closes otherwise.
* An apostrophe inside a word (Putin’s, don't) is never a quote mark, nor is
  one after a plural "s" that closes nothing (Parents’ groups). Single
  quotes count as quotation marks only in a paragraph that has no double
  quotes (British style, scare quotes in headlines); inside a double-quoted
  passage they are a quote within the quote and stay part of it.
* News convention for long quotes: a paragraph that opens a quotation and does
  not close it continues into the next paragraph when that one opens with a
  quotation mark. The parts share a `group` number.
* A mark that pairs with nothing is reported in `unbalanced`, not guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kit.spans import Span

if TYPE_CHECKING:  # kit.article reads the marks (kit.layout) to find paragraphs: no import at run time
    from kit.article import Article

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_OPENERS_BEFORE = " \t\n\u00a0([{—–-/:;,"


@dataclass(frozen=True)
class Quotation(Span):
    """Quoted words: `text` is between the marks; `outer_*` include the marks present."""

    outer_start: int
    outer_end: int
    paragraph: int
    group: int
    closed: bool  # False when the quotation runs on into the next paragraph


@dataclass
class QuoteScan:
    quotations: list[Quotation] = field(default_factory=list)
    unbalanced: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [q.outer_start for q in self.quotations]

    def containing(self, start: int, end: int | None = None) -> Quotation | None:
        """The quotation whose marks enclose `[start, end)`, if any."""
        end = start + 1 if end is None else end
        i = bisect_right(self._starts, start) - 1
        if i >= 0:
            q = self.quotations[i]
            if q.outer_start <= start and end <= q.outer_end:
                return q
        return None


def _is_apostrophe(text: str, i: int) -> bool:
    """' or ’ between two letters/digits (don’t, Putin’s, rock ’n’ roll is rare enough)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def quote_marks(text: str, start: int, end: int, single: bool) -> list[tuple[int, str]]:
    """(offset, 'open'|'close') for each quote mark in text[start:end]: single quotes when `single`,
    else double ones."""
    out: list[tuple[int, str]] = []
    for i in range(start, end):
        ch = text[i]
        if single:
            if ch in "'’‘" and not _is_apostrophe(text, i):
                before = text[i - 1] if i > start else " "
                after = text[i + 1] if i + 1 < end else " "
                if ch == "‘" or (ch == "'" and before in _OPENERS_BEFORE and not after.isspace()):
                    out.append((i, "open"))
                elif before.isspace() and ch == "’":
                    continue  # ’tis, ’90s: elision, not a quote mark
                elif not before.isspace():
                    out.append((i, "close"))
            continue
        if ch in _DOUBLE_OPEN:
            out.append((i, "open"))
        elif ch in _DOUBLE_CLOSE:
            out.append((i, "close"))
        elif ch == '"':
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if before in _OPENERS_BEFORE and not after.isspace():
                out.append((i, "open"))
            else:
                out.append((i, "close"))
    return out


def find_quotations(article: Article) -> QuoteScan:
    """All direct quotations in the article's non-boilerplate paragraphs."""
    text = article.text
    quotations: list[Quotation] = []
    unbalanced: list[Span] = []
    group = -1
    carry: int | None = None  # group of a quotation left open by the previous paragraph
    paragraphs = [p for p in article.paragraphs if p.role != "boilerplate"]
    for p in paragraphs:
        has_double = any(ch in '"“”„«»' for ch in p.text)
        marks = quote_marks(text, p.start, p.end, single=not has_double)
        open_at: int | None = None
        continuing = carry
        carry = None
        if continuing is not None and not (marks and marks[0][1] == "open" and marks[0][0] == p.start):
            # the previous paragraph's quote was never closed and this one does not continue it
            continuing = None
        for pos, kind in marks:
            if kind == "open":
                if open_at is not None:
                    unbalanced.append(Span(open_at, open_at + 1, text[open_at]))
                open_at = pos
            else:
                if open_at is None:
                    if text[pos] in "'’" and text[pos - 1:pos] in ("s", "S"):
                        continue  # plural possessive ("Parents’ groups"), not a closing quote mark
                    unbalanced.append(Span(pos, pos + 1, text[pos]))
                    continue
                if continuing is not None and open_at == p.start:
                    g = continuing
                    continuing = None
                else:
                    group += 1
                    g = group
                quotations.append(Quotation(open_at + 1, pos, text[open_at + 1:pos], open_at, pos + 1, p.index, g, True))
                open_at = None
        if open_at is not None:
            nxt = _next_paragraph(paragraphs, p)
            opens_next = nxt is not None and nxt.text[:1] in '"“„«‘\''
            if opens_next:
                if continuing is not None and open_at == p.start:
                    g = continuing
                else:
                    group += 1
                    g = group
                quotations.append(Quotation(open_at + 1, p.end, text[open_at + 1:p.end], open_at, p.end, p.index, g, False))
                carry = g
            else:
                unbalanced.append(Span(open_at, open_at + 1, text[open_at]))
    quotations.sort(key=lambda q: q.outer_start)
    return QuoteScan(quotations, unbalanced)


def _next_paragraph(paragraphs, p):
    for q in paragraphs:
        if q.index > p.index:
            return q if q.role == "body" else None
    return None
