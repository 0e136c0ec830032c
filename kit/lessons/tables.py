"""Tables of what the kit found: scores, roles, headlines, speakers, attributions, cues, categories, comparisons."""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets
from IPython.display import HTML

from kit.article import Article, Paragraph
from kit.compare import article_metrics
from kit.lessons.feedback import clip
from kit.lessons.labels import HEADLINE_ROLES, REGION_LABELS, ROLE_LABELS
from kit.lessons.views import in_view, table_html
from kit.loaded import LoadedLanguage, LoadedMatch, Region
from kit.loaded_lexicon import categories, category_label, category_name
from kit.readability import Readability, analyse_passage, score_note
from kit.sourcing import Sourcing

SCORE_NAMES = {
    "flesch_reading_ease": ("Flesch Reading Ease", "0-100, higher is easier; 60-70 is plain English"),
    "flesch_kincaid_grade": ("Flesch-Kincaid grade", "US school years a reader needs"),
    "gunning_fog": ("Gunning Fog", "school years; counts words of 3+ syllables"),
    "smog_index": ("SMOG", "school years; made for health leaflets"),
    "coleman_liau_index": ("Coleman-Liau", "school years; counts letters, not syllables"),
    "automated_readability_index": ("ARI", "school years; counts characters"),
    "dale_chall_readability_score": ("Dale-Chall", "raw score; uses a list of 3,000 familiar words"),
    "consensus_grade": ("Consensus grade", "median of the seven grade estimates"),
}


# -- lesson 02: readability ---------------------------------------------------------------
def scores_table(readability: Readability) -> HTML:
    """The grade formulas with a one-line note on what each one counts."""
    rows: list[tuple[str, float, str]] = [(SCORE_NAMES[k][0], round(v, 1), _with_note(SCORE_NAMES[k][1], k, v))
                                          for k, v in readability.scores.items() if k in SCORE_NAMES]
    c = readability.counts
    rows += [("words per sentence", round(c.words / c.sentences, 1), "the average body sentence"),
             ("syllables per word", round(c.syllables / c.words, 2), "the average word")] if c.sentences else []
    return HTML(table_html(rows, ("measure", "value", "what it counts")))


def _with_note(what: str, key: str, value: float) -> str:
    """What a score counts, plus why its value is off the usual scale when it is (kit.readability.score_note)."""
    note = score_note(key, value)
    return f"{what}. Note: {note}" if note else what


def grades_table(sentences: list[str]) -> HTML:
    """Each sentence with its Flesch-Kincaid grade, and a note when the grade is off the usual scale."""
    rows = []
    for sentence in sentences:
        grade = analyse_passage(sentence).scores.get("flesch_kincaid_grade")
        rows.append((sentence, round(grade, 1) if grade is not None else "no words",
                     score_note("grade", grade) if grade is not None else ""))
    return HTML(table_html(rows, ("sentence", "Flesch-Kincaid grade", "note")))


# -- lesson 01: anatomy -------------------------------------------------------------------
def roles_table(article: Article, roles: tuple[str, ...] = ("title", "subhead", "related_link", "boilerplate")
                ) -> HTML:
    """Each non-body paragraph: its role and the rule that gave it (so a student can ask why)."""
    rows = [(p.index, ROLE_LABELS[p.role], p.text if len(p.text) < 70 else p.text[:69] + "…", p.why)
            for p in article.paragraphs if p.role in roles]
    return HTML(table_html(rows, ("paragraph", "role", "text", "why the kit says so")))


def role_counts(article: Article) -> dict[str, int]:
    """How many paragraphs of each role, in a fixed order."""
    return {label: sum(p.role == r for p in article.paragraphs) for r, label in ROLE_LABELS.items()}


def role_counts_table(article: Article) -> HTML:
    """`role_counts` as a table a student reads (not a Python dict)."""
    return HTML(table_html(list(role_counts(article).items()), ("part of the page", "paragraphs")))


# -- lesson 05: headlines and framing -------------------------------------------------------
def headlines_table(article: Article) -> HTML:
    """Every line written to be seen first: headline, subheads, related links, in page order."""
    rows = [(p.index, ROLE_LABELS[p.role], p.text) for p in article.paragraphs if p.role in HEADLINE_ROLES]
    return HTML(table_html(rows, ("paragraph", "part", "text")))


