"""Command line: `python -m kit report PATH... --format text|json|md|html` (or the `kit` script).

One file (or `-` for standard input) gives one report, as it always has.
Several paths, or a folder, make a batch (see `kit.batch`): JSON Lines with
`--format json`, a summary table then each report with `--format text`,
one page per article plus an index with `--format html --output DIR`.
Folders give their .txt, .md, .html and .htm files, sorted by name;
`--recursive` also reads their sub-folders.

Exit codes:
  0    every report was written
  1    an input could not be analysed, or an output could not be written (one
       line on standard error says why); in a batch: at least one file was
       skipped (the other files were still reported), or no file was found
  2    the command line was wrong (argparse's usage message)
  3    an internal error: a bug in the kit (KIT_DEBUG=1 shows the traceback)
  130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kit import files
from kit.errors import KitInputError, KitOutputError
from kit.files import reason
from kit.terminal import one_line, safe_text, shown_name

FORMATS = ("text", "json", "md", "html")
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EPILOG = """\
examples:
  python -m kit report article.txt                  one report, in the terminal
  python -m kit report article.txt -f html -o a.html
  python -m kit report page.html                    a saved web page: its text is extracted
  python -m kit report class/ -f json > all.jsonl   a batch: one JSON object per line
  python -m kit report class/ --summary-only        a batch: the summary table only
  python -m kit report class/ -f html -o pages/     a batch: one page per article + index.html

exit codes:
  0    every report was written
  1    an input could not be analysed or an output not written (one line on
       standard error says why); in a batch: at least one file was skipped
       (the others were still reported), or no file was found
  2    the command line was wrong
  3    a bug in the kit (set KIT_DEBUG=1 to see the traceback)
  130  interrupted (Ctrl-C)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kit", description="Measure a news article: anatomy, readability, "
                                     "who speaks, loaded language.")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="report on article files (- for standard input)", epilog=EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         description="Report on one article, or on a batch (several files or a folder).")
    rep.add_argument("paths", nargs="+", metavar="PATH",
                     help="an article file (UTF-8 text, or a saved .html page), a folder of them, or - to read "
                          "standard input; several paths make a batch")
    rep.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text)")
    rep.add_argument("--output", "-o", metavar="FILE_OR_DIR",
                     help="write to this file instead of the screen (never overwrites); for an html batch, "
                          "a folder for the pages")
    rep.add_argument("--lexicon", action="append", default=[], metavar="CSV",
                     help="an extra loaded-language CSV (same columns as kit/lexicons/loaded_terms.csv)")
    rep.add_argument("--cues", action="append", default=[], metavar="CSV",
                     help="extra cue verbs for sourcing (same columns as kit/lexicons/cue_verbs.csv)")
    rep.add_argument("--recursive", "-r", action="store_true", help="batch: also read sub-folders")
    rep.add_argument("--summary-only", action="store_true",
                     help="batch, text or md: only the summary table, not each article's report")
    rep.add_argument("--no-progress", action="store_true", help="batch: no progress bar on standard error")
    return parser


def render(report, fmt: str) -> str:
    """The report in one of FORMATS: JSON is the report's own data, the rest is kit.render's."""
    if fmt == "json":
        return report.to_json()
    from kit import render as r

    return {"text": r.to_text, "md": r.to_markdown, "html": r.to_html}[fmt](report)


def _stdout_writer(fmt: str) -> Callable[[str], None]:
    """Write str to standard output; JSON/Markdown/HTML always as UTF-8, text in the terminal's encoding.

    Text format shows control characters escaped (an article's ANSI or OSC
    sequences must not recolour or retitle the terminal); JSON keeps the exact
    text. Each piece is flushed, so a full disk or a closed standard output is
    a KitOutputError here (exit 1), not an error at exit; a reader that left
    (EPIPE) stays a BrokenPipeError, which ends the run quietly.
    """
    out = sys.stdout
    if out is None:  # started with standard output closed (`kit report a.txt >&-`)
        def closed(s: str) -> None:
            raise KitOutputError("could not write to standard output: it is closed; use --output FILE")

        return closed
    enc = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    if enc == "utf8" or not hasattr(out, "buffer") or fmt == "text":
        # text in a non-UTF-8 terminal: unencodable letters show as \\u escapes (see main)
        def put(s: str) -> None:
            out.write(s)
            out.flush()
    else:
        def put(s: str) -> None:
            out.flush()
            out.buffer.write(s.encode("utf-8"))
            out.buffer.flush()

    def write(s: str) -> None:
        try:
            put(safe_text(s) if fmt == "text" else s)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise KitOutputError(f"could not write to standard output: {reason(exc)}") from None

    return write


