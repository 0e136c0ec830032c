"""Lesson 07, your own article: the SIFT checklist, the analysis lab, its summary, figures and saved report.

Saving goes through the kit's one writer (`kit.files.write_new`): a report is
written whole under a new name, never over an existing file, or not at all.

One current article everywhere in the lab: the box always holds the text that
was analysed last (a loaded file replaces it), the figures (`lab.figures`)
are redrawn with every analysis, and a saved report is named and titled after
that article's headline. What students really paste gets a plain sentence:
a web address is refused ("paste the article's text, not its link"), a text
that is not English gets a note and never a "Yes", scores off their usual
scale are explained, and the kit says what it assumed about the text's layout.
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
from kit.inputs import (
    HTML_NOTE,
    HTML_NOTE_FOR_STUDENTS,
    HTML_SUFFIXES,
    MAX_BYTES,
    decode,
    language_note,
    prepare_text,
    too_big_message,
)
from kit.lessons import figures
from kit.lessons.feedback import feedback_html, new_feedback
from kit.lessons.sift import SIFT, SiftChecklist, is_real_note  # noqa: F401 - re-exported for kit.widgets
from kit.lessons.views import CSS, VIEW_START, paragraph_html, table_html
from kit.readability import HARD_GRADE, score_note
from kit.report import Report

PRACTICE_SEED = "neutral_library_hours.txt"
NAME_WORDS = 6  # a saved report is named after the first words of the headline
_REMEMBERED: dict[str, str] = {}  # the student's own text, kept for the next lab in this kernel (Run All)

def layout_note(report: Report) -> str:
    """What the kit assumed about the text's layout, in a student's words ("" when it has nothing to say)."""
    layout = report.article.layout
    # blank-line paragraphs are what everyone expects: say something only when the kit had to assume
    return "" if layout.kind == "blank_lines" else layout.note


def student_notes(report: Report) -> list[str]:
    """The report's notes as a student reads them (the HTML note in plain words), then the layout note."""
    notes = [HTML_NOTE_FOR_STUDENTS if w == HTML_NOTE else w for w in report.warnings]
    layout = layout_note(report)
    return notes + ([layout] if layout and layout not in notes else [])


def report_name(report: Report, fallback: str = "my_article") -> str:
    """A file stem from the first words of the headline ("Putin_Russia_supports_..."), else `fallback`."""
    words = [w.strip(".,:;!?\"'“”‘’()[]") for w in (report.article.title or "").split()]
    words = [w for w in words if w][:NAME_WORDS]
    return "_".join(words) if words else fallback


def _score_rows(scores: dict[str, float]) -> list[tuple[str, float, str]]:
    rows = []
    for key, label in (("consensus_grade", "consensus grade"), ("flesch_reading_ease", "Flesch Reading Ease"),
                       ("words_per_sentence", "words per sentence")):
        rows.append((label, round(scores[key], 1), score_note(key, scores[key])))
    return rows


# The lab shows the marked article up to this many characters (about 10,000 words, longer than almost any
# news story): a 765 KB paste sent 6.9 MB of HTML to the browser and froze the tab (issue 15).
SHOWN_CHARS = 60_000


