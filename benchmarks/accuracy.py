"""How accurate is the kit on real news annotated by people outside the team (issue 14)?

    python benchmarks/accuracy.py DEVDIR                  # e.g. /work/shared/dev/ptc
    python benchmarks/accuracy.py DEVDIR --articles 20    # the first 20 ids of DEVDIR/ids.txt
    python benchmarks/accuracy.py DEVDIR --show-errors    # also every miss and false match (screen only)
    python benchmarks/accuracy.py DEVDIR --json           # the figures as one JSON object

DEVDIR is a folder laid out like the Propaganda Techniques Corpus dev set (see its README):
`ids.txt`, `articles/article<ID>.txt`, `labels/article<ID>.task2-TC.labels` (id, technique,
start, end; tab-separated) and, optionally, `sourcing_gold.json`. The corpus is never copied into
the project: this script only reads it and prints figures. No test depends on it; the scoring
functions below are pure and tested on hand-made spans in tests/test_accuracy_scoring.py.

Measures, with the definitions of the dev README (so dev and held-back figures compare):

- loaded language: recall = share of `Loaded_Language` and `Name_Calling,Labeling` spans that some
  kit match overlaps; precision = share of the kit's matches that overlap any annotated span (of any
  technique); pooled = summed counts over articles (not a mean of ratios); F1 of the pooled P and R;
- sourcing, on the articles of sourcing_gold.json: a gold item is found when a prediction's sentence
  span or quote span overlaps the item's anchor and one alias of its speaker is a substring of the
  prediction's speaker + " " + mention, lower-cased; optional items count neither way;
  precision = found / (predictions not absorbed by an optional item), recall = found / required;
- false alarms on the project's own neutral news: loaded matches per 100 words, each text and max.

Only the public report API is used (`kit.report.build_report(text, name).to_dict()`, the JSON
contract of DESIGN.md), so the script keeps working while the package is restructured.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOADED_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
# The project's own neutral reporting: every loaded match on these is a false alarm.
NEUTRAL_GLOBS = ("tests/fixtures/heldout_loaded/neutral_*.txt", "tests/fixtures/neutral_*.txt",
                 "seeds/neutral_library_hours.txt")

# Issue 14's goals.
GOAL_SOURCING_F1 = 0.90
GOAL_LOADED_R, GOAL_LOADED_P = 0.45, 0.50
GOAL_FALSE_ALARMS = 1.0  # loaded matches per 100 words, on every neutral text (strictly below)

WORD = re.compile(r"\w+(?:['’]\w+)*")
# Function words, left out of the missed-word list so the words a lexicon could hold stand out
# (benchmark tooling only: the kit's own word lists live in kit/lexicons/).
_FUNCTION_WORDS_TEXT = """
a an the and or but nor so yet if then than that this these those there here of in on at to for from by
with without about into onto over under after before between against through during as is are was were
be been being am do does did done have has had having will would shall should can could may might must
not no it its it's he him his she her hers they them their theirs we us our ours you your yours i me my
mine who whom whose which what when where why how all any each every some such only own same other
more most very just also too s t don't isn't aren't wasn't weren't
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
MISSED_WORDS_LISTED = 150


class DevDataError(Exception):
    """The dev folder is missing or malformed; the message says what to fix."""


# -- pure scoring functions -------------------------------------------------------------------------

def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Half-open spans [a_start, a_end) and [b_start, b_end) share at least one character."""
    return a_start < b_end and b_start < a_end


def overlaps_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Some span of `spans` overlaps [start, end)."""
    return any(overlaps(start, end, s, e) for s, e in spans)


def ratio(num: int, den: int) -> float | None:
    """num / den, or None when there is nothing to divide by (no ratio, rather than a fake 0 or 1)."""
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean of precision and recall; None when either is undefined, 0 when both are 0."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Counts:
    """The four counts behind a precision/recall pair; pooled by summing, never by averaging ratios."""

    gold: int = 0         # items to find (recall's denominator)
    gold_found: int = 0   # of them, found
    pred: int = 0         # predictions that count (precision's denominator)
    pred_right: int = 0   # precision's numerator

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.gold + other.gold, self.gold_found + other.gold_found,
                      self.pred + other.pred, self.pred_right + other.pred_right)

    @property
    def recall(self) -> float | None:
        return ratio(self.gold_found, self.gold)

    @property
    def precision(self) -> float | None:
        return ratio(self.pred_right, self.pred)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.gold_found, "predictions": self.pred,
                "right": self.pred_right, "precision": self.precision, "recall": self.recall,
                "f1": self.f1}


