"""Background work that stays in the background: the due sweep goes in batches that stop at
the next boundary once the app quits (the rest is done by the next run), and a job whose
handler waits on a slow peer does not hold the quit (it is taken back at the next start).

The interleavings are forced with events inside the batch or the handler, never with sleeps."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from linguaflex_desktop.models import BookingStatus, JobState, OutboxJob
from linguaflex_desktop.services.booking import due as booking_due
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.outbox import OutboxWorker, enqueue_job
from linguaflex_desktop.services.common.pacing import GUI_BATCH_ITEMS, Pace
from linguaflex_desktop.worker.runtime import PeriodicTask, WorkerThread
from tests.conftest import FakeClock
from tests.integration.booking_helpers import SLOT, make_world, request, row_state

BATCH = 3
REQUESTS = 7


def expired_requests(ctx: ServiceContext, clock: FakeClock) -> list[int]:
    """REQUESTS unanswered requests whose answer deadline has passed (the sweep cancels each)."""
    world = make_world(ctx)
    service = BookingService(ctx)
    ids = [
        request(service, world, start_at=SLOT + timedelta(days=7, hours=hour)).id
        for hour in range(REQUESTS)
    ]
    clock.advance(days=3)
    return ids


def statuses(ctx: ServiceContext, ids: list[int]) -> list[BookingStatus]:
    return [row_state(ctx, booking_id)[0] for booking_id in ids]


def counting_changes(
    monkeypatch: pytest.MonkeyPatch, on_change: Callable[[int], None]
) -> list[int]:
    """Every booking the sweep changes, in order; ``on_change(count)`` runs inside the batch
    (its transaction open) after each."""
    changed: list[int] = []
    apply = booking_due.apply_booking_status

    def counted(session: Any, booking: Any, *args: Any, **kwargs: Any) -> None:
        apply(session, booking, *args, **kwargs)
        changed.append(booking.id)
        on_change(len(changed))

    monkeypatch.setattr(booking_due, "apply_booking_status", counted)
    return changed


def test_the_due_sweep_stops_at_the_end_of_the_batch_in_which_stop_was_asked(
    ctx: ServiceContext, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = expired_requests(ctx, clock)
    stop = threading.Event()
    changed = counting_changes(monkeypatch, lambda count: stop.set() if count == 1 else None)
    sweep = DueTransitions(ctx, batch_size=BATCH)

    assert sweep.run_due_transitions(Pace(stop)) == BATCH  # the batch in hand ends, no more
    assert changed == ids[:BATCH]
    assert statuses(ctx, ids) == [BookingStatus.CANCELLED] * BATCH + [BookingStatus.PENDING] * (
        REQUESTS - BATCH
    )

    assert sweep.run_due_transitions(Pace()) == REQUESTS - BATCH  # the next run does the rest
    assert changed == ids
    assert statuses(ctx, ids) == [BookingStatus.CANCELLED] * REQUESTS
    assert sweep.run_due_transitions() == 0  # idempotent


def test_where_a_gui_shares_the_interpreter_a_due_batch_takes_one_booking(
    ctx: ServiceContext, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = expired_requests(ctx, clock)
    stop = threading.Event()
    changed = counting_changes(monkeypatch, lambda count: stop.set() if count == 1 else None)
    sweep = DueTransitions(ctx, batch_size=BATCH)

    assert sweep.run_due_transitions(Pace(stop, max_items=GUI_BATCH_ITEMS)) == 1
    assert GUI_BATCH_ITEMS == 1 and changed == ids[:1]
    assert statuses(ctx, ids)[1:] == [BookingStatus.PENDING] * (REQUESTS - 1)


def test_a_sweep_asked_to_stop_before_it_starts_changes_nothing(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    ids = expired_requests(ctx, clock)
    stopped = threading.Event()
    stopped.set()
    assert DueTransitions(ctx, batch_size=BATCH).run_due_transitions(Pace(stopped)) == 0
    assert statuses(ctx, ids) == [BookingStatus.PENDING] * REQUESTS


def test_quitting_stops_the_upkeep_thread_after_the_batch_in_hand_and_the_next_start_resumes(
    ctx: ServiceContext, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upkeep thread is inside its first batch when the app quits: the thread ends after
    that batch (one booking: the thread paces as in the GUI process), and the next start's
    worker does the rest."""
    ids = expired_requests(ctx, clock)
    in_batch, go_on = threading.Event(), threading.Event()

    def hold_first(count: int) -> None:
        if count == 1:
            in_batch.set()
            assert go_on.wait(timeout=30)

    changed = counting_changes(monkeypatch, hold_first)
    sweep = DueTransitions(ctx, batch_size=BATCH)
    tasks = [PeriodicTask("due", 60.0, sweep.run_due_transitions)]
    first = WorkerThread(idle_worker(ctx, "desktop"), poll_interval=0.05, periodic=tasks)
    first.start()
    assert in_batch.wait(timeout=30)
    first.stop_event.set()  # the app quits while the batch runs
    go_on.set()
    assert first.stop(timeout=30)
    assert changed == ids[:GUI_BATCH_ITEMS]
    assert statuses(ctx, ids)[GUI_BATCH_ITEMS:] == [BookingStatus.PENDING] * (
        REQUESTS - GUI_BATCH_ITEMS
    )

    done = threading.Event()

    def sweep_then_note(pace: Pace) -> None:
        sweep.run_due_transitions(pace)
        done.set()

    resumed = [PeriodicTask("due", 60.0, sweep_then_note)]
    again = WorkerThread(idle_worker(ctx, "desktop"), poll_interval=0.05, periodic=resumed)
    again.start()
    try:
        assert done.wait(timeout=30)
    finally:
        assert again.stop(timeout=30)
    assert statuses(ctx, ids) == [BookingStatus.CANCELLED] * REQUESTS


