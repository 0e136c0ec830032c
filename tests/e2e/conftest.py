"""Fixtures for the browser tests: a private JupyterLab server and headless Chromium.

See harness.py for how the server is isolated and README.md for what is checked.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
from pathlib import Path
from typing import Iterator

import pytest

from .harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SCREENSHOTS,
    SEEDS,
    SERVER_START_TIMEOUT,
    LabServer,
    artifacts_dir,
    free_port,
    lessons_dir,
    require_browser,
    stop_process,
    write_app_settings,
    write_lab_settings,
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: opens the lessons in JupyterLab in headless Chromium "
        "(deselect with -m 'not browser')",
    )


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    if not SCREENSHOTS:
        return
    terminalreporter.section("lesson screenshots")
    terminalreporter.write_line(f"{len(SCREENSHOTS)} screenshot(s) in {artifacts_dir()}")
    for path in SCREENSHOTS:
        terminalreporter.write_line(f"  {path}")



@pytest.fixture(scope="module")
def lab_server() -> Iterator[LabServer]:
    """Start JupyterLab on a free localhost port with a random token; stop it afterwards."""
    require_browser()
    tmp = Path(tempfile.mkdtemp(prefix="kit-e2e-"))
    process = None
    try:
        # lessons/ and seeds/ side by side, as in the repository, so a lesson
        # that reads ../seeds works the same as one that goes through kit.
        work = tmp / "kit"
        shutil.copytree(
            lessons_dir(), work / "lessons", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "my_work")
        )
        if SEEDS.is_dir():
            shutil.copytree(SEEDS, work / "seeds")
        home = tmp / "home"
        home.mkdir()
        settings = tmp / "lab-settings"
        write_lab_settings(settings)
        app_settings = tmp / "lab-app-settings"
        write_app_settings(app_settings)
        env = dict(os.environ)
        env.update(
            HOME=str(home),
            JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"),
            JUPYTER_DATA_DIR=str(tmp / "jupyter-data"),
            JUPYTER_RUNTIME_DIR=str(tmp / "jupyter-runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(tmp / "lab-workspaces"),
            IPYTHONDIR=str(tmp / "ipython"),
            MPLCONFIGDIR=str(tmp / "matplotlib"),
            PYTHONUNBUFFERED="1",
        )
        env.pop("JUPYTER_TOKEN", None)
        port = free_port()
        token = secrets.token_hex(24)
        log = artifacts_dir() / "jupyterlab-server.log"
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={work / 'lessons'}",
            f"--IdentityProvider.token={token}",
            f"--LabApp.app_settings_dir={app_settings}",
            # Offline: no announcements, update checks or PyPI extension search.
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            # window.jupyterapp for the tests: which cells ran (a collapsed cell shows no prompt), themes
            "--LabApp.expose_app_in_browser=True",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")  # containers and CI often run as root
        with open(log, "w", encoding="utf-8") as log_file:
            process = subprocess.Popen(
                command, cwd=work / "lessons", env=env,
                stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        server = LabServer(
            url=f"http://127.0.0.1:{port}", token=token, root=work / "lessons",
            log=log, process=process,
        )
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"JupyterLab exited with code {process.returncode} before it was ready; "
                    f"log {log}:\n{server.log_tail()}"
                )
            try:
                server.api("/api/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"JupyterLab did not answer /api/status within {SERVER_START_TIMEOUT}s; "
                        f"log {log}:\n{server.log_tail()}"
                    )
                time.sleep(0.5)
        yield server
    finally:
        if process is not None:
            stop_process(process)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def browser_context(lab_server):  # noqa: ARG001 - the server must be up first
    """A headless Chromium with a fresh, throwaway profile."""
    from playwright.sync_api import sync_playwright

    profile = Path(tempfile.mkdtemp(prefix="kit-e2e-chromium-"))
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(profile),
                executable_path=CHROMIUM,
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 900},
                service_workers="block",
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
