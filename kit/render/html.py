"""The standalone HTML report page and its sections; every piece of article text is escaped."""

from __future__ import annotations

from html import escape as e
from typing import TYPE_CHECKING

from kit.loaded_lexicon import category_label, category_name
from kit.readability import score_note
from kit.render import phrases as ph
from kit.render.css import style_tag
from kit.render.marks import MarkIndex, Reasons, highlight, report_marks
from kit.report import kit_version
from kit.sourcing import UNATTRIBUTED_RULE

if TYPE_CHECKING:
    from kit.loaded import LoadedLanguage
    from kit.report import Report
    from kit.sourcing import Sourcing

LEGEND = ("<p class=meta>Marks: <mark class=hard>hard sentence<sup class=tag>[hard]</sup></mark> "
          "<mark class=quote>direct quotation<sup class=tag>[speaker]</sup></mark> "
          "<mark class=unattributed>claim with no source<sup class=tag>[no source]</sup></mark> "
          "<mark class=loaded>loaded word<sup class=tag>[category]</sup></mark>. "
          f"{ph.LEGEND_HOW}</p>")


def report_html(report: Report) -> str:
    """A standalone page: the article with its parts labelled and marked, then the figures."""
    a, r = report.article, report.readability
    marks = MarkIndex(report_marks(report))  # sorted once for all paragraphs (issue 15)
    reasons = Reasons()  # every mark's reason, numbered, in a list under the article: no hover needed
    paras = []
    for p in a.paragraphs:
        paras.append(
            f'<p class="para {p.role}" title="{e(p.why)}"><span class="role">{e(ph.ROLE_LABELS[p.role])}</span>'
            f"{highlight(a.text, marks, p.start, p.end, reasons)}</p>"
        )
    paras.append(reasons.html())
    head = "".join(f"<th>{c}</th>" for c in (*ph.SCORE_COLUMNS, "note"))
    rows = "".join(  # a score off its usual scale says why (grade below 0, Reading Ease above 100, ...)
        f"<tr><td>{e(ph.score_name(k))}</td><td class=num>{v:.2f}</td><td class=note>{e(score_note(k, v))}</td></tr>"
        for k, v in r.scores.items()
    )
    extra = sourcing_html(report.sourcing) + "\n" + loaded_html(report.loaded)
    warn = "".join(f"<p><strong>Note:</strong> {e(w)}</p>" for w in report.warnings)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        # light or dark like the reader's system (kit.css has the dark colours of the page)
        "<meta name=\"color-scheme\" content=\"light dark\">"
        f"<meta name=\"viewport\" content=\"width=device-width\"><title>{e(a.title or 'Article report')}</title>"
        f"{style_tag()}</head><body>\n<main class=\"kit-view\">"  # the style sheet's rules are scoped to it
        # the <title> is the article's headline; this h1 is how kit.batch knows its own pages (KIT_PAGE_MARKS)
        f"<h1>Article report</h1><p class=meta>{e(ph.byline(a))} &middot; kit {e(kit_version())}</p>{warn}\n"
        f"<h2>The article</h2>{LEGEND}\n" + "\n".join(paras) +
        f"\n<h2>Readability (body only)</h2><table><tr>{head}</tr>{rows}</table>\n"
        f"{extra}</main></body></html>\n"
    )


def sourcing_html(sourcing: Sourcing) -> str:
    """An escaped <section>: the counts, the speakers table, cue verbs and unattributed claims."""
    rows = "".join(
        f"<tr><td>{e(s.speaker)}{' <em>(also ' + e(', '.join(s.variants)) + ')</em>' if s.variants else ''}"
        f"</td><td>{e(s.source_type)}</td><td class=num>{s.direct}</td><td class=num>{s.indirect}</td>"
        f"<td class=num>{s.share_of_quoted_words:.0%}</td></tr>" for s in sourcing.speakers)
    cues = ph.cue_list(sourcing.cue_counts(), lambda cue, colouring: (
        f"<strong title=\"colouring\">{e(cue)}</strong>" if colouring else e(cue)))
    items = "".join(f"<li>{e(ph.squash(u.text))} <em>({e(u.why)})</em></li>" for u in sourcing.unattributed)
    head = "".join(f"<th>{c}</th>" for c in ph.SPEAKER_COLUMNS)
    floors = "".join(
        "<p>" + ph.gives_the_floor(e(h["region"]), f"<strong>{e(h['speaker'])}</strong>", e(ph.squash(h["text"])))
        + "</p>" for h in sourcing.headline_sources)
    return (
        '<section class="sourcing"><h2>Who speaks</h2>'
        f"<p>{ph.attribution_counts(sourcing.counts())}</p>"
        f"<table><tr>{head}</tr>{rows}</table>{floors}"
        f"<p>Cue verbs (<strong>bold</strong> = colouring): {cues}</p>"
        f"<h3>{ph.UNATTRIBUTED_HEADING}</h3><p>{e(UNATTRIBUTED_RULE)}</p><ul>{items}</ul></section>\n"
    )


def loaded_html(loaded: LoadedLanguage) -> str:
    """An escaped <section> with the counts and every match with its explanation."""
    counts = "".join(f"<li>{e(line)}</li>" for line in ph.loaded_counts(loaded))
    items = []
    for m in loaded.matches:
        voice = ph.whose_words(m)
        items.append(
            f'<li><mark class="loaded" title="{e(ph.loaded_reason(m))}">{e(m.text)}'
            f'<sup class="tag">[{e(category_label(m.category))}]</sup></mark> '
            f"<em>{e(category_name(m.category))}; {e(voice)}; {e(ph.region_name(m.region))}</em>: "
            f"{e(m.explanation)} <strong>Try:</strong> {e(' / '.join(m.alternatives))}</li>"
        )
    body = f"<ol>{''.join(items)}</ol>" if items else "<p>No loaded words found.</p>"
    return (f'<section class="loaded-language"><h2>Loaded language</h2><ul>{counts}</ul>'
            f"{body}</section>\n")
