"""The worker as it runs for real: WorkerThread in the app process (jobs and due transitions,
clean stop), ``build_worker`` from Settings, and the headless ``linguaflex worker`` command
(``--once`` in process; a child process stopped by SIGTERM)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from linguaflex_desktop import cli
from linguaflex_desktop.config import Settings
from linguaflex_desktop.db import create_app_engine, create_session_factory
from linguaflex_desktop.models import BookingStatus, JobState, MeetingStatus
from linguaflex_desktop.services.accounts.passwords import HASHING_THREAD_NAME
from linguaflex_desktop.services.booking.events import JOB_REMINDER
from linguaflex_desktop.services.common import pacing
from linguaflex_desktop.services.common.context import ServiceContext, system_clock
from linguaflex_desktop.services.common.outbox import enqueue_job
from linguaflex_desktop.worker.runtime import (
    PeriodicTask,
    WorkerThread,
    build_worker,
    default_worker_id,
    maintenance_tasks,
)
from tests.conftest import FakeClock
from tests.integration.booking_follow_up_helpers import (
    jobs,
    kinds_of,
    make_glue,
    meeting_row,
    paid_booking,
)
from tests.integration.booking_helpers import SLOT, make_world, request, row_state

ROOT = Path(__file__).resolve().parents[2]


def wait_until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    """Poll ``predicate`` (no fixed sleep: returns as soon as it holds)."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        pause.wait(0.02)


