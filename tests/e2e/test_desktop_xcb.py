"""The app started as a user starts it: a real X11 window on Xvfb through Qt's xcb platform.

The rest of the suite renders offscreen, which needs none of the X11 libraries Qt's xcb plugin
loads; this test is the one that fails when one of them is missing (Qt aborts with "Could not
load the Qt platform plugin xcb"), as on a desktop where `scripts/run.sh` had not installed it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import missing_peer

PROJECT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120


@pytest.fixture
def x_display() -> Iterator[str]:
    """A fresh Xvfb server; yields its DISPLAY value (":N", a number the server chose)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        missing_peer("Xvfb (Debian package xvfb) is needed to start the app in a real X11 window")
        raise AssertionError("unreachable")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()  # written once the server accepts clients
        if not number.isdigit():
            pytest.fail(f"Xvfb did not start (exit code {server.poll()})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("role", [None, "student"])
def test_the_app_starts_in_a_real_x11_window(
    x_display: str, tmp_path: Path, role: str | None
) -> None:
    shot = tmp_path / f"{role or 'sign-in'}.png"
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",  # no fallback: a missing X11 library aborts the start
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    command = [sys.executable, "main.py", "--data-dir", str(tmp_path / "data")]
    command += ["gui", "--screenshot", str(shot)]
    if role is not None:
        command += ["--as", role]
    result = subprocess.run(
        command,
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
        check=False,
    )
    assert "platform plugin" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull(), result.stderr
    assert image.width() >= 400 and image.height() >= 400
    # A painted window, not a blank grab: more than a handful of distinct colours.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 10
