"""Teacher materials: the guide says what a teacher must know before a session, every
lesson has a plan and an answer key, and the answer key's exercises and numbers match
the notebooks and what the kit computes (so a metric change that makes a key wrong fails).
"""

from __future__ import annotations

import ast
import html
import inspect
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEACHERS = ROOT / "teachers"
LESSONS = ROOT / "lessons"
SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
NEUTRAL = ROOT / "seeds" / "neutral_library_hours.txt"


@pytest.fixture(autouse=True)
def _answers_kept_elsewhere(tmp_path, monkeypatch):
    """The exercises keep answers in my_work/ under the working directory: a fresh one per test, not the repo."""
    from kit.lessons import work

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(work, "_students", {})


def read(name: str) -> str:
    return (TEACHERS / name).read_text(encoding="utf-8")


def flat(s: str) -> str:
    """Lower case with runs of white space (line breaks in Markdown) as one space."""
    return re.sub(r"\s+", " ", s).lower()


def lesson_files() -> list[Path]:
    return sorted(LESSONS.glob("[0-9][0-9]_*.ipynb"))


def lesson_ids() -> list[str]:
    return [p.name[:2] for p in lesson_files()]


def sections(markdown: str) -> dict[str, str]:
    """'## NN Title' sections of a teacher file, keyed by the lesson number NN."""
    out: dict[str, str] = {}
    parts = re.split(r"(?m)^## (\d\d)\b", markdown)
    for number, body in zip(parts[1::2], parts[2::2]):
        out[number] = body
    return out


def code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def markdown_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


@lru_cache(maxsize=1)
def exercise_classes() -> frozenset[str]:
    """Names of the kit's widget classes that are exercises (they add the `kit-exercise` class)."""
    import importlib
    import pkgutil

    import kit.lessons

    modules = [importlib.import_module(f"kit.lessons.{m.name}") for m in pkgutil.iter_modules(kit.lessons.__path__)]
    names = set()
    for module in modules:
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and obj.__module__ == module.__name__:
                if any('"kit-exercise"' in inspect.getsource(k) for k in obj.__mro__
                       if k.__module__.startswith("kit.")):
                    names.add(name)
    # helper functions that build one of those exercises (e.g. kw.hard_word_quiz)
    for module in modules:
        for name, obj in vars(module).items():
            if inspect.isfunction(obj) and obj.__module__ == module.__name__ and not name.startswith("_"):
                if re.search(r"\b(?:%s)\(" % "|".join(sorted(names)), inspect.getsource(obj)):
                    names.add(name)
    return frozenset(names)


def test_exercise_classes_are_found_in_the_lessons_package():
    # the answer-key checks below rest on this list: an empty or partial one would let them pass unchecked
    assert {"MultipleChoice", "PickTheWord", "OpenAnswer", "Dropdowns", "RewriteLab", "LoadedRewrite",
            "NeutralRewrite", "SiftChecklist", "OwnArticleLab", "hard_word_quiz", "loaded_word_quiz",
            "who_speaks_most_quiz", "exercise"} <= exercise_classes()


def exercises_in(path: Path) -> list[ast.Call]:
    """Every call in the notebook's code that builds an exercise widget."""
    calls = []
    for src in code_cells(path):
        try:
            tree = ast.parse(src)
        except SyntaxError:  # a cell with IPython magics: none of ours build exercises
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                if name in exercise_classes():
                    calls.append(node)
    return calls


def literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


# -- the guide ----------------------------------------------------------------------------------
def test_guide_says_binder_does_not_keep_work_and_how_to_download():
    guide = flat(read("README.md"))
    assert "binder does not keep a student's work" in guide
    assert "10 minutes" in guide  # the idle limit, so teachers plan breaks around it
    assert "file > download" in guide
    assert "upload" in guide  # and how to carry on next time


def test_guide_says_nbgitpuller_shows_the_answer_keys():
    guide = flat(read("README.md"))
    assert "hub/user-redirect/git-pull?repo=" in guide
    assert "pulls the whole repository" in guide
    assert "teachers/" in guide and "visible" in guide
    assert "make student-edition dest=" in guide and "keep the full repository, with the answer keys, private" in guide


