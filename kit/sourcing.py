"""Who speaks in an article, how, and what nobody is said to have said.

`analyse(article)` finds every *attribution*: a source (a person, an
institution, a news agency or an anonymous description), the *cue* that marks
the speech ("said", "according to", "claimed") and what was said, either in
quotation marks (*direct*) or in the writer's words (*indirect*).

The rules, each with an id a student can look up in
`lexicons/sourcing_patterns.csv`:

* A direct quotation takes its speaker from the cue right after it
  (`"...," Putin said`, `"...," said Putin`) or right before it
  (`Putin said: "..."`). A quotation with no cue of its own continues the
  nearest attribution: the other half of a split quote, the same multi-paragraph
  quotation, the same paragraph, or (news convention) the paragraph before.
* Reported speech is a cue verb from `lexicons/cue_verbs.csv` with a source as
  its subject (`Putin said that ...`, `..., Interfax reports.`) or
  "according to" a source.
* The source phrase is read by `kit.speakers`: names are linked to one person,
  "he" to the last person who spoke, "the Russian leader" to the last person
  whose title and country fit.
* An *unattributed claim* is a body sentence in the outlet's own voice (no
  quotation, no cue verb, no "according to") that contains a word from
  `lexicons/sourcing_claim_markers.csv`: a forecast ("will"), a necessity
  ("should"), a claim about intentions ("is ready to"), a judgement
  ("ridiculous") or a superlative. Plain facts (dates, places, who met whom)
  have no such word and are not listed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kit.article import Article, Span, words_in
from kit.errors import KitInputError
from kit.lexicons import read_csv, read_rows
from kit.quotes import Quotation, QuoteScan, find_quotations
from kit.speakers import Entity, Mention, SpeakerBook, is_document, lookup, parse_mention
from kit.syllables import easy_words

_CHUNK_STOP_CHARS = ",;:()[]—–\"“”«»"  # a line break inside a hard-wrapped paragraph is only a space
_CLAUSE_WORDS = {"that", "what", "which", "who", "whom", "whose", "because", "and", "but", "if", "when", "while",
                 "as", "although", "though", "since", "where", "whether", "so", "than", "how", "why", "or",
                 "after", "before", "until", "unless", "once", "whereas"}  # "... rose after two delegates said"
_PASSIVE_BEFORE = {"was", "were", "been", "being", "be", "is", "are", "am", "so", "get", "gets", "got"}
_NOUN_BEFORE = {"the", "a", "an", "his", "her", "its", "their", "this", "these", "those", "our", "my", "your"}
_CLAUSE_OK_AFTER = {"that", "on", "in", "during", "later", "also", "yesterday", "today", "when", "after", "before",
                    "while", "in", "at", "this", "last"}
# "would say", "to claim": a possible or planned statement, not one that was made
_MODAL_BEFORE = {"would", "will", "could", "may", "might", "should", "must", "can", "to", "shall"}


# "X was quoted (by TASS) as saying ...": the source is the subject of the passive verb
# "said at the summit that ...": up to 8 words before "that"; \b after each word keeps it linear on long words
_THAT_AFTER_CUE = re.compile(r"(?:\W*\w+\b){0,8}?\W+that\b")
_QUOTED_AS = re.compile(r"\b(?:was|were|is|has been|had been)\s+(?:quoted|cited|heard)(?:\s+by\s+[^,;]{1,40}?)?\s+as\b")
_PAREN_ACRONYM = re.compile(r"\s\([A-Z][A-Za-z&.]{1,12}\)\s*\Z")  # " (WHO)", " (Defra)" right before a cue
_TITLE_LIST = re.compile(r",\s[A-Z][\w’'-]*(?:,\s[A-Z][\w’'-]*)*,?\s(?:and|&)\s[A-Z]")  # ", Food and Rural"
_AUXILIARIES = {"has", "have", "had", "will", "would", "also", "has also", "later", "previously", "repeatedly",
                "once", "often", "again"}
_LABEL_OBJECT = {"the", "a", "an", "it", "him", "her", "them", "this", "that", "these", "those", "his", "their",
                 "its", "our"}
_PLEA = re.compile(r"\s+(?!that\b)(?:[\w-]+\s+){0,2}?(?:charges?|counts?|offences?|offenses?)\b")
_ADDRESS = re.compile(r"\s*(?:of|from)\s+[A-Z]")  # "of Elm Road", "from Leeds": where a person lives or works
_PARTY_TAG = re.compile(r"\s*[RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*$")  # AP style: "R-Kan.", "D-N.Y."
_POSSESSIVE_THE = {"the", "its", "their", "his", "her", "our", "my", "your"}
_COLON_ROW = {"verb": ":", "class": "neutral", "needs": "", "explanation": "A colon introduces the quotation."}


def lookup_noun(w: Span) -> bool:
    """Whether a word is on the source-noun list ("minister", "officials")."""
    return lookup([w], 0)[1] is not None


# -- data ---------------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _cue_forms() -> dict[tuple[str, ...], dict[str, str]]:
    """Cue verb forms as token tuples -> their CSV row."""
    rows = read_rows("cue_verbs.csv", ("verb", "forms", "class", "needs", "explanation"))
    out: dict[tuple[str, ...], dict[str, str]] = {}
    for r in rows:
        for form in r["forms"].split("|"):
            key = tuple(w.text for w in words_in(form.strip()))
            if key:
                out.setdefault(key, r)
    return out


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[str]:
    """First words of every cue form: most words start none, so the scan skips them at once."""
    return frozenset(key[0] for key in _cue_forms())


@lru_cache(maxsize=1)
def _claim_markers() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    rows = read_rows("sourcing_claim_markers.csv", ("marker", "kind", "explanation"))
    return tuple((tuple(r["marker"].lower().split()), r["kind"], r["explanation"]) for r in rows)


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern:
    """Dates and clock times: "will" in a sentence with one is a timetable, not a forecast.

    The words come from lexicons/sourcing_dates.csv (matched as written, so "May" but not "may");
    the pattern adds years (2026) and clock times (7:30).
    """
    words = sorted((r["word"] for r in read_rows("sourcing_dates.csv", ("word", "explanation"))), key=len, reverse=True)
    alts = "|".join(re.escape(w) + (r"\b" if w[-1].isalnum() else "") for w in words)
    return re.compile(r"\b(?:" + alts + r")|\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\b")


@lru_cache(maxsize=1)
def _markers_by_first() -> dict[str, tuple]:
    """Claim markers indexed by their first word ("'" for suffixes such as 'll)."""
    out: dict[str, tuple] = {}
    for m in _claim_markers():
        key = "'" if m[0][0].startswith("'") else m[0][0]
        out[key] = out.get(key, ()) + (m,)
    return out


@lru_cache(maxsize=1)
def patterns() -> dict[str, str]:
    """Rule id -> the explanation shown to students."""
    return {r["rule"]: r["explanation"] for r in read_rows("sourcing_patterns.csv", ("rule", "example", "explanation"))}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbreviation"] for r in read_csv("abbreviations.csv") if r["kind"] != "may_end")


# -- results ------------------------------------------------------------------------------------------------------
@dataclass
class Attribution:
    """One source saying one thing. `start`/`end` cover the attributing sentence(s); `quote_*` what was said."""

    speaker: str
    mention: str
    cue: str
    cue_class: str
    kind: str  # direct | indirect
    named: bool
    source_type: str  # person | institution | agency | document | anonymous
    start: int
    end: int
    quote_start: int
    quote_end: int
    rule: str
    mention_start: int = -1
    mention_end: int = -1
    cue_start: int = -1
    cue_end: int = -1
    quotes: list[tuple[int, int]] = field(default_factory=list)  # each quoted part, inside the marks
    other_cues: list[str] = field(default_factory=list)
    variant: str | None = None

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in (
            "speaker", "mention", "cue", "cue_class", "kind", "named", "source_type", "start", "end",
            "quote_start", "quote_end", "rule", "mention_start", "mention_end", "cue_start", "cue_end",
            "other_cues", "variant")}
        for k in ("mention_start", "mention_end", "cue_start", "cue_end"):
            if d[k] < 0:  # no mention or cue of its own (it carries on the previous attribution)
                d[k] = None
        d["quotes"] = [{"start": s, "end": e} for s, e in self.quotes]
        d["why"] = patterns().get(self.rule, "")
        return d


