"""The plain-text report, for a terminal: lines wrapped to a width, no colour, no markup."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from kit.loaded_lexicon import category_label
from kit.render import phrases as ph

if TYPE_CHECKING:
    from kit.loaded import LoadedLanguage
    from kit.report import Report
    from kit.sourcing import Sourcing


def report_text(report: Report, width: int = 78) -> str:
    """A report a student can read in a terminal: headline, anatomy, scores, why."""
    a, r = report.article, report.readability
    line = "=" * width

    def wrap(s: str, indent: str = "    ") -> str:
        return textwrap.fill(s, width, initial_indent=indent, subsequent_indent=indent)

    out = [line, textwrap.fill(a.title or ph.NO_HEADLINE, width), ph.byline(a), line, ""]
    out += [f"! {w}" for w in report.warnings]
    out += ["ANATOMY", (f"  {len(a.body_paragraphs)} body paragraphs, {r.counts.sentences} sentences, "
            f"{r.counts.words} words")]
    for label, paras in (("subheads", a.subheads), ("related links", a.related_links)):
        out.append(f"  {len(paras)} {label}" + (":" if paras else ""))
        out += [wrap("- " + p.text) for p in paras]
    out.append(f"  {len(a.boilerplate)} boilerplate lines (left out of every measurement)")
    out.append("")
    if r.scores:
        s = r.scores
        out += [
            "READABILITY (body only)",
            (f"  Flesch Reading Ease  {s['flesch_reading_ease']:6.1f}  {ph.bar(s['flesch_reading_ease'], 100)}"
            "  (100 = very easy, 0 = very hard)"),
            (f"  Consensus grade      {s['consensus_grade']:6.1f}  years of school a reader needs"
            f" (median of 7 formulas)"),
            (f"  Flesch-Kincaid {s['flesch_kincaid_grade']:.1f} | Gunning Fog {s['gunning_fog']:.1f} | "
            f"SMOG {s['smog_index']:.1f} | Coleman-Liau {s['coleman_liau_index']:.1f} | "
            f"ARI {s['automated_readability_index']:.1f} | Dale-Chall {s['dale_chall_readability_score']:.1f}"),
            (f"  An average sentence has {s['words_per_sentence']:.1f} words; an average word "
            f"{s['syllables_per_word']:.2f} syllables."),
            (f"  Counts: {r.counts.syllables} syllables, {r.counts.polysyllabic_words} words of 3+ syllables, "
            f"{r.counts.difficult_words} words not on the easy list."),
            "",
            "  Hardest sentences:",
        ]
        for h in r.hardest(3):
            out.append(wrap(f"grade {h.grade:.1f}, {h.words} words: {h.text}"))
            if h.hard_words:
                out.append(wrap("hard words: " + ", ".join(h.hard_words), "      "))
        out.append("")
    out += sourcing_text(report.sourcing, width) + [""] + loaded_text(report.loaded, width)
    return "\n".join(out).rstrip() + "\n"


def sourcing_text(sourcing: Sourcing, width: int = 78) -> list[str]:
    """The "WHO SPEAKS" section of the terminal report, as lines."""
    c = sourcing.counts()

    def wrap(s: str, ind: str = "    ") -> list[str]:
        return textwrap.wrap(s, width, initial_indent=ind, subsequent_indent=ind + "  ")

    out = ["WHO SPEAKS (sourcing)"]
    out += wrap(ph.attribution_counts(c, reported="reported (indirect)"), "  ")
    out += wrap(ph.source_types(c), "  ")
    speakers = sourcing.speakers
    if speakers:
        top = max(s.total for s in speakers)
        name_w = min(28, max(len(s.speaker) for s in speakers), max(8, width - 40))
        bar_w = max(5, min(24, width - name_w - 26))
        out += wrap("Speakers (# = direct, + = reported; share of all quoted words):", "  ")
        for s in speakers:
            d = round(bar_w * s.direct / top)
            i = max(0, round(bar_w * s.total / top) - d)
            name = s.speaker if len(s.speaker) <= name_w else s.speaker[:name_w - 1] + "…"
            tag = "" if s.named else " unnamed"
            out.append(f"    {name:<{name_w}} {'#' * d}{'+' * i}{' ' * (bar_w - d - i)} "
                       f"{s.direct:>2}d {s.indirect:>2}r {s.share_of_quoted_words:4.0%}{tag}")
        for s in speakers:
            if s.variants:
                out += wrap(f"Spelling: {s.speaker} is also written " +
                            ", ".join(f'"{v}"' for v in s.variants) + " in this article.", "  ")
    for h in sourcing.headline_sources:
        out += wrap(ph.gives_the_floor(h["region"], h["speaker"], f"\"{ph.squash(h['text'])}\""), "  ")
    cues = sourcing.cue_counts()
    if cues:
        out += wrap("Cue verbs (* = colouring: the verb judges the words): "
                    + ph.cue_list(cues, lambda cue, colouring: cue + ("*" if colouring else ""), times="x"), "  ")
    out += wrap(f"Unattributed ({len(sourcing.unattributed)}): sentences in the outlet's own voice with no "
                "source, and quotations nobody is said to have said", "  ")
    for u in sourcing.unattributed:
        out += wrap(f"- {ph.squash(u.text)}  [{u.why}]")
    if sourcing.unbalanced:
        out += wrap(f"Unbalanced quotation marks at offsets {', '.join(str(u.start) for u in sourcing.unbalanced)}"
                    " (a mark that pairs with nothing: check the text).", "  ")
    out.append("")
    return out


def loaded_text(loaded: LoadedLanguage, width: int = 78) -> list[str]:
    """The LOADED LANGUAGE section of the plain-text report, as lines."""
    def wrap(s: str, indent: str = "  ", rest: str | None = None) -> list[str]:
        return textwrap.wrap(s, width, initial_indent=indent, subsequent_indent=rest or indent,
                             break_on_hyphens=False) or [indent]

    out = ["LOADED LANGUAGE"]
    for line in ph.loaded_counts(loaded):
        out += wrap(line)
    marked = ph.marked_headings(loaded, lambda t, label: t if label is None else f"{{{t}}}[{label}]")
    if marked:
        out.append("")
        out.append("  Headline, subheads and links, marked {word}[category]:")
        for region, line in marked:
            out += wrap(f"{ph.region_name(region)}: {line}", "    ", "      ")
    outlet = loaded.outlet_matches()
    if outlet:
        out.append("")
        out.append("  In the outlet's own words (the main thing to look at):")
        for m in outlet:
            out += wrap(f"- \"{m.text}\" [{category_label(m.category)}, {ph.region_name(m.region)}]: "
                        f"{m.explanation} Try: {' / '.join(m.alternatives)}.", "    ", "      ")
    reported = [m for m in loaded.matches if m.voice == "reported"]
    if reported:
        out.append("")
        out.append("  In reported speech (a source's view in words the outlet may have chosen):")
        for m in reported:
            out += wrap(f"- \"{m.text}\" [{category_label(m.category)}, {m.speaker or 'speaker not identified'}]: "
                        f"{m.explanation} Try: {' / '.join(m.alternatives)}.", "    ", "      ")
    quoted = [m for m in loaded.matches if m.voice == "quoted"]
    if quoted:
        out.append("")
        out.append("  Inside quotations (the speaker's own words):")
        items = [f"\"{m.text}\" ({m.speaker or 'speaker not identified'})" for m in quoted]
        out += wrap("; ".join(items), "    ")
    out.append("")
    return out