def test_guide_covers_local_install_offline_and_the_cli():
    guide = flat(read("README.md"))
    for phrase in ("make lab", "make test", "offline", "python -m kit report", "--format html"):
        assert phrase in guide, phrase


def test_guide_binder_link_is_the_readme_badge_link():
    link = "https://mybinder.org/v2/gh/OWNER/REPO/main?urlpath=lab/tree/lessons/00_start_here.ipynb"
    assert link in read("README.md")
    assert link in (ROOT / "README.md").read_text(encoding="utf-8")


def test_files_the_guide_names_exist():
    guide = read("README.md")
    for name in re.findall(r"lessons/(\d\d_\w+\.ipynb)", guide):
        assert (LESSONS / name).is_file(), f"the guide links lessons/{name}, which does not exist"
    for name in re.findall(r"\]\(([\w.]+\.md)\)", guide):
        assert (TEACHERS / name).is_file(), name


# -- one plan and one answer section per lesson -------------------------------------------------
def test_there_are_lessons():
    assert lesson_files(), "no lessons/NN_*.ipynb found"


@pytest.mark.parametrize("lesson", lesson_ids())
def test_every_lesson_has_a_plan(lesson):
    plan = sections(read("lesson_plans.md")).get(lesson)
    assert plan, f"teachers/lesson_plans.md has no '## {lesson} ...' section"
    for heading in ("**Time:", "**Objectives.**", "**Preparation.**", "**Discussion prompts.**",
                    "**Common difficulties.**"):
        assert heading in plan, f"plan {lesson} lacks {heading}"


@pytest.mark.parametrize("lesson", lesson_ids())
def test_plan_timing_adds_up_and_matches_the_notebook(lesson):
    plan = sections(read("lesson_plans.md"))[lesson]
    m = re.search(r"\*\*Time: (\d+) min[^*]*\*\*([^\n]*)", plan)
    assert m, f"plan {lesson}: no '**Time: N min.** segments' line"
    total, segments = int(m.group(1)), m.group(2)
    minutes = [int(n) for n in re.findall(r"(\d+) [A-Za-z]", segments)]
    assert sum(minutes) == total, f"plan {lesson}: segments {minutes} do not add up to {total}"
    path = next(p for p in lesson_files() if p.name.startswith(lesson))
    header = markdown_cells(path)[0]
    stated = re.search(r"\*\*Time:\*\*\D*(\d+)", header)
    assert stated, f"{path.name}: header states no time"
    assert int(stated.group(1)) == total, f"{path.name} says {stated.group(1)} min, the plan {total}"


@pytest.mark.parametrize("lesson", lesson_ids())
def test_every_exercise_has_an_answer(lesson):
    key = sections(read("answer_keys.md")).get(lesson)
    assert key, f"teachers/answer_keys.md has no '## {lesson} ...' section"
    path = next(p for p in lesson_files() if p.name.startswith(lesson))
    calls = exercises_in(path)
    listed = len(re.findall(r"(?m)^### Exercise", key))
    assert listed >= len(calls), f"{path.name} has {len(calls)} exercises, its answer key lists {listed}"
    for call in calls:
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
        if name == "exercise":  # kw.exercise("ID"): the question and answer are in the kit's data
            check_key_for(literal(call.args[0]), key, path.name)
            continue
        question = literal(call.args[0]) if call.args else None
        if question is not None:
            assert flat(question) in flat(key), f"{path.name}: no answer for {question!r}"
        answer = next((literal(k.value) for k in call.keywords if k.arg == "answer"), None)
        if answer is not None:
            assert flat(answer) in flat(key), f"{path.name}: the key does not give the answer {answer!r}"
        items = next((k.value for k in call.keywords if k.arg == "items"), None)
        if isinstance(items, ast.List):  # Dropdowns: every (line, role) pair is a row of the key's table
            for item in items.elts:
                line, role = (literal(e) for e in item.elts)
                assert f"| {line} | {role} |" in key, f"{path.name}: no row for {line!r} -> {role!r}"


