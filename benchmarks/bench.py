"""How fast is the kit, next to textstat, in this environment, on the same text?

    .venv/bin/python benchmarks/bench.py            # about a minute
    .venv/bin/python benchmarks/bench.py --quick    # fewer repeats

Prints, in one run:

1. cold start: `python -m kit report SEED` in a fresh interpreter vs a fresh
   interpreter running a script that imports textstat and computes its
   standard scores on the seed (target: kit <= 1.5x textstat);
2. marginal time per article over a 50-article batch, kit (readability,
   sourcing and loaded language) vs textstat (readability only), both as
   fresh processes: (time for 50 - time for 1) / 49 (target: <= 3x);
3. growth from 1x to 50x article length, in one warm process: time per
   length unit should stay flat (target: linear), with a breakdown by module;
4. re-analysis after a one-paragraph edit, as a widget does it, in a warm
   process (target: <= 30 ms).

textstat offline: since 0.7.9 textstat looks words up in NLTK's CMU
dictionary and calls `nltk.download` when it is missing, which fails (or
hangs) without a network. The textstat side here replaces that lookup with
"no dictionary", so every word goes through textstat's own pyphen fallback:
the offline path textstat can take. Its import still loads NLTK, because
textstat imports it at module level; that is part of what a user of textstat
pays. The kit uses CMUdict counts it ships, with pyphen for other words.

Timings are wall-clock medians (cold starts) or best-of-n (warm, in
process). No timed tests live in tests/: speed goals stay here.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
PY = sys.executable

TEXTSTAT_SCRIPT = r'''
import json, sys
import textstat
from textstat.backend.counts import _count_syllables
_count_syllables.get_cmudict = lambda lang: None  # offline: textstat's pyphen path, never nltk.download
NAMES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
         "automated_readability_index", "dale_chall_readability_score", "text_standard")
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    print(json.dumps({"source": path, **{n: getattr(textstat, n)(text) for n in NAMES}}))
'''


# -- helpers --------------------------------------------------------------------------
TEXTSTAT_NAMES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                  "automated_readability_index", "dale_chall_readability_score", "text_standard")


def machine() -> list[str]:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        ts = version("textstat")
        kit = version("media-literacy-kit")
    except Exception:  # noqa: BLE001 - only for the header
        ts = kit = "?"
    return [f"machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
            f"python {platform.python_version()} ({PY}); kit {kit}; textstat {ts}",
            "load average at start: " + " ".join(f"{x:.1f}" for x in os.getloadavg())
            + " (figures are only comparable on an otherwise idle machine)"]


def wall(cmd: list[str], stdin_path: Path | None = None) -> float:
    """Seconds for one fresh process, output thrown away; fails loudly if the command fails."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    return elapsed