def pool(counts: Iterable[Counts]) -> Counts:
    """Pooled counts: the sum over articles (a long article weighs more than a short one)."""
    total = Counts()
    for c in counts:
        total = total + c
    return total


@dataclass
class Span:
    """An annotated span of the corpus: technique and offsets into the raw text."""

    technique: str
    start: int
    end: int


@dataclass
class LoadedScore:
    counts: Counts
    missed: list[int]                 # indices into the target spans that no match overlaps
    false: list[int]                  # indices into the matches that overlap no annotated span
    by_technique: dict[str, Counts]   # recall per target technique (gold / found only)
    by_category: dict[str, Counts]    # precision per kit category (pred / right only)
    by_voice: dict[str, Counts]       # precision per voice (pred / right only)


def score_loaded(spans: Sequence[Span], matches: Sequence[dict[str, Any]],
                 targets: Sequence[str] = LOADED_TECHNIQUES) -> LoadedScore:
    """Score one article's loaded-language matches (dicts with start, end, category, voice)."""
    all_spans = [(s.start, s.end) for s in spans]
    found = [(m["start"], m["end"]) for m in matches]
    target_idx = [i for i, s in enumerate(spans) if s.technique in targets]
    missed, by_tech = [], {t: Counts() for t in targets}
    for i in target_idx:
        s = spans[i]
        hit = overlaps_any(s.start, s.end, found)
        by_tech[s.technique] = by_tech[s.technique] + Counts(gold=1, gold_found=int(hit))
        if not hit:
            missed.append(i)
    false: list[int] = []
    by_cat: dict[str, Counts] = {}
    by_voice: dict[str, Counts] = {}
    for j, m in enumerate(matches):
        right = overlaps_any(m["start"], m["end"], all_spans)
        c = Counts(pred=1, pred_right=int(right))
        by_cat[m.get("category", "?")] = by_cat.get(m.get("category", "?"), Counts()) + c
        by_voice[m.get("voice", "?")] = by_voice.get(m.get("voice", "?"), Counts()) + c
        if not right:
            false.append(j)
    counts = Counts(gold=len(target_idx), gold_found=len(target_idx) - len(missed),
                    pred=len(matches), pred_right=len(matches) - len(false))
    return LoadedScore(counts, missed, false, by_tech, by_cat, by_voice)


def alias_match(aliases: Iterable[str], speaker: str | None, mention: str | None,
                whole_word: bool = False) -> bool:
    """Some alias is a substring of the prediction's speaker + " " + mention, lower-cased.

    The dev README's definition is a plain substring, so the pronoun alias "he" also matches "the
    attack" or "she"; `whole_word=True` gives the stricter diagnostic (alias between non-letters).
    """
    said = f"{speaker or ''} {mention or ''}".lower()
    if whole_word:
        return any(re.search(rf"(?<!\w){re.escape(a.lower())}(?!\w)", said) for a in aliases)
    return any(a.lower() in said for a in aliases)


def find_anchor(text: str, anchor: str) -> tuple[int, int]:
    """Offsets of the one occurrence of `anchor` in `text`; DevDataError if absent or repeated."""
    first = text.find(anchor)
    if first < 0:
        raise DevDataError(f"sourcing anchor not found in the article: {anchor[:40]!r}")
    if text.find(anchor, first + 1) >= 0:
        raise DevDataError(f"sourcing anchor occurs more than once in the article: {anchor[:40]!r}")
    return first, first + len(anchor)


def prediction_spans(pred: dict[str, Any]) -> list[tuple[int, int]]:
    """The spans of a predicted attribution that may overlap an anchor: its sentence and its quote."""
    spans = [(pred["start"], pred["end"])]
    qs, qe = pred.get("quote_start"), pred.get("quote_end")
    if qs is not None and qe is not None and qs < qe:
        spans.append((qs, qe))
    return spans


