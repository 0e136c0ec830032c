"""The words of the report that every format shares, written once.

Each function returns plain text (never escaped): the text, Markdown and HTML
renderers escape it their own way. Where a phrase embeds article text in a
format-specific style (bold, a <strong>), the caller passes the pieces already
formatted and the phrase only joins them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kit.loaded_lexicon import categories, category_label, category_name

from kit.article import Role
from kit.loaded import Region
from kit.loaded_voice import Voice

if TYPE_CHECKING:
    from kit.article import Article
    from kit.loaded import LoadedLanguage, LoadedMatch

# The one label table of each kind (the lessons' views, tables and figures read these too).
# Paragraph role (kit.article.Role) -> label; the lessons show it in capitals as a badge.
ROLE_LABELS: dict[Role, str] = {
    "title": "headline",
    "body": "body",
    "subhead": "subhead",
    "related_link": "related link",
    "boilerplate": "boilerplate",
}
# Region of a loaded word (kit.loaded.Region) -> label; plural, as in "loaded words in the subheads".
REGION_LABELS: dict[Region, str] = {"headline": "headline", "subhead": "subheads", "related_link": "related links",
                                    "body": "body"}
# Voice of a loaded word (kit.loaded_voice.Voice) -> label, in that order.
VOICE_LABELS: dict[Voice, str] = {"outlet": "the outlet's own words", "reported": "reported speech",
                                  "quoted": "inside quotations"}
NO_HEADLINE = "(no headline found)"
SPEAKER_COLUMNS = ("speaker", "type", "direct", "reported", "share of quoted words")
SCORE_COLUMNS = ("score", "value")
UNATTRIBUTED_HEADING = "Unattributed claims"
REASONS_HEADING = "Why each mark"
REASONS_HOW = ("Each mark's tag has a number: its reason is on that line below. On screen, click a mark "
               "or move to it with the Tab key to see its reason next to it.")
LEGEND_HOW = ("Click a mark, or move to it with the Tab key, to see why it was marked; every reason is "
              "also listed, by number, under the article.")


def byline(a: Article) -> str:
    """'  outlet | by author', with 'not found' for what the article does not say (two leading spaces)."""
    parts = [a.outlet or "outlet not found", f"by {a.author}" if a.author else "author not found"]
    return "  " + " | ".join(parts)


def bar(value: float, top: float, width: int = 20) -> str:
    """A text bar, e.g. [#####...............] for value/top = 0.25."""
    filled = max(0, min(width, round(width * value / top)))
    return "[" + "#" * filled + "." * (width - filled) + "]"


def squash(s: str) -> str:
    """Runs of white space (line breaks of a quoted paragraph) as one space."""
    return " ".join(s.split())


def clip(s: str, n: int) -> str:
    """`s` on one line, cut to `n` characters with an ellipsis if anything was cut."""
    s = squash(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def and_more(n: int) -> str:
    return f"and {n} more"


def region_name(region: str) -> str:
    return region.replace("_", " ")


def score_name(key: str) -> str:
    return key.replace("_", " ")


# -- sourcing --------------------------------------------------------------------------------------------
def attribution_counts(c: dict[str, int], reported: str = "reported") -> str:
    """'N attributions: d direct quotations, r reported; n named, a anonymous.'"""
    return (f"{c['attributions']} attributions: {c['direct']} direct quotations, {c['indirect']} {reported}; "
            f"{c['named']} named, {c['anonymous']} anonymous.")


def source_types(c: dict[str, int]) -> str:
    return (f"Attributions by type of source: {c['person']} to people, {c['institution']} to "
            f"institutions, {c['agency']} to news agencies, {c['document']} to documents, {c['anonymous']} to "
            "unnamed sources.")


def gives_the_floor(region: str, speaker: str, quote: str) -> str:
    """A headline that opens with a source ('Putin: ...'): the pieces come formatted by the caller."""
    return f"The {region} gives the floor to {speaker}: {quote}"


def cue_list(cues: Sequence[tuple[str, int, str]], show: Callable[[str, bool], str], times: str = "×") -> str:
    """'said ×3, claimed ×1': `show(cue, colouring)` formats each cue verb."""
    return ", ".join(f"{show(cue, cls == 'colouring')} {times}{n}" for cue, n, cls in cues)


# -- loaded language -------------------------------------------------------------------------------------
def quoted_by(m: LoadedMatch) -> str:
    """A match's voice in a few words: 'outlet', 'reported (Vladimir Putin)', 'quoted (Jane Smith)'."""
    if m.voice == "outlet":
        return "outlet"
    return f"{m.voice} ({m.speaker})" if m.speaker else m.voice


def whose_words(m: LoadedMatch) -> str:
    """Whose word it is, in a reader's words: the outlet's, a paraphrase of a source, or a quotation."""
    if m.voice == "quoted":
        return f"quoted: {m.speaker}" if m.speaker else "inside a quotation"
    if m.voice == "reported":
        # a paraphrase: the view is the source's, the wording may be the outlet's
        return f"reported speech of {m.speaker}" if m.speaker else "reported speech"
    return "the outlet's own words"


def loaded_reason(m: LoadedMatch) -> str:
    """Why a word is marked: category, whose words, explanation and alternatives (a mark's title)."""
    return f"{category_name(m.category)}, {whose_words(m)}: {m.explanation} Try: {' / '.join(m.alternatives)}"


def loaded_counts(loaded: LoadedLanguage) -> tuple[str, str, str, str]:
    """Four sentences: the rate, by voice, by category, headings against body."""
    s = loaded.summary()
    cats = categories()
    cat_part = ", ".join(f"{cats[c].name.lower() if c in cats else c} {n}"
                         for c, n in s["by_category"].items() if n) or "none"
    hv = s["headline_vs_body"]
    return (
        (f"{s['matches']} matches in {s['words']} words: {s['per_100_words']:.1f} per 100 words "
        f"(headline, subheads, link texts and body; boilerplate left out)"),
        (f"By voice: {s['by_voice']['outlet']} in the outlet's own words, {s['by_voice']['reported']} in "
         f"reported speech (a paraphrase of a source), {s['by_voice']['quoted']} inside quotations"),
        f"By category: {cat_part}",
        f"Headline and subheads: {hv['headings']['per_100_words']:.1f} per 100 words "
        f"({hv['headings']['matches']} in {hv['headings']['words']} words); body: "
        f"{hv['body']['per_100_words']:.1f} per 100 words ({hv['body']['matches']} in {hv['body']['words']} words)"
        + (f"; related links: {s['by_region']['related_link']['per_100_words']:.1f} per 100 words"
           if s["by_region"]["related_link"]["words"] else ""),
    )


def marked_headings(loaded: LoadedLanguage, mark: Callable[[str, str | None], str]) -> list[tuple[str, str]]:
    """(region, heading text with each match wrapped by `mark(word, label)`) for headings with matches.

    `mark(piece, None)` formats the unmarked text between matches.
    """
    matches = sorted(loaded.matches, key=lambda m: m.start)  # stable; analyse() already sorts them
    starts = [m.start for m in matches]
    out: list[tuple[str, str]] = []
    for region, start, text in loaded.headings:
        end = start + len(text)
        inside = [m for m in matches[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]
        if not inside:
            continue
        pieces: list[tuple[str | None, str]] = []
        pos = 0
        for m in inside:
            pieces.append((None, text[pos:m.start - start]))
            pieces.append((category_label(m.category), text[m.start - start:m.end - start]))
            pos = m.end - start
        pieces.append((None, text[pos:]))
        out.append((region, "".join(mark(t, label) for label, t in pieces)))
    return out
