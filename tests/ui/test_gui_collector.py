"""The app's garbage is collected on the GUI thread only: a pool thread that allocates past
every threshold collects nothing, and the GUI thread's next look collects what CPython would
have collected by then. The interleavings are forced by joining the allocating thread."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.ui.gui_collector import GuiThreadCollector


class Finalised:
    """Garbage in a reference cycle that notes the thread collecting it."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen
        self.me = self  # a cycle: only the collector frees it

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


@pytest.fixture
def small_generations() -> Iterator[None]:
    """Generations that fill quickly (50 new objects, 3 and 2 collections); CPython's
    collection as it was afterwards."""
    gc.collect()
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(50, 3, 2)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if enabled:
            gc.enable()


@pytest.fixture
def collector(qtbot: QtBot, small_generations: None) -> Iterator[GuiThreadCollector]:
    made = GuiThreadCollector(interval_ms=10)
    made.start()
    try:
        yield made
    finally:
        made.stop()


def allocate_on_a_pool_thread(objects: int) -> list[list[int]]:
    """``objects`` new containers (the objects the collector tracks) made on another thread;
    the generations count them while they live."""
    made: list[list[int]] = []

    def churn() -> None:
        made.extend([index] for index in range(objects))

    thread = threading.Thread(target=churn, name="pool")
    thread.start()
    thread.join()
    return made


def test_a_pool_thread_collects_nothing_and_the_gui_thread_collects_its_garbage(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled() and collector.active
    seen: list[str] = []
    Finalised(seen)  # dropped at once, inside its cycle
    made = allocate_on_a_pool_thread(5_000)  # a hundred times the youngest threshold
    assert seen == []
    # ``made`` lives on until the GUI thread has looked: freeing it would take its objects
    # off the count the look goes by, and the look would then wait for other allocations.
    qtbot.waitUntil(lambda: seen != [], timeout=5000)  # the collector's timer on this thread
    assert seen == [threading.main_thread().name]
    assert len(made) == 5_000


def test_the_generation_collected_follows_cpython_s_thresholds(small_generations: None) -> None:
    ballast = [[index] for index in range(100_000)]  # long-lived, as a real process's caches
    gc.collect()  # ballast joins the oldest generation
    collector = GuiThreadCollector()  # looks are made by hand below
    gc.disable()
    assert collector.collect_due() is None  # nothing allocated since
    generations = []
    for _look in range(40):
        made = allocate_on_a_pool_thread(200)  # past the youngest threshold (50) each time
        generations.append(collector.collect_due())
        del made
    assert None not in generations
    # The middle generation once more than 3 young ones (its threshold) were collected.
    assert generations[:10] == [0, 0, 0, 0, 1, 0, 0, 0, 0, 1]
    # The oldest only once the survivors outgrow a quarter of it: its long-lived objects
    # keep full collections rare (a few thousand survivors here, against 100,000).
    assert 2 not in generations
    del ballast


def test_the_oldest_generation_is_collected_once_enough_survives(small_generations: None) -> None:
    gc.freeze()  # an oldest generation holding nothing yet, whatever ran before in this process
    collector = GuiThreadCollector()
    gc.disable()
    kept: list[list[int]] = []
    generations = []
    for _look in range(80):
        kept.extend([index] for index in range(200))  # survivors, as a growing cache
        generations.append(collector.collect_due())
    full = generations.count(2)
    assert 1 <= full < generations.count(1)  # then rarer, as the oldest grows


def test_stopping_gives_collection_back_to_cpython(qtbot: QtBot) -> None:
    assert gc.isenabled()
    collector = GuiThreadCollector()
    collector.start()
    assert not gc.isenabled() and collector.active
    collector.stop()
    assert gc.isenabled() and not collector.active
