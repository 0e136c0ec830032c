"""Static HTML views of an article: as a reader meets it, with role labels and marks, small tables.

Everything shown goes through `html.escape` or `kit.render.highlight`, and
every view sits in a `kit-view` div that JupyterLab does not typeset as maths
(a "$" in an article is money, not LaTeX). A view with marks ends with the
numbered list of their reasons (`kit.render.Reasons`): a reason is never
only in a hover tooltip.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Collection, Sequence

from IPython.display import HTML

from kit.article import Article, Paragraph, words_in
from kit.lessons import keyboard
from kit.lessons.labels import ROLE_LABELS
from kit.readability import SentenceDifficulty, score_note
from kit.render import Mark, MarkIndex, highlight
from kit.render.css import style_tag
from kit.render.marks import Reasons

keyboard.install()  # every kit widget keeps the keyboard to itself (kit.lessons.keyboard)

# The kit's one style sheet (kit/render/kit.css): every rule is scoped under .kit-view, so it never
# restyles the notebook; Okabe-Ito colours, and each role also has its own border style and a text label.
CSS = style_tag()

VIEW_START = '<div class="kit-view tex2jax_ignore mathjax_ignore">'


_VIEWS = itertools.count(1)


def new_reasons() -> Reasons:
    """A reasons list whose ids are unique on the page (a notebook shows many views at once)."""
    return Reasons(prefix=f"kit-why{next(_VIEWS)}")


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
                   show_labels: bool = True, max_chars: int | None = None) -> str:
    """Every paragraph as a block with its role label; `roles` limits which are emphasised.

    Under the paragraphs: the numbered reasons of the marks (empty without marks). With `max_chars`,
    paragraphs starting after that many characters are left out, and a note says so.
    """
    out = [CSS, VIEW_START]
    index = MarkIndex(marks)  # sorted once: a long article is not re-sorted for every paragraph
    reasons = new_reasons()
    for p in article.paragraphs:
        if max_chars is not None and p.start >= max_chars:
            out.append(f"<p><em>The marked article stops here, after {p.start:,} of its {len(article.text):,} "
                       "characters: a page this long would make the notebook slow. The saved report marks the "
                       "whole article.</em></p>")
            break
        dim = " dim" if roles is not None and p.role not in roles else ""
        label = role_badge(p) if show_labels and not dim else ""
        out.append(f'<div class="para {p.role}{dim}" title="{html.escape(p.why)}">{label}'
                   f"{highlight(article.text, index, p.start, p.end, reasons)}</div>")
    out.append(reasons.html())
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
    note = score_note("grade", sentence.grade)
    info = (f"<p><em>{sentence.words} words, {sentence.syllables} syllables, "
            f"Flesch-Kincaid grade {sentence.grade:.1f}</em>{': ' + html.escape(note) if note else ''}</p>")
    reasons = new_reasons()
    marked = highlight(text, marks, sentence.start, sentence.end, reasons)
    return HTML(in_view(f'<div class="reader">{marked}</div>{info}{reasons.html()}'))