def median_wall(cmds: dict[str, list[str]], n: int) -> dict[str, float]:
    """Median wall time of each command, interleaved so that machine noise hits all of them alike."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for cmd in cmds.values():  # one warm-up each: the file cache, .pyc files
        wall(cmd)
    for _ in range(n):
        for name, cmd in cmds.items():
            times[name].append(wall(cmd))
    return {k: statistics.median(v) for k, v in times.items()}


def best(fn, n: int) -> float:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return min(out)


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def variants(text: str, n: int) -> list[str]:
    """n different articles built from the seed: paragraphs reordered and one left out, a numbered headline."""
    title, _, rest = text.partition("\n\n")
    paras = [p for p in rest.split("\n\n") if p.strip()]
    rng = random.Random(7)
    out = []
    for i in range(n):
        body = paras[:]
        rng.shuffle(body)
        del body[i % len(body)]
        out.append(f"{title} ({i + 1})\n\n" + "\n\n".join(body) + "\n")
    return out


def longer(text: str, k: int) -> str:
    """The seed with its body repeated k times (the headline once)."""
    title, _, rest = text.partition("\n\n")
    return title + "\n\n" + "\n\n".join([rest.strip("\n")] * k) + "\n"


# -- the four measurements ------------------------------------------------------------
def cold_start(tmp: Path, n: int) -> tuple[float, float]:
    ts = tmp / "textstat_scores.py"
    ts.write_text(TEXTSTAT_SCRIPT, encoding="utf-8")
    t = median_wall({
        "kit": [PY, "-m", "kit", "report", str(SEED)],
        "textstat": [PY, str(ts), str(SEED)],
        "python": [PY, "-c", "pass"],
    }, n)
    print("\n1. Cold start on the seed (fresh process, median of", n, "runs)")
    print(f"   python -m kit report SEED        {t['kit'] * 1000:7.0f} ms")
    print(f"   textstat standard scores script  {t['textstat'] * 1000:7.0f} ms")
    print(f"   (an empty `python -c pass`        {t['python'] * 1000:7.0f} ms)")
    ratio = t["kit"] / t["textstat"]
    print(f"   kit / textstat = {ratio:.2f}x (target <= 1.5x): {verdict(ratio <= 1.5)}")
    return t["kit"], t["textstat"]


def batch(tmp: Path, n: int, articles: int = 50) -> tuple[float, float]:
    texts = variants(SEED.read_text(encoding="utf-8"), articles)
    one, many = tmp / "one", tmp / "many"
    one.mkdir()
    many.mkdir()
    for i, t in enumerate(texts):
        (many / f"article_{i:02d}.txt").write_text(t, encoding="utf-8")
    (one / "article_00.txt").write_text(texts[0], encoding="utf-8")
    ts = tmp / "textstat_scores.py"
    files = sorted(str(p) for p in many.iterdir())
    t = median_wall({
        "kit1": [PY, "-m", "kit", "report", str(one), "-f", "json", "--no-progress"],
        "kit50": [PY, "-m", "kit", "report", str(many), "-f", "json", "--no-progress"],
        "ts1": [PY, str(ts), files[0]],
        "ts50": [PY, str(ts), *files],
    }, n)
    kit = (t["kit50"] - t["kit1"]) / (articles - 1)
    tst = (t["ts50"] - t["ts1"]) / (articles - 1)
    words = len(texts[0].split())
    print(f"\n2. Marginal time per article over a {articles}-article batch (~{words} words each; "
          f"(T{articles} - T1) / {articles - 1}, median of {n})")
    print(f"   kit (readability + sourcing + loaded language)  {kit * 1000:7.1f} ms/article"
          f"   (batch of {articles}: {t['kit50']:.2f} s)")
    print(f"   textstat (readability only)                     {tst * 1000:7.1f} ms/article"
          f"   (batch of {articles}: {t['ts50']:.2f} s)")
    ratio = kit / tst if tst > 0 else float("inf")
    print(f"   kit / textstat = {ratio:.2f}x (target <= 3x): {verdict(ratio <= 3)}")
    return kit, tst


def growth(quick: bool) -> list[tuple[int, float]]:
    from kit.article import Article
    from kit.quotes import find_quotations
    from kit.readability import analyse as readability
    from kit.report import build_report

    try:
        from kit import sourcing
    except ImportError:
        sourcing = None
    try:
        from kit import loaded
    except ImportError:
        loaded = None
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda lang: None

    seed = SEED.read_text(encoding="utf-8")
    build_report(seed)  # warm: tables loaded, caches filled
    print("\n3. Growth with article length (warm process, best of n; per-unit time should stay flat)")
    print("   length   chars    report  per 1x   ratio | article quotes sourcing loaded readab. | textstat per 1x")
    rows = []
    base = None
    for k in (1, 2, 5, 10, 20, 50):
        text = longer(seed, k)
        reps = 1 if (quick and k >= 20) else (2 if k >= 20 else 5)
        total = best(lambda: build_report(text), reps)

        a = Article(text)
        q = find_quotations(a)
        s = sourcing.analyse(a, q) if sourcing else None
        parts = {
            "article": best(lambda: Article(text), reps),
            "quotes": best(lambda: find_quotations(a), reps),
            "sourcing": best(lambda: sourcing.analyse(a, q), reps) if sourcing else 0.0,
            "loaded": best(lambda: loaded.analyse(a, quotes=q, sourcing=s), reps) if loaded else 0.0,
            "readability": best(lambda: readability(a), reps),
        }

        fresh = iter(range(1, 100))  # textstat caches results by text: a new trailing newline each time

        def ts_scores():
            t2 = text + "\n" * next(fresh)
            return [getattr(textstat, name)(t2) for name in TEXTSTAT_NAMES]

        ts_time = best(ts_scores, 1 if k >= 20 else 3)
        per = total / k
        base = base or per
        rows.append((k, per))
        print(f"   {k:4d}x {len(text):8,d} {total * 1000:8.0f}ms {per * 1000:6.1f}ms {per / base:6.2f}x |"
              + "".join(f" {parts[p] * 1000:6.0f}" for p in ("article", "quotes", "sourcing", "loaded", "readability"))
              + f"ms | {ts_time / k * 1000:6.1f}ms")
    worst = max(r for _, r in rows) / rows[0][1]
    print(f"   time per 1x at 50x / at 1x = {rows[-1][1] / rows[0][1]:.2f} (linear = 1.0; target: linear, "
          f"say <= 2): {verdict(rows[-1][1] / rows[0][1] <= 2)}; worst {worst:.2f}")
    return rows


def edit_latency(n_edits: int) -> dict[str, float]:
    from kit.article import Article
    from kit.readability import analyse, analyse_passage
    from kit.report import build_report

    seed = SEED.read_text(encoding="utf-8")
    build_report(seed)  # warm, as a lesson is after its first cell
    a = Article(seed)
    body = a.body_paragraphs
    edits = ["it is very serious", "the government said so", "Russia", "a long and complicated and winding clause",
             "they said", "The end."]
    times: dict[str, list[float]] = {"passage": [], "article": [], "report": []}
    for i in range(n_edits):
        p = body[i % len(body)]
        new_para = p.text[: len(p.text) // 2] + " " + edits[i % len(edits)] + " " + p.text[len(p.text) // 2:]
        edited = seed[:p.start] + new_para + seed[p.end:]
        t = time.perf_counter()
        analyse_passage(new_para)
        times["passage"].append(time.perf_counter() - t)
        t = time.perf_counter()
        analyse(Article(edited))
        times["article"].append(time.perf_counter() - t)
        t = time.perf_counter()
        build_report(edited)
        times["report"].append(time.perf_counter() - t)
    print(f"\n4. Re-analysis after a one-paragraph edit (warm process, {n_edits} different edits; median / worst)")
    labels = {"passage": "the edited paragraph, analyse_passage (RewriteLab)",
              "article": "whole article: Article + readability.analyse",
              "report": "whole article: build_report (all metrics)"}
    out = {}
    for k, v in times.items():
        med, worst = statistics.median(v), max(v)
        out[k] = med
        print(f"   {labels[k]:52s} {med * 1000:6.1f} / {worst * 1000:6.1f} ms   {verdict(med <= 0.030)}"
              " (median <= 30 ms)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    ap.add_argument("--only", choices=("cold", "batch", "growth", "edit"), action="append",
                    help="run only these parts")
    args = ap.parse_args()
    n = 3 if args.quick else 7
    parts = args.only or ["cold", "batch", "growth", "edit"]
    print("\n".join(machine()))
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as d:
        tmp = Path(d)
        (tmp / "textstat_scores.py").write_text(TEXTSTAT_SCRIPT, encoding="utf-8")
        if "cold" in parts:
            cold_start(tmp, n)
        if "batch" in parts:
            batch(tmp, n)
    if "growth" in parts:
        growth(args.quick)
    if "edit" in parts:
        edit_latency(12 if args.quick else 30)


if __name__ == "__main__":
    main()