@dataclass
class SpeakerSummary:
    speaker: str
    source_type: str
    named: bool
    direct: int
    indirect: int
    quoted_words: int
    share_of_quoted_words: float
    variants: list[str]
    mentions: list[str]

    @property
    def total(self) -> int:
        return self.direct + self.indirect

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in (
            "speaker", "direct", "indirect", "quoted_words", "share_of_quoted_words", "named", "source_type",
            "variants", "mentions")}


@dataclass(frozen=True)
class Unattributed(Span):
    """A sentence (or quotation) with no source. `kind`: claim | quote | scare_quote."""

    why: str
    kind: str
    markers: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "why": self.why, "kind": self.kind,
                "markers": list(self.markers)}


UNATTRIBUTED_RULE = (
    "A body sentence in the outlet's own voice (no quotation, no cue verb, no 'according to') that forecasts, "
    "demands, claims to know intentions, judges or uses a superlative. Plain facts are not listed."
)


@dataclass
class Sourcing:
    text: str
    attributions: list[Attribution]
    speakers: list[SpeakerSummary]
    unattributed: list[Unattributed]
    unbalanced: list[Span] = field(default_factory=list)
    headline_sources: list[dict] = field(default_factory=list)  # "Putin: ..." in the headline or a subhead
    _quote_index: list[tuple[int, int, str]] | None = field(default=None, init=False, repr=False, compare=False)
    _quote_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def speaker_of(self, offset: int) -> str | None:
        """Canonical speaker of the direct quotation containing `offset` (None outside quotations)."""
        if self._quote_index is None:  # built once: loaded language asks for every match
            self._quote_index = sorted((s, e, a.speaker) for a in self.attributions if a.kind == "direct"
                                       for s, e in a.quotes)
            self._quote_starts = [q[0] for q in self._quote_index]
        i = bisect_right(self._quote_starts, offset) - 1  # quoted parts never overlap
        if i >= 0 and offset < self._quote_index[i][1]:
            return self._quote_index[i][2]
        return None

    def counts(self) -> dict[str, int]:
        a = self.attributions
        return {
            "attributions": len(a),
            "direct": sum(x.kind == "direct" for x in a),
            "indirect": sum(x.kind == "indirect" for x in a),
            "named": sum(x.named for x in a),
            "anonymous": sum(not x.named for x in a),
            **{t: sum(x.source_type == t for x in a) for t in ("person", "institution", "agency", "document", "anonymous")},
        }

    def cue_counts(self) -> list[tuple[str, int, str]]:
        """(cue, times used, class), most used first."""
        c = Counter((a.cue, a.cue_class) for a in self.attributions if a.cue and a.cue_start >= 0)
        for a in self.attributions:
            for extra in a.other_cues:
                c[(extra, _cue_class(extra))] += 1
        return [(cue, n, cls) for (cue, cls), n in c.most_common()]

    def to_dict(self) -> dict:
        return {
            "attributions": [a.to_dict() for a in self.attributions],
            "speakers": [s.to_dict() for s in self.speakers],
            "unattributed": [u.to_dict() for u in self.unattributed],
            "unattributed_rule": UNATTRIBUTED_RULE,
            "unbalanced_quote_marks": [{"start": u.start, "end": u.end, "text": u.text} for u in self.unbalanced],
            "counts": self.counts(),
            "headline_sources": self.headline_sources,
            "cues": [{"cue": c, "count": n, "class": cls} for c, n, cls in self.cue_counts()],
        }