def check_key_for(exercise_id: str | None, key: str, where: str) -> None:
    """The answer key section states the exercise's question, its answer and every dropdown row."""
    from kit.grading import spec

    assert exercise_id, f"{where}: kw.exercise needs an id"
    s = spec(exercise_id)
    assert flat(s["question"]) in flat(key), f"{where}: no answer for {s['question']!r}"
    if "answer" in s:
        assert flat(s["answer"]) in flat(key), f"{where}: the key does not give the answer {s['answer']!r}"
    for line, role in s.get("items", []):
        assert f"| {line} | {role} |" in key, f"{where}: no row for {line!r} -> {role!r}"
    if s["kind"] in ("free_text", "rewrite"):
        assert f"`{exercise_id}`" in key, f"{where}: the key should name the exercise id {exercise_id}"
        assert flat(s["model_answer"]).rstrip(".") in flat(key).replace("> ", ""), f"{where}: model answer"


def test_no_answer_or_plan_for_a_lesson_that_does_not_exist():
    assert set(sections(read("answer_keys.md"))) <= set(lesson_ids())
    assert set(sections(read("lesson_plans.md"))) <= set(lesson_ids())


# -- numbers the answer key states ---------------------------------------------------------------
@lru_cache(maxsize=None)
def report(path: Path = SEED):
    from kit.report import build_report

    return build_report(path.read_text(encoding="utf-8"), path.name)


