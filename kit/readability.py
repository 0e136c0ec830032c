"""How hard is the article to read? Grade formulas on the body, and why.

All scores are computed from the kit's own counts of the *body* sentences
(headlines, subheads, links and boilerplate are left out), so a student can
redo the arithmetic from the numbers in the report. Syllables and the
Dale–Chall easy words come from `kit.syllables` (textstat's rule and word
list, offline).

What every formula can see: sentence length and word length (in syllables or
letters), and, for Dale–Chall, whether a word is on a list of 3,000 familiar
words. What none of them can see: whether the ideas are hard, whether the
sentences make sense, whether the text is true, fair or well sourced. A
sentence of short words can be a lie; a long sentence can be perfectly clear.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from kit import budget
from kit.article import Article, Span, split_sentences, words_in
from kit.lexicons import numbered_rows
from kit.syllables import easy_words, syllables

LONG_WORD_LETTERS = 7  # "long word" as in LIX: seven letters or more


@dataclass(frozen=True)
class Counts:
    """The raw counts every formula below is built from."""

    sentences: int
    words: int
    syllables: int
    letters: int  # letters only, for Coleman–Liau
    characters: int  # letters and digits, for ARI
    polysyllabic_words: int  # 3+ syllables (SMOG)
    complex_words: int  # 3+ syllables and not an easy word (Gunning Fog)
    difficult_words: int  # not on the Dale–Chall easy list (Dale–Chall)
    long_words: int  # 7+ letters


@dataclass(frozen=True)
class SentenceDifficulty:
    """One sentence and what makes it hard."""

    start: int
    end: int
    text: str
    words: int
    syllables: int
    long_words: list[str]
    hard_words: list[str]  # 3+ syllables and not an easy word
    grade: float  # Flesch–Kincaid grade of this sentence alone


# A sentence is called hard only above this Flesch-Kincaid grade: beyond school level, where a general
# reader starts to struggle. `hardest()` gives the relatively hardest, which may still be easy.
HARD_GRADE = 12.0


# Scores that are school grades (years of school); Reading Ease and Dale-Chall's raw score are not.
GRADE_SCORES = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                "automated_readability_index", "consensus_grade")


@lru_cache(maxsize=1)
def _score_ranges() -> dict[str, tuple[float, float, str, str]]:
    """measure -> (low, high, note below, note above), from lexicons/score_ranges.csv."""
    return {row["measure"]: (float(row["low"]), float(row["high"]), row["below"], row["above"])
            for _line, row in numbered_rows("score_ranges.csv", ("measure", "low", "high", "below", "above"))}


def score_note(measure: str, value: float) -> str:
    """Why a score outside its usual range looks odd ("" inside it), for wherever the score is shown.

    The numbers are the formulas' own and are never clipped: a grade of -1.4 or
    32 is what the arithmetic gives; the note says what such a value means.
    `measure` is a key of `Readability.scores`, or "grade" for any grade.
    """
    key = "grade" if measure in GRADE_SCORES or measure == "grade" else measure
    rng = _score_ranges().get(key)
    if rng is None:
        return ""
    low, high, below, above = rng
    return below if value < low else above if value > high else ""


@dataclass
class Readability:
    counts: Counts
    scores: dict[str, float]
    sentences: list[SentenceDifficulty] = field(default_factory=list)

    def hard(self, n: int = 3, threshold: float | None = None) -> list[SentenceDifficulty]:
        """Up to n of the hardest sentences that are actually hard (grade above HARD_GRADE); [] if none is."""
        limit = HARD_GRADE if threshold is None else threshold
        return [s for s in self.hardest(n) if s.grade > limit]

    def hardest(self, n: int = 3) -> list[SentenceDifficulty]:
        """The n sentences with the highest grade (longest first on ties)."""
        return sorted(self.sentences, key=lambda s: (-s.grade, -s.words, s.start))[:n]

    def to_dict(self, hardest: int = 3) -> dict:
        """The `readability` section of the JSON report."""
        c = asdict(self.counts)
        return {
            "sentences": c.pop("sentences"),
            "words": c.pop("words"),
            "counts": c,
            **{k: round(v, 2) for k, v in self.scores.items()},
            "hardest_sentences": [
                {"start": s.start, "end": s.end, "score": round(s.grade, 2), "words": s.words,
                 "hard_words": s.hard_words}
                for s in self.hardest(hardest)
            ],
            "per_sentence": [
                {"start": s.start, "end": s.end, "words": s.words, "syllables": s.syllables,
                 "long_words": len(s.long_words), "hard_words": len(s.hard_words), "grade": round(s.grade, 2)}
                for s in self.sentences
            ],
        }


@lru_cache(maxsize=65536)  # the same few thousand words come back in every article and every keystroke
def is_easy(word: str) -> bool:
    """On the Dale–Chall list, directly or as a regular inflection (walks, walked, walking)."""
    w = word.lower().replace("’", "'")
    easy = easy_words()
    if w in easy:
        return True
    for suffix, repl in (("'s", ""), ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2 and w[: -len(suffix)] + repl in easy:
            return True
    return False


@lru_cache(maxsize=65536)
def _letters(word: str) -> tuple[int, int]:
    """(letters, letters and digits) of one word, counted once per distinct word."""
    return sum(ch.isalpha() for ch in word), sum(ch.isalnum() for ch in word)


def _difficulty(s: Span, words: list[str], syl: list[int]) -> SentenceDifficulty:
    hard = [w for w, n in zip(words, syl) if n >= 3 and not is_easy(w)]
    long_ = [w for w in words if _letters(w)[0] >= LONG_WORD_LETTERS]
    grade = flesch_kincaid_grade(len(words), 1, sum(syl)) if words else 0.0
    return SentenceDifficulty(s.start, s.end, s.text, len(words), sum(syl), long_, hard, grade)


def flesch_reading_ease(words: int, sentences: int, syllables_: int) -> float:
    """Flesch Reading Ease: 206.835 - 1.015 x words/sentence - 84.6 x syllables/word.

    0-100, higher is easier: 60-70 is plain English (age 13-15), below 30 is
    for university graduates. Sees only sentence length and syllables.
    """
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables_ / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables_: int) -> float:
    """Flesch–Kincaid grade: 0.39 x words/sentence + 11.8 x syllables/word - 15.59.

    The US school grade (years of schooling) a reader needs; 8 means a
    13-14-year-old. Same two ingredients as Reading Ease, turned into a grade.
    """
    return 0.39 * (words / sentences) + 11.8 * (syllables_ / words) - 15.59


def _fre_grade(fre: float) -> float:
    """Flesch's own table from Reading Ease to a school grade."""
    for floor, grade in ((90, 5), (80, 6), (70, 7), (60, 8.5), (50, 11), (30, 14)):
        if fre >= floor:
            return grade
    return 16


