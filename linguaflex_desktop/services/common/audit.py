"""The audit trail: who did what, when, with the state before and after."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from linguaflex_desktop.models import AuditAction, AuditEvent


def _jsonable(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {key: (str(value) if value is not None else None) for key, value in values.items()}


def record_audit(
    session: Session,
    *,
    actor_id: int | None,
    action: AuditAction,
    entity_type: str,
    entity_id: int | None,
    at: datetime,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Add an audit event to the caller's transaction (committed or rolled back with it)."""
    event = AuditEvent(
        actor_id=actor_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        before=_jsonable(before),
        after=_jsonable(after),
        reason=reason,
        created_at=at,
    )
    session.add(event)
    return event
