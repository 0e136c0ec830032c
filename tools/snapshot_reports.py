"""Write (or compare) the kit's reports on every fixture and seed text.

The restructuring of issue 11 promised "behaviour unchanged": the JSON, text
and Markdown reports of every text the tests use, and the HTML report's body,
must stay byte-identical. This script wrote `tests/fixtures/report_snapshots/`
from the code *before* the restructuring; `tests/test_snapshots.py` compares.
When a later change alters behaviour on purpose, rerun with `--write`, read
the diff (`git diff tests/fixtures/report_snapshots`) and say why in the commit.

    python tools/snapshot_reports.py --write
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "report_snapshots"
_STYLE = re.compile(r"<style>.*?</style>", re.S)


def texts() -> list[Path]:
    """Every article text of the tests and the seeds, sorted."""
    found = [p for p in (ROOT / "tests" / "fixtures").rglob("*.txt") if OUT not in p.parents]
    found += [p for p in (ROOT / "seeds").glob("*.txt")]
    return sorted(found)


def snapshot_name(path: Path) -> str:
    return str(path.relative_to(ROOT)).replace("/", "__").removesuffix(".txt")


def renderings(path: Path) -> dict[str, str]:
    from kit import render
    from kit.report import build_report

    report = build_report(path.read_text(encoding="utf-8"), path.name)
    html_body = _STYLE.sub("<style/>", render.to_html(report))  # one CSS source may change; the markup may not
    return {"json": report.to_json(), "txt": render.to_text(report), "md": render.to_markdown(report),
            "html": html_body}


def main(argv: list[str]) -> int:
    write = "--write" in argv
    OUT.mkdir(parents=True, exist_ok=True)
    differ = 0
    for path in texts():
        for ext, content in renderings(path).items():
            target = OUT / f"{snapshot_name(path)}.{ext}"
            if write:
                target.write_text(content, encoding="utf-8")
            elif not target.exists() or target.read_text(encoding="utf-8") != content:
                differ += 1
                print(f"differs: {target.relative_to(ROOT)}")
    print(f"{len(texts())} texts; {'written' if write else f'{differ} renderings differ'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
