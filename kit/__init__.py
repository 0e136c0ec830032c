"""Measure a news article: its anatomy, how hard it is to read, who speaks in it, and which words judge.

    >>> import kit
    >>> report = kit.build_report(open("article.txt", encoding="utf-8").read())
    >>> report.to_dict()["readability"]["consensus_grade"]

The public API: `Article` (the text's parts, with offsets), the three analyses
(`analyse_readability`, `analyse_sourcing`, `analyse_loaded`), `build_report`
and `Report` (all of them together, as the JSON report contract), and
`kit.render` for text, Markdown and HTML. The lessons' widgets are in
`kit.widgets` (they need the [lessons] extra).
"""

from kit.article import Article
from kit.loaded import analyse as analyse_loaded
from kit.readability import analyse as analyse_readability
from kit.report import Report, build_report, kit_version
from kit.sourcing import analyse as analyse_sourcing



def __getattr__(name: str) -> str:
    # __version__ on first use: importlib.metadata is slow to import, and most runs never ask
    if name == "__version__":
        return kit_version()
    raise AttributeError(f"module 'kit' has no attribute {name!r}")


__all__ = ["Article", "Report", "__version__", "analyse_loaded", "analyse_readability", "analyse_sourcing",
           "build_report"]
