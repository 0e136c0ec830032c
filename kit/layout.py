"""How a pasted text is laid out, and its paragraphs as (start, end) offsets into the raw text.

Texts reach the kit in five layouts, and each needs its own reading of a line break:

* `blank_lines`: paragraphs separated by blank lines (most articles, the seeds);
* `hard_wrapped`: the same, with each paragraph broken into lines of ~70 characters
  (e-mail, plain-text archives): the lines of a block are one paragraph;
* `paragraph_per_line`: one paragraph per line and no blank lines (many copy-pastes from web pages);
* `sentence_per_line`: one sentence per line and no blank lines (the Propaganda Techniques Corpus, and
  other web pastes): the text does not say where its paragraphs begin;
* `single_paragraph`: one line only.

In every layout each line of a block is a paragraph (a byline, a date, a caption are lines of their
own) unless the block is hard-wrapped, and two lines are joined into one paragraph when the text itself
shows the break is inside one: a quotation opened on a line and closed on a later one with no quote
mark in between, or a sentence that runs on (no final punctuation or a closing quote mark, and the next line
opens in lower case; or a colon, and the next line opens the quotation it introduces).
Nothing is rewritten: paragraphs are offsets into the raw text, and a joined one keeps its line breaks.

`Layout.note` says in one sentence a student understands what the kit assumed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from kit.lexicons import read_rows
from kit.quotes import quote_marks
from kit.sentences import split_sentences
from kit.spans import WORD_RE

LayoutKind = Literal["blank_lines", "hard_wrapped", "paragraph_per_line", "sentence_per_line", "single_paragraph"]
Unit = Literal["paragraph", "line"]

_LINE_BREAK = re.compile(r"\r\n?|\n")  # CR-only files (classic Mac OS) have lines too
_CLOSE_QUOTES = "\"'”’»)]"
_OPEN_QUOTES = "\"“„«‘"
_PROSE_MIN_WORDS = 8  # a line of prose, not a byline, a date or a heading
_QUOTE_RUN_MAX_LINES = 8  # a quotation left open longer than this is a stray mark, not a long quote
_RUN_ON_MIN_WORDS = 5
# "Q: ...", "CARLSON: ...", "Tucker Carlson: ...": up to four capitalised words and a colon opening a line.
_LABEL_RE = re.compile(r"(?P<label>[A-Z][A-Za-z.'’-]*(?:[ \u00a0][A-Z][A-Za-z.'’-]*){0,3})[ \u00a0]?:[ \t\u00a0]+(?=\S)")
# Share of prose lines holding two sentences or more above which lines are paragraphs, not sentences.
_MULTI_SENTENCE_SHARE = 0.25


@dataclass(frozen=True)
class Turn:
    """A paragraph opened by a speaker label ("Q:", "CARLSON:"): the words after it are the speaker's.

    `kind` is "interviewer", "interviewee" (from lexicons/speaker_labels.csv) or "name".
    """

    paragraph: int  # index into the paragraphs
    label_start: int
    label_end: int  # the label without its colon
    words_start: int  # the first character after the colon and the spaces
    end: int
    label: str
    kind: str


@dataclass(frozen=True)
class Layout:
    """What the kit assumed about the text's lines; `note` says it to a student in one sentence.

    `unit` is what an entry of `Article.paragraphs` stands for: "line" when the text has one sentence
    per line, so "paragraphs" there are lines, not the writer's paragraphs.
    """

    kind: LayoutKind
    lines: int  # non-blank lines
    paragraphs: int
    joined: int  # line breaks read as inside a paragraph (a quotation or a sentence running on)
    unit: Unit
    note: str
    turns: tuple[Turn, ...] = field(default=())  # speaker-labelled paragraphs, when the text is a transcript

    def to_dict(self) -> dict:
        return {"kind": self.kind, "unit": self.unit, "lines": self.lines, "paragraphs": self.paragraphs,
                "joined_line_breaks": self.joined, "transcript_turns": len(self.turns), "note": self.note}

    @property
    def one_line_per_unit(self) -> bool:
        """True for the layouts with no blank lines between paragraphs (one paragraph or sentence per line)."""
        return self.kind in ("paragraph_per_line", "sentence_per_line")


def ends_like_sentence(s: str) -> bool:
    """Whether `s` ends with final punctuation (before any closing quotes or brackets)."""
    s = s.rstrip().rstrip(_CLOSE_QUOTES)
    return bool(s) and s[-1] in ".!?…"


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without the line break (LF, CRLF or CR) or surrounding whitespace;
    a blank line is `(pos, pos)`."""
    out = []
    pos = 0
    breaks = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(text)] + [(len(text), len(text))]
    for stop, after in breaks:
        raw = text[pos:stop]
        stripped = raw.rstrip()
        lead = len(raw) - len(raw.lstrip())
        out.append((pos + lead, pos + len(stripped)) if stripped else (pos, pos))
        pos = after
    return out


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in lines(text):
        if s == e:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((s, e))
    return [b for b in blocks if b]


