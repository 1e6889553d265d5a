"""The job outbox on SQLite and Postgres: transactional enqueue, dedupe, backoff, dead letters,
crash recovery, clean stop, and two workers that never run the same job."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from linguaflex_desktop.errors import InvalidTransition, NotFound, PermissionDenied, RetryLater
from linguaflex_desktop.models import AuditEvent, JobState, OutboxJob, Role, User
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.job_dto import JobDTO
from linguaflex_desktop.services.common.outbox import OutboxWorker, enqueue_job
from tests.conftest import FakeClock


class CeilingRandom(random.Random):
    """Jitter that always picks the top of the range, so delays are exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


class SimulatedCrash(BaseException):
    """Stands for the process dying inside a handler: nothing after it runs."""


def add_job(ctx: ServiceContext, dedupe_key: str, *, kind: str = "echo", **kwargs: Any) -> bool:
    with ctx.unit_of_work() as uow:
        added = enqueue_job(
            uow.session,
            kind=kind,
            payload={"key": dedupe_key},
            dedupe_key=dedupe_key,
            now=ctx.now(),
            **kwargs,
        )
        uow.commit()
    return added


def job(ctx: ServiceContext, dedupe_key: str) -> JobDTO:
    with ctx.unit_of_work(write=False) as uow:
        row = uow.session.scalars(select(OutboxJob).where(OutboxJob.dedupe_key == dedupe_key)).one()
        return JobDTO.from_model(row)


def make_user(ctx: ServiceContext, role: Role, email: str) -> Actor:
    with ctx.unit_of_work() as uow:
        user = User(email=email, password_hash="x", role=role, display_name=email, time_zone="UTC")
        uow.session.add(user)
        uow.session.flush()
        actor = Actor(user.id, user.email, user.role, user.display_name, user.time_zone)
        uow.commit()
    return actor


def worker(
    ctx: ServiceContext, handler: Callable[[dict[str, Any]], None], **kwargs: Any
) -> OutboxWorker:
    kwargs.setdefault("worker_id", "w1")
    kwargs.setdefault("rng", CeilingRandom())
    return OutboxWorker(ctx, {"echo": handler}, **kwargs)


def test_job_enqueued_in_a_rolled_back_transaction_does_not_exist(ctx: ServiceContext) -> None:
    with ctx.unit_of_work() as uow:
        assert enqueue_job(uow.session, kind="echo", payload={}, dedupe_key="k1", now=ctx.now())
        uow.rollback()
    seen: list[dict[str, Any]] = []
    assert worker(ctx, seen.append).run_once() == 0
    with ctx.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(OutboxJob)).all() == []


def test_duplicate_dedupe_key_is_a_no_op_and_keeps_the_callers_transaction(
    ctx: ServiceContext,
) -> None:
    assert add_job(ctx, "booking-1-paid")
    with ctx.unit_of_work() as uow:
        duplicate = enqueue_job(
            uow.session, kind="echo", payload={"x": 2}, dedupe_key="booking-1-paid"
        )
        other = enqueue_job(uow.session, kind="echo", payload={}, dedupe_key="booking-2-paid")
        uow.commit()
    assert (duplicate, other) == (False, True)
    with ctx.unit_of_work(write=False) as uow:
        keys = uow.session.scalars(select(OutboxJob.dedupe_key).order_by(OutboxJob.id)).all()
    assert keys == ["booking-1-paid", "booking-2-paid"]


def test_handler_gets_the_payload_and_the_job_is_done(ctx: ServiceContext) -> None:
    seen: list[dict[str, Any]] = []
    add_job(ctx, "k1")
    assert worker(ctx, seen.append).run_once() == 1
    assert seen == [{"key": "k1"}]
    done = job(ctx, "k1")
    assert (done.state, done.attempts, done.locked_by) == (JobState.DONE, 0, None)
    assert worker(ctx, seen.append).run_once() == 0


def test_job_due_later_waits_for_its_time(ctx: ServiceContext, clock: FakeClock) -> None:
    seen: list[dict[str, Any]] = []
    add_job(ctx, "later", run_at=clock.current + timedelta(hours=1))
    assert worker(ctx, seen.append).run_once() == 0
    clock.advance(hours=1)
    assert worker(ctx, seen.append).run_once() == 1
    assert seen == [{"key": "later"}]