def next_body(article: Article, paragraph: Paragraph) -> Paragraph | None:
    """The first body paragraph after `paragraph` (what a subhead introduces)."""
    for p in article.paragraphs[paragraph.index + 1:]:
        if p.role == "body":
            return p
    return None


def subheads_with_story(article: Article) -> HTML:
    """Each subhead next to the body paragraph under it, so a student can compare the two."""
    rows = []
    for s in article.subheads:
        nxt = next_body(article, s)
        rows.append((s.text, nxt.text if nxt else "(no body paragraph follows)"))
    return HTML(table_html(rows, ("the subhead says", "the paragraph under it says")))


def regions_table(loaded: LoadedLanguage) -> HTML:
    """Loaded words per part of the page with the counts behind each rate (3 in 19 words is a small number)."""
    regions = loaded.summary()["by_region"]
    rows = [(REGION_LABELS.get(r, r), v["matches"], v["words"], round(v["per_100_words"], 1))
            for r, v in regions.items() if v["words"]]
    return HTML(table_html(rows, ("part of the page", "loaded words", "words", "per 100 words")))


def small_numbers_note(loaded: LoadedLanguage, region: Region = "subhead") -> str:
    """A sentence on how far a rate built on few words can be trusted, with the article's own counts."""
    v = loaded.summary()["by_region"].get(region, {"matches": 0, "words": 0})
    n, words = v["matches"], v["words"]
    if not words:
        return f"This article has no {REGION_LABELS[region]}."
    one_less = 100 * max(0, n - 1) / words
    return (f"The {REGION_LABELS[region]} have {n} loaded word{'s' if n != 1 else ''} in {words} "
            f"words. With so few words one word more or less moves the rate a lot: {n - 1 if n else 0} "
            f"in {words} would be {one_less:.1f} per 100 words instead of {100 * n / words:.1f}. "
            "Read it as a hint to look closer, not as a measurement.")


def small_numbers_view(loaded: LoadedLanguage, region: Region = "subhead") -> HTML:
    """`small_numbers_note` as a paragraph of the page (not console text)."""
    return HTML(in_view(f"<p>{html.escape(small_numbers_note(loaded, region))}</p>"))


# -- lesson 03: who speaks ----------------------------------------------------------------
def speakers_table(sourcing: Sourcing) -> HTML:
    """One row per source: direct, reported, named, share of the quoted words."""
    rows = [(s.speaker, s.source_type, "yes" if s.named else "no", s.direct, s.indirect,
             f"{s.share_of_quoted_words:.0%}") for s in sorted(sourcing.speakers, key=lambda s: -s.total)]
    return HTML(table_html(rows, ("source", "type", "named?", "direct", "reported", "share of quoted words")))


def attributions_table(sourcing: Sourcing, kind: str | None = None) -> HTML:
    """Each attribution: who, how the article names them, the cue word, direct or reported."""
    rows = [(a.speaker, a.mention, a.cue, a.kind,
             clip(sourcing.text[a.start:a.end], 90)) for a in sourcing.attributions if kind in (None, a.kind)]
    return HTML(table_html(rows, ("source", "named in the text as", "cue", "kind", "sentence")))


def cue_table(sourcing: Sourcing) -> HTML:
    """Cue verbs and how often each is used; 'colouring' verbs judge what they report."""
    rows = [(cue, n, cls) for cue, n, cls in sourcing.cue_counts()]
    return HTML(table_html(rows, ("cue", "times", "kind of verb")))


def unnamed_sources(sourcing: Sourcing) -> HTML:
    """The sources the article does not name, as a sentence (not a Python list)."""
    names = [s.speaker for s in sourcing.speakers if not s.named]
    if not names:
        return HTML(in_view("<p>Every source in this article is named.</p>"))
    items = "".join(f"<li>{html.escape(n)}</li>" for n in names)
    return HTML(in_view(f"<p>Sources without a name ({len(names)}):</p><ul>{items}</ul>"))


# -- lesson 04: loaded language ------------------------------------------------------------
def categories_table() -> HTML:
    """The loaded-language categories with their descriptions (from lexicons/loaded_categories.csv)."""
    rows = [(c.name, c.short, c.description) for c in categories().values()]
    return HTML(table_html(rows, ("category", "label in the marks", "what it means")))


