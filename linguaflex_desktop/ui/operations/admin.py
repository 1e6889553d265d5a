"""Admin operations: the job queue (list, retry dead jobs). The lambdas run on a pool thread
and touch no widget; callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from typing import Unpack

from linguaflex_desktop.models.enums import JobState
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query


def list_jobs(
    ctx: OpContext,
    actor: Actor,
    *,
    state: JobState | None,
    offset: int,
    limit: int,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: (a page of jobs in ``state``, how many jobs are dead)."""
    job_admin = ctx.services.job_admin
    query(
        ctx,
        lambda: (
            job_admin.list_jobs(actor, state=state, offset=offset, limit=limit),
            job_admin.list_jobs(actor, state=JobState.DEAD, limit=1).total,
        ),
        **cb,
    )


def retry_dead_job(ctx: OpContext, actor: Actor, job_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: queue a dead job again: (the JobDTO, how many are still dead); emits "job"."""
    job_admin = ctx.services.job_admin
    change(
        ctx,
        lambda: (
            job_admin.retry_dead(actor, job_id),
            job_admin.list_jobs(actor, state=JobState.DEAD, limit=1).total,
        ),
        changed=Change("job", (job_id,)),
        **cb,
    )
