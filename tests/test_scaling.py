"""Linear time on odd input: benchmarks/scaling.py --quick on the kit's own parsing (issue 15).

A ratio check, not a timed test: each family's text is built at n and 2n and
the time must not grow faster than 3x per doubling (linear is 2x, quadratic
4x), whatever the machine's speed. The groups are the script's `must-pass`
ones: html, article, layout, inputs and sourcing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "scaling.py"


def _run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)


def test_html_datelines_layout_inputs_and_sourcing_stay_linear():
    # a quadratic stage doubles to ~4 every time; noise on a busy machine rarely fails four runs in a row
    proc = _run("--quick", "--group", "must-pass", "--retries", "3")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    listed = _run("--list", "--group", "must-pass").stdout
    families = [line.split()[0] for line in listed.splitlines()]
    assert {"html-a-fragments", "html-unclosed-after-nav", "dateline-spaces", "cr-only-seed",
            "inputs-windows-1252", "sourcing-said-run", "sourcing-according-to", "sourcing-named-speakers",
            "sourcing-said-comma-us", "sourcing-he-said", "sourcing-pronouns-many-people",
            "sourcing-look-alike-surnames"} <= set(families)
    for name in families:  # every family was measured at two sizes and its last verdict (after retries) is ok
        verdicts = [line for line in proc.stdout.splitlines() if line.startswith(f"{name} ")]
        assert verdicts and "ok: ratio" in verdicts[-1], verdicts
    assert f"{len(families)} of {len(families)} families linear" in proc.stdout


def test_a_quadratic_family_fails_and_a_hang_is_reported_not_waited_for():
    proc = _run("--quick", "--family", "selftest-quadratic", "--retries", "0")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    line = proc.stdout.split("selftest-quadratic ", 1)[1].split("\n")[0]
    assert "FAIL: ratio" in line and float(line.split("ratio ")[1]) > 3.0
    proc = _run("--quick", "--family", "selftest-hang", "--timeout", "2")
    assert proc.returncode == 1 and "FAIL: no answer within 2 s" in proc.stdout