def _is_batch(paths: list[str]) -> bool:
    return len(paths) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)


def _wrote(path: str) -> None:
    print(f"wrote {shown_name(path)}", file=sys.stderr)


def run_report(args: argparse.Namespace) -> int:
    from kit.sourcing.cues import extra_cues

    with extra_cues(args.cues):  # read and checked before any work, like --lexicon; then every article uses them
        return _run_report(args)


def _run_report(args: argparse.Namespace) -> int:
    if args.paths.count("-") > 1:
        raise KitInputError("standard input (-) can be read only once")
    from kit.loaded_lexicon import check_lexicon

    for lexicon in args.lexicon:
        check_lexicon(lexicon)  # before any work: a broken list names its row, whatever the article
    if _is_batch(args.paths):
        return run_batch(args)
    from kit.inputs import read_source
    from kit.report import build_report

    path = args.paths[0]
    if args.output:
        files.check_new(args.output)  # a taken name fails before any work
    if path == "-" and sys.stdin is not None and sys.stdin.isatty():
        print("kit: reading the article from the keyboard: paste it, then press Ctrl-D (Ctrl-Z Enter on Windows)",
              file=sys.stderr)
    source = read_source(path)
    report = build_report(source.text, source.name, tuple(args.lexicon), note=source.note)
    out = render(report, args.format)
    if args.output:
        files.write_exact(args.output, out)  # complete or absent; never over an existing file
        _wrote(args.output)
    else:
        _stdout_writer(args.format)(out)
    return EXIT_OK


def run_batch(args: argparse.Namespace) -> int:
    from kit import batch

    progress = False if args.no_progress else None
    common = dict(lexicons=args.lexicon, summary_only=args.summary_only, recursive=args.recursive,
                  progress=progress)
    if args.format == "html":
        result = batch.run(args.paths, "html", write=lambda s: None, output_dir=args.output, **common)
    elif args.output:
        # a temporary file until the batch ends: Ctrl-C or a full disk leaves no half summary to block a rerun
        with files.open_new(args.output) as fh:
            result = batch.run(args.paths, args.format, write=fh.write, outputs=[args.output], **common)
        _wrote(args.output)
    else:
        result = batch.run(args.paths, args.format, write=_stdout_writer(args.format), **common)
    return result.exit_code


def _silence_stdout() -> None:
    """Point standard output at the null device, so the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _say(message: str) -> None:
    """One line on standard error, control characters escaped; never an error itself."""
    try:
        print(one_line(message), file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    # a file name that is not valid UTF-8 must not crash the error message about it
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]  # a TextIOWrapper
        except (AttributeError, ValueError, OSError):
            pass
    parser = _parser()
    args = parser.parse_args(argv)
    if args.format == "html" and not args.output and _is_batch(args.paths):
        parser.error("an html batch writes one page per article: give a folder with --output DIR")
    try:
        return run_report(args)
    except KitOutputError as exc:
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
        except OSError:
            _silence_stdout()  # what could not be written to a full or broken stdout must not fail again at exit
        _say(f"kit: {exc}")
        return EXIT_INPUT
    except KitInputError as exc:
        _say(f"kit: {exc}")
        return EXIT_INPUT
    except BrokenPipeError:  # `kit report x | head`: the reader left; stop quietly
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _say("kit: interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug, not the user's fault: one line, the details on request
        if os.environ.get("KIT_DEBUG"):
            raise
        _say(f"kit: internal error ({type(exc).__name__}: {exc}); this is a bug in the kit, please report it "
             "(KIT_DEBUG=1 shows the details)")
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
