"""Matplotlib figures for the lessons, readable without colour and without sight.

Rules every figure here follows:

* Okabe–Ito colours (safe for the common colour-vision deficiencies), and colour
  is never the only signal: bars also differ by hatch, and carry value labels.
* Labelled axes and a title.
* Each `plot_x(...)` returns a `KitFigure` (a `matplotlib.figure.Figure`) built without pyplot
  (no global state, works on the Agg backend, never pops up twice in a notebook)
  and sets `fig.kit_description`, one sentence saying what the figure shows;
  `describe_x(...)` returns the same sentence on its own.
* `show(fig)` displays the picture with that sentence as alt text and as a
  visible caption, so a screen reader gets the point of the figure.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kit.article import Article, Role, words_in
from kit.lessons.labels import REGION_LABELS, ROLE_LABELS, VOICE_LABELS
from kit.loaded import LoadedLanguage
from kit.loaded_lexicon import category_name
from kit.readability import Readability, SentenceDifficulty
from kit.sourcing import Sourcing

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

ROLE_STYLE: dict[Role, tuple[str, str]] = {  # role -> (colour, hatch); the label is ROLE_LABELS[role]
    "title": (OKABE_ITO["blue"], "xx"),
    "body": (OKABE_ITO["sky_blue"], ""),
    "subhead": (OKABE_ITO["vermillion"], "//"),
    "related_link": (OKABE_ITO["orange"], ".."),
    "boilerplate": (OKABE_ITO["grey"], "\\\\"),
}

HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--", "++"]
PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple",
                                  "sky_blue", "yellow", "grey")]


class KitFigure(Figure):
    """A figure that carries `kit_description`, the one sentence saying what it shows."""

    kit_description: str = ""


def _figure(width: float = 8, height: float = 4) -> tuple[KitFigure, Axes]:
    """A new figure (no pyplot, no global state) and its one pair of axes."""
    fig = KitFigure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


class Shown:
    """A figure rendered to PNG, with its description as alt text and caption."""

    def __init__(self, fig: Figure, description: str | None = None):
        self.description = description or getattr(fig, "kit_description", "") or "A figure."
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        self.png = buf.getvalue()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        b64 = base64.b64encode(self.png).decode("ascii")
        alt = html.escape(self.description)
        # mathjax_ignore: a "$" in a description must not be typeset as maths in JupyterLab
        page = (f'<figure class="tex2jax_ignore mathjax_ignore" style="margin:0">'
                f'<img src="data:image/png;base64,{b64}" alt="{alt}" style="max-width:100%">'
                f"<figcaption><em>Figure description:</em> {alt}</figcaption></figure>")
        return {"text/html": page, "image/png": b64, "text/plain": f"Figure: {self.description}"}


def show(fig: Figure, description: str | None = None) -> Shown:
    """Display `fig` in a notebook with its one-sentence description (for screen readers too)."""
    return Shown(fig, description)


def _label_bars(ax: Axes, bars: BarContainer, fmt: str = "{:g}") -> None:
    """Write each bar's value above it (zeros too: a missing bar must read as 0, not as absent)."""
    for b in bars:
        h = b.get_height()
        ax.annotate(fmt.format(h), (b.get_x() + b.get_width() / 2, h), ha="center", va="bottom",
                    fontsize=8, xytext=(0, 2), textcoords="offset points")


def _headroom(ax: Axes, top: float, frac: float = 0.15, axis: str = "y") -> None:
    """Leave `frac` of empty space beyond the largest bar so its value label stays inside the frame."""
    limit = top * (1 + frac) if top > 0 else 1
    (ax.set_ylim if axis == "y" else ax.set_xlim)(0, limit)


# -- lesson 01: anatomy ---------------------------------------------------------------
def describe_anatomy(article: Article) -> str:
    """The one-sentence description of `plot_anatomy` (alt text and caption)."""
    words: dict[Role, int] = {r: 0 for r in ROLE_STYLE}
    for p in article.paragraphs:
        words[p.role] += len(words_in(article.text, p.start, p.end))
    total = sum(words.values()) or 1
    parts = ", ".join(f"{ROLE_LABELS[r]} {n} words" for r, n in words.items() if n)
    return (f"Bar chart of the article's {len(article.paragraphs)} paragraphs in reading order, one bar per "
            f"paragraph, length = words; {words['body'] * 100 // total}% of the words are body text "
            f"({parts}).")