def is_wrapped_prose(text: str, block: list[tuple[int, int]]) -> bool:
    """A block whose lines are one hard-wrapped paragraph (e-mail or plain-text style)."""
    if len(block) < 2:
        return False
    pieces = [text[s:e] for s, e in block]
    if any(len(p) > 100 for p in pieces):
        return False
    if any(len(p) < 30 for p in pieces[:-1]):
        return False
    mid_sentence = sum(not ends_like_sentence(p) for p in pieces[:-1])
    return mid_sentence * 2 >= len(pieces) - 1


def _is_prose(line: str) -> bool:
    return len(WORD_RE.findall(line)) >= _PROSE_MIN_WORDS and (ends_like_sentence(line) or len(line) >= 80)


def leaves_quote_open(text: str, s: int, e: int) -> bool:
    """A double quotation mark opens on the line and nothing closes it before the line ends."""
    open_at = None
    for pos, kind in quote_marks(text, s, e, single=False):
        open_at = pos if kind == "open" else None
    return open_at is not None


def _first_mark(text: str, s: int, e: int) -> str | None:
    marks = quote_marks(text, s, e, single=False)
    return marks[0][1] if marks else None


def _quote_run(text: str, block: list[tuple[int, int]], i: int) -> int:
    """Index of the line that closes a quotation left open at the end of line i, or i when none does."""
    for j in range(i + 1, min(len(block), i + 1 + _QUOTE_RUN_MAX_LINES)):
        first = _first_mark(text, *block[j])
        if first == "close":
            return j
        if first == "open":
            return i  # reopened: the news convention for a long quote, paired by kit.quotes
    return i


