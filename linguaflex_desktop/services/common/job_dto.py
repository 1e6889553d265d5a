"""The outbox job as the admin view sees it (a frozen copy, never the ORM row)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from linguaflex_desktop.models.enums import JobState

if TYPE_CHECKING:
    # ORM classes only as the type of from_model's argument: none is imported at run time.
    from linguaflex_desktop.models import OutboxJob


@dataclass(frozen=True)
class JobDTO:
    id: int
    kind: str
    payload: Mapping[str, Any]
    dedupe_key: str
    state: JobState
    attempts: int
    max_attempts: int
    next_attempt_at: datetime
    locked_by: str | None
    locked_at: datetime | None
    last_error: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_dead(self) -> bool:
        return self.state is JobState.DEAD

    @classmethod
    def from_model(cls, job: OutboxJob) -> JobDTO:
        return cls(
            id=job.id,
            kind=job.kind,
            payload=MappingProxyType(dict(job.payload or {})),
            dedupe_key=job.dedupe_key,
            state=job.state,
            attempts=job.attempts,
            max_attempts=job.max_attempts,
            next_attempt_at=job.next_attempt_at,
            locked_by=job.locked_by,
            locked_at=job.locked_at,
            last_error=job.last_error,
            created_at=job.created_at,
            updated_at=job.updated_at,
        )
