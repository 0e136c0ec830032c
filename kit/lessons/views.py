"""Static HTML views of an article: as a reader meets it, with role labels and marks, small tables.

Everything shown goes through `html.escape` or `kit.highlight.highlight`, and
every view sits in a `kit-view` div that JupyterLab does not typeset as maths
(a "$" in an article is money, not LaTeX).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from IPython.display import HTML

from kit.article import Article, Paragraph, words_in
from kit.highlight import Mark, highlight
from kit.lessons.labels import ROLE_LABELS
from kit.readability import SentenceDifficulty

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

VIEW_START = '<div class="kit-view tex2jax_ignore mathjax_ignore">'


def in_view(inner: str) -> str:
    """`inner` with the stylesheet, inside a `kit-view` div."""
    return f"{CSS}{VIEW_START}{inner}</div>"


def reader_view(text: str) -> HTML:
    """The article as a reader first meets it: plain paragraphs, nothing marked."""
    return HTML(in_view(f'<div class="reader">{highlight(text, [])}</div>'))


def role_badge(p: Paragraph) -> str:
    """The paragraph's role as a text label (never colour alone): 'RELATED LINK'."""
    return f'<span class="role">{ROLE_LABELS[p.role].upper()}</span>'


def paragraph_html(article: Article, marks: Sequence[Mark] = (), roles: Collection[str] | None = None,
                   show_labels: bool = True) -> str:
    """Every paragraph as a block with its role label; `roles` limits which are emphasised."""
    out = [CSS, VIEW_START]
    for p in article.paragraphs:
        dim = " dim" if roles is not None and p.role not in roles else ""
        label = role_badge(p) if show_labels and not dim else ""
        out.append(f'<div class="para {p.role}{dim}" title="{html.escape(p.why)}">{label}'
                   f"{highlight(article.text, list(marks), p.start, p.end)}</div>")
    out.append("</div>")
    return "".join(out)


def marked_view(article: Article, marks: Sequence[Mark], roles: Collection[str] | None = None) -> HTML:
    """The article with marks (quotes, loaded words, hard sentences) and role labels."""
    return HTML(paragraph_html(article, marks, roles))


def _cell(v: object, tag: str = "td") -> str:
    num = isinstance(v, (int, float)) and not isinstance(v, bool)
    text = f"{v:.1f}" if isinstance(v, float) else str(v)
    return f'<{tag}{" class=num" if num else ""}>{html.escape(text)}</{tag}>'


def table_html(rows: Sequence[Sequence[object]], header: Sequence[object] = ()) -> str:
    """A small escaped HTML table; numbers are right-aligned, floats shown with one decimal."""
    head = "<tr>" + "".join(_cell(h, "th") for h in header) + "</tr>" if header else ""
    body = "".join("<tr>" + "".join(_cell(v) for v in r) + "</tr>" for r in rows)
    return in_view(f"<table>{head}{body}</table>")


def hard_sentence_view(text: str, sentence: SentenceDifficulty) -> HTML:
    """One sentence with its hard words marked (labelled, not only coloured)."""
    hard = {w.lower() for w in sentence.hard_words}
    marks = [Mark(w.start, w.end, "hard", "hard", "3+ syllables and not on the easy-word list")
             for w in words_in(text, sentence.start, sentence.end) if w.text.lower() in hard]
    info = (f"<p><em>{sentence.words} words, {sentence.syllables} syllables, "
            f"Flesch-Kincaid grade {sentence.grade:.1f}</em></p>")
    return HTML(in_view(f'<div class="reader">{highlight(text, marks, sentence.start, sentence.end)}</div>{info}'))
