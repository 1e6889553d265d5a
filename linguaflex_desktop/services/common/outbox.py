"""The job outbox: work written in the caller's transaction, run by a worker after commit.

``enqueue_job`` adds a row to the transaction that causes the work (a booking becoming paid,
a cancellation), so the job exists exactly when the state change does. ``OutboxWorker`` runs
the jobs at least once: it claims due rows in one short transaction (Postgres:
``SELECT ... FOR UPDATE SKIP LOCKED``, so several workers never take the same row; SQLite: the
write unit of work starts with ``BEGIN IMMEDIATE``), runs each handler outside any transaction,
then records the outcome. Failures back off exponentially with full jitter and honour
``RetryLater.retry_after``; after ``max_attempts`` the job is dead-lettered for an admin. A wait
the peer scheduled (``RetryLater.counts_as_attempt`` False) uses up no attempt. A handler that
cannot know whether its side effect happened (``OutcomeUnknown``) is dead-lettered at once:
running it again could do it twice, so an admin decides.

Handlers (``JobHandler``) must be idempotent: a crash between the handler's side effect and
the "done" write runs the job again (``recover_stale`` hands back rows whose lease expired).
"""

from __future__ import annotations

import contextvars
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from linguaflex_desktop.db import insert_unless_present
from linguaflex_desktop.errors import (
    ExternalServiceError,
    OutcomeUnknown,
    RetryLater,
    ValidationError,
)
from linguaflex_desktop.models import JobKind, JobState, OutboxJob, utcnow
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.job_dto import JobDTO
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.common.pacing import Pace
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

JobHandler = Callable[[dict[str, Any]], None]

DEFAULT_LEASE = timedelta(minutes=5)
RECOVERY_INTERVAL_SECONDS = 60.0
ERROR_PAUSE_SECONDS = 5.0
MAX_ERROR_LENGTH = 2000
_MAX_EXPONENT = 40


@dataclass(frozen=True)
class JobRun:
    """The job a handler is running for (``current_job_run()``): which attempt this is."""

    job_id: int
    kind: str
    attempt: int  # 1 for the first run
    max_attempts: int

    @property
    def is_last_attempt(self) -> bool:
        """A failure now dead-letters the job."""
        return self.attempt >= self.max_attempts


_CURRENT_RUN: contextvars.ContextVar[JobRun | None] = contextvars.ContextVar(
    "linguaflex_job_run", default=None
)


def current_job_run() -> JobRun | None:
    """Inside a handler run by ``OutboxWorker``: the job and attempt; None when called directly."""
    return _CURRENT_RUN.get()


def enqueue_job(
    session: Session,
    *,
    kind: JobKind,
    payload: Mapping[str, Any],
    dedupe_key: str,
    run_at: datetime | None = None,
    max_attempts: int = 8,
    now: datetime | None = None,
) -> bool:
    """Add a job to the CALLER's transaction; return False if ``dedupe_key`` already exists.

    The job is committed or rolled back with the caller's unit of work. ``now`` is the caller's
    clock (``ctx.now()``); ``run_at`` defaults to it. A concurrent insert of the same key is
    absorbed (``ON CONFLICT DO NOTHING``), so the caller's transaction survives the duplicate.
    """
    _check_job(kind, payload, dedupe_key, max_attempts, run_at)
    created = now or utcnow()
    values = {
        "kind": kind,
        "payload": dict(payload),
        "dedupe_key": dedupe_key,
        "state": JobState.PENDING,
        "attempts": 0,
        "max_attempts": max_attempts,
        "next_attempt_at": run_at or created,
        "created_at": created,
        "updated_at": created,
    }
    return insert_unless_present(session, OutboxJob, values, unique="dedupe_key") is not None


