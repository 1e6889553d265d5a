"""One TaskRunner for all blocking work (database, network, keyring).

As in Anki's operations and Picard's thread helper: ``op`` runs on a QThreadPool thread and
touches no widget; its result (or exception) is posted back to the GUI thread through a signal
of a QObject living there, where ``on_success`` / ``on_failure`` run. When the ``owner`` of a
task has been destroyed by the time the result arrives, the result is dropped.

A task starts once the GUI thread has painted what was asked of it before (``_AfterPaints``):
an action that starts a load (scrolling to the end of a list, a filter change) also asks for
a paint, and the load's Python on a pool thread took the interpreter from that paint at each
of its hundreds of calls into the model. Painting the admin's Bookings page beside the next
page's load took 45-59 ms against 21-26 ms alone (bench/bench_booking_windows.py). Tasks a
hold kept back start as soon as it is released: they are a window's first loads, released
once the window is shown or has painted, and the user waits for them (behind the paints,
they would begin only once the window shown at sign-in had painted without its data).
"""

from __future__ import annotations

import itertools
import logging
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget

from linguaflex_desktop.ui.errors import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")
# What a hold's released tasks run inside, all of them together (``TaskRunner.hold``).
Together = Callable[[], AbstractContextManager[object]]

# The work is I/O (database, Stripe, Zoom, keyring), and some of it waits long on purpose (the
# pollers that follow a browser hand-off for up to 15 minutes). Qt's global pool has one thread
# per core, so two such waits on a 2-core machine would starve every other action.
IO_THREADS = 8
_shared_pool: QThreadPool | None = None

# How long a thread running Python may keep the interpreter once another thread asks for it.
# CPython's 5 ms let a pool or worker thread hold the GUI thread up to 5 ms at each of the
# GUI thread's calls into Python (a table's paint makes hundreds): with the worker completing
# a backlog beside the admin's Bookings window, the longest GUI gap was 36-48 ms against
# 31-36 ms at 1 ms (bench/bench_background.py, Postgres, worst of 3, two runs each).
GUI_SWITCH_INTERVAL_S = 0.001


