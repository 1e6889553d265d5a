"""Benchmark: the booking windows (real pages, real threaded TaskRunner) over 100,000 bookings.

Usage: PYTHONPATH=. python bench/bench_booking_windows.py [DATABASE_URL ...] (or ``python -m
bench --only booking_windows``). Without arguments it uses a temporary SQLite file and, if
reachable, the test Postgres server (a throw-away database). The bookings are
``bench_booking_lists``'s; on top of them one busy student gets 1,000 bookings (one an hour) and
the busy teacher's pending requests get answer deadlines (their start), so ~280 wait in her
queue. The app's clock stands a week into the bookings; startup objects are frozen out of
garbage collection as ``run_gui`` does.

With ``QT_QPA_PLATFORM=offscreen`` it builds ``build_app_services`` on the URL and, for each
page (admin's Bookings, a busy student's My bookings, a busy teacher's Schedule and Requests),
times: construction + show() until the first page of rows is in the model; each fetchMore (the
view scrolled to the bottom) until its rows are in; a filter change until the new rows are in. A
10 ms QTimer on the GUI thread records the longest gap between its ticks (10 ms is an idle GUI;
more is a stall). After one warm-up run per page (Qt's one-time costs), times are the best of 3
runs and gaps the worst of them. "window resized" makes the window larger after the pages were
loaded (the columns keep the widths fitted to the first rows; the stretching one grows).

Figures per window: the first page, beside the SQL the page sent to show it replayed on the raw
driver connection; the longest GUI gap of all steps and runs, beside the same timer's longest
gap over an idle event loop, with the goal of at most 50 ms. The per-step detail goes to stderr.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import (
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, update
from sqlalchemy.engine import make_url

from bench.bench_booking_lists import BOOKINGS, START, TEACHERS, seed
from bench.figure import Figure
from bench.gui_probe import Figures, Probe, collecting_as_the_app_does, idle_gap
from bench.harness import RAW_SQL, best_of, replay, size
from bench.suite import main_alone
from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.models import BookingStatus
from linguaflex_desktop.models import SessionBooking as B
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.admin.bookings_page import AdminBookingsPage
from linguaflex_desktop.ui.booking.my_bookings_page import ALL, MyBookingsPage
from linguaflex_desktop.ui.booking.teacher_requests_page import TeacherRequestsPage
from linguaflex_desktop.ui.booking.teacher_schedule_page import TeacherSchedulePage
from linguaflex_desktop.ui.task_runner import TaskRunner, prefer_the_gui_thread
from linguaflex_desktop.ui.theme import apply_theme

RUNS = size(3, 1)
FETCH_PAGES = size(10, 2)
GAP_GOAL_MS = 50.0  # the longest a GUI-thread stall may last
NOW = START + timedelta(days=7)  # the app's clock: a week into the bookings


# --- data ---------------------------------------------------------------------------------


def make_busy(engine: Engine, student_id: int, teacher_id: int) -> None:
    """Give the student one booking an hour where she has none (1,000 in all) and the
    teacher's pending requests an answer deadline (their start), so both lists are long."""
    hour, teacher = (B.id - 1) // TEACHERS, (B.id - 1) % TEACHERS  # as seeded
    with engine.begin() as connection:
        connection.execute(
            update(B)
            .where(teacher == hour % TEACHERS, hour % 10 != 0)
            .values(student_id=student_id)
        )
        connection.execute(
            update(B)
            .where(B.teacher_id == teacher_id, B.status == BookingStatus.PENDING)
            .values(respond_by=B.start_at)
        )


# --- the windows --------------------------------------------------------------------------


def admin_run(services: AppServices, actor: Actor, runner: TaskRunner) -> Figures:
    probe = Probe(services, runner)
    page = probe.open(lambda: AdminBookingsPage(services=services, actor=actor, runner=runner))
    assert isinstance(page, AdminBookingsPage)
    probe.fetch_more(page, FETCH_PAGES)
    probe.resize(page)
    pending = page.status_combo.findData(BookingStatus.PENDING)
    probe.change(page, "status", lambda: page.status_combo.setCurrentIndex(pending))

    def date_range() -> None:  # the default dates: today to today + 30 days
        page.from_check.setChecked(True)
        page.to_check.setChecked(True)

    probe.change(page, "+ date range", date_range)
    return probe.close(page)


def student_run(services: AppServices, actor: Actor, runner: TaskRunner) -> Figures:
    probe = Probe(services, runner)
    page = probe.open(lambda: MyBookingsPage(services=services, actor=actor, runner=runner))
    assert isinstance(page, MyBookingsPage)
    every = page.show_combo.findData(ALL)
    probe.change(page, "all bookings", lambda: page.show_combo.setCurrentIndex(every))
    probe.fetch_more(page, FETCH_PAGES)
    probe.resize(page)
    return probe.close(page)