def report_summary_html(report: Report) -> str:
    """A short summary of a Report for the notebook: anatomy, readability, sourcing, loaded language."""
    a, r = report.article, report.readability
    e = html.escape
    parts = [CSS, VIEW_START]
    parts += [f"<p><strong>Note:</strong> {e(w)}</p>" for w in student_notes(report)]
    parts.append(f"<h3>{e(a.title or '(no headline found)')}</h3>"
                 f"<p><em>Outlet: {e(a.outlet or 'not found')} · Author: {e(a.author or 'not found')}</em></p>")
    rows: list[tuple[str, float, str]] = [
        ("body paragraphs", len(a.body_paragraphs), ""), ("body sentences", r.counts.sentences, ""),
        ("words", r.counts.words, ""), ("subheads", len(a.subheads), ""),
        ("related links", len(a.related_links), "")]
    if r.scores:
        rows += _score_rows(r.scores)
    parts.append(table_html(rows, ("measure", "value", "note")))
    hard = r.hard(3)
    if hard:
        h = hard[0]
        odd = score_note("grade", h.grade)
        parts.append(f"<p><strong>Hardest sentence</strong> (grade {h.grade:.1f}, {h.words} words; the kit calls "
                     f"a sentence hard above grade {HARD_GRADE:g}{'; ' + e(odd) if odd else ''}): {e(h.text)}</p>")
    elif r.sentences:
        top = r.hardest(1)[0]
        parts.append(f"<p><strong>No sentence stands out as hard:</strong> the kit calls a sentence hard above "
                     f"grade {HARD_GRADE:g} (lesson 02), and the hardest one here is grade {top.grade:.1f}.</p>")
    parts += [render.sourcing_html(report.sourcing), render.loaded_html(report.loaded)]
    parts.append("<h3>The article, marked</h3>")
    hard_spans = {(h.start, h.end) for h in hard}
    marks = [m for m in render.marks(report) if m.css != "hard" or (m.start, m.end) in hard_spans]
    parts.append(paragraph_html(a, marks, max_chars=SHOWN_CHARS).replace(CSS, ""))
    parts.append("</div>")
    return "".join(parts)


class OwnArticleLab(widgets.VBox):
    """Paste or upload an article, see every measurement, save a report under a new file name.

    Bad input (empty, binary, a PDF, a huge file, a web address) shows the
    kit's one-sentence message in `.feedback`, never a traceback. `figures`
    (shown by the lesson's figures cell) always shows the current article.
    """

    def __init__(self, folder: str | Path = ".", checklist: SiftChecklist | None = None, keep_text: bool = False):
        """`keep_text`: the lesson's lab keeps the student's own text for the next lab of this kernel (Run All)."""
        self.folder = Path(folder)
        self.checklist = checklist
        self.keep_text = keep_text
        self.report: Report | None = None
        self.name = "my_article"
        self.file_stem = ""  # the loaded file's name, used when the article has no headline
        self.paste = widgets.Textarea(placeholder="Paste the article's text here (headline first), "
                                                  "then press Analyse.", rows=8, layout=widgets.Layout(width="95%"),
                                      description="Article text", style={"description_width": "initial"})
        self.upload = widgets.FileUpload(accept=".txt,.md,.html,.htm", multiple=False,
                                         description="Load a file")
        self.analyse_button = widgets.Button(description="Analyse", icon="search", button_style="primary")
        self.format = widgets.Dropdown(options=[("web page (.html)", "html"), ("Markdown (.md)", "md")],
                                       value="html", description="Save as", style={"description_width": "initial"},
                                       # wide enough for "Markdown (.md)" plus the arrow: 16em cut it off
                                       layout=widgets.Layout(width="22em", min_width="22em"))
        self.save_button = widgets.Button(description="Save my report", icon="save", disabled=True)
        self.feedback, self.save_feedback = new_feedback(), new_feedback()
        self.result = widgets.HTML()
        self.figures = widgets.HTML(_NO_FIGURES)
        self.figures.add_class("kit-view")
        self.analyse_button.on_click(lambda _b: self.analyse_paste())
        self.upload.observe(self._on_upload, names="value")
        self.save_button.on_click(lambda _b: self.save())
        super().__init__([self.paste, widgets.HBox([self.analyse_button, self.upload]), self.feedback,
                          self.result])
        self.add_class("kit-exercise")
        # shown separately, at the end of the lesson, after the checklist
        self.save_row = widgets.VBox([widgets.HBox([self.format, self.save_button]), self.save_feedback])
        self.save_row.add_class("kit-exercise")
        own = _REMEMBERED.get("text") if keep_text else None
        if own:  # Run All made a new lab: the student's own article comes back, analysed again
            self.paste.value = own
            self.analyse_text(own, "pasted text")
        if keep_text:
            self.paste.observe(lambda _change: remember(self), names="value")

    def _say(self, kind: str, message: str) -> None:
        self.feedback.value = feedback_html(kind, message)
    def _fail(self, message: str) -> None:
        self.report = None
        self.result.value = ""
        self.figures.value = _NO_FIGURES
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
        lang = language_note(source.text)
        if lang and report_mod.language_warning(report.article) is None:  # the report's own check needs 20 words
            report.warnings.append(lang)
        self.report = report
        self.name = report_name(report, self.file_stem or "my_article")
        if self.paste.value != text and html_input is not True:
            self.paste.value = text  # the box shows the article the results are about
        self.result.value = report_summary_html(report)
        self.figures.value = figures_html(report)
        self.save_button.disabled = False
        notes = student_notes(report)
        if lang:
            self._say("hint", f"analysed {name}, but {lang}.")
        elif notes:
            self._say("hint", f"analysed {name}, with a note: " + " ".join(n.rstrip(".") + "." for n in notes))
        else:
            self._say("right", f"analysed {name}: the results are below.")
        return report

    def analyse_paste(self) -> Report | None:
        """What the Analyse button does: the box's text, a pasted article (no file name from an earlier upload)."""
        self.file_stem = ""
        return self.analyse_text(self.paste.value, "pasted text")

    def analyse_bytes(self, data: bytes, name: str) -> Report | None:
        """Analyse an uploaded file's bytes (decoded like the command line does); the box then shows its text."""
        try:
            if len(data) > MAX_BYTES:
                raise KitInputError(too_big_message(name, len(data)))
            source = decode(data, name)
        except KitInputError as exc:
            self._fail(str(exc))
            return None
        self.file_stem = Path(name).stem
        is_html = Path(name).suffix.lower() in HTML_SUFFIXES
        report = self.analyse_text(source.text, name, True if is_html else None)
        if report is not None:
            self.paste.value = report.article.text  # "Load a file" replaces the box's text (a page: its text)
        return report

    def practise(self, seed: str = PRACTICE_SEED) -> Report | None:
        """Analyse a practice article, unless the box holds the student's own text (Run All keeps it)."""
        from kit.lessons.seeds import load_seed

        practice = load_seed(seed)
        own = self.paste.value.strip()
        if own and own != practice.strip():
            self._say("hint", "your own text is in the box, so the practice article was not loaded. Press "
                              "Analyse to analyse your text again, or clear the box and run this cell.")
            return self.report
        return self.analyse_text(practice, "practice: library story")

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