# (lesson, phrase in the answer key with {} for the value, how the kit computes the value).
# This keeps the key in step with what the notebooks show. The counts a teacher can redo by
# hand were also checked by reading the article (test_hand_checked_counts).
NUMBERS = [
    ("00", "Outlet: {}", lambda: report().article.outlet),
    ("00", "Author: {}", lambda: report().article.author),
    ("00", "Body paragraphs: {}", lambda: len(report().article.body_paragraphs)),
    ("00", "Body sentences: {}", lambda: len(report().article.body_sentences)),
    ("00", "Body words: {}", lambda: len(report().article.body_words)),
    ("00", "the {} subheads", lambda: len(report().article.subheads)),
    ("00", "the {} \"Also read\" links", lambda: len(report().article.related_links)),
    ("00", "the {} boilerplate lines", lambda: len(report().article.boilerplate)),
    ("01", "`article.title`: \"{}\"", lambda: report().article.title),
    ("01", "headline {} · body {} · subhead {} · related link {} · boilerplate {}",
     lambda: tuple(role_counts().values())),
    ("01", "the analyst paragraph (\"An analyst at the Shanghai International Studies University ...\", {} words)",
     lambda: longest_paragraph_words("An analyst at")),
    ("02", "`grade {}`", lambda: f"{passage_grade('The cat sat on the mat.'):5.1f}"),
    ("02", "`grade {}`", lambda: f"{passage_grade('Mat the on sat cat the.'):5.1f}"),
    ("02", "`{} sentences, {} words`",
     lambda: (report().readability.counts.sentences, report().readability.counts.words)),
    ("02", "`Consensus grade: {:.1f} years of school`", lambda: report().readability.scores["consensus_grade"]),
    ("02", "{} words, {} syllables, Flesch-Kincaid grade {:.1f}",
     lambda: (hardest().words, hardest().syllables, hardest().grade)),
    ("02", "**Answer: {}**", lambda: ", ".join(hard_word_quiz_answers())),
    ("02", "(grade {:.1f}, {} sentences, {} words)", lambda: rewrite_stats(REWRITE_02)),
    ("02", "scores well (grade {:.1f}) but gets **✘ Not quite** (\"your version keeps only {:.0%} of the",
     lambda: short_02()),
    ("03", "`{} attributions: {} direct quotations, {} reported`",
     lambda: tuple(report().sourcing.counts()[k] for k in ("attributions", "direct", "indirect"))),
    ("03", "**Answer: {}** ({} direct + {} reported)", lambda: top_speaker()),
    ("03", "\"said\" {} times, \"according to\" {}", lambda: (cue_count("said"), cue_count("according to"))),
    ("03", "Claims with no source ({})", lambda: len(report().sourcing.unattributed)),
    ("03", "The one unnamed source: \"{}\"",
     lambda: "".join(s.speaker for s in report().sourcing.speakers if not s.named)),
    ("04", "`kw.categories_table()`: {} categories", lambda: category_count()),
    ("04", "`{} loaded words in {} words ({:.1f} per 100 words)`",
     lambda: (loaded_summary()["matches"], loaded_summary()["words"], loaded_summary()["per_100_words"])),
    ("04", "`outlet's own voice: {}`", lambda: loaded_summary()["by_voice"]["outlet"]),
    ("04", "`reported speech:    {}`", lambda: loaded_summary()["by_voice"]["reported"]),
    ("04", "`inside quotations:  {}`", lambda: loaded_summary()["by_voice"]["quoted"]),
    ("04", "groups the {} outlet-voice uses ({} different words) by category: loaded language {}, name calling or "
           "labelling {}", lambda: loaded_words_numbers()),
    ("04", '"Show all {} words ({} uses)"', lambda: loaded_words_numbers()[1::-1]),
    ("04", "**Answer: {}** (\"overshadows\"", lambda: ", ".join(link_quiz_answers())),
    ("04", "The paragraph has {} loaded words outside quotation marks, all in reported speech (Putin's view, the "
           "outlet's wording): **{}**", lambda: first_paragraph_loaded()),
    ("04", "A model answer ({} left)", lambda: loaded_rewrite_left(REWRITE_04)),
    ("05", "{} lines written to be seen first", lambda: headline_rows()),
    ("05", "headline {:.1f} ({} in {} words), subheads {:.1f} ({} in {} words), link titles {:.1f} ({} in {} "
           "words), body {:.1f} ({} in {} words)",
     lambda: tuple(v for region in ("headline", "subhead", "related_link", "body")
                   for v in (loaded_summary()["by_region"][region]["per_100_words"],
                             loaded_summary()["by_region"][region]["matches"],
                             loaded_summary()["by_region"][region]["words"]))),
    ("06", "The original has **{} claim with no source**", lambda: neutral_rewrite_before()["claims with no source"]),
    ("06", "**{} loaded words** in the outlet's voice",
     lambda: neutral_rewrite_before()["loaded words (outlet's voice)"]),
    ("07", "`Outlet: {} · Author: {}`", lambda: (report(NEUTRAL).article.outlet, report(NEUTRAL).article.author)),
    ("07", "{} body paragraphs, {} body sentences, {} words, {} subhead, {} related links",
     lambda: (len(report(NEUTRAL).article.body_paragraphs), report(NEUTRAL).readability.counts.sentences,
              report(NEUTRAL).readability.counts.words, len(report(NEUTRAL).article.subheads),
              len(report(NEUTRAL).article.related_links))),
    ("07", "consensus grade {:.1f}, Flesch Reading Ease {:.1f}, {:.1f} words per sentence",
     lambda: tuple(report(NEUTRAL).readability.scores[k]
                   for k in ("consensus_grade", "flesch_reading_ease", "words_per_sentence"))),
    ("07", "hardest sentence grade {:.1f} ({} words, the survey sentence",
     lambda: neutral_hardest("Of the residents who answered")),
    ("07", "; {} loaded words", lambda: len(report(NEUTRAL).loaded.matches)),
]


# The model rewrites in answer keys 04 and 06, checked against what the widgets say.
REWRITE_04 = ("Russian President Vladimir Putin said at the CSTO summit that Russian support for the current "
              "government of Syria was not connected with the departure of refugees from the country, where a war "
              "is being fought.")
REWRITE_06 = [
    'Putin urged Western countries to put "geopolitical ambitions" and "double standards" aside in "the fight '
    'against terrorism". He said Western countries should stop using armed groups to replace governments they '
    'oppose, which he called "unwanted governments".',
    "Putin urged Western countries to put aside their foreign policy aims and inconsistency in the fight against "
    "armed groups. He said the West should no longer replace governments it opposes with the help of armed groups.",
]


