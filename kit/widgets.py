"""Views and labs for the lessons: the seed article, a highlighter, live rewrite boxes.

Notebook cells stay short; the logic lives here and is unit-tested without a
browser (build a widget, set `.value` on its input, read its `.feedback`).
Every interactive exercise is a `VBox` with the CSS class `kit-exercise` and a
feedback `HTML` widget with `kit-feedback`. Everything shown as HTML goes
through `html.escape` or `kit.highlight.highlight`.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML

from kit.article import Article
from kit.errors import KitInputError
from kit.exercises import Dropdowns, FreeText, MultipleChoice, PickTheWord  # noqa: F401  (re-exported)
from kit.highlight import Mark, highlight
from kit import readability as readability_mod
from kit.loaded_lexicon import category_label, category_name

SEED = "pravda_putin_syria_csto.txt"
NEUTRAL = "neutral_library_hours.txt"

ROLE_LABELS = {
    "title": "HEADLINE",
    "body": "BODY",
    "subhead": "SUBHEAD",
    "related_link": "RELATED LINK",
    "boilerplate": "BOILERPLATE",
}

# Styles scoped under .kit-view so they never restyle the notebook itself.
# Okabe-Ito colours; each role also has its own border style and a text label.
CSS = """<style>
.kit-view { font-family: Georgia, 'Times New Roman', serif; line-height: 1.5; max-width: 48em; }
.kit-view .para { margin: 0.45em 0; padding: 0.2em 0.6em; border-left: 4px solid transparent; }
.kit-view .role { font-family: system-ui, sans-serif; font-size: 0.7em; letter-spacing: 0.05em;
                  border: 1px solid #666; border-radius: 3px; padding: 0 0.3em; margin-right: 0.5em; }
.kit-view .para.title { font-size: 1.25em; font-weight: bold; border-left: 6px double #0072B2; }
.kit-view .para.subhead { font-weight: bold; border-left: 4px solid #0072B2; }
.kit-view .para.related_link { font-style: italic; border-left: 4px dashed #E69F00; }
.kit-view .para.boilerplate { color: #555; font-size: 0.9em; border-left: 4px dotted #999; }
.kit-view .para.dim { opacity: 0.45; }
.kit-view mark { background: none; padding: 0 1px; color: inherit; }
.kit-view mark.hard { background: #fde9c9; border-bottom: 2px solid #D55E00; }
.kit-view mark.quote { background: #e3f0fa; border-bottom: 2px dotted #0072B2; }
.kit-view mark.loaded { background: #f3e0ee; border-bottom: 3px double #CC79A7; }
.kit-view mark.unattributed { background: #eeeeee; border-bottom: 2px dashed #333; }
.kit-view .tag { font-family: system-ui, sans-serif; font-size: 0.65em; color: #333; }
.kit-view table { border-collapse: collapse; font-family: system-ui, sans-serif; font-size: 0.9em; }
.kit-view td, .kit-view th { border: 1px solid #bbb; padding: 0.15em 0.5em; text-align: left !important; }
.kit-view td.num { text-align: right !important; }
.kit-view .reader { border: 1px solid #ccc; padding: 0.5em 1em; background: #fcfcfa; }
</style>"""


# -- the articles -------------------------------------------------------------
def find_seed(name: str = SEED) -> Path:
    """The path of a seed article, found from the package (works from lessons/ or anywhere)."""
    candidates = [Path(__file__).resolve().parent.parent / "seeds" / name]
    here = Path.cwd().resolve()
    candidates += [d / "seeds" / name for d in (here, *here.parents)]
    for c in candidates:
        if c.is_file():
            return c
    raise KitInputError(f"cannot find the seed article {name!r}: it should be in the repository's seeds/ folder")


def load_seed(name: str = SEED) -> str:
    """The raw text of a seed article (UTF-8, exactly as stored: offsets index this text)."""
    return find_seed(name).read_text(encoding="utf-8")


def seed_article(name: str = SEED) -> Article:
    """The seed article, parsed."""
    return Article(load_seed(name))


# -- static views ---------------------------------------------------------------
def reader_view(text: str) -> HTML:
    """The article as a reader first meets it: plain paragraphs, nothing marked."""
    return HTML(f'{CSS}<div class="kit-view tex2jax_ignore mathjax_ignore"><div class="reader">{highlight(text, [])}</div></div>')


def paragraph_html(article: Article, marks: list[Mark] = (), roles: set[str] | None = None,
                   show_labels: bool = True) -> str:
    """Every paragraph as a block with its role label; `roles` limits which are emphasised."""
    out = [CSS, '<div class="kit-view tex2jax_ignore mathjax_ignore">']
    for p in article.paragraphs:
        dim = " dim" if roles is not None and p.role not in roles else ""
        label = (f'<span class="role">{ROLE_LABELS[p.role]}</span>' if show_labels and not dim else "")
        out.append(f'<div class="para {p.role}{dim}" title="{html.escape(p.why)}">{label}'
                   f"{highlight(article.text, list(marks), p.start, p.end)}</div>")
    out.append("</div>")
    return "".join(out)


def marked_view(article: Article, marks: list[Mark], roles: set[str] | None = None) -> HTML:
    """The article with marks (quotes, loaded words, hard sentences) and role labels."""
    return HTML(paragraph_html(article, marks, roles))


def table_html(rows: list[tuple], header: tuple = ()) -> str:
    """A small escaped HTML table; numbers are right-aligned."""
    def cell(v, tag="td"):
        num = isinstance(v, (int, float)) and not isinstance(v, bool)
        text = f"{v:.1f}" if isinstance(v, float) else str(v)
        return f'<{tag}{" class=num" if num else ""}>{html.escape(text)}</{tag}>'
    head = "<tr>" + "".join(cell(h, "th") for h in header) + "</tr>" if header else ""
    body = "".join("<tr>" + "".join(cell(v) for v in r) + "</tr>" for r in rows)
    return f'{CSS}<div class="kit-view tex2jax_ignore mathjax_ignore"><table>{head}{body}</table></div>'


# -- interactive views ------------------------------------------------------------
class AnatomyExplorer(widgets.VBox):
    """Tick the parts of the article to highlight; every part keeps a text label."""

    def __init__(self, article: Article):
        self.article = article
        present = [r for r in ROLE_LABELS if any(p.role == r for p in article.paragraphs)]
        self.boxes = {r: widgets.Checkbox(value=True, description=ROLE_LABELS[r].lower(), indent=False,
                                          layout=widgets.Layout(width="auto", margin="0 1em 0 0"))
                      for r in present}
        self.view = widgets.HTML()
        self.summary = widgets.HTML()
        for b in self.boxes.values():
            b.observe(self._render, names="value")
        super().__init__([widgets.HBox(list(self.boxes.values())), self.summary, self.view])
        self._render()

    @property
    def selected(self) -> set[str]:
        return {r for r, b in self.boxes.items() if b.value}

    def _render(self, change=None) -> None:
        counts = {r: sum(p.role == r for p in self.article.paragraphs) for r in self.boxes}
        shown = ", ".join(f"{counts[r]} {ROLE_LABELS[r].lower()}" for r in self.boxes if r in self.selected)
        self.summary.value = f"<p><em>Showing: {html.escape(shown or 'nothing (tick a box)')}</em></p>"
        self.view.value = paragraph_html(self.article, roles=self.selected)


# -- readability ------------------------------------------------------------------
SCORE_NAMES = {
    "flesch_reading_ease": ("Flesch Reading Ease", "0-100, higher is easier; 60-70 is plain English"),
    "flesch_kincaid_grade": ("Flesch-Kincaid grade", "US school years a reader needs"),
    "gunning_fog": ("Gunning Fog", "school years; counts words of 3+ syllables"),
    "smog_index": ("SMOG", "school years; made for health leaflets"),
    "coleman_liau_index": ("Coleman-Liau", "school years; counts letters, not syllables"),
    "automated_readability_index": ("ARI", "school years; counts characters"),
    "dale_chall_readability_score": ("Dale-Chall", "raw score; uses a list of 3,000 familiar words"),
    "consensus_grade": ("Consensus grade", "median of the seven grade estimates"),
}


def scores_table(readability) -> HTML:
    """The grade formulas with a one-line note on what each one counts."""
    rows = [(SCORE_NAMES[k][0], round(v, 1), SCORE_NAMES[k][1])
            for k, v in readability.scores.items() if k in SCORE_NAMES]
    c = readability.counts
    rows += [("words per sentence", round(c.words / c.sentences, 1), "the average body sentence"),
             ("syllables per word", round(c.syllables / c.words, 2), "the average word")] if c.sentences else []
    return HTML(table_html(rows, ("measure", "value", "what it counts")))


def hard_sentence_view(text: str, sentence) -> HTML:
    """One sentence with its hard words marked (labelled, not only coloured)."""
    from kit.article import words_in

    hard = {w.lower() for w in sentence.hard_words}
    marks = [Mark(w.start, w.end, "hard", "hard", "3+ syllables and not on the easy-word list")
             for w in words_in(text, sentence.start, sentence.end) if w.text.lower() in hard]
    info = (f"<p><em>{sentence.words} words, {sentence.syllables} syllables, "
            f"Flesch-Kincaid grade {sentence.grade:.1f}</em></p>")
    return HTML(f'{CSS}<div class="kit-view tex2jax_ignore mathjax_ignore"><div class="reader">'
                f"{highlight(text, marks, sentence.start, sentence.end)}</div>{info}</div>")


def _folded(s: str) -> str:
    """Lower case, curly apostrophes straightened, spaces collapsed: 'People’s  Daily' == "people's daily"."""
    return " ".join(s.lower().replace("’", "'").replace("‘", "'").split())


def _passage_stats(text: str) -> dict[str, float]:
    from kit.readability import analyse_passage

    r = analyse_passage(text)
    c = r.counts
    if not c.words:
        return {"sentences": 0, "words": 0, "words per sentence": 0.0, "grade": 0.0, "hard words": 0}
    return {"sentences": c.sentences, "words": c.words, "words per sentence": c.words / c.sentences,
            "grade": r.scores["flesch_kincaid_grade"], "hard words": c.complex_words}


# Short function words do not show that a rewrite kept the original's facts.
_FUNCTION_WORDS = frozenset("""that with from were have this they their them then than there which would
been also will into about some such only other more most very what when where your just over being""".split())
ON_TOPIC_SHARE = 0.2  # a real rewrite keeps at least a fifth of the original's content words


def content_words(text: str) -> set[str]:
    """Words of 4+ letters that are not function words, case-folded ('Syria's' -> 'syria')."""
    import re

    return {w for w in re.findall(r"[^\W\d_]{4,}", _folded(text)) if w not in _FUNCTION_WORDS}


def kept_share(original: str, rewrite: str) -> float:
    """The share of the original's content words that the rewrite still uses (0.0-1.0)."""
    before = content_words(original)
    return len(before & content_words(rewrite)) / len(before) if before else 1.0


class _RewriteBox(widgets.VBox):
    """A text box holding `original`, a "Start again" button, a live table and feedback.

    Subclasses set what they compare before calling this __init__, and give `_update`, which
    runs once here and again on every change of the text.
    """

    def __init__(self, original: str, intro_html: str, rows: int = 6):
        self.original = original
        self.box = widgets.Textarea(value=original, rows=rows, continuous_update=True,
                                    layout=widgets.Layout(width="95%"))
        self.reset = widgets.Button(description="Start again", icon="undo")
        self.reset.on_click(lambda _b: setattr(self.box, "value", self.original))
        self.table = widgets.HTML()
        self.feedback = widgets.HTML()
        self.feedback.add_class("kit-feedback")
        self.box.observe(self._update, names="value")
        super().__init__([widgets.HTML(intro_html), self.box, self.reset, self.table, self.feedback])
        self.add_class("kit-exercise")
        self._update()

    def _update(self, change=None) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError


class RewriteLab(_RewriteBox):
    """Rewrite a passage and watch its readability change as you type.

    The feedback compares the rewrite with the original (sentences, words,
    Flesch-Kincaid grade, hard words). It asks for a grade at or below `target`
    and checks that every phrase in `keep` survives: an easier sentence that
    drops who said it is not a better sentence.
    """

    def __init__(self, original: str, target: float = 10.0, keep: tuple[str, ...] = ()):
        self.target = target
        self.keep = tuple(keep)
        self.before = _passage_stats(original)
        super().__init__(original, f"<p><strong>Rewrite the passage so a reader at grade {target:g} or below "
                                   "can follow it.</strong> The numbers update as you type.</p>")

    @property
    def after(self) -> dict[str, float]:
        return _passage_stats(self.box.value)

    def _update(self, change=None) -> None:
        from kit.exercises import _feedback_html

        after = self.after
        rows = [(k, round(self.before[k], 1), round(after[k], 1)) for k in self.before]
        self.table.value = table_html(rows, ("", "original", "your version"))
        text = self.box.value
        missing = [k for k in self.keep if _folded(k) not in _folded(text)]
        if not after["words"]:
            self.feedback.value = _feedback_html("hint", "the box is empty: write your version of the passage.")
        elif text.strip() == self.original.strip():
            self.feedback.value = _feedback_html(
                "hint", f"this is the original (grade {self.before['grade']:.1f}). Try splitting it into "
                        "shorter sentences, one idea each.")
        elif missing:
            self.feedback.value = _feedback_html(
                "wrong", "your version lost " + ", ".join(f"'{m}'" for m in missing)
                + ": a reader needs to know who said what. Put it back.")
        elif kept_share(self.original, text) < ON_TOPIC_SHARE:
            self.feedback.value = _feedback_html(
                "hint", "your version seems to be about something else: keep the original's facts (who, "
                        "what, where) and only make the sentences shorter.")
        elif after["grade"] <= self.target:
            self.feedback.value = _feedback_html(
                "right", f"grade {after['grade']:.1f} (was {self.before['grade']:.1f}), and you kept who said "
                         "it. Now read it aloud: does it still mean the same thing?")
        else:
            tip = ("split it into more sentences" if after["words per sentence"] > 15
                   else "swap a long word for a short one")
            self.feedback.value = _feedback_html(
                "wrong", f"grade {after['grade']:.1f}, the target is {self.target:g} or below: {tip}.")


# -- anatomy -------------------------------------------------------------------------
def roles_table(article: Article, roles: tuple[str, ...] = ("title", "subhead", "related_link", "boilerplate")
                ) -> HTML:
    """Each non-body paragraph: its role and the rule that gave it (so a student can ask why)."""
    rows = [(p.index, ROLE_LABELS[p.role].lower(), p.text if len(p.text) < 70 else p.text[:69] + "…", p.why)
            for p in article.paragraphs if p.role in roles]
    return HTML(table_html(rows, ("paragraph", "role", "text", "why the kit says so")))


def role_counts(article: Article) -> dict[str, int]:
    """How many paragraphs of each role, in a fixed order."""
    return {ROLE_LABELS[r].lower(): sum(p.role == r for p in article.paragraphs) for r in ROLE_LABELS}


def hard_word_quiz(text: str, sentence) -> PickTheWord:
    """Pick the words the readability formulas count as hard in one sentence (answers from the kit)."""
    from kit.article import words_in
    from kit.readability import is_easy
    from kit.syllables import syllables

    targets, others = {}, {}
    for w in words_in(text, sentence.start, sentence.end):
        n = syllables(w.text)
        low = w.text.lower()
        if w.text in sentence.hard_words:
            targets[low] = f"{n} syllables and not on the list of familiar words, so the formulas count it as hard."
        elif n >= 3:
            others[low] = f"{n} syllables, but it is on the list of familiar words, so Gunning Fog lets it pass."
        elif not is_easy(w.text) and any(ch.isalpha() for ch in w.text):
            others[low] = (f"not on the familiar-word list, but only {n} syllable{'s' if n > 1 else ''}: "
                           "the grade formulas only count words of 3 or more syllables as hard.")
        else:
            others[low] = f"{n} syllable{'s' if n > 1 else ''}: short words never count as hard."
    return PickTheWord("Click every word the formulas count as 'hard' (3 or more syllables and not a familiar word).",
                       sentence.text, targets, others)


# -- lesson 07: your own article ----------------------------------------------------------
SIFT = (
    ("Stop", "Before you read on or share: do you know this outlet and its reputation? "
             "Notice how the story makes you feel."),
    ("Investigate the source", "Open a new tab and look up the outlet and the author (not on their own "
                               "site): who owns it, what do others say about it?"),
    ("Find better coverage", "Search for the same event: do reliable outlets report it, and what do "
                             "they say differently?"),
    ("Trace claims to the original", "Pick one claim or quote and follow it back to where it first "
                                     "appeared: the speech, the report, the study."),
)


def unique_path(folder: str | Path, stem: str, suffix: str) -> Path:
    """`folder/stem.suffix`, or `stem_2.suffix`, `stem_3.suffix`... : never an existing file."""
    folder = Path(folder)
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem).strip("_") or "report"
    p = folder / f"{safe}{suffix}"
    n = 2
    while p.exists():
        p = folder / f"{safe}_{n}{suffix}"
        n += 1
    return p


class SiftChecklist(widgets.VBox):
    """The SIFT moves for judging a source: tick each one and write what you found."""

    def __init__(self):
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

    def _update(self, change=None) -> None:
        from kit.exercises import _feedback_html

        done = [c.value for c in self.checks]
        noted = [bool(t.value.strip()) for t in self.notes]
        empty = [SIFT[i][0] for i, (d, n) in enumerate(zip(done, noted)) if d and not n]
        progress = f"{sum(done)} of 4 moves ticked, notes for {sum(noted)}"
        if empty:
            self.feedback.value = _feedback_html("hint", f"{progress}. You ticked '{empty[0]}': write down what "
                                                         "you found, so you can show it later.")
        elif all(done):
            self.feedback.value = _feedback_html("right", "all four moves done, with notes. Save your report below.")
        else:
            left = [SIFT[i][0] for i, d in enumerate(done) if not d]
            self.feedback.value = _feedback_html("hint", f"{progress}; next: {left[0]}.")

    def to_markdown(self) -> str:
        out = ["## SIFT checklist", ""]
        for (move, _what), c, t in zip(SIFT, self.checks, self.notes):
            out.append(f"- [{'x' if c.value else ' '}] **{move}**: {html.escape(t.value.strip()) or '(no notes)'}")
        return "\n".join(out) + "\n"

    def to_html(self) -> str:
        items = "".join(
            f"<li>{'&#9745;' if c.value else '&#9744;'} <strong>{html.escape(move)}</strong>: "
            f"{html.escape(t.value.strip()) or '(no notes)'}</li>"
            for (move, _w), c, t in zip(SIFT, self.checks, self.notes))
        return f"<section><h2>SIFT checklist</h2><ul>{items}</ul></section>"


# A sentence is called hard only above this Flesch-Kincaid grade (lesson 02 draws the line there).
HARD_GRADE = readability_mod.HARD_GRADE


def hard_sentences(readability, n: int = 3, threshold: float = HARD_GRADE) -> list:
    """The (up to) `n` hardest sentences whose grade is above `threshold`; [] if none is actually hard."""
    return readability.hard(n, threshold)


def report_summary_html(report) -> str:
    """A short summary of a Report for the notebook: anatomy, readability, sourcing, loaded language."""
    a, r = report.article, report.readability
    e = html.escape
    parts = [CSS, '<div class="kit-view tex2jax_ignore mathjax_ignore">']
    parts += [f"<p><strong>Note:</strong> {e(w)}</p>" for w in report.warnings]
    parts.append(f"<h3>{e(a.title or '(no headline found)')}</h3>"
                 f"<p><em>Outlet: {e(a.outlet or 'not found')} · Author: {e(a.author or 'not found')}</em></p>")
    rows = [("body paragraphs", len(a.body_paragraphs)), ("body sentences", r.counts.sentences),
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
    for section in (report.sourcing, report.loaded):
        if hasattr(section, "to_html"):
            parts.append(section.to_html())
    parts.append("<h3>The article, marked</h3>")
    hard_spans = {(h.start, h.end) for h in hard}
    marks = [m for m in report.marks() if m.css != "hard" or (m.start, m.end) in hard_spans]
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
        self.report = None
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
        from kit.exercises import _feedback_html

        self.feedback.value = _feedback_html(kind, message)

    def _fail(self, message: str) -> None:
        self.report = None
        self.result.value = ""
        self.save_button.disabled = True
        self._say("error", message)

    def analyse_text(self, text: str, name: str = "pasted text", html_input: bool | None = None):
        """Analyse `text`; on bad input show the message and return None."""
        from kit.inputs import prepare_text
        from kit.report import build_report

        try:
            source = prepare_text(text, name, html=html_input)
            report = build_report(source.text, name, note=source.note)
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

    def analyse_bytes(self, data: bytes, name: str):
        """Analyse an uploaded file's bytes (decoded like the command line does)."""
        from kit.inputs import HTML_SUFFIXES, MAX_BYTES, decode, too_big_message

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

    def _on_upload(self, change=None) -> None:
        files = self.upload.value
        if not files:
            return
        f = files[0]
        self.analyse_bytes(bytes(f["content"]), f["name"])

    def _said(self, kind: str, message: str) -> None:
        from kit.exercises import _feedback_html

        self.save_feedback.value = _feedback_html(kind, message)

    def save(self) -> Path | None:
        """Write the report (plus the SIFT notes) to a new file in `folder`; never overwrites."""
        if self.report is None:
            self._said("hint", "analyse an article first.")
            return None
        fmt = self.format.value
        if fmt == "md":
            body = self.report.to_markdown() + ("\n" + self.checklist.to_markdown() if self.checklist else "")
        else:
            body = self.report.to_html()
            if self.checklist:
                body = body.replace("</body>", self.checklist.to_html() + "</body>", 1)
        path = unique_path(self.folder, f"{self.name}_report", "." + fmt)
        try:
            with open(path, "x", encoding="utf-8") as fh:  # "x": fail rather than overwrite
                fh.write(body)
        except OSError as exc:
            self._said("error", f"could not save the report: {exc.strerror or exc}")
            return None
        self._said("right", f"saved as {path.name} (in {path.parent.resolve()}). Open it from the file "
                           "browser on the left, or download it: on Binder your work is not kept.")
        return path


def show_report_figures(report) -> None:
    """Display the lesson figures for a report (or say that there is nothing to show yet)."""
    from IPython.display import display

    from kit import plots

    if report is None:
        display(HTML("<p><em>Analyse an article first (paste it above and press Analyse).</em></p>"))
        return
    if not report.readability.sentences:
        display(HTML("<p><em>No body sentences were found, so there is nothing to plot.</em></p>"))
        return
    display(plots.show(plots.plot_anatomy(report.article)))
    display(plots.show(plots.plot_sentence_lengths(report.readability, threshold=HARD_GRADE)))
    if getattr(report.sourcing, "speakers", None):
        display(plots.show(plots.plot_speakers(report.sourcing)))
    if getattr(report.loaded, "matches", None):
        display(plots.show(plots.plot_loaded(report.loaded)))
        display(plots.show(plots.plot_loaded_regions(report.loaded)))


# -- lesson 05: headlines and framing --------------------------------------------------------
def headlines_table(article: Article) -> HTML:
    """Every line written to be seen first: headline, subheads, related links, in page order."""
    rows = [(p.index, ROLE_LABELS[p.role].lower(), p.text) for p in article.paragraphs
            if p.role in ("title", "subhead", "related_link")]
    return HTML(table_html(rows, ("paragraph", "part", "text")))


def next_body(article: Article, paragraph) -> object | None:
    """The first body paragraph after `paragraph` (what a subhead introduces)."""
    for p in article.paragraphs[paragraph.index + 1:]:
        if p.role == "body":
            return p
    return None


def subheads_with_story(article: Article) -> HTML:
    """Each subhead next to the body paragraph under it, so a student can compare the two."""
    rows = []
    for s in article.subheads:
        nxt = next_body(article, s)
        rows.append((s.text, nxt.text if nxt else "(no body paragraph follows)"))
    return HTML(table_html(rows, ("the subhead says", "the paragraph under it says")))


def find_terms(article: Article, terms: list[str]) -> list[Mark]:
    """Every whole-word occurrence of `terms` outside boilerplate, labelled with part and voice."""
    import re

    from kit.quotes import find_quotations

    quotes = find_quotations(article)
    marks = []
    for term in terms:
        for m in re.finditer(rf"(?<![^\W_]){re.escape(term)}(?![^\W_])", article.text, re.IGNORECASE):
            p = article.paragraph_at(m.start())
            if p is None or p.role == "boilerplate":
                continue
            voice = "inside quotation marks" if quotes.containing(m.start(), m.end()) else "not in quotation marks"
            where = ROLE_LABELS[p.role].lower()
            marks.append(Mark(m.start(), m.end(), "loaded", f"{where}, {voice}",
                              f"'{m.group()}' in the {where}, {voice}"))
    return sorted(marks, key=lambda k: k.start)


def terms_in_context(article: Article, terms: list[str]) -> HTML:
    """Only the paragraphs that contain `terms`, each occurrence marked and labelled (part, voice)."""
    marks = find_terms(article, terms)
    shown = {article.paragraph_at(m.start).index for m in marks}
    out = [CSS, '<div class="kit-view tex2jax_ignore mathjax_ignore">']
    for p in article.paragraphs:
        if p.index in shown:
            out.append(f'<div class="para {p.role}"><span class="role">{ROLE_LABELS[p.role]}</span>'
                       f"{highlight(article.text, marks, p.start, p.end)}</div>")
    if not marks:
        out.append("<p><em>None of these words appear in the article.</em></p>")
    out.append("</div>")
    return HTML("".join(out))


# -- lesson 06: compare and rewrite ------------------------------------------------------------
def article_metrics(article: Article, keys: list[str] | None = None) -> dict[str, float]:
    """The measurements lesson 06 compares, for one article (body only, like the report); `keys` picks some."""
    from kit.readability import analyse

    r = analyse(article)
    quotes, sourcing, loaded = analyse_all(article)
    body = {p.index for p in article.body_paragraphs}
    in_body = [q for q in quotes.quotations if q.paragraph in body]
    quoted_words = sum(1 for w in article.body_words if quotes.containing(w.start, w.end))
    words = r.counts.words
    out = {
        "body words": words,
        "body sentences": r.counts.sentences,
        "words per sentence": round(words / r.counts.sentences, 1) if r.counts.sentences else 0.0,
        "consensus grade": round(r.scores.get("consensus_grade", 0.0), 1),
        "direct quotations": len({q.group for q in in_body}),
        "% of words in quotation marks": round(100 * quoted_words / words, 1) if words else 0.0,
        "claims with no source": len(sourcing.unattributed),
        "% of statements by the top source": round(100 * max((x.total for x in sourcing.speakers), default=0)
                                                   / max(1, len(sourcing.attributions)), 1),
        "loaded words, outlet's voice": len(loaded.outlet_matches()),
        "loaded words per 100 words": loaded.per_100_words,
    }
    return {k: out[k] for k in keys} if keys else out


def compare_table(articles: dict[str, Article]) -> HTML:
    """One column per article, one row per measurement."""
    metrics = {name: article_metrics(a) for name, a in articles.items()}
    names = list(metrics)
    rows = [(m, *[metrics[n][m] for n in names]) for m in metrics[names[0]]]
    return HTML(table_html(rows, ("measure", *names)))


# -- lessons 03 and 04: who speaks, loaded language --------------------------------------------------
def analyse_all(article: Article):
    """(quotes, sourcing, loaded) for one article, computed as the report computes them."""
    from kit.report import analyse_voices

    return analyse_voices(article)


def speakers_table(sourcing) -> HTML:
    """One row per source: direct, reported, named, share of the quoted words."""
    rows = [(s.speaker, s.source_type, "yes" if s.named else "no", s.direct, s.indirect,
             f"{s.share_of_quoted_words:.0%}") for s in sorted(sourcing.speakers, key=lambda s: -s.total)]
    return HTML(table_html(rows, ("source", "type", "named?", "direct", "reported", "share of quoted words")))


def attributions_table(sourcing, kind: str | None = None) -> HTML:
    """Each attribution: who, how the article names them, the cue word, direct or reported."""
    rows = [(a.speaker, a.mention, a.cue, a.kind,
             _clip(sourcing.text[a.start:a.end], 90)) for a in sourcing.attributions if kind in (None, a.kind)]
    return HTML(table_html(rows, ("source", "named in the text as", "cue", "kind", "sentence")))


def cue_table(sourcing) -> HTML:
    """Cue verbs and how often each is used; 'colouring' verbs judge what they report."""
    rows = [(cue, n, cls) for cue, n, cls in sourcing.cue_counts()]
    return HTML(table_html(rows, ("cue", "times", "kind of verb")))


def sourcing_view(article: Article, sourcing) -> HTML:
    """The body with each quotation labelled by its speaker and unattributed claims labelled 'no source'."""
    return marked_view(article, sourcing.marks(), roles={"body"})


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def who_speaks_most_quiz(sourcing) -> MultipleChoice:
    """'Who speaks most?' with the answer and explanations computed from the sourcing analysis."""
    sp = sorted(sourcing.speakers, key=lambda s: -s.total)
    if not sp:
        raise KitInputError("no attributed speakers in this article, so there is no 'who speaks most' question")
    options = [s.speaker for s in sp[:4]]
    why = {s.speaker: (f"{s.speaker}: {s.direct} direct quotation{'s' if s.direct != 1 else ''} and "
                       f"{s.indirect} reported statement{'s' if s.indirect != 1 else ''}, "
                       f"{s.share_of_quoted_words:.0%} of all quoted words.") for s in sp}
    return MultipleChoice("Who speaks most in the article (direct and reported statements together)?",
                          sorted(options), sp[0].speaker, why)


class LoadedHighlighter(widgets.VBox):
    """The article with its loaded words marked; filter by category and by voice (outlet or quoted)."""

    VOICES = {"all voices": None, "the outlet's own words": "outlet", "inside quotations": "quoted"}

    def __init__(self, article: Article, loaded):
        from kit.loaded_lexicon import categories

        self.article = article
        self.loaded = loaded
        names = {k: c.name for k, c in categories().items()}
        present = sorted({m.category for m in loaded.matches}, key=lambda c: list(names).index(c)
                         if c in names else 99)
        self.boxes = {c: widgets.Checkbox(value=True, indent=False, layout=widgets.Layout(width="auto"),
                                          description=f"{names.get(c, c)} "
                                                      f"({sum(m.category == c for m in loaded.matches)})")
                      for c in present}
        self.voice = widgets.ToggleButtons(options=list(self.VOICES), value="all voices")
        self.summary = widgets.HTML()
        self.view = widgets.HTML()
        for w in (*self.boxes.values(), self.voice):
            w.observe(self._render, names="value")
        grid = widgets.HBox(list(self.boxes.values()), layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([grid, self.voice, self.summary, self.view])
        self._render()

    @property
    def shown(self) -> list:
        voice = self.VOICES[self.voice.value]
        return [m for m in self.loaded.matches if self.boxes[m.category].value and voice in (None, m.voice)]

    def _render(self, change=None) -> None:
        from kit.loaded import _title

        shown = self.shown
        self.summary.value = (f"<p><em>Showing {len(shown)} of {len(self.loaded.matches)} loaded words. "
                              "Hover a mark for why it was flagged and what to write instead.</em></p>")
        marks = [Mark(m.start, m.end, "loaded", f"{category_label(m.category)}, "
                      f"{'outlet' if m.voice == 'outlet' else 'quoted'}", _title(m)) for m in shown]
        self.view.value = paragraph_html(self.article, marks, roles={"title", "subhead", "related_link", "body"})


def loaded_table(loaded, voice: str | None = None) -> HTML:
    """Each loaded word: where, whose voice, category, why, and neutral alternatives."""
    from kit.plots import REGION_LABELS

    rows = [(m.text, REGION_LABELS[m.region], m.voice if m.voice == "outlet" else f"quoted ({m.speaker or '?'})",
             category_label(m.category), m.explanation, " / ".join(m.alternatives))
            for m in loaded.matches if voice in (None, m.voice)]
    return HTML(table_html(rows, ("word", "where", "voice", "category", "why it is loaded", "try instead")))


def _loaded_by_term(matches) -> list[tuple[str, list]]:
    """Matches grouped by lexicon term (case-folded), most frequent first, then in reading order."""
    groups: dict[str, list] = {}
    for m in sorted(matches, key=lambda m: m.start):
        groups.setdefault(m.term.lower(), []).append(m)
    return sorted(groups.items(), key=lambda kv: -len(kv[1]))


def loaded_words_view(loaded, voice: str | None = "outlet") -> widgets.VBox:
    """A compact view of the loaded words: one row per category, every word in a closed 'show all' list.

    The per-word table (why, alternatives) is long, two screens for the seed's 35 outlet-voice words, so it
    sits in an Accordion the student opens when needed; the category table keeps every word visible by name.
    """
    from kit.plots import REGION_LABELS

    matches = [m for m in loaded.matches if voice in (None, m.voice)]
    by_term = _loaded_by_term(matches)
    cats: dict[str, list[tuple[str, list]]] = {}
    for term, ms in by_term:
        cats.setdefault(ms[0].category, []).append((term, ms))
    rows = [(category_name(c), sum(len(ms) for _t, ms in terms),
             ", ".join(ms[0].text + (f" (×{len(ms)})" if len(ms) > 1 else "") for _t, ms in terms))
            for c, terms in sorted(cats.items(), key=lambda kv: -sum(len(ms) for _t, ms in kv[1]))]
    summary = widgets.HTML(table_html(rows, ("category", "times", "words")))
    detail = [(" / ".join(dict.fromkeys(m.text for m in ms)), len(ms),  # every spelling used
               ", ".join(dict.fromkeys(REGION_LABELS[m.region] for m in ms)),
               category_label(ms[0].category), ms[0].explanation, " / ".join(ms[0].alternatives))
              for _t, ms in by_term]
    every = widgets.Accordion(children=[widgets.HTML(table_html(
        detail, ("word", "times", "where", "category", "why it is loaded", "try instead")))])
    every.set_title(0, f"Show all {len(by_term)} words ({len(matches)} uses): why each is loaded, "
                       "what to write instead")
    every.selected_index = None  # closed: the summary fits on one screen
    box = widgets.VBox([summary, every])
    box.summary, box.every, box.rows, box.detail = summary, every, rows, detail
    return box


def loaded_word_quiz(article: Article, loaded, paragraph) -> PickTheWord:
    """Pick the loaded words in one paragraph; answers and reasons come from the lexicon."""
    hits = [m for m in loaded.matches if paragraph.start <= m.start < paragraph.end]
    targets = {m.text: f"{category_label(m.category)}: {m.explanation}" for m in hits if " " not in m.text}
    if not targets:
        raise KitInputError("this paragraph has no single loaded word to pick")
    return PickTheWord("Click every word that carries a judgement rather than a fact.", paragraph.text, targets,
                       {"putin": "a name: it identifies, it does not judge.",
                        "obama": "a name: it identifies, it does not judge."})


def passage_analysis(text: str):
    """(article, sourcing, loaded) for a passage a student typed; empty text gives (None, None, None)."""
    if not text.strip():
        return None, None, None
    article = Article(text)
    _quotes, sourcing, loaded = analyse_all(article)
    return article, sourcing, loaded


def _list_loaded(matches) -> str:
    return "; ".join(f"'{m.text}' (try: {' / '.join(m.alternatives[:2])})" for m in matches)


class LoadedRewrite(_RewriteBox):
    """Replace the loaded words in a passage; the counts change as you type.

    Only the outlet's own loaded words need replacing: words inside quotation
    marks are what a speaker said, and changing them would misquote.
    """

    def __init__(self, original: str):
        _a, _s, loaded = passage_analysis(original)
        self.before = loaded
        super().__init__(original, "<p><strong>Replace each loaded word in the outlet's own voice with a neutral "
                                   "one.</strong> Leave words inside quotation marks alone: that is what the "
                                   "speaker said.</p>", rows=5)

    @property
    def counts(self) -> widgets.HTML:
        """The live counts table (named for what it shows)."""
        return self.table

    def outlet_matches(self, loaded) -> list:
        return loaded.outlet_matches() if loaded else []

    def _update(self, change=None) -> None:
        from kit.exercises import _feedback_html

        text = self.box.value
        _a, _s, loaded = passage_analysis(text)
        before_o = self.outlet_matches(self.before)
        after_o = self.outlet_matches(loaded)
        quoted_b = len(self.before.matches) - len(before_o)
        quoted_a = (len(loaded.matches) - len(after_o)) if loaded else 0
        self.counts.value = table_html([("loaded words, outlet's voice", len(before_o), len(after_o)),
                                        ("loaded words inside quotations", quoted_b, quoted_a)],
                                       ("", "original", "your version"))
        words_before = len(self.original.split())
        if not text.strip():
            self.feedback.value = _feedback_html("hint", "the box is empty: rewrite the passage, do not delete it.")
        elif text.strip() == self.original.strip():
            self.feedback.value = _feedback_html(
                "hint", f"this passage has {len(before_o)} loaded word{'s' if len(before_o) != 1 else ''} in the "
                        "outlet's voice. Find them and change them; the kit lists the ones left as you type.")
        elif len(text.split()) < words_before // 2:
            self.feedback.value = _feedback_html("wrong", "your version is less than half as long: replace the "
                                                          "loaded words, keep the information.")
        elif kept_share(self.original, text) < ON_TOPIC_SHARE:
            self.feedback.value = _feedback_html("hint", "your version seems to be about something else: keep "
                                                         "the passage's facts and change only the loaded words.")
        elif quoted_a < quoted_b:
            self.feedback.value = _feedback_html("wrong", "you changed words inside a quotation: a quotation must "
                                                          "stay exactly as the speaker said it.")
        elif after_o:
            self.feedback.value = _feedback_html("wrong", f"{len(after_o)} left (was {len(before_o)}): "
                                                          + _list_loaded(after_o))
        else:
            self.feedback.value = _feedback_html("right", f"no loaded words left in the outlet's voice (was "
                                                          f"{len(before_o)}). Read it again: is every fact still there?")


def categories_table() -> HTML:
    """The loaded-language categories with their descriptions (from lexicons/loaded_categories.csv)."""
    from kit.loaded_lexicon import categories

    rows = [(c.name, c.short, c.description) for c in categories().values()]
    return HTML(table_html(rows, ("category", "label in the marks", "what it means")))


def _rewrite_stats(text: str) -> dict[str, float]:
    article, sourcing, loaded = passage_analysis(text)
    stats = _passage_stats(text)
    return {"words": stats["words"], "grade": stats["grade"],
            "loaded words (outlet's voice)": len(loaded.outlet_matches()) if loaded else 0,
            "claims with no source": len(sourcing.unattributed) if sourcing else 0,
            "attributions (who says so)": len(sourcing.attributions) if sourcing else 0}


class NeutralRewrite(_RewriteBox):
    """Rewrite a paragraph neutrally: attribute every claim, drop the outlet's loaded words.

    The before/after table and the feedback update as the student types; the
    feedback names the next thing to fix (a claim with no source, a loaded word).
    """

    def __init__(self, original: str):
        self.before = _rewrite_stats(original)
        super().__init__(original, "<p><strong>Rewrite the paragraph as a neutral report:</strong> say who claims "
                                   "each thing, and use plain words in the outlet's own voice.</p>")

    @property
    def after(self) -> dict[str, float]:
        return _rewrite_stats(self.box.value)

    def _update(self, change=None) -> None:
        from kit.exercises import _feedback_html

        text = self.box.value
        after = self.after
        self.table.value = table_html([(k, round(self.before[k], 1), round(after[k], 1)) for k in self.before],
                                      ("", "original", "your version"))
        _a, sourcing, loaded = passage_analysis(text)
        if not text.strip():
            self.feedback.value = _feedback_html("hint", "the box is empty: rewrite the paragraph, do not delete it.")
            return
        if text.strip() == self.original.strip():
            n_claims = self.before["claims with no source"]
            n_loaded = self.before["loaded words (outlet's voice)"]
            self.feedback.value = _feedback_html(
                "hint", f"the original has {n_claims} claim(s) with no source and {n_loaded} loaded word(s) in "
                        "the outlet's voice. Start with the claims: who says so?")
            return
        if after["words"] < self.before["words"] // 2:
            self.feedback.value = _feedback_html("wrong", "your version is less than half as long: keep the "
                                                          "information, change how it is told.")
            return
        if kept_share(self.original, text) < ON_TOPIC_SHARE:
            self.feedback.value = _feedback_html("hint", "your version seems to be about something else: keep "
                                                         "the paragraph's facts, change how they are told.")
            return
        if sourcing.unattributed:
            u = sourcing.unattributed[0]
            self.feedback.value = _feedback_html("wrong", f"'{_clip(u.text, 80)}' still has no source "
                                                          f"({u.why.split(':')[0].replace('no source; ', '')}). Who says so? Add the speaker "
                                                          "and a neutral verb such as 'said'.")
            return
        outlet = loaded.outlet_matches()
        if outlet:
            self.feedback.value = _feedback_html("wrong", f"every claim has a source now; {len(outlet)} loaded "
                                                          "word(s) left in the outlet's voice: " + _list_loaded(outlet))
            return
        self.feedback.value = _feedback_html("right", "every claim has a source and the outlet's own words are "
                                                      "neutral. Compare your version with the library story's style.")
