"""The mechanical checks on an open answer: each finds one kind of problem the kit can see for sure.

Every check returns None when it finds nothing, or a `Problem`: a short name
(what `Feedback.problem` carries, so tests and teachers can tell the checks
apart) and the message a student reads. They compare words and structure,
never meaning: what they cannot see is left to the student's self-check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kit.article import Article
from kit.grading.words import (Token, cue_forms, dont_know_phrases, finite_forms, fold, function_words, is_verb,
                               negations, stem, tokens, vague_sources, words)


@dataclass(frozen=True)
class Problem:
    name: str
    message: str


# -- no attempt yet ----------------------------------------------------------------------------
def empty(answer: str) -> Problem | None:
    if not answer.strip():
        return Problem("empty", "the box is empty: write your answer first, then check it.")
    return None


def dont_know(answer: str) -> Problem | None:
    """'I don't know', 'idk', '???': a nudge to use the hints, in a short answer only."""
    ws = words(answer)
    if not ws:
        return Problem("dont_know", "that is fine: press Hint for a clue, then write your best guess.")
    folded = " ".join(ws)
    if len(ws) <= 8 and any(re.search(rf"(^| ){re.escape(' '.join(words(p)))}( |$)", folded)
                            for p in dont_know_phrases()):
        return Problem("dont_know", "that is fine: press Hint for a clue, then write your best guess in a sentence.")
    return None


def copy_of_original(answer: str, original: str) -> Problem | None:
    """The original handed back, with at most case, spacing or punctuation changed."""
    if words(answer) == words(original):
        return Problem("copy", "this is the original, unchanged. Rewrite it in your own words.")
    return None


def copy_of_question(answer: str, question: str) -> Problem | None:
    """An answer made of the question's own words (at most one new word in a longer answer)."""
    ws = words(answer)
    asked = set(words(question))
    new = [w for w in ws if w not in asked]
    if ws and (not new or (len(ws) >= 4 and len(new) < 2)):
        return Problem("copy", "that repeats the question. Answer it in your own words.")
    return None


# -- keyword salad -------------------------------------------------------------------------------
_VOWELS = set("aeiouy")
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@lru_cache(maxsize=1)
def _mash_chunks() -> frozenset[str]:
    """Five keys in a row on a keyboard, either way ('asdfg', 'lkjhg'), plus the classic four-key runs."""
    out = {"asdf", "qwer", "zxcv", "hjkl", "jkl;", "fdsa"}
    for row in _KEY_ROWS:
        for i in range(len(row) - 4):
            out |= {row[i:i + 5], row[i:i + 5][::-1]}
    return frozenset(out)


def is_mashing(word: str) -> bool:
    """Keyboard mashing ('asdfgh', 'kjdfkjdf'), not a typo ('goverment') or an acronym ('CSTO')."""
    w = word.lower()
    if len(w) < 4:
        return False
    if any(c in w for c in _mash_chunks()):
        return True
    if not (set(w) & _VOWELS):
        return True
    run = longest = 0
    for ch in w:
        run = 0 if ch in _VOWELS else run + 1
        longest = max(longest, run)
    return longest >= 6


def salad(answer: str, needs_sentence: bool = True) -> Problem | None:
    """Repeated words, keyboard mashing, a bare list of keywords, or (when a sentence is asked for) no verb."""
    ws = words(answer)
    for a, b in zip(ws, ws[1:]):
        if a == b and a not in ("that", "had", "very"):  # "had had" and "that that" are English
            return Problem("salad", f"'{a} {b}': a word said twice in a row is not an answer. Write a sentence "
                                    "that says what you mean.")
    if ws:
        top = max(ws.count(w) for w in set(ws))
        if top >= 3 and top / len(ws) >= 0.4:
            return Problem("salad", "the same word again and again is not an answer. Write a sentence that says "
                                    "what you mean.")
    if len(ws) <= 8:  # "russia supports syria support syria": the same phrase twice in a few words
        fw = function_words()
        pairs = [(stem(a), stem(b)) for a, b in zip(ws, ws[1:])
                 if len(a) > 3 and len(b) > 3 and a not in fw and b not in fw]
        again = next((p for p in pairs if pairs.count(p) > 1), None)
        if again:
            return Problem("salad", f"'{' '.join(again)}' twice: saying it again does not make it an answer. Write "
                                    "one sentence that says what you mean.")
    mash = [w for w in ws if is_mashing(w)]
    if mash and (len(mash) / len(ws) >= 0.3 or len(ws) - len(mash) < 2):
        return Problem("salad", f"'{mash[0]}' is not a word. Write your answer in words, as a sentence.")
    if not needs_sentence:
        return None
    items = [i for i in re.split(r"[,;/\n]+|\s+-\s+", answer) if words(i)]
    if (len(items) >= 3 and all(len(words(i)) <= 2 for i in items) and not is_verb(ws[0])
            and not any(w in finite_forms() for w in ws)):
        return Problem("not_sentence", "that is a list of keywords. Write a sentence that says how they are "
                                       "connected.")
    if not any(is_verb(w) for w in ws):
        return Problem("not_sentence", "write a whole sentence, with a verb, so you can show your thinking "
                                       "(\"Interview refugees.\" is a sentence; \"refugees\" is not).")
    return None


