"""`analyse`: the passes of the sourcing analysis, in the order they run."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kit.article import Article
from kit.errors import KitInputError
from kit.quotes import QuoteScan, find_quotations
from kit.sourcing.assemble import attribution, merge, resolve_speakers, summaries
from kit.sourcing.claims import find_claims
from kit.sourcing.context import build_context
from kit.sourcing.cues import current_cues, load_cues
from kit.sourcing.direct import continuations, find_direct
from kit.sourcing.headlines import find_headline_sources
from kit.sourcing.model import Attribution, Sourcing
from kit.sourcing.reported import drop_nested, find_reported
from kit.sourcing.transcripts import add_turns


def analyse(article: Article | str, quotes: QuoteScan | None = None,
            extra_cues: Iterable[str | Path] = ()) -> Sourcing:
    """Attributions, speakers and unattributed claims of an article (see `kit.sourcing` for the rules).

    `extra_cues`: a teacher's CSV files with the columns of lexicons/cue_verbs.csv, read after it (without
    them: the files of an enclosing `kit.sourcing.cues.extra_cues` block, if any).
    """
    if isinstance(article, str):
        article = Article(article)
    if not isinstance(article, Article):
        raise KitInputError("sourcing needs an Article (or the article's text as a string)")
    scan = quotes if quotes is not None else find_quotations(article)
    extra_cues = tuple(extra_cues)
    ctx = build_context(article, scan, load_cues(extra_cues) if extra_cues else current_cues())

    quoted, pending = find_direct(ctx)  # quotations with a cue of their own
    reported, also = find_reported(ctx, quoted)  # reported speech; `also`: more cues of a speaker already found
    for host, cue in also:
        host.extra.append(cue)
    reported = drop_nested(ctx, reported)  # "X said Y warned ...": only X speaks
    carried, unquoted = continuations(ctx, quoted + reported, pending)  # may add quotations to their hosts
    raws = resolve_speakers(ctx, quoted + reported + carried)  # the only pass that writes to the speaker book
    merged = merge([r for r in raws if r.entity is not None])
    attributions = sorted((attribution(ctx, r) for r in merged), key=_reading_order)
    attributions, unquoted = add_turns(ctx, attributions, unquoted)  # transcripts and block quotes: no marks
    unattributed = find_claims(ctx, attributions, unquoted)
    headline_sources = find_headline_sources(ctx)  # reads a copy of the speaker book

    body = {p.index for p in article.body_paragraphs}
    unbalanced = [u for u in scan.unbalanced if (p := article.paragraph_at(u.start)) and p.index in body]
    cue_classes = {c.text.lower(): c.row["class"] for r in merged for c in r.extra}
    return Sourcing(article.text, attributions, summaries(article.text, attributions), unattributed, unbalanced,
                    headline_sources, cue_classes)


def _reading_order(a: Attribution) -> tuple[int, bool, int]:
    """By sentence, then by mention; an attribution with no mention of its own first."""
    return a.start, a.mention_start is not None, a.mention_start or 0