def _squash(s: str) -> str:
    return " ".join(s.split())


def _cue_class(cue: str) -> str:
    row = _cue_forms().get(tuple(w.text for w in words_in(cue.lower())))
    return row["class"] if row else "neutral"


# -- finding attributions ----------------------------------------------------------------------------------------
@dataclass
class _Cue:
    start: int
    end: int
    text: str
    row: dict

    @property
    def verb(self) -> str:
        return self.row["verb"]


@dataclass
class _Raw:
    """An attribution before its speaker is resolved."""

    sentence: Span
    cue: _Cue | None
    mention: Mention | None
    kind: str
    rule: str
    quotes: list[Quotation] = field(default_factory=list)
    content: tuple[int, int] | None = None
    extra: list[_Cue] = field(default_factory=list)
    inherit: "_Raw | None" = None
    entity: Entity | None = None
    variant: str | None = None


class _Finder:
    """Finds the attributions of one article in three passes: quotations, reported speech, leftover quotations."""

    def __init__(self, article: Article, scan: QuoteScan):
        self.a = article
        self.text = article.text
        self.scan = scan
        self.sents = article.body_sentences
        self._starts = [s.start for s in self.sents]
        body = {p.index for p in article.body_paragraphs}
        self.quotes = [q for q in scan.quotations if q.paragraph in body]
        self.raws: list[_Raw] = []
        self.by_cue: dict[int, _Raw] = {}
        self.pending: list[Quotation] = []
        self.unquoted: list[Quotation] = []
        self.book = SpeakerBook(article.text)
        self.book.prescan(article)

    # -- small helpers ------------------------------------------------------------------------------------------
    def sentence_at(self, offset: int) -> Span:
        i = max(0, bisect_right(self._starts, offset) - 1)
        return self.sents[i]

    def in_quote(self, pos: int) -> bool:
        return self.scan.containing(pos) is not None

    def cues(self, start: int, end: int) -> list[_Cue]:
        """Cue verbs in text[start:end] outside quotations, used as verbs (not "was told", "his claims")."""
        text = self.text
        toks = words_in(text, start, end)
        out: list[_Cue] = []
        i = 0
        while i < len(toks):
            hit = self._cue_form_at(toks, i)
            after_cue = i > 0 and bool(out) and out[-1].end == toks[i - 1].end  # "denied reports": a noun
            if hit and not after_cue and not self.in_quote(toks[i].start) and \
                    self._used_as_cue(toks, i, hit[0], hit[1], end):
                n, row = hit
                out.append(_Cue(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], row))
                i += n
                continue
            i += 1
        return out

    def _cue_form_at(self, toks: list[Span], i: int) -> tuple[int, dict] | None:
        """(number of words, CSV row) when a cue form ("said", "pointed out", "According to") starts at token i."""
        first = toks[i].text
        if first not in _cue_first_words() and not (first in ("According", "In")):
            return None
        forms = _cue_forms()
        for n in (3, 2, 1):
            key = tuple(t.text for t in toks[i:i + n])
            if len(key) < n:
                continue
            if key[0] in ("According", "In"):  # may open the sentence
                key = (key[0].lower(),) + key[1:]
            gaps_ok = all(self.text[toks[k].end:toks[k + 1].start].isspace() for k in range(i, i + n - 1))
            if key in forms and gaps_ok:
                return n, forms[key]
        return None

    def _used_as_cue(self, toks: list[Span], i: int, n: int, row: dict, end: int) -> bool:
        if row["verb"] == "according to":
            return True
        prev = toks[i - 1].text.lower() if i > 0 else ""
        if i > 0 and self.text[toks[i - 1].end:toks[i].start].strip():
            prev = ""  # "ends in May, said": punctuation between, so "May" is no modal of the cue
        if prev in _PASSIVE_BEFORE or prev in _NOUN_BEFORE or prev in _MODAL_BEFORE:
            return False
        for t in toks[max(0, i - 2):i]:  # "have not said", "declined to say": nothing was said
            low = t.text.lower()
            if low in ("not", "never", "declined", "refused") or low.endswith(("n't", "n’t")):
                return False
        nxt = toks[i + n].text.lower() if i + n < len(toks) else ""
        if toks[i + n - 1].text.endswith("ing") and i >= 2 and toks[i - 2].text.lower() in ("a", "an") \
                and nxt in ("for", "of", "over", "about", "on", "against", "from", "to", "in"):
            return False  # "a yellow warning for ice", "an amber warning for wind": a noun, not a verb
        if row["verb"] == "call" and n == 1 and nxt not in _LABEL_OBJECT:
            return False  # "a group called Hamas", "the so-called": naming, not speaking; "called the plan a ..."
        if row["verb"] in ("admit", "deny") and _PLEA.match(self.text, toks[i + n - 1].end, end):
            return False  # "admitted 11 counts of fraud", "denied the charges": a plea in court, not a statement
        if row["needs"] == "clause":
            after = self.text[toks[i + n - 1].end:end].lstrip(" \u00a0")
            m = re.match(r"[^\W_]+", after)
            if m and (m.group().islower() or m.group().isdigit()) and m.group() not in _CLAUSE_OK_AFTER:
                s, e = self.left_chunk(toks[0].start, toks[i].start)
                return e > s and is_document(self.text, s, e)  # "The survey found most voters ...": no "that"
        return True

    def left_chunk(self, lo: int, hi: int) -> tuple[int, int]:
        """The phrase right before a cue: back to a comma, a quotation mark or a clause word."""
        text = self.text
        i = hi
        while i > lo:
            if text[i - 1] == ")":  # "the World Health Organization (WHO) said": the acronym is part of the name
                acronym = _PAREN_ACRONYM.search(text, lo, i)
                if acronym:
                    i = acronym.start()
                    continue
            if text[i - 1] == "," and _TITLE_LIST.match(text, i - 1, hi):
                i -= 1  # "the Department for Environment, Food and Rural Affairs": one name with commas
                continue
            if text[i - 1] in _CHUNK_STOP_CHARS or self._quote_end_at(i):
                break
            i -= 1
        words = words_in(text, i, hi)
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w.text in ("and", "&") and 0 < k < len(words) - 1 and words[k - 1].text[:1].isupper() \
                    and words[k + 1].text[:1].isupper() and _inside_body_name(words, k):
                continue  # "Department of Health and Human Services": inside a name
            if w.text in _CLAUSE_WORDS or (w.text,) in _cue_forms():  # "said [that] some employees asked"
                i = w.end
                break
        return _trim(text, i, hi)

    def _quote_end_at(self, i: int) -> bool:
        q = self.scan.containing(i - 1)
        return q is not None and q.outer_end == i

    def right_chunk(self, lo: int, hi: int) -> tuple[int, int]:
        """The phrase right after a cue ("said Dr. Ann Lee, who ..."): up to punctuation that ends it."""
        text = self.text
        i = lo
        while i < hi:
            ch = text[i]
            if ch in _CHUNK_STOP_CHARS or ch in "!?":
                break
            if ch == ".":
                word = re.search(r"([^\W_]+(?:\.[^\W_]+)*)$", text[lo:i])
                w = word.group(1) if word else ""
                if not (w.lower() in _abbreviations() or (len(w) == 1 and w.isupper()) or "." in w):
                    break
            i += 1
        return _trim(text, lo, i)

    def subject(self, lo: int, cue_start: int, sent: Span) -> tuple[int, int, Mention | None]:
        """The source before a cue, skipping up to two appositives.

        "Maria Gomez, 64, said", "Tom Hale, 67, who uses the library, told", "X, speaking on condition of
        anonymity, said". When the name itself sits between the commas ("The head of the Pentagon, Lloyd
        Austin, said") the name is the source and the phrase before it gives the title.
        """
        s, e = self.left_chunk(lo, cue_start)
        if e > s and all(w.text in _AUXILIARIES for w in words_in(self.text, s, e)):
            s = e  # "Paul Dressler, has said": the auxiliary belongs to the verb; the source is before the comma
        m = self.mention(s, e, sent)
        if m is not None or e > s or self.text[cue_start:cue_start + 40].split()[0].endswith("ing"):
            return s, e, m
        comma = self.text.rfind(",", lo, cue_start)
        if comma < 0 or any(w.text not in _AUXILIARIES for w in words_in(self.text, comma + 1, cue_start)):
            return s, e, None
        named = None
        for _ in range(3):
            prev_comma = self.text.rfind(",", lo, comma)
            if prev_comma < 0:
                return s, e, None
            appositive = self.text[prev_comma + 1:comma]
            relative = re.match(r"\s*(who|which|whose|whom|where|when|[a-z]+ing|[a-z]+ed)\b", appositive)
            if _PARTY_TAG.match(appositive) or _ADDRESS.match(appositive):
                comma = prev_comma  # "Sen. Tom Harlan, R-Kan.," / "John Smith, 45, of Leeds,": not a name
                continue
            if len(appositive.split()) > 20 or (self.cues(prev_comma + 1, comma) and not relative) \
                    or re.search(r"[\"“”;:]", appositive):
                return s, e, None  # "..., Ernest said, adding" is not an appositive
            title = None
            if named is None and not relative:
                a_s, a_e = _trim(self.text, prev_comma + 1, comma)
                inner = self.mention(a_s, a_e, sent)
                named = (a_s, a_e, inner) if inner is not None and inner.kind == "person" else None
                title = inner.role if inner is not None and inner.kind != "person" else None
            s2, e2 = self.left_chunk(lo, prev_comma)
            if _ADDRESS.match(self.text[s2:e2]):  # "X, 54, of Elm Road, Dunmore, said": the town is no name
                named, comma = None, prev_comma
                continue
            if _PARTY_TAG.match(self.text[s2:e2]):  # "Tom Harlan, R-Kan., who voted no, said"
                prev_comma = self.text.rfind(",", lo, s2)
                if prev_comma < 0:
                    return s, e, None
                s2, e2 = self.left_chunk(lo, prev_comma)
            m2 = self.mention(s2, e2, sent)
            if named is not None and (m2 is None or m2.kind != "person"):
                a_s, a_e, nm = named
                role = m2.role if m2 is not None and m2.role is not None else nm.role
                return a_s, a_e, replace(nm, role=role, country=nm.country or (m2.country if m2 else None))
            if m2 is not None and m2.kind == "person":  # "the Mayor of Dunmore, Robert Ainsley, whose ..., said"
                before = self.text.rfind(",", lo, s2)
                if before >= 0 and not self.text[before + 1:s2].strip():
                    t_s, t_e = self.left_chunk(lo, before)
                    m3 = self.mention(t_s, t_e, sent)
                    if m3 is not None and m3.kind == "role_ref" and m3.role is not None:
                        m2 = replace(m2, role=m3.role, country=m2.country or m3.country)
            if m2 is not None:
                if m2.kind == "person" and m2.role is None and title is not None:
                    m2 = replace(m2, role=title)  # "Ms. Jones, the mayor, said": she is the mayor
                return s2, e2, m2
            comma = prev_comma
        return s, e, None

    def _ends_clause(self, e: int, hi: int) -> bool:
        """An inverted source ("said Dr. Lee") is followed by punctuation or the end, not by more clause."""
        rest = self.text[e:hi].lstrip(" \u00a0\n")
        return not rest or rest[0] in ".,;!?:—–)"

    def mention(self, s: int, e: int, sentence: Span) -> Mention | None:
        """The source named by text[s:e] (see kit.speakers), with two fixes that need the whole article."""
        if e <= s:
            return None
        if is_document(self.text, s, e):  # "figures published by NHS England": NHS England is the source
            owner = re.match(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)['’]s\s", self.text[s:e])
            if owner:  # "Putin's statement", "Smith's report": the person is the source
                m = parse_mention(self.text, s, s + owner.end(1))
                if m is not None and m.kind == "person":
                    return m
            for w in words_in(self.text, s, e):
                if w.text in ("from", "by", "of"):
                    inner = parse_mention(self.text, w.end, e)
                    if inner is not None and not is_document(self.text, inner.start, inner.end):
                        return inner
        m = parse_mention(self.text, s, e)
        if m is None:  # "a statement from the ministry": the source is after the preposition
            for w in words_in(self.text, s, e):
                if w.text in ("from", "by", "of"):
                    return self.mention(w.end, e, sentence)
            return None
        if m.kind == "person" and len(m.name) == 1 and m.start == sentence.start and _group_word(m.name[0]) \
                and not any(ent.surname == m.name[0] for ent in self.book.entities):
            # "Doctors said", "Commuters in London told": a capitalised common word opens the sentence, not a name
            return Mention(m.start, m.end, m.text, "anonymous", plural=m.name[0].endswith("s"))
        rest = words_in(self.text, m.end, e)
        if m.kind == "person" and len(m.name) == 1 and m.start == sentence.start and rest \
                and all(w.text.isalpha() and w.text.islower() for w in rest) \
                and rest[-1].text.endswith("s") and not rest[-1].text.endswith(("ss", "us", "is")):
            # "Local doctors said": a capitalised adjective opens the sentence before a plural noun; no name
            return Mention(m.start, rest[-1].end, self.text[m.start:rest[-1].end], "anonymous", plural=True)
        return m

    # -- direct quotations --------------------------------------------------------------------------------------
    def direct(self) -> None:
        for q in self.quotes:
            found = self._quote_cue(q)
            if found is None:
                self.pending.append(q)
                continue
            cue, m, rule = found
            raw = self.by_cue.get(cue.start)
            if raw is not None:  # the other half of a split quotation
                raw.quotes.append(q)
                continue
            raw = _Raw(self.sentence_at(cue.start), cue, m, "direct", rule, [q])
            self.by_cue[cue.start] = raw
            self.raws.append(raw)

    def _neighbours(self, q: Quotation) -> tuple[int, int]:
        same = [x for x in self.quotes if x.paragraph == q.paragraph]
        k = same.index(q)
        prev_end = same[k - 1].outer_end if k > 0 else -1
        next_start = same[k + 1].outer_start if k + 1 < len(same) else 10 ** 12
        return prev_end, next_start

    def _quote_cue(self, q: Quotation) -> tuple[_Cue, Mention, str] | None:
        """Colon cue before the quote, else a cue right after it, else a comma cue right before it."""
        left = self._left_cue(q)
        if left and left[2] == "colon_quote":
            return left
        return self._right_cue(q) or left or self._colon_subject(q)

    def _colon_subject(self, q: Quotation) -> tuple[_Cue, Mention, str] | None:
        """'Wes Streeting was blunt: "..."': no cue verb, but the sentence's subject introduces the quotation."""
        sent = self.sentence_at(q.outer_start)
        before = self.text[sent.start:q.outer_start].rstrip()
        if not before.endswith(":") or self.cues(sent.start, q.outer_start):
            return None
        lead = []
        for w in words_in(self.text, sent.start, q.outer_start):
            if not (w.text[:1].isupper() or w.text.lower() in ("the", "a", "an") or lookup_noun(w)):
                break
            lead.append(w)
        if not lead:
            return None
        m = self.mention(lead[0].start, lead[-1].end, sent)
        if m is None:
            return None
        colon = sent.start + len(before) - 1
        return _Cue(colon, colon + 1, ":", _COLON_ROW), m, "colon_no_verb"

    def _left_cue(self, q: Quotation) -> tuple[_Cue, Mention, str] | None:
        prev_end, _ = self._neighbours(q)
        sent = self.sentence_at(q.outer_start)
        lo = max(sent.start, prev_end)
        cues = self.cues(lo, q.outer_start)
        if not cues:
            return None
        cue = cues[-1]
        tail = self.text[cue.end:q.outer_start]
        if re.search(r"[.!?\"“”]", tail) or len(tail.split()) > 6:
            return None
        punct = tail.rstrip()[-1:] if tail.strip() else ""
        if punct != ":" and len(tail.split()) > 4:
            return None
        s, e = self.left_chunk(lo, cue.start)
        if e <= s and prev_end > 0:  # `"...," he said, "..."` is found from the first half
            return None
        s, e, m = self.subject(lo, cue.start, sent)
        if m is None:
            return None
        rule = "colon_quote" if punct == ":" else ("same_quote" if prev_end >= lo else "cue_then_quote")
        return cue, m, rule

    def _right_cue(self, q: Quotation) -> tuple[_Cue, Mention, str] | None:
        if not q.closed:
            return None
        _, next_start = self._neighbours(q)
        para = self.a.paragraphs[q.paragraph]
        sent_end = self.sentence_at(q.outer_end - 1).end
        if sent_end <= q.outer_end:  # the sentence ends with the quotation ...
            if q.text.rstrip()[-1:] not in "?!" or sent_end >= para.end:
                return None
            rest = self.text[q.outer_end:para.end]
            nxt = q.outer_end + len(rest) - len(rest.lstrip())
            sent_end = self.sentence_at(nxt).end  # ... except '"Why now?" Lee asked.', split after the "?"
        hi = min(next_start, para.end, sent_end)
        cues = self.cues(q.outer_end, hi)
        if not cues:
            return None
        cue = cues[0]
        sent = self.sentence_at(cue.start)
        s, e, m = self.subject(q.outer_end, cue.start, sent)
        if self.text[q.outer_end:s].strip(" ,\u00a0\n"):
            return None  # something other than the speaker stands between quote and cue
        if e <= s:
            if cue.text.endswith("ing"):
                return None
            s, e = self.right_chunk(cue.end, hi)
            if not self._ends_clause(e, hi):
                return None
        m = self.mention(s, e, sent)
        return (cue, m, "quote_then_cue") if m else None

    # -- reported speech ----------------------------------------------------------------------------------------
    def indirect(self) -> None:
        by_sentence: dict[int, list[_Raw]] = {}
        for r in self.raws:
            by_sentence.setdefault(r.sentence.start, []).append(r)
        for sent in self.sents:
            here = by_sentence.get(sent.start, [])
            for cue in self.cues(sent.start, sent.end):
                if cue.start in self.by_cue:
                    continue
                raw = self._reported(sent, cue)
                if raw is None and not here:
                    raw = self._second_verb(sent, cue)
                if raw is None:
                    s, e = self.left_chunk(sent.start, cue.start)
                    in_relative = self.text[sent.start:cue.start].rstrip().endswith((" who", " which"))
                    if here and cue.verb != "according to" and e <= s and not in_relative:
                        here[-1].extra.append(cue)  # ", adding that", "and promised": same speaker
                    continue
                self.raws.append(raw)
                here.append(raw)

    def _reported(self, sent: Span, cue: _Cue) -> _Raw | None:
        text = self.text
        if cue.verb == "according to":
            s, e = self.right_chunk(cue.end, sent.end)
            m = self.mention(s, e, sent)
            if m is None:
                return None
            before = text[sent.start:cue.start].strip(" ,\u00a0")
            content = _trim(text, sent.start, cue.start) if len(before.split()) >= 3 else _trim(text, e, sent.end)
            return _Raw(sent, cue, m, "indirect", "according_to", content=_strip_punct(text, *content))
        if cue.verb == "in the opinion of":  # "In his opinion, ...": the source is the possessive
            poss = words_in(text, cue.start, cue.end)[1]
            m = parse_mention(text, poss.start, poss.end)
            content = _trim(text, cue.end, sent.end)
            return _Raw(sent, cue, m, "indirect", "according_to", content=_strip_punct(text, *content)) if m else None
        reduced = self._reduced_relative(sent, cue)
        if reduced is not None:
            return reduced
        s, e, m = self.subject(sent.start, cue.start, sent)
        rule = "cue_subject"
        quoted_as = _QUOTED_AS.search(text, sent.start, cue.start)
        if m is None and quoted_as and quoted_as.end() == sent.start + len(text[sent.start:cue.start].rstrip()) and cue.text.endswith("ing"):
            s, e = self.left_chunk(sent.start, quoted_as.start())  # "Putin was quoted by TASS as saying"
            m = self.mention(s, e, sent)
        if m is None:
            if e > s or not text[sent.start:cue.start].rstrip().endswith(",") or cue.text.endswith("ing"):
                return None  # ", adding that ...", ", urging ...": no source of their own
            s, e = self.right_chunk(cue.end, sent.end)
            rule = "cue_after"
            m = self.mention(s, e, sent) if self._ends_clause(e, sent.end) else None
        if m is None:
            return None
        before = text[sent.start:s].rstrip()
        after = text[cue.end:sent.end].lstrip()
        if rule == "cue_after":  # ", said X."
            content = _trim(text, sent.start, cue.start)
        elif before.endswith(",") and len(before.split()) >= 3 and not after.startswith("that"):
            content, rule = _trim(text, sent.start, s), "cue_after"  # "..., X said."
        else:
            that = _THAT_AFTER_CUE.match(text[cue.end:sent.end])  # "said at the summit that ..."
            content = _trim(text, cue.end + (that.end() if that else 0), sent.end)
        return _Raw(sent, cue, m, "indirect", rule, content=_strip_punct(text, *content))

    def _reduced_relative(self, sent: Span, cue: _Cue) -> _Raw | None:
        """'to settle a lawsuit accusing it of ...': an -ing cue right after a noun phrase (no comma) has that
        noun phrase as its source, not the subject of the sentence."""
        text = self.text
        words = words_in(text, sent.start, cue.start)
        if not cue.text.endswith("ing") or len(words) < 2 or text[words[-1].end:cue.start].strip():
            return None
        last = words[-1].text.lower()
        if last in _CLAUSE_WORDS or last in _PASSIVE_BEFORE or last in _MODAL_BEFORE or \
                last in ("as", "by", "of", "for", "after", "before", "without", "while", "on", "in", "about") \
                or last.endswith(("ly", "ed")):
            return None
        k = len(words) - 1
        for j in range(len(words) - 1, max(-1, len(words) - 5), -1):
            if words[j].text.lower() in _NOUN_BEFORE or words[j].text.lower() in ("two", "three", "several", "some"):
                k = j
                break
        if k == 0:
            return None  # the noun phrase opens the sentence: the ordinary subject rule handles it
        m = self.mention(words[k].start, words[-1].end, sent)
        if m is None or m.kind == "pronoun":
            return None
        content = _trim(text, cue.end, sent.end)
        return _Raw(sent, cue, m, "indirect", "cue_subject", content=_strip_punct(text, *content))

    def _second_verb(self, sent: Span, cue: _Cue) -> _Raw | None:
        """'A source played down the risk, saying ...', 'Experts welcomed it but urged caution': the cue is the
        sentence's second verb, so its source is the noun phrase that opens the sentence."""
        text = self.text
        before = text[sent.start:cue.start].rstrip()
        words = words_in(text, sent.start, cue.start)
        ing_after_comma = cue.text.endswith("ing") and before.endswith(",")
        coordinated = len(words) > 2 and words[-1].text in ("and", "but")
        if not (ing_after_comma or coordinated) or self.in_quote(sent.start):
            return None
        lead: list[Span] = []
        for k, w in enumerate(words):
            ok = w.text[:1].isupper() or w.text.lower() in ("the", "a", "an") or lookup_noun(w)
            if not ok and lead and w.text in ("of", "to", "at", "for", "in", "from") and k + 1 < len(words):
                nxt_w = words[k + 1]  # "An aide to the minister": a prepositional phrase inside the subject
                ok = nxt_w.text[:1].isupper() or nxt_w.text in ("the", "a", "an")
            if not ok:
                break
            lead.append(w)
        verb = next((k for k, w in enumerate(words[:9]) if k > 0 and w.text.isalpha() and w.text.islower()
                     and (w.text.endswith("ed") or w.text in ("has", "have", "had", "was", "were", "is", "are"))), None)
        if verb is not None and len(lead) < verb and all(
                not self.text[a.end:b.start].strip() for a, b in zip(words[:verb], words[1:verb])):
            lead = words[:verb]  # "Local doctors backed ...": everything up to the first verb, no punctuation
        if not lead or lead[-1] is words[-1] or text[lead[-1].end:lead[-1].end + 1] in ",;:":
            return None  # nothing but the subject before the cue, or the subject ends in an appositive
        nxt = words[len(lead)].text
        if not nxt.islower() or nxt in _CLAUSE_WORDS:
            return None  # the word after the subject must be its verb
        m = self.mention(lead[0].start, lead[-1].end, sent)
        if m is None or m.kind == "pronoun":
            return None
        content = _trim(text, cue.end, sent.end)
        return _Raw(sent, cue, m, "indirect", "second_verb", content=_strip_punct(text, *content))

    # -- quotations with no cue of their own -------------------------------------------------------------------
    def continuations(self) -> None:
        for q in self.pending:
            host, rule = self._host(q)
            if host is None:
                self.unquoted.append(q)
            elif (host.kind == "direct" and rule != "quoted_paragraph") or rule == "partial_quote":
                host.quotes.append(q)
                if host.kind != "direct":
                    host.kind, host.rule = "direct", "partial_quote"
            else:
                raw = _Raw(self.sentence_at(q.outer_start), None, None, "direct", rule, [q], inherit=host)
                self.raws.append(raw)

    def _host(self, q: Quotation) -> tuple[_Raw | None, str]:
        for r in self.raws:  # the same quotation running over several paragraphs
            if any(x.group == q.group for x in r.quotes):
                return r, "same_group"
        sent = self.sentence_at(q.outer_start)
        for r in self.raws:
            if r.sentence == sent and r.kind == "indirect" and r.content and r.content[0] <= q.outer_start:
                return r, "partial_quote"
        para = self.a.paragraphs[q.paragraph]
        before = [r for r in self.raws if para.start <= r.sentence.start < q.outer_start]
        if before:
            return max(before, key=lambda r: r.sentence.start), "same_paragraph"
        whole = q.outer_start == para.start and q.outer_end >= para.end - 2
        prev = self.a.paragraphs[q.paragraph - 1] if q.paragraph > 0 else None
        if whole and prev is not None and prev.role == "body":
            earlier = [r for r in self.raws if prev.start <= r.sentence.start < prev.end]
            if earlier:
                return max(earlier, key=lambda r: r.sentence.start), "quoted_paragraph"
        return None, ""

    # -- speakers -----------------------------------------------------------------------------------------------
    def resolve(self) -> None:
        """Resolve mentions in reading order, so "he" and "the official" see only what came before."""
        for raw in sorted((r for r in self.raws if r.mention), key=lambda r: r.mention.start):
            ent, variant = self.book.resolve(raw.mention)
            if ent is None:  # a pronoun with nobody before it
                ent = Entity(raw.mention.text, "anonymous")
                self.book.entities.append(ent)
            ent.spoke_at.append(raw.mention.start)
            raw.entity, raw.variant = ent, variant
        for raw in self.raws:
            if raw.inherit is not None:
                raw.entity = raw.inherit.entity
                raw.cue = raw.inherit.cue


def _inside_body_name(words: list[Span], k: int) -> bool:
    """Whether the "and" at words[k] sits in a capitalised body's name ("Department of Health and Human
    Services"), not between two sources ("Putin and Lukashenko", "Ukraine and Russia")."""
    for w in reversed(words[:k]):
        if not (w.text[:1].isupper() or w.text in ("of", "for", "the", "on")):
            return False
        if w.text[:1].isupper():
            noun = lookup([w], 0)[1]
            if noun is not None and noun.kind == "institution":
                return True
    return False


def _group_word(word: str) -> bool:
    """A common word or a plural-looking word ("Commuters"): never a person's name when it stands alone."""
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "as", "os")) and w[:-1] in easy_words() or \
        w.endswith("ers") or w.endswith("ents") or w.endswith("ists")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \u00a0\n\t,":
        s += 1
    while e > s and text[e - 1] in " \u00a0\n\t,":
        e -= 1
    return s, e


