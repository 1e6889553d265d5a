"""No double booking, held by the database, and concurrent edits resolved by the version column.

Threads race on SQLite (BEGIN IMMEDIATE around check-and-insert) and on Postgres (exclusion
constraints); processes race on Postgres. Every outcome is classified: exactly one success,
every other one a SlotTaken (or, for edits, a Conflict carrying the fresh state); never a
crash, never "database is locked".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from linguaflex_desktop.db import create_app_engine, create_session_factory
from linguaflex_desktop.errors import Conflict, InvalidTransition, SlotTaken, StaleState
from linguaflex_desktop.models import BookingStatus, Role
from linguaflex_desktop.services.booking import due as booking_due
from linguaflex_desktop.services.booking import service as booking_service
from linguaflex_desktop.services.booking.checks import (
    DEADLOCK_ATTEMPTS,
    DEADLOCK_DETECTED,
    STUDENT_SLOTS_LOCK,
    TEACHER_SLOTS_LOCK,
)
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest import FakeClock, truncate_all
from tests.integration.booking_helpers import (
    EVERY_DAY_6_TO_22,
    SLOT,
    World,
    add_gig,
    add_rules,
    add_user,
    make_world,
    request,
    request_in_child,
    row_state,
    spawn_context,
)

RACERS = 8
PROCESSES = 6


def _students(ctx: ServiceContext, count: int) -> list[Actor]:
    return [add_user(ctx, email=f"racer{i}@example.com", role=Role.STUDENT) for i in range(count)]


def _race(calls: list[Callable[[], object]]) -> list[object]:
    """Run the calls on as many threads, released together; return each result or exception."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], object]) -> object:
        barrier.wait(timeout=30)
        try:
            return call()
        except Exception as error:  # classified by the caller
            return error

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _classify(outcomes: list[object]) -> tuple[list[object], list[object], list[object]]:
    wins = [o for o in outcomes if not isinstance(o, Exception)]
    taken = [o for o in outcomes if isinstance(o, SlotTaken)]
    other = [o for o in outcomes if isinstance(o, Exception) and not isinstance(o, SlotTaken)]
    return wins, taken, other


def test_threads_racing_for_the_same_slot_one_wins_the_rest_get_slot_taken(
    ctx: ServiceContext,
) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    students = _students(ctx, RACERS)
    outcomes = _race(
        [lambda s=s: request(service, world, student=s, duration=60) for s in students]
    )
    wins, taken, other = _classify(outcomes)
    assert other == [] and len(wins) == 1 and len(taken) == RACERS - 1
    assert service.count_bookings(world.admin) == 1


def test_threads_racing_for_overlapping_slots_one_wins(ctx: ServiceContext) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    students = _students(ctx, RACERS)
    # Starts 15 minutes apart, 2 hours long: every pair overlaps.
    calls = [
        lambda i=i, s=s: request(
            service, world, student=s, start_at=SLOT + timedelta(minutes=15 * i), duration=120
        )
        for i, s in enumerate(students)
    ]
    wins, taken, other = _classify(_race(calls))
    assert other == [] and len(wins) == 1 and len(taken) == RACERS - 1


def test_one_student_racing_for_overlapping_sessions_with_many_teachers_gets_one(
    ctx: ServiceContext,
) -> None:
    service = BookingService(ctx)
    student = add_user(ctx, email="busy@example.com", role=Role.STUDENT)
    gigs = []
    for i in range(RACERS):
        teacher = add_user(ctx, email=f"teacher{i}@example.com", role=Role.TEACHER)
        add_rules(ctx, teacher, EVERY_DAY_6_TO_22)
        gigs.append(add_gig(ctx, teacher))
    calls = [
        lambda i=i, gig=gig: service.request_booking(
            student, gig_id=gig, start_at=SLOT + timedelta(minutes=15 * i), duration_minutes=120
        )
        for i, gig in enumerate(gigs)
    ]
    wins, taken, other = _classify(_race(calls))
    assert other == [] and len(wins) == 1 and len(taken) == RACERS - 1
    assert all("you already have" in str(error) for error in taken)


def test_back_to_back_requests_racing_all_succeed(ctx: ServiceContext) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    students = _students(ctx, RACERS)
    calls = [
        lambda i=i, s=s: request(
            service, world, student=s, start_at=SLOT + timedelta(minutes=30 * i), duration=30
        )
        for i, s in enumerate(students)
    ]
    wins, taken, other = _classify(_race(calls))
    assert other == [] and taken == [] and len(wins) == RACERS


@pytest.fixture
def postgres_ctx(postgres_database_url: str, clock: FakeClock) -> Iterator[ServiceContext]:
    engine = create_app_engine(postgres_database_url)
    truncate_all(engine)
    yield ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("overlapping", [False, True])
