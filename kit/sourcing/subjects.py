"""The source before a cue: the subject phrase, past up to two appositives.

"Maria Gomez, 64, said", "Tom Hale, 67, who uses the library, told",
"Sen. Tom Harlan, R-Kan., said", "The head of the Pentagon, Lloyd Austin, said".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kit.article import Span, words_in
from kit.lexicons import function_words
from kit.sourcing.cues import find_cues
from kit.sourcing.mentions import DETERMINERS, Mention
from kit.sourcing.phrases import MAX_CHUNK_CHARS, left_chunk, read_mention, trim

if TYPE_CHECKING:
    from kit.sourcing.context import Context

_AUXILIARIES = function_words("auxiliaries")
_RELATIVE = function_words("relative_pronouns")
_WHEN_WORDS = function_words("stop_words") - _RELATIVE  # "on", "in", "yesterday", "last": when, not who
_PREPOSITIONS = function_words("prepositions")  # "for nearly sixty years has defended": a phrase opened by one
_MAX_RELATIVE_HEAD = 8  # words: "the Cycling Union", "Maria Lopez, 64,": a source phrase is short  # "Paul Dressler, has said": the verb's, not the source's
_ADDRESS = re.compile(r"\s*(?:of|from)\s+[A-Z]")  # "of Elm Road", "from Leeds": where a person lives or works
_PARTY_TAG = re.compile(r"\s*[RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*$")  # AP style: "R-Kan.", "D-N.Y."


def subject(ctx: Context, lo: int, cue_start: int, sent: Span) -> tuple[int, int, Mention | None]:
    """The source before a cue, skipping up to two appositives.

    "Maria Gomez, 64, said", "Tom Hale, 67, who uses the library, told", "X, speaking on condition of
    anonymity, said". When the name itself sits between the commas ("The head of the Pentagon, Lloyd
    Austin, said") the name is the source and the phrase before it gives the title.
    """
    s, e = left_chunk(ctx, lo, cue_start)
    if e > s and all(w.text in _AUXILIARIES for w in words_in(ctx.text, s, e)):
        s = e  # "Paul Dressler, has said": the auxiliary belongs to the verb; the source is before the comma
    m = read_mention(ctx, s, e, sent)
    first = ctx.text[s:e].split()[0].lower() if e > s else ""
    if (m is None and first in _WHEN_WORDS) or (m is not None and first in _PREPOSITIONS and m.start == s):
        m, s = None, e  # "who on Wednesday claimed", "that for sixty years has defended": when or how, not who
    if m is None and e <= s:
        clause = _relative_source(ctx, lo, cue_start, sent)  # "Maria Lopez, who said", "the union, which says"
        if clause is not None:
            return clause
        described = _described_source(ctx, lo, cue_start, sent)  # 'A woman described as "a former official" told'
        if described is not None:
            return described
    if m is not None or e > s or ctx.text[cue_start:cue_start + 40].split()[0].endswith("ing"):
        return s, e, m
    comma = _comma_before_auxiliaries(ctx, lo, cue_start, sent)
    if comma < 0:
        return s, e, None
    named = None
    skipped = False  # a party tag or an address was passed over
    for _ in range(3):
        prev_comma = ctx.text.rfind(",", lo, comma)
        if prev_comma < 0:
            if skipped:  # "Sen. Tom Harlan, R-Kan., said": the name opens the sentence
                s2, e2 = left_chunk(ctx, lo, comma)
                m2 = read_mention(ctx, s2, e2, sent)
                if m2 is not None and m2.kind == "person":
                    return s2, e2, m2
            return s, e, None
        appositive = ctx.text[prev_comma + 1:comma]
        relative = re.match(r"\s*(who|which|whose|whom|where|when|[a-z]+ing|[a-z]+ed)\b", appositive)
        if _PARTY_TAG.match(appositive) or _ADDRESS.match(appositive):
            comma, skipped = prev_comma, True  # "Sen. Tom Harlan, R-Kan.," / "John Smith, 45, of Leeds,": no name
            continue
        if len(appositive.split()) > 20 or (find_cues(ctx, prev_comma + 1, comma) and not relative) \
                or re.search(r"[\"“”;:]", appositive):
            return s, e, None  # "..., Ernest said, adding" is not an appositive
        title = None
        if named is None and not relative:
            a_s, a_e = trim(ctx.text, prev_comma + 1, comma)
            inner = read_mention(ctx, a_s, a_e, sent)
            named = (a_s, a_e, inner) if inner is not None and inner.kind == "person" else None
            title = inner.role if inner is not None and inner.kind != "person" else None
        s2, e2 = left_chunk(ctx, lo, prev_comma)
        if _ADDRESS.match(ctx.text[s2:e2]):  # "X, 54, of Elm Road, Dunmore, said": the town is no name
            named, comma = None, prev_comma
            continue
        if _PARTY_TAG.match(ctx.text[s2:e2]):  # "Tom Harlan, R-Kan., who voted no, said"
            prev_comma = ctx.text.rfind(",", lo, s2)
            if prev_comma < 0:
                return s, e, None
            s2, e2 = left_chunk(ctx, lo, prev_comma)
        m2 = read_mention(ctx, s2, e2, sent)
        if named is not None and (m2 is None or m2.kind != "person"):
            a_s, a_e, nm = named
            role = m2.role if m2 is not None and m2.role is not None else nm.role
            return a_s, a_e, replace(nm, role=role, country=nm.country or (m2.country if m2 else None))
        if m2 is not None and m2.kind == "person":  # "the Mayor of Dunmore, Robert Ainsley, whose ..., said"
            before = ctx.text.rfind(",", lo, s2)
            if before >= 0 and not ctx.text[before + 1:s2].strip():
                t_s, t_e = left_chunk(ctx, lo, before)
                m3 = read_mention(ctx, t_s, t_e, sent)
                if m3 is not None and m3.kind == "role_ref" and m3.role is not None:
                    m2 = replace(m2, role=m3.role, country=m2.country or m3.country)
        if m2 is not None:
            if m2.kind == "person" and m2.role is None and title is not None:
                m2 = replace(m2, role=title)  # "Ms. Jones, the mayor, said": she is the mayor
            return s2, e2, m2
        comma = prev_comma
    return s, e, None


def _comma_before_auxiliaries(ctx: Context, lo: int, cue_start: int, sent: Span) -> int:
    """The last comma before the cue with nothing but auxiliaries after it ("Paul Dressler, has said"), or -1.

    Looks back only as far as the last word that is not an auxiliary: a comma before it cannot qualify,
    so a long sentence is not searched again for every cue.
    """
    words = ctx.sentence_words(sent) if sent.start <= lo else words_in(ctx.text, lo, cue_start)
    k = ctx.words_before(sent, cue_start) if sent.start <= lo else len(words)
    floor = lo
    while k > 0 and words[k - 1].end > lo:
        if words[k - 1].text not in _AUXILIARIES:
            floor = words[k - 1].end
            break
        k -= 1
    return ctx.text.rfind(",", floor, cue_start)


def _relative_source(ctx: Context, lo: int, cue_start: int, sent: Span) -> tuple[int, int, Mention] | None:
    """"X, who (has) said ...": the source is the noun phrase right before the comma, read from its end."""
    words = ctx.sentence_words(sent) if sent.start <= lo else words_in(ctx.text, lo, cue_start)
    k = ctx.words_before(sent, cue_start) if sent.start <= lo else len(words)
    while k > 0 and words[k - 1].text in _AUXILIARIES:
        k -= 1
    j = k  # "X, who on Wednesday claimed", "who repeatedly said": a short adverbial between "who" and the cue
    while j > 0 and k - j < 4 and words[j - 1].text not in _RELATIVE:
        j -= 1
    if 0 < j < k and words[j - 1].text in _RELATIVE and (words[j].text.lower() in _WHEN_WORDS
                                                      or words[j].text.lower().endswith("ly")):
        k = j
        while k > 0 and words[k - 1].text in _AUXILIARIES:
            k -= 1
    if k == 0 or words[k - 1].text not in _RELATIVE or words[k - 1].start < lo:
        return None
    chunk = _chunk_before_comma(ctx, lo, words[k - 1].start)
    if chunk is None:
        return None  # "the man who said" with no comma: a restrictive clause, read by the plain rules
    close = ctx.text.find(",", cue_start, sent.end)
    if close >= 0 and any(c.start <= ctx.first_visible(close + 1, sent.end) + 1
                          for c in find_cues(ctx, close + 1, min(sent.end, close + 40))):
        return None  # "The director, who asked not to be named, told Reuters": the main verb comes after
    s, e = chunk
    for _ in range(2):  # the phrase before the comma, or the one before an appositive ("Ann Berg, an engineer, who")
        found = _longest_mention(ctx, s, e, sent, _relative_head, lead_words=DETERMINERS)
        if found is not None:
            at, m = found
            before = _chunk_before_comma(ctx, lo, s) if m.kind == "anonymous" else None
            named = _longest_mention(ctx, *before, sent, lambda x: x.kind == "person") if before else None
            if named is not None:  # "Ann Berg, a retired nurse, who": Ann Berg
                return named[1].start, named[1].end, named[1]
            return at, e, m
        phrase = words_in(ctx.text, s, e)
        before = _chunk_before_comma(ctx, lo, s)
        if before is None or not phrase or phrase[0].text.lower() not in DETERMINERS:
            return None  # only a short description ("a local engineer") may stand between the name and "who"
        s, e = before
    return None


def _relative_head(m: Mention) -> bool:
    """A source a relative clause can follow: no pronoun or document, no unnamed source without a title."""
    return m.kind not in ("pronoun", "document") and (m.kind != "anonymous" or m.role is not None)


def _chunk_before_comma(ctx: Context, lo: int, pos: int) -> tuple[int, int] | None:
    """The phrase that ends at a comma right before `pos` ("Ann Berg" in "Ann Berg, a nurse"), if any."""
    comma = ctx.last_visible(lo, pos)
    if comma <= lo or ctx.text[comma - 1] != ",":
        return None
    return left_chunk(ctx, lo, comma - 1)


def _longest_mention(ctx: Context, s: int, e: int, sent: Span, fits: Callable[[Mention], bool],
                     lead_words: frozenset[str] = frozenset()) -> tuple[int, Mention] | None:
    """The longest source phrase that ends at `e` and fits, with where it was read from: it starts with a
    capital or one of `lead_words` within the last few words ("The witness is Ann Berg": Ann Berg)."""
    phrase = words_in(ctx.text, s, e)
    for j in range(max(0, len(phrase) - _MAX_RELATIVE_HEAD), len(phrase)):
        w = phrase[j].text
        if not (w[:1].isupper() or w.lower() in lead_words):
            continue
        m = read_mention(ctx, phrase[j].start, e, sent)
        if m is not None and m.end >= e and fits(m):
            return phrase[j].start, m
    return None


def _described_source(ctx: Context, lo: int, cue_start: int, sent: Span) -> tuple[int, int, Mention] | None:
    """'A woman described as a "former official" told ...': a short quotation inside the subject, right before
    the cue, describes the source; the source is read before the quotation."""
    end = ctx.last_visible(lo, cue_start)
    q = ctx.scan.containing(end - 1) if end > lo else None
    if q is None or q.outer_end != end or q.outer_start <= lo or len(words_in(ctx.text, q.start, q.end)) > 12:
        return None
    floor = max(lo, q.outer_start - MAX_CHUNK_CHARS)
    start = max([floor] + [ctx.text.rfind(ch, floor, q.outer_start) + 1 for ch in ",;:()"])
    s, e = trim(ctx.text, start, q.outer_start)  # back to punctuation: "as" opens no clause here
    m = read_mention(ctx, s, e, sent)
    if m is None or m.kind in ("pronoun", "document") or m.end >= e:
        return None  # the words before the quotation must go on past the source ("described as a")
    return m.start, m.end, m
