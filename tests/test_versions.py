"""One source of truth: Binder's pins satisfy pyproject's ranges; widget packages match."""

import re
import tomllib

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from conftest import ROOT


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, ver = line.split("==")
            pins[canonicalize_name(name)] = ver
    return pins


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_every_runtime_dependency_is_pinned_for_binder_within_its_range():
    pins = _pins()
    for dep in _project()["dependencies"] + _project()["optional-dependencies"]["lessons"]:
        req = Requirement(dep)
        name = canonicalize_name(req.name)
        assert name in pins, f"{name} is not pinned in binder/requirements.txt"
        assert req.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {req.specifier}"


def test_ipywidgets_and_jupyterlab_widgets_pins_match():
    pins = _pins()
    # ipywidgets 8.1.x ships with jupyterlab_widgets 3.0.x and widgetsnbextension 4.0.x
    assert pins["ipywidgets"].startswith("8.1.")
    assert pins["jupyterlab-widgets"].startswith("3.0.")
    assert pins["widgetsnbextension"].startswith("4.0.")


def test_binder_python_version_satisfies_requires_python():
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    m = re.fullmatch(r"python-(\d+\.\d+)", runtime)
    assert m, runtime
    assert SpecifierSet(_project()["requires-python"]).contains(m.group(1) + ".0")


def test_postbuild_stops_on_errors_and_installs_the_kit():
    post = (ROOT / "binder" / "postBuild").read_text().splitlines()
    body = [line for line in post if line.strip() and not line.startswith("#")]
    assert body[0] == "set -e"
    assert any("pip install" in line and '".[lessons]"' in line for line in body)


def test_one_python_floor_everywhere():
    """pyproject, the Makefile's check, the README and the teacher guide name the same minimum."""
    floor = _project()["requires-python"]
    assert floor == ">=3.11"  # the suite itself imports tomllib (3.11+)
    assert "sys.version_info >= (3, 11)" in (ROOT / "Makefile").read_text()
    assert "Python 3.11 or newer" in (ROOT / "README.md").read_text()
    assert "Python 3.11+" in (ROOT / "teachers" / "README.md").read_text()
    assert "3.10" not in (ROOT / "README.md").read_text()


def test_a_plain_install_has_no_notebook_dependencies():
    """`pip install .` gives the library and the CLI: JupyterLab and friends are the [lessons] extra."""
    plain = {canonicalize_name(Requirement(d).name) for d in _project()["dependencies"]}
    lessons = {canonicalize_name(Requirement(d).name) for d in _project()["optional-dependencies"]["lessons"]}
    assert {"jupyterlab", "ipywidgets", "matplotlib"} <= lessons
    assert not plain & {"jupyterlab", "ipywidgets", "jupyterlab-widgets", "matplotlib", "ipykernel"}