# -- invented quotation and invented source ------------------------------------------------------
def quotations(text: str) -> list[str]:
    """The words inside each pair of quotation marks in a text (kit.quotes decides what is a mark)."""
    from kit.quotes import find_quotations

    return [q.text for q in find_quotations(Article(text)).quotations]


def invented_quotation(answer: str, allowed: list[str]) -> Problem | None:
    """Quotation marks (straight or curly) around words that no one in the article said in quotation marks."""
    allowed_words = [" ".join(words(q)) for q in allowed]
    for q in quotations(answer):
        inner = " ".join(words(q))
        if inner and not any(inner in a for a in allowed_words):
            return Problem("invented_quote", f"you put \"{q.strip()}\" in quotation marks, but nobody in the article "
                                             "said those words in a quotation. Quotation marks tell a reader these "
                                             "are a speaker's exact words: report them without the marks.")
    return None


_PRONOUNS = frozenset("he she they it him her them his we i you this that who which".split())
_FILLERS = frozenset("also have has had now all often widely long do would might may will still even generally "
                     "really clearly".split())


def invented_source(original: str, answer: str, allowed: list[re.Pattern]) -> Problem | None:
    """An attribution in the rewrite whose speaker the original does not have ("Experts said", "critics say").

    The kit's own sourcing analysis finds the attributions; a lexical check on
    vague sources followed by a reporting verb catches what a short text hides
    from it. `allowed` are the exercise's patterns for the original's speakers.
    """
    from kit.sourcing import analyse

    known = _speaker_words(original)
    for a in analyse(Article(answer)).attributions:
        who = fold(f"{a.mention} {a.speaker}")
        ws = [w for w in words(who) if w not in ("the", "a", "an")]
        if not ws or all(w in _PRONOUNS for w in ws):
            continue  # "he said": points back to a speaker already named
        if set(ws) & known or any(p.search(who) for p in allowed):
            continue
        return Problem("invented_source", f"'{a.mention} {a.cue}': the original does not say that {_mid_sentence(a.mention)} said "
                                          "anything. A rewrite must not add a source: report only who really "
                                          "speaks.")
    return _vague_source(original, answer, allowed)


@lru_cache(maxsize=64)
def _speaker_words(original: str) -> frozenset[str]:
    """The words naming the original's speakers ('vladimir', 'putin', 'analyst'), computed once per original."""
    from kit.sourcing import analyse

    known: set[str] = set()
    for a in analyse(Article(original)).attributions:
        known |= {w for w in words(f"{a.speaker} {a.mention}") if len(w) >= 3 and w not in _PRONOUNS}
    return frozenset(known)


def _vague_source(original: str, answer: str, allowed: list[re.Pattern]) -> Problem | None:
    toks = [t.text for t in tokens(answer) if t.is_word]
    orig = " " + " ".join(words(original)) + " "
    cues = cue_forms()
    for phrase, why in vague_sources():
        p = phrase.split()
        for i in range(len(toks) - len(p) + 1):
            if toks[i:i + len(p)] != p:
                continue
            j = i + len(p)
            while j < len(toks) and toks[j] in _FILLERS and j - i - len(p) < 2:
                j += 1
            standalone = p[0] in ("it", "reportedly", "allegedly")
            before = toks[i - 2:i]
            if standalone or (j < len(toks) and toks[j] in cues) or before == ["according", "to"]:
                said = " ".join(toks[i - 2 if before == ["according", "to"] else i:j + (0 if standalone else 1)])
                if f" {said} " in orig or any(pt.search(phrase) for pt in allowed):
                    continue
                return Problem("invented_source", f"'{said}': {why} A rewrite must not add a source: report only "
                                                  "who really speaks.")
    return None


# -- meaning reversed ---------------------------------------------------------------------------
_BOUNDARY = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "and", "but", "or", "because", "while", "although",
                       "though", "whereas", "so", "if", "unless", "when"})
NEGATION_WINDOW = 8  # words back from the verb, within its clause: "should no longer use terrorist groups to remove"
# verbs that do not end a negation's reach: auxiliaries, and verbs whose object is a bare verb ("help them replace")
_PASS_THROUGH = frozenset("""am is are was were be been being do does did have has had will would can could shall
should may might must help helps helped helping let lets letting make makes made making try tries tried trying""".split())
_NEGATION_WORDS = frozenset("stop stops stopped stopping quit quits cease ceases ceased avoid avoids".split())