def _strip_punct(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in ".,;: \u00a0":
        e -= 1
    return s, e


# -- assembling ---------------------------------------------------------------------------------------------------
def _merge(raws: list[_Raw]) -> list[_Raw]:
    """One attribution per sentence and speaker: extra cues of the same speaker become `other_cues`."""
    out: list[_Raw] = []
    first: dict[tuple[int, int], _Raw] = {}
    for r in sorted(raws, key=lambda r: (r.sentence.start, r.cue.start if r.cue else r.sentence.start)):
        key = (r.sentence.start, id(r.entity))
        same = first.get(key) if r.inherit is None else None
        if same is None:
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


def _attribution(f: _Finder, r: _Raw) -> Attribution:
    ent = r.entity
    pieces = [r.sentence] + [f.sentence_at(q.outer_start) for q in r.quotes] + \
             [f.sentence_at(q.outer_end - 1) for q in r.quotes]
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
        mention_start=r.mention.start if r.mention else -1, mention_end=r.mention.end if r.mention else -1,
        cue_start=cue.start if own_cue else -1, cue_end=cue.end if own_cue else -1,
        quotes=quotes, other_cues=[c.text.lower() for c in r.extra], variant=r.variant,
    )


def _summaries(text: str, attributions: list[Attribution]) -> list[SpeakerSummary]:
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


