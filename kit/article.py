"""Article anatomy: raw text -> title, paragraphs with roles, byline, outlet, body sentences.

Every part keeps `start`/`end` offsets into the exact text the user gave
(`text[start:end] == part.text`), with no normalisation: highlighting, tests and
the JSON report all rest on that.

The rules are meant for any news story pasted as plain text, not for one site:

* Paragraphs and the text's layout come from `kit.layout`: blank-line blocks,
  hard-wrapped prose, one paragraph or one sentence per line; lines are joined
  where a quotation or a sentence runs over a line break. `Article.layout` says
  what was assumed, in a sentence a student can read.
* A paragraph is *boilerplate* or a *related link* when a row of
  `lexicons/boilerplate.csv` matches it (bylines, credit lines, captions), or
  when it has no word of two letters (a stray "*" or "X").
* A *heading-like* paragraph is short and does not end like a sentence.
  The first one before any body text is the title; one that sits between body
  paragraphs is a subhead; one after the last body paragraph is boilerplate
  (an outlet signature, a tag line). A quotation left open, a speaker's turn
  ("Q: Why?") and, in a text with one sentence or paragraph per line, a line
  that opens with a quotation mark or in lower case or ends with "?" or "!" are
  sentences, never subheads.
* Everything else is body, split into sentences by `split_sentences`.

Line breaks for layout are `\n`, `\r\n` and a lone `\r` (old Mac files): the
text itself is never rewritten, only its lines are found that way, so offsets
still index the raw text.

Time is linear in the text whatever it holds: no pattern here can backtrack
over a run of spaces, and the CSV rules only look at short paragraphs (the
limit is `_RULE_MAX_CHARS`), so a rule a teacher adds cannot make a long one
slow either.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache
from typing import cast, get_args

from kit import budget
from kit.layout import Layout, ends_like_sentence, leaves_quote_open, read_layout, split_paragraphs  # noqa: F401
from kit.lexicons import read_csv
from kit.sentences import split_sentences
from kit.spans import WORD_RE, Paragraph, Role, Sentence, Span, words_in  # re-exported: the kit reads them from here

ROLES: tuple[Role, ...] = get_args(Role)

_HEADING_MAX_WORDS = 16
_HEADING_MAX_CHARS = 130
_SENTENCE_END_CHARS = ".:;,"  # a heading never ends with these
_OPEN_QUOTES = "\"'“‘«(["
_CLOSE_QUOTES = "\"'”’»)]"
# A boilerplate line (byline, credit, date) has at most 30 words; one of 30 words in over a thousand
# characters is not one, and the CSV rules (which a teacher may extend) never see it: a rule like
# `\S.*?\s*$` is quadratic over a long run of spaces.
_RULE_MAX_CHARS = 1000
# "WASHINGTON (AP) — ..." or "LONDON, March 3 (Reuters) - ...", matched on the opening characters
# only: its runs of capitals and spaces backtrack, and over a whole first paragraph of two letters
# and 160,000 spaces that took 43 s.
_DATELINE_RE = re.compile(r"[A-Z][A-Z .,'-]{2,}(?:,\s*[^()\n]{0,40})?\s*\(([A-Z][\w .&-]{1,30})\)\s*[-—–]")
_DATELINE_MAX_CHARS = 200


@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[tuple[re.Pattern, str, str, str], ...]:
    return tuple(
        (re.compile(r["pattern"]), r["role"], r["field"], r["explanation"])
        for r in read_csv("boilerplate.csv")
    )


def _is_heading_like(s: str) -> bool:
    words = WORD_RE.findall(s)
    return (
        0 < len(words) <= _HEADING_MAX_WORDS
        and len(s) <= _HEADING_MAX_CHARS
        and s.rstrip(_CLOSE_QUOTES)[-1:] not in _SENTENCE_END_CHARS
        and not ends_like_sentence(s.rstrip("!?"))  # "Why now?" is fine, "... now." is not
    )


def _is_stray(s: str) -> bool:
    """No word of two or more letters: a stray "*", "X" or "---"."""
    return not any(sum(ch.isalpha() for ch in w) >= 2 for w in WORD_RE.findall(s))


def _sentences_not_subheads(text: str, layout: Layout, spans: list[tuple[int, int]], roles: list[tuple[str, str]]) -> None:
    """Heading-like paragraphs after the first body one that are sentences: a quotation left open, and in
    a text with one sentence or paragraph per line, a line opening with a quote mark or in lower case,
    or a question or exclamation (there, a short line is usually one of the story's sentences)."""
    seen_body = False
    per_line = layout.one_line_per_unit
    for i, ((s, e), (role, _)) in enumerate(zip(spans, roles)):
        seen_body = seen_body or role == "body"
        if role != "heading" or not seen_body:
            continue
        para = text[s:e]
        if leaves_quote_open(text, s, e):
            roles[i] = ("body", "a quotation that goes on: part of a sentence, not a subhead")
        elif per_line and (para[:1] in _OPEN_QUOTES or para[:1].islower() or para.rstrip()[-1:] in "?!"):
            roles[i] = ("body", "a short sentence on its own line (the text has one sentence or paragraph "
                                "per line), not a subhead")


def _place_headings(roles: list[tuple[str, str]]) -> None:
    """Heading-like paragraphs become the title, a subhead or boilerplate by where they sit."""
    body_idx = [i for i, (r, _) in enumerate(roles) if r == "body"]
    first_body = body_idx[0] if body_idx else len(roles)
    last_body = body_idx[-1] if body_idx else -1
    title_found = False
    for i, (role, _why) in enumerate(roles):
        if role != "heading":
            if role in ("body", "related_link"):
                title_found = title_found or role == "body"
            continue
        if not title_found and i < first_body:
            roles[i] = ("title", "the first heading-like line before the body")
            title_found = True
        elif i < first_body:
            roles[i] = ("boilerplate", "a short line between the headline and the story (a date, a job title)")
        elif i < last_body:
            roles[i] = ("subhead", "a short line without a full stop between body paragraphs")
        else:
            roles[i] = ("boilerplate", "a short line after the last body paragraph (a signature)")


class Article:
    """One article's anatomy. Build it with `Article(text)`; every part keeps offsets."""

    def __init__(self, text: str):
        self.text = text
        self.paragraphs: list[Paragraph] = []
        self.author: str | None = None
        self.outlet: str | None = None
        self.layout: Layout  # set by _classify: what the kit assumed about the text's lines
        self._classify()
        self.body_sentences: list[Sentence] = [
            Sentence(s.start, s.end, s.text, p.index)
            for p in self.paragraphs
            if p.role == "body"
            for s in split_sentences(text, p.start, p.end)
        ]

    # -- building -------------------------------------------------------------
    def _classify(self) -> None:
        text = self.text
        self.layout, spans = read_layout(text)
        turns = {t.paragraph for t in self.layout.turns}
        roles: list[tuple[str, str]] = []
        carry_next = ""
        for n, (s, e) in enumerate(spans):
            if not n & 255:
                budget.check("finding the paragraphs")
            if carry_next:  # the line after a caption marker is the caption
                roles.append(("boilerplate", carry_next))
                carry_next = ""
                continue
            role, why, takes_next = self._rule_role(text[s:e])
            if role == "heading" and n in turns:
                role, why = "body", "a speaker's turn in an interview (opened by a label such as \"Q:\" or a name)"
            roles.append((role, why))
            carry_next = why if takes_next else ""
        _sentences_not_subheads(text, self.layout, spans, roles)
        _place_headings(roles)
        self.paragraphs = [
            # every provisional role ("heading") was settled to a Role by _place_headings
            Paragraph(s, e, text[s:e], i, cast(Role, role), why)
            for i, ((s, e), (role, why)) in enumerate(zip(spans, roles))
        ]
        if self.outlet is None:
            self.outlet = self._outlet_from_dateline()

    def _rule_role(self, para: str) -> tuple[str, str, bool]:
        """(role, why, whether the next paragraph belongs to this one) from the CSV rules."""
        n_words = len(WORD_RE.findall(para))
        if _is_stray(para):
            return "boilerplate", "a stray mark with no words", False
        if n_words <= 30 and len(para) <= _RULE_MAX_CHARS:
            for pattern, role, field, why in _boilerplate_rules():
                m = pattern.search(para)
                if not m:
                    continue
                if field == "author" and (ends_like_sentence(para) or n_words > 12):
                    continue
                # a byline may name the outlet too ("By Maria Lopez, Riverside Gazette")
                for name, value in m.groupdict().items():
                    value = (value or "").strip().rstrip(".,;:")
                    if name in ("author", "outlet") and value and self.__dict__.get(name) is None:
                        setattr(self, name, value)
                return role, why, field == "+next"
        if _is_heading_like(para):
            return "heading", "", False
        return "body", "prose: longer than a heading or ends like a sentence", False

    def _outlet_from_dateline(self) -> str | None:
        """"WASHINGTON (AP) — ..." or "LONDON, March 3 (Reuters) - ...": the agency in brackets."""
        for p in self.paragraphs:
            if p.role == "body":
                m = _DATELINE_RE.match(p.text[:_DATELINE_MAX_CHARS])
                return m.group(1) if m else None
        return None

    # -- views ----------------------------------------------------------------
    def _with_role(self, role: Role) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role == role]

    @cached_property
    def title_paragraph(self) -> Paragraph | None:
        """The title paragraph, or None when the text opens straight into prose."""
        titles = self._with_role("title")
        return titles[0] if titles else None

    @property
    def title(self) -> str:
        """The headline ("" when the text has none)."""
        return self.title_paragraph.text if self.title_paragraph else ""

    @cached_property
    def body_paragraphs(self) -> list[Paragraph]:
        return self._with_role("body")

    @cached_property
    def subheads(self) -> list[Paragraph]:
        return self._with_role("subhead")

    @cached_property
    def related_links(self) -> list[Paragraph]:
        return self._with_role("related_link")

    @cached_property
    def boilerplate(self) -> list[Paragraph]:
        return self._with_role("boilerplate")

    @cached_property
    def body_words(self) -> list[Span]:
        """Word tokens of the body sentences, in order."""
        return [w for s in self.body_sentences for w in words_in(self.text, s.start, s.end)]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing `offset`, if any (a bisection: callers ask once per match)."""
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and self.paragraphs[i].start <= offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def to_dict(self) -> dict:
        """The `structure` section of the JSON report."""
        return {
            "title": self.title,
            "subheads": [p.text for p in self.subheads],
            "related_links": [p.text for p in self.related_links],
            "outlet": self.outlet,
            "author": self.author,
            "paragraphs": [
                {"start": p.start, "end": p.end, "role": p.role, "why": p.why} for p in self.paragraphs
            ],
            "body_sentences": [{"start": s.start, "end": s.end} for s in self.body_sentences],
            "layout": self.layout.to_dict(),
        }
