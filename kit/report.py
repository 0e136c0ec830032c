"""Report: one article's anatomy, readability, sourcing and loaded language.

`build_report(text)` runs every metric on one `Article`; the Report gives
a dict (the JSON contract in DESIGN.md) or JSON. Text, Markdown and HTML are
`kit.render`'s job (`render.to_text(report)` and so on).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from kit import loaded as loaded_mod
from kit import readability as readability_mod
from kit import sourcing as sourcing_mod
from kit.article import Article, words_in
from kit.budget import time_budget
from kit.inputs import check_text
from kit.quotes import QuoteScan, find_quotations
from kit.syllables import easy_words


@lru_cache(maxsize=1)
def kit_version() -> str:
    """The installed kit's version (read on first use: importlib.metadata is slow to load)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("media-literacy-kit")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


@dataclass
class Report:
    """Everything measured on one article; `kit.render` turns it into text, Markdown or HTML."""

    article: Article
    readability: readability_mod.Readability
    sourcing: sourcing_mod.Sourcing
    loaded: loaded_mod.LoadedLanguage
    warnings: list[str] = field(default_factory=list)
    source_name: str = "input"

    # -- data -------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The JSON report contract of DESIGN.md (plus a few extra keys)."""
        return {
            "kit_version": kit_version(),
            "source": self.source_name,
            "warnings": self.warnings,
            "structure": self.article.to_dict(),
            "readability": self.readability.to_dict(),
            "sourcing": self.sourcing.to_dict(),
            "loaded_language": self.loaded.to_dict(),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def language_warning(article: Article) -> str | None:
    """A note when the body does not look like English (the formulas are for English)."""
    # the first 2,000 words tell; tokenising all of a long text took most of a report's time
    words = [w.text.lower() for w in words_in(article.text, 0, min(len(article.text), 30_000))][:2000]
    if len(words) < 20:
        return None
    common = easy_words()
    share = sum(w in common for w in words) / len(words)
    if share < 0.25:
        return (f"only {share:.0%} of the words are common English words: the text may not be English, "
                "and every metric here is built for English")
    return None


def analyse_voices(article: Article, extra_lexicons: tuple = ()) -> tuple[
        QuoteScan, sourcing_mod.Sourcing, loaded_mod.LoadedLanguage]:
    """Quotations, sourcing and loaded language of one article, sharing one quotation scan."""
    quotes = find_quotations(article)
    sourcing = sourcing_mod.analyse(article, quotes)
    return quotes, sourcing, loaded_mod.analyse(article, quotes=quotes, sourcing=sourcing,
                                                extra_lexicons=extra_lexicons)


def build_report(text: str, source_name: str = "input", extra_lexicons: tuple = (), note: str = "") -> Report:
    """Run every metric on one text; raises KitInputError for text that cannot be analysed.

    The whole report runs under `kit.budget.time_budget()`: a text that would take too long stops with a
    `TimeBudgetExceeded` (a KitInputError with one plain sentence), never a frozen lesson cell.
    """
    with time_budget():
        check_text(text, source_name)
        article = Article(text)
        warnings = [note] if note else []
        lang = language_warning(article)
        if lang:
            warnings.append(lang)
        if not article.body_sentences:
            warnings.append("no body paragraphs found: the text has only headings, links or boilerplate")
        _quotes, sourcing, loaded = analyse_voices(article, extra_lexicons)
        return Report(article, readability_mod.analyse(article), sourcing, loaded, warnings, source_name)