def _marker_hits(text: str, start: int, end: int, f: _Finder) -> list[tuple[str, str, str]]:
    """(marker, kind, explanation) for each claim marker in the sentence outside quotations."""
    toks = [w for w in words_in(text, start, end) if not f.in_quote(w.start)]
    low = [t.text.lower().replace("’", "'") for t in toks]
    hits: list[tuple[str, str, str]] = []
    scheduled: set[int] = set()
    by_first = _markers_by_first()
    for i in range(len(low)):
        cands = by_first.get(low[i], ()) + tuple(m for m in by_first.get("'", ()) if low[i].endswith(m[0][0]))
        for words, kind, why in cands:
            if words[0].startswith("'"):
                ok = len(words) == 1 and low[i].endswith(words[0])
            else:
                ok = tuple(low[i:i + len(words)]) == words
            if not ok:
                continue
            if kind == "scheduled":
                scheduled.add(i)
            elif kind != "not_a_claim":
                hits.append((i, " ".join(words), kind, why))
    for i in range(1, len(low)):  # "the cheapest", "its biggest": a superlative not on the list
        if low[i - 1] in _POSSESSIVE_THE and low[i].endswith("est") and len(low[i]) > 5 and low[i].isalpha():
            if not any(k in ("superlative", "not_a_claim") and tuple(low[i - 1:i + 1]) == w
                       for w, k, _ in _claim_markers()):
                hits.append((i, f"{low[i - 1]} {low[i]}", "superlative",
                             "A superlative (-est): compared with what, and who says so?"))
    dated = _date_re().search(text, start, end) is not None
    return [(m, k, w) for i, m, k, w in hits if not ((i in scheduled or dated) and k == "forecast")]


