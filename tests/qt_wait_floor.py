"""Every pytest-qt wait gives up after at least ``WAIT_FLOOR_MS``.

A wait's timeout only says when to give up: the condition (or signal) is checked every few
milliseconds and the wait returns as soon as it holds, so a long timeout costs nothing when
the test passes. Under load (``scripts/stress.sh``: both cores busy with spinning processes
beside the suite's workers) a step that takes 50 ms on a quiet machine can take seconds, and
a 5 s timeout then fails a test whose code is right. Registered from tests/conftest.py
(``pytest_plugins``). A wait of 0 or less keeps its meaning (pytest-qt: no timeout).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

WAIT_FLOOR_MS = 30_000
WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive")


def with_floor(wait: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(wait)
    def floored(self: QtBot, *args: Any, timeout: int | None = 5000, **kwargs: Any) -> Any:
        if timeout is not None and timeout > 0:
            timeout = max(timeout, WAIT_FLOOR_MS)
        return wait(self, *args, timeout=timeout, **kwargs)

    floored.__wrapped_by_floor__ = True  # type: ignore[attr-defined]
    return floored


def pytest_configure(config: pytest.Config) -> None:
    for name in WAITS:
        wait = getattr(QtBot, name)
        if not getattr(wait, "__wrapped_by_floor__", False):
            setattr(QtBot, name, with_floor(wait))