def schedule_run(services: AppServices, actor: Actor, runner: TaskRunner) -> Figures:
    probe = Probe(services, runner)
    page = probe.open(lambda: TeacherSchedulePage(services=services, actor=actor, runner=runner))
    assert isinstance(page, TeacherSchedulePage)
    probe.change(page, "next week", page.next_button.click)
    probe.change(page, "agenda + prev", lambda: _agenda_previous(page))
    return probe.close(page)


def _agenda_previous(page: TeacherSchedulePage) -> None:
    page.agenda_button.click()
    page.previous_button.click()


def requests_run(services: AppServices, actor: Actor, runner: TaskRunner) -> Figures:
    probe = Probe(services, runner)
    page = probe.open(lambda: TeacherRequestsPage(services=services, actor=actor, runner=runner))
    assert isinstance(page, TeacherRequestsPage)
    probe.change(page, "refresh", page.refresh_button.click)
    probe.resize(page)
    return probe.close(page)


# --- running and printing -----------------------------------------------------------------


def figures(url: str) -> list[Figure]:
    ensure_application()
    ctx, actors = seed(url)
    seed_engine = ctx.session_factory.kw["bind"]
    make_busy(seed_engine, actors["student"].id, actors["teacher"].id)
    seed_engine.dispose()
    found: list[Figure] = []
    with _app_services(url) as services, collecting_as_the_app_does():
        runner = TaskRunner()
        windows = {
            "admin Bookings": lambda: admin_run(services, actors["admin"], runner),
            "student My bookings": lambda: student_run(services, actors["student"], runner),
            "teacher Schedule": lambda: schedule_run(services, actors["teacher"], runner),
            "teacher Requests": lambda: requests_run(services, actors["teacher"], runner),
        }
        name = make_url(url).get_backend_name()
        print(f"  {name}: {BOOKINGS:,} bookings, {TEACHERS} teachers", file=sys.stderr)
        print_header()
        idle = idle_gap()
        for window, scenario in windows.items():
            warm_up = scenario()  # Qt's one-time costs (fonts, styles) are not the page's
            runs = [scenario() for _ in range(RUNS)]
            print_window(window, runs)
            raw = best_of(replay(services.engine, warm_up.first_sql))
            first = min(f.first for f in runs)
            gap = max(max(f.gaps.values(), default=0.0) for f in runs)
            found.append(Figure(f"{window}: first page", first, "ms", RAW_SQL, raw))
            found.append(
                Figure(
                    f"{window}: longest GUI gap",
                    gap,
                    "ms",
                    "idle 10 ms timer",
                    idle,
                    goal_value=GAP_GOAL_MS,
                )
            )
    return found


@contextmanager
def _app_services(url: str) -> Iterator[AppServices]:
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(data_dir=Path(folder), database_url=url, environ={})
        services = build_app_services(settings, clock=lambda: NOW)
        try:
            yield services
        finally:
            services.close()


def print_header() -> None:
    print(f"  {'window':22} {'step':16} {'best ms':>8} {'GUI gap ms':>11}  notes", file=sys.stderr)


def print_window(name: str, runs: list[Figures]) -> None:
    """Best time of the runs per step; worst GUI gap of the runs per phase (on stderr)."""

    def gap(phase: str) -> float:
        return max(figures.gaps.get(phase, 0.0) for figures in runs)

    rows: list[tuple[str, float, float, str]] = [
        ("first page", min(f.first for f in runs), gap("first page"), "")
    ]
    fetches = [min(times) for times in zip(*(f.fetches for f in runs), strict=False)]
    if fetches:
        note = f"{len(fetches)} pages, median {statistics.median(fetches):.1f}"
        note += f", max {max(fetches):.1f}: " + " ".join(f"{t:.0f}" for t in fetches)
        rows.append(("fetchMore (best)", min(fetches), gap("fetchMore"), note))
    for step in runs[0].filters:
        rows.append((step, min(f.filters[step] for f in runs), gap(step), ""))
    for step, best, longest, note in rows:
        line = f"  {name:22} {step:16} {best:8.1f} {longest:11.1f}  {note}"
        print(line.rstrip(), file=sys.stderr)
        name = ""


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, less the offscreen plugin's note on every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def ensure_application() -> None:
    """An offscreen QApplication (unless one exists or a platform was chosen)."""
    if QApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    qInstallMessageHandler(_quiet_offscreen)
    global _application
    _application = QApplication(sys.argv[:1])
    apply_theme(_application)  # the app's theme: the windows as users see them
    prefer_the_gui_thread()  # as the app's gui_application does


_application: QApplication | None = None  # kept alive for the process


if __name__ == "__main__":
    main_alone("booking_windows", figures, sys.argv[1:])
