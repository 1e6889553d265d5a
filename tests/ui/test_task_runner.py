"""TaskRunner: ops run off the GUI thread, callbacks on it; dead owners drop results."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.errors import NotFound
from linguaflex_desktop.ui.task_runner import SynchronousTaskRunner, TaskRunner, _AfterPaints


def gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_op_runs_on_a_pool_thread_and_success_callback_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    seen: dict[str, object] = {}

    def op() -> int:
        seen["op_thread"] = threading.current_thread()
        return 42

    def on_success(value: int) -> None:
        seen["value"] = value
        seen["callback_on_gui"] = QThread.currentThread() is gui_thread()

    runner.run(op, on_success=on_success)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["op_thread"] is not threading.main_thread()
    assert seen["callback_on_gui"] is True


def test_exception_goes_to_on_failure_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    failures: list[tuple[BaseException, bool]] = []

    def op() -> None:
        raise NotFound("No such gig.")

    runner.run(
        op,
        on_success=lambda _value: pytest.fail("success callback must not run"),
        on_failure=lambda error: failures.append((error, QThread.currentThread() is gui_thread())),
    )
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    error, on_gui = failures[0]
    assert isinstance(error, NotFound) and error.message == "No such gig."
    assert on_gui


def test_result_is_dropped_when_the_owner_was_destroyed(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    release = threading.Event()
    delivered: list[object] = []
    runner.run(lambda: release.wait(5), on_success=delivered.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _is_alive(owner), timeout=5000)
    release.set()
    assert runner.wait_for_idle(5000)
    assert delivered == []
    assert runner.in_flight == 0


def _is_alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_busy_changed_reports_start_and_end_of_work(qtbot: QtBot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    release = threading.Event()
    runner.run(lambda: release.wait(5))
    runner.run(lambda: release.wait(5))
    assert runner.in_flight == 2
    release.set()
    assert runner.wait_for_idle(5000)
    assert states == [True, False]
    assert runner.in_flight == 0


def test_wait_for_idle_times_out_while_an_op_is_still_running(runner: TaskRunner) -> None:
    release = threading.Event()
    runner.run(lambda: release.wait(5))
    assert runner.wait_for_idle(50) is False
    release.set()
    assert runner.wait_for_idle(5000) is True


def test_failure_without_handler_shows_the_user_facing_message(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def op() -> None:
        raise NotFound("That gig was removed.")

    runner.run(op, owner=parent)
    assert runner.wait_for_idle(5000)
    boxes = parent.findChildren(QMessageBox, "errorMessageBox")
    assert [box.text() for box in boxes] == ["That gig was removed."]


def test_a_failing_success_callback_is_reported_not_raised(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def broken(_value: object) -> None:
        raise RuntimeError("bug in a callback")

    runner.run(lambda: 1, on_success=broken, owner=parent)
    assert runner.wait_for_idle(5000)
    boxes = parent.findChildren(QMessageBox, "errorMessageBox")
    assert len(boxes) == 1 and "unexpected" in boxes[0].text()
    assert runner.in_flight == 0


def test_synchronous_runner_runs_op_and_callback_before_returning(qtbot: QtBot) -> None:
    runner = SynchronousTaskRunner()
    threads: list[threading.Thread] = []
    results: list[int] = []
    runner.run(
        lambda: threads.append(threading.current_thread()) or 7,  # type: ignore[func-returns-value]
        on_success=results.append,
    )
    assert results == [7]
    assert threads == [threading.current_thread()]
    assert runner.in_flight == 0


def test_long_waits_do_not_starve_other_work_on_a_two_core_machine(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """Two browser hand-off pollers may wait for minutes; a click meanwhile still gets done."""
    release = threading.Event()
    started = threading.Semaphore(0)

    def long_wait() -> str:
        started.release()
        release.wait(30)
        return "waited"

    waits: list[str] = []
    for _ in range(3):
        runner.run(long_wait, on_success=waits.append)
    for _ in range(3):  # each starts once the GUI thread is back in its loop
        qtbot.waitUntil(lambda: started.acquire(blocking=False), timeout=10000)
    quick: list[int] = []
    runner.run(lambda: 42, on_success=quick.append)
    qtbot.waitUntil(lambda: quick == [42], timeout=5000)
    assert waits == []
    release.set()
    qtbot.waitUntil(lambda: waits == ["waited"] * 3, timeout=5000)


def test_tasks_run_while_held_start_in_order_when_the_hold_is_released(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    began: list[str] = []
    threads: list[threading.Thread] = []
    answers: list[str] = []

    def op(name: str) -> str:
        began.append(name)
        threads.append(threading.current_thread())
        return name

    outer = runner.hold()
    runner.run(lambda: op("languages"), on_success=answers.append)
    inner = runner.hold()
    runner.run(lambda: op("gigs"), on_success=answers.append)
    inner.release()  # nested: the outer hold starts them
    assert runner.in_flight == 2  # counted while held
    QApplication.processEvents()
    assert began == []  # nothing started while held
    outer.release()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert began == answers == ["languages", "gigs"]
    assert threads[0] is threads[1] is not threading.current_thread()
    runner.run(lambda: "after", on_success=answers.append)  # no longer held
    qtbot.waitUntil(lambda: "after" in answers, timeout=5000)


class _RecordingPool:
    """A pool that only keeps what it is given to run; the test runs it."""

    def __init__(self) -> None:
        self.started: list[Callable[[], None]] = []

    def start(self, work: Callable[[], None]) -> None:
        self.started.append(work)


def test_released_tasks_run_one_after_the_other_as_one_piece_of_pool_work(qtbot: QtBot) -> None:
    """A window's first loads: on one pool thread, they no longer take the interpreter from
    each other, nor more than one at a time from the GUI thread. Released, they start at
    once; a task run outside a hold waits for the GUI thread's paints."""
    pool = _RecordingPool()
    runner = TaskRunner(pool=pool)  # type: ignore[arg-type]
    answers: list[object] = []
    held = runner.hold()
    runner.run(lambda: "languages", on_success=answers.append)
    runner.run(lambda: 1 / 0, on_failure=answers.append)
    runner.run(lambda: "gigs", on_success=answers.append)
    held.release()
    assert len(pool.started) == 1  # at once: a window's first loads, which the user awaits
    pool.started[0]()  # here: each result is delivered as its task ends
    assert answers[0] == "languages" and answers[2] == "gigs"
    assert isinstance(answers[1], ZeroDivisionError)  # a failure stops none of the others
    assert runner.in_flight == 0
    runner.run(lambda: "alone")  # not held: a piece of work of its own
    assert len(pool.started) == 1
    qtbot.waitUntil(lambda: len(pool.started) == 2, timeout=5000)


