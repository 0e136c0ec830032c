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
  overwritten: a name already taken gets `-2`, `-3`, ... Every page is
  complete or absent (kit.files); after Ctrl-C or a full disk the index still
  lists the pages that were written.

Folders: the `.txt`, `.md`, `.html` and `.htm` files directly inside, sorted by
name (hidden files left out); `--recursive` also reads sub-folders (one it
cannot read is reported and skipped). The batch's own output folder, and the
pages it wrote into a folder it reads, are not read back. A file that cannot
be analysed is reported on standard error and skipped; the batch goes on. Exit status: 0 when every file was reported, 1 when at least one was
skipped (the others are still reported) or when no file was found.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import KitInputError, KitOutputError
from kit.files import reason, safe_stem, write_new
from kit.render import markdown_escape
from kit.render.batch_summary import summary_html, summary_markdown, summary_text
from kit.terminal import one_line, shown_name

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
PROGRESS_MIN_FILES = 5  # below this a bar only flickers
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
    return shown_name(path)


def _inside(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or under it (both real paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


KIT_PAGE_MARKS = (b"<h1>Article report</h1>", b"<title>Batch summary</title>")


def written_by_kit(path: str) -> bool:
    """Whether `path` is an html page or index a batch wrote (its head has the kit's marks)."""
    if Path(path).suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(16_384)
    except OSError:
        return False
    return any(mark in head for mark in KIT_PAGE_MARKS)


def _walk(folder: Path, recursive: bool, problems: list[tuple[str, str]]) -> list[Path] | None:
    """The article files in `folder` (and its sub-folders); None when the folder itself cannot be listed.

    An unreadable sub-folder is added to `problems` with the reason (os.walk
    would otherwise drop it without a word, and its articles would be missing
    from the class's summary).
    """
    failed_top: list[OSError] = []

    def unreadable(exc: OSError) -> None:
        if exc.filename is None or os.path.realpath(exc.filename) == os.path.realpath(folder):
            failed_top.append(exc)
            return
        shown = _shown(str(exc.filename))
        problems.append((str(exc.filename), f"{shown}: cannot read the folder ({reason(exc)}); its files were skipped"))

    found: list[Path] = []
    for top, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        found += [Path(top) / n for n in names if not n.startswith(".")]
        if failed_top:
            break
    if failed_top:
        exc = failed_top[0]
        problems.append((str(folder), f"{_shown(str(folder))}: cannot list the folder ({reason(exc)})"))
        return None
    return [q for q in found if q.suffix.lower() in ARTICLE_SUFFIXES and q.is_file()]


def expand_paths(paths: Sequence[str], recursive: bool = False,
                 outputs: Sequence[str] = ()) -> tuple[list[str], list[tuple[str, str]]]:
    """The files a batch reads, in order, and (path, message) for paths that give none.

    A file named on the command line is read whatever its suffix; a folder
    contributes its article files (see module docstring). Duplicates are read
    once. `outputs` are the batch's output folder or file: a folder scan skips
    them and everything under an output folder inside it, and the pages and
    index a batch wrote into the folder it reads, so a rerun does not analyse
    its own output.
    """
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    out_real = [os.path.realpath(o) for o in outputs if o]

    def add(name: str) -> None:
        key = name if name == "-" else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            files.append(name)

    def is_output(q: Path, scanned: str) -> bool:
        real = os.path.realpath(q)
        for out in out_real:
            if real == out or (_inside(real, out) and not _inside(scanned, out)):
                return True  # the output file itself, or under an output folder inside the scanned one
            if _inside(real, out) and written_by_kit(str(q)):
                return True  # the output folder is the scanned folder: skip only the kit's own pages
        return False

    for raw in paths:
        p = Path(raw)
        if raw == "-" or not p.is_dir():
            add(raw)  # a missing or unreadable file is reported when it is read
            continue
        found = _walk(p, recursive, problems)
        if found is None:
            continue
        scanned = os.path.realpath(p)
        found = [q for q in found if not is_output(q, scanned)]
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


# -- writing --------------------------------------------------------------------
def page_stem(source: str) -> str:
    """The file-name stem of an article's page: its file's stem, made safe and short (see kit.files)."""
    return safe_stem("stdin" if source == "standard input" else Path(source).stem)


# -- the batch ------------------------------------------------------------------
def run(
    paths: Sequence[str],
    fmt: str = "text",
    *,
    write: Callable[[str], object],
    output_dir: str | None = None,
    lexicons: Sequence[str] = (),
    summary_only: bool = False,
    recursive: bool = False,
    progress: bool | None = None,
    err=None,
    outputs: Sequence[str] = (),
) -> BatchResult:
    """Analyse every article under `paths` and write the batch output through `write`.

    `progress=None` shows a bar on standard error only when it is a terminal
    and there are at least PROGRESS_MIN_FILES files. Skipped files are
    reported on `err` (standard error) as they happen. `outputs`: other
    output paths (a `-o FILE`) that a folder scan must not read.

    Output is complete or absent: each html page is written whole (kit.files);
    an output error (disk full) stops the batch with a KitOutputError, since
    every later page would fail alike. After Ctrl-C or such an error the html
    index is still written, listing the pages that were, then the exception
    goes on (the command line exits 130 or 1).
    """
    from kit import render
    from kit.inputs import read_source
    from kit.loaded_lexicon import check_lexicon
    from kit.report import build_report

    err = err or sys.stderr
    files, problems = expand_paths(paths, recursive, outputs=[*outputs, *([output_dir] if output_dir else [])])
    if not files:
        raise KitInputError("; ".join(msg for _, msg in problems) or "no files to analyse")
    for lexicon in lexicons:
        check_lexicon(lexicon)  # a broken word list would fail every file alike: say it once, before any work
    result = BatchResult(skipped=list(problems))
    folder = None
    if fmt == "html":
        if not output_dir:
            raise KitInputError("an html batch writes one page per article: give a folder with --output DIR")
        folder = Path(output_dir)
        if folder.exists() and not folder.is_dir():
            raise KitOutputError(f"{shown_name(folder)} is a file; --output for an html batch must be a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KitOutputError(f"could not create the folder {shown_name(folder)}: {reason(exc)}") from None

    if progress is None:
        progress = bool(getattr(err, "isatty", lambda: False)()) and len(files) >= PROGRESS_MIN_FILES
    bar = None
    if progress and files:
        from tqdm import tqdm

        bar = tqdm(total=len(files), file=err, unit="article", desc="kit report", leave=False)

    def say(msg: str) -> None:
        msg = one_line(msg)  # a file name's newline or escape sequence must not reach the terminal raw
        if bar is not None:
            bar.write(msg, file=err)
        else:
            print(msg, file=err, flush=True)

    for _, msg in problems:
        say(f"kit: {msg}")
    texts: list[str] = []  # per-article reports for text/md, written after the table
    links: dict[str, str] = {}
    done = 0
    try:
        for name in files:
            source_name = "standard input" if name == "-" else shown_name(name)
            try:
                source = read_source(name)
                report = build_report(source.text, source.name, tuple(lexicons), note=source.note)
                d = report.to_dict()
                row = summary_row(d)
                if fmt == "json":
                    write(json.dumps(d, ensure_ascii=False) + "\n")
                elif folder is not None:  # html
                    page = write_new(folder, page_stem(source.name), ".html", render.to_html(report))
                    links[row["source"]] = page.name
                elif not summary_only:
                    texts.append(render.to_text(report) if fmt == "text" else render.to_markdown(report))
                result.rows.append(row)
            except KitOutputError:
                raise  # the output is broken (disk full, no permission): the next file would fail alike
            except KitInputError as exc:
                result.skipped.append((source_name, str(exc)))
                say(f"kit: {exc}")
            except (KeyboardInterrupt, BrokenPipeError):
                raise
            except Exception as exc:  # a bug in one module must not end a class's batch
                msg = f"{source_name}: internal error ({type(exc).__name__}: {exc}); please report it"
                result.skipped.append((source_name, msg))
                say(f"kit: {msg}")
            done += 1
            if bar is not None:
                bar.update(1)
    except BaseException:
        if bar is not None:
            bar.close()
            bar = None
        if folder is not None:
            # Ctrl-C or a full disk: an index of the pages that were written, so they are not orphans
            left = len(files) - done
            stopped = (f"the batch stopped after {done} of {len(files)} file(s); "
                       f"{left} not reported: run it again on those")
            result.skipped.append(("", stopped))
            try:
                index = write_new(folder, "index", ".html", summary_html(result.rows, links, result.skipped))
                say(f"kit: stopped; wrote {len(links)} page(s) and {index}")
            except KitOutputError as exc:
                say(f"kit: {exc}")
        raise
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