def _runs_on(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Line b carries on the sentence of line a: a stops mid-sentence (or after a quotation: `?"` + `he said.`)
    and b goes on in lower case, or a ends with a colon and b opens the quotation it introduces."""
    first = text[a[0]:a[1]]
    nxt = text[b[0]:b[0] + 1]
    if len(WORD_RE.findall(first)) < _RUN_ON_MIN_WORDS:
        return False
    if first.endswith(":"):
        return nxt in _OPEN_QUOTES
    after_quote = first[-1:] in _CLOSE_QUOTES and first[-1:] not in ")]"
    return (after_quote or not ends_like_sentence(first)) and first[-1:] != "|" and nxt.isalpha() and nxt.islower()


def _join_lines(text: str, block: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """The paragraphs of a block that is not hard-wrapped, and how many line breaks were joined."""
    out: list[tuple[int, int]] = []
    joined = 0
    i = 0
    while i < len(block):
        j = i
        while True:  # a paragraph may chain a quotation and a run-on sentence
            if leaves_quote_open(text, block[j][0], block[j][1]):
                k = _quote_run(text, block, j)
            elif j + 1 < len(block) and _runs_on(text, block[j], block[j + 1]):
                k = j + 1
            else:
                k = j
            if k == j:
                break
            j = k
        out.append((block[i][0], block[j][1]))
        joined += j - i
        i = j + 1
    return out, joined


def read_layout(text: str) -> tuple[Layout, list[tuple[int, int]]]:
    """The layout of `text` and its paragraphs, (start, end) offsets into the raw text."""
    blocks = _blocks(text)
    n_lines = sum(len(b) for b in blocks)
    paragraphs: list[tuple[int, int]] = []
    joined = wrapped_lines = 0
    adjacent_prose = prose = longest = 0
    counted = multi_sentence = 0  # lines of five words or more in blocks of several lines, and how many hold 2+ sentences
    for block in blocks:
        if is_wrapped_prose(text, block):
            paragraphs.append((block[0][0], block[-1][1]))
            wrapped_lines += len(block)
            continue
        longest = max(longest, len(block))
        is_prose = [_is_prose(text[s:e]) for s, e in block]
        prose += sum(is_prose)
        for k, (s, e) in enumerate(block):
            if is_prose[k] and ((k > 0 and is_prose[k - 1]) or (k + 1 < len(block) and is_prose[k + 1])):
                adjacent_prose += 1
            if len(block) > 1 and len(WORD_RE.findall(text, s, e)) >= _RUN_ON_MIN_WORDS:
                counted += 1
                multi_sentence += len(split_sentences(text, s, e)) > 1
        paras, n = _join_lines(text, block)
        paragraphs += paras
        joined += n
    kind: LayoutKind
    if n_lines <= 1:
        kind = "single_paragraph"
    elif (adjacent_prose >= 3 and adjacent_prose * 2 >= prose) or (longest >= 4 and longest * 2 >= n_lines):
        # lines of prose follow each other with no blank line between: a line is a paragraph or a sentence
        kind = "paragraph_per_line" if multi_sentence > _MULTI_SENTENCE_SHARE * counted else "sentence_per_line"
    elif wrapped_lines * 2 >= n_lines:
        kind = "hard_wrapped"
    else:
        kind = "blank_lines"
    unit: Unit = "line" if kind == "sentence_per_line" else "paragraph"
    turns = find_turns(text, paragraphs)
    note = _note(kind, n_lines, len(paragraphs), joined)
    if turns:
        note = note[:-1] + (f"; {_count(len(turns), 'paragraph')} opened by a speaker's label (\"Q:\", \"NAME:\") "
                            "are that speaker's words.")
    return Layout(kind, n_lines, len(paragraphs), joined, unit, note, turns), paragraphs


@lru_cache(maxsize=1)
def _label_kinds() -> dict[str, str]:
    return {r["label"]: r["kind"] for r in read_rows("speaker_labels.csv", ("label", "kind", "explanation"))}


def find_turns(text: str, paragraphs: list[tuple[int, int]]) -> tuple[Turn, ...]:
    """The paragraphs opened by a speaker label, when there is a dialogue: two labels or more, each a
    Q/A label, a name in capitals, or a name in ordinary case that labels two turns or more."""
    kinds = _label_kinds()
    found: list[Turn] = []
    for i, (s, e) in enumerate(paragraphs):
        m = _LABEL_RE.match(text, s, e)
        if m is None:
            continue
        label = m.group("label")
        kind = kinds.get(label.lower().replace("’", "'"), "name")
        if kind == "not_a_speaker" or (kind == "name" and len(label) < 2):
            continue
        found.append(Turn(i, m.start("label"), m.end("label"), m.end(), e, label, kind))
    uses = Counter(t.label for t in found)
    found = [t for t in found if t.kind != "name" or t.label.isupper() or uses[t.label] >= 2]
    # A name label is a speaker's when its turn answers another's: the paragraph before or after is a turn of
    # another label. Section labels ("Federation: Spain", "Background: ...") head a block of their own.
    at = {t.paragraph: t.label for t in found}
    answered = {t.label for t in found
                if at.get(t.paragraph - 1, t.label) != t.label or at.get(t.paragraph + 1, t.label) != t.label}
    kept = tuple(t for t in found if t.kind != "name" or t.label in answered)
    return kept if len({t.label for t in kept}) >= 2 else ()


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (see `read_layout`)."""
    return read_layout(text)[1]


def _note(kind: LayoutKind, n_lines: int, n_paragraphs: int, joined: int) -> str:
    """One sentence for a student: what the kit assumed about the text's lines."""
    times = {1: "once", 2: "twice"}.get(joined, f"{joined} times")
    runs = f" (joined to the next where a quotation or a sentence runs on, {times})" if joined else ""
    if kind == "single_paragraph":
        return "Your text is a single line, so the kit read it as one paragraph."
    if kind == "hard_wrapped":
        return ("Your text had its lines broken inside paragraphs and blank lines between them, so the kit "
                "joined the lines between two blank lines into one paragraph.")
    if kind == "paragraph_per_line":
        return (f"Your text had one paragraph per line and no blank lines, so the kit took each of its "
                f"{_count(n_lines, 'line')} as a paragraph{runs}.")
    if kind == "sentence_per_line":
        return (f"Your text had one sentence per line and no blank lines, so the kit cannot see where its "
                f"paragraphs begin: it took each of its {_count(n_lines, 'line')} as a paragraph{runs}, so its "
                f"{n_paragraphs} “paragraphs” are lines, not the writer's paragraphs.")
    return ("Your text had blank lines between paragraphs, so the kit took each block between them as a paragraph, "
            f"and each line of a block of short lines (a byline, a date) as its own{runs}.")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