def speaker_aliases(key: str, speakers: dict[str, list[str]]) -> list[str]:
    """Aliases of a gold speaker key; "a|b" (either may be the speaker) takes both alias lists."""
    out: list[str] = []
    for k in key.split("|"):
        if k not in speakers:
            raise DevDataError(f"sourcing gold names speaker {k!r}, which its 'speakers' table lacks")
        out += speakers[k]
    return out


@dataclass
class GoldItem:
    anchor: str
    start: int
    end: int
    aliases: list[str]
    kind: str = ""
    optional: bool = False


@dataclass
class SourcingScore:
    counts: Counts
    missed: list[int]          # indices of required items not found
    false: list[int]           # indices of predictions that count against precision
    absorbed: list[int]        # predictions absorbed by an optional item (count neither way)
    multi: int = 0             # predictions that find more than one required item (P can pass 1)


def item_found_by(item: GoldItem, pred: dict[str, Any], whole_word: bool = False) -> bool:
    """The prediction overlaps the item's anchor (sentence or quote span) and names its speaker."""
    return (overlaps_any(item.start, item.end, prediction_spans(pred))
            and alias_match(item.aliases, pred.get("speaker"), pred.get("mention"), whole_word))


def score_sourcing(items: Sequence[GoldItem], preds: Sequence[dict[str, Any]],
                   whole_word: bool = False) -> SourcingScore:
    """Score one article's attributions against its gold items.

    A prediction is absorbed by an optional item when it overlaps that item's anchor and finds no
    required item; a prediction that finds a required item always counts for precision.
    """
    required = [i for i, it in enumerate(items) if not it.optional]
    optional = [it for it in items if it.optional]
    credited: set[int] = set()
    missed, multi = [], Counter[int]()
    for i in required:
        finders = [j for j, p in enumerate(preds) if item_found_by(items[i], p, whole_word)]
        if not finders:
            missed.append(i)
        credited.update(finders)
        multi.update(finders)
    absorbed = [j for j, p in enumerate(preds) if j not in credited
                and any(overlaps_any(o.start, o.end, prediction_spans(p)) for o in optional)]
    counting = len(preds) - len(absorbed)
    false = [j for j in range(len(preds)) if j not in credited and j not in absorbed]
    found = len(required) - len(missed)
    counts = Counts(gold=len(required), gold_found=found, pred=counting, pred_right=found)
    return SourcingScore(counts, missed, false, absorbed, sum(1 for n in multi.values() if n > 1))


def per_100_words(matches: int, words: int) -> float:
    return 100.0 * matches / words if words else 0.0


# -- reading the dev folder -------------------------------------------------------------------------

def read_ids(devdir: Path) -> list[str]:
    path = devdir / "ids.txt"
    if not path.is_file():
        raise DevDataError(f"{path} not found: DEVDIR must hold ids.txt, articles/ and labels/")
    ids = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not ids:
        raise DevDataError(f"{path} lists no article ids")
    return ids


def read_article(devdir: Path, aid: str) -> str:
    path = devdir / "articles" / f"article{aid}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DevDataError(f"{path} not found (listed in ids.txt)") from None
    except UnicodeDecodeError:
        raise DevDataError(f"{path} is not UTF-8 text") from None


def read_labels(devdir: Path, aid: str, text: str) -> list[Span]:
    path = devdir / "labels" / f"article{aid}.task2-TC.labels"
    if not path.is_file():
        raise DevDataError(f"{path} not found (listed in ids.txt)")
    spans = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            _id, tech, s, e = parts
            start, end = int(s), int(e)
        except ValueError:
            raise DevDataError(f"{path}:{n}: expected 'id<TAB>technique<TAB>start<TAB>end'") from None
        if not 0 <= start < end <= len(text):
            raise DevDataError(f"{path}:{n}: span {start}-{end} is outside the article ({len(text)} chars)")
        spans.append(Span(tech, start, end))
    return spans


