"""`import kit` gives the public API the README and the docstrings promise."""

from pathlib import Path

import kit

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pravda_putin_syria_csto.txt"


def test_public_names_work_together():
    text = SEED.read_text(encoding="utf-8")
    article = kit.Article(text)
    assert article.title == "Putin: Russia supports and will support the Syrian government"
    assert kit.analyse_readability(article).counts.words == 859  # the seed's body, as in test_readability
    sourcing = kit.analyse_sourcing(article)
    assert len(sourcing.attributions) == 29  # the hand-annotated seed fixture's 29 attributions
    assert all(text[m.start:m.end] == m.text for m in kit.analyse_loaded(article).matches)
    report = kit.build_report(text, "seed")
    assert isinstance(report, kit.Report) and report.to_dict()["structure"]["outlet"] == "Pravda.Ru"


def test_version_is_the_installed_one():
    from importlib.metadata import version

    assert kit.__version__ == version("media-literacy-kit")
    assert set(kit.__all__) >= {"Article", "Report", "build_report", "analyse_readability", "analyse_sourcing",
                                "analyse_loaded", "__version__"}
