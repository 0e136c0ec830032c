"""Loaded language: lexicon matching, voice, context rules, teacher lexicons, summary and renderers.

The seed expectations come from tests/fixtures/seed_loaded.json, written by
hand before kit.loaded was ever run on the seed (see its "how_made" field).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, fixture_text
from kit import loaded, render
from kit.article import Article, words_in
from kit.errors import KitInputError
from kit.loaded_context import KINDS
from kit.loaded_lexicon import builtin_rules, builtin_terms, categories, split_form
from kit.quotes import find_quotations

NEUTRAL = sorted(FIXTURES.glob("neutral_*.txt")) + [ROOT / "seeds" / "neutral_library_hours.txt"]


def run(text: str, **kw) -> loaded.LoadedLanguage:
    return loaded.analyse(Article(text), **kw)


def body(sentence: str) -> str:
    """A one-paragraph article: a plain headline and the sentence as body."""
    return "Local news\n\n" + sentence + "\n"


def found(text: str) -> list[str]:
    return [m.text for m in run(body(text)).matches]


def overlaps(m, f) -> bool:
    return m.start < f["end"] and f["start"] < m.end


# -- the seed, against the hand-made list ---------------------------------------------------

@pytest.fixture(scope="module")
def seed_fixture():
    return json.loads((FIXTURES / "seed_loaded.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_result(seed_article):
    from kit import sourcing

    quotes = find_quotations(seed_article)
    return loaded.analyse(seed_article, quotes, sourcing.analyse(seed_article, quotes))


def test_fixture_offsets_point_at_their_words(seed_text, seed_fixture):
    assert seed_fixture["matches"]
    for f in seed_fixture["matches"]:
        assert seed_text[f["start"]:f["end"]] == f["text"]
        assert f["voice"] in ("outlet", "reported", "quoted")


def _found_with_voice(result, f) -> bool:
    hits = [m for m in result.matches if overlaps(m, f)]
    return bool(hits) and hits[0].voice == f["voice"]


def test_every_clear_loaded_word_in_the_seed_is_found_with_its_voice(seed_result, seed_fixture):
    core = [f for f in seed_fixture["matches"] if f["core"]]
    missed = [(f["text"], f["voice"], f["start"]) for f in core if not _found_with_voice(seed_result, f)]
    assert missed == []


def test_recall_on_all_hand_marked_words_including_borderline(seed_result, seed_fixture):
    marked = seed_fixture["matches"]
    hits = sum(_found_with_voice(seed_result, f) for f in marked)
    assert hits / len(marked) >= 0.85, f"{hits}/{len(marked)}"


def test_seed_has_few_matches_a_careful_reader_did_not_mark(seed_result, seed_fixture):
    extra = [m.text for m in seed_result.matches if not any(overlaps(m, f) for f in seed_fixture["matches"])]
    assert len(extra) <= 2, extra


def test_seed_headline_subheads_and_links_are_outlet_voice(seed_result):
    by_region = {}
    for m in seed_result.matches:
        by_region.setdefault(m.region, []).append((m.text, m.voice))
    assert ("ridiculous", "outlet") in by_region["subhead"]
    assert ("very serious", "outlet") in by_region["subhead"]
    assert ("threatens", "outlet") in by_region["subhead"]
    links = dict(by_region["related_link"])
    assert {"easily", "blood-hungry", "exceptional", "overshadows", "Good one", "another Afghanistan"} <= set(links)
    assert set(links.values()) == {"outlet"}


def test_seed_quoted_words_name_the_speaker(seed_result, seed_text):
    so_called = [m for m in seed_result.matches if m.text == "so-called"]
    assert len(so_called) == 2 and all(m.voice == "quoted" for m in so_called)
    assert all(m.speaker and "Putin" in m.speaker for m in so_called)
    last_legit = [m for m in seed_result.matches if m.text == "legitimate"][-1]
    assert last_legit.voice == "quoted" and "Peskov" in (last_legit.speaker or "")
    # the same word in indirect speech is reported: "Putin said ... that the support of the legitimate government"
    first_legit = [m for m in seed_result.matches if m.text == "legitimate"][0]
    assert first_legit.voice == "reported" and "Putin" in (first_legit.speaker or "")


def test_seed_reported_speech_is_not_the_outlets_voice(seed_result, seed_text):
    """Issue 13: "According to Putin, it is impossible ..." and "The Kremlin considers it unacceptable ..."."""
    def voice_at(snippet: str, word: str) -> str:
        at = seed_text.index(snippet) + snippet.index(word)
        (m,) = [m for m in seed_result.matches if m.start == at]
        return m.voice
    assert voice_at("According to Putin, it is impossible", "impossible") == "reported"
    assert voice_at("The Kremlin considers it unacceptable", "unacceptable") == "reported"
    # narration next to them stays the outlet's: the summit "will discuss issues of terrorism"
    assert voice_at("discuss issues of terrorism", "terrorism") == "outlet"
    s = seed_result.summary()
    assert set(s["by_voice"]) == {"outlet", "reported", "quoted"}
    assert sum(s["by_voice"].values()) == s["matches"]


def test_seed_boilerplate_is_not_scanned(seed_article, seed_result):
    boiler = [p for p in seed_article.paragraphs if p.role == "boilerplate"]
    assert boiler
    assert not [m for m in seed_result.matches for p in boiler if p.start <= m.start < p.end]


def test_offsets_exact_sorted_and_never_overlapping(seed_text, seed_result):
    prev_end = -1
    for m in seed_result.matches:
        assert seed_text[m.start:m.end] == m.text
        assert m.start >= prev_end
        prev_end = m.end
    # the seed's non-breaking space sits inside one match; offsets still hold
    nbsp = [m for m in seed_result.matches if "\u00a0" in m.text]
    assert nbsp and nbsp[0].text.startswith("imposed from the")


def test_every_match_has_an_explanation_and_alternatives(seed_result):
    for m in seed_result.matches:
        assert m.explanation and 1 <= len(m.alternatives) <= 3
        assert m.category in categories()
        assert m.source.startswith("loaded_terms.csv:")


# -- neutral articles: false alarms ---------------------------------------------------------------

@pytest.mark.parametrize("path", NEUTRAL, ids=lambda p: p.name)
def test_neutral_local_news_flags_fewer_than_one_word_per_100(path):
    text = path.read_text(encoding="utf-8")
    result = run(text)
    flagged_words = sum(len(words_in(text, m.start, m.end)) for m in result.matches)
    assert result.words >= 300
    assert 100 * flagged_words / result.words < 1.0, [m.text for m in result.matches]


def test_neutral_fixtures_are_plain_local_news_of_the_right_length():
    mine = sorted(FIXTURES.glob("neutral_*.txt"))
    assert len(mine) >= 3
    for p in mine:
        n = len(words_in(p.read_text(encoding="utf-8")))
        assert 300 <= n <= 520, (p.name, n)


# -- voice at quotation boundaries ---------------------------------------------------------------

def test_word_inside_quotes_is_quoted_and_just_outside_is_outlet():
    text = body('The minister called the report "ridiculous", a baseless attack on the press.')
    ms = {m.text: m for m in run(text).matches}
    assert ms["ridiculous"].voice == "quoted"
    assert ms["baseless"].voice == "outlet"
    assert ms["attack"].voice == "outlet"


def test_word_touching_the_closing_mark_is_the_outlets():
    text = body('He said "we will answer"brutally, and left.')
    (m,) = run(text).matches
    assert m.text == "brutally" and m.voice == "outlet"
    assert text[m.start - 1] == '"'


def test_curly_quotes_and_speaker_from_sourcing():
    class FakeSourcing:
        def speaker_of(self, offset):
            return "Jane Doe" if offset < 40 else None

    text = body("“They are thugs,” said Jane Doe, and the thugs left.")
    ms = run(text, sourcing=FakeSourcing()).matches
    assert [(m.text, m.voice, m.speaker) for m in ms] == [("thugs", "quoted", "Jane Doe"), ("thugs", "outlet", None)]


def test_a_bug_in_sourcing_surfaces_instead_of_hiding_the_speaker():
    class BrokenSourcing:
        def speaker_of(self, offset):
            raise ZeroDivisionError("bug in speaker_of")

    text = body("“They are thugs,” said Jane Doe.")
    with pytest.raises(ZeroDivisionError, match="bug in speaker_of"):
        run(text, sourcing=BrokenSourcing())
    # outside quotations the speaker is never asked for, so the same object does no harm there
    assert [m.voice for m in run(body("The thugs left."), sourcing=BrokenSourcing()).matches] == ["outlet"]


def test_speaker_from_report_style_attributions():
    text = body('"The regime must go," said Ann Lee.')
    q = text.index('"') + 1
    atts = [{"speaker": "Ann Lee", "kind": "direct", "quote_start": q, "quote_end": text.index(',"')}]
    (m,) = run(text, attributions=atts).matches
    assert (m.text, m.voice, m.speaker) == ("regime", "quoted", "Ann Lee")


def test_headline_is_outlet_voice_even_with_quote_marks():
    text = 'Minister: "thugs" behind the protest\n\nThe minister spoke on Monday about the protest in the square.\n'
    (m,) = run(text).matches
    assert (m.text, m.region, m.voice) == ("thugs", "headline", "outlet")


def test_explicit_quotes_argument_is_used():
    text = body('He said "the regime is weak" yesterday.')
    art = Article(text)
    empty = find_quotations(Article(body("No quotes here.")))  # a scan with no quotations
    (m,) = loaded.analyse(art, quotes=empty).matches
    assert m.voice != "quoted"  # the caller's scan wins over a fresh one (left: "He said" reports it)


# -- three voices: quoted, reported, outlet (issue 13) --------------------------------------------

def _voices(sentence: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.voice, m.speaker) for m in run(body(sentence)).matches]


def test_three_voices_in_one_paragraph():
    text = ('Mayor Tom Reed said the plan was ridiculous. "It is shameful," said Reed. '
            'The council met in a shameful hurry.')
    assert _voices(text) == [("ridiculous", "reported", "Tom Reed"), ("shameful", "quoted", "Tom Reed"),
                             ("shameful", "outlet", None)]


@pytest.mark.parametrize("sentence, word", [
    ("According to the minister, the strike was ridiculous.", "ridiculous"),
    ("The union believes the offer is shameful.", "shameful"),
    ("The plan is ridiculous, the farm minister said on Monday.", "ridiculous"),
])
def test_a_word_inside_an_attributed_paraphrase_is_reported(sentence, word):
    (m,) = [m for m in run(body(sentence)).matches if m.text == word]
    assert m.voice == "reported" and m.speaker


def test_the_same_word_without_attribution_is_the_outlets():
    assert _voices("The plan is ridiculous, and farmers know it.") == [("ridiculous", "outlet", None)]


def test_reported_voice_from_report_style_attributions():
    text = body("Ann Lee said the regime must go. The regime answered.")
    s = text.index("the regime")
    atts = [{"speaker": "Ann Lee", "kind": "indirect", "quote_start": s, "quote_end": text.index(" must go") + 8}]
    assert [(m.text, m.voice, m.speaker) for m in run(text, attributions=atts).matches] == [
        ("regime", "reported", "Ann Lee"), ("regime", "outlet", None)]


def test_outlet_rate_counts_only_the_outlets_voice():
    text = body('Mayor Tom Reed said the plan was ridiculous. "It is shameful," said Reed. A shameful day.')
    res = run(text)
    s = res.summary()
    assert s["by_voice"] == {"outlet": 1, "reported": 1, "quoted": 1}
    assert s["outlet_per_100_words"] == round(100 / res.words, 2)
    assert [m.voice for m in res.outlet_matches()] == ["outlet"]
    assert [m.voice for m in res.unquoted_matches()] == ["reported", "outlet"]


# -- matching: inflections, multi-word, hyphens, case, whole words, longest match ------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The army crushed the protest and is crushing dissent.", ["crushed", "crushing"]),
    ("Terrorists and a terrorist were named.", ["Terrorists", "terrorist"]),
    ("The so-called experts spoke.", ["so-called"]),
    ("The So Called experts spoke.", ["So Called"]),
    ("The so\u2011called experts spoke.", ["so\u2011called"]),  # non-breaking hyphen
    ("The so\u00a0called experts spoke.", ["so\u00a0called"]),  # non-breaking space
    ("Refugees left the WAR-TORN country.", ["WAR-TORN"]),
    ("Refugees left the war torn country.", ["war torn"]),
    ("The speech that the minister gave on Monday was blood-\nhungry in tone and long, the paper said.",
     ["blood-\nhungry"]),  # a hard-wrapped paragraph broken at the hyphen
    ("They spoke of double-standards.", ["double-standards"]),
    ("The regime's army moved.", ["regime"]),
])
def test_forms_case_and_hyphen_variants(sentence, expected):
    assert found(sentence) == expected


def test_whole_words_only():
    assert found("A strict regimen of exercise and a thuggee history book.") == []
    assert found("The terrorised village recovered.") == []


def test_longest_match_wins_and_nothing_overlaps():
    assert found("They set up a puppet regime there.") == ["puppet regime"]
    assert found("An anti-terrorist alliance was formed.") == ["anti-terrorist"]
    assert found("He spoke of the flood of refugees.") == ["flood of refugees"]
    # without a longer term, the label is still found inside a hyphenated word
    assert found("A pro-terrorist website closed.") == ["terrorist"]


def test_offsets_exact_on_awkward_text():
    text = body("Le régime — so-called ‘reform’ — was “brutal”, café owners said.")
    for m in run(text).matches:
        assert text[m.start:m.end] == m.text
    assert [m.text for m in run(text).matches] == ["so-called", "brutal"]


# -- context rules ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The army vowed to crush the enemy.", ["crush"]),
    ("The new machine crushes cans and plastic bottles.", []),
    ("A driver was crushed by a falling tree.", []),
    ("Assad will talk to healthy forces of the opposition.", ["healthy forces"]),
    ("The stall sold healthy food and fruit.", []),
    ("The minister attacked the plan on Monday.", ["attacked"]),
    ("It was an attack on democracy, the paper wrote.", ["attack"]),
    ("He had a heart attack at home.", []),
    ("The striker attacked the goal in the second half.", []),
    ("The situation is very serious.", ["very serious"]),
    ("The night will be very cold.", []),
    ("Two people suffered very serious injuries.", []),
    ("It will be extremely cold tonight.", []),
    ("The plan is extremely dangerous.", ["extremely"]),
    ("It was totally unacceptable.", ["totally", "unacceptable"]),  # the next word is a term of its own
    ("They began a struggle against terrorism.", ["struggle against", "terrorism"]),
    ("Families struggle to find parking.", []),
    ("Putin can easily bring peace.", ["easily"]),
    ("The library can easily be reached by bus.", []),
    ("The team won easily.", []),
    ("Only in exceptional circumstances will it close.", []),
    ("He mocked the exceptional president.", ["exceptional"]),
    ("The Assad regime held the city.", ["regime"]),
    ("The new tax regime starts in April.", []),
    ("Her training regime is strict.", []),
    ("They called it a puppet government.", ["puppet government"]),
    ("The library held a puppet show.", []),
    ("Children made a sock puppet.", []),
    ("Senator slams the decision.", ["slams"]),
    ("He slammed the door.", []),
    ("Washington threatens Moscow with sanctions.", ["threatens"]),
    ("Heavy rain threatens roads in the valley.", []),
    ("Witnesses described the slaughter of civilians.", ["slaughter"]),
    ("The abattoir handles the slaughter of sheep.", []),
    ("The invasion of the country began in spring.", ["invasion"]),
    ("Fans staged a pitch invasion after the match.", []),
    ("The museum covers Nazi Germany.", []),
    ("He called his opponents Nazis.", ["Nazis"]),
    ("The spokesman claimed that the figures were wrong.", ["claimed"]),
    ("She claimed the first prize.", []),
    ("Radical Islamists held the town.", ["Radical"]),
    ("The council proposed radical changes to the timetable.", []),
    ("It was utter nonsense.", ["utter", "nonsense"]),
    ("He did not utter a word.", []),
    ("Exhaust fumes filled the tunnel.", []),
    ("They want to impose a way of life from the outside.", ["impose"]),
    ("The council will impose a speed limit.", []),
    ("The hoax call tied up the crew.", []),
    ("It is a hoax, he said.", ["hoax"]),
    ("Steel for the frame was fabricated off site.", []),
    ("The report was fabricated.", ["fabricated"]),
    ("The roof caved in after the storm.", []),
    ("The minister caved in to pressure.", ["caved in"]),
    ("The driver made a U-turn on the bridge.", []),
    ("The government made a U-turn on taxes.", ["U-turn"]),
    ("Neighbours said their homes would be overshadowed by the extension.", []),
    ("A man was charged with alleged theft, police said.", []),
    ("The alleged moderates met in Geneva.", ["alleged"]),
    ("Police described it as an unprovoked assault on a man.", []),
    ("The library hosts a poetry slam on Fridays.", []),
    ("He is a football fanatic.", []),
    ("Glorious sunshine is forecast for Sunday.", []),
    ("The library showed a horror film.", []),
    ("Police returned the bikes to their rightful owners.", []),
    ("The village is no more than a mile away.", []),
    ("Volunteers went all out to help.", []),
    ("They warned of an all-out war.", ["all-out war"]),
    ("The turnout was a good one.", []),
    ("The paper ran the line: Good one, Mr President, above a photo.", ["Good one"]),
])
def test_context_rules(sentence, expected):
    assert found(sentence) == expected


def test_every_context_rule_is_used_and_well_formed():
    rules = builtin_rules()
    used = {t.context for t in builtin_terms() if t.context}
    assert used == set(rules)
    for _name, rows in rules.items():
        for r in rows:
            assert r.kind in KINDS and r.explanation and (r.words or r.prefixes)


# -- the lexicon data -------------------------------------------------------------------------

def test_lexicon_rows_are_complete_and_covers_political_news():
    terms = builtin_terms()
    assert 250 <= len(terms) <= 1500
    cats = set(categories())
    assert cats == {"loaded_language", "name_calling", "exaggeration", "doubt", "appeal_to_fear",
                    "distancing", "legitimacy", "intensifier"}
    # "ignore" switches off a set phrase that contains a listed word ("regime change")
    assert {t.category for t in terms} - {"ignore"} == cats
    forms = {}
    for t in terms:
        assert t.explanation.endswith((".", ".)")) and len(t.explanation) <= 200, t.term
        assert 1 <= len(t.alternatives) <= 3, t.term
        for f in t.forms:
            key = split_form(f)
            assert key not in forms or forms[key] == t.term, (f, forms.get(key), t.term)
            forms[key] = t.term
    words = {f.lower() for t in terms for f in t.forms}
    for w in ["regime", "thug", "radical", "extremist", "terrorist", "militants", "crush", "slam", "ridiculous",
              "baseless", "unfounded", "aggression", "invasion", "puppet", "junta", "hysteria", "propaganda",
              "bloody", "brutal", "so-called", "notorious", "heroic",
              "blood-hungry", "war-torn", "allegedly", "legitimate", "illegitimate"]:
        assert w in words, w


# -- teachers' own lexicons -------------------------------------------------------------------

HEADER = "term,forms,category,explanation,alternatives,context\n"


def write(tmp_path: Path, content: str, name: str = "mine.csv") -> Path:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    return p


def test_extra_lexicon_adds_terms_and_names_its_row(tmp_path):
    p = write(tmp_path, HEADER + 'bureaucrats,bureaucrat,name_calling,"A sneer at officials.",officials|staff,\n')
    (m,) = run(body("The bureaucrats met."), extra_lexicons=[p]).matches
    assert (m.text, m.category, m.alternatives, m.source) == ("bureaucrats", "name_calling", ["officials", "staff"],
                                                              "mine.csv:2")


def test_extra_lexicon_can_switch_a_builtin_term_off(tmp_path):
    assert found("The regime fell.") == ["regime"]
    p = write(tmp_path, HEADER + "regime,regimes,ignore,,,\n")
    assert run(body("The regime fell."), extra_lexicons=[p]).matches == []


def test_extra_lexicon_without_optional_columns(tmp_path):
    p = write(tmp_path, "term,category,explanation,alternatives\ngizmo,loaded_language,Hype.,device\n")
    assert [m.text for m in run(body("A gizmo."), extra_lexicons=(str(p),)).matches] == ["gizmo"]


@pytest.mark.parametrize("content, needle", [
    (HEADER + "ok,,doubt,Fine.,fine,\nbad,,angry_words,Why.,calm,\n", "line 3: unknown category 'angry_words'"),
    (HEADER + ",,doubt,Why.,calm,\n", "line 2: the term is empty"),
    ("term,forms,explanation,alternatives\nx,,Why.,calm\n", "line 1: missing column(s) category"),
    (HEADER + "x,,doubt,Why.\n", "line 2: expected 6 fields"),
    (HEADER + "x,,doubt,Why.,,\n", "line 2: 'x' needs one to three alternatives"),
    (HEADER + "x,,doubt,,calm,\n", "line 2: 'x' needs an explanation"),
    (HEADER + "x,,doubt,Why.,calm,no_such_rule\n", "line 2: unknown context rule 'no_such_rule'"),
    (HEADER + 'x,,doubt,"Two\nlines.",calm,\ny,,legit,Why.,calm,\n', "line 4: unknown category 'legit'"),
])
def test_malformed_extra_lexicon_names_file_and_line(tmp_path, content, needle):
    p = write(tmp_path, content)
    with pytest.raises(KitInputError) as err:
        run(body("Some text."), extra_lexicons=[p])
    assert "mine.csv" in str(err.value) and needle in str(err.value)


def test_extra_lexicon_saved_by_a_spreadsheet(tmp_path):
    # Excel's "CSV UTF-8" starts with a byte-order mark and ends lines with CRLF
    p = tmp_path / "excel.csv"
    p.write_bytes(b"\xef\xbb\xbf" + (HEADER + "bureaucrats,,name_calling,A sneer.,officials,\n").replace(
        "\n", "\r\n").encode("utf-8"))
    assert [m.source for m in run(body("The bureaucrats met."), extra_lexicons=[p]).matches] == ["excel.csv:2"]
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes((HEADER + "naïve,,name_calling,A sneer.,officials,\n").encode("latin-1"))
    with pytest.raises(KitInputError, match="latin1.csv is not UTF-8 text"):
        run(body("Text."), extra_lexicons=[latin1])


def test_extra_lexicon_bad_paths(tmp_path):
    for path, needle in [(tmp_path / "nope.csv", "no such word list"), (tmp_path, "is a folder"),
                         (write(tmp_path, "x", "words.txt"), "must be a .csv file")]:
        with pytest.raises(KitInputError, match=needle):
            run(body("Text."), extra_lexicons=[path])


def test_cli_lexicon_flag_adds_terms_and_reports_bad_rows(tmp_path, seed_text):
    import subprocess
    import sys

    good = write(tmp_path, HEADER + "Interfax,,doubt,A test row.,news agency,\n", "good.csv")
    run_ = subprocess.run([sys.executable, "-m", "kit", "report", str(ROOT / "seeds" / "pravda_putin_syria_csto.txt"),
                           "--format", "json", "--lexicon", str(good)], capture_output=True, text=True, cwd=ROOT)
    assert run_.returncode == 0, run_.stderr
    hits = [m for m in json.loads(run_.stdout)["loaded_language"]["matches"] if m["term"] == "Interfax"]
    assert [(h["text"], h["source"]) for h in hits] == [("Interfax", "good.csv:2")]
    bad = write(tmp_path, HEADER + "x,,doubt,Why.,calm,\ny,,furious,Why.,calm,\n", "bad.csv")
    run_ = subprocess.run([sys.executable, "-m", "kit", "report", "-", "--lexicon", str(bad)], input=seed_text,
                          capture_output=True, text=True, cwd=ROOT)
    assert run_.returncode != 0
    assert "bad.csv, line 3: unknown category 'furious'" in run_.stderr and "Traceback" not in run_.stderr


def test_a_plain_string_is_accepted():
    assert [m.text for m in loaded.analyse(body("The regime fell.")).matches] == ["regime"]


def test_extra_lexicon_error_reaches_the_report_builder(tmp_path):
    from kit.report import build_report

    p = write(tmp_path, HEADER + "x,,nonsense_cat,Why.,calm,\n")
    with pytest.raises(KitInputError, match="mine.csv, line 2"):
        build_report(body("The regime fell."), extra_lexicons=(str(p),))


# -- summary ---------------------------------------------------------------------------------

def test_summary_counts_and_headline_against_body():
    text = ('Regime slams critics\n\nThe minister spoke to reporters on Monday about the budget and the '
            'roads. He said "the thugs lied" and left the building early.\n')
    res = run(text)
    s = res.summary()
    assert [(m.text, m.region, m.voice) for m in res.matches] == [
        ("Regime", "headline", "outlet"), ("slams", "headline", "outlet"), ("thugs", "body", "quoted")]
    assert s["matches"] == 3 and s["words"] == res.words == 3 + 23  # counted by hand
    assert s["by_voice"] == {"outlet": 2, "reported": 0, "quoted": 1}
    assert s["by_category"]["legitimacy"] == 1 and s["by_category"]["loaded_language"] == 1
    assert s["by_category"]["name_calling"] == 1 and sum(s["by_category"].values()) == 3
    assert s["headline_vs_body"]["headings"] == {"matches": 2, "words": 3, "per_100_words": 66.67}
    assert s["headline_vs_body"]["body"] == {"matches": 1, "words": 23, "per_100_words": 4.35}
    assert res.per_100_words == 11.54 and s["outlet_per_100_words"] == 7.69  # 3/26, 2/26


def test_article_without_paragraphs_gives_an_empty_result():
    res = run("")
    assert res.matches == [] and res.per_100_words == 0.0 and res.summary()["words"] == 0


# -- renderers -------------------------------------------------------------------------------

# A headline of 3 words and a body of 8 ("The thugs lied Jane Smith said on Monday"), counted by hand;
# "Regime" and "slams" are the outlet's, "thugs" is inside Jane Smith's quotation.
SMALL = 'Regime slams critics\n\n"The thugs lied," Jane Smith said on Monday.\n'


def test_to_dict_follows_the_report_contract():
    from kit import sourcing

    art = Article(SMALL)
    quotes = find_quotations(art)
    d = json.loads(json.dumps(loaded.analyse(art, quotes, sourcing.analyse(art, quotes)).to_dict()))
    rows = {t.term: t for t in builtin_terms()}  # explanations and alternatives come from the lexicon rows
    expected = [("regime", "Regime", "legitimacy", "outlet", None, "headline"),
                ("slam", "slams", "loaded_language", "outlet", None, "headline"),
                ("thug", "thugs", "name_calling", "quoted", "Jane Smith", "body")]
    assert len(d["matches"]) == 3
    for m, (term, text, category, voice, speaker, region) in zip(d["matches"], expected):
        start = SMALL.index(text)
        assert m == {"term": term, "category": category, "voice": voice, "speaker": speaker, "region": region,
                     "start": start, "end": start + len(text), "text": text,
                     "explanation": rows[term].explanation, "alternatives": list(rows[term].alternatives),
                     "source": m["source"]}
        assert m["source"].startswith("loaded_terms.csv:")
    assert d["per_100_words"] == 27.27  # 3 matches / 11 words
    assert d["summary"]["by_voice"] == {"outlet": 2, "reported": 0, "quoted": 1}
    assert d["summary"]["headline_vs_body"] == {
        "headings": {"matches": 2, "words": 3, "per_100_words": 66.67},
        "body": {"matches": 1, "words": 8, "per_100_words": 12.5}}


def test_to_text_lists_counts_and_each_outlet_match(seed_result):
    lines = render.loaded_text(seed_result, 78)
    text = "\n".join(lines)
    assert lines[0] == "LOADED LANGUAGE"
    assert all(len(line) <= 78 for line in lines)
    assert "per 100 words" in text and "Headline and subheads" in text and "By voice" in text
    outlet_part = text.split("In the outlet's own words")[1].split("In reported speech")[0]
    reported_part = text.split("In reported speech")[1].split("Inside quotations")[0]
    assert '"ridiculous" [loaded, subhead]' in outlet_part and "Try: " in outlet_part
    assert '"war-torn" [loaded, Vladimir Putin]' in reported_part and "Try: at war" in reported_part
    assert "war-torn" not in outlet_part  # "Putin said ... that ... the war-torn country": a paraphrase
    assert "Allegedly" not in outlet_part + reported_part  # only said inside Putin's quotation
    assert '"Allegedly" (Vladimir Putin)' in " ".join(text.split())


def test_text_and_markdown_mark_the_headings_without_colour(seed_result):
    text = " ".join(" ".join(render.loaded_text(seed_result, 78)).split())
    assert "subhead: Accusing Russia of refugee crisis in Europe {ridiculous}[loaded]" in text
    assert "Putin {overshadows}[loaded] {blood-hungry}[label], {exceptional}[loaded] Obama" in text
    md = "\n".join(render.loaded_markdown(seed_result))
    assert "- subhead: Situation in Syria **very serious** \\[intensifier\\]" in md


def test_to_markdown_escapes_and_lists_matches(seed_result):
    md = "\n".join(render.loaded_markdown(seed_result))
    assert md.startswith("## Loaded language")
    assert "| war-torn | reported (Vladimir Putin) | Loaded language | body |" in md
    assert "| ridiculous | outlet | Loaded language | subhead |" in md
    assert "quoted (Vladimir Putin)" in md


def test_html_and_marks_escape_a_teachers_text(tmp_path):
    p = write(tmp_path, HEADER + 'gizmo,,loaded_language,"A <script>alert(1)</script> word.",x|<b>y</b>,\n')
    res = run(body("A gizmo & more."), extra_lexicons=[p])
    out = render.loaded_html(res)
    assert out.startswith('<section class="loaded-language">') and "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "[loaded]" in out
    (mark,) = render.loaded_marks(res)
    assert (mark.css, mark.label) == ("loaded", "loaded")
    assert "<script>" in mark.title and "Try: x / <b>y</b>" in mark.title  # highlight() escapes titles


def test_marks_cover_every_match_with_short_labels(seed_result):
    marks = render.loaded_marks(seed_result)
    assert len(marks) == len(seed_result.matches)
    labels = {m.label for m in marks}
    assert {"loaded", "label", "legitimacy", "distancing"} <= labels
    war = next(m for m in marks if m.start == next(x.start for x in seed_result.matches if x.text == "war-torn"))
    assert "paints a country as ripped apart" in war.title and "Try: at war" in war.title


def test_report_integration():
    from kit.report import build_report

    rep = build_report(SMALL)
    assert [(m["text"], m["voice"], m["speaker"]) for m in rep.to_dict()["loaded_language"]["matches"]] == [
        ("Regime", "outlet", None), ("slams", "outlet", None), ("thugs", "quoted", "Jane Smith")]
    text = " ".join(render.to_text(rep).split())
    section = text[text.index("LOADED LANGUAGE"):]
    assert section.startswith("LOADED LANGUAGE 3 matches in 11 words: 27.3 per 100 words")
    assert ("By voice: 2 in the outlet's own words, 0 in reported speech (a paraphrase of a source), "
            "1 inside quotations") in section
    assert "Headline and subheads: 66.7 per 100 words (2 in 3 words); body: 12.5 per 100 words (1 in 8 words)" in section
    assert "headline: {Regime}[legitimacy] {slams}[loaded] critics" in section
    assert 'Inside quotations (the speaker\'s own words): "thugs" (Jane Smith)' in section
    md = render.to_markdown(rep)
    assert "| thugs | quoted (Jane Smith) | Name calling or labelling | body |" in md
    page = render.to_html(rep)
    section_html = page[page.index('<section class="loaded-language">'):]
    assert section_html.count("<li><mark") == 3
    assert "thugs<sup class=\"tag\">[label]</sup></mark> <em>Name calling or labelling; quoted: Jane Smith; body</em>" in section_html


def test_fixture_text_helper_gives_the_file_exactly():
    # offsets in the expectations index the text exactly as stored: no newline translation, no stripping
    for path in FIXTURES.glob("*.txt"):
        assert fixture_text(path.name) == path.read_bytes().decode("utf-8"), path.name
    text = fixture_text("neutral_council_report.txt")
    assert text.splitlines()[:3] == ["Council approves new recycling centre and 20mph limits near schools", "",
                                     "By Priya Nair, Westbrook Courier"]


def test_the_cue_verb_is_the_outlets_even_inside_a_paraphrase():
    # "insisted" is how the teller describes Lee speaking; what Lee said is reported
    text = "Ann Lee insisted that the ridiculous plan must go, the paper reported."
    voices = {m.text: m.voice for m in run(body(text)).matches}
    assert voices == {"insisted": "outlet", "ridiculous": "reported"}


# -- issue 14: classes of error found on real news (each: a use that must hit, a plain use that must not) ----

@pytest.mark.parametrize("sentence, expected", [
    # "alleged" / "allegedly" as the careful legal wording, against the mocking use
    ("Police are investigating the alleged assault outside the bar.", []),
    ("The inquiry into alleged collusion reported on Friday.", []),
    ("He allegedly stole two cars from the depot.", []),
    ("The alleged experts on the panel had no training at all.", ["alleged"]),
    ("Allegedly, the whole crisis is our fault.", ["Allegedly"]),
    ("Investigators are checking the purported letter from the minister.", []),
    ("The purported experts gave no sources.", ["purported"]),
    # minimisation: "merely" and "mere" only when they make something smaller
    ("They are not merely neighbours but friends.", []),
    ("Critics dismiss them as merely economic migrants.", ["merely"]),
    # a named event: "scandal" / "massacre" as part of the name the event is known by
    ("The Watergate scandal ended a presidency.", []),
    ("Survivors of the Halabja massacre met on Monday.", []),
    ("Reporters covered the abuse scandal for years.", []),
    ("The new parking fee is a scandal.", ["scandal"]),
    ("Troops massacred the villagers.", ["massacred"]),
    # scripture and prayer quoted in their own register
    ("The psalm asks God to deliver us from evil.", []),
    ("The minister called the new tax evil.", ["evil"]),
    # a fixed policy name with a listed word inside
    ("The senator supports regime change in the country.", []),
    ("The regime jailed its critics.", ["regime"]),
    # "claims" in court and abuse reports is the standard wording for an untested accusation
    ("The accuser claims she was assaulted at a party, the court heard.", []),
    ("The minister claimed the figures were wrong.", ["claimed"]),
])
def test_issue14_plain_uses_and_loaded_uses(sentence, expected):
    assert found(sentence) == expected


def test_a_title_case_line_is_not_read_as_a_name():
    text = body("Senator Posts About Total Witch Hunt Against Our Great Country\nThe senator said so on Sunday.")
    assert [m.text for m in run(text).matches] == ["Witch Hunt"]
    # a capitalised word inside ordinary prose still marks a name
    assert found("Talks with the Northern Liberation Front resumed on Sunday.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("The plan is very careless.", ["very careless"]),
    ("The hall is very large.", []),
    ("It was very cold on the hills.", []),
])
def test_very_before_a_judgement_word_only(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # breadth rows (issue 14), each with the plain use its rule lets through
    ("The senator's toxic rhetoric divided the town.", ["toxic"]),
    ("Toxic chemicals leaked into the river.", []),
    ("The new law will destroy our democracy.", ["destroy"]),
    ("The fire destroyed two houses on the estate.", []),
    ("Critics called the report rubbish.", ["rubbish"]),
    ("Rubbish piled up in the streets during the bin strike.", []),
    ("The new parking charge is a scam.", ["scam"]),
    ("Police warned pensioners about a phone scam.", []),
    ("It was a dirty campaign from start to finish.", ["dirty"]),
    ("Dirty water flooded the cellar.", []),
    ("The rogue senator voted alone.", ["rogue"]),
    ("A rogue trader lost the bank millions.", []),
    ("The report drew severe criticism.", ["severe"]),
    ("Forecasters issued severe weather warnings.", []),
    ("The country's aggressive policy alarmed its neighbours.", ["aggressive"]),
    ("The trial tested a drug against an aggressive form of brain cancer.", []),
    ("The minister's brilliant plan won the vote.", ["brilliant"]),
    ("The chef served a brilliant dessert at the festival.", []),
    ("These Vichy politicians serve Brussels.", ["Vichy"]),
    ("The Vichy government deported thousands in 1942.", []),
    ("He is a party hack.", ["hack"]),
    ("The email hack exposed customer data.", []),
    ("His destructive policies closed the mines.", ["destructive"]),
    ("The destructive storm flattened the pier.", []),
    # labels, sneers and set phrases
    ("Leftists marched in the capital.", ["Leftists"]),
    ("The deep state blocked the plan.", ["deep state"]),
    ("The hearing was a charade.", ["charade"]),
    ("The columnist wrote a hatchet job on the mayor.", ["hatchet job"]),
])
def test_issue14_breadth_rows_and_their_plain_uses(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # idioms and sneers that are plain words alone (issue 14: "loaded phrases whose words are plain alone")
    ("The mayor threw the residents under the bus.", ["under the bus"]),
    ("A cyclist was trapped under the bus after the crash.", []),
    ("Her supporters have drunk the Kool-Aid.", ["drunk the Kool-Aid"]),
    ("The children drank juice at the party.", []),
    ("He is a RINO, his rivals say.", ["RINO"]),
    ("The rhino escaped from the zoo.", []),
    ("The lamestream media ignored the rally.", ["lamestream media"]),
])
def test_idioms_and_sneers_made_of_plain_words(sentence, expected):
    assert found(sentence) == expected
