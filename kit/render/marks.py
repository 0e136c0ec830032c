"""Marked spans and escaped HTML with them: the highlighting of the report page and the lessons.

Every character of the article goes through `html.escape`, so a quote that
contains `<script>` shows as text. Marks never rely on colour alone: each
carries a visible label (a small bracketed tag) and a `title` for hover.

A reason must not hide behind hover (keyboard, touch and paper users never
hover): pass a `Reasons` to `highlight()` and every mark with a reason gets a
number in its tag, keyboard focus (`tabindex`; a click focuses it too) that
shows the reason next to it (kit.css), `aria-describedby` pointing at its
line in the numbered list that `Reasons.html()` writes under the text.

A long article has thousands of marks and paragraphs. `MarkIndex` sorts the
marks once, and `highlight()` given an index takes a paragraph's marks by
bisection, so a whole page costs O(n log n), not one full sort per paragraph.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kit.loaded_lexicon import category_label
from kit.readability import HARD_GRADE
from kit.render import phrases
from kit.sourcing import short_label

if TYPE_CHECKING:
    from kit.loaded import LoadedLanguage
    from kit.report import Report
    from kit.sourcing import Sourcing


@dataclass(frozen=True)
class Mark:
    """A span to highlight: `css` picks the style, `label` is shown, `title` on hover."""

    start: int
    end: int
    css: str
    label: str = ""
    title: str = ""


def _order(m: Mark) -> tuple[int, int]:
    return (m.start, -m.end)  # outer marks before the marks they contain


class MarkIndex:
    """Marks sorted once by start (longest first), looked up by range with bisection."""

    def __init__(self, marks: Iterable[Mark]):
        self.marks: list[Mark] = sorted(marks, key=_order)  # stable: equal marks keep their given order
        self.starts = [m.start for m in self.marks]

    def starting_in(self, start: int, end: int) -> list[Mark]:
        """The marks that start in [start, end), in sorted order."""
        return self.marks[bisect_left(self.starts, start):bisect_left(self.starts, end)]


class Reasons:
    """The reasons of the marks shown, numbered for a list under the text (reachable without hover).

    Marks with the same style, label and reason share one number and one line
    ("3+ syllables ..." for every hard word). `prefix` makes the ids unique on
    a page that shows several views (a notebook).
    """

    MAX_EXAMPLES = 4  # words quoted on one line of the list; the rest are counted

    def __init__(self, prefix: str = "why"):
        self.prefix = prefix
        self._numbers: dict[tuple[str, str, str], int] = {}
        self.items: list[tuple[str, str, list[str]]] = []  # (label, reason, the marked texts)

    def __len__(self) -> int:
        return len(self.items)

    def ident(self, n: int) -> str:
        return f"{self.prefix}-{n}"

    def number(self, m: Mark, marked: str) -> int:
        """The number of `m`'s reason (a new one the first time), noting the text it marks."""
        key = (m.css, m.label, m.title)
        n = self._numbers.get(key)
        if n is None:
            n = self._numbers[key] = len(self.items) + 1
            self.items.append((m.label, m.title, []))
        self.items[n - 1][2].append(phrases.squash(marked))
        return n

    def html(self, heading: str = phrases.REASONS_HEADING) -> str:
        """An escaped, numbered list of every reason, for screens, prints and paper ("" when none)."""
        if not self.items:
            return ""
        lines = []
        for n, (label, reason, texts) in enumerate(self.items, 1):
            shown = list(dict.fromkeys(texts))
            quoted = ", ".join(f"“{html.escape(phrases.clip(t, 70))}”" for t in shown[:self.MAX_EXAMPLES])
            more = len(shown) - self.MAX_EXAMPLES
            quoted += f" {html.escape(phrases.and_more(more))}" if more > 0 else ""
            tag = f'<span class="tag">[{html.escape(label)}]</span> ' if label else ""
            lines.append(f'<li id="{html.escape(self.ident(n))}">{tag}{quoted}: {html.escape(reason)}</li>')
        return (f'<section class="reasons"><h3>{html.escape(heading)}</h3>'
                f"<p class=meta>{html.escape(phrases.REASONS_HOW)}</p><ol>{''.join(lines)}</ol></section>")


def _open_tag(m: Mark, n: int | None, reasons: Reasons | None) -> str:
    if n is None or reasons is None:
        title = f' title="{html.escape(m.title)}"' if m.title else ""
        return f'<mark class="{html.escape(m.css)}"{title}>'
    # no title here: the reason shows on focus and hover (data-why, kit.css) and is read from the list
    return (f'<mark class="{html.escape(m.css)}" tabindex="0" data-why="{n}. {html.escape(m.title)}" '
            f'aria-describedby="{html.escape(reasons.ident(n))}">')


def highlight(text: str, marks: Sequence[Mark] | MarkIndex, start: int = 0, end: int | None = None,
              reasons: Reasons | None = None) -> str:
    """HTML for `text[start:end]` with marks; a mark inside another nests, a partial overlap is dropped.

    Nesting lets a loaded word show inside the quotation that contains it.
    Pass a `MarkIndex` when highlighting many ranges of one text with the same marks, and a
    `Reasons` to number every mark's reason for a list under the text (`Reasons.html()`).
    """
    end = len(text) if end is None else end
    # a mark starting before `start` or at/after `end` never fits the range, so the index may skip it
    candidates = marks.starting_in(start, end) if isinstance(marks, MarkIndex) else sorted(marks, key=_order)
    kept: list[Mark] = []
    stack: list[Mark] = []  # marks still open at the current position, outermost first
    for m in candidates:
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
        n = reasons.number(m, text[m.start:m.end]) if reasons is not None and m.title else None
        shown = m.label if n is None else f"{m.label} · {n}" if m.label else str(n)
        label = f'<sup class="tag">[{html.escape(shown)}]</sup>' if shown else ""
        events.append((m.start, 1, i, _open_tag(m, n, reasons)))
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


def sourcing_marks(sourcing: Sourcing) -> list[Mark]:
    """Quotations labelled with their speaker; unattributed sentences labelled "no source"."""
    out: list[Mark] = []
    for a in sourcing.attributions:
        if a.kind != "direct":
            continue
        for s, e in a.quotes:
            out.append(Mark(s, e, "quote", short_label(a.speaker, a.source_type),
                            f"{a.speaker} ({a.cue})" if a.cue else a.speaker))
    for u in sourcing.unattributed:
        out.append(Mark(u.start, u.end, "unattributed", "no source", u.why))
    return sorted(out, key=lambda m: m.start)


def loaded_marks(loaded: LoadedLanguage) -> list[Mark]:
    """One highlight per match: css 'loaded', label = short category, title = explanation + alternatives."""
    return [Mark(m.start, m.end, "loaded", category_label(m.category), phrases.loaded_reason(m))
            for m in loaded.matches]


def report_marks(report: Report) -> list[Mark]:
    """Highlights for the HTML page: loaded words first, then quotations, then hardest sentences."""
    marks = loaded_marks(report.loaded) + sourcing_marks(report.sourcing)  # a loaded word nests in its quotation
    for h in report.readability.hard(3):  # only sentences that are actually hard, not merely the hardest
        marks.append(Mark(h.start, h.end, "hard", "hard",
                          f"one of the hardest sentences: grade {h.grade:.1f} (hard means above grade "
                          f"{HARD_GRADE:g})"))
    return marks
