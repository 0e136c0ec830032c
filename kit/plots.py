"""The lessons' figures, for notebooks: `from kit import plots`. A facade over `kit.lessons.figures`."""

from __future__ import annotations

from kit.lessons.figures import (
    OKABE_ITO,
    KitFigure,
    Shown,
    describe_anatomy,
    describe_comparison,
    describe_counts,
    describe_loaded,
    describe_loaded_regions,
    describe_sentence_lengths,
    describe_speakers,
    loaded_by_category,
    plot_anatomy,
    plot_comparison,
    plot_counts,
    plot_loaded,
    plot_loaded_regions,
    plot_sentence_lengths,
    plot_speakers,
    show,
)

__all__ = [
    "OKABE_ITO", "KitFigure", "Shown", "describe_anatomy", "describe_comparison", "describe_counts",
    "describe_loaded", "describe_loaded_regions", "describe_sentence_lengths", "describe_speakers",
    "loaded_by_category", "plot_anatomy", "plot_comparison", "plot_counts", "plot_loaded", "plot_loaded_regions",
    "plot_sentence_lengths", "plot_speakers", "show",
]
