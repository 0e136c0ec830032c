"""Comparison metrics: how two texts differ (lesson 06) and whether a rewrite kept the original's facts.

Not a widget: the rewrite labs and the comparison table in `kit.lessons` show
these numbers, and the tests check them on short texts. Every dict maps a row
label (as the lessons show it) to its value, in the order the table lists them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kit.article import Article
from kit.lexicons import function_words as lexicon_sets
from kit.loaded import LoadedLanguage
from kit.readability import analyse, analyse_passage
from kit.report import analyse_voices
from kit.sourcing import Sourcing

# A real rewrite keeps at least a fifth of the original's content words; below that it is about something else.
ON_TOPIC_SHARE = 0.2

# Stats: row label -> value (ints for counts, floats for rates and grades), in table order.
Stats = dict[str, float]

_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Short function words (the set content_free of lexicons/function_words.csv): keeping them keeps no fact."""
    return lexicon_sets("content_free")


def folded(s: str) -> str:
    """Lower case, curly apostrophes straightened, spaces collapsed: 'People’s  Daily' == "people's daily"."""
    return " ".join(s.lower().replace("’", "'").replace("‘", "'").split())


def content_words(text: str) -> set[str]:
    """Words of 4+ letters that are not function words, case-folded ('Syria's' -> 'syria')."""
    skip = function_words()
    return {w for w in _CONTENT_WORD.findall(folded(text)) if w not in skip}


def kept_share(original: str, rewrite: str) -> float:
    """The share of the original's content words that the rewrite still uses (0.0-1.0; 1.0 if it has none)."""
    before = content_words(original)
    return len(before & content_words(rewrite)) / len(before) if before else 1.0


def passage_stats(text: str) -> Stats:
    """Sentences, words, words per sentence, Flesch-Kincaid grade and hard words of a typed passage."""
    r = analyse_passage(text)
    c = r.counts
    if not c.words:
        return {"sentences": 0, "words": 0, "words per sentence": 0.0, "grade": 0.0, "hard words": 0}
    return {"sentences": c.sentences, "words": c.words, "words per sentence": c.words / c.sentences,
            "grade": r.scores["flesch_kincaid_grade"], "hard words": c.complex_words}


def passage_analysis(text: str) -> tuple[Article, Sourcing, LoadedLanguage] | tuple[None, None, None]:
    """(article, sourcing, loaded) for a passage a student typed; empty text gives (None, None, None)."""
    if not text.strip():
        return None, None, None
    article = Article(text)
    _quotes, sourcing, loaded = analyse_voices(article)
    return article, sourcing, loaded


def rewrite_stats(text: str) -> Stats:
    """What a neutral rewrite changes: length, grade, the outlet's loaded words, sourcing."""
    _article, sourcing, loaded = passage_analysis(text)
    stats = passage_stats(text)
    return {"words": stats["words"], "grade": stats["grade"],
            "loaded words (outlet's voice)": len(loaded.unquoted_matches()) if loaded else 0,
            "claims with no source": len(sourcing.unattributed) if sourcing else 0,
            "attributions (who says so)": len(sourcing.attributions) if sourcing else 0}


def article_metrics(article: Article, keys: list[str] | None = None) -> Stats:
    """The measurements lesson 06 compares, for one article (body only, like the report); `keys` picks some."""
    r = analyse(article)
    quotes, sourcing, loaded = analyse_voices(article)
    body = {p.index for p in article.body_paragraphs}
    in_body = [q for q in quotes.quotations if q.paragraph in body]
    quoted_words = sum(1 for w in article.body_words if quotes.containing(w.start, w.end))
    words = r.counts.words
    out: Stats = {
        "body words": words,
        "body sentences": r.counts.sentences,
        "words per sentence": round(words / r.counts.sentences, 1) if r.counts.sentences else 0.0,
        "consensus grade": round(r.scores.get("consensus_grade", 0.0), 1),
        "direct quotations": len({q.group for q in in_body}),
        "% of words in quotation marks": round(100 * quoted_words / words, 1) if words else 0.0,
        "claims with no source": len(sourcing.unattributed),
        "% of statements by the top source": round(100 * max((x.total for x in sourcing.speakers), default=0)
                                                   / max(1, len(sourcing.attributions)), 1),
        "loaded words, outlet's voice": len(loaded.unquoted_matches()),  # outlet + reported (issue 13)
        "loaded words per 100 words": loaded.per_100_words,
    }
    return {k: out[k] for k in keys} if keys else out
