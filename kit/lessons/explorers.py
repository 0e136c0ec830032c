"""Interactive views of the article: tick the parts or the kinds of loaded word to show; terms in context."""

from __future__ import annotations

import html
import re
from typing import Any, ClassVar

import ipywidgets as widgets
from IPython.display import HTML

from kit.article import Article
from kit import render
from kit.render import Mark, highlight
from kit.lessons.labels import READ_ROLES, ROLE_LABELS, VOICE_LABELS
from kit.lessons.views import CSS, VIEW_START, marked_view, new_reasons, paragraph_html, role_badge
from kit.loaded import LoadedLanguage, LoadedMatch
from kit.loaded_lexicon import categories, category_label
from kit.quotes import find_quotations
from kit.sourcing import Sourcing


VOICE_TAGS = {"outlet": "outlet", "reported": "reported", "quoted": "quoted"}  # a mark's tag: "fear, outlet"


class AnatomyExplorer(widgets.VBox):
    """Tick the parts of the article to highlight; every part keeps a text label."""

    def __init__(self, article: Article):
        self.article = article
        present = [r for r in ROLE_LABELS if any(p.role == r for p in article.paragraphs)]
        self.boxes = {r: widgets.Checkbox(value=True, description=ROLE_LABELS[r], indent=False,
                                          layout=widgets.Layout(width="auto", margin="0 1em 0 0"))
                      for r in present}
        self.view = widgets.HTML()
        self.summary = widgets.HTML()
        for b in self.boxes.values():
            b.observe(self._render, names="value")
        super().__init__([widgets.HBox(list(self.boxes.values())), self.summary, self.view])
        self.add_class("kit-view")  # keys typed here stay here (kit.lessons.keyboard)
        self._render()

    @property
    def selected(self) -> set[str]:
        """The roles whose box is ticked."""
        return {r for r, b in self.boxes.items() if b.value}

    def _render(self, change: Any = None) -> None:
        counts = {r: sum(p.role == r for p in self.article.paragraphs) for r in self.boxes}
        shown = ", ".join(f"{counts[r]} {ROLE_LABELS[r]}" for r in self.boxes if r in self.selected)
        self.summary.value = f"<p><em>Showing: {html.escape(shown or 'nothing (tick a box)')}</em></p>"
        self.view.value = paragraph_html(self.article, roles=self.selected)


class LoadedHighlighter(widgets.VBox):
    """The article with its loaded words marked; filter by category and by voice (outlet, reported or quoted)."""

    VOICES: ClassVar[dict[str, str | None]] = {"all voices": None, **{label: voice for voice, label in VOICE_LABELS.items()}}

    def __init__(self, article: Article, loaded: LoadedLanguage):
        self.article = article
        self.loaded = loaded
        names = {k: c.name for k, c in categories().items()}
        present = sorted({m.category for m in loaded.matches}, key=lambda c: list(names).index(c)
                         if c in names else 99)
        self.boxes = {c: widgets.Checkbox(value=True, indent=False, layout=widgets.Layout(width="auto"),
                                          description=f"{names.get(c, c)} "
                                                      f"({sum(m.category == c for m in loaded.matches)})")
                      for c in present}
        self.voice = widgets.ToggleButtons(options=list(self.VOICES), value="all voices", description="Voice",
                                           style={"button_width": "auto"})  # full labels, never cut to "..."
        self.summary = widgets.HTML()
        self.view = widgets.HTML()
        for w in (*self.boxes.values(), self.voice):
            w.observe(self._render, names="value")
        grid = widgets.HBox(list(self.boxes.values()), layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([grid, self.voice, self.summary, self.view])
        self.add_class("kit-view")  # keys typed here stay here (kit.lessons.keyboard)
        self._render()

    @property
    def shown(self) -> list[LoadedMatch]:
        """The matches the ticked categories and the chosen voice let through."""
        voice = self.VOICES[self.voice.value]
        return [m for m in self.loaded.matches if self.boxes[m.category].value and voice in (None, m.voice)]

    def _render(self, change: Any = None) -> None:
        shown = self.shown
        self.summary.value = (f"<p><em>Showing {len(shown)} of {len(self.loaded.matches)} loaded words. "
                              "Click a mark (or reach it with the Tab key) to see why it was flagged and what "
                              "to write instead; every reason is also in the numbered list under the "
                              "article.</em></p>")
        marks = [Mark(m.start, m.end, "loaded", f"{category_label(m.category)}, {VOICE_TAGS.get(m.voice, m.voice)}",
                      render.loaded_reason(m)) for m in shown]
        self.view.value = paragraph_html(self.article, marks, roles=READ_ROLES)


def sourcing_view(article: Article, sourcing: Sourcing) -> HTML:
    """The body with each quotation labelled by its speaker and unattributed claims labelled 'no source'."""
    return marked_view(article, render.sourcing_marks(sourcing), roles={"body"})


def find_terms(article: Article, terms: list[str]) -> list[Mark]:
    """Every whole-word occurrence of `terms` outside boilerplate, labelled with part and voice."""
    quotes = find_quotations(article)
    marks = []
    for term in terms:
        for m in re.finditer(rf"(?<![^\W_]){re.escape(term)}(?![^\W_])", article.text, re.IGNORECASE):
            p = article.paragraph_at(m.start())
            if p is None or p.role == "boilerplate":
                continue
            voice = "inside quotation marks" if quotes.containing(m.start(), m.end()) else "not in quotation marks"
            where = ROLE_LABELS[p.role]
            marks.append(Mark(m.start(), m.end(), "loaded", f"{where}, {voice}",
                              f"'{m.group()}' in the {where}, {voice}"))
    return sorted(marks, key=lambda k: k.start)


def terms_in_context(article: Article, terms: list[str]) -> HTML:
    """Only the paragraphs that contain `terms`, each occurrence marked and labelled (part, voice)."""
    marks = find_terms(article, terms)
    shown = {p.index for p in (article.paragraph_at(m.start) for m in marks) if p is not None}
    out = [CSS, VIEW_START]
    reasons = new_reasons()
    for p in article.paragraphs:
        if p.index in shown:
            out.append(f'<div class="para {p.role}">{role_badge(p)}'
                       f"{highlight(article.text, marks, p.start, p.end, reasons)}</div>")
    if not marks:
        out.append("<p><em>None of these words appear in the article.</em></p>")
    out.append(reasons.html())
    out.append("</div>")
    return HTML("".join(out))
