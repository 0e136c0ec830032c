"""The shape the restructuring (issue 11) promised, kept by a test so it does not erode:
small modules, small classes, and analysis code that never renders."""

import ast
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parent.parent / "kit"
MODULES = sorted(KIT.rglob("*.py"))
# analysis: everything that measures the article; it must not know about HTML, terminals or widgets
ANALYSIS = [p for p in MODULES if p.relative_to(KIT).parts[0] not in {"render", "lessons", "widgets.py",
                                                                        "__main__.py", "batch.py", "terminal.py",
                                                                        "plots.py"}]
RENDERING = {"html", "textwrap", "ipywidgets", "IPython", "matplotlib"}
KIT_RENDERING = ("kit.render", "kit.lessons", "kit.widgets", "kit.plots")


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imports(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KIT)))
def test_no_module_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KIT)))
def test_no_class_over_150_lines(path):
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ClassDef):
            assert node.end_lineno - node.lineno + 1 <= 150, f"class {node.name}"


@pytest.mark.parametrize("path", ANALYSIS, ids=lambda p: str(p.relative_to(KIT)))
def test_analysis_modules_import_no_rendering(path):
    imported = _imports(_tree(path))
    assert not {m for m in imported if m in RENDERING or m.split(".")[0] in RENDERING - {"html"}}
    assert not [m for m in imported if m.startswith(KIT_RENDERING)]


def test_the_shape_test_sees_the_analysis_modules():
    names = {str(p.relative_to(KIT)) for p in ANALYSIS}
    assert {"article.py", "readability.py", "report.py", "loaded.py", "sourcing/__init__.py"} <= names
