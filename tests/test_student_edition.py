"""The student edition: what students pull has the lessons and the kit, and no answer keys."""

import importlib.util
import subprocess
import sys

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("student_edition", ROOT / "tools" / "student_edition.py")
edition = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(edition)


def test_edition_has_lessons_and_kit_but_no_teacher_or_test_files(tmp_path):
    dest = tmp_path / "students"
    edition.write_edition(dest)
    names = {str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file() and ".git" not in p.parts}
    assert {"lessons/00_start_here.ipynb", "lessons/07_your_own_article.ipynb", "kit/__init__.py",
            "seeds/pravda_putin_syria_csto.txt", "binder/requirements.txt", "pyproject.toml", "Makefile"} <= names
    assert not [n for n in names if n.startswith(("teachers/", "tests/", "benchmarks/", "tools/", ".ci/"))]
    assert (dest / "lessons" / "01_anatomy.ipynb").read_bytes() == (ROOT / "lessons" / "01_anatomy.ipynb").read_bytes()
    readme = (dest / "README.md").read_text(encoding="utf-8")
    assert "student edition" in readme and "teachers/" not in readme
    log = subprocess.run(["git", "-C", str(dest), "log", "--oneline"], capture_output=True, text=True)
    assert log.returncode == 0 and "Student edition" in log.stdout


def test_edition_never_writes_into_a_folder_with_files(tmp_path):
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "mine.txt").write_text("a student's notes")
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "student_edition.py"), str(dest)],
                         capture_output=True, text=True)
    assert run.returncode != 0 and "already exists" in run.stderr
    assert (dest / "mine.txt").read_text() == "a student's notes"
    assert [p.name for p in dest.iterdir()] == ["mine.txt"]
