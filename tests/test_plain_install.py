"""The library and the CLI work without the notebook stack (a plain `pip install .`)."""

import subprocess
import sys

from conftest import ROOT

# Hide the lesson-only packages, then use the kit as a teacher's batch run would.
_SCRIPT = r"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"ipywidgets", "IPython", "matplotlib", "jupyterlab", "ipykernel", "nbval"}:
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
import kit.__main__ as cli
sys.argv = ["kit", "report", sys.argv[1], "--format", "json"]
raise SystemExit(cli.main(sys.argv[1:]))
"""


def test_cli_report_runs_without_jupyter_or_matplotlib():
    seed = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
    run = subprocess.run([sys.executable, "-c", _SCRIPT, str(seed)], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert '"title": "Putin: Russia supports and will support the Syrian' in run.stdout
