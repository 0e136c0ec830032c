"""Command line: `python -m kit report FILE --format text|json|md|html` (or the `kit` script).

Exit codes: 0 report written; 1 the input could not be analysed (the message
says why); 2 the command line was wrong (argparse's usage message).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.errors import KitInputError

FORMATS = ("text", "json", "md", "html")
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kit", description="Measure a news article: anatomy, readability, "
                                     "who speaks, loaded language.")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="report on an article file (- for standard input)")
    rep.add_argument("file", help="a plain-text article (UTF-8), or - to read standard input")
    rep.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text)")
    rep.add_argument("--output", "-o", help="write to this file instead of the screen (never overwrites)")
    rep.add_argument("--lexicon", action="append", default=[], metavar="CSV",
                     help="an extra loaded-language CSV (same columns as kit/lexicons/loaded_terms.csv)")
    return parser


def render(report, fmt: str) -> str:
    return {"text": report.to_text, "json": report.to_json, "md": report.to_markdown, "html": report.to_html}[fmt]()


def run_report(args: argparse.Namespace) -> int:
    from kit.inputs import read_source
    from kit.report import build_report

    if args.output and Path(args.output).exists():
        raise KitInputError(f"{args.output} already exists; choose a new file name (the kit never overwrites)")
    source = read_source(args.file)
    report = build_report(source.text, source.name, tuple(args.lexicon), note=source.note)
    out = render(report, args.format)
    if args.output:
        with open(args.output, "x", encoding="utf-8") as fh:
            fh.write(out)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(out)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run_report(args)
    except KitInputError as exc:
        print(f"kit: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # `kit report x | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