def top_speaker() -> tuple[str, int, int]:
    top = max(report().sourcing.speakers, key=lambda s: s.direct + s.indirect)
    return top.speaker, top.direct, top.indirect


def cue_count(cue: str) -> int:
    return sum(a.cue.lower() == cue for a in report().sourcing.attributions)


def category_count() -> int:
    from kit.loaded_lexicon import categories

    return len(categories())


def loaded_summary() -> dict:
    return report().loaded.summary()


def loaded_words_numbers() -> tuple[int, int, int, int]:
    """(uses, different words, uses in the top two categories) in kw.loaded_words_view of the outlet's voice."""
    from kit import widgets as kw

    view = kw.loaded_words_view(report().loaded, voice="outlet")
    assert [r[0] for r in view.rows[:2]] == ["Loaded language", "Name calling or labelling"]
    assert sum(r[1] for r in view.rows) == loaded_summary()["by_voice"]["outlet"]
    return sum(r[1] for r in view.rows), len(view.detail), view.rows[0][1], view.rows[1][1]


def link_quiz_answers() -> list[str]:
    from kit import widgets as kw

    a = report().article
    link = a.related_links[1]
    assert link.text == "Also read: Putin overshadows blood-hungry, exceptional Obama"
    return list(kw.loaded_word_quiz(a, report().loaded, link).targets)


def first_paragraph_loaded() -> tuple[int, str]:
    from kit import widgets as kw

    lab = kw.LoadedRewrite(report().article.body_paragraphs[0].text)
    words = [m.text for m in lab.outlet_matches(lab.before)]
    assert all(m.voice == "reported" for m in lab.outlet_matches(lab.before))  # the key says "all in reported speech"
    return len(words), ", ".join(words)


def loaded_rewrite_left(version: str) -> int:
    from kit import widgets as kw
    from kit.compare import passage_analysis

    lab = kw.exercise("04-rewrite-loaded")
    fb = lab.submit(version)
    assert fb.status == "check", fb.message  # passes every check; the meaning is for the student to compare
    return len(lab.outlet_matches(passage_analysis(version)[2]))


def neutral_rewrite_lab():
    from kit import widgets as kw

    return kw.exercise("06-neutral-rewrite")


def neutral_rewrite_before() -> dict:
    return neutral_rewrite_lab().before


# Answers the key quotes for open exercises, and the verdict the key says the student gets.
FREE_TEXT = [
    ("00-main-message", "Russia supports the Syrian government and says it is not to blame for the refugee crisis.",
     "correct"),
    ("00-main-message", "Putin spoke at a summit", "check"),
    ("00-main-message", "Russia supports the Syrian rebels against Assad", "incorrect"),
    ("00-main-message", "russia russia russia support syria", "incorrect"),
    ("03-missing-voice", "Refugees could say why they left, which tests Putin's claim that they flee terrorists, not "
                         "Russia's support for Assad.", "correct"),
    ("03-missing-voice", "People who fled the war should be interviewed.", "correct"),
    ("03-missing-voice", "un un un say", "incorrect"),
    ("05-rewrite-subhead", "US: Russia may face isolation if it keeps backing Assad", "correct"),
    ("05-rewrite-subhead", "US says Russia faces isolation", "check"),
    ("05-rewrite-subhead", "Russia may face isolation", "incorrect"),
    ("05-rewrite-subhead", "White House warns Russia could face isolation", "correct"),
    ("05-rewrite-subhead", "Washington may punish Russia with isolation", "incorrect"),
    ("06-reporter-action", "Check the claims", "correct"),
    ("06-reporter-action", "Interview refugees.", "correct"),
    ("06-reporter-action", "Write it better and shorter.", "incorrect"),
    ("06-reporter-action", "Go to the camps and talk to refugees.", "correct"),
    ("06-reporter-action", "go people", "check"),
    ("06-reporter-action", "get people", "check"),
]
VERDICT_WORDS = {"correct": "✔ Yes", "incorrect": "✘ Not quite", "check": "Compare"}


