"""The Markdown report: article text escaped so it shows as text, never as markup."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from kit.loaded_lexicon import category_name
from kit.render import phrases as ph
from kit.sourcing import UNATTRIBUTED_RULE

if TYPE_CHECKING:
    from kit.loaded import LoadedLanguage
    from kit.report import Report
    from kit.sourcing import Sourcing


def markdown_escape(s: str) -> str:
    """Escape HTML and Markdown so article text in a Markdown report shows as text."""
    s = html.escape(s, quote=False)
    for ch in "\\`*_[]#|":
        s = s.replace(ch, "\\" + ch)
    return s


def _one_line(s: str) -> str:
    """markdown_escape, with line breaks folded: the text sits inside one list line or table cell."""
    return markdown_escape(s).replace("\n", " ")


def _row(cells: tuple[str, ...] | list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def report_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    a, r = report.article, report.readability
    md = markdown_escape
    out = [f"# {md(a.title or ph.NO_HEADLINE)}", "", f"*{md(ph.byline(a).strip())}*", ""]
    out += [f"> **Note:** {md(w)}" for w in report.warnings]
    out += ["## Anatomy", "", "| part | count |", "|---|---:|",
            f"| body paragraphs | {len(a.body_paragraphs)} |", f"| body sentences | {r.counts.sentences} |",
            f"| words | {r.counts.words} |", f"| subheads | {len(a.subheads)} |",
            f"| related links | {len(a.related_links)} |", f"| boilerplate lines | {len(a.boilerplate)} |", ""]
    out += [f"- Subhead: {md(p.text)}" for p in a.subheads]
    out += [f"- Related link: {md(p.text)}" for p in a.related_links]
    if r.scores:
        out += ["", "## Readability (body only)", "", _row(ph.SCORE_COLUMNS), "|---|---:|"]
        out += [f"| {ph.score_name(k)} | {v:.2f} |" for k, v in r.scores.items()]
        out += ["", "### Hardest sentences", ""]
        out += [f"1. **grade {h.grade:.1f}** ({h.words} words): {md(h.text)}" for h in r.hardest(3)]
    out.append("")
    out += sourcing_markdown(report.sourcing) + [""] + loaded_markdown(report.loaded)
    return "\n".join(out).rstrip() + "\n"


def sourcing_markdown(sourcing: Sourcing) -> list[str]:
    """The "Who speaks" section of the Markdown report, as lines."""
    md = markdown_escape
    out = ["## Who speaks (sourcing)", "", ph.attribution_counts(sourcing.counts()), "",
           _row(ph.SPEAKER_COLUMNS), "|---|---|---:|---:|---:|"]
    for s in sourcing.speakers:
        v = f" (also written {', '.join(md(x) for x in s.variants)})" if s.variants else ""
        out.append(f"| {md(s.speaker)}{v} | {s.source_type} | {s.direct} | {s.indirect} | "
                   f"{s.share_of_quoted_words:.0%} |")
    for h in sourcing.headline_sources:
        out += ["", ph.gives_the_floor(md(h["region"]), f"**{md(h['speaker'])}**", md(ph.squash(h["text"])))]
    cues = sourcing.cue_counts()
    if cues:
        out += ["", "Cue verbs (**bold** = colouring): "
                + ph.cue_list(cues, lambda cue, colouring: f"**{md(cue)}**" if colouring else md(cue))]
    out += ["", f"### {ph.UNATTRIBUTED_HEADING} ({len(sourcing.unattributed)})", "",
            f"*Rule:* {md(UNATTRIBUTED_RULE)}", ""]
    out += [f"- {md(ph.squash(u.text))} — *{md(u.why)}*" for u in sourcing.unattributed]
    out.append("")
    return out


def loaded_markdown(loaded: LoadedLanguage) -> list[str]:
    """The loaded-language section of the Markdown report, as lines."""
    md = _one_line
    out = ["## Loaded language", ""]
    out += [f"- {md(line)}" for line in ph.loaded_counts(loaded)]
    marked = ph.marked_headings(loaded, lambda t, label: md(t) if label is None else f"**{md(t)}** \\[{md(label)}\\]")
    if marked:
        out += ["", "Headline, subheads and links, with loaded words in bold and their category:", ""]
        out += [f"- {md(ph.region_name(region))}: {line}" for region, line in marked]
    out += ["", "| words | voice | category | where | why | try instead |", "|---|---|---|---|---|---|"]
    for m in loaded.matches:
        voice = ph.quoted_by(m)
        out.append(f"| {md(m.text)} | {md(voice)} | {md(category_name(m.category))} | {md(ph.region_name(m.region))} "
                   f"| {md(m.explanation)} | {md(' / '.join(m.alternatives))} |")
    out.append("")
    return out
