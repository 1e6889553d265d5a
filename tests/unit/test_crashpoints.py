"""The crash points: silent unless LINGUAFLEX_CRASH_AT names the one reached, then SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from linguaflex_desktop import crashpoints


def test_reached_does_nothing_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(crashpoints.ENV_VAR, raising=False)
    crashpoints.reached("pay.intent_created")
    monkeypatch.setenv(crashpoints.ENV_VAR, "pay.intent_stored")
    crashpoints.reached("pay.intent_created")


def test_every_point_is_named_once_with_its_area() -> None:
    assert len(set(crashpoints.CRASH_POINTS)) == len(crashpoints.CRASH_POINTS)
    areas = {name.split(".")[0] for name in crashpoints.CRASH_POINTS}
    assert areas == {"pay", "refund", "meeting", "mail"}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_named_point_kills_the_process_at_once() -> None:
    code = (
        "from linguaflex_desktop import crashpoints\n"
        "crashpoints.reached('mail.smtp_accepted')\n"
        "print('survived')\n"
    )
    env = {**os.environ, crashpoints.ENV_VAR: "mail.smtp_accepted"}
    child = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30
    )
    assert child.returncode == -signal.SIGKILL
    assert "survived" not in child.stdout
