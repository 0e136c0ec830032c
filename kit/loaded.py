"""Loaded language: words that carry a judgement, in whose voice, with neutral alternatives.

`analyse(article)` looks up every word of the headline, subheads, related-link
texts and body in the lexicon (`lexicons/loaded_terms.csv`, plus any extra CSV
files a teacher passes) and keeps each match with:

* its category (the persuasion techniques of the Propaganda Techniques Corpus,
  SemEval-2020 Task 11, plus distancing, legitimacy and intensifiers; see
  `lexicons/loaded_categories.csv`);
* its *voice*, one of three: `quoted` when it sits inside a direct quotation
  (the speaker's exact words), `reported` when it sits inside an attributed
  paraphrase ("According to X, ...", "X said that ...": the span of what was
  said in an indirect attribution; the words may be the outlet's or the
  speaker's, a reader cannot tell), `outlet` when the article says it in its
  own words. Headlines, subheads and link texts are always the outlet's voice,
  and so is a word just outside a closing quotation mark. `speaker` names
  whose quotation or paraphrase it is, when sourcing can tell;
* a one-sentence explanation and one to three neutral alternatives.

Boilerplate (bylines, subscribe lines) is not scanned. Context rules
(`lexicons/loaded_context.csv`, `kit.loaded_context`) drop the plain uses of a
word ("crush a can", "healthy food", "heart attack", "extremely cold").

Why no sentiment model (VADER): it scores general emotion, misses the labels
that matter in political news ("regime", "thug", "extremist"), cannot say
*why*, and would be a new dependency; the lexicon rows are the explanation.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kit.article import Article, words_in
from kit.loaded_context import inside_proper_name
from kit.loaded_lexicon import categories, load
from kit.loaded_voice import OUTLET, QUOTED, REPORTED, Voice, VoiceFinder
from kit.quotes import QuoteScan, find_quotations

# Where on the page a loaded word is; kit.render.phrases.REGION_LABELS says each in a student's words.
Region = Literal["headline", "subhead", "related_link", "body"]
REGIONS: dict[str, Region] = {"title": "headline", "subhead": "subhead", "related_link": "related_link",
                              "body": "body"}  # paragraph role -> region (boilerplate has none)
VOICES: tuple[Voice, ...] = (OUTLET, REPORTED, QUOTED)


@dataclass(frozen=True)
class LoadedMatch:
    """One loaded word or phrase; `text == article.text[start:end]`."""

    term: str  # the lexicon row's headword ("crush" for "crushed")
    category: str
    voice: Voice
    speaker: str | None  # whose quotation or paraphrase, when known
    region: Region
    start: int
    end: int
    text: str
    explanation: str
    alternatives: list[str]
    source: str = ""  # lexicon file and line, e.g. "loaded_terms.csv:42"

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term, "category": self.category, "voice": self.voice, "speaker": self.speaker,
            "region": self.region, "start": self.start, "end": self.end, "text": self.text,
            "explanation": self.explanation, "alternatives": list(self.alternatives), "source": self.source,
        }


def _rate(n: int, words: int) -> float:
    return round(100.0 * n / words, 2) if words else 0.0


@dataclass
class LoadedLanguage:
    """All matches in one article, with word counts per region for the rates."""

    matches: list[LoadedMatch]
    words_by_region: dict[str, int]
    lexicons: list[str] = field(default_factory=list)
    # (region, start, text) of the headline, subheads and link texts, to show them marked
    headings: list[tuple[Region, int, str]] = field(default_factory=list)

    @property
    def words(self) -> int:
        """Words scanned: headline, subheads, related links and body."""
        return sum(self.words_by_region.values())

    @property
    def per_100_words(self) -> float:
        return _rate(len(self.matches), self.words)

    def outlet_matches(self) -> list[LoadedMatch]:
        """The matches in the outlet's own voice (not quoted, not reported)."""
        return [m for m in self.matches if m.voice == OUTLET]

    def unquoted_matches(self) -> list[LoadedMatch]:
        """The matches a writer may reword: the outlet's own and the reported ones (not inside quotation marks)."""
        return [m for m in self.matches if m.voice != QUOTED]

    def summary(self) -> dict[str, Any]:
        """Counts per category, voice and region, and headline+subheads against the body."""
        by_cat = {c: 0 for c in categories()}
        for m in self.matches:
            by_cat[m.category] = by_cat.get(m.category, 0) + 1
        by_voice = {v: sum(m.voice == v for m in self.matches) for v in VOICES}
        regions: dict[str, dict[str, Any]] = {}
        for r in ("headline", "subhead", "related_link", "body"):
            n = sum(m.region == r for m in self.matches)
            w = self.words_by_region.get(r, 0)
            regions[r] = {"matches": n, "words": w, "per_100_words": _rate(n, w)}
        head_n = regions["headline"]["matches"] + regions["subhead"]["matches"]
        head_w = regions["headline"]["words"] + regions["subhead"]["words"]
        body = regions["body"]
        return {
            "matches": len(self.matches),
            "words": self.words,
            "per_100_words": self.per_100_words,
            "by_category": by_cat,
            "by_voice": by_voice,
            "outlet_per_100_words": _rate(by_voice["outlet"], self.words),
            "by_region": regions,
            "headline_vs_body": {
                "headings": {"matches": head_n, "words": head_w, "per_100_words": _rate(head_n, head_w)},
                "body": dict(body),
            },
        }

    def to_dict(self) -> dict[str, Any]:
        """The `loaded_language` section of the JSON report (DESIGN.md) plus a summary."""
        return {
            "matches": [m.to_dict() for m in self.matches],
            "per_100_words": self.per_100_words,
            "summary": self.summary(),
            "lexicons": list(self.lexicons),
        }


