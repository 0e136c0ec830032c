"""Readability works with the network blocked and never asks NLTK for data."""

import subprocess
import sys

from conftest import SEED

BLOCK_AND_RUN = r"""
import socket, sys
def refuse(*a, **k):
    raise OSError("network blocked by test_offline")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from kit.report import build_report
text = open(sys.argv[1], encoding="utf-8").read()
r = build_report(text)
assert r.readability.counts.sentences == 36, r.readability.counts
assert r.readability.counts.syllables > 1000
print("nltk imported:", "nltk" in sys.modules)
"""


def test_report_runs_with_network_blocked_and_no_nltk_data(tmp_path):
    env = {"HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nothing-here"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", BLOCK_AND_RUN, str(SEED)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # the kit never imports NLTK, so nltk.download() can never be reached
    assert "nltk imported: False" in proc.stdout