def read_sourcing_gold(devdir: Path, texts: dict[str, str]) -> dict[str, list[GoldItem]]:
    """Gold items per article id, for the gold articles among `texts` (anchors resolved)."""
    path = devdir / "sourcing_gold.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = data["articles"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise DevDataError(f"{path} is not the expected JSON ({exc})") from None
    gold: dict[str, list[GoldItem]] = {}
    for aid, art in articles.items():
        if aid not in texts:
            continue
        items = []
        for it in art["attributions"]:
            try:
                start, end = find_anchor(texts[aid], it["anchor"])
            except DevDataError as exc:
                raise DevDataError(f"{path}, article {aid}: {exc}") from None
            items.append(GoldItem(it["anchor"], start, end, speaker_aliases(it["speaker"], art["speakers"]),
                                  it.get("kind", ""), bool(it.get("optional", False))))
        gold[aid] = items
    return gold


# -- running the kit --------------------------------------------------------------------------------

def kit_report(text: str, name: str) -> dict[str, Any]:
    """The report JSON of one text, through the public API only."""
    from kit.report import build_report

    return build_report(text, name).to_dict()


def kit_identity() -> dict[str, str]:
    """Which kit is measured: where it was imported from, and that tree's git commit."""
    import kit

    where = Path(kit.__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "-C", str(where), "rev-parse", "HEAD"], capture_output=True,
                                text=True, check=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(where), "status", "--porcelain", "--", "."],
                               capture_output=True, text=True, check=False, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "unknown (not a git checkout)", ""
    return {"path": str(where), "commit": commit + (" + uncommitted changes in kit/" if dirty else "")}


@dataclass
class ArticleResult:
    aid: str
    words: int
    loaded: LoadedScore
    spans: list[Span]
    matches: list[dict[str, Any]]
    text: str
    sourcing: SourcingScore | None = None
    sourcing_strict: SourcingScore | None = None   # aliases as whole words (a diagnostic)
    attributions: list[dict[str, Any]] = field(default_factory=list)


def run(devdir: Path, limit: int | None) -> dict[str, Any]:
    """Measure every article (the first `limit` ids if given); the results, before any printing."""
    ids = read_ids(devdir)[:limit] if limit else read_ids(devdir)
    texts = {aid: read_article(devdir, aid) for aid in ids}
    spans = {aid: read_labels(devdir, aid, texts[aid]) for aid in ids}
    gold = read_sourcing_gold(devdir, texts)
    results, failed = [], []
    t0 = time.perf_counter()
    for aid in ids:
        try:
            rep = kit_report(texts[aid], f"article{aid}.txt")
        except Exception as exc:  # noqa: BLE001 -- a crash on real news is a finding to report, not a reason to stop
            failed.append({"article": aid, "error": f"{type(exc).__name__}: {exc}"})
            continue
        matches = rep["loaded_language"]["matches"]
        res = ArticleResult(aid, rep["readability"]["words"], score_loaded(spans[aid], matches),
                            spans[aid], matches, texts[aid])
        if aid in gold:
            res.attributions = rep["sourcing"]["attributions"]
            res.sourcing = score_sourcing(gold[aid], res.attributions)
            res.sourcing_strict = score_sourcing(gold[aid], res.attributions, whole_word=True)
        results.append(res)
    seconds = time.perf_counter() - t0
    neutral = []
    for pattern in NEUTRAL_GLOBS:
        for path in sorted(ROOT.glob(pattern)):
            rep = kit_report(path.read_text(encoding="utf-8"), path.name)
            ld = rep["loaded_language"]
            neutral.append({"text": str(path.relative_to(ROOT)), "words": rep["readability"]["words"],
                            "matches": len(ld["matches"]), "per_100_words": ld["per_100_words"],
                            "terms": [(m["term"], m["category"], m["voice"]) for m in ld["matches"]]})
    return {"ids": ids, "results": results, "failed": failed, "gold": gold, "seconds": seconds,
            "neutral": neutral}


# -- summarising and printing -----------------------------------------------------------------------