def _check_job(
    kind: str,
    payload: Mapping[str, Any],
    dedupe_key: str,
    max_attempts: int,
    run_at: datetime | None,
) -> None:
    if not kind or len(kind) > 40:
        raise ValidationError(tx("A job kind is 1 to 40 characters."))
    if not dedupe_key or len(dedupe_key) > 255:
        raise ValidationError(tx("A job dedupe key is 1 to 255 characters."))
    if max_attempts < 1:
        raise ValidationError(tx("A job needs at least one attempt."))
    if run_at is not None and run_at.tzinfo is None:
        raise ValidationError(tx("A job's run time must be an aware UTC datetime."))
    try:
        json.dumps(dict(payload))
    except (TypeError, ValueError) as error:
        raise ValidationError(
            tx("A job payload must be plain JSON: {error}", error=str(error))
        ) from None


@dataclass(frozen=True)
class _Claim:
    """What a worker took from a row; the row stays locked to it by (locked_by, locked_at)."""

    id: int
    kind: str
    payload: dict[str, Any]
    attempts: int
    max_attempts: int
    locked_at: datetime


class OutboxWorker:
    """Claims and runs due jobs. One instance per worker thread or ``linguaflex worker``.

    ``worker_id`` must be unique among running workers (e.g. ``host:pid``); a worker that
    restarts under the same id takes back its own interrupted rows at once (``run_forever``).
    All methods run on the calling thread and open their own sessions.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        handlers: Mapping[str, JobHandler],
        *,
        worker_id: str,
        batch_size: int = 10,
        base_delay: float = 2.0,
        max_delay: float = 600.0,
        lease: timedelta = DEFAULT_LEASE,
        rng: random.Random | None = None,
    ) -> None:
        if not worker_id or len(worker_id) > 120:
            raise ValidationError(tx("A worker id is 1 to 120 characters."))
        if batch_size < 1 or base_delay <= 0 or max_delay < base_delay:
            raise ValidationError(tx("Worker batch size and delays must be positive."))
        self._ctx = ctx
        self._handlers = dict(handlers)
        self.worker_id = worker_id
        self._batch_size = batch_size
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._lease = lease
        self._rng = rng or random.Random()
        self._stop_event: threading.Event | None = None
        self._in_hand: JobRun | None = None
        self._admin = JobAdminService(ctx)

    @property
    def job_in_hand(self) -> JobRun | None:
        """The job whose handler runs now (read from any thread), or None between jobs."""
        return self._in_hand

    # --- running ---------------------------------------------------------------------------

    def run_once(self, limit: int | None = None) -> int:
        """Claim up to ``limit`` (``batch_size``) due jobs, run them, record outcomes; return
        how many ran."""
        if self._stopping():
            return 0
        claims = self._claim_due(limit or self._batch_size)
        ran = 0
        for index, claim in enumerate(claims):
            if self._stopping():
                self._release(claims[index:])
                break
            renewed = self._renew(claim)
            if renewed is not None:
                self._run(renewed)
                ran += 1
        return ran

    def _stopping(self) -> bool:
        return self._stop_event is not None and self._stop_event.is_set()

    def run_forever(
        self, stop_event: threading.Event, poll_interval: float = 1.0, *, pace: Pace | None = None
    ) -> None:
        """Run jobs until ``stop_event`` is set (for a thread or the headless command).

        Takes back this worker's own interrupted rows first, then stale rows of any worker
        every minute. Unexpected errors (database down) are logged and the loop goes on.
        Between two batches of jobs it rests as ``pace`` says (by default in proportion to the
        batch), so a backlog shares the interpreter with the GUI thread. Setting
        ``stop_event`` ends the loop after the job in hand; unrun claims are released. A
        handler waiting on a slow peer is not interrupted: whoever stops the thread may stop
        waiting for it (``job_in_hand`` says which job); the row stays claimed and is taken
        back as after a crash (at once by a worker restarted under the same id).
        """
        self._stop_event = stop_event
        pace = pace or Pace(stop_event)
        batch_size = pace.batch_size(self._batch_size)
        next_recovery = 0.0
        try:
            self._guarded(self._recover_own)
            while not stop_event.is_set():
                if time.monotonic() >= next_recovery:
                    self._guarded(lambda: self.recover_stale(self._lease))
                    next_recovery = time.monotonic() + RECOVERY_INTERVAL_SECONDS
                pace.start()
                ran = self._guarded(lambda: self.run_once(batch_size))
                if ran is None:
                    stop_event.wait(max(poll_interval, ERROR_PAUSE_SECONDS))
                elif ran == 0:
                    stop_event.wait(poll_interval)
                else:
                    pace.between_batches()
        finally:
            self._stop_event = None

    def _guarded(self, step: Callable[[], int]) -> int | None:
        try:
            return step()
        except Exception:
            log.exception("outbox worker %s: a round failed; it will try again", self.worker_id)
            return None

    def _claim_due(self, limit: int) -> list[_Claim]:
        with self._ctx.unit_of_work() as uow:
            now = self._ctx.now()
            due = (
                select(OutboxJob)
                .where(
                    OutboxJob.state == JobState.PENDING,
                    OutboxJob.next_attempt_at <= now,
                    OutboxJob.kind.in_(list(self._handlers)),
                )
                .order_by(OutboxJob.next_attempt_at, OutboxJob.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
            claims = []
            for job in uow.session.scalars(due).all():
                job.state = JobState.RUNNING
                job.locked_by = self.worker_id
                job.locked_at = now
                job.updated_at = now
                payload = dict(job.payload or {})
                claims.append(
                    _Claim(job.id, job.kind, payload, job.attempts, job.max_attempts, now)
                )
            uow.commit()
        return claims

    def _run(self, claim: _Claim) -> None:
        handler = self._handlers[claim.kind]
        run = JobRun(claim.id, claim.kind, claim.attempts + 1, claim.max_attempts)
        token = _CURRENT_RUN.set(run)
        self._in_hand = run
        try:
            handler(dict(claim.payload))
        except RetryLater as error:
            log.info("job %d (%s) will be retried: %s", claim.id, claim.kind, error)
            self._record_failure(claim, error)
        except Exception as error:
            log.exception("job %d (%s) failed", claim.id, claim.kind)
            self._record_failure(claim, error)
        else:
            self._update_claimed(
                claim, state=JobState.DONE, locked_by=None, locked_at=None, last_error=None
            )
        finally:
            self._in_hand = None
            _CURRENT_RUN.reset(token)

    def _record_failure(self, claim: _Claim, error: BaseException) -> None:
        message = _describe(error)
        if isinstance(error, RetryLater) and not error.counts_as_attempt:
            self._wait_for_peer(claim, error.retry_after or 0.0, message)
            return
        attempts = claim.attempts + 1
        if attempts >= claim.max_attempts or isinstance(error, OutcomeUnknown):
            log.error("job %d (%s) dead after %d attempt(s): %s", claim.id, claim.kind, attempts,
                      message)  # fmt: skip
            self._update_claimed(
                claim,
                state=JobState.DEAD,
                attempts=attempts,
                last_error=message,
                locked_by=None,
                locked_at=None,
            )
            return
        retry_after = error.retry_after if isinstance(error, RetryLater) else None
        delay = self.backoff_delay(claim.attempts, retry_after)
        self._update_claimed(
            claim,
            state=JobState.PENDING,
            attempts=attempts,
            last_error=message,
            next_attempt_at=self._ctx.now() + timedelta(seconds=delay),
            locked_by=None,
            locked_at=None,
        )

    def _wait_for_peer(self, claim: _Claim, retry_after: float, message: str) -> None:
        """A wait the peer scheduled (e.g. a daily limit's reset): run again then, same count."""
        when = self._ctx.now() + timedelta(seconds=max(retry_after, 0.0))
        self._update_claimed(
            claim, state=JobState.PENDING, last_error=message, next_attempt_at=when,
            locked_by=None, locked_at=None,
        )  # fmt: skip

    def backoff_delay(self, previous_attempts: int, retry_after: float | None = None) -> float:
        """Seconds to wait: full jitter up to min(max_delay, base * 2**attempts), never less
        than the peer's ``retry_after``."""
        exponent = min(max(previous_attempts, 0), _MAX_EXPONENT)
        ceiling = min(self._max_delay, self._base_delay * 2**exponent)
        delay = self._rng.uniform(0.0, ceiling)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay

    def _renew(self, claim: _Claim) -> _Claim | None:
        """Restart the lease just before running, so a long batch never outlives it; None if
        the row was taken back meanwhile (then it is not run here)."""
        now = self._ctx.now()
        if not self._update_claimed(claim, locked_at=now):
            return None
        return replace(claim, locked_at=now)

    def _update_claimed(self, claim: _Claim, **values: Any) -> bool:
        """Write to the row only if it is still ours (a lease may have expired). The row's
        ``updated_at`` comes from the service clock, as every other instant of the job."""
        values.setdefault("updated_at", self._ctx.now())
        with self._ctx.unit_of_work() as uow:
            result = uow.session.execute(
                update(OutboxJob)
                .where(
                    OutboxJob.id == claim.id,
                    OutboxJob.state == JobState.RUNNING,
                    OutboxJob.locked_by == self.worker_id,
                    OutboxJob.locked_at == claim.locked_at,
                )
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            uow.commit()
        if getattr(result, "rowcount", 1) == 0:
            log.warning("job %d was taken back from worker %s", claim.id, self.worker_id)
            return False
        return True

    def _release(self, claims: Sequence[_Claim]) -> None:
        for claim in claims:
            self._update_claimed(claim, state=JobState.PENDING, locked_by=None, locked_at=None)

    # --- crash recovery ---------------------------------------------------------------------

    def recover_stale(self, older_than: timedelta = DEFAULT_LEASE) -> int:
        """Hand RUNNING rows locked longer than ``older_than`` (a crashed run) back to PENDING.

        The interrupted run counts as an attempt, so a job that crashes its worker every time
        ends up dead rather than looping. Returns how many rows were taken back.
        """
        cutoff = self._ctx.now() - older_than
        return self._recover(OutboxJob.locked_at < cutoff, f"lease of {older_than} expired")

    def _recover_own(self) -> int:
        """At start: every row still locked by this worker id was interrupted by a crash."""
        return self._recover(OutboxJob.locked_by == self.worker_id, "worker restarted")

    def _recover(self, condition: Any, why: str) -> int:
        with self._ctx.unit_of_work() as uow:
            now = self._ctx.now()
            stale = (
                select(OutboxJob)
                .where(OutboxJob.state == JobState.RUNNING, condition)
                .with_for_update(skip_locked=True)
            )
            jobs = uow.session.scalars(stale).all()
            for job in jobs:
                job.attempts += 1
                job.last_error = f"Interrupted while running on {job.locked_by} ({why})."
                job.state = JobState.DEAD if job.attempts >= job.max_attempts else JobState.PENDING
                job.next_attempt_at = now
                job.locked_by = None
                job.locked_at = None
            uow.commit()
        if jobs:
            log.warning("outbox: took back %d interrupted job(s) (%s)", len(jobs), why)
        return len(jobs)

    # --- admin ------------------------------------------------------------------------------

    def list_jobs(
        self, actor: Actor, *, state: JobState | str | None = None, offset: int = 0, limit: int = 50
    ) -> Page[JobDTO]:
        """Admin only: see ``JobAdminService.list_jobs``."""
        return self._admin.list_jobs(actor, state=state, offset=offset, limit=limit)

    def retry_dead(self, actor: Actor, job_id: int) -> JobDTO:
        """Admin only: see ``JobAdminService.retry_dead``."""
        return self._admin.retry_dead(actor, job_id)


def _describe(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    if not isinstance(error, RetryLater | ExternalServiceError):
        text = f"{type(error).__name__}: {text}"
    return text[:MAX_ERROR_LENGTH]
