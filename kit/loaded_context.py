"""Context rules: when a lexicon word is *not* loaded (or is loaded only in some company).

"crush the enemy" is loaded, "crush a can" is not; "healthy forces of the
opposition" is loaded, "healthy food" is not. A rule is a named set of rows in
`lexicons/loaded_context.csv`; a term names its rule in its `context` column.
Every row of a rule must pass for the match to count.

Row kinds (`window` is how many words to look at):

* `skip_if_prev` / `skip_if_next` / `skip_if_near`: not loaded when one of
  the rule's words is among the `window` words before / after / on either side.
* `only_if_prev` / `only_if_next` / `only_if_near`: loaded only when one of the
  rule's words is there.
* `skip_after_name`: not loaded right after a capitalised word in the middle of
  a sentence, i.e. as the head of a name ("the Watergate scandal", "the Las
  Vegas massacre" name an event). Its `words` are listed plain words that do
  not count as names (write `-` for none).

`extend` = `next` on an `only_if_next` row stretches the highlighted span to the
word that triggered it ("very" + "serious" is shown as "very serious"), unless
that word starts a lexicon term of its own.

Words are single words, compared without case; a trailing `*` matches any
ending (`injur*` matches "injured", "injuries").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from kit.errors import KitInputError

KINDS = ("skip_if_prev", "skip_if_next", "skip_if_near", "only_if_prev", "only_if_next", "only_if_near",
         "skip_after_name")
RULE_COLUMNS = ("rule", "kind", "words", "window", "extend", "explanation")


@dataclass(frozen=True)
class RuleRow:
    """One condition of a context rule."""

    rule: str
    kind: str
    words: frozenset[str]
    prefixes: tuple[str, ...]  # words written with a trailing '*'
    window: int
    extend: bool
    explanation: str

    def hit(self, word: str) -> bool:
        """Whether one (lower-cased) word is on this row's list."""
        return word in self.words or any(word.startswith(p) for p in self.prefixes)

    def first_hit(self, words: Sequence[str]) -> int | None:
        """Index of the first listed word in `words`, or None."""
        for i, w in enumerate(words):
            if self.hit(w):
                return i
        return None


@dataclass(frozen=True)
class Verdict:
    """Outcome of a rule on one match: keep it? and how many extra words to the right to include."""

    keep: bool
    extend_words: int = 0
    why: str = ""


def parse_rule_row(row: dict[str, str], where: str) -> RuleRow:
    """A RuleRow from a CSV row; `where` ("file, line N") goes into any error."""
    name = row.get("rule", "").strip()
    if not name:
        raise KitInputError(f"{where}: empty rule name")
    kind = row.get("kind", "").strip()
    if kind not in KINDS:
        raise KitInputError(f"{where}: unknown kind {kind!r} (use one of {', '.join(KINDS)})")
    raw = [w.strip().lower() for w in row.get("words", "").split("|") if w.strip()]
    if not raw:
        raise KitInputError(f"{where}: rule {name!r} has no words")
    try:
        window = int(row.get("window", "") or "1")
    except ValueError:
        raise KitInputError(f"{where}: window must be a whole number, not {row.get('window')!r}") from None
    if not 1 <= window <= 10:
        raise KitInputError(f"{where}: window must be between 1 and 10")
    extend = row.get("extend", "").strip().lower()
    if extend not in ("", "next"):
        raise KitInputError(f"{where}: extend must be empty or 'next', not {extend!r}")
    if extend and kind != "only_if_next":
        raise KitInputError(f"{where}: extend=next only works with kind only_if_next")
    return RuleRow(
        rule=name,
        kind=kind,
        words=frozenset(w for w in raw if not w.endswith("*")),
        prefixes=tuple(w[:-1] for w in raw if w.endswith("*") and len(w) > 1),
        window=window,
        extend=bool(extend),
        explanation=row.get("explanation", "").strip(),
    )


def apply_rule(rows: Sequence[RuleRow], before: Sequence[str], after: Sequence[str],
               after_name: bool = False) -> Verdict:
    """Judge one match from the lower-cased words `before` it (nearest last) and `after` it (nearest first).

    `after_name`: the word just before the match is capitalised mid-sentence (for `skip_after_name`).
    """
    extend = 0
    for r in rows:
        if r.kind == "skip_after_name":
            if after_name and not (before and r.hit(before[-1])):
                return Verdict(False, 0, f"{r.rule}: {r.explanation}")
            continue
        prev = list(before[-r.window:]) if before else []
        nxt = list(after[: r.window])
        side = r.kind.split("_")[-1]
        looked = prev if side == "prev" else nxt if side == "next" else prev + nxt
        found = r.first_hit(looked)
        if r.kind.startswith("skip") and found is not None:
            return Verdict(False, 0, f"{r.rule}: {r.explanation}")
        if r.kind.startswith("only") and found is None:
            return Verdict(False, 0, f"{r.rule}: {r.explanation}")
        if r.extend and found is not None:
            extend = max(extend, found + 1)
    return Verdict(True, extend)


# Characters after which a capital letter may just start a sentence (or a quotation, or a list item).
_SENTENCE_OPENERS = ".!?:;\"“”‘’'([{—–-•*"
_WORD_RE = re.compile(r"[^\W_]+")


def _opens_sentence(text: str, para_start: int, pos: int) -> bool:
    before = text[para_start:pos].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.islower() for c in word)


def title_case_line(text: str, start: int, end: int) -> bool:
    """Whether a line is written In Title Case (a headline, a tweet): then capitals do not mark names.

    Every word of four letters or more starts with a capital letter (prose always
    has lower-case verbs and nouns). Lines of one or two such words say nothing
    either way and count as not title case.
    """
    long_words = [w for w in _WORD_RE.findall(text[start:end]) if len(w) >= 4]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def capitalised_mid_sentence(text: str, para_start: int, start: int, end: int) -> bool:
    """Whether text[start:end] is a capitalised word that does not open a sentence (so: part of a name)."""
    return _capitalised(text[start:end]) and not _opens_sentence(text, para_start, start)


def inside_proper_name(text: str, start: int, end: int, para_start: int, headword: str,
                       para_end: int | None = None) -> bool:
    """Whether a body match is part of a name ("the Northern Liberation Front", "Liberation Square").

    A lexicon word written in lower case ("liberation") that appears with a capital
    letter in the middle of a sentence, next to another capitalised word, is part of
    a name: an organisation, a place or a title, which the article has to use and
    which is not the writer's judgement. A word that opens a sentence, a headword
    that is itself a name ("Nazis", "Western-backed") and a word in capitals for
    shouting ("SHAMEFUL") are not affected, nor is a line written In Title Case
    (a headline or a tweet the body quotes). Headlines are often in title case, so
    callers use this on body text only.
    """
    para_end = len(text) if para_end is None else para_end
    if not _capitalised(text[start:end]) or any(c.isupper() for c in headword):
        return False
    line_start = max(para_start, text.rfind("\n", para_start, start) + 1)
    line_end = text.find("\n", end, para_end)
    if title_case_line(text, line_start, para_end if line_end < 0 else line_end):
        return False
    if _opens_sentence(text, para_start, start):
        return False
    prev = [m for m in _WORD_RE.finditer(text, para_start, start)]
    if prev and _capitalised(prev[-1].group()) and not _opens_sentence(text, para_start, prev[-1].start()):
        return True
    nxt = _WORD_RE.search(text, end, para_end)
    return nxt is not None and _capitalised(nxt.group()) and not _opens_sentence(text, start, nxt.start())
