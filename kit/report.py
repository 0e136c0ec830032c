"""Report: one article's anatomy, readability, sourcing and loaded language.

`build_report(text)` runs every metric on one `Article`; the Report renders
as a dict (the JSON contract in DESIGN.md), JSON, plain text for a terminal,
Markdown, or a standalone HTML page.
"""

from __future__ import annotations

import html
import json
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache

from kit import loaded as loaded_mod
from kit import readability as readability_mod
from kit import sourcing as sourcing_mod
from kit.article import Article, words_in
from kit.highlight import STYLE, Mark, highlight, markdown_escape
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


ROLE_LABELS = {
    "title": "headline",
    "body": "body",
    "subhead": "subhead",
    "related_link": "related link",
    "boilerplate": "boilerplate",
}


@dataclass
class Report:
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

    # -- plain text -------------------------------------------------------------
    def to_text(self, width: int = 78) -> str:
        """A report a student can read in a terminal: headline, anatomy, scores, why."""
        a, r = self.article, self.readability
        line = "=" * width
        wrap = lambda s, indent="    ": textwrap.fill(s, width, initial_indent=indent, subsequent_indent=indent)  # noqa: E731
        out = [line, textwrap.fill(a.title or "(no headline found)", width), _byline(a), line, ""]
        out += [f"! {w}" for w in self.warnings]
        out += ["ANATOMY", f"  {len(a.body_paragraphs)} body paragraphs, {r.counts.sentences} sentences, "
                f"{r.counts.words} words"]
        for label, paras in (("subheads", a.subheads), ("related links", a.related_links)):
            out.append(f"  {len(paras)} {label}" + (":" if paras else ""))
            out += [wrap("- " + p.text) for p in paras]
        out.append(f"  {len(a.boilerplate)} boilerplate lines (left out of every measurement)")
        out.append("")
        if r.scores:
            s = r.scores
            out += [
                "READABILITY (body only)",
                f"  Flesch Reading Ease  {s['flesch_reading_ease']:6.1f}  {_bar(s['flesch_reading_ease'], 100)}"
                "  (100 = very easy, 0 = very hard)",
                f"  Consensus grade      {s['consensus_grade']:6.1f}  years of school a reader needs"
                f" (median of 7 formulas)",
                f"  Flesch-Kincaid {s['flesch_kincaid_grade']:.1f} | Gunning Fog {s['gunning_fog']:.1f} | "
                f"SMOG {s['smog_index']:.1f} | Coleman-Liau {s['coleman_liau_index']:.1f} | "
                f"ARI {s['automated_readability_index']:.1f} | Dale-Chall {s['dale_chall_readability_score']:.1f}",
                f"  An average sentence has {s['words_per_sentence']:.1f} words; an average word "
                f"{s['syllables_per_word']:.2f} syllables.",
                f"  Counts: {r.counts.syllables} syllables, {r.counts.polysyllabic_words} words of 3+ syllables, "
                f"{r.counts.difficult_words} words not on the easy list.",
                "",
                "  Hardest sentences:",
            ]
            for h in r.hardest(3):
                out.append(wrap(f"grade {h.grade:.1f}, {h.words} words: {h.text}"))
                if h.hard_words:
                    out.append(wrap("hard words: " + ", ".join(h.hard_words), "      "))
            out.append("")
        out += self.sourcing.to_text(width) + [""] + self.loaded.to_text(width)
        return "\n".join(out).rstrip() + "\n"

    # -- Markdown ---------------------------------------------------------------
    def to_markdown(self) -> str:
        a, r = self.article, self.readability
        md = markdown_escape
        out = [f"# {md(a.title or '(no headline found)')}", "", f"*{md(_byline(a).strip())}*", ""]
        out += [f"> **Note:** {md(w)}" for w in self.warnings]
        out += ["## Anatomy", "", "| part | count |", "|---|---:|",
                f"| body paragraphs | {len(a.body_paragraphs)} |", f"| body sentences | {r.counts.sentences} |",
                f"| words | {r.counts.words} |", f"| subheads | {len(a.subheads)} |",
                f"| related links | {len(a.related_links)} |", f"| boilerplate lines | {len(a.boilerplate)} |", ""]
        out += [f"- Subhead: {md(p.text)}" for p in a.subheads]
        out += [f"- Related link: {md(p.text)}" for p in a.related_links]
        if r.scores:
            out += ["", "## Readability (body only)", "", "| score | value |", "|---|---:|"]
            out += [f"| {k.replace('_', ' ')} | {v:.2f} |" for k, v in r.scores.items()]
            out += ["", "### Hardest sentences", ""]
            out += [f"1. **grade {h.grade:.1f}** ({h.words} words): {md(h.text)}" for h in r.hardest(3)]
        out.append("")
        out += self.sourcing.to_markdown() + [""] + self.loaded.to_markdown()
        return "\n".join(out).rstrip() + "\n"

    # -- HTML -------------------------------------------------------------------
    def to_html(self) -> str:
        """A standalone page: the article with its parts labelled and marked, then the figures."""
        a, r = self.article, self.readability
        e = html.escape
        marks = self.marks()
        paras = []
        for p in a.paragraphs:
            label = ROLE_LABELS[p.role]
            paras.append(
                f'<p class="para {p.role}" title="{e(p.why)}"><span class="role">{e(label)}</span>'
                f"{highlight(a.text, marks, p.start, p.end)}</p>"
            )
        rows = "".join(
            f"<tr><td>{e(k.replace('_', ' '))}</td><td class=num>{v:.2f}</td></tr>" for k, v in r.scores.items()
        )
        extra = self.sourcing.to_html() + "\n" + self.loaded.to_html()
        warn = "".join(f"<p><strong>Note:</strong> {e(w)}</p>" for w in self.warnings)
        legend = ("<p class=meta>Marks: <mark class=hard>hard sentence<sup class=tag>[hard]</sup></mark> "
                  "<mark class=quote>direct quotation<sup class=tag>[speaker]</sup></mark> "
                  "<mark class=unattributed>claim with no source<sup class=tag>[no source]</sup></mark> "
                  "<mark class=loaded>loaded word<sup class=tag>[category]</sup></mark>. "
                  "Hover a mark for the reason.</p>")
        return (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width\"><title>{e(a.title or 'Article report')}</title>"
            f"<style>{STYLE}</style></head><body>\n"
            f"<h1>Article report</h1><p class=meta>{e(_byline(a))} &middot; kit {e(kit_version())}</p>{warn}\n"
            f"<h2>The article</h2>{legend}\n" + "\n".join(paras) +
            f"\n<h2>Readability (body only)</h2><table><tr><th>score</th><th>value</th></tr>{rows}</table>\n"
            f"{extra}</body></html>\n"
        )

    def marks(self) -> list[Mark]:
        """Highlights for the HTML page: loaded words first, then quotations, then hardest sentences."""
        marks: list[Mark] = []
        marks += self.loaded.marks() + self.sourcing.marks()  # a loaded word nests inside its quotation
        for h in self.readability.hard(3):  # only sentences that are actually hard, not merely the hardest
            marks.append(Mark(h.start, h.end, "hard", "hard",
                              f"one of the hardest sentences: grade {h.grade:.1f} (hard means above grade "
                              f"{readability_mod.HARD_GRADE:g})"))
        return marks


def _byline(a: Article) -> str:
    parts = [a.outlet or "outlet not found", f"by {a.author}" if a.author else "author not found"]
    return "  " + " | ".join(parts)


def _bar(value: float, top: float, width: int = 20) -> str:
    filled = max(0, min(width, round(width * value / top)))
    return "[" + "#" * filled + "." * (width - filled) + "]"


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
    """Run every metric on one text; raises KitInputError for text that cannot be analysed."""
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

