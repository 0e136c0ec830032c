"""What the lesson notebooks call, in one namespace: `from kit import widgets as kw`.

A facade: the code lives in `kit.lessons` (one module per idea) and the
comparison metrics in `kit.compare`. Every interactive exercise is a `VBox`
with the CSS class `kit-exercise` and a feedback `HTML` with `kit-feedback`.

    kw.exercise("03-missing-voice")          # the widget of any id in kw.exercise_ids()
    kw.exercise("03-missing-voice").submit("Interview refugees.")   # -> Feedback (.status, .message)
    kw.export_work("03")                     # the lesson's answers as pages to hand in (my_work/)
"""

from __future__ import annotations

from kit.compare import article_metrics
from kit.lessons.explorers import (
    AnatomyExplorer,
    LoadedHighlighter,
    find_terms,
    sourcing_view,
    terms_in_context,
)
from kit.lessons.exercise import exercise, exercise_ids
from kit.lessons.export import export_button, export_work
from kit.lessons.labs import LoadedRewrite, NeutralRewrite, RewriteLab
from kit.lessons.open_answer import OpenAnswer
from kit.lessons.own_article import (
    OwnArticleLab,
    SiftChecklist,
    show_report_figures,
)
from kit.lessons.quizzes import (
    Dropdowns,
    MultipleChoice,
    PickTheWord,
    hard_word_quiz,
    loaded_word_quiz,
    who_speaks_most_quiz,
)
from kit.lessons.seeds import SEED, find_seed, load_seed, seed_article
from kit.lessons.tables import (
    attributions_table,
    categories_table,
    compare_table,
    cue_table,
    headlines_table,
    loaded_words_view,
    role_counts,
    roles_table,
    scores_table,
    speakers_table,
    subheads_with_story,
)
from kit.lessons.views import (
    CSS,
    hard_sentence_view,
    paragraph_html,
    reader_view,
    table_html,
)
from kit.report import (
    analyse_voices as analyse_all,  # (quotes, sourcing, loaded) as the report computes them
)

__all__ = [
    "CSS", "SEED", "AnatomyExplorer", "Dropdowns", "LoadedHighlighter", "LoadedRewrite", "MultipleChoice",
    "NeutralRewrite", "OpenAnswer", "OwnArticleLab", "PickTheWord", "RewriteLab", "SiftChecklist", "analyse_all",
    "article_metrics", "attributions_table", "categories_table", "compare_table", "cue_table", "exercise",
    "exercise_ids", "export_button", "export_work",
    "find_seed", "find_terms", "hard_sentence_view", "hard_word_quiz", "headlines_table", "load_seed",
    "loaded_word_quiz", "loaded_words_view", "paragraph_html", "reader_view", "role_counts", "roles_table",
    "scores_table", "seed_article", "show_report_figures", "sourcing_view", "speakers_table", "subheads_with_story",
    "table_html", "terms_in_context", "who_speaks_most_quiz",
]