def summarise(out: dict[str, Any]) -> dict[str, Any]:
    """All figures as plain data (no corpus text): what --json prints and the text view shows."""
    results: list[ArticleResult] = out["results"]
    loaded = pool(r.loaded.counts for r in results)
    by_tech: dict[str, Counts] = {}
    by_cat: dict[str, Counts] = {}
    by_voice: dict[str, Counts] = {}
    for r in results:
        for src, dst in ((r.loaded.by_technique, by_tech), (r.loaded.by_category, by_cat),
                         (r.loaded.by_voice, by_voice)):
            for k, c in src.items():
                dst[k] = dst.get(k, Counts()) + c
    src_results = [r for r in results if r.sourcing is not None]
    sourcing = pool(r.sourcing.counts for r in src_results if r.sourcing)
    strict = pool(r.sourcing_strict.counts for r in src_results if r.sourcing_strict)
    neutral = out["neutral"]
    worst = max((n["per_100_words"] for n in neutral), default=None)
    p, rc, sf = loaded.precision, loaded.recall, sourcing.f1
    goals = {
        "sourcing_f1": {"goal": f">= {GOAL_SOURCING_F1:.2f}", "value": sf,
                        "met": sf is not None and sf >= GOAL_SOURCING_F1},
        "loaded_recall_at_precision": {
            "goal": f"R >= {GOAL_LOADED_R:.2f} at P >= {GOAL_LOADED_P:.2f}", "value": [rc, p],
            "met": rc is not None and p is not None and rc >= GOAL_LOADED_R and p >= GOAL_LOADED_P},
        "false_alarms_max_per_100_words": {"goal": f"< {GOAL_FALSE_ALARMS:g} on every neutral text",
                                           "value": worst,
                                           "met": worst is not None and worst < GOAL_FALSE_ALARMS},
    }
    n = len(results)
    return {
        "articles": n, "articles_listed": len(out["ids"]), "failed": out["failed"],
        "kit": kit_identity(), "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "loaded": {
            "pooled": loaded.to_dict(),
            "by_technique": {k: c.to_dict() for k, c in sorted(by_tech.items())},
            "by_category": {k: c.to_dict() for k, c in sorted(by_cat.items())},
            "by_voice": {k: c.to_dict() for k, c in sorted(by_voice.items())},
            "per_article": [{"article": r.aid, "words": r.words, **r.loaded.counts.to_dict()}
                            for r in results],
        },
        "sourcing": {
            "pooled": sourcing.to_dict(),
            "pooled_whole_word_aliases": strict.to_dict(),
            "per_article": [{"article": r.aid, **r.sourcing.counts.to_dict(), "absorbed": len(r.sourcing.absorbed),
                             "predictions_finding_several_items": r.sourcing.multi}
                            for r in src_results if r.sourcing],
        },
        "false_alarms": {"texts": [{k: v for k, v in t.items() if k != "terms"} for t in neutral],
                         "max_per_100_words": worst},
        "timing": {"seconds": out["seconds"], "articles_per_second": n / out["seconds"] if out["seconds"] else None},
        "goals": goals,
    }


def fmt(x: float | None, digits: int = 3) -> str:
    return "  n/a" if x is None else f"{x:.{digits}f}"


def pr_line(label: str, c: Counts, width: int = 26) -> str:
    return (f"  {label:<{width}} found {c.gold_found:>5}/{c.gold:<5} R {fmt(c.recall)}   "
            f"right {c.pred_right:>5}/{c.pred:<5} P {fmt(c.precision)}   F1 {fmt(c.f1)}")


def counts_of(d: dict[str, Any]) -> Counts:
    return Counts(d["gold"], d["found"], d["predictions"], d["right"])


