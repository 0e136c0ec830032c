"""Lesson figures: labelled, colour-blind-safe, never colour alone, with a text description."""

from __future__ import annotations

import base64

import matplotlib
from matplotlib.figure import Figure

from kit import plots
from kit.readability import analyse

SAFE = {c.lower() for c in plots.OKABE_ITO.values()}


def _check_figure(fig: Figure) -> None:
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert isinstance(fig.kit_description, str) and fig.kit_description.endswith(".")
    for patch in ax.patches:
        assert matplotlib.colors.to_hex(patch.get_facecolor()).lower() in SAFE


def test_anatomy_figure(seed_article):
    fig = plots.plot_anatomy(seed_article)
    _check_figure(fig)
    ax = fig.axes[0]
    assert len(ax.patches) == len(seed_article.paragraphs) == 33
    # every role other than body has a hatch, so the chart reads in grey scale
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 33 - 20
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {
        "headline", "body", "subhead", "related link", "boilerplate"}
    assert "33 paragraphs" in fig.kit_description and "body 859 words" in fig.kit_description


def test_sentence_length_figure(seed_article):
    r = analyse(seed_article)
    fig = plots.plot_sentence_lengths(r)
    _check_figure(fig)
    ax = fig.axes[0]
    assert len(ax.patches) == 36
    assert [p.get_height() for p in ax.patches] == [s.words for s in r.sentences]
    # the hardest sentence (the 66-word analyst sentence, fifth in the body) is hatched and labelled
    assert ax.patches[4].get_hatch() == "//" and ax.patches[4].get_height() == 66
    assert any("hardest: 66 words" in t.get_text() for t in ax.texts)
    assert plots.describe_sentence_lengths(r) == fig.kit_description
    assert "36 body sentences" in fig.kit_description and "sentence 5 with 66 words" in fig.kit_description


def test_comparison_figure_has_one_panel_per_measure_and_labels_every_bar():
    # a grade and a percentage never share one "value" axis (issue 13): each measure gets its own panel
    values = {"original": {"grade": 14.6, "% quoted": 20.0}, "rewrite": {"grade": 8.0, "% quoted": 12.0}}
    fig = plots.plot_comparison(values, "Before and after", "value")
    assert fig._suptitle is not None and fig._suptitle.get_text() == "Before and after"
    assert [ax.get_ylabel() for ax in fig.axes] == ["grade", "% quoted"]  # the axis says what it measures
    for ax, metric in zip(fig.axes, ("grade", "% quoted")):
        assert ax.get_title() == metric
        assert [t.get_text() for t in ax.get_xticklabels()] == ["original", "rewrite"]  # named under the bar
        assert [round(p.get_height(), 1) for p in ax.patches] == [values["original"][metric],
                                                                   values["rewrite"][metric]]
        assert [str(p.get_hatch()) for p in ax.patches] == ["", "//"]  # one hatch per article, every panel
    assert sorted(t.get_text() for ax in fig.axes for t in ax.texts) == sorted(["14.6", "20.0", "8.0", "12.0"])
    assert "original 14.6, rewrite 8.0" in fig.kit_description and "one panel per measure" in fig.kit_description


def test_counts_figure_sorted_with_values():
    fig = plots.plot_counts({"Putin": 9, "Josh Earnest": 2, "Dmitry Peskov": 3}, "Who speaks", "statements",
                            what="statements per speaker")
    _check_figure(fig)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Putin", "Dmitry Peskov", "Josh Earnest"]
    assert len({p.get_hatch() for p in ax.patches}) == 3
    assert "the largest is Putin" in fig.kit_description


def test_show_gives_alt_text_caption_and_png(seed_article):
    fig = plots.plot_anatomy(seed_article)
    bundle = plots.show(fig)._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert 'alt="Bar chart of the article' in bundle["text/html"]
    assert "<figcaption>" in bundle["text/html"] and "mathjax_ignore" in bundle["text/html"]
    assert bundle["text/plain"].startswith("Figure: Bar chart")


def test_show_escapes_the_description():
    fig = plots.plot_counts({"a": 1}, "t", "x")
    assert '"<b>"' not in plots.show(fig, 'say "<b>"')._repr_mimebundle_()["text/html"]


def test_empty_inputs_do_not_crash():
    from kit.readability import analyse_passage

    r = analyse_passage("")
    assert plots.describe_sentence_lengths(r) == "No body sentences to plot."
    assert plots.describe_counts({}, "speakers") == "No speakers to plot."
    fig = plots.plot_sentence_lengths(r)
    assert fig.axes[0].get_title() and fig.kit_description == "No body sentences to plot."


def test_speakers_figure(seed_article):
    from kit.widgets import analyse_all

    _q, sourcing, _l = analyse_all(seed_article)
    fig = plots.plot_speakers(sourcing)
    _check_figure(fig)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Vladimir Putin"  # most statements first
    assert any(label.endswith("(anonymous)") for label in labels)  # anonymity is written, not coloured
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"direct quotation", "reported (indirect)"}
    assert len({str(p.get_hatch()) for p in ax.patches}) == 2  # direct and reported differ by hatch too
    assert "Vladimir Putin speaks most" in fig.kit_description and "Josh Earnest 0 direct" in fig.kit_description