def analyse(
    article: Article | str,
    quotes: QuoteScan | None = None,
    sourcing: Any = None,
    extra_lexicons: Sequence[str | os.PathLike] = (),
    *,
    attributions: Sequence[dict] | None = None,
) -> LoadedLanguage:
    """Find loaded words in every non-boilerplate paragraph, with voice, speaker and region.

    `extra_lexicons` are paths of CSV files with the same columns as
    `lexicons/loaded_terms.csv`; a malformed row raises KitInputError naming the
    file and line. `attributions` (report-style dicts with quote_start,
    quote_end, speaker) is an alternative to `sourcing` for voices and speakers;
    with neither, the article's sourcing is computed here, so a match's voice
    is the same as in the report.
    """
    if isinstance(article, str):
        article = Article(article)
    if extra_lexicons is None:
        extra_lexicons = ()
    if isinstance(extra_lexicons, (str, os.PathLike)):
        extra_lexicons = (extra_lexicons,)
    lexicon = load(extra_lexicons)
    quotes = quotes if quotes is not None else find_quotations(article)
    if sourcing is None and attributions is None:
        from kit.sourcing import analyse as find_sources  # deferred: kit.sourcing is the heavier import

        sourcing = find_sources(article, quotes)
    voices = VoiceFinder(quotes, sourcing, attributions)
    text = article.text
    matches: list[LoadedMatch] = []
    words: dict[str, int] = {r: 0 for r in ("headline", "subhead", "related_link", "body")}
    for p in article.paragraphs:
        region = REGIONS.get(p.role)
        if region is None:  # boilerplate is not the article's language
            continue
        words[region] += len(words_in(text, p.start, p.end))
        for hit in lexicon.find(text, p.start, p.end):
            if region == "body" and inside_proper_name(text, hit.start, hit.end, p.start, hit.term.term, p.end):
                continue  # "the Northern Liberation Front": a name the article must use, not a judgement
            voice, speaker = voices.voice_of(hit.start, hit.end) if region == "body" else (OUTLET, None)
            t = hit.term
            matches.append(LoadedMatch(
                term=t.term, category=t.category, voice=voice, speaker=speaker,
                region=region, start=hit.start, end=hit.end, text=text[hit.start:hit.end],
                explanation=t.explanation, alternatives=list(t.alternatives), source=t.source,
            ))
    matches.sort(key=lambda m: m.start)
    headings = [(REGIONS[p.role], p.start, p.text) for p in article.paragraphs
                if p.role in ("title", "subhead", "related_link")]
    return LoadedLanguage(matches, words, list(lexicon.sources), headings)