# Whose words a loaded word is, by voice: the lesson's three voices (DESIGN.md, "voice").
VOICE_STORY = {
    "outlet": ("the outlet's own words", "narration, headline, subheads and links: the outlet chose the word"),
    "reported": ("reported speech", "the outlet's paraphrase of a speaker: the word may be the outlet's "
                                    "or the speaker's, and the article does not let us know which"),
    "quoted": ("inside quotation marks", "the speaker's own words, if the quotation is accurate"),
}


def voices_table(loaded: LoadedLanguage) -> HTML:
    """Loaded words by voice, counted by the kit at run time: a sentence, then whose choice each voice is."""
    s = loaded.summary()
    by_voice = s["by_voice"]
    order = [v for v in VOICE_STORY if v in by_voice] + [v for v in by_voice if v not in VOICE_STORY]
    rows = [(VOICE_STORY.get(v, (v, ""))[0], by_voice[v], VOICE_STORY.get(v, ("", ""))[1]) for v in order]
    top = max(order, key=lambda v: by_voice[v]) if order else None
    said = (f"{s['matches']} loaded words in {s['words']} words ({s['per_100_words']:.1f} per 100 words). "
            + (f"The largest group: {VOICE_STORY.get(top, (top, ''))[0]} ({by_voice[top]})." if top else ""))
    return HTML(in_view(f"<p>{html.escape(said)}</p>") + table_html(rows, ("voice", "loaded words", "whose choice")))


def _loaded_by_term(matches: list[LoadedMatch]) -> list[tuple[str, list[LoadedMatch]]]:
    """Matches grouped by lexicon term (case-folded), most frequent first, then in reading order."""
    groups: dict[str, list[LoadedMatch]] = {}
    for m in sorted(matches, key=lambda m: m.start):
        groups.setdefault(m.term.lower(), []).append(m)
    return sorted(groups.items(), key=lambda kv: -len(kv[1]))


class LoadedWordsView(widgets.VBox):
    """A compact view of the loaded words: one row per category, every word in a closed 'show all' list.

    The per-word table (why, alternatives) is long, two screens for the seed's 35 outlet-voice words, so it
    sits in an Accordion the student opens when needed; the category table keeps every word visible by name.
    `rows` and `detail` hold the two tables' rows.
    """

    def __init__(self, loaded: LoadedLanguage, voice: str | None = "outlet"):
        matches = [m for m in loaded.matches if voice in (None, m.voice)]
        by_term = _loaded_by_term(matches)
        cats: dict[str, list[tuple[str, list[LoadedMatch]]]] = {}
        for term, ms in by_term:
            cats.setdefault(ms[0].category, []).append((term, ms))
        self.rows = [(category_name(c), sum(len(ms) for _t, ms in terms),
                      ", ".join(ms[0].text + (f" (×{len(ms)})" if len(ms) > 1 else "") for _t, ms in terms))
                     for c, terms in sorted(cats.items(), key=lambda kv: -sum(len(ms) for _t, ms in kv[1]))]
        self.summary = widgets.HTML(table_html(self.rows, ("category", "times", "words")))
        self.detail = [(" / ".join(dict.fromkeys(m.text for m in ms)), len(ms),  # every spelling used
                        ", ".join(dict.fromkeys(REGION_LABELS[m.region] for m in ms)),
                        category_label(ms[0].category), ms[0].explanation, " / ".join(ms[0].alternatives))
                       for _t, ms in by_term]
        self.every = widgets.Accordion(children=[widgets.HTML(table_html(
            self.detail, ("word", "times", "where", "category", "why it is loaded", "try instead")))])
        self.every.set_title(0, f"Show all {len(by_term)} words ({len(matches)} uses): why each is loaded, "
                                "what to write instead")
        self.every.selected_index = None  # closed: the summary fits on one screen
        super().__init__([self.summary, self.every])
        self.add_class("kit-view")  # keys typed here stay here (kit.lessons.keyboard)


def loaded_words_view(loaded: LoadedLanguage, voice: str | None = "outlet") -> LoadedWordsView:
    """The loaded words in `voice` (None: every voice) as a category table and a closed per-word list."""
    return LoadedWordsView(loaded, voice)


# -- lesson 06: compare and rewrite ----------------------------------------------------------
def compare_table(articles: Mapping[str, Article]) -> HTML:
    """One column per article, one row per measurement (see `kit.compare.article_metrics`)."""
    metrics = {name: article_metrics(a) for name, a in articles.items()}
    names = list(metrics)
    rows = [(m, *[metrics[n][m] for n in names]) for m in metrics[names[0]]]
    return HTML(table_html(rows, ("measure", *names)))
