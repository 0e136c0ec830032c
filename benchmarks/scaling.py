"""Does the kit stay linear on odd input? Doubling ratios for pathological families of text.

    .venv/bin/python benchmarks/scaling.py                  # every family, sizes n, 2n, 4n (minutes)
    .venv/bin/python benchmarks/scaling.py --quick          # n and 2n, smaller (for `make test`)
    .venv/bin/python benchmarks/scaling.py --group html --group layout
    .venv/bin/python benchmarks/scaling.py --family dateline-spaces --family html-a-fragments
    .venv/bin/python benchmarks/scaling.py --list

For each family (a way of building a text of size n that once made some part
of the kit slow: a run of spaces, many `<a` fragments, "said said said ..."),
the text is built at n, 2n (and 4n), and `kit.report.build_report` is timed on
it (for the HTML families also `kit.html_text.extract_text` on its own). Time
linear in the text doubles with n: a ratio near 2. Quadratic time gives 4.
A family fails when a doubling ratio exceeds `--threshold` (3.0), or when it
does not finish within `--timeout` seconds: each family runs in its own
subprocess, so a hang is reported, not waited for. The exit status is 1 when
any family failed.

Noise: the size n is calibrated per family (doubled until the smallest case
takes at least 50 ms, 200 ms without --quick), times are CPU seconds of the
worker process (`time.process_time`, so other programs on the machine count
less), best of three below a second, with the garbage collector paused. It is
a ratio check: no absolute time is asserted anywhere.

Groups: `html`, `article` (datelines, bylines), `layout` (lines and
paragraphs), `inputs` (decoding) and `text` are the kit's own parsing;
`sourcing` are the cases of issue 15 inside kit.sourcing (cue runs, many
speakers, pronouns and titles pointing back, long runs before and after a cue).
`tests/test_scaling.py` runs the quick mode on the groups that must pass.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
TITLE = "Council approves new bike lanes\n\n"
BODY = "The city council voted on Tuesday to add bike lanes along Main Street. It was a close vote.\n"
MAX_CHARS = 4_500_000  # under kit.inputs.MAX_CHARS, which refuses longer texts at once


@dataclass(frozen=True)
class Family:
    name: str
    group: str  # html | article | layout | inputs | text | sourcing
    stage: str  # report: build_report(text); html: extract_text + build_report; inputs: decode + report
    build: Callable[[int], str | bytes]
    start: int  # the first n tried when calibrating
    what: str


def _seed_body() -> str:
    return SEED.read_text(encoding="utf-8")


def _suffix(i: int) -> str:
    """A distinct lower-case letter suffix for each i ("a", "b", ..., "ba", ...)."""
    out = ""
    while True:
        out = chr(97 + i % 26) + out
        i //= 26
        if not i:
            return out


def _names(n: int) -> list[str]:
    """n distinct, plausible full names ("Bakora Lemidu"), the same for every run."""
    syll = ["ba", "ko", "ra", "le", "mi", "du", "sa", "ne", "to", "vi", "ga", "lo", "pe", "ri", "zu", "fa"]
    out = []
    for i in range(n):
        a, b, c, d = i % 16, (i // 16) % 16, (i // 256) % 16, (i // 4096) % 16
        out.append(f"{(syll[a] + syll[b] + syll[c]).capitalize()} {(syll[d] + syll[b] + syll[a] + 'n').capitalize()}")
    return out


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Council vote</title></head><body><h1>Council vote</h1>" \
           f"<p>{BODY.strip()}</p>{body}<p>The work starts in May.</p></body></html>"


FAMILIES: tuple[Family, ...] = (
    # -- web pages -------------------------------------------------------------------------------
    Family("html-a-fragments", "html", "html", lambda n: _page("<p>Notes: " + "x <a " * n + "</p>"), 500,
           "many `<a` that never close: html.parser rescanned the rest of the page from each"),
    Family("html-unclosed-after-nav", "html", "html",
           lambda n: _page("<nav>" + "<b>menu " * n + "</i>" * n + "</nav>"), 500,
           "unclosed tags inside a skipped <nav>, then end tags of elements never opened"),
    Family("html-unclosed-comments", "html", "html", lambda n: _page("<!-- open >" * n), 500,
           "`<!--` with no `-->` anywhere after it"),
    Family("html-unclosed-cdata", "html", "html", lambda n: _page("<![CDATA[ open >" * n), 500,
           "`<![CDATA[` with no `]]>`"),
    Family("html-end-tag-junk", "html", "html",
           lambda n: "<html><body><h1>Council vote</h1><p>" + BODY + "</p>" + "</a x " * n, 500,
           "`</a` fragments with no `>` after them, to the end of the page"),
    Family("html-unclosed-quotes", "html", "html", lambda n: _page("<a title='x>" * n), 500,
           "attribute values with a quote and no end"),
    Family("html-deep-nesting", "html", "html",
           lambda n: _page("<div>" * n + "<p>Deep inside.</p>" + "</div>" * n), 500,
           "thousands of nested elements"),
    Family("html-many-paragraphs", "html", "html",
           lambda n: _page("".join(f"<p>The council met for the {i}th time.</p>" for i in range(n))), 200,
           "a long ordinary page (the baseline)"),
    # -- datelines, bylines: the CSV rules and the first body paragraph ----------------------------
    Family("dateline-spaces", "article", "report", lambda n: TITLE + "AB" + " " * n + "x.\n\n" + BODY, 5000,
           "a first paragraph of two letters and a long run of spaces (43 s at 160,000 before)"),
    Family("byline-spaces", "article", "report",
           lambda n: TITLE + "Author's name: Maria" + " " * n + "Lopez\n\n" + BODY, 5000,
           "a byline rule with a lazy group before a run of spaces"),
    Family("many-short-bylines", "article", "report",
           lambda n: TITLE + "".join(f"Author's name: M{i}" + " " * 900 + "L\n\n" for i in range(n)) + BODY, 20,
           "many byline-like lines just under the rule length limit"),
    # -- lines and paragraphs --------------------------------------------------------------------
    Family("one-huge-line", "layout", "report", lambda n: TITLE + "The council met and voted. " * n + "\n", 200,
           "one paragraph on one line"),
    Family("many-blank-lines", "layout", "report", lambda n: TITLE + BODY + "\n" * n + BODY, 5000,
           "a long run of blank lines"),
    Family("many-tiny-paragraphs", "layout", "report", lambda n: TITLE + "Hi.\n\n" * n, 200,
           "thousands of one-word paragraphs"),
    Family("cr-only-seed", "layout", "report", lambda n: (_seed_body() * n).replace("\n", "\r"), 2,
           "the seed with old Mac line ends (CR only), repeated"),
    Family("spaces-inside-a-sentence", "layout", "report",
           lambda n: TITLE + "The council" + " " * n + "met on Tuesday.\n", 5000, "a run of spaces mid-sentence"),
    Family("list-items", "layout", "report", lambda n: TITLE + "".join(f"- item number {i}\n" for i in range(n)), 200,
           "a long bulleted list"),
    Family("tabs-and-nbsp", "layout", "report", lambda n: TITLE + "Word\t\u00a0 " * n + "end.\n", 500,
           "white space of every kind"),
    # -- decoding --------------------------------------------------------------------------------
    Family("inputs-windows-1252", "inputs", "inputs",
           lambda n: (TITLE + BODY * n + "Caf\u00e9 owners agreed.\n").encode("cp1252"), 20,
           "bytes that are not UTF-8, the first one at the end (the Windows-1252 fallback)"),
    Family("inputs-utf16", "inputs", "inputs", lambda n: (TITLE + BODY * n).encode("utf-16"), 20,
           "UTF-16 with a byte-order mark"),
    Family("inputs-control-characters", "inputs", "inputs",
           lambda n: (TITLE + ("The council met.\x07 " * 3 + "It voted. " * 400) * n).encode(), 2,
           "a few control characters (under the binary threshold)"),
    # -- what a fuzzer finds: every part of the report ---------------------------------------------
    Family("capital-run", "text", "report", lambda n: TITLE + "A" * n + ".\n", 5000, "one word of capitals"),
    Family("capital-words", "text", "report", lambda n: TITLE + "THE COUNCIL VOTED ON TUESDAY. " * n + "\n", 200,
           "sentences in capitals (acronyms, shouting)"),
    Family("quote-marks", "text", "report", lambda n: TITLE + "He said \"" + "\"" * n + " and left.\n", 5000,
           "a run of quote marks"),
    Family("quotes-alternating", "text", "report", lambda n: TITLE + "\u201cYes,\u201d she said. " * n + "\n", 200,
           "many short quotes"),
    Family("unbalanced-quotes", "text", "report", lambda n: TITLE + "\u201cThe council met. " * n + "\n", 200,
           "quotes that open and never close"),
    Family("parentheses", "text", "report", lambda n: TITLE + "(" * n + "the council met" + ")" * n + ".\n", 2000,
           "deeply nested parentheses"),
    Family("repeated-name", "text", "report", lambda n: TITLE + "John Smith met John Smith. " * n + "\n", 200,
           "one name, many times"),
    Family("dashes", "text", "report", lambda n: TITLE + "The vote \u2014 " * n + "passed.\n", 200,
           "many dashes"),
    Family("hyphen-run", "text", "report", lambda n: TITLE + "-" * n + "\n\n" + BODY, 5000, "one line of hyphens"),
    Family("periods", "text", "report", lambda n: TITLE + "The council met" + "." * n + " It voted.\n", 5000,
           "a run of full stops"),
    Family("long-word", "text", "report", lambda n: TITLE + "The " + "a" * n + " met.\n", 5000, "one huge word"),
    # -- kit.sourcing (issue 15) ------------------------------------------------------------------
    Family("sourcing-said-run", "sourcing", "report", lambda n: TITLE + "The mayor " + "said " * n + "\n", 250,
           '"The mayor said said said ..." (1,000 -> 2 s, 4,000 -> 31 s)'),
    Family("sourcing-according-to", "sourcing", "report", lambda n: TITLE + "according to " * n + "\n", 250,
           '"according to according to ..."'),
    Family("sourcing-named-speakers", "sourcing", "report",
           lambda n: TITLE + " ".join(f"{name} said the plan was fine." for name in _names(n)) + "\n", 125,
           "thousands of distinct named speakers"),
    Family("sourcing-look-alike-surnames", "sourcing", "report",
           lambda n: TITLE + " ".join(f"Maria Gonz{_suffix(i)} met Tom Bak{_suffix(i)}. She said yes." for i in range(n))
           + "\n", 125, "thousands of people named without a title, surnames one or two letters apart"),
    Family("sourcing-said-us", "sourcing", "report", lambda n: TITLE + "The mayor said " + "U.S." * n + "\n", 250,
           '"said U.S.U.S.U.S...."'),
    Family("sourcing-said-initials", "sourcing", "report", lambda n: TITLE + "The mayor said " + "A. " * n + "\n", 250,
           '"said A. A. A. ..."'),
    Family("sourcing-he-said", "sourcing", "report",
           lambda n: TITLE + "Mayor John Smith spoke on Tuesday. " + "He said more. " * n + "\n", 1000,
           '"He said more." many times after one named speaker'),
    Family("sourcing-said-comma-us", "sourcing", "report", lambda n: TITLE + '"Yes," said ' + "U.S." * n + "\n", 250,
           '"said U.S.U.S...." after a quotation, where the source is read after the cue'),
    Family("sourcing-according-initials", "sourcing", "report",
           lambda n: TITLE + "The plan failed, according to " + "A. " * n + "\n", 250, '"according to A. A. A. ..."'),
    Family("sourcing-role-ref", "sourcing", "report",
           lambda n: TITLE + "Mayor John Smith spoke on Tuesday. " + "The mayor said more. " * n + "\n", 250,
           '"the mayor said" many times after one named mayor'),
    Family("sourcing-pronouns-many-people", "sourcing", "report",
           lambda n: TITLE + " ".join(f"Ms. {name} said yes. He said no." for name in _names(n)) + "\n", 125,
           '"he" after each of thousands of women: no antecedent fits, every earlier person is a candidate'),
    Family("sourcing-titles-many-people", "sourcing", "report",
           lambda n: TITLE + " ".join(f"Senator {name} spoke. The mayor said no." for name in _names(n)) + "\n",
           125, '"the mayor" after each of thousands of senators: no title fits'),
    Family("sourcing-surnames-only", "sourcing", "report",
           lambda n: TITLE + " ".join(f"{name.split()[1]}{i} said the plan was fine." for i, name in
                                      enumerate(_names(n))) + "\n", 125,
           "thousands of distinct surnames with no first name (each looked up in the text before it)"),
    Family("sourcing-institution-pronouns", "sourcing", "report",
           lambda n: TITLE + "The ministry said it would. It said more. " * n + "\n", 250,
           '"it said" after an institution, many times'),
    Family("sourcing-quote-continuations", "sourcing", "report",
           lambda n: TITLE + '"Yes," Smith said. "No." ' * n + "\n", 125,
           "quotations with no cue of their own, each carrying on an earlier one in a long paragraph"),
    Family("sourcing-colon-quotes", "sourcing", "report",
           lambda n: TITLE + 'Smith was blunt: "Yes" and ' * n + "left.\n", 125,
           'one long sentence of quotations introduced by a colon'),
    Family("sourcing-capitalised-run", "sourcing", "report",
           lambda n: TITLE + "The " + "Mayor " * n + "said it, adding, adding, adding.\n", 1000,
           "a long run of capitalised words before the cues"),
    Family("sourcing-relative-clauses", "sourcing", "report",
           lambda n: TITLE + "The mayor, who said it, " * n + "said so.\n", 250,
           '"X, who said it," many times in one sentence'),
    Family("sourcing-quoted-as", "sourcing", "report",
           lambda n: TITLE + "Smith was quoted as saying " * n + "so.\n", 250,
           '"was quoted as saying" many times in one sentence'),
)
# The check's own check, never run unless named: a quadratic scan and a busy loop that never ends.
SELF_TESTS: tuple[Family, ...] = (
    Family("selftest-quadratic", "selftest", "selftest", lambda n: "a" * n, 4000, "a deliberately quadratic scan"),
    Family("selftest-hang", "selftest", "selftest", lambda n: "", 1, "a deliberate endless loop"),
)
BY_NAME = {f.name: f for f in FAMILIES + SELF_TESTS}
MUST_PASS = ("html", "article", "layout", "inputs", "sourcing")  # the groups tests/test_scaling.py checks


# -- the worker: one family, in its own process ---------------------------------------------------
def _stages(family: Family, data: str | bytes, quick: bool) -> dict[str, Callable[[], object]]:
    from kit.errors import KitInputError
    from kit.html_text import extract_text
    from kit.inputs import decode, prepare_text
    from kit.report import build_report

    def report(text: str, note: str = "") -> object:
        try:
            return build_report(text, note=note)
        except KitInputError as exc:  # a refusal is an answer too, as long as it comes quickly
            return exc

    if family.stage == "selftest":
        assert isinstance(data, str)

        def selftest() -> object:
            if not data:
                while True:  # "hang"
                    pass
            n = len(data)  # pure Python: the quadratic term dominates even at small n, so the ratio is ~4
            return sum(1 for i in range(n) for _ in range(i))

        return {"selftest": selftest}
    if family.stage == "html":
        assert isinstance(data, str)

        def pipeline() -> object:
            source = prepare_text(data, html=True)
            return report(source.text, source.note)

        if quick:  # the report over the extracted text is what the text families measure
            return {"extract": lambda: extract_text(data)}
        return {"extract": lambda: extract_text(data), "report": pipeline}
    if family.stage == "inputs":
        assert isinstance(data, bytes)

        def from_bytes() -> object:
            source = decode(data)
            return report(prepare_text(source.text).text, source.note)

        return {"report": from_bytes}
    assert isinstance(data, str)
    return {"report": lambda: report(data)}


def _time(fn: Callable[[], object]) -> float:
    """CPU seconds of one run, with nothing cached from an earlier run and no garbage collection inside."""
    from kit import spans

    spans._words_cached.cache_clear()  # keyed by the whole text: a repeat would find it all cached
    gc.collect()
    gc.disable()
    t0 = time.process_time()
    try:
        fn()
    finally:
        t1 = time.process_time()
        gc.enable()
    return t1 - t0


def _measure_interleaved(family: Family, sizes: list[int], quick: bool, rounds: int = 3) -> list[dict]:
    """Best time per size and stage, the sizes taken in turn each round.

    Timing n three times and then 2n three times lets a machine that slows down (or speeds up)
    between the two show as a false ratio; in turn, both sizes meet the same weather.
    """
    built = {n: family.build(n) for n in sizes}
    stages = {n: _stages(family, built[n], quick) for n in sizes}
    best: dict[int, dict[str, float]] = {n: {} for n in sizes}
    for _ in range(rounds):
        for n in sizes:
            for stage, fn in stages[n].items():
                if best[n].get(stage, 0.0) > 1.0:
                    continue  # slow enough that noise does not matter
                best[n][stage] = min(best[n].get(stage, float("inf")), _time(fn))
    return [{"n": n, "chars": len(built[n]), "times": best[n]} for n in sizes]


def worker(name: str, quick: bool) -> None:
    """Calibrate n, then print one JSON line per size (flushed, so a timeout keeps what finished)."""
    from kit.report import build_report

    family = BY_NAME[name]
    build_report(TITLE + BODY)  # load the lexicons before anything is timed
    floor = 0.05 if quick else 0.2
    n = family.start
    while len(family.build(2 * n)) * 4 <= MAX_CHARS:  # calibrate on two runs (the first loads things)
        if min(_measure_interleaved(family, [n], quick, rounds=2)[0]["times"].values()) >= floor:
            break
        n *= 2
    sizes = [n] + [n * f for f in ((2,) if quick else (2, 4)) if len(family.build(n * f)) <= MAX_CHARS]
    for row in _measure_interleaved(family, sizes, quick):
        print(json.dumps(row), flush=True)


# -- the driver ------------------------------------------------------------------------------------
@dataclass
class Outcome:
    family: Family
    rows: list[dict]
    timed_out: bool
    error: str
    worst: float  # the highest doubling ratio over every stage

    def failed(self, threshold: float) -> bool:
        return self.timed_out or bool(self.error) or self.worst > threshold or len(self.rows) < 2


def run_family(family: Family, quick: bool, timeout: float) -> Outcome:
    """Run one family in a subprocess with a deadline and read back its timings."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
               KIT_TIME_BUDGET="off")  # measure the real growth, not the guard that stops it
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", family.name] + (["--quick"] if quick else [])
    timed_out, error = False, ""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                              check=False)
        out = proc.stdout
        if proc.returncode != 0:
            error = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
    except subprocess.TimeoutExpired as exc:
        timed_out = True
        raw = exc.stdout or b""
        out = raw.decode() if isinstance(raw, bytes) else raw
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    worst = 0.0
    for a, b in pairwise(rows):
        for stage, t in a["times"].items():
            worst = max(worst, b["times"][stage] / max(t, 1e-6) * (a["n"] * 2 / b["n"]))  # per doubling
    return Outcome(family, rows, timed_out, error, worst)


