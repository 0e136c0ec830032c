"""Words of a student's answer: tokens, light stems, and the word lists the checks read.

The lists are CSV files in kit/lexicons/ (grading_*.csv, and the kit's own
cue_verbs.csv); nothing here needs a tagger or a download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kit.lexicons import function_words as lexicon_sets
from kit.lexicons import read_csv

# a word (letters, inner apostrophes), a number, or one punctuation mark
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ism", "ist", "ers", "er", "ed",
             "es", "ern", "ly", "s")


@dataclass(frozen=True)
class Token:
    text: str   # folded: lower case, curly apostrophes straightened
    start: int  # offsets into the answer as typed
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


def fold(text: str) -> str:
    """Lower case, curly quotes straightened, spaces collapsed: for comparing, never for display."""
    return " ".join(text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split())


def tokens(text: str) -> list[Token]:
    return [Token(fold(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    """The folded words of a text, without punctuation (hyphenated words are split: 'war-torn')."""
    return [t.text for t in tokens(text) if t.is_word]


def stem(word: str) -> str:
    """A crude stem that is enough to see that a rewrite kept a word: 'Western' ~ 'West', 'Syrian' ~ 'Syria'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if w.endswith("ian") and len(w) > 5:  # Syrian -> syria, Russian -> russia
        w = w[:-1]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)] + ("y" if suf in ("ies", "ied") else "")
            break
    return w[:5]


def content_stems(text: str) -> set[str]:
    """Stems of the words of 4+ letters that carry content (not 'that', 'with', 'said')."""
    fw = function_words()
    return {stem(w) for w in words(text) if len(w) >= 4 and w.replace("'", "") not in fw}


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    # the comparison's content-free words, plus the modals and cue verbs every answer is full of
    return lexicon_sets("content_free") | lexicon_sets("content_free_answers")


def _inflect(verb: str) -> set[str]:
    """Regular forms of a verb; over-generating is harmless (they are only looked up)."""
    out = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"}
    if verb.endswith("e"):
        out |= {verb[:-1] + "ing", verb + "d"}
    if verb.endswith("y"):
        out |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou":
        out |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return out


@lru_cache(maxsize=1)
def verb_forms() -> frozenset[str]:
    """Every form of the verbs the kit knows (grading_verbs.csv plus the kit's reporting verbs)."""
    out: set[str] = set()
    for row in read_csv("grading_verbs.csv"):
        out |= _inflect(row["verb"].lower())
        out |= {f.strip().lower() for f in row["forms"].split("|") if f.strip()}
    out |= cue_forms()
    return frozenset(out)


@lru_cache(maxsize=1)
def finite_forms() -> frozenset[str]:
    """Forms that show a verb is in use even in a list: auxiliaries, modals, past and -s forms."""
    out = {f for f in verb_forms() if f.endswith(("s", "ed", "ing")) or f in {
        "am", "is", "are", "was", "were", "has", "had", "did", "will", "would", "can", "could", "shall", "should",
        "may", "might", "must", "said", "told", "went", "made", "gave", "got", "fled", "left", "knew", "thought"}}
    return frozenset(out)


@lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """Reporting verbs and their forms, from the kit's cue_verbs.csv (say, claim, warn, ...)."""
    out: set[str] = set()
    for row in read_csv("cue_verbs.csv"):
        out.add(row["verb"].lower())
        out |= {f.strip().lower() for f in row["forms"].split("|") if f.strip()}
    out |= {"think", "thinks", "thought", "believe", "believes", "believed", "know", "knows", "knew", "agree",
            "agrees", "agreed", "feel", "feels", "felt", "suspect", "suspects"}
    return frozenset(w for w in out if " " not in w)


def is_verb(word: str) -> bool:
    """Could this word be a verb? Lenient on purpose: a wrong 'yes' only lets an answer through to 'check'."""
    w = word.lower().replace("’", "'")
    if w in verb_forms():
        return True
    if "'" in w:  # it's, they're, we'll, don't
        return w.endswith(("n't", "'re", "'ll", "'ve", "'d", "'m")) or w in ("it's", "that's", "he's", "she's",
                                                                          "there's", "what's", "who's")
    return len(w) >= 5 and w.endswith(("ed", "ing", "ise", "ize", "ises", "izes", "ate", "ates", "ify", "ifies"))


@lru_cache(maxsize=1)
def negations() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(words, kind) of each negation phrase, longest first; kind 'not' or 'stop'."""
    rows = [(tuple(r["phrase"].lower().split()), r["kind"]) for r in read_csv("grading_negations.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def vague_sources() -> tuple[tuple[str, str], ...]:
    """(phrase, why) of the vague sources a rewrite must not add ('experts', 'critics', 'many people')."""
    return tuple(sorted(((r["phrase"].lower(), r["explanation"]) for r in read_csv("grading_vague_sources.csv")),
                        key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def dont_know_phrases() -> tuple[str, ...]:
    return tuple(r["phrase"].lower() for r in read_csv("grading_dont_know.csv"))