def test_processes_racing_on_postgres_one_wins_the_rest_get_slot_taken(
    postgres_ctx: ServiceContext, postgres_database_url: str, overlapping: bool
) -> None:
    ctx = postgres_ctx
    world = make_world(ctx)
    students = _students(ctx, PROCESSES)
    url = postgres_database_url
    spawn = spawn_context()
    barrier = spawn.Barrier(PROCESSES)
    results = spawn.Queue()
    children = [
        spawn.Process(
            target=request_in_child,
            args=(
                url,
                ctx.now(),
                student,
                world.gig_id,
                SLOT + timedelta(minutes=15 * i if overlapping else 0),
                120,
                barrier,
                results,
            ),
        )
        for i, student in enumerate(students)
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
    assert all(child.exitcode == 0 for child in children)
    assert sorted(outcomes) == ["ok"] + ["taken"] * (PROCESSES - 1), outcomes
    assert BookingService(ctx).count_bookings(world.admin) == 1


# --- concurrent edits ------------------------------------------------------------------------


def _confirm_vs_cancel(service: BookingService, world: World, booking: BookingDTO) -> list[object]:
    return _race(
        [
            lambda: service.confirm_booking(
                world.teacher, booking.id, expected_version=booking.version
            ),
            lambda: service.cancel_booking(
                world.student, booking.id, reason="Race", expected_version=booking.version
            ),
        ]
    )


@pytest.mark.parametrize("round_", range(4))
def test_teacher_confirms_while_student_cancels_one_wins_the_other_sees_fresh_state(
    ctx: ServiceContext, round_: int
) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    booking = request(service, world)
    outcomes = _confirm_vs_cancel(service, world, booking)
    wins = [o for o in outcomes if isinstance(o, BookingDTO)]
    losses = [o for o in outcomes if isinstance(o, Exception)]
    assert len(wins) == 1 and len(losses) == 1, outcomes
    winner, loser = wins[0], losses[0]
    assert isinstance(loser, Conflict)
    fresh = getattr(loser, "current", None)
    assert isinstance(fresh, BookingDTO)
    assert (fresh.status, fresh.version) == (winner.status, winner.version)
    assert fresh.status in (BookingStatus.CONFIRMED, BookingStatus.CANCELLED)
    assert row_state(ctx, booking.id) == (winner.status, winner.payment_status, winner.version)


def test_acting_on_an_old_version_is_refused_with_the_fresh_state(ctx: ServiceContext) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    booking = request(service, world)
    reschedules = Reschedules(ctx)
    reschedules.propose_reschedule(world.student, booking.id, start_at=SLOT + timedelta(hours=2))
    moved = reschedules.accept_reschedule(
        world.teacher,
        service.get_booking(world.teacher, booking.id).reschedule_proposal.id,  # type: ignore[union-attr]
    )
    with pytest.raises(StaleState) as caught:
        service.confirm_booking(world.teacher, booking.id, expected_version=booking.version)
    assert caught.value.current == moved
    assert row_state(ctx, booking.id)[0] is BookingStatus.PENDING
    confirmed = service.confirm_booking(world.teacher, booking.id, expected_version=moved.version)
    assert confirmed.version == moved.version + 1


def test_the_answer_deadline_is_one_rule_for_the_teacher_and_the_expiry_sweep(
    ctx: ServiceContext, clock
) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    booking = request(service, world)
    assert booking.respond_by is not None
    clock.set(booking.respond_by - timedelta(microseconds=1))
    assert DueTransitions(ctx).run_due_transitions() == 0  # still answerable one instant before
    clock.set(booking.respond_by)
    with pytest.raises(InvalidTransition, match="expired"):
        service.confirm_booking(world.teacher, booking.id)
    assert DueTransitions(ctx).run_due_transitions() == 1
    assert row_state(ctx, booking.id)[0] is BookingStatus.CANCELLED


def test_a_confirmation_one_instant_before_the_deadline_wins_over_the_sweep(
    ctx: ServiceContext, clock
) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    booking = request(service, world)
    assert booking.respond_by is not None
    clock.set(booking.respond_by - timedelta(microseconds=1))
    service.confirm_booking(world.teacher, booking.id)
    clock.set(booking.respond_by)
    assert DueTransitions(ctx).run_due_transitions() == 0
    assert row_state(ctx, booking.id)[0] is BookingStatus.CONFIRMED


def test_a_confirmation_waiting_on_the_sweeps_row_lock_sees_the_expired_request(
    ctx: ServiceContext, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forced order: the sweep holds the booking's row lock when the late confirmation starts."""
    service = BookingService(ctx)
    world = make_world(ctx)
    booking = request(service, world)
    clock.set(booking.respond_by)
    locked, release = threading.Event(), threading.Event()
    expire = booking_due.apply_booking_status

    def expire_holding_the_lock(*args: object, **kwargs: object) -> None:
        locked.set()
        assert release.wait(timeout=30)
        expire(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(booking_due, "apply_booking_status", expire_holding_the_lock)
    with ThreadPoolExecutor(max_workers=2) as pool:
        sweep = pool.submit(DueTransitions(ctx).run_due_transitions)
        assert locked.wait(timeout=30)
        confirm = pool.submit(service.confirm_booking, world.teacher, booking.id)
        release.set()
        assert sweep.result(timeout=30) == 1
        with pytest.raises(Conflict):
            confirm.result(timeout=30)
    assert row_state(ctx, booking.id)[0] is BookingStatus.CANCELLED


def test_a_sweep_meeting_a_row_a_late_confirmation_holds_expires_it_exactly_once(
    ctx: ServiceContext, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forced order: the confirmation holds the row lock when the sweep runs. On Postgres the
    sweep skips the locked row (SKIP LOCKED) and the next run expires it; on SQLite the sweep
    waits for the write lock. Either way the request expires once and the confirmation fails."""
    service = BookingService(ctx)
    world = make_world(ctx)
    booking = request(service, world)
    clock.set(booking.respond_by)
    locked, release = threading.Event(), threading.Event()
    authorize = booking_service._own_teacher

    def authorize_holding_the_lock(*args: object) -> None:
        locked.set()
        assert release.wait(timeout=30)
        authorize(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(booking_service, "_own_teacher", authorize_holding_the_lock)
    skips_locked_rows = ctx.session_factory.kw["bind"].dialect.name == "postgresql"
    with ThreadPoolExecutor(max_workers=2) as pool:
        confirm = pool.submit(service.confirm_booking, world.teacher, booking.id)
        assert locked.wait(timeout=30)
        sweep = pool.submit(DueTransitions(ctx).run_due_transitions)
        first_run = sweep.result(timeout=30) if skips_locked_rows else None
        release.set()
        with pytest.raises(Conflict):
            confirm.result(timeout=30)
        first_run = sweep.result(timeout=30)
    assert first_run == (0 if skips_locked_rows else 1)
    assert first_run + DueTransitions(ctx).run_due_transitions() == 1
    assert row_state(ctx, booking.id)[0] is BookingStatus.CANCELLED


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


def _fail_audit_first(monkeypatch: pytest.MonkeyPatch, sqlstate: str, times: int) -> list[int]:
    """Make the request's transaction fail ``times`` times as Postgres does, then work."""
    calls: list[int] = []
    record = booking_service.insert_audit

    def audit(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("INSERT INTO audit_events", {}, _PgError(sqlstate))
        record(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(booking_service, "insert_audit", audit)
    return calls


def test_a_request_postgres_aborted_to_break_a_deadlock_is_run_again_once(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    calls = _fail_audit_first(monkeypatch, DEADLOCK_DETECTED, times=1)
    booking = request(service, world)
    assert len(calls) == 2
    assert row_state(ctx, booking.id)[0] is BookingStatus.PENDING
    assert len(service.list_bookings(world.student).items) == 1


def test_a_request_run_again_after_a_deadlock_queues_for_the_slots_first(
    engine: Engine, ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run again, it takes the teacher's then the student's queue lock (Postgres) before it
    reads the bookings it could overlap; the first attempt takes none."""
    service = BookingService(ctx)
    world = make_world(ctx)
    _fail_audit_first(monkeypatch, DEADLOCK_DETECTED, times=1)
    sent: list[tuple[str, Any]] = []

    def note(_c: object, _cursor: object, statement: str, parameters: Any, *_rest: object) -> None:
        sent.append((" ".join(statement.split()), parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        request(service, world)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    reads = [i for i, (text, _) in enumerate(sent) if text.startswith("SELECT session_bookings")]
    locks = [(i, p) for i, (text, p) in enumerate(sent) if "pg_advisory_xact_lock" in text]
    assert len(reads) == 2  # the overlap check of each attempt
    if engine.dialect.name != "postgresql":
        assert locks == []  # SQLite's write lock queues every attempt already
        return
    assert reads[0] < locks[0][0] < locks[1][0] < reads[1]  # in the second attempt, first
    assert [sorted(p.values()) for _, p in locks] == [
        sorted([TEACHER_SLOTS_LOCK, world.teacher.id]),
        sorted([STUDENT_SLOTS_LOCK, world.student.id]),
    ]


def test_other_database_errors_and_repeated_deadlocks_are_not_retried_forever(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    calls = _fail_audit_first(monkeypatch, "08006", times=1)  # connection failure
    with pytest.raises(OperationalError):
        request(service, world)
    assert len(calls) == 1
    calls = _fail_audit_first(monkeypatch, DEADLOCK_DETECTED, times=DEADLOCK_ATTEMPTS)
    with pytest.raises(OperationalError):
        request(service, world)
    assert len(calls) == DEADLOCK_ATTEMPTS
    assert not service.list_bookings(world.student).items