def test_worker_thread_runs_a_paid_bookings_jobs_and_stops_cleanly(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    booking = paid_booking(glue, start_at=SLOT)
    thread = WorkerThread(glue.worker, poll_interval=0.05)
    thread.start()
    try:
        wait_until(lambda: "paid" in kinds_of(ctx, glue.world.student))
    finally:
        assert thread.stop(timeout=10.0)
    assert not thread.is_alive()
    meeting = meeting_row(ctx, booking.id)
    assert meeting is not None and meeting.status is MeetingStatus.READY


def test_stop_wakes_an_idle_worker_at_once(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    thread = WorkerThread(glue.worker, poll_interval=300.0)
    thread.start()
    started = time.monotonic()
    assert thread.stop(timeout=10.0)
    assert time.monotonic() - started < 5.0


def test_upkeep_expires_overdue_requests_and_survives_a_failing_task(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    glue = make_glue(ctx)
    booking = request(glue.bookings, glue.world, start_at=SLOT + timedelta(days=7))
    clock.advance(days=3)
    calls: list[str] = []

    def broken(_pace: object) -> None:
        calls.append("broken")
        raise RuntimeError("peer down")

    tasks = [PeriodicTask("broken", 0.01, broken), *maintenance_tasks(SimpleNamespace(ctx=ctx))]
    thread = WorkerThread(glue.worker, poll_interval=0.05, periodic=tasks)
    thread.start()
    try:
        wait_until(lambda: "expired" in kinds_of(ctx, glue.world.student) and len(calls) >= 3)
    finally:
        assert thread.stop(timeout=10.0)
    assert row_state(ctx, booking.id)[0] is BookingStatus.CANCELLED


def test_each_batch_of_the_apps_worker_waits_until_the_gui_has_answered(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until the GUI answers, no batch begins (the paid booking's jobs wait); once it
    answers, they run. (The wait's bound, a quarter second, is lifted here so the check of
    "held back" cannot race it.)"""
    monkeypatch.setattr(pacing, "MAX_GIVE_WAY_SECONDS", 60.0)
    glue = make_glue(ctx)
    paid_booking(glue, start_at=SLOT)
    gui_free = threading.Event()
    asked = threading.Event()

    def give_way(timeout: float) -> bool:
        asked.set()
        return gui_free.wait(timeout)

    thread = WorkerThread(glue.worker, poll_interval=0.05, give_way=give_way)
    thread.start()
    try:
        assert asked.wait(15.0)
        assert "paid" not in kinds_of(ctx, glue.world.student)  # held back while busy
        gui_free.set()
        wait_until(lambda: "paid" in kinds_of(ctx, glue.world.student))
    finally:
        assert thread.stop(timeout=10.0)


def test_build_worker_from_settings_uses_jitsi_without_zoom(ctx: ServiceContext) -> None:
    settings = Settings(
        data_dir=Path("/tmp/unused"),
        database_url="sqlite:////tmp/unused.sqlite3",
        jitsi_base_url="https://jitsi.school.example",
    )
    worker = build_worker(ctx, settings, worker_id="from-settings")
    glue = make_glue(ctx)
    booking = paid_booking(glue, start_at=SLOT)
    while worker.run_once():
        pass
    meeting = meeting_row(ctx, booking.id)
    assert meeting is not None and meeting.join_url is not None
    assert meeting.join_url.startswith("https://jitsi.school.example/LinguaFlex-")
    assert default_worker_id(settings, "app").endswith(":embedded")
    shared = Settings(data_dir=Path("/tmp"), database_url="postgresql+psycopg://h/db")
    assert f":{os.getpid()}:" in default_worker_id(shared, "headless")


# --- the headless command -------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in list(os.environ):
        if name.startswith(("ZOOM_", "SMTP_", "STRIPE_", "DATABASE_URL", "LINGUAFLEX_")):
            monkeypatch.delenv(name, raising=False)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    return data_dir


def real_clock_ctx(sqlite_url: str) -> ServiceContext:
    return ServiceContext(create_session_factory(create_app_engine(sqlite_url)), system_clock)


def test_worker_once_runs_due_jobs_and_exits(
    sqlite_url: str, clean_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = real_clock_ctx(sqlite_url)
    glue = make_glue(ctx, world=make_world(ctx))
    start = (datetime.now(UTC) + timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    booking = paid_booking(glue, start_at=start)
    args = ["--data-dir", str(clean_env), "--database-url", sqlite_url, "worker", "--once"]
    assert cli.main(args) == 0
    assert "Ran 1 job(s)." in capsys.readouterr().out  # the meeting; reminders are not due
    meeting = meeting_row(ctx, booking.id)
    assert meeting is not None and meeting.status is MeetingStatus.READY
    assert "paid" in kinds_of(ctx, glue.world.teacher)


def test_headless_worker_process_runs_jobs_and_stops_on_sigterm(
    sqlite_url: str, clean_env: Path
) -> None:
    ctx = real_clock_ctx(sqlite_url)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "linguaflex_desktop.cli", "--data-dir", str(clean_env)]
    command += ["--database-url", sqlite_url, "worker", "--poll-interval", "0.1"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert "running" in process.stdout.readline()
        with ctx.unit_of_work() as uow:
            payload = {"booking_id": 999_999, "kind": "reminder_1h", "start_at": SLOT.isoformat()}
            enqueue_job(
                uow.session, kind=JOB_REMINDER, payload=payload, dedupe_key="gone", now=ctx.now()
            )
            uow.commit()
        wait_until(lambda: jobs(ctx, JOB_REMINDER)[0].state is JobState.DONE)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert "Worker stopped." in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def test_demo_flow_report_prints_the_link_and_each_partys_notifications_in_order(
    ctx: ServiceContext,
) -> None:
    from linguaflex_desktop.demo.meeting import report_meeting_and_notifications

    glue = make_glue(ctx)
    booking = paid_booking(glue, start_at=SLOT)
    settings = Settings(data_dir=Path("/tmp/unused"), database_url="sqlite:///unused")
    lines: list[str] = []
    services = SimpleNamespace(ctx=ctx, meetings=glue.meetings, notifications=glue.notifications)
    assert report_meeting_and_notifications(services, settings, booking.id, emit=lines.append)
    assert lines[0] == f"meeting of booking {booking.id}: Meeting ready"
    assert lines[1].startswith("  join link: https://meet.example.org/LinguaFlex-")
    student_at = lines.index("notifications of Sam (student, America/New_York):")
    teacher_at = lines.index("notifications of Tina (teacher, Europe/Berlin):")
    student_lines, teacher_lines = lines[student_at + 1 : teacher_at], lines[teacher_at + 1 :]
    assert [line.split("]")[0] for line in student_lines] == ["  1. [confirmed", "  2. [paid"]
    assert [line.split("]")[0] for line in teacher_lines] == ["  1. [requested", "  2. [paid"]
    assert "05:00 EST (America/New_York)" in student_lines[1]
    assert "11:00 CET (Europe/Berlin)" in teacher_lines[1] and "invite.ics" in teacher_lines[1]


def test_the_app_runs_the_worker_while_open_and_stops_it_on_quit(
    sqlite_url: str, clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linguaflex_desktop import app
    from linguaflex_desktop.config import load_settings
    from linguaflex_desktop.ui import startup

    def worker_threads() -> list[threading.Thread]:
        # The password hashing thread lives as long as the process, by design.
        return [
            t
            for t in threading.enumerate()
            if t.name.startswith("linguaflex-") and not t.name.startswith(HASHING_THREAD_NAME)
        ]

    seen: list[set[str]] = []

    def fake_gui(
        _settings: object,
        *,
        build_services: Callable[[], Any],
        on_services_ready: Callable[[Any], None],
    ) -> int:
        """Stands in for the Qt event loop: the data opens, then the window is open while
        this runs."""
        on_services_ready(build_services())
        seen.append({thread.name for thread in worker_threads() if thread.is_alive()})
        return 0

    monkeypatch.setattr(startup, "run_gui_staged", fake_gui)
    settings = load_settings(data_dir=clean_env, database_url=sqlite_url)
    assert app.run_app(settings) == 0
    assert seen == [{"linguaflex-outbox", "linguaflex-upkeep"}]
    assert worker_threads() == []


def test_quitting_the_app_returns_while_a_job_waits_on_a_slow_peer(
    sqlite_url: str, clean_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window closes while the worker's job is inside a peer's call: the app's quit does
    not wait for the peer; the job stays claimed by this desktop, for its next start."""
    from sqlalchemy import select

    from linguaflex_desktop import app
    from linguaflex_desktop.config import load_settings
    from linguaflex_desktop.models import OutboxJob
    from linguaflex_desktop.ui import startup
    from linguaflex_desktop.worker import runtime

    inside, peer_answers = threading.Event(), threading.Event()

    def slow_peer(payload: dict[str, object]) -> None:
        inside.set()
        assert peer_answers.wait(timeout=30)

    every_handler = runtime.build_handlers
    monkeypatch.setattr(
        runtime,
        "build_handlers",
        lambda ctx, **kwargs: {**every_handler(ctx, **kwargs), "test.slow_peer": slow_peer},
    )
    monkeypatch.setattr(runtime, "APP_START_DELAY", 0.0)
    ctx = real_clock_ctx(sqlite_url)
    with ctx.unit_of_work() as uow:
        enqueue_job(
            uow.session, kind="test.slow_peer", payload={}, dedupe_key="slow", now=ctx.now()
        )
        uow.commit()

    def window_open_until_the_job_waits(
        _settings: object,
        *,
        build_services: Callable[[], Any],
        on_services_ready: Callable[[Any], None],
    ) -> int:
        on_services_ready(build_services())
        assert inside.wait(timeout=30)
        return 0

    monkeypatch.setattr(startup, "run_gui_staged", window_open_until_the_job_waits)
    settings = load_settings(data_dir=clean_env, database_url=sqlite_url)
    try:
        assert app.run_app(settings) == 0
        assert not peer_answers.is_set()  # the quit returned while the peer had not answered
        with ctx.unit_of_work(write=False) as uow:
            row = uow.session.scalars(select(OutboxJob).where(OutboxJob.dedupe_key == "slow")).one()
            assert row.state is JobState.RUNNING
            assert (row.locked_by or "").endswith(":embedded")
    finally:
        peer_answers.set()
        for thread in threading.enumerate():
            if thread.name == "linguaflex-outbox":
                thread.join(timeout=30)