@pytest.mark.parametrize("exercise_id,answer,status", FREE_TEXT, ids=[f"{e}-{a[:20]}" for e, a, _ in FREE_TEXT])
def test_open_answers_in_the_key_get_the_feedback_the_key_says(exercise_id, answer, status):
    from kit import widgets as kw

    key = sections(read("answer_keys.md"))[exercise_id[:2]]
    assert f"| {answer} | {VERDICT_WORDS[status]} |" in key, answer  # the key's table of examples says so
    assert kw.exercise(exercise_id).submit(answer).status == status


def test_answer_key_model_rewrites_are_the_ones_tested():
    for lesson, version in (("02", REWRITE_02), ("04", REWRITE_04)):
        key = flat(sections(read("answer_keys.md"))[lesson]).replace("> ", "")
        assert flat(version) in key, lesson


def test_answer_key_06_model_rewrites_are_accepted_and_quoted():
    key = flat(sections(read("answer_keys.md"))["06"])
    for version in REWRITE_06:
        assert flat(version) in key.replace("> ", "")
        fb = neutral_rewrite_lab().submit(version)
        assert fb.status == "check", fb.message  # "two versions that pass every check"


def test_answer_key_06_has_the_compare_table():
    from kit import widgets as kw

    a, n = report().article, report(NEUTRAL).article
    table = kw.compare_table({"Pravda.Ru (Putin)": a, "Gazette (library)": n}).data
    rows = re.findall(r"<tr><td>([^<]+)</td><td class=num>([^<]+)</td><td class=num>([^<]+)</td>", table)
    assert len(rows) >= 6
    key = sections(read("answer_keys.md"))["06"]
    for measure, seed_value, neutral_value in rows:
        row = f"| {html.unescape(measure)} | {seed_value} | {neutral_value} |"
        assert row in key, row
    # the prose under the table: "more than half" in the seed, "no more than a fifth" in the library story
    top = {html.unescape(m): (float(s), float(n)) for m, s, n in rows}["% of statements by the top source"]
    assert "more than half of all attributed statements" in flat(key)  # the key's claim, checked below
    assert top[0] > 50 and top[1] <= 20, top


def test_answer_key_03_has_the_speakers_table():
    from kit import widgets as kw

    table = html.unescape(kw.speakers_table(report().sourcing).data)
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>[^<]+</td><td class=num>(\d+)</td>"
                      r"<td class=num>(\d+)</td><td>([^<]+)</td>", table)
    assert len(rows) >= 3
    key = sections(read("answer_keys.md"))["03"]
    for name, kind, direct, reported, share in rows:
        assert f"| {name} | {kind} | {direct} | {reported} | {share} |" in key, name


def headline_rows() -> int:
    from kit import widgets as kw

    return kw.headlines_table(report().article).data.count("<tr><td")


def neutral_hardest(opening: str) -> tuple[float, int]:
    h = report(NEUTRAL).readability.hardest(1)[0]
    assert h.text.startswith(opening), h.text
    return h.grade, h.words

# The model rewrite in answer key 02, checked against what the rewrite lab shows.
REWRITE_02 = ("An analyst from a university in Shanghai wrote in People's Daily, a Chinese paper. The analyst "
              "said Russia has sent arms and military equipment to Syria. This worried the West. The analyst "
              "said the US and its allies got a message. To beat the Islamic State, they would need to form a "
              "group against terror with the Syrian government.")

# The key's warning example: a low grade, yet it drops the point of the sentence.
SHORT_02 = "The analyst wrote for People's Daily. Russia sends arms to Syria. The West is worried."


def passage_grade(sentence: str) -> float:
    from kit.readability import analyse_passage

    return analyse_passage(sentence).scores["flesch_kincaid_grade"]


def hardest():
    h = report().readability.hardest(1)[0]
    assert h.text.startswith("An analyst at the Shanghai")
    return h


def hard_word_quiz_answers() -> list[str]:
    from kit import widgets as kw

    urged = next(s for s in report().readability.sentences if s.text.startswith("Putin urged"))
    return list(kw.hard_word_quiz(report().article.text, urged).targets)