def _dale_chall_grade(score: float) -> float:
    """Dale–Chall's table from raw score to the lowest grade of its band."""
    for ceiling, grade in ((4.9, 4), (5.9, 5), (6.9, 7), (7.9, 9), (8.9, 11), (9.9, 13)):
        if score <= ceiling:
            return grade
    return 16


def scores_from_counts(c: Counts) -> dict[str, float]:
    """Every grade formula, from the counts alone (so a student can check them by hand)."""
    if c.words == 0 or c.sentences == 0:
        return {}
    wps = c.words / c.sentences
    fre = flesch_reading_ease(c.words, c.sentences, c.syllables)
    fkgl = flesch_kincaid_grade(c.words, c.sentences, c.syllables)
    # Gunning Fog: 0.4 x (words/sentence + 100 x complex words/words). The
    # grade a reader needs to follow the text on first reading.
    fog = 0.4 * (wps + 100 * c.complex_words / c.words)
    # SMOG: 1.0430 x sqrt(polysyllables x 30/sentences) + 3.1291. Counts only
    # words of three or more syllables; made for health leaflets.
    smog = 1.0430 * math.sqrt(c.polysyllabic_words * 30 / c.sentences) + 3.1291
    # Coleman–Liau: 0.0588 L - 0.296 S - 15.8, L = letters per 100 words,
    # S = sentences per 100 words. Counts letters, not syllables.
    cli = 0.0588 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8
    # Automated Readability Index: 4.71 x characters/word + 0.5 x words/sentence - 21.43.
    ari = 4.71 * (c.characters / c.words) + 0.5 * wps - 21.43
    # Dale–Chall: 0.1579 x % difficult words + 0.0496 x words/sentence, + 3.6365
    # when more than 5% of words are difficult. Difficult = not on a list of
    # 3,000 words most 10-year-olds know; names count as difficult.
    pct_difficult = 100 * c.difficult_words / c.words
    dale = 0.1579 * pct_difficult + 0.0496 * wps + (3.6365 if pct_difficult > 5 else 0.0)
    grades = [fkgl, fog, smog, cli, ari, _dale_chall_grade(dale), _fre_grade(fre)]
    return {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkgl,
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": cli,
        "automated_readability_index": ari,
        "dale_chall_readability_score": dale,
        "words_per_sentence": wps,
        "syllables_per_word": c.syllables / c.words,
        # The median of seven grade estimates: half the formulas say harder,
        # half say easier. (textstat's text_standard takes a vote instead.)
        "consensus_grade": statistics.median(grades),
    }


def analyse_spans(text: str, spans: list[Span]) -> Readability:
    """Readability of the given sentences of `text`."""
    per: list[SentenceDifficulty] = []
    words: list[str] = []
    syl: list[int] = []
    for n, s in enumerate(spans):  # each sentence's words are found and counted once, for both views
        if not n & 255:
            budget.check("measuring readability")
        ws = [w.text for w in words_in(text, s.start, s.end)]  # cached: sourcing and loaded ask again
        sy = [syllables(w) for w in ws]
        per.append(_difficulty(s, ws, sy))
        words += ws
        syl += sy
    letters = [_letters(w) for w in words]
    counts = Counts(
        sentences=len(spans),
        words=len(words),
        syllables=sum(syl),
        letters=sum(a for a, _ in letters),
        characters=sum(n for _, n in letters),
        polysyllabic_words=sum(n >= 3 for n in syl),
        complex_words=sum(n >= 3 and not is_easy(w) for w, n in zip(words, syl)),
        difficult_words=sum(a > 0 and not is_easy(w) for w, (a, _) in zip(words, letters)),
        long_words=sum(a >= LONG_WORD_LETTERS for a, _ in letters),
    )
    return Readability(counts, scores_from_counts(counts), per)


def analyse(article: Article) -> Readability:
    """Readability of the article's body sentences (headline and boilerplate left out)."""
    return analyse_spans(article.text, list(article.body_sentences))


def analyse_passage(text: str) -> Readability:
    """Readability of a passage a student typed: every sentence counts, no anatomy."""
    return analyse_spans(text, split_sentences(text))