class _PaintRecorder(QWidget):
    """Notes its paints in ``events`` beside the pool's starts."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def paintEvent(self, _event: QPaintEvent) -> None:
        self.events.append("paint")


class _StartRecorder(_RecordingPool):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def start(self, work: Callable[[], None]) -> None:
        self.events.append("start")
        super().start(work)


@pytest.mark.parametrize("update_first", [True, False], ids=["paint asked first", "run first"])
def test_a_task_starts_once_the_gui_has_painted_what_the_same_action_asked_for(
    qtbot: QtBot, update_first: bool
) -> None:
    """A scroll to a list's end asks for a paint and starts the next page's load, in either
    order: the load's Python beside the paint made the paint twice as long."""
    events: list[str] = []
    widget = _PaintRecorder(events)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    events.clear()
    pool = _StartRecorder(events)
    runner = TaskRunner(pool=pool)  # type: ignore[arg-type]
    if update_first:
        widget.update()
    runner.run(lambda: "next page")
    if not update_first:
        widget.update()
    assert events == []  # nothing starts before the GUI thread has been back to its loop
    qtbot.waitUntil(lambda: "start" in events, timeout=5000)
    assert events == ["paint", "start"]


def test_tasks_wait_behind_paints_at_the_priority_qt_posts_them_at() -> None:
    assert Qt.EventPriority.LowEventPriority.value == _AfterPaints.PRIORITY


def test_tasks_of_a_dropped_hold_never_run(qtbot: QtBot, runner: TaskRunner) -> None:
    ran: list[str] = []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    held = runner.hold()  # as for a window whose build failed
    runner.run(lambda: ran.append("load"), on_success=lambda _none: ran.append("delivered"))
    held.drop()
    assert runner.in_flight == 0
    assert busy == [True, False]
    assert runner.wait_for_idle(1000)
    QApplication.processEvents()
    assert ran == []


