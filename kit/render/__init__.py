"""Text, Markdown and HTML of a report and of its parts (analysis modules never render).

    from kit import render
    render.to_text(report)          # the terminal report
    render.to_markdown(report)
    render.to_html(report)          # a standalone page
    render.marks(report)            # the highlights of the page, as Mark objects

The lessons use the parts: `sourcing_marks`, `loaded_marks`, `highlight`
(with a `MarkIndex` for many paragraphs), `sourcing_html`, `loaded_html`,
`loaded_reason`, and `kit.render.css.style_tag()` for the one style sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.render.html import loaded_html, report_html, sourcing_html
from kit.render.markdown import (
    loaded_markdown,
    markdown_escape,
    report_markdown,
    sourcing_markdown,
)
from kit.render.marks import (
    Mark,
    MarkIndex,
    highlight,
    loaded_marks,
    report_marks,
    sourcing_marks,
)
from kit.render.phrases import ROLE_LABELS, loaded_reason
from kit.render.text import loaded_text, report_text, sourcing_text

if TYPE_CHECKING:
    from kit.report import Report

__all__ = [
    "ROLE_LABELS",
    "Mark",
    "MarkIndex",
    "highlight",
    "loaded_html",
    "loaded_markdown",
    "loaded_marks",
    "loaded_reason",
    "loaded_text",
    "markdown_escape",
    "marks",
    "sourcing_html",
    "sourcing_markdown",
    "sourcing_marks",
    "sourcing_text",
    "to_html",
    "to_markdown",
    "to_text",
]


def to_text(report: Report, width: int = 78) -> str:
    """The plain-text report, wrapped to `width` columns."""
    return report_text(report, width)


def to_markdown(report: Report) -> str:
    """The Markdown report."""
    return report_markdown(report)


def to_html(report: Report) -> str:
    """The standalone HTML page."""
    return report_html(report)


def marks(report: Report) -> list[Mark]:
    """The page's highlights: loaded words, then quotations and unattributed claims, then hard sentences."""
    return report_marks(report)
