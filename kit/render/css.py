"""The kit's one style sheet (kit/render/kit.css), for the report page and the lessons' views."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The CSS text, read once from the package (shipped as package data, so it works installed too)."""
    return resources.files("kit.render").joinpath("kit.css").read_text(encoding="utf-8")


def style_tag() -> str:
    """A <style> element with the whole style sheet; every rule is scoped under .kit-view."""
    return f"<style>\n{stylesheet()}</style>"