def rewrite_stats(version: str) -> tuple:
    from kit import widgets as kw

    lab = kw.exercise("02-rewrite-hardest")
    fb = lab.submit(version)
    assert fb.status == "check", fb.message  # the key's model answer passes every check
    return lab.after["grade"], lab.after["sentences"], lab.after["words"]


def short_02() -> tuple[float, float]:
    """The key's warning example: a low grade, and still "Not quite" because it lost the point."""
    from kit import widgets as kw
    from kit.grading.open_answers import kept_share

    lab = kw.exercise("02-rewrite-hardest")
    fb = lab.submit(SHORT_02)
    assert (fb.status, fb.problem) == ("incorrect", "gutted"), fb.message
    return lab.after["grade"], kept_share(lab.original, SHORT_02)


def role_counts() -> dict[str, int]:
    from kit import widgets as kw

    counts = kw.role_counts(report().article)
    assert list(counts) == ["headline", "body", "subhead", "related link", "boilerplate"]
    return counts


def longest_paragraph_words(opening: str) -> int:
    """Words in the longest paragraph, which must be the one that starts with `opening`."""
    from kit.article import words_in

    a = report().article
    longest = max(a.paragraphs, key=lambda p: len(words_in(a.text, p.start, p.end)))
    assert longest.text.startswith(opening), longest.text[:40]
    return len(words_in(a.text, longest.start, longest.end))


@pytest.mark.parametrize("lesson,phrase,compute", NUMBERS, ids=[p for _, p, _ in NUMBERS])
def test_answer_key_numbers_match_the_kit(lesson, phrase, compute):
    key = sections(read("answer_keys.md")).get(lesson, "")
    value = compute()
    expected = phrase.format(*value) if isinstance(value, tuple) else phrase.format(value)
    assert flat(expected) in flat(key), f"answer key {lesson} should say {expected!r}"


def test_numbers_in_the_plans_match_the_kit():
    plans = sections(read("lesson_plans.md"))
    a = report().article
    assert f"(it is {len(a.body_words)} body words)" in plans["00"]
    share = {name: kw_metrics(name)["% of words in quotation marks"] for name in (SEED, NEUTRAL)}
    assert f"({share[SEED]:.1f}% against {share[NEUTRAL]:.1f}%)" in flat(plans["06"])


def kw_metrics(path: Path) -> dict:
    from kit import widgets as kw

    return kw.article_metrics(report(path).article)


def test_answer_key_02_has_every_row_of_the_scores_table():
    from kit import widgets as kw

    table = kw.scores_table(report().readability).data
    rows = re.findall(r"<tr><td>([^<]+)</td><td class=num>([^<]+)</td>", table)
    assert len(rows) >= 8
    key = sections(read("answer_keys.md"))["02"]
    for measure, value in rows:
        assert f"| {measure} | {value} |" in key, (measure, value)


def test_hand_checked_counts():
    """Counts a teacher can verify by reading the seed, independent of the kit's rules."""
    text = SEED.read_text(encoding="utf-8")
    assert text.count("\nAlso read: ") == 4
    # 20 news paragraphs: every non-blank line minus headline, 3 subheads, 4 links, 5 furniture lines
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) - 1 - 3 - 4 - 5 == 20
    a = report().article
    assert a.outlet == "Pravda.Ru" and a.author == "Dmitry Sudakov"
    assert len(a.body_paragraphs) == 20 and len(a.subheads) == 3 and len(a.related_links) == 4
    # 10 direct quotations: 20 straight double quotes, no curly ones; Earnest is never quoted directly
    assert text.count('"') == 20 and not any(q in text for q in "“”")
    assert report().sourcing.counts()["direct"] == 10
    earnest = [s for s in report().sourcing.speakers if s.speaker == "Josh Earnest"]
    assert earnest and earnest[0].direct == 0
    # the neutral article: 12 news paragraphs under a headline, a byline, a date line and one subhead
    neutral = NEUTRAL.read_text(encoding="utf-8")
    blocks = [b for b in neutral.split("\n\n") if b.strip()]
    assert len(blocks) - 4 == 12 and "\nStaff and volunteers\n" in neutral
    n = report(NEUTRAL).article
    assert len(n.body_paragraphs) == 12 and [p.text for p in n.subheads] == ["Staff and volunteers"]
    assert n.author == "Maria Lopez" and n.title == "Riverside library to stay open longer from April"


