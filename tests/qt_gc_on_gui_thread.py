"""Garbage a Qt test leaves is collected on the GUI thread, right after the test.

Python's cyclic collector runs on whichever thread happens to allocate when a generation
fills up. A Qt object a test dropped inside a reference cycle (a window whose signals reach
its own bound methods, a parentless QObject connected to itself) was then destroyed by a
collection on a pool thread of a later test, while Qt objects may only be destroyed on their
own thread: one run of the suite crashed so (a segmentation fault "garbage-collecting" on a
pool thread). After each test that used ``qtbot``, this plugin collects on the main thread,
once every fixture is torn down, then freezes what survives (``gc.freeze``: imports, the
session's fixtures, caches), so each collection traverses only what the last tests made,
and nothing it kept is ever collected on another thread. Registered from tests/conftest.py
(``pytest_plugins``).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest


def collect_on_this_thread() -> None:
    assert threading.current_thread() is threading.main_thread(), "the GUI thread collects"
    gc.collect()
    gc.freeze()


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    if "qtbot" in getattr(item, "fixturenames", ()):
        collect_on_this_thread()
