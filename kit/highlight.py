"""Escaped HTML with marked spans, shared by the HTML report and the widgets.

Every character of the article goes through `html.escape`, so a quote that
contains `<script>` shows as text. Marks never rely on colour alone: each
carries a visible label (a small bracketed tag) and a `title` for hover and
screen readers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """A span to highlight: `css` picks the style, `label` is shown, `title` on hover."""

    start: int
    end: int
    css: str
    label: str = ""
    title: str = ""


def highlight(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> str:
    """HTML for `text[start:end]` with marks; a mark inside another nests, a partial overlap is dropped.

    Nesting lets a loaded word show inside the quotation that contains it.
    """
    end = len(text) if end is None else end
    kept: list[Mark] = []
    stack: list[Mark] = []  # marks still open at the current position, outermost first
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < start or m.end > end or m.end <= m.start:
            continue
        while stack and stack[-1].end <= m.start:
            stack.pop()
        if stack and m.end > stack[-1].end:  # crosses the boundary of an open mark
            continue
        if kept and kept[-1] == m:
            continue
        kept.append(m)
        stack.append(m)
    # events: (position, order, html); closing tags sort before opening ones at the same spot
    events: list[tuple[int, int, int, str]] = []
    for i, m in enumerate(kept):
        title = f' title="{html.escape(m.title)}"' if m.title else ""
        label = f'<sup class="tag">[{html.escape(m.label)}]</sup>' if m.label else ""
        events.append((m.start, 1, i, f'<mark class="{html.escape(m.css)}"{title}>'))
        events.append((m.end, 0, -i, f"{label}</mark>"))
    events.sort()
    out: list[str] = []
    pos = start
    for at, _, _, tag in events:
        out.append(html.escape(text[pos:at]))
        out.append(tag)
        pos = at
    out.append(html.escape(text[pos:end]))
    return "".join(out).replace("\n", "<br>\n")


def markdown_escape(s: str) -> str:
    """Escape HTML and Markdown so article text in a Markdown report shows as text."""
    s = html.escape(s, quote=False)
    for ch in "\\`*_[]#|":
        s = s.replace(ch, "\\" + ch)
    return s


STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.55; color: #1a1a1a; background: #fff; }
h1, h2, h3, table, .meta, .tag, .role { font-family: system-ui, sans-serif; }
.para { margin: 0.6em 0; padding: 0.3em 0.6em; border-left: 4px solid transparent; }
.role { display: inline-block; font-size: 0.7em; text-transform: uppercase; letter-spacing: 0.05em;
        color: #444; border: 1px solid #888; border-radius: 3px; padding: 0 0.3em; margin-right: 0.5em; }
.para.title { font-size: 1.4em; font-weight: bold; border-left: 6px double #0072B2; }
.para.subhead { font-weight: bold; border-left: 4px solid #0072B2; }
.para.related_link { font-style: italic; border-left: 4px dashed #E69F00; }
.para.boilerplate { color: #555; font-size: 0.9em; border-left: 4px dotted #999; }
mark { background: none; padding: 0 1px; }
mark.hard { background: #fde9c9; border-bottom: 2px solid #D55E00; }
mark.quote { background: #e3f0fa; border-bottom: 2px dotted #0072B2; }
mark.loaded { background: #f3e0ee; border-bottom: 3px double #CC79A7; }
mark.unattributed { background: #eeeeee; border-bottom: 2px dashed #333; }
.tag { font-size: 0.65em; color: #333; margin-left: 1px; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
td.num { text-align: right; }
"""