def prefer_the_gui_thread() -> None:
    """For a process with a GUI thread: threads hand the interpreter back to it after
    GUI_SWITCH_INTERVAL_S, not after CPython's 5 ms."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


def io_thread_pool() -> QThreadPool:
    """The process-wide pool for blocking work, created on first use (GUI thread)."""
    global _shared_pool
    if _shared_pool is None:
        _shared_pool = QThreadPool()
        _shared_pool.setObjectName("linguaflex-io")
        _shared_pool.setMaxThreadCount(IO_THREADS)
    return _shared_pool


@dataclass
class _PendingTask:
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    owner: QObject | None


class TaskRunner(QObject):
    """Runs callables off the GUI thread and delivers their outcome on the GUI thread.

    Create it on the GUI thread. ``run`` may only be called from the GUI thread.
    """

    busy_changed = Signal(bool)
    # After each task's outcome was handed over (its callback run, or dropped with its owner).
    delivered = Signal()
    # (task id, succeeded, result or exception); emitted on a pool thread, received queued.
    _finished = Signal(int, bool, object)
    # (callback, value, owner) of ``post``; emitted on any thread, received on the GUI's.
    _posted = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else io_thread_pool()
        self._pending: dict[int, _PendingTask] = {}
        self._holds: list[HeldTasks] = []  # open holds, innermost last
        self._sealed: list[HeldTasks] = []  # holds taking no more tasks, not yet released
        self._ids = itertools.count(1)
        self._busy = False
        self._finished.connect(self._deliver)
        self._posted.connect(self._run_posted)

    @property
    def in_flight(self) -> int:
        """Tasks started whose callbacks have not run yet."""
        return len(self._pending)

    def in_flight_within(self, root: QObject) -> int:
        """Tasks in flight owned by ``root`` or by an object under it (a window's loads)."""
        return sum(
            1
            for task in self._pending.values()
            if task.owner is not None and _within(task.owner, root)
        )

    def run(
        self,
        op: Callable[[], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Start ``op`` on a pool thread. Without ``on_failure`` errors go to ``show_error``."""
        task_id = next(self._ids)
        self._add_pending(task_id, _PendingTask(on_success, on_failure, owner))
        if self._holds:
            self._holds[-1].tasks.append((task_id, op))
        else:
            self._start([(task_id, op)], after_paints=True)

    def post(
        self, callback: Callable[[T], None], value: T, *, owner: QObject | None = None
    ) -> None:
        """From any thread (a task telling how it goes): ``callback(value)`` runs on the GUI
        thread, unless ``owner`` is gone by then. Errors go to ``show_error``."""
        self._posted.emit(callback, value, owner)

    def hold(self, *, together: Together | None = None) -> HeldTasks:
        """From now until the answer's ``release`` or ``drop``, tasks run here wait to start
        (they count as in flight meanwhile); released, they start in order, one after the
        other on one pool thread, or wait for an outer hold still open. For a window's first
        loads: its pages ask for their data while they are built, and those loads, each on a
        pool thread, took the interpreter from the build and the show. A window that is not
        to be shown drops its tasks.

        With ``together``, the released tasks run inside ``together()``, entered on their
        thread before the first and left after the last (the services' ``reads_together``:
        one database session for all of them). If it cannot be entered, they run without."""
        held = HeldTasks(self, together)
        self._holds.append(held)
        return held

    def wait_for_idle(self, timeout_ms: int = 10000) -> bool:
        """Process events until every started task has delivered; False on timeout.

        For shutdown and tests: runs a nested event loop on the GUI thread (never sleeps).
        """
        deadline = time.monotonic() + timeout_ms / 1000
        while self._pending:
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0:
                break
            loop = QEventLoop()
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            self.busy_changed.connect(loop.quit)
            timer.start(remaining_ms)
            loop.exec()
            timer.stop()
            self.busy_changed.disconnect(loop.quit)
        return not self._pending

    # --- internals ------------------------------------------------------------------------

    def _start(
        self,
        tasks: list[tuple[int, Callable[[], Any]]],
        *,
        after_paints: bool,
        together: Together | None = None,
    ) -> None:
        """Run ``tasks`` (id, op) on one pool thread, one after the other, each delivering
        as it ends (inside ``together()``, if given); with ``after_paints``, once the GUI
        thread has painted what was asked of it, else at once. Several are the loads a hold
        kept back (a window's first data): on one thread, they no longer take the
        interpreter from each other nor, more than one at a time, from the GUI thread."""
        if not tasks:
            return

        def work() -> None:  # runs on a pool thread: no widget access here
            _run_in_turn(tasks, self._finished.emit, together)

        self._launch(work, after_paints=after_paints)

    def _launch(self, work: Callable[[], None], *, after_paints: bool) -> None:
        if after_paints:
            _AfterPaints.post(self, work)
        else:
            self._pool.start(work)

    def customEvent(self, event: QEvent) -> None:
        if isinstance(event, _AfterPaints):
            event.go_on(self, self._pool.start)
        else:
            super().customEvent(event)

    @Slot(object, object, object)
    def _run_posted(self, callback: Callable[[Any], None], value: object, owner: object) -> None:
        if isinstance(owner, QObject) and _owner_destroyed(owner):
            return
        try:
            callback(value)
        except Exception as error:
            show_error(self._parent_widget(owner if isinstance(owner, QObject) else None), error)

    def _close_hold(self, held: HeldTasks, drop_inside: QObject | None, drop: bool) -> None:
        if held in self._holds:
            self._holds.remove(held)
        elif held in self._sealed:
            self._sealed.remove(held)
        else:
            return  # released or dropped already
        starting: list[tuple[int, Callable[[], Any]]] = []
        for task_id, op in held.tasks:
            task = self._pending.get(task_id)
            if task is None:
                continue
            if drop and (drop_inside is None or _within(task.owner, drop_inside)):
                del self._pending[task_id]
            elif self._holds:  # an outer hold is still open: they wait for it
                self._holds[-1].tasks.append((task_id, op))
            else:
                starting.append((task_id, op))
        held.tasks.clear()
        # a window's first loads: awaited
        self._start(starting, after_paints=False, together=held.together)
        self._update_busy()

    def _seal(self, held: HeldTasks) -> None:
        if held in self._holds:
            self._holds.remove(held)
            self._sealed.append(held)

    def _add_pending(self, task_id: int, task: _PendingTask) -> None:
        self._pending[task_id] = task
        self._update_busy()

    def _update_busy(self) -> None:
        busy = bool(self._pending)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, succeeded: bool, value: object) -> None:
        """GUI thread: run the callback unless the owner is gone."""
        task = self._pending.pop(task_id, None)
        try:
            if task is not None and not _owner_destroyed(task.owner):
                self._call_back(task, succeeded, value)
        finally:
            self._update_busy()
            self.delivered.emit()

    def _call_back(self, task: _PendingTask, succeeded: bool, value: Any) -> None:
        try:
            if succeeded:
                if task.on_success is not None:
                    task.on_success(value)
            elif task.on_failure is not None:
                task.on_failure(value)
            else:
                show_error(self._parent_widget(task.owner), value)
        except Exception as error:
            show_error(self._parent_widget(task.owner), error)

    def _parent_widget(self, owner: QObject | None) -> QWidget | None:
        for candidate in (owner, self.parent()):
            if isinstance(candidate, QWidget) and shiboken6.isValid(candidate):
                return candidate
        return None


class _AfterPaints(QEvent):
    """Pool work waiting for the GUI thread's pending paints. Qt posts a window's paint (its
    UpdateRequest) at low priority, behind every other event; this event is posted at the
    same priority, so it comes after a paint asked for before it. It is posted twice in a
    row: the second time, it also comes after a paint asked for later in the same piece of
    GUI work (a scroll that starts a load, then moves the view), and after what that paint
    asked for in turn."""

    TYPE = QEvent.Type(QEvent.registerEventType())
    # Qt.EventPriority.LowEventPriority, by its value: naming it would build the Qt
    # namespace before the sign-in window paints (ui.pyside_imports).
    PRIORITY = -1
    TURNS = 2

    def __init__(self, work: Callable[[], None], turns_left: int) -> None:
        super().__init__(self.TYPE)
        self.work = work
        self.turns_left = turns_left

    @classmethod
    def post(cls, receiver: QObject, work: Callable[[], None]) -> None:
        QCoreApplication.postEvent(receiver, cls(work, cls.TURNS), cls.PRIORITY)

    def go_on(self, receiver: QObject, start: Callable[[Callable[[], None]], None]) -> None:
        """Received: post again while turns are left, else ``start`` the work."""
        if self.turns_left > 1:
            QCoreApplication.postEvent(
                receiver, _AfterPaints(self.work, self.turns_left - 1), self.PRIORITY
            )
        else:
            start(self.work)


class SynchronousTaskRunner(TaskRunner):
    """Runs each op at once on the calling thread (Picard's FakeThreadPool) for unit tests."""

    def _launch(self, work: Callable[[], None], *, after_paints: bool) -> None:
        work()  # its results reach _deliver at once: the signal's receiver is on this thread


class HeldTasks:
    """The tasks a ``TaskRunner.hold`` keeps from starting until ``release`` or ``drop``."""

    def __init__(self, runner: TaskRunner, together: Together | None = None) -> None:
        self._runner = runner
        self.together = together
        self.tasks: list[tuple[int, Callable[[], Any]]] = []

    def seal(self) -> None:
        """Hold no task run from now on (an outer hold, if one is open, holds them, else
        they start); those held so far wait on for ``release`` or ``drop``. For a hold kept
        past the current event-loop turn, which would otherwise take in whatever the rest
        of the app runs meanwhile."""
        self._runner._seal(self)

    def release(self) -> None:
        """Start the held tasks, in the order they were run, one after the other on one pool
        thread."""
        self._runner._close_hold(self, None, drop=False)

    def drop(self, inside: QObject | None = None) -> None:
        """Forget the held tasks (none of their callbacks runs): all of them, or with
        ``inside`` those of it (owned by it or by an object under it, or by no one); the
        others start."""
        self._runner._close_hold(self, inside, drop=True)


def _run_in_turn(
    tasks: list[tuple[int, Callable[[], Any]]],
    report: Callable[[int, bool, object], None],
    together: Together | None = None,
) -> None:
    """Run each task's op in order and ``report(task id, succeeded, result or error)``,
    inside ``together()`` when given. Every task is reported, whatever entering or leaving
    ``together()`` raises (logged)."""
    scope = ExitStack()
    if together is not None:
        try:
            scope.enter_context(together())
        except Exception:
            log.exception("tasks held together could not share their set-up; each runs alone")
    try:
        for task_id, op in tasks:
            try:
                result = op()
            except BaseException as error:
                report(task_id, False, error)
            else:
                report(task_id, True, result)
    finally:
        try:
            scope.close()
        except Exception:
            log.exception("leaving the set-up shared by tasks held together failed")


def _within(owner: QObject | None, root: QObject) -> bool:
    """``owner`` is None, ``root``, or below it (a destroyed one counts as below)."""
    node = owner
    while node is not None:
        if node is root or not shiboken6.isValid(node):
            return True
        node = node.parent()
    return owner is None


def _owner_destroyed(owner: QObject | None) -> bool:
    return owner is not None and not shiboken6.isValid(owner)