def test_loaded_figures(seed_article):
    from kit.widgets import analyse_all

    _q, _s, loaded = analyse_all(seed_article)
    fig = plots.plot_loaded(loaded)
    _check_figure(fig)
    rows = plots.loaded_by_category(loaded)
    assert sum(sum(v.values()) for v in rows.values()) == len(loaded.matches)
    total_outlet = sum(m.voice == "outlet" for m in loaded.matches)
    assert f"{total_outlet} in the outlet's own words" in fig.kit_description
    fig = plots.plot_loaded_regions(loaded)
    _check_figure(fig)
    assert [t.get_text().split("\n")[0] for t in fig.axes[0].get_xticklabels()] == [
        "headline", "subheads", "related links", "body"]
    # the subheads have 19 words and the four link lines 33 (counted by hand)
    assert "in 19 words" in fig.kit_description and "in 33 words" in fig.kit_description


def test_loaded_figures_without_matches():
    from kit.article import Article
    from kit.widgets import analyse_all

    _q, _s, loaded = analyse_all(Article("Library hours\n\nThe library opens at nine on Monday.\n"))
    assert plots.describe_loaded(loaded) == "No loaded words found, so there is nothing to plot."
    assert plots.plot_loaded(loaded).axes[0].get_title()


def test_comparison_writes_zero_values():
    fig = plots.plot_comparison({"a": {"loaded words": 5.9}, "b": {"loaded words": 0.0}})
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0.0", "5.9"]  # an empty bar still reads as 0


# -- layout: labels inside the frame, never over a bar ---------------------------------------
def _assert_clear_layout(fig: Figure) -> None:
    """Every text label and the legend sit inside the figure, clear of every bar; bars leave headroom."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    FigureCanvasAgg(fig)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    ax = fig.axes[0]
    frame = ax.get_window_extent(r)
    bars = [p.get_window_extent(r) for p in ax.patches if p.get_width() and p.get_height()]
    for t in ax.texts:
        box = Text.get_window_extent(t, r)  # the text only, not an annotation's arrow
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, \
            f"{t.get_text()!r} runs out of the frame"
        for b in bars:
            assert not box.overlaps(b), f"{t.get_text()!r} overlaps a bar"
    legend = ax.get_legend()
    if legend is not None:
        lb = legend.get_window_extent(r)
        assert not any(lb.overlaps(b) for b in bars), "the legend covers a bar"
    # headroom: the longest bar stops at least 10% short of the frame
    vertical = all(p.get_width() <= 1 for p in ax.patches) and ax.get_ylim()[1] > 0
    if ax.patches and vertical and not ax.yaxis_inverted():
        assert ax.get_ylim()[1] >= 1.1 * max(p.get_y() + p.get_height() for p in ax.patches)
    elif ax.patches:
        assert ax.get_xlim()[1] >= 1.1 * max(p.get_x() + p.get_width() for p in ax.patches)


def test_every_lesson_figure_has_headroom_and_clear_labels(seed_article):
    from kit.article import Article
    from kit.widgets import analyse_all, seed_article as load

    _q, sourcing, loaded = analyse_all(seed_article)
    library = load("neutral_library_hours.txt")
    figures = [plots.plot_anatomy(seed_article), plots.plot_sentence_lengths(analyse(seed_article)),
               plots.plot_sentence_lengths(analyse(library), threshold=12),
               plots.plot_sentence_lengths(analyse(Article("They met and said the talks went well.")),
                                           threshold=12),
               plots.plot_speakers(sourcing), plots.plot_loaded(loaded), plots.plot_loaded_regions(loaded),
               plots.plot_comparison({"a": {"grade": 14.9, "words": 23.9}, "b": {"grade": 9.2, "words": 20.6}}),
               plots.plot_counts({"Putin": 9, "Josh Earnest": 2}, "Who speaks", "statements")]
    for fig in figures:
        _assert_clear_layout(fig)


def test_the_value_label_of_the_tallest_bar_stays_in_the_frame(seed_article):
    from kit.widgets import analyse_all

    _q, _s, loaded = analyse_all(seed_article)
    ax = plots.plot_loaded_regions(loaded).axes[0]
    tallest = max(p.get_height() for p in ax.patches)  # related links: 6 loaded words in 33 = 18.2
    assert round(tallest, 1) == 18.2
    assert ax.get_ylim()[1] >= 1.15 * tallest - 1e-9


def test_an_easy_article_has_no_hard_sentence_with_a_threshold():
    from kit.article import Article

    r = analyse(Article("The president met the leaders and said the talks went well."))
    assert r.hardest(1)[0].grade < 12
    fig = plots.plot_sentence_lengths(r, threshold=12)
    ax = fig.axes[0]
    assert not any(p.get_hatch() for p in ax.patches)
    assert not any("hardest" in t.get_text() for t in ax.texts)
    assert any("no sentence above grade 12" in t.get_text() for t in ax.texts)
    assert "none is marked as hard" in fig.kit_description
    # without a threshold the chart still shows the relatively hardest one (lesson 02's use)
    assert any("hardest" in t.get_text() for t in plots.plot_sentence_lengths(r).axes[0].texts)
