"""The skip list: only listed prefixes may skip, and every listed line must say why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.skip_accounting import ALLOWED_SKIPS, allowed_prefixes, unlisted


def test_a_skip_is_allowed_only_under_a_listed_prefix(tmp_path: Path) -> None:
    listing = tmp_path / "allowed.txt"
    listing.write_text("# comment\n\ntests/ui/test_x.py::test_a | needs a screen\n")
    prefixes = allowed_prefixes(listing)
    assert unlisted(
        ["tests/ui/test_x.py::test_a[sqlite]", "tests/ui/test_x.py::test_b"], prefixes
    ) == ["tests/ui/test_x.py::test_b"]


def test_a_listed_skip_without_a_reason_is_refused(tmp_path: Path) -> None:
    listing = tmp_path / "allowed.txt"
    listing.write_text("tests/ui/test_x.py::test_a\n")
    with pytest.raises(pytest.UsageError, match=r"allowed\.txt:1"):
        allowed_prefixes(listing)


def test_the_project_list_reads_cleanly() -> None:
    assert isinstance(allowed_prefixes(ALLOWED_SKIPS), list)


def test_an_unlisted_skip_fails_a_run_that_requires_every_peer(tmp_path: Path) -> None:
    probe = tmp_path / "test_probe.py"
    probe.write_text("import pytest\n\ndef test_probe():\n    pytest.skip('no peer')\n")
    command = [sys.executable, "-m", "pytest", "-p", "tests.skip_accounting", "-p", "no:randomly"]
    command += ["-p", "no:cacheprovider", "-q", "--rootdir", str(tmp_path), str(probe)]
    root = Path(__file__).parents[2]
    relaxed = subprocess.run(command, cwd=root, capture_output=True, text=True, env=_env("0"))
    strict = subprocess.run(command, cwd=root, capture_output=True, text=True, env=_env("1"))
    assert relaxed.returncode == 0, relaxed.stdout
    assert strict.returncode == 1, strict.stdout
    assert "not listed: " in strict.stdout and "test_probe" in strict.stdout


def _env(require_peers: str) -> dict[str, str]:
    return {**os.environ, "LINGUAFLEX_REQUIRE_PEERS": require_peers}
