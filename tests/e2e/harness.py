"""Helpers for the browser tests: a private JupyterLab server and headless Chromium.

Everything the server writes (config, runtime files, settings, workspaces, the
notebooks themselves) lives in a temporary directory, so a student's own
Jupyter setup and the lessons in the repository are never touched.

The browser is Debian's /usr/bin/chromium driven by Playwright from PyPI; no
browser is ever downloaded. When Chromium or Playwright is missing the tests
skip with the reason, unless KIT_REQUIRE_BROWSER=1 (set by CI), which turns
the missing browser into a failure.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
SEEDS = ROOT / "seeds"
CHROMIUM = os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")
# Flags Chromium needs in containers and CI; no network chatter, no profile reuse.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 180  # seconds; a cold start on a slow laptop can take a while

# Screenshots written during this run, reported at the end of the session.
SCREENSHOTS: list[Path] = []


def artifacts_dir() -> Path:
    """Where screenshots and the server log go: $KIT_E2E_ARTIFACTS or test-artifacts/e2e."""
    configured = os.environ.get("KIT_E2E_ARTIFACTS")
    path = Path(configured) if configured else ROOT / "test-artifacts" / "e2e"
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


def lessons_dir() -> Path:
    """The lessons under test; KIT_E2E_LESSONS can point at another folder of notebooks."""
    configured = os.environ.get("KIT_E2E_LESSONS")
    return Path(configured).resolve() if configured else LESSONS


def lesson_names() -> list[str]:
    folder = lessons_dir()
    return sorted(p.name for p in folder.glob("*.ipynb")) if folder.is_dir() else []


def browser_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).is_file() or not os.access(CHROMIUM, os.X_OK):
        return (
            f"Chromium not found at {CHROMIUM}; install it with "
            "`sudo apt-get install chromium` (Debian/Ubuntu) to run the browser tests"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "Python package playwright is not installed; run `make test` "
            "(it installs the [dev] extra) to get it"
        )
    return None


def require_browser() -> None:
    """Skip (or, with KIT_REQUIRE_BROWSER=1, fail) when the browser is unavailable."""
    reason = browser_missing_reason()
    if reason is None:
        return
    if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"KIT_REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    """A running JupyterLab server serving a temporary copy of the lessons."""

    url: str
    token: str
    root: Path
    log: Path
    process: subprocess.Popen = field(repr=False)

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def lesson_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?token={self.token}"

    def shutdown_kernels(self) -> None:
        """Stop every kernel so the next lesson starts from a clean slate."""
        for session in self.api("/api/sessions") or []:
            self.api(f"/api/sessions/{session['id']}", method="DELETE")

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def write_lab_settings(settings_dir: Path) -> None:
    """User settings for the private server (JUPYTERLAB_SETTINGS_DIR)."""
    settings = {
        # No "fetch news?" toast over the lesson, and no network calls for it.
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
        # Keep every cell in the DOM so the checks and the screenshot see the
        # whole notebook (the default only renders cells near the viewport).
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
            "windowingMode": "none",
        },
    }
    for relative, values in settings.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def write_app_settings(app_settings_dir: Path) -> None:
    """The lessons' JupyterLab defaults, as `make setup` and binder/postBuild install them (--LabApp.app_settings_dir).

    The private server reads them from a temporary folder, so the test checks the repository's own file
    (binder/jupyterlab-settings.json: widget state saved in the notebook) without touching the venv.
    """
    target = app_settings_dir / "overrides.d" / "media-literacy-kit.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((ROOT / "binder" / "jupyterlab-settings.json").read_text(encoding="utf-8"), encoding="utf-8")


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    # SIGINT twice is JupyterLab's own clean shutdown (it stops kernels too).
    try:
        process.send_signal(signal.SIGINT)
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
    except (subprocess.TimeoutExpired, OSError):
        process.kill()
        process.wait(timeout=20)


