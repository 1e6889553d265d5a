"""The admin's view of the job outbox: list jobs (dead letters included) and retry a dead one.

Each call is one transaction on the calling thread; admin only (re-checked on every call).
"""

from __future__ import annotations

from sqlalchemy import func, select

from linguaflex_desktop.errors import InvalidTransition, NotFound, ValidationError
from linguaflex_desktop.models import AuditAction, JobState, OutboxJob, Role
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.job_dto import JobDTO
from linguaflex_desktop.texts import tx

MAX_PAGE_SIZE = 500


class JobAdminService:
    """The admin's view of the outbox (usable without a running worker, e.g. shared Postgres)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list_jobs(
        self, actor: Actor, *, state: JobState | str | None = None, offset: int = 0, limit: int = 50
    ) -> Page[JobDTO]:
        """Jobs newest first, optionally only one state (``dead`` for the dead letters)."""
        if offset < 0 or limit < 1 or limit > MAX_PAGE_SIZE:
            raise ValidationError(tx("Pages start at 0 and hold 1 to {n} rows.", n=MAX_PAGE_SIZE))
        wanted = _parse_state(state)
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            query = select(OutboxJob)
            if wanted is not None:
                query = query.where(OutboxJob.state == wanted)
            total = uow.session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = uow.session.scalars(
                query.order_by(OutboxJob.id.desc()).offset(offset).limit(limit)
            ).all()
            items = tuple(JobDTO.from_model(job) for job in rows)
        return Page(items=items, total=total, offset=offset, limit=limit)

    def retry_dead(self, actor: Actor, job_id: int) -> JobDTO:
        """Put a dead job back in the queue with fresh attempts, due now; audited."""
        with self._ctx.unit_of_work() as uow:
            admin = load_acting_user(uow.session, actor, Role.ADMIN)
            job = uow.session.get(OutboxJob, job_id, with_for_update=True)
            if job is None:
                raise NotFound(tx("There is no job #{job_id}.", job_id=job_id))
            if job.state is not JobState.DEAD:
                raise InvalidTransition(
                    tx(
                        "Only a dead job can be retried; job #{job_id} is {state}.",
                        job_id=job_id,
                        state=job.state.value,
                    )
                )
            now = self._ctx.now()
            before = {"state": job.state.value, "attempts": job.attempts}
            job.state = JobState.PENDING
            job.attempts = 0
            job.next_attempt_at = now
            job.updated_at = now
            record_audit(
                uow.session,
                actor_id=admin.id,
                action=AuditAction.JOB_RETRY,
                entity_type="outbox_job",
                entity_id=job.id,
                at=now,
                before=before,
                after={"state": job.state.value, "attempts": 0},
            )
            uow.session.flush()
            result = JobDTO.from_model(job)
            uow.commit()
        return result


def _parse_state(state: JobState | str | None) -> JobState | None:
    if state is None or isinstance(state, JobState):
        return state
    try:
        return JobState(state.lower())
    except ValueError:
        names = ", ".join(member.value for member in JobState)
        raise ValidationError(
            tx("Unknown job state {state}; use one of {names}.", state=repr(state), names=names)
        ) from None
