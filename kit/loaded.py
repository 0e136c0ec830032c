"""Loaded language: words that carry a judgement, in whose voice, with neutral alternatives.

`analyse(article)` looks up every word of the headline, subheads, related-link
texts and body in the lexicon (`lexicons/loaded_terms.csv`, plus any extra CSV
files a teacher passes) and keeps each match with:

* its category (the persuasion techniques of the Propaganda Techniques Corpus,
  SemEval-2020 Task 11, plus distancing, legitimacy and intensifiers; see
  `lexicons/loaded_categories.csv`);
* its *voice*: `quoted` when it sits inside a direct quotation (and whose,
  when sourcing can tell), `outlet` when the article says it in its own words.
  Headlines, subheads and link texts are always the outlet's voice, and so is
  a word just outside a closing quotation mark;
* a one-sentence explanation and one to three neutral alternatives.

Boilerplate (bylines, subscribe lines) is not scanned. Context rules
(`lexicons/loaded_context.csv`, `kit.loaded_context`) drop the plain uses of a
word ("crush a can", "healthy food", "heart attack", "extremely cold").

Why no sentiment model (VADER): it scores general emotion, misses the labels
that matter in political news ("regime", "thug", "extremist"), cannot say
*why*, and would be a new dependency; the lexicon rows are the explanation.
"""

from __future__ import annotations

import html
import os
import textwrap
from dataclasses import dataclass, field
from typing import Any, Sequence

from kit.article import Article, words_in
from kit.highlight import Mark, markdown_escape
from kit.loaded_context import inside_proper_name
from kit.loaded_lexicon import categories, category_label, category_name, load
from kit.quotes import QuoteScan, find_quotations

REGIONS = {"title": "headline", "subhead": "subhead", "related_link": "related_link", "body": "body"}
VOICES = ("outlet", "quoted")


@dataclass(frozen=True)
class LoadedMatch:
    """One loaded word or phrase; `text == article.text[start:end]`."""

    term: str  # the lexicon row's headword ("crush" for "crushed")
    category: str
    voice: str  # 'outlet' | 'quoted'
    speaker: str | None  # whose quotation, when known
    region: str  # 'headline' | 'subhead' | 'related_link' | 'body'
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
    headings: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def words(self) -> int:
        """Words scanned: headline, subheads, related links and body."""
        return sum(self.words_by_region.values())

    @property
    def per_100_words(self) -> float:
        return _rate(len(self.matches), self.words)

    def outlet_matches(self) -> list[LoadedMatch]:
        return [m for m in self.matches if m.voice == "outlet"]

    def summary(self) -> dict[str, Any]:
        """Counts per category, voice and region, and headline+subheads against the body."""
        by_cat = {c: 0 for c in categories()}
        for m in self.matches:
            by_cat[m.category] = by_cat.get(m.category, 0) + 1
        by_voice = {v: sum(m.voice == v for m in self.matches) for v in VOICES}
        regions = {}
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

    # -- rendering --------------------------------------------------------------------
    def _count_lines(self) -> tuple[str, str, str, str]:
        s = self.summary()
        cats = categories()
        cat_part = ", ".join(f"{cats[c].name.lower() if c in cats else c} {n}"
                             for c, n in s["by_category"].items() if n) or "none"
        hv = s["headline_vs_body"]
        return (
            f"{s['matches']} matches in {s['words']} words: {s['per_100_words']:.1f} per 100 words "
            f"(headline, subheads, link texts and body; boilerplate left out)",
            f"By voice: {s['by_voice']['outlet']} in the outlet's own words, {s['by_voice']['quoted']} inside quotations",
            f"By category: {cat_part}",
            f"Headline and subheads: {hv['headings']['per_100_words']:.1f} per 100 words "
            f"({hv['headings']['matches']} in {hv['headings']['words']} words); body: "
            f"{hv['body']['per_100_words']:.1f} per 100 words ({hv['body']['matches']} in {hv['body']['words']} words)"
            + (f"; related links: {s['by_region']['related_link']['per_100_words']:.1f} per 100 words"
               if s["by_region"]["related_link"]["words"] else ""),
        )

    def _marked_headings(self, mark) -> list[tuple[str, str]]:
        """(region, heading text with each match wrapped by `mark(word, label)`) for headings with matches."""
        out = []
        for region, start, text in self.headings:
            inside = [m for m in self.matches if start <= m.start and m.end <= start + len(text)]
            if not inside:
                continue
            pieces, pos = [], 0
            for m in inside:
                pieces.append(("plain", text[pos:m.start - start]))
                pieces.append((category_label(m.category), text[m.start - start:m.end - start]))
                pos = m.end - start
            pieces.append(("plain", text[pos:]))
            out.append((region, "".join(mark(t, None) if k == "plain" else mark(t, k) for k, t in pieces)))
        return out

    def to_text(self, width: int = 78) -> list[str]:
        """The LOADED LANGUAGE section of the plain-text report, as lines."""
        def wrap(s: str, indent: str = "  ", rest: str | None = None) -> list[str]:
            return textwrap.wrap(s, width, initial_indent=indent, subsequent_indent=rest or indent,
                                 break_on_hyphens=False) or [indent]

        out = ["LOADED LANGUAGE"]
        for line in self._count_lines():
            out += wrap(line)
        marked = self._marked_headings(lambda t, label: t if label is None else f"{{{t}}}[{label}]")
        if marked:
            out.append("")
            out.append("  Headline, subheads and links, marked {word}[category]:")
            for region, line in marked:
                out += wrap(f"{region.replace('_', ' ')}: {line}", "    ", "      ")
        outlet = self.outlet_matches()
        if outlet:
            out.append("")
            out.append("  In the outlet's own words (the main thing to look at):")
            for m in outlet:
                out += wrap(f"- \"{m.text}\" [{category_label(m.category)}, {m.region.replace('_', ' ')}]: "
                            f"{m.explanation} Try: {' / '.join(m.alternatives)}.", "    ", "      ")
        quoted = [m for m in self.matches if m.voice == "quoted"]
        if quoted:
            out.append("")
            out.append("  Inside quotations (the speaker's words, reported):")
            items = [f"\"{m.text}\" ({m.speaker or 'speaker not identified'})" for m in quoted]
            out += wrap("; ".join(items), "    ")
        out.append("")
        return out

    def to_markdown(self) -> list[str]:
        """The loaded-language section of the Markdown report, as lines."""
        md = _md_escape
        out = ["## Loaded language", ""]
        out += [f"- {md(line)}" for line in self._count_lines()]
        marked = self._marked_headings(lambda t, label: md(t) if label is None else f"**{md(t)}** \\[{md(label)}\\]")
        if marked:
            out += ["", "Headline, subheads and links, with loaded words in bold and their category:", ""]
            out += [f"- {md(region.replace('_', ' '))}: {line}" for region, line in marked]
        out += ["", "| words | voice | category | where | why | try instead |", "|---|---|---|---|---|---|"]
        for m in self.matches:
            voice = m.voice if m.voice == "outlet" else f"quoted ({m.speaker})" if m.speaker else "quoted"
            out.append(f"| {md(m.text)} | {md(voice)} | {md(category_name(m.category))} | {md(m.region.replace('_', ' '))} "
                       f"| {md(m.explanation)} | {md(' / '.join(m.alternatives))} |")
        out.append("")
        return out

    def to_html(self) -> str:
        """An escaped <section> with the counts and every match with its explanation."""
        e = html.escape
        counts = "".join(f"<li>{e(line)}</li>" for line in self._count_lines())
        items = []
        for m in self.matches:
            voice = "outlet's own words" if m.voice == "outlet" else (
                f"quoted: {m.speaker}" if m.speaker else "inside a quotation")
            items.append(
                f'<li><mark class="loaded" title="{e(_title(m))}">{e(m.text)}'
                f'<sup class="tag">[{e(category_label(m.category))}]</sup></mark> '
                f"<em>{e(category_name(m.category))}; {e(voice)}; {e(m.region.replace('_', ' '))}</em>: "
                f"{e(m.explanation)} <strong>Try:</strong> {e(' / '.join(m.alternatives))}</li>"
            )
        body = f"<ol>{''.join(items)}</ol>" if items else "<p>No loaded words found.</p>"
        return (f'<section class="loaded-language"><h2>Loaded language</h2><ul>{counts}</ul>'
                f"{body}</section>\n")

    def marks(self) -> list[Mark]:
        """One highlight per match: css 'loaded', label = short category, title = explanation + alternatives."""
        return [Mark(m.start, m.end, "loaded", category_label(m.category), _title(m)) for m in self.matches]


