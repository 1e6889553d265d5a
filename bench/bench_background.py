"""Benchmark: the app's background worker next to an open window, and quitting while it is busy.

Usage: PYTHONPATH=. python bench/bench_background.py [DATABASE_URL ...] (or ``python -m bench
--only background``). The data are ``bench_booking_lists``'s 100,000 bookings with the app's
clock a week in: every paid session of that week has ended, so the worker's due transitions
have a backlog of ~2,800 bookings to complete (each with its notices, and their e-mail jobs
for the outbox thread).

With ``QT_QPA_PLATFORM=offscreen`` the admin's Bookings page is opened on the threaded
TaskRunner and scrolled a few rows every 30 ms (each scroll paints rows through the Python
table model) while a 10 ms timer on the GUI thread records the longest gap between its ticks:

- "worker completing a backlog, window open": the app's ``WorkerThread`` (outbox and upkeep
  threads, the real handlers) runs until the due transitions have gone through the backlog;
  beside the same scrolling for as long without the worker. Goal: at most 50 ms.
- "quit with the worker busy": the backlog is put back, the worker started, and once it is
  under way an outbox job whose handler waits on a peer slowed to 3 s is added; when the
  handler is inside the call, ``WorkerThread.stop(QUIT_TIMEOUT)`` (what app.py calls on quit)
  is timed; beside the same stop of an idle worker. Goal: at most 1 s.

Each is the worst of 3 runs (the backlog put back before each). The backlog's completion time
with and without the rests between batches goes to stderr.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QTimer
from sqlalchemy import func, select, update

from bench.bench_booking_lists import BOOKINGS, seed
from bench.bench_booking_windows import NOW, _app_services, ensure_application
from bench.figure import Figure
from bench.gui_probe import Probe, StallMonitor, settle, wait_for
from bench.harness import size
from bench.suite import main_alone
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus, JobState, OutboxJob, PaymentStatus
from linguaflex_desktop.models import SessionBooking as B
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.outbox import OutboxWorker, enqueue_job
from linguaflex_desktop.services.common.pacing import Pace
from linguaflex_desktop.ui.admin.bookings_page import AdminBookingsPage
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.worker.handlers import build_handlers
from linguaflex_desktop.worker.runtime import (
    PeriodicTask,
    WorkerThread,
    build_worker,
    default_worker_id,
    maintenance_tasks,
)

RUNS = size(3, 1)
BACKLOG = size(1_000, 100)  # due bookings the worker goes through
REFERENCE_SECONDS = size(3, 1)  # how long the window is watched without the worker
GAP_GOAL_MS = 50.0
QUIT_GOAL_MS = 1000.0
SCROLL_MS = 30  # the window is in use: a few rows scrolled (and painted) this often
PEER_SECONDS = 3.0  # the slowed peer a job in hand waits on when the app quits
SLOW_KIND = "bench.slow_peer"


# --- the backlog --------------------------------------------------------------------------


def put_back_backlog(services: AppServices) -> int:
    """The same backlog for each run: the first BACKLOG paid sessions that ended before the
    app's clock are CONFIRMED again (the later ones COMPLETED) and every job is done. Returns
    how many bookings are due."""
    with services.engine.begin() as connection:
        ended = (B.payment_status == PaymentStatus.PAID) & (B.end_at <= NOW)
        connection.execute(
            update(B)
            .where(ended, B.status == BookingStatus.CONFIRMED)
            .values(status=BookingStatus.COMPLETED)
        )
        first = connection.scalars(select(B.id).where(ended).order_by(B.id).limit(BACKLOG))
        last = max(first.all(), default=0)
        connection.execute(
            update(B).where(ended, B.id <= last).values(status=BookingStatus.CONFIRMED)
        )
        connection.execute(update(OutboxJob).values(state=JobState.DONE, locked_by=None))
        due = select(func.count()).select_from(B).where(ended, B.status == BookingStatus.CONFIRMED)
        return int(connection.scalar(due) or 0)


class Backlog:
    """The app's worker with a signal for "the due transitions went through the backlog"."""

    def __init__(self, services: AppServices, *, extra: dict[str, Any] | None = None) -> None:
        self.done = threading.Event()
        self.changed = 0
        handlers = build_handlers(
            services.ctx, meetings=services.meetings, notifications=services.notifications
        )
        worker = OutboxWorker(
            services.ctx,
            {**handlers, **(extra or {})},
            worker_id=default_worker_id(services.settings, "app"),
        )
        tasks = [self._watched(task) for task in maintenance_tasks(services)]
        self.thread = WorkerThread(worker, poll_interval=0.2, periodic=tasks)

    def _watched(self, task: PeriodicTask) -> PeriodicTask:
        if task.name != "due booking transitions":
            return task

        def run(pace: Pace) -> object:
            self.changed = int(task.action(pace) or 0)  # type: ignore[call-overload]
            self.done.set()
            return self.changed

        return PeriodicTask(task.name, task.interval, run)


# --- the window ---------------------------------------------------------------------------


@contextmanager
def scrolling(page: AdminBookingsPage) -> Iterator[None]:
    """Scroll the page's view a few rows every SCROLL_MS (up and down the loaded rows)."""
    bar = page.view.verticalScrollBar()
    step = max(1, bar.singleStep() * 3)
    direction = [1]

    def scroll() -> None:
        value = bar.value() + direction[0] * step
        if value >= bar.maximum() or value <= bar.minimum():
            direction[0] = -direction[0]
        bar.setValue(value)

    timer = QTimer()
    timer.setInterval(SCROLL_MS)
    timer.timeout.connect(scroll)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


