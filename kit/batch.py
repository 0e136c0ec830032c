"""Batch reports: a class's folder of articles in one command.

`python -m kit report PATH...` with more than one path, or with a folder,
analyses every article and:

* `--format json` writes JSON Lines: one report object per line, each with
  its `"source"` (the file it came from);
* `--format text` writes a summary table (file, words, sentences, Flesch
  Reading Ease, consensus grade, speakers, the top speaker's share of the
  attributions, loaded words per 100 words), then each article's report
  (`--summary-only` stops after the table);
* `--format md` writes the same as one Markdown document;
* `--format html` needs `--output DIR`: one page per article plus an
  `index.html` with the summary table and links. An existing file is never
  overwritten: a name already taken gets `-2`, `-3`, ...

Folders: the `.txt`, `.md`, `.html` and `.htm` files directly inside, sorted by
name (hidden files left out); `--recursive` also reads sub-folders. A file
that cannot be analysed is reported on standard error and skipped; the batch
goes on. Exit status: 0 when every file was reported, 1 when at least one was
skipped (the others are still reported) or when no file was found.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from kit.errors import KitInputError
from kit.highlight import markdown_escape

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
PROGRESS_MIN_FILES = 5  # below this a bar only flickers
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


@dataclass
class BatchResult:
    """What a batch did: summary rows of the reported files and messages for the skipped ones."""

    rows: list[dict] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, message)

    @property
    def exit_code(self) -> int:
        return 0 if self.rows and not self.skipped else 1


# -- which files ----------------------------------------------------------------
def _sort_key(p: Path) -> tuple[str, str]:
    return (str(p).casefold(), str(p))


def _shown(path: str) -> str:
    from kit.inputs import display_name

    return display_name(path)


def expand_paths(paths: Sequence[str], recursive: bool = False) -> tuple[list[str], list[tuple[str, str]]]:
    """The files a batch reads, in order, and (path, message) for paths that give none.

    A file named on the command line is read whatever its suffix; a folder
    contributes its article files (see module docstring). Duplicates are read once.
    """
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        key = name if name == "-" else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            files.append(name)

    for raw in paths:
        p = Path(raw)
        if raw == "-" or not p.is_dir():
            add(raw)  # a missing or unreadable file is reported when it is read
            continue
        try:
            found = [q for q in (p.rglob("*") if recursive else p.iterdir())
                     if q.suffix.lower() in ARTICLE_SUFFIXES and not q.name.startswith(".") and q.is_file()
                     and not any(part.startswith(".") for part in q.relative_to(p).parts)]
        except OSError as exc:
            problems.append((raw, f"{_shown(raw)}: cannot list the folder ({exc.strerror or exc})"))
            continue
        if not found:
            sub = "" if recursive else " (add --recursive to look in its sub-folders)"
            problems.append((raw, f"{_shown(raw)} is a folder with no .txt, .md, .html or .htm files{sub}"))
        for q in sorted(found, key=_sort_key):
            add(str(q))
    return files, problems


# -- summary --------------------------------------------------------------------
def _num(d: dict, key: str):
    v = d.get(key) if isinstance(d, dict) else None
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def summary_row(report: dict) -> dict:
    """The summary-table figures of one report dict, read defensively (missing parts give None)."""
    r = report.get("readability") or {}
    s = report.get("sourcing") or {}
    ld = report.get("loaded_language") or {}
    speakers = [sp for sp in (s.get("speakers") or []) if isinstance(sp, dict)]
    totals = [(_num(sp, "direct") or 0) + (_num(sp, "indirect") or 0) for sp in speakers]
    share = top = None
    if speakers and sum(totals):
        i = max(range(len(totals)), key=totals.__getitem__)
        share, top = totals[i] / sum(totals), speakers[i].get("speaker")
    grade = _num(r, "consensus_grade")
    return {
        "source": report.get("source", ""),
        "title": (report.get("structure") or {}).get("title", ""),
        "words": _num(r, "words"),
        "sentences": _num(r, "sentences"),
        "flesch_reading_ease": _num(r, "flesch_reading_ease"),
        "grade": grade if grade is not None else _num(r, "flesch_kincaid_grade"),
        "speakers": len(speakers) if "speakers" in s else None,
        "top_speaker": top,
        "top_speaker_share": share,
        "loaded_per_100_words": _num(ld, "per_100_words"),
        "warnings": len(report.get("warnings") or []),
    }


def _cell(row: dict, key: str, fmt: str) -> str:
    v = row.get(key)
    return "-" if v is None else fmt.format(v)


def summary_text(rows: list[dict], skipped: list[tuple[str, str]] = (), width: int = 78) -> str:
    """The summary table for a terminal; file names are shortened from the left to fit."""
    numbers = sum(w + 1 for _, _, w, _ in COLUMNS)
    name_w = max(12, width - numbers - 1)

    def fit(name: str) -> str:
        return name if len(name) <= name_w else "…" + name[-(name_w - 1):]

    head = f"{'file':<{name_w}} " + " ".join(f"{h:>{w}}" for _, h, w, _ in COLUMNS)
    out = [f"BATCH SUMMARY: {len(rows)} article(s) reported, {len(skipped)} skipped", "", head, "-" * len(head)]
    for row in rows:
        out.append(f"{fit(row['source']):<{name_w}} " +
                   " ".join(f"{_cell(row, k, f):>{w}}" for k, _, w, f in COLUMNS))
    out += [""] + textwrap.wrap(LEGEND, width)
    if skipped:
        out += ["", "Skipped:"] + [textwrap.fill(msg, width, initial_indent="  ", subsequent_indent="    ")
                                   for _, msg in skipped]
    return "\n".join(out) + "\n"


def summary_markdown(rows: list[dict], skipped: list[tuple[str, str]] = ()) -> str:
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


def summary_html(rows: list[dict], links: dict[str, str], skipped: list[tuple[str, str]] = ()) -> str:
    """An index page: the summary table with a link to each article's page (all text escaped)."""
    from kit.highlight import STYLE

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
            f"<style>{STYLE}</style></head><body>\n<h1>Batch summary: {len(rows)} article(s)</h1>\n"
            f"<table><tr>{head}</tr>{''.join(body)}</table>\n"
            f"<p class=meta>{e(LEGEND)}</p>\n" + (f"<h2>Skipped</h2><ul>{skip}</ul>\n" if skip else "") + "</body></html>\n")


