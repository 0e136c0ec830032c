"""The layout of real pastes: what the kit assumes about line breaks, and what it does with them.

Every text here was written for this test (no corpus text). Each class of layout
from issue 14 / issue 13 has its own short text; every span is checked against
the raw text.
"""

import pytest

from conftest import fixture_text
from kit.article import Article
from kit.layout import read_layout
from kit.quotes import find_quotations
from kit.report import build_report
from kit.sourcing import analyse

# One sentence per line, no blank line; a quotation runs over three lines.
POOL = """Council votes to close the old pool
The city council voted on Tuesday to close the Elm Street pool at the end of the summer.
The building needs a new roof and new pumps, according to a report by the city engineer.
“We looked at every way to keep it open.
The repairs would cost more than a new pool.
We simply do not have that money,” said Ana Ruiz, who chairs the council’s leisure committee.
Swimmers will be able to use the pool at Oak Park from September.
A group of parents has started a petition to keep the pool open.
Its organiser, Tom Hale, said the council had not asked families what they wanted.
The petition had 800 signatures by Wednesday evening.
"""

# One paragraph per line (two or three sentences each), no blank line: 20 lines.
FERRY = """Ferry service to the islands cut to three days a week
The ferry to Inchmore and Balla will sail on Mondays, Wednesdays and Fridays only from next month. The operator says it cannot find enough crew for a daily service.
Islanders were told of the change in a letter on Thursday. Many said they learnt of it from a notice at the pier.
The crossing takes forty minutes and carries up to twelve cars. In summer it also carries about two hundred walkers a day.
The operator, Westsound Ferries, has run the route since 2009. Its contract with the regional council ends in two years.
"We have advertised for deckhands four times since January," said Moira Baird, the company's operations manager. "Each time we had one or two replies."
She said the timetable would return to six days a week once new crew were trained. She did not give a date.
The council's transport committee will discuss the cut at its meeting on the 14th. Members of the public may attend.
Inchmore has a primary school, a shop and a health centre. Secondary pupils cross to the mainland every school day.
The school's head teacher said pupils would stay with families on the mainland on the other days. Parents were asked to tell the school by Friday.
The shop on Balla is supplied by the ferry twice a week. Its owner said he would order larger deliveries.
A doctor visits the health centre on Tuesdays. The health board said the visit would move to Wednesday.
Fishermen on both islands use their own boats and are not affected. Some have offered to carry post.
The last cut to the service, in 2016, lasted six weeks. It ended when two crew members moved to the islands.
Visitors with bookings on the cancelled days will be offered a refund. The company said it would contact them by e-mail.
The council has asked the company for a plan to train local people as crew. A reply is expected next week.
Bus times on the mainland will not change. The bus meets the ferry at the pier on sailing days.
The islands have about four hundred residents between them. Numbers rise to about a thousand in August.
A petition against the cut had 350 names by Sunday. It will be handed to the council before the meeting.
More information is on the operator's website and at the pier office.
"""

# Sentence per line: quoted lines, a question and an exclamation are sentences; one real subhead.
MARKET = """Night market opens in the old bus station
The night market opened on Friday with forty stalls under the old bus station roof.
Traders sell hot food, second-hand books and plants until midnight.
“Best evening out in years”
That was the verdict of Rosa Lind, who came with her two sons.
Why did it take so long?
The council first discussed the idea in 2019.
What a crowd!
Organisers counted more than three thousand visitors in the first four hours.
Parking and buses
The car park next to the station is free after six.
Buses run every twenty minutes until half past midnight.
"""

CREDITS = """Wildfire forces evacuation of two villages

Firefighters ordered about 600 people to leave two villages north of the city on Sunday as a wildfire spread.

The fire had burned about 12 square kilometres by the evening, the regional fire service said.

Jane Doe reported from Phoenix.

Associated Press writers Sam Lee and Kim Park contributed to this report.

(Reporting by Omar Haddad; Additional reporting by Lea Brun; Editing by Paul Grant)
"""