def watch(monitor: StallMonitor, until: Callable[[], bool], what: str) -> float:
    """The longest GUI gap (ms) while the event loop runs until ``until`` holds."""
    monitor.take()
    wait_for(until, what)
    return monitor.take()


def watch_for(monitor: StallMonitor, seconds: float) -> float:
    deadline = time.perf_counter() + seconds
    return watch(monitor, lambda: time.perf_counter() >= deadline, "the end of the watch")


def backlog_run(services: AppServices, page: AdminBookingsPage) -> tuple[float, float, float]:
    """(gap with the worker, gap without it, seconds the backlog took) for one run."""
    put_back_backlog(services)
    monitor = StallMonitor()
    monitor.start()
    backlog = Backlog(services)
    with scrolling(page):
        without = watch_for(monitor, REFERENCE_SECONDS)
        began = time.perf_counter()
        backlog.thread.start()
        with_worker = watch(monitor, backlog.done.is_set, "the backlog done")
        took = time.perf_counter() - began
    backlog.thread.stop(timeout=30.0)
    monitor.stop()
    print(
        f"  backlog: {backlog.changed:,} changes (bookings, proposals) in {took:.1f} s; "
        f"longest GUI gap {with_worker:.1f} ms with the worker, {without:.1f} ms without",
        file=sys.stderr,
    )
    return with_worker, without, took


# --- quitting -----------------------------------------------------------------------------


def quit_run(services: AppServices) -> tuple[float, float]:
    """(ms for stop with the worker busy, ms for stop of an idle worker)."""
    backlog_size = put_back_backlog(services)
    inside, release = threading.Event(), threading.Event()

    def slow_peer(_payload: dict[str, Any]) -> None:
        inside.set()
        release.wait(PEER_SECONDS)  # a peer that answers after PEER_SECONDS

    backlog = Backlog(services, extra={SLOW_KIND: slow_peer})
    backlog.thread.start()
    wait_for(lambda: _due_left(services) < backlog_size, "the backlog under way")
    _enqueue_slow_job(services)
    wait_for(inside.is_set, "the slow job in hand")
    began = time.perf_counter()
    backlog.thread.stop(timeout=WorkerThread.QUIT_TIMEOUT)
    busy = (time.perf_counter() - began) * 1000
    done = backlog_size - _due_left(services)
    release.set()
    backlog.thread.stop(timeout=30.0)  # the handler answered: its thread ends now
    idle = WorkerThread(build_worker(services, services.settings, mode="app"), poll_interval=0.2)
    idle.start()
    began = time.perf_counter()
    idle.stop(timeout=WorkerThread.QUIT_TIMEOUT)
    idle_ms = (time.perf_counter() - began) * 1000
    print(
        f"  quit: stop returned in {busy:.0f} ms with the worker busy ({done:,} of the "
        f"backlog done, a job waiting {PEER_SECONDS:.0f} s on a peer), {idle_ms:.0f} ms idle",
        file=sys.stderr,
    )
    return busy, idle_ms


def _due_left(services: AppServices) -> int:
    with services.engine.connect() as connection:
        due = (B.payment_status == PaymentStatus.PAID) & (B.end_at <= NOW)
        count = select(func.count()).select_from(B).where(due, B.status == BookingStatus.CONFIRMED)
        return int(connection.scalar(count) or 0)


def _enqueue_slow_job(services: AppServices) -> None:
    with services.ctx.unit_of_work() as uow:
        enqueue_job(
            uow.session,
            kind=SLOW_KIND,
            payload={},
            dedupe_key=f"bench-slow-{time.perf_counter_ns()}",
            now=services.ctx.now(),
        )
        uow.commit()


# --- running ------------------------------------------------------------------------------


def figures(url: str) -> list[Figure]:
    ensure_application()
    _ctx, actors = seed(url)
    _ctx.session_factory.kw["bind"].dispose()
    with _app_services(url) as services:
        runner = TaskRunner()
        print(f"  {BOOKINGS:,} bookings, {put_back_backlog(services):,} due", file=sys.stderr)
        page = _open_page(services, actors["admin"], runner)
        runs = [backlog_run(services, page) for _ in range(RUNS)]
        page.close()
        page.deleteLater()
        settle(runner)
        quits = [quit_run(services) for _ in range(RUNS)]
    return [
        Figure(
            "worker completing a backlog, window open: longest GUI gap",
            max(run[0] for run in runs),
            "ms",
            "the same without the worker",
            max(run[1] for run in runs),
            goal_value=GAP_GOAL_MS,
        ),
        Figure(
            "quit with the worker busy: stop returns",
            max(busy for busy, _idle in quits),
            "ms",
            "stop of an idle worker",
            max(idle for _busy, idle in quits),
            goal_value=QUIT_GOAL_MS,
        ),
    ]


def _open_page(services: AppServices, admin: Actor, runner: TaskRunner) -> AdminBookingsPage:
    page = Probe(services, runner).open(
        lambda: AdminBookingsPage(services=services, actor=admin, runner=runner)
    )
    assert isinstance(page, AdminBookingsPage)
    return page


if __name__ == "__main__":
    main_alone("background", figures, sys.argv[1:])
