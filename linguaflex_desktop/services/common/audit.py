"""The audit trail: who did what, when, with the state before and after."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NotRequired, TypedDict, Unpack

from sqlalchemy import insert
from sqlalchemy.orm import Session

from linguaflex_desktop.db import run_core, table_of
from linguaflex_desktop.models import AuditAction, AuditEvent

_AUDIT_EVENTS = table_of(AuditEvent)
_INSERT = insert(_AUDIT_EVENTS).returning(_AUDIT_EVENTS.c.id)


def _jsonable(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {key: (str(value) if value is not None else None) for key, value in values.items()}


class AuditLine(TypedDict):
    """What an audit event records: who (None: the app itself) did what to which entity,
    when, with the state before and after (text values) and the reason given."""

    actor_id: int | None
    action: AuditAction
    entity_type: str
    entity_id: int | None
    at: datetime
    before: NotRequired[Mapping[str, Any] | None]
    after: NotRequired[Mapping[str, Any] | None]
    reason: NotRequired[str]


def record_audit(session: Session, **line: Unpack[AuditLine]) -> AuditEvent:
    """Add an audit event to the caller's transaction (committed or rolled back with it),
    written at its next flush with the other changes (several in one INSERT)."""
    event = AuditEvent(**_row(line))
    session.add(event)
    return event


def insert_audit(session: Session, **line: Unpack[AuditLine]) -> int:
    """``record_audit`` for a transaction that writes one audit line: sent at once as one
    INSERT with no ORM object (which costs the client several times the statement's own
    CPU); its id. Changes the caller has not flushed stay unflushed (no autoflush)."""
    with session.no_autoflush:
        new_id: int = run_core(session, _INSERT, _row(line)).scalar_one()
    return new_id


def _row(line: AuditLine) -> dict[str, Any]:
    return {
        "actor_id": line["actor_id"],
        "action": line["action"],
        "entity_type": line["entity_type"],
        "entity_id": line["entity_id"],
        "before": _jsonable(line.get("before")),
        "after": _jsonable(line.get("after")),
        "reason": line.get("reason", ""),
        "created_at": line["at"],
    }
