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
.kit-view td, .kit-view th { border: 1px solid #bbb; padding: 0.15em 0.5em; text-align: left; }
.kit-view td.num { text-align: right; }
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
    return HTML(f'{CSS}<div class="kit-view"><div class="reader">{highlight(text, [])}</div></div>')


def paragraph_html(article: Article, marks: list[Mark] = (), roles: set[str] | None = None,
                   show_labels: bool = True) -> str:
    """Every paragraph as a block with its role label; `roles` limits which are emphasised."""
    out = [CSS, '<div class="kit-view">']
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
    return f'{CSS}<div class="kit-view"><table>{head}{body}</table></div>'


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