# -- writing --------------------------------------------------------------------
def _safe_stem(source: str) -> str:
    stem = "stdin" if source == "standard input" else Path(source).stem
    return re.sub(r"[^\w.-]+", "_", stem).strip("._")[:80] or "article"


def write_new(folder: Path, stem: str, suffix: str, content: str) -> Path:
    """Write `content` to folder/stem.suffix, or stem-2, stem-3... : never overwrites a file."""
    for n in range(1, 10_000):
        path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            with open(path, "x", encoding="utf-8") as fh:
                fh.write(content)
            return path
        except FileExistsError:
            continue
    raise KitInputError(f"{folder}: too many files called {stem}{suffix}; choose another folder")


# -- the batch ------------------------------------------------------------------
def run(
    paths: Sequence[str],
    fmt: str = "text",
    *,
    write: Callable[[str], None],
    output_dir: str | None = None,
    lexicons: Sequence[str] = (),
    summary_only: bool = False,
    recursive: bool = False,
    progress: bool | None = None,
    err=None,
) -> BatchResult:
    """Analyse every article under `paths` and write the batch output through `write`.

    `progress=None` shows a bar on standard error only when it is a terminal
    and there are at least PROGRESS_MIN_FILES files. Skipped files are
    reported on `err` (standard error) as they happen.
    """
    from kit import render
    from kit.inputs import display_name, read_source
    from kit.report import build_report

    err = err or sys.stderr
    files, problems = expand_paths(paths, recursive)
    if not files:
        raise KitInputError("; ".join(msg for _, msg in problems) or "no files to analyse")
    result = BatchResult(skipped=list(problems))
    folder = None
    if fmt == "html":
        if not output_dir:
            raise KitInputError("an html batch writes one page per article: give a folder with --output DIR")
        folder = Path(output_dir)
        if folder.exists() and not folder.is_dir():
            raise KitInputError(f"{folder} is a file; --output for an html batch must be a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KitInputError(f"cannot create the folder {folder} ({exc.strerror or exc})") from None

    if lexicons:
        # a broken word list would fail every file alike: say it once, before any work
        build_report("The council met on Tuesday. The mayor said it went well.", "word list check", tuple(lexicons))
    if progress is None:
        progress = bool(getattr(err, "isatty", lambda: False)()) and len(files) >= PROGRESS_MIN_FILES
    bar = None
    if progress and files:
        from tqdm import tqdm

        bar = tqdm(total=len(files), file=err, unit="article", desc="kit report", leave=False)

    def say(msg: str) -> None:
        if bar is not None:
            bar.write(msg, file=err)
        else:
            print(msg, file=err, flush=True)

    for _, msg in problems:
        say(f"kit: {msg}")
    texts: list[str] = []  # per-article reports for text/md, written after the table
    links: dict[str, str] = {}
    try:
        for name in files:
            source_name = "standard input" if name == "-" else display_name(name)
            try:
                source = read_source(name)
                report = build_report(source.text, source.name, tuple(lexicons), note=source.note)
                d = report.to_dict()
                row = summary_row(d)
                if fmt == "json":
                    write(json.dumps(d, ensure_ascii=False) + "\n")
                elif fmt == "html":
                    page = write_new(folder, _safe_stem(source.name), ".html", render.to_html(report))
                    links[row["source"]] = page.name
                elif not summary_only:
                    texts.append(render.to_text(report) if fmt == "text" else render.to_markdown(report))
                result.rows.append(row)
            except KitInputError as exc:
                result.skipped.append((source_name, str(exc)))
                say(f"kit: {exc}")
            except (KeyboardInterrupt, BrokenPipeError):
                raise
            except Exception as exc:  # a bug in one module must not end a class's batch
                msg = f"{source_name}: internal error ({type(exc).__name__}: {exc}); please report it"
                result.skipped.append((source_name, msg))
                say(f"kit: {msg}")
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()

    if fmt == "text":
        write(summary_text(result.rows, result.skipped))
        for row, t in zip(result.rows, texts):
            write(f"\n\n### {row['source']}\n" + t)
    elif fmt == "md":
        write(summary_markdown(result.rows, result.skipped))
        for row, t in zip(result.rows, texts):
            write(f"\n---\n\n**File:** {markdown_escape(row['source'])}\n\n" + t)
    elif fmt == "html" and folder is not None:
        index = write_new(folder, "index", ".html", summary_html(result.rows, links, result.skipped))
        say(f"wrote {len(links)} page(s) and {index}")
    return result
