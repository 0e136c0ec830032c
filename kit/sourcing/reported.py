"""Reported speech: a cue verb with a source as its subject, or "according to" a source.

`Putin said (that) ...`, `..., Interfax reports.`, `..., said Putin.`,
`According to Putin, ...`, `In his opinion, ...`, `a lawsuit accusing it of ...`,
and a cue that is a sentence's second verb (`A source played down the risk,
saying ...`, `Experts welcomed the study but urged caution.`).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from kit.article import Span, words_in
from kit.lexicons import function_words
from kit.sourcing.steps import checked
from kit.sourcing.context import Raw
from kit.sourcing.cues import Cue, find_cues
from kit.sourcing.mentions import lookup_noun, parse_mention
from kit.sourcing.phrases import (
    ARTICLES,
    CLAUSE_WORDS,
    MAX_LEAD,
    ends_clause,
    left_chunk,
    opens_with_preposition,
    read_mention,
    right_chunk,
    has_words,
    strip_punct,
    trim,
)
from kit.sourcing.subjects import subject

if TYPE_CHECKING:
    from kit.sourcing.context import Context

_PASSIVE_BEFORE = function_words("passive_before")
_NOUN_BEFORE = function_words("noun_before")
_MODAL_BEFORE = function_words("modal_before")
_NOT_BEFORE_RELATIVE = function_words("not_before_reduced_relative")
_QUANTIFIERS = function_words("quantifiers")
_COORDINATORS = function_words("coordinators")
_SUBJECT_PREPOSITIONS = function_words("subject_prepositions")
_FINITE = function_words("finite_auxiliaries")
_POSSESSIVES = function_words("possessive_determiners")
_DEMAND_CUES = function_words("demand_cues")  # "called for an inquiry ...": the content is the demand
_LIST_CONJUNCTIONS = function_words("list_conjunctions")
_DEMAND_STOP = re.compile(r"[,;]")
_NO_QUOTE_MARK = re.compile(r"[^\"“”«»]*")  # only reached once per sentence: a cue with nothing after it
_FIRST_WORD = re.compile(r"[^\W_]+")
# "said at the summit that ...": up to 8 words before "that"; \b after each word keeps it linear on long words
_THAT_AFTER_CUE = re.compile(r"(?:\W*\w+\b){0,8}?\W+that\b")
# "X was quoted (by TASS) as saying ...": the source is the subject of the passive verb
_QUOTED_AS_REACH = 160  # characters: the longest "was quoted by ... as" the pattern allows, with room to spare
_QUOTED_AS = re.compile(r"\b(?:was|were|is|has been|had been)\s+(?:quoted|cited|heard)(?:\s+by\s+[^,;]{1,40}?)?\s+as\b")


def find_reported(ctx: Context, direct: list[Raw]) -> tuple[list[Raw], list[tuple[Raw, Cue]]]:
    """Reported speech in every body sentence, skipping the cues of direct quotations.

    Returns (the new Raws, extra cues): a cue with no source of its own after an attribution in the same
    sentence (", adding that", "and promised") is the same speaker's, as a (host, cue) pair.
    """
    taken = {r.cue.start for r in direct if r.cue is not None}
    by_sentence: dict[int, list[Raw]] = {}
    for r in direct:
        by_sentence.setdefault(r.sentence.start, []).append(r)
    found: list[Raw] = []
    extra: list[tuple[Raw, Cue]] = []
    for sent in checked(ctx.sents):
        here = by_sentence.get(sent.start, [])
        for cue in checked(find_cues(ctx, sent.start, sent.end)):
            if cue.start in taken:
                continue
            raw = _reported(ctx, sent, cue)
            if raw is None and not here:
                raw = _second_verb(ctx, sent, cue)
            if raw is None:
                s, e = left_chunk(ctx, sent.start, cue.start)
                end = ctx.last_visible(sent.start, cue.start)  # "X, who said": the cue's source is X
                in_relative = ctx.text[max(sent.start, end - 6):end].endswith((" who", " which"))
                if here and cue.verb != "according to" and e <= s and not in_relative:
                    extra.append((here[-1], cue))  # ", adding that", "and promised": same speaker
                continue
            found.append(raw)
            here.append(raw)
    return found, extra


def _reported(ctx: Context, sent: Span, cue: Cue) -> Raw | None:
    text = ctx.text
    if cue.verb == "according to":
        s, e = right_chunk(ctx, cue.end, sent.end)
        m = read_mention(ctx, s, e, sent)
        if m is None:
            return None
        long_before = has_words(text, sent.start, cue.start, 3, strip=" ,\u00a0")
        content = trim(text, sent.start, cue.start) if long_before else trim(text, e, sent.end)
        return Raw(sent, cue, m, "indirect", "according_to", content=strip_punct(text, *content))
    if cue.verb == "in the opinion of":  # "In his opinion, ...": the source is the possessive
        poss = words_in(text, cue.start, cue.end)[1]
        m = parse_mention(text, poss.start, poss.end)
        content = trim(text, cue.end, sent.end)
        return Raw(sent, cue, m, "indirect", "according_to", content=strip_punct(text, *content)) if m else None
    reduced = _reduced_relative(ctx, sent, cue)
    if reduced is not None:
        return reduced
    s, e, m = subject(ctx, sent.start, cue.start, sent)
    rule = "cue_subject"
    visible = ctx.last_visible(sent.start, cue.start)  # text[sent.start:visible] is the stretch before the cue
    if m is None and cue.text.endswith("ing"):  # "Putin was quoted by TASS as saying"
        quoted_as = _QUOTED_AS.search(text, max(sent.start, visible - _QUOTED_AS_REACH), visible)
        if quoted_as and quoted_as.end() == visible:
            s, e = left_chunk(ctx, sent.start, quoted_as.start())
            m = read_mention(ctx, s, e, sent)
    if m is None:
        if e > s or visible == sent.start or text[visible - 1] != "," or cue.text.endswith("ing") \
                or cue.row["needs"] == "listener":
            return None  # ", adding that ...", ", urging ...": no source of their own
        s, e = right_chunk(ctx, cue.end, sent.end)
        rule = "cue_after"
        m = read_mention(ctx, s, e, sent) if ends_clause(ctx, e, sent.end) and \
            not opens_with_preposition(ctx, s, e) else None
    if m is None:
        return None
    before = ctx.last_visible(sent.start, s)
    after_that = text.startswith("that", ctx.first_visible(cue.end, sent.end), sent.end)
    if rule == "cue_after":  # ", said X."
        content = trim(text, sent.start, cue.start)
    elif before > sent.start and text[before - 1] == "," and has_words(text, sent.start, before, 3) \
            and not after_that:
        content, rule = trim(text, sent.start, s), "cue_after"  # "..., X said."
    elif cue.verb in _DEMAND_CUES:
        content = _demand(ctx, sent, cue)
    else:
        that = _THAT_AFTER_CUE.match(text, cue.end, sent.end)  # "said at the summit that ..."
        content = trim(text, that.end() if that else cue.end, sent.end)
        if cue.row["needs"] == "clause" and not _FIRST_WORD.search(text, content[0], content[1]) \
                and ":" not in text[cue.end:sent.end] and _NO_QUOTE_MARK.fullmatch(text, sent.start, sent.end):
            return None  # "an associate at gun shows.": a clause verb with no clause is a noun, or says nothing
    return Raw(sent, cue, m, "indirect", rule, content=strip_punct(text, *content))


def _words_after_cue(ctx: Context, cue_end: int, sent_end: int) -> int:
    """Where the words after a cue begin, past a "that" right after it ("said (that) Tom Baker ...")."""
    start = ctx.first_visible(cue_end, sent_end)
    first = _FIRST_WORD.match(ctx.text, start, sent_end)
    return ctx.first_visible(first.end(), sent_end) if first and first.group() == "that" else start


def _demand(ctx: Context, sent: Span, cue: Cue) -> tuple[int, int]:
    """What a demand asks for: "called for an inquiry into the crash that killed two" keeps its "that"
    (only "urged that ..." right after the cue opens a clause); it stops at a semicolon, or at a comma before
    a clause word or another cue (", which the council rejected", ", saying ..."). "and"/"or" after the
    first comma open a new clause; after a later one they end a list ("an inquiry, a refund, and an apology")."""
    text = ctx.text
    start = _words_after_cue(ctx, cue.end, sent.end)
    later = {c.start for c in find_cues(ctx, start, sent.end)}
    commas = 0
    for stop in _DEMAND_STOP.finditer(text, start, sent.end):
        if ctx.in_quote(stop.start()):
            continue
        if stop.group() == ";":
            return trim(text, start, stop.start())
        word = _FIRST_WORD.match(text, ctx.first_visible(stop.end(), sent.end), sent.end)
        if word and (word.start() in later or word.group() in CLAUSE_WORDS and
                     not (commas and word.group() in _LIST_CONJUNCTIONS)):
            return trim(text, start, stop.start())
        commas += 1
    return trim(text, start, sent.end)

def _reduced_relative(ctx: Context, sent: Span, cue: Cue) -> Raw | None:
    """'to settle a lawsuit accusing it of ...': an -ing cue right after a noun phrase (no comma) has that
    noun phrase as its source, not the subject of the sentence."""
    text = ctx.text
    words = ctx.sentence_words(sent)
    n = ctx.words_before(sent, cue.start)  # words[:n] come before the cue
    if not cue.text.endswith("ing") or n < 2 or text[words[n - 1].end:cue.start].strip():
        return None
    last = words[n - 1].text.lower()
    if last in CLAUSE_WORDS or last in _PASSIVE_BEFORE or last in _MODAL_BEFORE or \
            last in _NOT_BEFORE_RELATIVE \
            or last.endswith(("ly", "ed")):
        return None
    k = n - 1
    for j in range(n - 1, max(-1, n - 5), -1):
        if words[j].text.lower() in _NOUN_BEFORE or words[j].text.lower() in _QUANTIFIERS:
            k = j
            break
    if k == 0:
        return None  # the noun phrase opens the sentence: the ordinary subject rule handles it
    if n - k == 3 and words[k].text.lower() in _POSSESSIVES and all(not lookup_noun(w) for w in words[k + 1:n]):
        return None  # "sent his wife messages demanding money": two objects of "sent", no one who speaks
    m = read_mention(ctx, words[k].start, words[n - 1].end, sent)
    if m is None or m.kind == "pronoun":
        return None
    content = trim(text, cue.end, sent.end)
    return Raw(sent, cue, m, "indirect", "cue_subject", content=strip_punct(text, *content))

def _second_verb(ctx: Context, sent: Span, cue: Cue) -> Raw | None:
    """'A source played down the risk, saying ...', 'Experts welcomed it but urged caution': the cue is the
    sentence's second verb, so its source is the noun phrase that opens the sentence."""
    text = ctx.text
    before = ctx.last_visible(sent.start, cue.start)
    words = ctx.sentence_words(sent)
    n = ctx.words_before(sent, cue.start)  # words[:n] come before the cue
    ing_after_comma = cue.text.endswith("ing") and before > sent.start and text[before - 1] == ","
    coordinated = n > 2 and words[n - 1].text in _COORDINATORS
    if not (ing_after_comma or coordinated) or ctx.in_quote(sent.start):
        return None
    lead: list[Span] = []
    for k in range(n):
        w = words[k]
        ok = w.text[:1].isupper() or w.text.lower() in ARTICLES or lookup_noun(w)
        if not ok and lead and w.text in _SUBJECT_PREPOSITIONS and k + 1 < n:
            nxt_w = words[k + 1]  # "An aide to the minister": a prepositional phrase inside the subject
            ok = nxt_w.text[:1].isupper() or nxt_w.text in ARTICLES
        if not ok:
            break
        if len(lead) == MAX_LEAD:
            return None  # a run of capitalised words that long is no subject (and each cue would reread it)
        lead.append(w)
    verb = next((k for k in range(1, min(9, n)) if words[k].text.isalpha() and words[k].text.islower()
                 and (words[k].text.endswith("ed") or words[k].text in _FINITE)), None)
    if verb is not None and len(lead) < verb and all(
            not ctx.text[a.end:b.start].strip() for a, b in pairwise(words[:verb])):
        lead = words[:verb]  # "Local doctors backed ...": everything up to the first verb, no punctuation
    if not lead or lead[-1] is words[n - 1] or text[lead[-1].end:lead[-1].end + 1] in ",;:":
        return None  # nothing but the subject before the cue, or the subject ends in an appositive
    nxt = words[len(lead)].text
    if not nxt.islower() or nxt in CLAUSE_WORDS:
        return None  # the word after the subject must be its verb
    m = read_mention(ctx, lead[0].start, lead[-1].end, sent)
    if m is None or m.kind == "pronoun":
        return None
    content = trim(text, cue.end, sent.end)
    return Raw(sent, cue, m, "indirect", "second_verb", content=strip_punct(text, *content))


def drop_nested(ctx: Context, raws: list[Raw]) -> list[Raw]:
    """Leave out speech reported inside another source's words: "Ann Berg said (that) Tom Baker warned ...".

    Tom Baker does not speak in the article: Ann Berg tells what he said, so only she is a source. The
    inner speaker's phrase must open the outer cue's content (a second clause, "..., and Tom Baker said",
    is speech of its own).
    """
    opens: dict[int, Raw] = {}
    for r in raws:
        cues = list(r.extra)  # ", and said the engineer had warned ...": a second cue of the same speaker
        if r.content is not None and r.cue is not None and r.content[0] >= r.cue.end:
            cues.append(r.cue)  # not "..., X said", where the words come before the cue
        for cue in cues:
            opens.setdefault(_words_after_cue(ctx, cue.end, r.sentence.end), r)
    kept = []
    for r in raws:
        outer = opens.get(r.mention.start) if r.mention is not None else None
        if outer is None or outer is r:
            kept.append(r)
        elif outer.content is not None and r.mention is not None and outer.cue is not None \
                and outer.cue.end <= r.mention.start and not outer.extra:  # the outer words: the whole inner clause
            outer.content = (r.mention.start, outer.content[1])
    return kept
