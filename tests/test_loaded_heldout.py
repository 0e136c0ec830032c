"""Held-out evaluation of kit.loaded on texts it was not tuned on (issue 5).

The texts and hand annotations in tests/fixtures/heldout_loaded/ were written and committed before
kit.loaded was ever run on them (see each JSON's "how_made"). Never edit an annotation to match the
program's output: change the program, or accept the figure. (Issue 13's three-way voice changed the
definition of `voice`; the loaded texts' voices were revised by hand for it, see the README.)

Round 1 (6 neutral, 2 loaded) was blind on the first run only; round 2 (*_r2_*: 2 neutral, 1 loaded) was
written after the round-1 fixes and is blind to them; round 3 (*_r3_*: 2 neutral) is blind to the
round-2 fixes and checks the added words on topics where they have plain uses; round 4 (*_r4_*: 1 loaded,
a strike story in tabloid style) and round 5 (*_r5_*: 1 loaded, state media on a trade dispute) are each
blind to all fixes before them.

- Neutral news (12 texts; round 6, *_r6_*, is blind to rounds 1-5): every match is a false alarm. Issue 5's target: fewer than 1 flagged word
  per 100 words, on each text.
- Loaded political news (5 texts): recall with the right voice on the clear ('core') cases, each text at
  least its CORE_RECALL_FLOOR (issue 14: regression guards at the current figures minus a margin).
Misses and false alarms are printed (run with -s to see them).
"""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES
from kit import loaded, sourcing
from kit.article import Article, words_in
from kit.quotes import find_quotations

HELDOUT = FIXTURES / "heldout_loaded"
NEUTRAL = sorted(HELDOUT.glob("neutral_*.txt"))
LOADED = sorted(HELDOUT.glob("loaded_*.txt"))


def analyse(text: str) -> loaded.LoadedLanguage:
    """The full pipeline, as the report runs it: quotations and sourcing feed the voice."""
    article = Article(text)
    quotes = find_quotations(article)
    return loaded.analyse(article, quotes, sourcing.analyse(article, quotes))


def overlaps(m, f) -> bool:
    return m.start < f["end"] and f["start"] < m.end


def annotation(path):
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def test_there_are_twelve_neutral_and_five_loaded_texts_of_the_right_length():
    # round 1: six neutral, two loaded; round 2 (*_r2_*, blind to the round-1 fixes): two neutral, one loaded;
    # round 3 (*_r3_*, blind to the round-2 fixes): two neutral; round 4 (*_r4_*, blind to rounds 1-3): one loaded;
    # round 5 (*_r5_*, blind to rounds 1-4): one loaded; round 6 (*_r6_*, blind to rounds 1-5): two neutral
    assert len(NEUTRAL) == 12 and len(LOADED) == 5
    for p in NEUTRAL:
        assert 300 <= len(words_in(p.read_text(encoding="utf-8"))) <= 450, p.name
    for p in LOADED:
        assert 250 <= len(words_in(p.read_text(encoding="utf-8"))) <= 400, p.name


@pytest.mark.parametrize("path", LOADED, ids=lambda p: p.name)
def test_annotation_offsets_point_at_their_words(path):
    text = path.read_text(encoding="utf-8")
    marks = annotation(path)["matches"]
    assert marks
    for f in marks:
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["voice"] in ("outlet", "reported", "quoted")


@pytest.mark.parametrize("path", NEUTRAL, ids=lambda p: p.name)
def test_neutral_news_flags_fewer_than_one_word_per_100(path):
    text = path.read_text(encoding="utf-8")
    result = analyse(text)
    flagged_words = sum(len(words_in(text, m.start, m.end)) for m in result.matches)
    rate = 100 * flagged_words / result.words
    print(f"\n{path.name}: {len(result.matches)} false alarms, {rate:.2f} flagged words per 100")
    for m in result.matches:
        print(f"  FALSE ALARM {m.text!r} ({m.category}, {m.voice}) ...{text[max(0, m.start - 30):m.end + 30]!r}")
    assert rate < 1.0, [m.text for m in result.matches]


