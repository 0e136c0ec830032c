"""The restructuring (issue 11) changed no report: every fixture's and seed's
JSON, text and Markdown report, and the HTML report's markup, are the ones the
code gave before it (tests/fixtures/report_snapshots, see tools/snapshot_reports.py)."""

import importlib.util
from pathlib import Path

import pytest

_TOOL = Path(__file__).resolve().parent.parent / "tools" / "snapshot_reports.py"
_spec = importlib.util.spec_from_file_location("snapshot_reports", _TOOL)
snap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snap)


def test_every_text_has_a_snapshot():
    names = {p.stem for p in snap.OUT.glob("*.json")}
    assert names == {snap.snapshot_name(p) for p in snap.texts()}
    assert len(names) >= 40


@pytest.mark.parametrize("path", snap.texts(), ids=snap.snapshot_name)
def test_report_unchanged(path):
    for ext, content in snap.renderings(path).items():
        expected = (snap.OUT / f"{snap.snapshot_name(path)}.{ext}").read_text(encoding="utf-8")
        assert content == expected, f"{ext} report of {path.name} changed"