# -- the rubric ---------------------------------------------------------------------------------
def test_rubric_for_lesson_07_has_criteria_and_levels():
    rubric = read("rubric_07.md")
    rows = [ln for ln in rubric.splitlines() if ln.startswith("|") and not set(ln) <= set("|-: ")]
    header, criteria = rows[0], rows[1:]
    levels = [c for c in header.strip("|").split("|")][1:]
    assert 3 <= len(levels) <= 4, header
    assert 4 <= len(criteria) <= 5
    text = flat(rubric)
    for idea in ("metric", "sift", "lateral", "quotation", "rewrite", "clear"):
        assert idea in text, idea


def test_guide_lesson_minutes_match_the_plans():
    plans = sections(read("lesson_plans.md"))
    rows = re.findall(r"(?m)^\| (\d\d) [^|]+\| (\d+)[^|]*\|", read("README.md"))
    assert {n for n, _ in rows} == set(lesson_ids())
    for number, minutes in rows:
        planned = re.search(r"\*\*Time: (\d+) min", plans[number]).group(1)
        assert minutes == planned, f"guide says lesson {number} takes {minutes} min, the plan {planned}"
    total = sum(int(m) for _, m in rows)
    assert "about 4 hours 20 minutes in all" in read("README.md") and total == 4 * 60 + 20


def test_guide_class_folder_command_works(tmp_path):
    """The guide's command for a class's folder makes one page per article and an index."""
    import shutil
    import subprocess
    import sys

    guide = read("README.md")
    assert "python -m kit report articles/ --format html --output reports/" in guide
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / "pravda.txt")
    shutil.copy(NEUTRAL, articles / "library.txt")
    done = subprocess.run([sys.executable, "-m", "kit", "report", "articles/", "--format", "html",
                           "--output", "reports/"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    pages = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert pages == ["index.html", "library.html", "pravda.html"]
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "library.html" in index and "pravda.html" in index


# -- what students see, and where their work is kept -----------------------------------------------------
def test_guide_quotes_the_messages_students_really_see():
    from kit.lessons import feedback
    from kit.lessons.work import _unreadable

    guide = flat(read("README.md"))
    for head in (feedback.RIGHT, feedback.WRONG, feedback.CHECK, feedback.SAVED):
        assert flat(head) in guide, head
    assert flat(feedback.STALE) in guide
    corrupt = str(_unreadable(Path("my_work") / "03_who_speaks.json", "..."))
    assert flat(corrupt.split("(")[0]) in guide and flat(corrupt.split(")", 1)[1].split(": rename")[0]) in guide
    w = __import__("kit.widgets").widgets.exercise("03-missing-voice")
    w.submit("Interview refugees.")
    assert flat(re.sub(r"<[^>]+>", "", w.saved.value)) in guide  # "saved in my_work/03_who_speaks.json."
    again = __import__("kit.widgets").widgets.exercise("03-missing-voice")
    assert flat(re.sub(r"<[^>]+>", "", again.saved.value)) in guide  # "your answer from ... is back."
    fallback = again._repr_mimebundle_()["text/html"]
    assert "run this cell (shift+enter) to answer it." in flat(fallback) and "run this cell (shift+enter) to answer it." in guide
    assert "error displaying widget: model not found" in guide and "my_work/" in guide


def test_the_lab_setting_the_guide_names_is_installed_by_setup_and_binder():
    settings = json.loads((ROOT / "binder" / "jupyterlab-settings.json").read_text(encoding="utf-8"))
    assert settings == {"@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True}}
    for path in (ROOT / "Makefile", ROOT / "binder" / "postBuild"):
        text = path.read_text(encoding="utf-8")
        assert "binder/jupyterlab-settings.json" in text and "share/jupyter/lab/settings/overrides.d" in text, path
    assert "binder/jupyterlab-settings.json" in read("README.md") and "savestate" in flat(read("README.md"))