# --- a job waiting on a slow peer ---------------------------------------------------------


def idle_worker(
    ctx: ServiceContext, worker_id: str, handler: Callable[[dict[str, Any]], None] | None = None
) -> OutboxWorker:
    return OutboxWorker(ctx, {"echo": handler or (lambda payload: None)}, worker_id=worker_id)


def add_job(ctx: ServiceContext, key: str) -> None:
    with ctx.unit_of_work() as uow:
        enqueue_job(uow.session, kind="echo", payload={"key": key}, dedupe_key=key, now=ctx.now())
        uow.commit()


def job_row(ctx: ServiceContext, key: str) -> tuple[JobState, str | None, int]:
    with ctx.unit_of_work(write=False) as uow:
        row = uow.session.scalars(select(OutboxJob).where(OutboxJob.dedupe_key == key)).one()
        return row.state, row.locked_by, row.attempts


def test_quit_does_not_wait_for_a_handler_blocked_on_a_peer_and_the_next_start_runs_the_job(
    ctx: ServiceContext,
) -> None:
    add_job(ctx, "meeting-1")
    inside, peer_answers = threading.Event(), threading.Event()
    runs: list[str] = []

    def slow_peer(payload: dict[str, Any]) -> None:
        runs.append("interrupted run")
        inside.set()
        assert peer_answers.wait(timeout=30)

    quitting = WorkerThread(idle_worker(ctx, "desktop", slow_peer), poll_interval=0.05)
    quitting.start()
    try:
        assert inside.wait(timeout=30)
        # The quit returns while the handler is still inside the peer's call.
        assert quitting.stop(timeout=0.05) is False
        assert not peer_answers.is_set() and quitting.is_alive()
        in_hand = quitting.worker.job_in_hand
        assert in_hand is not None and in_hand.kind == "echo"
        assert job_row(ctx, "meeting-1") == (JobState.RUNNING, "desktop", 0)

        # Next start under the same id: the job is taken back at once and runs again.
        ran = threading.Event()

        def resumed(payload: dict[str, Any]) -> None:
            runs.append("resumed")
            ran.set()

        restarted = WorkerThread(idle_worker(ctx, "desktop", resumed), poll_interval=0.05)
        restarted.start()
        assert ran.wait(timeout=30)
        assert restarted.stop(timeout=30)
    finally:
        peer_answers.set()  # the old handler's late answer does not overwrite the new run
        assert quitting.stop(timeout=30)
    assert runs == ["interrupted run", "resumed"]
    assert job_row(ctx, "meeting-1") == (JobState.DONE, None, 1)


class CountingPace(Pace):
    """A pace that counts the rests taken between batches (and takes none)."""

    def __init__(self, stop: threading.Event, max_items: int | None = None) -> None:
        super().__init__(stop, rest_ratio=0.0, min_rest=0.0, max_rest=0.0, max_items=max_items)
        self.rests = 0

    def between_batches(self) -> bool:
        self.rests += 1
        return super().between_batches()


def run_jobs(
    ctx: ServiceContext,
    jobs: int,
    on_job: Callable[[dict[str, Any]], None],
    *,
    batch_size: int,
    max_items: int | None = None,
) -> CountingPace:
    """Queue ``jobs`` jobs and run the outbox on this thread until each has run once
    (``on_job`` gets its payload); the pace it rested with."""
    for index in range(jobs):
        add_job(ctx, f"mail-{index}")
    stop = threading.Event()
    ran = 0

    def deliver(payload: dict[str, Any]) -> None:
        nonlocal ran
        on_job(payload)
        ran += 1
        if ran == jobs:
            stop.set()

    worker = OutboxWorker(ctx, {"echo": deliver}, worker_id="w1", batch_size=batch_size)
    pace = CountingPace(stop, max_items=max_items)
    worker.run_forever(stop, 0.05, pace=pace)  # returns once stop is set: no thread needed
    return pace


def test_the_outbox_rests_after_each_batch_of_jobs_and_stops_at_the_boundary(
    ctx: ServiceContext,
) -> None:
    ran: list[str] = []
    pace = run_jobs(ctx, 5, lambda payload: ran.append(payload["key"]), batch_size=2)
    assert ran == [f"mail-{index}" for index in range(5)]
    assert pace.rests == 3  # after the batches of 2, 2 and 1 jobs


def test_where_a_gui_shares_the_interpreter_the_outbox_rests_after_every_job(
    ctx: ServiceContext,
) -> None:
    claimed: list[int] = []

    def count_claimed(_payload: dict[str, Any]) -> None:
        with ctx.unit_of_work(write=False) as uow:
            running = select(OutboxJob.id).where(OutboxJob.state == JobState.RUNNING)
            claimed.append(len(uow.session.scalars(running).all()))

    pace = run_jobs(ctx, 3, count_claimed, batch_size=10, max_items=GUI_BATCH_ITEMS)
    assert claimed == [1, 1, 1]  # each job claimed on its own, none waiting in hand
    assert pace.rests == 3


def test_a_quit_during_the_start_delay_ends_the_worker_before_any_work(
    ctx: ServiceContext,
) -> None:
    add_job(ctx, "mail-early")
    ran: list[str] = []
    tasks = [PeriodicTask("due", 60.0, lambda pace: ran.append("upkeep"))]
    worker = idle_worker(ctx, "desktop", lambda payload: ran.append("job"))
    thread = WorkerThread(worker, poll_interval=0.05, periodic=tasks, start_delay=3600.0)
    thread.start()
    assert thread.stop(timeout=30)
    assert ran == []
    assert job_row(ctx, "mail-early") == (JobState.PENDING, None, 0)  # left for the next start
