"""From found attributions to results: whose each one is, one per sentence and speaker, and the speaker table."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kit.article import words_in
from kit.sourcing.steps import checked
from kit.sourcing.context import Raw
from kit.sourcing.model import Attribution, SpeakerSummary
from kit.sourcing.speakers import Entity

if TYPE_CHECKING:
    from kit.sourcing.context import Context


def resolve_speakers(ctx: Context, raws: list[Raw]) -> list[Raw]:
    """The raws with their speaker (`entity`) set, in the same order; records every source in `ctx.book`.

    Mentions are resolved in reading order, so "he" and "the official" see only what came before; a
    quotation that carries on another attribution takes that one's speaker and cue.
    """
    done: dict[int, Raw] = {id(r): r for r in raws}
    for raw in checked(sorted((r for r in raws if r.mention), key=lambda r: r.mention.start if r.mention else 0)):
        assert raw.mention is not None
        ent, variant = ctx.book.resolve(raw.mention)
        if ent is None:  # a pronoun with nobody before it
            ent = Entity(raw.mention.text, "anonymous")
            ctx.book.entities.append(ent)
        ctx.book.spoke(ent, raw.mention.start)
        done[id(raw)] = replace(raw, entity=ent, variant=variant)
    for raw in raws:  # a host always comes before the quotations that carry it on
        if raw.inherit is not None:
            host = done[id(raw.inherit)]
            done[id(raw)] = replace(done[id(raw)], entity=host.entity, cue=host.cue)
    return [done[id(r)] for r in raws]


def merge(raws: list[Raw]) -> list[Raw]:
    """One attribution per sentence and speaker: extra cues of the same speaker become `other_cues`."""
    out: list[Raw] = []
    first: dict[tuple[int, int], Raw] = {}
    for r in sorted(raws, key=lambda r: (r.sentence.start, r.cue.start if r.cue else r.sentence.start)):
        key = (r.sentence.start, id(r.entity))
        same = first.get(key) if r.inherit is None else None
        if same is None:
            r = replace(r, quotes=list(r.quotes), extra=list(r.extra))  # merged into below: not the caller's lists
            out.append(r)
            if r.inherit is None:
                first[key] = r
            continue
        if r.cue:
            same.extra.append(r.cue)
        same.extra += r.extra
        same.quotes += r.quotes
        if r.kind == "direct":
            same.kind = "direct"
    return out


def attribution(ctx: Context, r: Raw) -> Attribution:
    """The result for one merged Raw: its spans, speaker, cue and rule."""
    ent = r.entity
    pieces = [r.sentence] + [ctx.sentence_at(q.outer_start) for q in r.quotes] + \
             [ctx.sentence_at(q.outer_end - 1) for q in r.quotes]
    start, end = min(p.start for p in pieces), max(p.end for p in pieces)
    quotes = sorted((q.start, q.end) for q in r.quotes)
    if r.kind == "direct" and quotes:
        qs, qe = quotes[0][0], quotes[-1][1]
    else:
        qs, qe = r.content or (r.sentence.start, r.sentence.end)
    cue = r.cue
    own_cue = r.inherit is None and cue is not None
    return Attribution(
        speaker=ent.canonical if ent else "(unknown)",
        mention=r.mention.text if r.mention else "",
        cue=cue.text.lower() if cue else "",
        cue_class=cue.row["class"] if cue else "neutral",
        kind=r.kind, named=ent.named if ent else False, source_type=ent.source_type if ent else "anonymous",
        start=start, end=end, quote_start=qs, quote_end=qe, rule=r.rule,
        mention_start=r.mention.start if r.mention else None, mention_end=r.mention.end if r.mention else None,
        cue_start=cue.start if own_cue and cue else None, cue_end=cue.end if own_cue and cue else None,
        quotes=quotes, other_cues=[c.text.lower() for c in r.extra], variant=r.variant,
    )


def summaries(text: str, attributions: list[Attribution]) -> list[SpeakerSummary]:
    """One row per speaker, most attributions first."""
    rows: dict[str, dict] = {}
    for a in attributions:
        row = rows.setdefault(a.speaker, {"a": a, "direct": 0, "indirect": 0, "words": 0, "variants": [],
                                          "mentions": []})
        row[a.kind] += 1
        row["words"] += sum(len(words_in(text, s, e)) for s, e in a.quotes) if a.kind == "direct" else 0
        if a.variant and a.variant not in row["variants"]:
            row["variants"].append(a.variant)
        if a.mention and a.mention not in row["mentions"]:
            row["mentions"].append(a.mention)
    total = sum(r["words"] for r in rows.values()) or 1
    out = [SpeakerSummary(name, r["a"].source_type, r["a"].named, r["direct"], r["indirect"], r["words"],
                          round(r["words"] / total, 3), r["variants"], r["mentions"]) for name, r in rows.items()]
    return sorted(out, key=lambda s: (-s.total, -s.quoted_words, s.speaker))
