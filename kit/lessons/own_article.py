"""Lesson 07, your own article: the SIFT checklist, the analysis lab, its summary, figures and saved report.

Saving goes through the kit's one writer (`kit.files.write_new`): a report is
written whole under a new name, never over an existing file, or not at all.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import HTML, display

# the module, not the function: build_report is looked up at call time (a test stands in a failing one)
from kit import render
from kit import report as report_mod
from kit.errors import KitInputError, KitOutputError
from kit.files import write_new
from kit.inputs import HTML_SUFFIXES, MAX_BYTES, decode, prepare_text, too_big_message
from kit.lessons import figures
from kit.lessons.feedback import feedback_html
from kit.lessons.views import CSS, VIEW_START, paragraph_html, table_html
from kit.readability import HARD_GRADE
from kit.report import Report

SIFT = (  # (move, what the student does)
    ("Stop", ("Before you read on or share: do you know this outlet and its reputation? "
              "Notice how the story makes you feel.")),
    ("Investigate the source", ("Open a new tab and look up the outlet and the author (not on their own "
                                "site): who owns it, what do others say about it?")),
    ("Find better coverage", ("Search for the same event: do reliable outlets report it, and what do "
                              "they say differently?")),
    ("Trace claims to the original", ("Pick one claim or quote and follow it back to where it first "
                                      "appeared: the speech, the report, the study.")),
)


class SiftChecklist(widgets.VBox):
    """The SIFT moves for judging a source: tick each one and write what you found."""

    def __init__(self) -> None:
        self.checks: list[widgets.Checkbox] = []
        self.notes: list[widgets.Textarea] = []
        rows = []
        for i, (move, what) in enumerate(SIFT):
            c = widgets.Checkbox(value=False, description=f"{i + 1}. {move}", indent=False,
                                 layout=widgets.Layout(width="auto"))
            t = widgets.Textarea(placeholder="What did you find? (a sentence or two)", rows=2,
                                 continuous_update=False, layout=widgets.Layout(width="95%"))
            c.observe(self._update, names="value")
            t.observe(self._update, names="value")
            self.checks.append(c)
            self.notes.append(t)
            rows += [c, widgets.HTML(f"<small>{html.escape(what)}</small>"), t]
        self.feedback = widgets.HTML()
        self.feedback.add_class("kit-feedback")
        super().__init__([widgets.HTML("<p><strong>SIFT: four moves before you trust a story.</strong></p>"),
                          *rows, self.feedback])
        self.add_class("kit-exercise")
        self._update()

    def _update(self, change: Any = None) -> None:
        done = [c.value for c in self.checks]
        noted = [bool(t.value.strip()) for t in self.notes]
        empty = [SIFT[i][0] for i, (d, n) in enumerate(zip(done, noted)) if d and not n]
        progress = f"{sum(done)} of 4 moves ticked, notes for {sum(noted)}"
        if empty:
            self.feedback.value = feedback_html("hint", f"{progress}. You ticked '{empty[0]}': write down what "
                                                        "you found, so you can show it later.")
        elif all(done):
            self.feedback.value = feedback_html("right", "all four moves done, with notes. Save your report below.")
        else:
            left = [SIFT[i][0] for i, d in enumerate(done) if not d]
            self.feedback.value = feedback_html("hint", f"{progress}; next: {left[0]}.")

    def to_markdown(self) -> str:
        """The checklist and notes as a Markdown section (for the saved .md report)."""
        out = ["## SIFT checklist", ""]
        for (move, _what), c, t in zip(SIFT, self.checks, self.notes):
            out.append(f"- [{'x' if c.value else ' '}] **{move}**: {html.escape(t.value.strip()) or '(no notes)'}")
        return "\n".join(out) + "\n"

    def to_html(self) -> str:
        """The checklist and notes as an escaped HTML section (for the saved .html report)."""
        items = "".join(
            f"<li>{'&#9745;' if c.value else '&#9744;'} <strong>{html.escape(move)}</strong>: "
            f"{html.escape(t.value.strip()) or '(no notes)'}</li>"
            for (move, _w), c, t in zip(SIFT, self.checks, self.notes))
        return f"<section><h2>SIFT checklist</h2><ul>{items}</ul></section>"


def report_summary_html(report: Report) -> str:
    """A short summary of a Report for the notebook: anatomy, readability, sourcing, loaded language."""
    a, r = report.article, report.readability
    e = html.escape
    parts = [CSS, VIEW_START]
    parts += [f"<p><strong>Note:</strong> {e(w)}</p>" for w in report.warnings]
    parts.append(f"<h3>{e(a.title or '(no headline found)')}</h3>"
                 f"<p><em>Outlet: {e(a.outlet or 'not found')} · Author: {e(a.author or 'not found')}</em></p>")
    rows: list[tuple[str, float]] = [("body paragraphs", len(a.body_paragraphs)), ("body sentences", r.counts.sentences),
            ("words", r.counts.words), ("subheads", len(a.subheads)), ("related links", len(a.related_links))]
    if r.scores:
        rows += [("consensus grade", round(r.scores["consensus_grade"], 1)),
                 ("Flesch Reading Ease", round(r.scores["flesch_reading_ease"], 1)),
                 ("words per sentence", round(r.scores["words_per_sentence"], 1))]
    parts.append(table_html(rows, ("measure", "value")))
    hard = r.hard(3)
    if hard:
        h = hard[0]
        parts.append(f"<p><strong>Hardest sentence</strong> (grade {h.grade:.1f}, {h.words} words; the kit calls "
                     f"a sentence hard above grade {HARD_GRADE:g}): {e(h.text)}</p>")
    elif r.sentences:
        top = r.hardest(1)[0]
        parts.append(f"<p><strong>No sentence stands out as hard:</strong> the kit calls a sentence hard above "
                     f"grade {HARD_GRADE:g} (lesson 02), and the hardest one here is grade {top.grade:.1f}.</p>")
    parts += [render.sourcing_html(report.sourcing), render.loaded_html(report.loaded)]
    parts.append("<h3>The article, marked</h3>")
    hard_spans = {(h.start, h.end) for h in hard}
    marks = [m for m in render.marks(report) if m.css != "hard" or (m.start, m.end) in hard_spans]
    parts.append(paragraph_html(a, marks).replace(CSS, ""))
    parts.append("</div>")
    return "".join(parts)


class OwnArticleLab(widgets.VBox):
    """Paste or upload an article, see every measurement, save a report under a new file name.

    Bad input (empty, binary, a PDF, a huge file) shows the kit's one-sentence
    message in `.feedback`, never a traceback.
    """

    def __init__(self, folder: str | Path = ".", checklist: SiftChecklist | None = None):
        self.folder = Path(folder)
        self.checklist = checklist
        self.report: Report | None = None
        self.name = "my_article"
        self.paste = widgets.Textarea(placeholder="Paste the article's text here (headline first), "
                                                  "then press Analyse.", rows=8, layout=widgets.Layout(width="95%"))
        self.upload = widgets.FileUpload(accept=".txt,.md,.html,.htm", multiple=False,
                                         description="Load a file")
        self.analyse_button = widgets.Button(description="Analyse", icon="search", button_style="primary")
        self.format = widgets.Dropdown(options=[("web page (.html)", "html"), ("Markdown (.md)", "md")],
                                       value="html", description="Save as", style={"description_width": "initial"},
                                       # wide enough for "Markdown (.md)" plus the arrow: 16em cut it off
                                       layout=widgets.Layout(width="22em", min_width="22em"))
        self.save_button = widgets.Button(description="Save my report", icon="save", disabled=True)
        self.feedback = widgets.HTML()
        self.feedback.add_class("kit-feedback")
        self.save_feedback = widgets.HTML()
        self.save_feedback.add_class("kit-feedback")
        self.result = widgets.HTML()
        self.analyse_button.on_click(lambda _b: self.analyse_text(self.paste.value, "pasted text"))
        self.upload.observe(self._on_upload, names="value")
        self.save_button.on_click(lambda _b: self.save())
        super().__init__([self.paste, widgets.HBox([self.analyse_button, self.upload]), self.feedback,
                          self.result])
        self.add_class("kit-exercise")
        # shown separately, at the end of the lesson, after the checklist
        self.save_row = widgets.VBox([widgets.HBox([self.format, self.save_button]), self.save_feedback])
        self.save_row.add_class("kit-exercise")

    def _say(self, kind: str, message: str) -> None:
        self.feedback.value = feedback_html(kind, message)

    def _fail(self, message: str) -> None:
        self.report = None
        self.result.value = ""
        self.save_button.disabled = True
        self._say("error", message)

    def analyse_text(self, text: str, name: str = "pasted text", html_input: bool | None = None) -> Report | None:
        """Analyse `text`; on bad input show the message and return None."""
        try:
            source = prepare_text(text, name, html=html_input)
            report = report_mod.build_report(source.text, name, note=source.note)
        except KitInputError as exc:
            self._fail(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - a student must see a sentence, not a silent button
            self._fail(f"the kit itself failed on this text ({type(exc).__name__}: {exc}). That is a bug in "
                       "the kit, not your mistake: tell your teacher, and try another article.")
            return None
        self.report = report
        self.result.value = report_summary_html(report)
        self.save_button.disabled = False
        if report.warnings:
            self._say("hint", "analysed, with a note: " + " ".join(report.warnings))
        else:
            self._say("right", f"analysed {name}: the results are below.")
        return report

    def analyse_bytes(self, data: bytes, name: str) -> Report | None:
        """Analyse an uploaded file's bytes (decoded like the command line does)."""
        try:
            if len(data) > MAX_BYTES:
                raise KitInputError(too_big_message(name, len(data)))
            source = decode(data, name)
        except KitInputError as exc:
            self._fail(str(exc))
            return None
        self.name = Path(name).stem or "my_article"
        is_html = Path(name).suffix.lower() in HTML_SUFFIXES
        return self.analyse_text(source.text, name, True if is_html else None)

    def _on_upload(self, change: Any = None) -> None:
        files = self.upload.value
        if not files:
            return
        f = files[0]
        self.analyse_bytes(bytes(f["content"]), f["name"])

    def _said(self, kind: str, message: str) -> None:
        self.save_feedback.value = feedback_html(kind, message)

    def save(self) -> Path | None:
        """Write the report (plus the SIFT notes) to a new file in `folder`; never overwrites."""
        if self.report is None:
            self._said("hint", "analyse an article first.")
            return None
        fmt = self.format.value
        if fmt == "md":
            body = render.to_markdown(self.report) + ("\n" + self.checklist.to_markdown() if self.checklist else "")
        else:
            body = render.to_html(self.report)
            if self.checklist:  # inside <main>, so the notes are part of the page's styled content
                body = body.replace("</main>", self.checklist.to_html() + "</main>", 1)
        try:
            path = write_new(self.folder, f"{self.name}_report", "." + fmt, body)
        except KitOutputError as exc:
            self._said("error", f"the report was not saved: {exc}")
            return None
        self._said("right", f"saved as {path.name} (in {path.parent.resolve()}). Open it from the file "
                           "browser on the left, or download it: on Binder your work is not kept.")
        return path


def show_report_figures(report: Report | None) -> None:
    """Display the lesson figures for a report (or say that there is nothing to show yet)."""
    if report is None:
        display(HTML("<p><em>Analyse an article first (paste it above and press Analyse).</em></p>"))
        return
    if not report.readability.sentences:
        display(HTML("<p><em>No body sentences were found, so there is nothing to plot.</em></p>"))
        return
    display(figures.show(figures.plot_anatomy(report.article)))
    display(figures.show(figures.plot_sentence_lengths(report.readability, threshold=HARD_GRADE)))
    if getattr(report.sourcing, "speakers", None):
        display(figures.show(figures.plot_speakers(report.sourcing)))
    if getattr(report.loaded, "matches", None):
        display(figures.show(figures.plot_loaded(report.loaded)))
        display(figures.show(figures.plot_loaded_regions(report.loaded)))