def _unattributed(f: _Finder, attributions: list[Attribution]) -> list[Unattributed]:
    text = f.text
    covered = sorted([(a.start, a.end) for a in attributions] + [(q.outer_start, q.outer_end) for q in f.quotes])
    starts = [c[0] for c in covered]
    reach, furthest = [], -1  # furthest end among the spans starting at or before each start
    for _, ce in covered:
        furthest = max(furthest, ce)
        reach.append(furthest)
    out: list[Unattributed] = []
    for s in f.sents:
        k = bisect_right(starts, s.end - 1) - 1  # spans starting before the sentence ends
        if k >= 0 and reach[k] > s.start:
            continue
        hits = _marker_hits(text, s.start, s.end, f)
        if hits:
            words = []
            for m, _, _ in hits:
                if m not in words:
                    words.append(m)
            m0, k0, why0 = hits[0]
            why = f"no source; {k0} word \"{m0}\": {why0}"
            out.append(Unattributed(s.start, s.end, s.text, why, "claim", tuple(words)))
    for q in f.unquoted:
        sent = f.sentence_at(q.outer_start)
        if len(words_in(text, q.start, q.end)) <= 3 and q.outer_start > sent.start:
            why, kind = "words in quotation marks with no speaker: scare quotes keep the writer at a distance", "scare_quote"
        else:
            why, kind = "a quotation with no speaker: who said these words?", "quote"
        out.append(Unattributed(q.outer_start, q.outer_end, text[q.outer_start:q.outer_end], why, kind))
    return sorted(out, key=lambda u: u.start)