def plot_anatomy(article: Article) -> KitFigure:
    """One horizontal bar per paragraph, top to bottom as on the page; role by colour, hatch and legend."""
    paras = article.paragraphs
    fig, ax = _figure(8, max(3.5, 0.22 * len(paras) + 1))
    seen = set()
    for i, p in enumerate(paras):
        label, (colour, hatch) = ROLE_LABELS[p.role], ROLE_STYLE[p.role]
        n = len(words_in(article.text, p.start, p.end))
        ax.barh(i, n, color=colour, hatch=hatch, edgecolor="black", linewidth=0.5,
                label=label if p.role not in seen else None)
        seen.add(p.role)
        if p.role != "body":
            ax.annotate(label, (n, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    _headroom(ax, max((len(words_in(article.text, p.start, p.end)) for p in paras), default=0), 0.2, axis="x")
    ax.invert_yaxis()
    ax.set_xlabel("words in the paragraph")
    ax.set_ylabel("paragraph (top of the page first)")
    ax.set_title("Anatomy of the article: every paragraph and its role")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0, fontsize=8)  # never over a bar
    fig.kit_description = describe_anatomy(article)
    return fig


# -- lesson 02: readability ------------------------------------------------------------
def _marked_hard(readability: Readability, hardest: int, threshold: float | None) -> list[SentenceDifficulty]:
    """The sentences the chart marks: the `hardest` ones, and only those above `threshold` if one is given."""
    if not readability.sentences:
        return []
    return [h for h in readability.hardest(hardest) if threshold is None or h.grade > threshold]


def describe_sentence_lengths(readability: Readability, hardest: int = 1, threshold: float | None = None) -> str:
    """The one-sentence description of `plot_sentence_lengths` (alt text and caption)."""
    s = readability.sentences
    if not s:
        return "No body sentences to plot."
    avg = sum(x.words for x in s) / len(s)
    longest = max(range(len(s)), key=lambda i: s[i].words)
    start = (f"Bar chart of words per sentence for {len(s)} body sentences: the average is {avg:.1f} words, "
             f"the longest is sentence {longest + 1} with {s[longest].words} words, and ")
    marked = _marked_hard(readability, hardest, threshold)
    if not marked:
        top = readability.hardest(1)[0]
        return start + (f"no sentence is above grade {threshold:g} (the hardest, sentence {s.index(top) + 1}, "
                        f"is grade {top.grade:.1f}), so none is marked as hard.")
    hard = marked[0]
    return start + f"the hardest (grade {hard.grade:.1f}) is sentence {s.index(hard) + 1}."


def plot_sentence_lengths(readability: Readability, hardest: int = 1, threshold: float | None = None) -> KitFigure:
    """Words per body sentence; the hardest sentence(s) hatched and labelled; the average as a line.

    With `threshold`, a sentence is marked only if its grade is above it: in an easy article the
    relatively hardest sentence is not called hard.
    """
    sents = readability.sentences
    fig, ax = _figure(9, 4)
    hard = {id(h) for h in _marked_hard(readability, hardest, threshold)}
    xs = list(range(1, len(sents) + 1))
    colours = [OKABE_ITO["vermillion"] if id(s) in hard else OKABE_ITO["sky_blue"] for s in sents]
    hatches = ["//" if id(s) in hard else "" for s in sents]
    bars = ax.bar(xs, [s.words for s in sents], color=colours, edgecolor="black", linewidth=0.5)
    for b, h in zip(bars, hatches):
        b.set_hatch(h)
    top = max((s.words for s in sents), default=1)
    # The label sits above the tallest bar (in the headroom) with an arrow down to its bar, so it never
    # covers a bar; near the right edge it is right-aligned so it stays inside the frame.
    for x, s in zip(xs, sents):
        if id(s) in hard:
            side = "right" if x > 0.7 * len(sents) else ("left" if x < 0.3 * len(sents) else "center")
            ax.annotate(f"hardest: {s.words} words, grade {s.grade:.0f}", (x, s.words),
                        xytext=(x, top * 1.1), ha=side, va="bottom", fontsize=8,
                        arrowprops={"arrowstyle": "->", "linewidth": 0.8})
    if sents:
        avg = sum(s.words for s in sents) / len(sents)
        ax.axhline(avg, color="black", linestyle="--", linewidth=1, label=f"average: {avg:.1f} words")
        if not hard and threshold is not None:
            ax.text(0.5, 0.97, f"no sentence above grade {threshold:g}: none is marked as hard",
                    transform=ax.transAxes, ha="center", va="top", fontsize=8)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    ax.set_ylim(0, top * 1.3)  # headroom for the label above the tallest bar
    ax.set_xlabel("sentence number (order in the article body)")
    ax.set_ylabel("words in the sentence")
    ax.set_title("How long is each sentence?")
    ax.set_xlim(0.3, len(sents) + 0.7)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # sentence 1, 2, ... never 0.8
    fig.kit_description = describe_sentence_lengths(readability, hardest, threshold)
    return fig


# -- comparisons (lessons 02, 06, 07) --------------------------------------------------------
def describe_comparison(values: Mapping[str, Mapping[str, float]], unit: str = "") -> str:
    """The one-sentence description of `plot_comparison` (alt text and caption)."""
    names = list(values)
    metrics = list(next(iter(values.values()), {}))
    parts = []
    for m in metrics:
        parts.append(f"{m}: " + ", ".join(f"{n} {values[n][m]:.1f}" for n in names))
    return (f"Bar charts comparing {' and '.join(names)}{' in ' + unit if unit else ''}, one panel per "
            "measure; " + "; ".join(parts) + ".")


def plot_comparison(values: Mapping[str, Mapping[str, float]], title: str = "Before and after",
                    ylabel: str = "") -> KitFigure:
    """One panel per measure (`values[name][metric]`), each on its own axis: a grade and a % never share one.

    Each name keeps its colour *and* hatch in every panel and is written under its bar; values on the bars.
    `ylabel`, if given, is added to every panel's axis label (a unit).
    """
    names = list(values)
    metrics = list(next(iter(values.values()), {}))
    fig = KitFigure(figsize=(max(4.0, 2.3 * len(metrics)), 3.6), dpi=100, layout="constrained")
    axes = fig.subplots(1, max(1, len(metrics)), squeeze=False)[0]
    for ax, m in zip(axes, metrics):
        bars = ax.bar(range(len(names)), [values[n][m] for n in names], 0.6,
                      color=[PALETTE[i % len(PALETTE)] for i in range(len(names))],
                      hatch=None, edgecolor="black", linewidth=0.5)
        for i, b in enumerate(bars):
            b.set_hatch(HATCHES[i % len(HATCHES)])
        _label_bars(ax, bars, "{:.1f}")
        _headroom(ax, max((values[n][m] for n in names), default=0))
        ax.set_xticks(range(len(names)), [textwrap.fill(n, 12) for n in names], fontsize=8)
        ax.set_ylabel(textwrap.fill(m + (f" ({ylabel})" if ylabel and ylabel != "value" else ""), 24), fontsize=9)
        ax.set_title(textwrap.fill(m, 22), fontsize=9)
    fig.suptitle(title)
    fig.kit_description = describe_comparison(values)
    return fig


def describe_counts(counts: Mapping[str, float], what: str) -> str:
    """The one-sentence description of `plot_counts` (alt text and caption)."""
    if not counts:
        return f"No {what} to plot."
    top = max(counts, key=lambda k: counts[k])
    return (f"Bar chart of {what}: " + ", ".join(f"{k} {v:g}" for k, v in counts.items())
            + f"; the largest is {top}.")


def plot_counts(counts: Mapping[str, float], title: str, xlabel: str, ylabel: str = "count",
                what: str = "counts") -> KitFigure:
    """Simple labelled horizontal bars, largest first, each with its own hatch and value label."""
    items = sorted(counts.items(), key=lambda kv: -kv[1])
    fig, ax = _figure(8, max(2.5, 0.45 * len(items) + 1.2))
    for i, (_k, v) in enumerate(items):
        ax.barh(i, v, color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)], edgecolor="black",
                linewidth=0.5)
        ax.annotate(f"{v:g}", (v, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    _headroom(ax, max((v for _k, v in items), default=0), axis="x")
    ax.set_yticks(range(len(items)), [k for k, _ in items])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    fig.kit_description = describe_counts(dict(items), what)
    return fig


def _stacked(ax: Axes, labels: Sequence[str], series: Mapping[str, Sequence[float]]) -> None:
    """Horizontal stacked bars; each series has a colour, a hatch and a legend entry; totals labelled."""
    left = [0.0] * len(labels)
    for i, (name, vals) in enumerate(series.items()):
        ax.barh(range(len(labels)), vals, left=left, label=name, color=PALETTE[i % len(PALETTE)],
                hatch=HATCHES[(i + 1) % len(HATCHES)] if i else "", edgecolor="black", linewidth=0.5)
        left = [a + b for a, b in zip(left, vals)]
    for y, total in enumerate(left):
        ax.annotate(f"{total:g}", (total, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    _headroom(ax, max(left, default=0), axis="x")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)  # never over a bar


# -- lesson 03: who speaks ----------------------------------------------------------------
def _short_name(s: str, n: int = 28) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def describe_speakers(sourcing: Sourcing) -> str:
    """The one-sentence description of `plot_speakers` (alt text and caption)."""
    sp = sourcing.speakers
    if not sp:
        return "No attributed speakers to plot."
    top = max(sp, key=lambda s: s.total)
    parts = "; ".join(f"{s.speaker} {s.direct} direct and {s.indirect} reported" for s in sp)
    return (f"Stacked bar chart of statements per source for {len(sp)} sources: {parts}; "
            f"{top.speaker} speaks most ({top.total}).")


_UNNAMED = {"document": "document"}  # how an unnamed source is labelled; anything else is "anonymous"


def plot_speakers(sourcing: Sourcing) -> KitFigure:
    """Statements per speaker, direct quotations and reported speech stacked (colour + hatch + legend)."""
    sp = sorted(sourcing.speakers, key=lambda s: -s.total)
    fig, ax = _figure(8, max(2.5, 0.45 * len(sp) + 1.4))
    labels = [_short_name(s.speaker) + ("" if s.named else f" ({_UNNAMED.get(s.source_type, 'anonymous')})")
              for s in sp]
    _stacked(ax, labels, {"direct quotation": [s.direct for s in sp],
                          "reported (indirect)": [s.indirect for s in sp]})
    ax.set_xlabel("statements attributed to the source")
    ax.set_ylabel("source")
    ax.set_title("Who speaks in the article?")
    fig.kit_description = describe_speakers(sourcing)
    return fig


# -- lesson 04: loaded language ------------------------------------------------------------
def loaded_by_category(loaded: LoadedLanguage) -> dict[str, dict[str, int]]:
    """{category name: {'outlet': n, 'reported': n, 'quoted': n}} for the categories that occur."""
    out: dict[str, dict[str, int]] = {}
    for m in loaded.matches:
        row = out.setdefault(category_name(m.category), dict.fromkeys(VOICE_LABELS, 0))
        row[m.voice] = row.get(m.voice, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: -sum(kv[1].values())))


def describe_loaded(loaded: LoadedLanguage) -> str:
    """The one-sentence description of `plot_loaded` (alt text and caption)."""
    rows = loaded_by_category(loaded)
    if not rows:
        return "No loaded words found, so there is nothing to plot."
    total = {v: sum(r[v] for r in rows.values()) for v in VOICE_LABELS}
    parts = "; ".join(f"{k} {v['outlet']} outlet, {v['reported']} reported and {v['quoted']} quoted"
                      for k, v in rows.items())
    return (f"Stacked bar chart of {sum(total.values())} loaded words by category: {total['outlet']} in the "
            f"outlet's own words, {total['reported']} in reported speech, {total['quoted']} inside quotations; "
            f"{parts}.")


def plot_loaded(loaded: LoadedLanguage) -> KitFigure:
    """Loaded words per category, stacked by voice: the outlet's own, reported speech, quotations."""
    rows = loaded_by_category(loaded)
    fig, ax = _figure(8, max(2.5, 0.45 * len(rows) + 1.4))
    _stacked(ax, list(rows), {VOICE_LABELS[v]: [r[v] for r in rows.values()] for v in VOICE_LABELS})
    ax.set_xlabel("loaded words found")
    ax.set_ylabel("category")
    ax.set_title("Loaded language: which kind, and in whose voice?")
    fig.kit_description = describe_loaded(loaded)
    return fig


def describe_loaded_regions(loaded: LoadedLanguage) -> str:
    """The one-sentence description of `plot_loaded_regions` (alt text and caption)."""
    r = loaded.summary()["by_region"]
    parts = ", ".join(f"{REGION_LABELS[k]} {v['per_100_words']:.1f} ({v['matches']} in {v['words']} words)"
                      for k, v in r.items() if v["words"])
    return f"Bar chart of loaded words per 100 words in each part of the page: {parts}."


def plot_loaded_regions(loaded: LoadedLanguage) -> KitFigure:
    """Loaded words per 100 words in headline, subheads, related links and body."""
    r = {k: v for k, v in loaded.summary()["by_region"].items() if v["words"]}
    fig, ax = _figure(7, 3.5)
    for i, (_k, v) in enumerate(r.items()):
        bar = ax.bar(i, v["per_100_words"], color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)],
                     edgecolor="black", linewidth=0.5)
        _label_bars(ax, bar, "{:.1f}")
    _headroom(ax, max((v["per_100_words"] for v in r.values()), default=0))
    ax.set_xticks(range(len(r)), [f"{REGION_LABELS[k]}\n({v['matches']} in {v['words']} words)" for k, v in r.items()])
    ax.set_xlabel("part of the page")
    ax.set_ylabel("loaded words per 100 words")
    ax.set_title("Where is the loaded language?")
    fig.kit_description = describe_loaded_regions(loaded)
    return fig