# Issue 14: these texts are development sets now, so each is a regression guard at its figure when issue 14's
# work was done, minus a small margin (not the 0.8 target they passed long ago). r5 fell from >= 0.82 to 0.79 when
# the voice split in three (issue 13): sourcing does not read "made clear that" as a cue, and stretches "called
# for X" over the outlet's own comment after it, so four core words get the wrong voice.
CORE_RECALL_FLOOR = {
    "loaded_r2_partisan_online.txt": 0.9,
    "loaded_r4_strike_tabloid.txt": 0.95,
    "loaded_r5_statemedia_trade.txt": 0.75,
    "loaded_statemedia_protest.txt": 0.82,
    "loaded_tabloid_migration.txt": 0.82,
}


@pytest.mark.parametrize("path", LOADED, ids=lambda p: p.name)
def test_loaded_news_recall_with_the_right_voice(path):
    text = path.read_text(encoding="utf-8")
    marks = annotation(path)["matches"]
    result = analyse(text)

    def found(f) -> bool:
        hits = [m for m in result.matches if overlaps(m, f)]
        return bool(hits) and hits[0].voice == f["voice"]

    core = [f for f in marks if f["core"]]
    core_hits = sum(found(f) for f in core)
    all_hits = sum(found(f) for f in marks)
    extra = [m for m in result.matches if not any(overlaps(m, f) for f in marks)]
    # category agreement on the words found (information only: several categories are defensible for one word)
    pairs = [(f, [m for m in result.matches if overlaps(m, f)][0]) for f in marks if found(f)]
    same = sum(f["category"] == m.category for f, m in pairs)
    print(f"\n{path.name}: same category as the reader on {same}/{len(pairs)} found words")
    print(f"\n{path.name}: core recall {core_hits}/{len(core)} = {core_hits / len(core):.2f}; "
          f"all marked {all_hits}/{len(marks)} = {all_hits / len(marks):.2f}; "
          f"{len(extra)} matches a reader did not mark")
    for f in marks:
        if not found(f):
            wrong = [m.voice for m in result.matches if overlaps(m, f)]
            print(f"  MISS{' (core)' if f['core'] else ''} {f['text']!r} {f['voice']} {f['category']}"
                  + (f" -- found with voice {wrong[0]}" if wrong else ""))
    for m in extra:
        print(f"  UNMARKED {m.text!r} ({m.category}, {m.voice})")
    assert core_hits / len(core) >= CORE_RECALL_FLOOR[path.name], f"{core_hits}/{len(core)}"


# -- the general fixes the held-out texts led to ------------------------------------------------

def body_matches(sentence: str) -> list[str]:
    return [m.text for m in analyse("Local news\n\n" + sentence + "\n").matches]


