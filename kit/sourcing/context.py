"""What every pass reads: the article, its quotations, its sentences, the people it names, the cue verbs.

`build_context` makes it once per analysis; the passes in `kit.sourcing.pipeline`
read it and return what they found (`Raw` attributions, before speakers are
resolved). Only the speaker pass writes to `book`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from kit.article import Article, Span, words_in
from kit.quotes import Quotation, QuoteScan
from kit.sourcing.cues import Cue, CueLexicon
from kit.sourcing.mentions import Mention
from kit.sourcing.model import Kind
from kit.sourcing.speakers import Entity, SpeakerBook, prescan


@dataclass
class Context:
    """One article prepared for the passes (see `build_context`)."""

    article: Article
    scan: QuoteScan
    cues: CueLexicon
    book: SpeakerBook  # the people named in the body (prescan); the speaker pass adds the rest
    quotes: list[Quotation]  # the quotations in body paragraphs
    sents: Sequence[Span] = field(init=False)
    _starts: list[int] = field(init=False, repr=False)
    _words: dict[tuple[int, int], tuple[list[Span], list[int]]] = field(default_factory=dict, init=False, repr=False)
    _para_quotes: dict[int, list] = field(default_factory=dict, init=False, repr=False)
    memo: dict[str, dict] = field(default_factory=dict, init=False, repr=False)  # a pass's per-sentence results

    def __post_init__(self) -> None:
        self.sents = self.article.body_sentences
        self._starts = [s.start for s in self.sents]
        for q in self.quotes:
            self._para_quotes.setdefault(q.paragraph, []).append(q)

    def sentence_words(self, sent: Span) -> list[Span]:
        """The words of a body sentence, tokenised once (a long sentence is not re-read for every cue)."""
        return self._sentence_index(sent)[0]

    def words_before(self, sent: Span, pos: int) -> int:
        """How many of the sentence's words end at or before `pos` (its words before a cue)."""
        return bisect_right(self._sentence_index(sent)[1], pos)

    def words_from(self, sent: Span, pos: int) -> int:
        """The index of the sentence's first word that starts at or after `pos`."""
        words = self._sentence_index(sent)[0]
        return bisect_left(words, pos, key=lambda w: w.start)

    def _sentence_index(self, sent: Span) -> tuple[list[Span], list[int]]:
        got = self._words.get((sent.start, sent.end))
        if got is None:
            words = words_in(self.text, sent.start, sent.end)
            got = self._words[(sent.start, sent.end)] = (words, [w.end for w in words])
        return got

    def paragraph_quotes(self, paragraph: int) -> list:
        """The body quotations of one paragraph, in text order."""
        return self._para_quotes.get(paragraph, [])

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_at(self, offset: int) -> Span:
        """The body sentence that holds `offset` (the first one for an offset before the body)."""
        i = max(0, bisect_right(self._starts, offset) - 1)
        return self.sents[i]

    def in_quote(self, pos: int) -> bool:
        return self.scan.containing(pos) is not None

    def last_visible(self, lo: int, pos: int) -> int:
        """The offset just after the last non-space character of text[lo:pos] (lo when there is none).

        `text[lo:last_visible(lo, pos)]` is `text[lo:pos].rstrip()`, without copying the stretch.
        """
        text = self.text
        while pos > lo and text[pos - 1].isspace():
            pos -= 1
        return pos

    def first_visible(self, pos: int, hi: int) -> int:
        """The offset of the first non-space character of text[pos:hi] (hi when there is none)."""
        text = self.text
        while pos < hi and text[pos].isspace():
            pos += 1
        return pos

    def quote_ends_at(self, i: int) -> bool:
        """Whether a quotation's closing mark ends right before offset i."""
        q = self.scan.containing(i - 1)
        return q is not None and q.outer_end == i


def build_context(article: Article, scan: QuoteScan, cues: CueLexicon) -> Context:
    """The context of one analysis; the speaker book already knows the people the body names with a title."""
    book = SpeakerBook(article.text)
    prescan(book, article)
    body = {p.index for p in article.body_paragraphs}
    return Context(article, scan, cues, book, [q for q in scan.quotations if q.paragraph in body])


@dataclass
class Raw:
    """An attribution as a pass finds it, before its speaker is resolved."""

    sentence: Span
    cue: Cue | None
    mention: Mention | None
    kind: Kind
    rule: str
    quotes: list[Quotation] = field(default_factory=list)
    content: tuple[int, int] | None = None
    extra: list[Cue] = field(default_factory=list)
    inherit: Raw | None = None  # a quotation with no cue of its own carries on this attribution
    entity: Entity | None = None
    variant: str | None = None