def test_failures_back_off_exponentially_and_retry_after_is_honoured(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    outcomes: list[BaseException | None] = [
        RuntimeError("boom"),
        RuntimeError("boom again"),
        RetryLater(120.0, "Zoom rate limit"),
        None,
    ]

    def flaky(payload: dict[str, Any]) -> None:
        outcome = outcomes.pop(0)
        if outcome is not None:
            raise outcome

    add_job(ctx, "flaky")
    runner = worker(ctx, flaky, base_delay=2.0, max_delay=600.0)

    assert runner.run_once() == 1
    row = job(ctx, "flaky")
    assert (row.state, row.attempts) == (JobState.PENDING, 1)
    assert row.next_attempt_at == clock.current + timedelta(seconds=2)
    assert row.last_error == "RuntimeError: boom"

    clock.advance(seconds=1)
    assert runner.run_once() == 0  # not due yet
    clock.advance(seconds=1)
    assert runner.run_once() == 1
    row = job(ctx, "flaky")
    assert row.attempts == 2
    assert row.next_attempt_at == clock.current + timedelta(seconds=4)

    clock.advance(seconds=4)
    assert runner.run_once() == 1
    row = job(ctx, "flaky")
    assert row.attempts == 3
    assert row.next_attempt_at == clock.current + timedelta(seconds=120)  # not 8 s
    assert row.last_error == "Zoom rate limit"

    clock.advance(seconds=119)
    assert runner.run_once() == 0
    clock.advance(seconds=1)
    assert runner.run_once() == 1
    assert job(ctx, "flaky").state is JobState.DONE
    assert outcomes == []


def test_backoff_has_full_jitter_below_a_capped_ceiling(ctx: ServiceContext) -> None:
    runner = OutboxWorker(ctx, {}, worker_id="w", base_delay=2.0, max_delay=60.0)
    delays = [runner.backoff_delay(attempts) for attempts in range(12) for _ in range(20)]
    assert all(0.0 <= delay <= 60.0 for delay in delays)
    assert len({round(delay, 6) for delay in delays}) > 100  # jittered, not fixed steps
    capped = worker(ctx, print, base_delay=2.0, max_delay=60.0)
    assert [capped.backoff_delay(n) for n in (0, 1, 4, 5, 50)] == [2.0, 4.0, 32.0, 60.0, 60.0]
    assert capped.backoff_delay(0, retry_after=300.0) == 300.0


def test_job_is_dead_lettered_after_max_attempts_and_an_admin_can_retry_it(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    admin = make_user(ctx, Role.ADMIN, "admin@example.com")
    fail = True

    def handler(payload: dict[str, Any]) -> None:
        if fail:
            raise RetryLater(None, "SMTP 451 try later")

    add_job(ctx, "mail-1", max_attempts=3)
    runner = worker(ctx, handler)
    for _ in range(3):
        assert runner.run_once() == 1
        clock.advance(hours=1)
    row = job(ctx, "mail-1")
    assert (row.state, row.attempts, row.last_error) == (JobState.DEAD, 3, "SMTP 451 try later")
    assert runner.run_once() == 0  # dead jobs are not picked up again

    dead = runner.list_jobs(admin, state="dead")
    assert [item.dedupe_key for item in dead.items] == ["mail-1"]
    assert dead.total == 1 and dead.items[0].is_dead

    retried = runner.retry_dead(admin, row.id)
    assert (retried.state, retried.attempts) == (JobState.PENDING, 0)
    fail = False
    assert runner.run_once() == 1
    assert job(ctx, "mail-1").state is JobState.DONE
    with ctx.unit_of_work(write=False) as uow:
        audit = uow.session.execute(
            select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.actor_id)
        ).one()
    assert tuple(audit) == ("job.retry", row.id, admin.id)


def test_a_wait_the_peer_scheduled_uses_no_attempt_even_on_the_last_one(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    outcomes: list[BaseException | None] = [
        RetryLater(9 * 3600.0, "daily limit, resets at 00:00 UTC", counts_as_attempt=False),
        RetryLater(9 * 3600.0, "daily limit again", counts_as_attempt=False),
        None,
    ]

    def limited(payload: dict[str, Any]) -> None:
        outcome = outcomes.pop(0)
        if outcome is not None:
            raise outcome

    add_job(ctx, "zoom-1", max_attempts=1)
    runner = worker(ctx, limited)
    for _ in range(2):
        assert runner.run_once() == 1
        row = job(ctx, "zoom-1")
        assert (row.state, row.attempts) == (JobState.PENDING, 0)
        assert row.next_attempt_at == clock.current + timedelta(hours=9)  # exactly the reset
        clock.advance(hours=9)
    assert runner.run_once() == 1
    assert job(ctx, "zoom-1").state is JobState.DONE
    assert RetryLater(None, "no time named", counts_as_attempt=False).counts_as_attempt


def test_only_admins_see_or_retry_jobs_and_only_dead_ones_retry(ctx: ServiceContext) -> None:
    admin = make_user(ctx, Role.ADMIN, "admin@example.com")
    student = make_user(ctx, Role.STUDENT, "student@example.com")
    add_job(ctx, "pending-1")
    runner = worker(ctx, print)
    row_id = job(ctx, "pending-1").id
    with pytest.raises(PermissionDenied):
        runner.list_jobs(student)
    with pytest.raises(PermissionDenied):
        runner.retry_dead(student, row_id)
    with pytest.raises(InvalidTransition, match="Only a dead job"):
        runner.retry_dead(admin, row_id)
    with pytest.raises(NotFound):
        runner.retry_dead(admin, row_id + 1000)
    assert runner.list_jobs(admin, state=JobState.PENDING).total == 1
    assert runner.list_jobs(admin, state="done").total == 0


def test_job_interrupted_by_a_crash_runs_again_after_its_lease_expires(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    calls: list[str] = []

    def crashing(payload: dict[str, Any]) -> None:
        calls.append("crashed")
        raise SimulatedCrash

    add_job(ctx, "meeting-7")
    with pytest.raises(SimulatedCrash):
        worker(ctx, crashing, worker_id="dead-process").run_once()
    assert job(ctx, "meeting-7").state is JobState.RUNNING

    survivor = worker(ctx, lambda payload: calls.append("ran"), worker_id="other-process")
    assert survivor.run_once() == 0  # still leased to the dead process
    clock.advance(minutes=4)
    assert survivor.recover_stale(timedelta(minutes=5)) == 0
    clock.advance(minutes=2)
    assert survivor.recover_stale(timedelta(minutes=5)) == 1
    row = job(ctx, "meeting-7")
    assert (row.state, row.attempts, row.locked_by) == (JobState.PENDING, 1, None)
    assert "Interrupted" in (row.last_error or "")
    assert survivor.run_once() == 1
    assert calls == ["crashed", "ran"]
    assert job(ctx, "meeting-7").state is JobState.DONE


def test_restarted_worker_takes_back_its_own_rows_at_once_and_stops_cleanly(
    ctx: ServiceContext,
) -> None:
    add_job(ctx, "mail-9")

    def crashing(payload: dict[str, Any]) -> None:
        raise SimulatedCrash

    with pytest.raises(SimulatedCrash):
        worker(ctx, crashing, worker_id="desktop").run_once()

    ran = threading.Event()
    stop = threading.Event()
    restarted = worker(ctx, lambda payload: ran.set(), worker_id="desktop")
    thread = threading.Thread(target=restarted.run_forever, args=(stop, 0.05))
    thread.start()
    try:
        assert ran.wait(timeout=20), "the interrupted job did not run after restart"
    finally:
        stop.set()
        thread.join(timeout=20)
    assert not thread.is_alive()
    assert job(ctx, "mail-9").state is JobState.DONE


def test_stop_request_releases_claimed_jobs_that_did_not_run(ctx: ServiceContext) -> None:
    for index in range(3):
        add_job(ctx, f"k{index}")
    stop = threading.Event()
    seen: list[dict[str, Any]] = []

    def stop_after_first(payload: dict[str, Any]) -> None:
        seen.append(payload)
        stop.set()

    runner = worker(ctx, stop_after_first, batch_size=3)
    thread = threading.Thread(target=runner.run_forever, args=(stop, 0.05))
    thread.start()
    thread.join(timeout=20)
    assert not thread.is_alive()
    assert seen == [{"key": "k0"}]
    states = [(job(ctx, f"k{i}").state, job(ctx, f"k{i}").attempts) for i in range(3)]
    assert states == [(JobState.DONE, 0), (JobState.PENDING, 0), (JobState.PENDING, 0)]


def test_worker_claims_only_kinds_it_has_handlers_for(ctx: ServiceContext) -> None:
    add_job(ctx, "mail", kind="send_email")
    add_job(ctx, "meet", kind="create_meeting")
    seen: list[dict[str, Any]] = []
    mailer = OutboxWorker(ctx, {"send_email": seen.append}, worker_id="mail-only")
    assert mailer.run_once() == 1
    assert seen == [{"key": "mail"}]
    assert job(ctx, "meet").state is JobState.PENDING


def test_two_workers_never_run_the_same_job(ctx: ServiceContext) -> None:
    for index in range(50):
        add_job(ctx, f"job-{index}")
    ran: list[int] = []
    ran_by: dict[str, int] = {"a": 0, "b": 0}
    lock = threading.Lock()
    both_busy = threading.Barrier(2, timeout=20)
    waited: set[str] = set()

    def make_handler(name: str) -> Callable[[dict[str, Any]], None]:
        def handler(payload: dict[str, Any]) -> None:
            if name not in waited:  # both workers hold a claim at the same moment
                waited.add(name)
                both_busy.wait()
            with lock:
                ran.append(int(payload["key"].removeprefix("job-")))
                ran_by[name] += 1

        return handler

    errors: list[BaseException] = []

    def drain(name: str) -> None:
        runner = OutboxWorker(ctx, {"echo": make_handler(name)}, worker_id=name, batch_size=4)
        try:
            while runner.run_once():
                pass
        except BaseException as error:  # surfaced by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=drain, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(ran) == list(range(50)), "every job exactly once"
    assert ran_by["a"] > 0 and ran_by["b"] > 0
    with ctx.unit_of_work(write=False) as uow:
        states = set(uow.session.scalars(select(OutboxJob.state)).all())
    assert states == {JobState.DONE}


@pytest.mark.postgres
@pytest.mark.timeout(60)
def test_postgres_claim_skips_rows_locked_by_another_worker(
    postgres_database_url: str, clock: FakeClock
) -> None:
    from linguaflex_desktop.db import create_app_engine, create_session_factory
    from tests.conftest import truncate_all

    engine = create_app_engine(postgres_database_url)
    truncate_all(engine)
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    try:
        for index in range(3):
            add_job(ctx, f"k{index}")
        seen: list[dict[str, Any]] = []
        with ctx.unit_of_work() as holder:  # another worker mid-claim holds k0's row lock
            holder.session.execute(
                text("SELECT id FROM outbox_jobs WHERE dedupe_key = 'k0' FOR UPDATE")
            )
            assert worker(ctx, seen.append).run_once() == 2  # does not wait for the lock
        assert sorted(item["key"] for item in seen) == ["k1", "k2"]
        assert job(ctx, "k0").state is JobState.PENDING
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.timeout(60)
def test_postgres_concurrent_duplicate_enqueue_is_absorbed(
    postgres_database_url: str, clock: FakeClock
) -> None:
    from linguaflex_desktop.db import create_app_engine, create_session_factory
    from tests.conftest import truncate_all

    engine = create_app_engine(postgres_database_url)
    truncate_all(engine)
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    results: dict[str, bool] = {}

    def second_writer() -> None:
        with ctx.unit_of_work() as uow:
            results["duplicate"] = enqueue_job(
                uow.session, kind="echo", payload={}, dedupe_key="same"
            )
            results["other"] = enqueue_job(uow.session, kind="echo", payload={}, dedupe_key="b")
            uow.commit()

    try:
        with ctx.unit_of_work() as first:
            enqueue_job(first.session, kind="echo", payload={}, dedupe_key="same")
            thread = threading.Thread(target=second_writer)
            thread.start()
            _wait_for_lock_wait(engine)  # the second insert now waits on our unique key
            first.commit()
        thread.join(timeout=30)
        assert results == {"duplicate": False, "other": True}
        with ctx.unit_of_work(write=False) as uow:
            keys = sorted(uow.session.scalars(select(OutboxJob.dedupe_key)).all())
        assert keys == ["b", "same"]
    finally:
        engine.dispose()


def _wait_for_lock_wait(engine: Any) -> None:
    """Block until some session of this database waits on a lock (bounded by a timeout)."""
    deadline = threading.Event()
    timer = threading.Timer(20, deadline.set)
    timer.start()
    try:
        while not deadline.is_set():
            with engine.connect() as connection:
                waiting = connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND wait_event_type = 'Lock'"
                    )
                ).scalar_one()
            if waiting:
                return
            deadline.wait(0.02)
        raise AssertionError("the second writer never waited on the unique key")
    finally:
        timer.cancel()


def test_worker_does_not_run_a_claimed_job_whose_lease_was_taken_back(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    add_job(ctx, "k0")
    add_job(ctx, "k1")
    calls: list[str] = []
    rescuer = worker(ctx, lambda payload: calls.append("B:" + payload["key"]), worker_id="B")

    def slow_first_job(payload: dict[str, Any]) -> None:
        if payload["key"] == "k0":  # runs past the lease; another worker takes both rows back
            clock.advance(minutes=6)
            assert rescuer.recover_stale(timedelta(minutes=5)) == 2
            assert rescuer.run_once() == 2
        calls.append("A:" + payload["key"])

    assert worker(ctx, slow_first_job, worker_id="A", batch_size=2).run_once() == 1
    assert calls == ["B:k0", "B:k1", "A:k0"]  # A never started k1
    assert {job(ctx, key).state for key in ("k0", "k1")} == {JobState.DONE}


def test_a_job_s_updated_at_follows_the_service_clock(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    """Its finish time is shown on the booking timeline: it must be the clock's, like every
    other instant of the job (the column's own default is the wall clock)."""
    clock.set(datetime(2031, 5, 1, 8, 0, tzinfo=UTC))  # years away from the wall clock
    add_job(ctx, "clocked")
    clock.advance(minutes=3)

    assert worker(ctx, lambda _payload: None).run_once() == 1

    assert job(ctx, "clocked").updated_at == datetime(2031, 5, 1, 8, 3, tzinfo=UTC)