INTERVIEW = """Library chief on the new Sunday hours

By Sam Writer

Jane Roe, the city's chief librarian, spoke to us about the longer opening hours.

Q: Why open on Sundays?

A: Families asked for it. I'm telling you, the queue on the first day went round the corner.

We heard it from parents at every meeting, and the budget will cover it.

Q: What will it cost?

A: About 40,000 pounds a year, which is the best value the city will ever get.

The library opens at nine on Sundays.
"""

RADIO = """Radio debate on the bypass

Presenter Lucy Marsh put the plan to Councillor Ray Webb and the transport campaigner Ada Okafor on Tuesday.

MARSH: Councillor, why build the bypass now?

WEBB: Because the high street cannot take more lorries. We have waited twenty years.

OKAFOR: The money would do far more good in buses. Nobody has shown me the traffic figures.

WEBB: The figures are in the council's own report.

The council will vote on the plan next month.
"""


def _check_spans(text: str) -> dict:
    """Every span of the JSON report slices the raw text (the kit's first rule); returns the report."""
    d = build_report(text, "t.txt").to_dict()
    for p in d["structure"]["paragraphs"] + d["structure"]["body_sentences"]:
        assert 0 <= p["start"] < p["end"] <= len(text)
    for a in d["sourcing"]["attributions"]:
        assert 0 <= a["start"] < a["end"] <= len(text) and a["quote_start"] <= a["quote_end"]
        for q in a["quotes"]:  # quoted words lie inside the attribution's span
            assert a["start"] <= q["start"] < q["end"] <= a["end"] and text[q["start"]:q["end"]].strip()
        if a["mention_start"] is not None:
            assert text[a["mention_start"]:a["mention_end"]] == a["mention"]
        if a["cue_start"] is not None:
            assert text[a["cue_start"]:a["cue_end"]].lower() == a["cue"]
    for u in d["sourcing"]["unattributed"]:
        assert text[u["start"]:u["end"]] == u["text"]
    for m in d["loaded_language"]["matches"]:
        assert text[m["start"]:m["end"]] == m["text"]
    return d


@pytest.mark.parametrize("text", [POOL, FERRY, MARKET, CREDITS, INTERVIEW, RADIO])
def test_every_paragraph_slices_the_raw_text(text):
    a = Article(text)
    for p in a.paragraphs:
        assert text[p.start:p.end] == p.text
    for s in a.body_sentences:
        assert text[s.start:s.end] == s.text
    _check_spans(text)


# -- detecting the layout ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    (POOL, "sentence_per_line"),
    (MARKET, "sentence_per_line"),
    (FERRY, "paragraph_per_line"),
    (CREDITS, "blank_lines"),
    (INTERVIEW, "blank_lines"),
    ("Just one line of text about the council budget.", "single_paragraph"),
])
def test_layout_kind(text, kind):
    assert Article(text).layout.kind == kind


def test_fixtures_keep_their_layout():
    assert Article(fixture_text("wrapped_curly.txt")).layout.kind == "hard_wrapped"
    assert Article(fixture_text("web_paste.txt")).layout.kind == "blank_lines"
    assert Article(fixture_text("wire_story.txt")).layout.kind == "blank_lines"


def test_sentence_per_line_counts_lines_and_says_so():
    layout = Article(POOL).layout
    # 10 lines; the three lines of Ana Ruiz's quotation are one paragraph: 8 paragraphs, 2 line breaks joined
    assert (layout.lines, layout.paragraphs, layout.joined, layout.unit) == (10, 8, 2, "line")
    assert "one sentence per line" in layout.note
    assert "each of its 10 lines as a paragraph (joined to the next where a quotation" in layout.note
    assert "twice), so its 8 “paragraphs” are lines, not the writer's paragraphs." in layout.note


def test_paragraph_per_line_keeps_each_line_a_paragraph():
    a = Article(FERRY)
    assert a.layout.lines == 20
    assert len(a.paragraphs) == 20 and a.layout.unit == "paragraph" and a.layout.joined == 0
    assert a.title == "Ferry service to the islands cut to three days a week"
    assert len(a.body_paragraphs) == 19
    assert "one paragraph per line" in a.layout.note and "each of its 20 lines as a paragraph." in a.layout.note


