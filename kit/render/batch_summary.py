"""The batch summary table (one row per article) as terminal text, Markdown and an HTML index page."""

from __future__ import annotations

from collections.abc import Sequence

import html
import textwrap

from kit.render.css import style_tag
from kit.render.markdown import markdown_escape
from kit.terminal import one_line

COLUMNS = (
    # key, heading, width, format
    ("words", "words", 6, "{:d}"),
    ("sentences", "sent.", 5, "{:d}"),
    ("flesch_reading_ease", "FRE", 6, "{:.1f}"),
    ("grade", "grade", 5, "{:.1f}"),
    ("speakers", "spkrs", 5, "{:d}"),
    ("top_speaker_share", "top", 4, "{:.0%}"),
    ("loaded_per_100_words", "ld/100", 6, "{:.2f}"),
)

LEGEND = ("FRE = Flesch Reading Ease (higher is easier); grade = consensus school grade; spkrs = speakers "
          "quoted or cited; top = the top speaker's share of attributions; ld/100 = loaded words per 100 words; "
          "- = not measured.")


def _cell(row: dict, key: str, fmt: str) -> str:
    v = row.get(key)
    return "-" if v is None else fmt.format(v)


def summary_text(rows: list[dict], skipped: Sequence[tuple[str, str]] = (), width: int = 78) -> str:
    """The summary table for a terminal; file names are shortened from the left to fit."""
    numbers = sum(w + 1 for _, _, w, _ in COLUMNS)
    name_w = max(12, width - numbers - 1)

    def fit(name: str) -> str:
        return name if len(name) <= name_w else "…" + name[-(name_w - 1):]

    head = f"{'file':<{name_w}} " + " ".join(f"{h:>{w}}" for _, h, w, _ in COLUMNS)
    out = [f"BATCH SUMMARY: {len(rows)} article(s) reported, {len(skipped)} skipped", "", head, "-" * len(head)]
    for row in rows:
        out.append(f"{fit(one_line(row['source'])):<{name_w}} " +
                   " ".join(f"{_cell(row, k, f):>{w}}" for k, _, w, f in COLUMNS))
    out += [""] + textwrap.wrap(LEGEND, width)
    if skipped:
        out += ["", "Skipped:"] + [textwrap.fill(one_line(msg), width, initial_indent="  ",
                                                 subsequent_indent="    ") for _, msg in skipped]
    return "\n".join(out) + "\n"


def summary_markdown(rows: list[dict], skipped: Sequence[tuple[str, str]] = ()) -> str:
    """The summary table as Markdown."""
    heads = ["file"] + [h for _, h, _, _ in COLUMNS]
    out = [f"# Batch summary: {len(rows)} article(s)", "", "| " + " | ".join(heads) + " |",
           "|---|" + "---:|" * len(COLUMNS)]
    for row in rows:
        cells = " | ".join(_cell(row, k, f) for k, _, _, f in COLUMNS)
        out.append(f"| {markdown_escape(row['source'])} | {cells} |")
    if skipped:
        out += ["", "Skipped:", ""] + [f"- {markdown_escape(msg)}" for _, msg in skipped]
    out += ["", markdown_escape(LEGEND)]
    return "\n".join(out) + "\n"


def summary_html(rows: list[dict], links: dict[str, str], skipped: Sequence[tuple[str, str]] = ()) -> str:
    """An index page: the summary table with a link to each article's page (all text escaped)."""
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in ["file", "headline"] + [h for _, h, _, _ in COLUMNS])
    body = []
    for row in rows:
        href = links.get(row["source"], "")
        name = f'<a href="{e(href)}">{e(row["source"])}</a>' if href else e(row["source"])
        cells = "".join(f"<td class=num>{e(_cell(row, k, f))}</td>" for k, _, _, f in COLUMNS)
        body.append(f"<tr><td>{name}</td><td>{e(row.get('title') or '')}</td>{cells}</tr>")
    skip = "".join(f"<li>{e(msg)}</li>" for _, msg in skipped)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Batch summary</title>"
            f"{style_tag()}</head><body><main class=\"kit-view\">\n<h1>Batch summary: {len(rows)} article(s)</h1>\n"
            f"<table><tr>{head}</tr>{''.join(body)}</table>\n"
            f"<p class=meta>{e(LEGEND)}</p>\n" + (f"<h2>Skipped</h2><ul>{skip}</ul>\n" if skip else "") + "</main></body></html>\n")