@pytest.mark.parametrize("sentence, expected", [
    ("Talks with the Northern Liberation Front resumed.", []),
    ("Crowds gathered in Liberation Square on Sunday.", []),
    ("The army claims the liberation of the town.", ["liberation"]),  # lower case: the writer's word
    ("Liberation came late for the town.", ["Liberation"]),  # opens a sentence: no sign of a name
    ("The So Called experts spoke.", ["So Called"]),  # no capitalised neighbour inside the sentence
    ("It was SHAMEFUL, said the paper.", ["SHAMEFUL"]),  # capitals for shouting are not a name
])
def test_a_lower_case_term_inside_a_capitalised_name_is_not_flagged(sentence, expected):
    assert body_matches(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # words for people arriving as water: only with people, not with water
    ("Thousands more migrants will flood into the towns.", ["flood into"]),
    ("Water flooded into homes on the high street.", []),
    # 'claimed' casts doubt on a reported claim, not on a prize, a responsibility or an insurance claim
    ("The department claimed the numbers were wrong.", ["claimed"]),
    ("A group claimed responsibility for the attack and said it was planned.", []),
    ("The group claimed to hold 400 gigabytes of data.", []),
    ("Insurance claims were paid within a month.", []),
    # a label reported as someone else's
    ("The ministry blamed the group, which it describes as a terrorist organisation.", []),
    ("The terrorists attacked the village.", ["terrorists"]),
    # counted agreement, prices, business and film vocabulary are plain
    ("The council's vote was unanimous.", []),
    ("Residents were unanimous in condemning the protest.", ["unanimous"]),
    ("Cheap flights to Spain sold out.", []),
    ("The protest was a cheap stunt.", ["cheap", "stunt"]),
    ("The board rejected a hostile takeover bid.", []),
    ("A stunt performer was hurt during filming.", []),
    ("She woke up early and had a soft touch on the ball.", []),
    ("The woke elite and the out-of-touch ministers sold us out.", ["woke elite", "out-of-touch", "sold us out"]),
])
def test_context_rules_for_words_found_missing_on_held_out_texts(sentence, expected):
    assert body_matches(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("They are spreading dangerous lies about the plan.", ["lies"]),
    ("The town lies on the river, and the problem lies in the budget.", []),
    ("Her crusade against the oil industry goes on.", ["crusade"]),
    ("The knights set out on the crusade to Jerusalem in the 11th century.", []),
    ("He felt bloated after the meal.", []),
    ("Washington's bloated bureaucracy grew again.", ["bloated"]),
    ("The circus came to town with clowns and acrobats.", []),
    ("The hearing turned into a media circus.", ["media circus"]),
    ("A radical senator spoke first.", ["radical"]),
    ("Radical changes to the bus timetable start in May.", []),
    ("This is an attack on working Americans.", ["attack"]),
    ("The striker led the attack in the second half.", []),
    ("A Beijing-funded group and a Soros-funded charity were named.", ["Beijing-funded", "Soros-funded"]),
])
def test_context_rules_for_words_found_missing_on_the_round_2_text(sentence, expected):
    assert body_matches(sentence) == expected


def test_a_board_that_unanimously_rejected_an_offer_is_a_counted_decision():
    assert body_matches('The board said in a statement that it had "unanimously rejected" the offer.') == []


@pytest.mark.parametrize("sentence, expected", [
    ("Strikers will hold the country to ransom again.", ["to ransom"]),
    ("The kidnappers demanded a ransom for the driver.", []),
    ("These people are holding us hostage.", ["hostage"]),
    ("Gunmen took twelve people hostage at the bank.", []),
    ("It's an absolute joke.", ["joke"]),
    ("The comedian told a joke about trains.", []),
    ("Years of union militancy and a shambolic network, he bizarrely said.", ["militancy", "shambolic", "bizarrely"]),
    ("The misery index rose in May.", []),
])
def test_context_rules_for_words_found_missing_on_the_round_4_text(sentence, expected):
    assert body_matches(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The tariffs are economic bullying.", ["bullying"]),
    ("Pupils said bullying at the school had fallen.", []),
    ("The move tramples on the rules.", ["tramples on"]),
    ("A crowd trampled the flowers at the gate.", []),
    ("This is naked protectionism.", ["naked"]),
    ("The comet is visible to the naked eye.", []),
    ("Hawkish lawmakers want a ban.", ["Hawkish"]),
    ("The bank's hawkish tone lifted interest rate expectations.", []),
    ("He was charged with blackmail at the court.", []),
    ("Such blackmail will fail.", ["blackmail"]),
])
def test_context_rules_for_words_found_missing_on_the_round_5_text(sentence, expected):
    assert body_matches(sentence) == expected


def test_a_threat_of_violence_in_a_crime_report_is_plain():
    assert body_matches("The men sent messages and threatened to harm him if she called anyone.") == []
    assert body_matches("The minister threatened the press.") == ["threatened"]