def test_layout_is_in_the_json_report():
    layout = build_report(POOL, "pool.txt").to_dict()["structure"]["layout"]
    assert layout["kind"] == "sentence_per_line"
    assert layout["unit"] == "line"
    assert layout["note"].startswith("Your text had one sentence per line")
    assert build_report(CREDITS, "c.txt").to_dict()["structure"]["layout"]["kind"] == "blank_lines"


# -- quotations over line breaks -------------------------------------------------------------------------
def test_quotation_over_three_lines_is_one_quotation_with_its_speaker():
    a = Article(POOL)
    scan = find_quotations(a)
    assert scan.unbalanced == []
    [q] = scan.quotations
    assert q.text.startswith("We looked at every way") and q.text.endswith("do not have that money,")
    assert q.text.count("\n") == 2 and POOL[q.start:q.end] == q.text
    s = analyse(a)
    ruiz = [x for x in s.attributions if x.speaker == "Ana Ruiz"]
    assert len(ruiz) == 1 and ruiz[0].kind == "direct"
    assert POOL[ruiz[0].quote_start:ruiz[0].quote_end] == q.text
    assert not [u for u in s.unattributed if u.kind in ("quote", "scare_quote")]


def test_a_line_left_open_without_a_closing_line_is_not_joined():
    text = ("Title of a story\nThe mayor spoke for an hour at the opening.\n“We will build it, she said.\n"
            "The hall was full by seven in the evening.\nTickets were sold out a week before.\n")
    a = Article(text)
    assert a.layout.joined == 0  # no later line closes the quotation: a stray mark, not a long quote
    assert find_quotations(a).unbalanced[0].text == "“"


# -- subheads --------------------------------------------------------------------------------------------
def test_quoted_lines_and_sentences_are_not_subheads():
    a = Article(MARKET)
    assert [p.text for p in a.subheads] == ["Parking and buses"]
    bodies = [p.text for p in a.body_paragraphs]
    assert "“Best evening out in years”" in bodies
    assert "Why did it take so long?" in bodies
    assert "What a crowd!" in bodies


def test_a_question_subhead_stays_in_a_blank_line_article():
    assert [p.text for p in Article(fixture_text("web_paste.txt")).subheads] == ["What is the price cap?"]


def test_an_open_quotation_is_never_a_subhead():
    text = ("Storm closes the coast road\n\nThe coast road was closed on Monday after a landslip near the harbour.\n\n"
            "“We have never seen\n\nthe road closed for so long, said a driver.\n\n"
            "The road will reopen when engineers have checked the cliff.\n")
    a = Article(text)
    assert a.subheads == []


# -- credit lines ----------------------------------------------------------------------------------------
def test_credit_lines_are_boilerplate_not_sources():
    a = Article(CREDITS)
    assert [p.text for p in a.boilerplate] == [
        "Jane Doe reported from Phoenix.",
        "Associated Press writers Sam Lee and Kim Park contributed to this report.",
        "(Reporting by Omar Haddad; Additional reporting by Lea Brun; Editing by Paul Grant)",
    ]
    speakers = {x.speaker for x in analyse(a).attributions}
    assert speakers == {"the regional fire service"}


def test_reported_from_in_a_sentence_is_still_body():
    text = ("Talks end without a deal\n\nThe minister reported from the summit that the talks had failed.\n\n"
            "Negotiators will meet again in March.\n")
    assert [p.role for p in Article(text).paragraphs] == ["title", "body", "body"]


# -- transcripts -----------------------------------------------------------------------------------------
def test_question_and_answer_interview():
    a = Article(INTERVIEW)
    assert [t.label for t in a.layout.turns] == ["Q", "A", "Q", "A"]
    assert "speaker's label" in a.layout.note
    s = analyse(a)
    turns = [x for x in s.attributions if x.rule == "transcript_turn"]
    assert [(x.mention, x.speaker, x.kind) for x in turns] == [
        ("Q", "Sam Writer", "direct"), ("A", "Jane Roe", "direct"),
        ("Q", "Sam Writer", "direct"), ("A", "Jane Roe", "direct"),
    ]
    first_answer = turns[1]
    # the answer goes on into the unlabelled paragraph before the next question
    assert [INTERVIEW[q0:q1][:16] for q0, q1 in first_answer.quotes] == ["Families asked f", "We heard it from"]
    # "I'm telling you" inside the answer is the guest speaking, not a source called "I'm"
    assert "I'm" not in {x.speaker for x in s.attributions}
    # the words in the turns are the guest's: no "no source" claim inside them ("will", "best")
    assert s.unattributed == []
    _check_spans(INTERVIEW)