def remember(lab: OwnArticleLab) -> None:
    """Keep the student's own text for the next lab of this kernel (called on every paste)."""
    text = lab.paste.value
    from kit.lessons.seeds import load_seed

    if text.strip() and text.strip() != load_seed(PRACTICE_SEED).strip():
        _REMEMBERED["text"] = text


_NO_FIGURES = "<p><em>Analyse an article first (paste it above and press Analyse): its figures appear here.</em></p>"


def report_figures(report: Report) -> list[figures.Shown]:
    """The lesson figures of a report (anatomy, sentences, speakers, loaded words), each with its description."""
    out = [figures.show(figures.plot_anatomy(report.article)),
           figures.show(figures.plot_sentence_lengths(report.readability, threshold=HARD_GRADE))]
    if getattr(report.sourcing, "speakers", None):
        out.append(figures.show(figures.plot_speakers(report.sourcing)))
    if getattr(report.loaded, "matches", None):
        out.append(figures.show(figures.plot_loaded(report.loaded)))
        out.append(figures.show(figures.plot_loaded_regions(report.loaded)))
    return out


def figures_html(report: Report | None) -> str:
    """The figures of the current article as HTML (images with alt text and captions), or why there are none."""
    if report is None:
        return _NO_FIGURES
    if not report.readability.sentences:
        return "<p><em>No body sentences were found, so there is nothing to plot.</em></p>"
    title = html.escape(report.article.title or "the article you analysed")
    shown = "".join(f._repr_mimebundle_()["text/html"] for f in report_figures(report))
    return f"<p><strong>Figures of: {title}</strong></p>{shown}"


def show_report_figures(report: Report | None) -> None:
    """Display the lesson figures for a report (or say that there is nothing to show yet)."""
    display(HTML(figures_html(report)))