def test_a_hold_dropped_for_a_window_forgets_its_tasks_and_starts_the_others(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    window = QWidget()
    page = QWidget(window)  # a page of the window
    elsewhere = QObject()
    ran: list[str] = []
    held = runner.hold()
    runner.run(lambda: ran.append("page load"), owner=page)
    runner.run(lambda: ran.append("window load"), owner=window)
    runner.run(lambda: ran.append("no owner"))
    runner.run(lambda: ran.append("elsewhere"), owner=elsewhere)
    nested = runner.hold()
    runner.run(lambda: ran.append("nested"), owner=page)
    nested.release()  # into the outer hold, not started
    QApplication.processEvents()
    assert ran == [] and runner.in_flight == 5
    held.drop(window)
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert ran == ["elsewhere"]
    held.release()  # closed already: nothing more
    assert runner.in_flight == 0
    window.deleteLater()


def test_post_runs_the_callback_on_the_gui_thread_unless_its_owner_went(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    got: list[tuple[str, bool]] = []
    gone = QObject()
    alive = QObject()

    def op() -> None:  # a task telling how it goes, from its pool thread
        runner.post(
            lambda value: got.append((value, QThread.currentThread() is gui_thread())),
            "gone",
            owner=gone,
        )
        runner.post(
            lambda value: got.append((value, QThread.currentThread() is gui_thread())),
            "told",
            owner=alive,
        )

    shiboken6.delete(gone)
    runner.run(op)
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    QApplication.processEvents()
    assert got == [("told", True)]


def test_a_sealed_hold_keeps_its_tasks_and_takes_no_more(qtbot: QtBot, runner: TaskRunner) -> None:
    """A hold kept past the current event-loop turn (a page waiting for its first paint)
    must not take in what the rest of the app runs meanwhile."""
    ran: list[str] = []
    held = runner.hold()
    runner.run(lambda: ran.append("page load"))
    held.seal()
    runner.run(lambda: ran.append("elsewhere"))
    # Its op runs on a pool thread and is delivered on this one afterwards: waiting for the
    # op alone, the check could run in between, with both tasks still in flight.
    qtbot.waitUntil(lambda: ran == ["elsewhere"] and runner.in_flight == 1, timeout=5000)
    assert ran == ["elsewhere"]  # the page's load, still held
    held.release()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert ran == ["elsewhere", "page load"]
    sealed = runner.hold()
    runner.run(lambda: ran.append("dropped"))
    sealed.seal()
    sealed.drop()
    assert runner.in_flight == 0
    QApplication.processEvents()
    assert "dropped" not in ran


class _Scope:
    """A ``together`` for a hold: records, in one list with the ops, when it is entered and
    left and on which thread; it can be made to fail on the way in or out."""

    def __init__(self, events: list[tuple[str, threading.Thread]], fail: str = "") -> None:
        self.events, self.fail = events, fail

    def __call__(self) -> _Scope:
        return self

    def __enter__(self) -> None:
        if self.fail == "enter":
            raise RuntimeError("no shared session today")
        self.events.append(("enter", threading.current_thread()))

    def __exit__(self, *exc: object) -> None:
        self.events.append(("exit", threading.current_thread()))
        if self.fail == "exit":
            raise RuntimeError("closing the shared session failed")


def _run_held_together(
    qtbot: QtBot, runner: TaskRunner, scope: _Scope
) -> list[tuple[str, threading.Thread]]:
    answers: list[str] = []

    def op(name: str) -> str:
        scope.events.append((name, threading.current_thread()))
        return name

    held = runner.hold(together=scope)
    runner.run(lambda: op("languages"), on_success=answers.append)
    runner.run(lambda: op("gigs"), on_success=answers.append)
    assert scope.events == []  # nothing entered while held
    held.release()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert answers == ["languages", "gigs"]  # every task delivered, whatever the scope did
    return scope.events


def test_tasks_held_together_run_inside_one_scope_on_their_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    events = _run_held_together(qtbot, runner, _Scope([]))
    assert [name for name, _thread in events] == ["enter", "languages", "gigs", "exit"]
    threads = {thread for _name, thread in events}
    assert len(threads) == 1 and threading.current_thread() not in threads


def test_tasks_held_together_run_alone_when_the_scope_cannot_be_entered(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    events = _run_held_together(qtbot, runner, _Scope([], fail="enter"))
    assert [name for name, _thread in events] == ["languages", "gigs"]
    assert "could not share their set-up" in caplog.text


def test_a_scope_that_fails_on_the_way_out_is_logged_after_every_task(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    events = _run_held_together(qtbot, runner, _Scope([], fail="exit"))
    assert [name for name, _thread in events] == ["enter", "languages", "gigs", "exit"]
    assert "leaving the set-up shared by tasks held together failed" in caplog.text


def test_a_synchronous_runner_runs_held_tasks_inside_their_scope_too(qtbot: QtBot) -> None:
    runner = SynchronousTaskRunner()
    events: list[tuple[str, threading.Thread]] = []
    held = runner.hold(together=_Scope(events))
    runner.run(lambda: events.append(("load", threading.current_thread())))
    held.release()
    assert [name for name, _thread in events] == ["enter", "load", "exit"]