def _fmt(outcome: Outcome, threshold: float, timeout: float) -> str:
    f = outcome.family
    times = "  ".join(
        f"{r['chars']:>9,} ch " + " ".join(f"{stage} {t * 1000:7.0f} ms" for stage, t in r["times"].items())
        for r in outcome.rows)
    if outcome.timed_out:
        verdict = f"FAIL: no answer within {timeout:g} s (a hang or worse than quadratic)"
    elif outcome.error:
        verdict = f"FAIL: {outcome.error}"
    elif len(outcome.rows) < 2:
        verdict = "FAIL: fewer than two sizes measured"
    else:
        verdict = ("FAIL" if outcome.worst > threshold else "ok") + f": ratio {outcome.worst:.2f}"
    return f"{f.name:<28} {f.group:<9} {verdict}\n    {times}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="sizes n and 2n, calibrated to 50 ms (seconds overall)")
    ap.add_argument("--group", action="append", default=[], help=f"only these groups ({', '.join(sorted({f.group for f in FAMILIES}))}; "
                    "'must-pass' for " + ", ".join(MUST_PASS) + ")")
    ap.add_argument("--family", action="append", default=[], help="only these families (see --list)")
    ap.add_argument("--threshold", type=float, default=3.0, help="the highest doubling ratio that passes (3.0)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per family (60 quick, 180 otherwise)")
    ap.add_argument("--retries", type=int, default=1,
                    help="run a family that failed its ratio again, this many times (noise); a hang is not retried")
    ap.add_argument("--list", action="store_true", help="list the families and exit")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.quick)
        return 0
    groups = {g for grp in args.group for g in (MUST_PASS if grp == "must-pass" else (grp,))}
    unknown = [name for name in args.family if name not in BY_NAME]
    if unknown:
        ap.error(f"unknown family {', '.join(unknown)} (see --list)")
    chosen = [f for f in FAMILIES + SELF_TESTS  # --group and --family add up; neither: every family
              if (not groups and not args.family and f.group != "selftest")
              or f.group in groups or f.name in args.family]
    if args.list:
        for f in chosen:
            print(f"{f.name:<28} {f.group:<9} {f.what}")
        return 0
    timeout = args.timeout or (60.0 if args.quick else 180.0)
    print(f"{len(chosen)} families, {'quick' if args.quick else 'full'} mode, threshold {args.threshold:g} per "
          f"doubling (linear = 2, quadratic = 4), timeout {timeout:g} s each; CPU time, best of 3", flush=True)
    failed = []
    for family in chosen:
        outcome = run_family(family, args.quick, timeout)
        for _ in range(args.retries):
            if outcome.timed_out or not outcome.failed(args.threshold):
                break
            print(_fmt(outcome, args.threshold, timeout) + "\n    (again: a noisy machine can fail once)", flush=True)
            outcome = run_family(family, args.quick, timeout)
        print(_fmt(outcome, args.threshold, timeout), flush=True)
        if outcome.failed(args.threshold):
            failed.append(family.name)
    print(f"\n{len(chosen) - len(failed)} of {len(chosen)} families linear"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