def test_name_labelled_transcript():
    a = Article(RADIO)
    assert [t.label for t in a.layout.turns] == ["MARSH", "WEBB", "OKAFOR", "WEBB"]
    s = analyse(a)
    turns = [(x.mention, x.speaker) for x in s.attributions if x.rule == "transcript_turn"]
    assert turns == [("MARSH", "Lucy Marsh"), ("WEBB", "Ray Webb"), ("OKAFOR", "Ada Okafor"), ("WEBB", "Ray Webb")]
    okafor = next(x for x in s.attributions if x.mention == "OKAFOR")
    assert RADIO[okafor.quote_start:okafor.quote_end] == (
        "The money would do far more good in buses. Nobody has shown me the traffic figures.")
    assert RADIO[okafor.mention_start:okafor.mention_end] == "OKAFOR"
    # a turn is never a subhead, even when it is short ("WEBB: The figures are in ...")
    assert a.subheads == []
    # the narration after the last turn is the outlet's again
    assert all(x.end <= RADIO.index("The council will vote") for x in s.attributions)


def test_labels_that_are_not_speakers_make_no_transcript():
    text = ("Road works on the high street\n\nUPDATE: The road reopened at six.\n\n"
            "The council closed the road on Monday for repairs to a water main.\n\n"
            "Note: Buses are still on diversion.\n")
    assert Article(text).layout.turns == ()


def test_a_section_label_used_twice_is_not_a_speaker():
    text = ("Three towns, three budgets\n\nFederation: North\n\nThe northern towns spent more on roads this year.\n\n"
            "Federation: South\n\nThe southern towns spent more on schools.\n")
    assert Article(text).layout.turns == ()


def test_block_quote_after_a_colon_is_the_speakers():
    text = ("Library reopens\n\nThe mayor said in a statement on Monday:\n\n"
            "The library will open at nine every day and it will stay open late.\n\n"
            "The building was closed for six months for repairs.\n")
    s = analyse(text)
    block = [x for x in s.attributions if x.rule == "block_quote"]
    assert len(block) == 1 and block[0].speaker == "the mayor" and block[0].kind == "direct"
    assert text[block[0].quote_start:block[0].quote_end].startswith("The library will open")
    assert s.unattributed == []  # "will" in the mayor's words is the mayor's forecast, not the outlet's


def test_read_layout_offsets_are_the_article_paragraphs():
    layout, spans = read_layout(POOL)
    assert [(p.start, p.end) for p in Article(POOL).paragraphs] == spans
    assert layout.paragraphs == len(spans)


def test_lines_that_carry_on_a_quotation_are_joined():
    # a colon line and the quotation it introduces; a quotation and the "he said." on the next line
    text = ("Ferry captain retires\nAfter forty years at the wheel, Captain Neil Bell told his passengers on the last crossing:\n"
            "“Look after the old boat for me.”\nShe sailed on Friday morning with a full deck.\n"
            "“Why would I stop now, when the sea is still out there?”\nhe asked a reporter on the pier.\n"
            "His daughter will take over the route next month.\n")
    a = Article(text)
    assert a.layout.kind == "sentence_per_line" and a.layout.joined == 2
    s = analyse(a)
    assert [u for u in s.unattributed if u.kind == "quote"] == []
    told = [x for x in s.attributions if x.cue == "told"]
    assert len(told) == 1 and told[0].rule == "colon_quote" and told[0].speaker == "Neil Bell"
    assert text[told[0].quote_start:told[0].quote_end] == "Look after the old boat for me."
    asked = [x for x in s.attributions if x.cue == "asked"]
    assert len(asked) == 1 and text[asked[0].quote_start:asked[0].quote_end].startswith("Why would I stop")