def print_summary(s: dict[str, Any]) -> None:
    ld = s["loaded"]
    print(f"kit measured: {s['kit']['path']} at {s['kit']['commit']}")
    print(f"date: {s['date']}; articles: {s['articles']} of {s['articles_listed']} listed"
          + (f"; {len(s['failed'])} FAILED" if s["failed"] else ""))
    for f in s["failed"]:
        print(f"  article {f['article']} failed: {f['error']}")
    print("\n1. Loaded language (R over Loaded_Language + Name_Calling spans; P over all annotated spans)")
    print(pr_line("pooled", counts_of(ld["pooled"])))
    print("  recall by technique:")
    for k, d in ld["by_technique"].items():
        print(f"    {k:<26} {d['found']:>5}/{d['gold']:<5} R {fmt(d['recall'])}")
    print("  precision by kit category:")
    for k, d in sorted(ld["by_category"].items(), key=lambda kv: -kv[1]["predictions"]):
        print(f"    {k:<26} {d['right']:>5}/{d['predictions']:<5} P {fmt(d['precision'])}")
    print("  precision by voice:")
    for k, d in ld["by_voice"].items():
        print(f"    {k:<26} {d['right']:>5}/{d['predictions']:<5} P {fmt(d['precision'])}")
    print("  per article (id, words, found/spans, R, right/matches, P):")
    for a in ld["per_article"]:
        print(f"    {a['article']:>10} {a['words']:>5}w  {a['found']:>3}/{a['gold']:<3} R {fmt(a['recall'], 2)}"
              f"   {a['right']:>3}/{a['predictions']:<3} P {fmt(a['precision'], 2)}")
    sr = s["sourcing"]
    print("\n2. Sourcing on the gold articles (optional items count neither way)")
    if sr["per_article"]:
        print(pr_line("pooled", counts_of(sr["pooled"])))
        if "pooled_whole_word_aliases" in sr:  # absent from JSON saved by run 1
            print(pr_line("(aliases as whole words)", counts_of(sr["pooled_whole_word_aliases"]))
                  + "   diagnostic, not the goal's definition")
        for a in sr["per_article"]:
            print(pr_line(f"article {a['article']}", counts_of(a))
                  + f"   absorbed {a['absorbed']}"
                  + (f"   ({a['predictions_finding_several_items']} predictions find several items)"
                     if a["predictions_finding_several_items"] else ""))
    else:
        print("  (no gold article among the articles measured)")
    fa = s["false_alarms"]
    print("\n3. False alarms on the project's neutral news (loaded matches per 100 words)")
    for t in fa["texts"]:
        print(f"  {t['text']:<58} {t['matches']:>2} in {t['words']:>4}w  {t['per_100_words']:.2f}")
    print(f"  max {fmt(fa['max_per_100_words'], 2)}")
    tm = s["timing"]
    print(f"\n4. Timing: {tm['seconds']:.1f} s for {s['articles']} articles, {fmt(tm['articles_per_second'], 1)} articles/s")
    print("\nGoals (issue 14)")
    g = s["goals"]
    sf = g["sourcing_f1"]
    print(f"  sourcing F1 {sf['goal']}: {fmt(sf['value'])}  {'met' if sf['met'] else 'NOT MET'}")
    lg = g["loaded_recall_at_precision"]
    print(f"  loaded {lg['goal']}: R {fmt(lg['value'][0])}, P {fmt(lg['value'][1])}  "
          f"{'met' if lg['met'] else 'NOT MET'}")
    fg = g["false_alarms_max_per_100_words"]
    print(f"  false alarms {fg['goal']}: max {fmt(fg['value'], 2)}  {'met' if fg['met'] else 'NOT MET'}")


