"""Does the HTML report grow linearly with the article? (issue 15)

    .venv/bin/python benchmarks/render_scaling.py          # about half a minute
    .venv/bin/python benchmarks/render_scaling.py --max 64

Builds the report of the seed article repeated 1x, 2x, 4x, 8x, 16x (in one
warm process), then times `kit.render.to_html` alone, best of n, and prints
each time and its ratio to the time one size down. Linear rendering doubles
(ratio ~2.0) with each doubling; the old renderer sorted every mark of the
article once per paragraph, so its ratio approached 4 (quadratic) and the
seed repeated to 4.9 MB never finished. A benchmark to read, not a timed test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the kit of this checkout, not an installed copy

SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"


def best(fn, reps: int) -> float:
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=16, help="largest repetition (a power of 2; default 16)")
    args = parser.parse_args(argv)

    from kit import render
    from kit.report import build_report

    seed = SEED.read_text(encoding="utf-8")
    render.to_html(build_report(seed))  # warm: lexicons, caches
    print("times kit.render.to_html on a prebuilt report (best of n); ratio = time / time of half the length")
    print(f"{'length':>7} {'chars':>10} {'marks':>7} {'paragraphs':>10} {'to_html':>10} {'ratio':>6}")
    previous = None
    k = 1
    while k <= args.max:
        text = "\n\n".join([seed.strip()] * k) + "\n"
        report = build_report(text)
        reps = 5 if k <= 4 else 3
        t = best(lambda: render.to_html(report), reps)
        ratio = f"{t / previous:6.2f}" if previous else "     -"
        print(f"{k:6d}x {len(text):10,d} {len(render.marks(report)):7d} {len(report.article.paragraphs):10d} "
              f"{t * 1000:8.1f}ms {ratio}")
        previous = t
        k *= 2
    print("linear: each ratio near 2.0; quadratic: near 4.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