def analyse(article: Article | str, quotes: QuoteScan | None = None) -> Sourcing:
    """Attributions, speakers and unattributed claims of an article (see the module docstring for the rules)."""
    if isinstance(article, str):
        article = Article(article)
    if not isinstance(article, Article):
        raise KitInputError("sourcing needs an Article (or the article's text as a string)")
    scan = quotes if quotes is not None else find_quotations(article)
    f = _Finder(article, scan)
    f.direct()
    f.indirect()
    f.continuations()
    f.resolve()
    raws = _merge([r for r in f.raws if r.entity is not None])
    attributions = sorted((_attribution(f, r) for r in raws), key=lambda a: (a.start, a.mention_start))
    body = {p.index for p in article.body_paragraphs}
    unbalanced = [u for u in scan.unbalanced if (p := article.paragraph_at(u.start)) and p.index in body]
    return Sourcing(article.text, attributions, _summaries(article.text, attributions),
                    _unattributed(f, attributions), unbalanced, _headline_sources(f))


_HEADLINE_PATTERNS = (
    re.compile(r"\s*(?P<who>[^:“\"‘'’]{2,40}?):\s+\S"),  # "Putin: Russia supports ..."
    re.compile(r"[,’'\"”]\s*(?:says|said|warns|claims|insists)\s+(?P<who>[^,]{2,40}?)\s*$"),  # "'...', says X"
)