def clip(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def errors(out: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every miss and false match, with corpus text: for reading on screen, never for committing."""
    misses, false, s_miss, s_false = [], [], [], []
    for r in out["results"]:
        for i in r.loaded.missed:
            sp = r.spans[i]
            misses.append({"article": r.aid, "technique": sp.technique, "start": sp.start, "end": sp.end,
                           "text": r.text[sp.start:sp.end]})
        for j in r.loaded.false:
            m = r.matches[j]
            false.append({"article": r.aid, "term": m.get("term"), "text": m.get("text", r.text[m["start"]:m["end"]]),
                          "category": m.get("category"), "voice": m.get("voice"), "rule": m.get("source"),
                          "explanation": m.get("explanation"), "start": m["start"], "end": m["end"]})
        if r.sourcing:
            items = out["gold"][r.aid]
            for i in r.sourcing.missed:
                it = items[i]
                s_miss.append({"article": r.aid, "anchor": it.anchor, "kind": it.kind, "aliases": it.aliases,
                               "start": it.start, "end": it.end})
            for j in r.sourcing.false:
                p = r.attributions[j]
                s_false.append({"article": r.aid, "speaker": p.get("speaker"), "mention": p.get("mention"),
                                "cue": p.get("cue"), "kind": p.get("kind"), "rule": p.get("rule"),
                                "start": p["start"], "end": p["end"], "sentence": r.text[p["start"]:p["end"]]})
    return {"loaded_misses": misses, "loaded_false": false, "sourcing_misses": s_miss, "sourcing_false": s_false}


def print_errors(e: dict[str, list[dict[str, Any]]]) -> None:
    print(f"\nLOADED MISSES ({len(e['loaded_misses'])}): article, technique, annotated span")
    for m in e["loaded_misses"]:
        print(f"  {m['article']} {m['technique']:<22} {clip(m['text'])!r}")
    print(f"\nLOADED FALSE MATCHES ({len(e['loaded_false'])}): article, term, category, voice, rule, explanation")
    for m in e["loaded_false"]:
        print(f"  {m['article']} {m['text']!r} ({m['term']}) {m['category']} {m['voice']} {m['rule']}: "
              f"{clip(m['explanation'] or '', 70)}")
    print(f"\nSOURCING MISSES ({len(e['sourcing_misses'])}): article, kind, aliases, anchor")
    for m in e["sourcing_misses"]:
        print(f"  {m['article']} {m['kind']:<8} {'/'.join(m['aliases'])}: {m['anchor']!r}")
    print(f"\nSOURCING FALSE PREDICTIONS ({len(e['sourcing_false'])}): article, speaker / mention, cue, kind, rule")
    for p in e["sourcing_false"]:
        print(f"  {p['article']} {p['speaker']!r} / {p['mention']!r} {p['cue']!r} {p['kind']} {p['rule']}: "
              f"{clip(p['sentence'])!r}")


def word_lists(out: dict[str, Any]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Lower-cased words (function words left out) of the target spans no match overlaps, the words
    of one-word missed spans, and the false-match terms, counted. Not for committing: corpus words."""
    words: Counter[str] = Counter()
    single: Counter[str] = Counter()
    for r in out["results"]:
        for i in r.loaded.missed:
            sp = r.spans[i]
            ws = [w.lower() for w in WORD.findall(r.text[sp.start:sp.end])]
            words.update(w for w in ws if w not in FUNCTION_WORDS)
            if len(ws) == 1:
                single.update(ws)
    terms = Counter(f"{r.matches[j]['term']}\t{r.matches[j].get('category')}"
                    for r in out["results"] for j in r.loaded.false)
    return words, single, terms


def write_lists(out: dict[str, Any], prefix: str) -> list[str]:
    words, single, terms = word_lists(out)
    missed_path, false_path = f"{prefix}_missed_words.txt", f"{prefix}_false_terms.txt"
    with open(missed_path, "w", encoding="utf-8") as f:
        f.write(f"# the {MISSED_WORDS_LISTED} most frequent words inside Loaded_Language / Name_Calling spans "
                "that no kit match overlaps, lower-cased, function words left out: count, word\n"
                "# (not for committing: corpus words)\n")
        f.writelines(f"{n}\t{w}\n" for w, n in words.most_common(MISSED_WORDS_LISTED))
        f.write("# then: every missed span that is one word, by count\n")
        f.writelines(f"{n}\t{w}\n" for w, n in single.most_common())
    with open(false_path, "w", encoding="utf-8") as f:
        f.write("# kit match terms outside every annotated span, by count: count, term, category\n")
        f.writelines(f"{n}\t{t}\n" for t, n in terms.most_common())
    return [missed_path, false_path]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("devdir", type=Path, help="the dev folder, e.g. /work/shared/dev/ptc")
    ap.add_argument("--articles", type=int, metavar="N", help="only the first N ids of ids.txt")
    ap.add_argument("--show-errors", action="store_true",
                    help="list every miss and false match (corpus text: for the screen, never commit it)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--lists", metavar="PREFIX",
                    help="write PREFIX_missed_words.txt and PREFIX_false_terms.txt (corpus words: do not commit)")
    args = ap.parse_args(argv)
    if args.articles is not None and args.articles < 1:
        ap.error("--articles must be at least 1")
    if not args.devdir.is_dir():
        print(f"error: {args.devdir} is not a folder (give the dev folder, e.g. /work/shared/dev/ptc)",
              file=sys.stderr)
        return 2
    try:
        out = run(args.devdir, args.articles)
    except DevDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    summary = summarise(out)
    if args.json:
        if args.show_errors:
            summary["errors"] = errors(out)
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print_summary(summary)
        if args.show_errors:
            print_errors(errors(out))
    if args.lists:
        for p in write_lists(out, args.lists):
            print(f"wrote {p}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