def _negated_at(toks: list[Token], i: int) -> bool:
    """Whether token i is negated: an odd number of negations in its clause that reach it.

    A negation reaches the verb unless another verb stands between them ("does
    not like ... the help" does not negate "help"), except through an
    infinitive ("no longer use terrorist groups to remove") or a helper verb.
    """
    lo = i
    while lo > 0 and i - lo < NEGATION_WINDOW and toks[lo - 1].text not in _BOUNDARY:
        lo -= 1
    window = [t.text for t in toks[lo:i]]
    count, k = 0, 0
    while k < len(window):
        for phrase, _kind in negations():
            n = len(phrase)
            if tuple(window[k:k + n]) == phrase or (n == 1 and phrase == ("n't",) and window[k].endswith("n't")):
                between = window[k + n:]
                # another negation does not block ("never stop supporting" counts both: it stays positive)
                blocked = window[-1:] != ["to"] and any(
                    is_verb(w) and w not in _PASS_THROUGH and w not in _NEGATION_WORDS for w in between)
                if not blocked:
                    count += 1
                k += n - 1
                break
        k += 1
    return count % 2 == 1


def polarities(text: str, pattern: re.Pattern, skip_objects: bool = True) -> list[bool]:
    """For each match of `pattern`: is it negated ('does not support', 'no longer replace', 'stop replacing')?

    With `skip_objects`, a match that is the object of another verb ("face isolation") is left out: it takes
    that verb's polarity.
    """
    toks = tokens(text)
    starts = [t.start for t in toks]
    out = []
    for m in pattern.finditer(text):
        i = next((k for k, s in enumerate(starts) if s >= m.start()), None)
        if i is None:
            continue
        prev = toks[i - 1].text if i else ""
        if skip_objects and not is_verb(toks[i].text) and is_verb(prev) and prev not in _PASS_THROUGH | _NEGATION_WORDS:
            continue  # "face isolation": the object of a verb takes that verb's polarity, already counted
        out.append(_negated_at(toks, i))
    return out


def reversed_meaning(answer: str, key_verbs: list[tuple[re.Pattern, bool]], original: str = "") -> Problem | None:
    """A negation added or removed around a key verb: every use of it has the opposite polarity.

    `key_verbs` are (pattern, negated in the original); with an `original`, the
    verbs both texts share are compared too.
    """
    for pat, negated in key_verbs:
        pol = polarities(answer, pat)
        if pol and all(p != negated for p in pol):
            m = pat.search(answer)
            word = m.group() if m else ""
            said = "not " if negated else ""
            return Problem("reversed", f"your version turns the meaning round at '{word}': the original says it is "
                                       f"{said}so. Check every 'not', 'no' and 'never'.")
    if original:
        shared = {w for w in words(original) if len(w) >= 4 and is_verb(w)} & set(words(answer))
        for w in sorted(shared):
            # "the help of": after a determiner the word is a noun, and a noun is not negated
            pat = re.compile(rf"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )\b{re.escape(w)}\b",
                             re.IGNORECASE)
            before, after = polarities(original, pat), polarities(answer, pat)
            if before and after and len(set(before)) == 1 and len(set(after)) == 1 and before[0] != after[0]:
                return Problem("reversed", f"your version turns the meaning round at '{w}': the original says "
                                           f"{'it is not' if before[0] else 'it is'} so. Check every 'not', 'no' and "
                                           "'never'.")
    return None


# -- broken grammar from deleted words -------------------------------------------------------------
_DET = frozenset({"the", "a", "an"})
_PREP = frozenset({"of", "with", "from", "against"})
_STRANDED = frozenset({"of", "against"})  # "the people he works with." is English; "the fight against." is not
_PUNCT_END = frozenset({".", ",", ";", ":", "!", "?", ")"})


def broken_grammar(answer: str) -> Problem | None:
    """Words deleted so that 'the' or 'of' is left with nothing after it ('the of refugees', 'fight against.')."""
    toks = [t.text for t in tokens(answer)] + ["<end>"]
    for a, b in zip(toks, toks[1:]):
        ends = b in _PUNCT_END or b == "<end>"
        if (a in _DET and (b in _PREP or b in _DET or b in ("at", "by", "and", "or") or ends)) or \
                (a in _PREP and (b in _PREP or b in ("at", "by"))) or (a in _STRANDED and ends):
            shown = a if b == "<end>" else f"{a} {b}"
            return Problem("broken_grammar", f"'{shown}': a word is missing here. Deleting words is not enough: "
                                             "replace them, and read your sentence aloud.")
    return None


def _mid_sentence(mention: str) -> str:
    """"The president" inside a sentence is "the president"; a name ("Experts", "Putin") keeps its capital."""
    first, _, rest = mention.partition(" ")
    return f"{first.lower()} {rest}" if rest and first in ("The", "A", "An") else mention