def _title(m: LoadedMatch) -> str:
    who = "the outlet's own words" if m.voice == "outlet" else f"quoted ({m.speaker})" if m.speaker else "quoted"
    return f"{category_name(m.category)}, {who}: {m.explanation} Try: {' / '.join(m.alternatives)}"


def _md_escape(s: str) -> str:
    """markdown_escape, with line breaks folded: a match's text sits inside one list line."""
    return markdown_escape(s).replace("\n", " ")


def _speaker_lookup(sourcing: Any, attributions: Sequence[dict] | None):
    """A function offset -> speaker, from a Sourcing object or from report-style attribution dicts."""
    if sourcing is not None and callable(getattr(sourcing, "speaker_of", None)):
        return sourcing.speaker_of
    spans = []
    for a in attributions or ():
        try:
            if a.get("kind", "direct") == "direct" and a.get("quote_start") is not None:
                spans.append((int(a["quote_start"]), int(a["quote_end"]), a.get("speaker")))
        except (AttributeError, KeyError, TypeError, ValueError):
            continue

    def lookup(offset: int) -> str | None:
        for s, e, who in spans:
            if s <= offset < e:
                return who
        return None

    return lookup


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
    quote_end, speaker) is an alternative to `sourcing` for naming speakers.
    """
    if isinstance(article, str):
        article = Article(article)
    if extra_lexicons is None:
        extra_lexicons = ()
    if isinstance(extra_lexicons, (str, os.PathLike)):
        extra_lexicons = (extra_lexicons,)
    lexicon = load(extra_lexicons)
    quotes = quotes if quotes is not None else find_quotations(article)
    speaker_of = _speaker_lookup(sourcing, attributions)
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
            quoted = region == "body" and quotes.containing(hit.start, hit.end) is not None
            speaker = None
            if quoted:
                try:
                    speaker = speaker_of(hit.start)
                except Exception:  # a sourcing bug must not hide the loaded words
                    speaker = None
            t = hit.term
            matches.append(LoadedMatch(
                term=t.term, category=t.category, voice="quoted" if quoted else "outlet", speaker=speaker,
                region=region, start=hit.start, end=hit.end, text=text[hit.start:hit.end],
                explanation=t.explanation, alternatives=list(t.alternatives), source=t.source,
            ))
    matches.sort(key=lambda m: m.start)
    headings = [(REGIONS[p.role], p.start, p.text) for p in article.paragraphs
                if p.role in ("title", "subhead", "related_link")]
    return LoadedLanguage(matches, words, list(lexicon.sources), headings)