def _headline_sources(f: _Finder) -> list[dict]:
    """Headlines and subheads that hand the floor to a source: "Putin: ..." or "'...', says union boss".

    A headline is the outlet's own voice; one built on a source's claim frames the story as that claim.
    """
    out: list[dict] = []
    for p in f.a.paragraphs:
        if p.role not in ("title", "subhead"):
            continue
        for pattern in _HEADLINE_PATTERNS:
            hit = pattern.match(p.text) if pattern is _HEADLINE_PATTERNS[0] else pattern.search(p.text)
            if not hit:
                continue
            s, e = _trim(f.text, p.start + hit.start("who"), p.start + hit.end("who"))
            m = parse_mention(f.text, s, e)
            if m is None or m.kind == "pronoun":
                continue
            known = len(f.book.entities)
            ent, _ = f.book.resolve(m)
            if m.kind == "person" and len(f.book.entities) > known:
                f.book.entities.pop()  # "Breaking:", "Analysis:": a word the body never names is not a source
                ent = None
            if ent is not None:
                region = "headline" if p.role == "title" else "subhead"
                out.append({"speaker": ent.canonical, "mention": m.text, "region": region, "start": p.start,
                            "end": p.end, "text": p.text, "mention_start": m.start, "mention_end": m.end})
            break
    return out
