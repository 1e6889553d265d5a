"""``bench.harness.bulk_insert`` (COPY on Postgres) stores what ``insert(model)`` stores:
enums by name, aware datetimes, JSON objects, and the Python-side defaults of the columns
the rows leave out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, text

from bench.harness import bulk_insert
from linguaflex_desktop.models import AuditEvent, Role, User
from tests.conftest import truncate_all

AT = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)


def _users() -> list[dict[str, Any]]:
    return [
        {
            "email": f"u{n}@example.com",
            "password_hash": "x",
            "role": Role.TEACHER if n % 2 else Role.STUDENT,
            "display_name": f"Ünïcode {n}\ttab",
            "time_zone": "Europe/Berlin",
        }
        for n in range(3)
    ]


def _events(actor_ids: list[int]) -> list[dict[str, Any]]:
    return [
        {
            "actor_id": actor_ids[n % len(actor_ids)] if n else None,
            "action": "booking.confirmed",
            "entity_type": "booking",
            "entity_id": n,
            "before": {"status": "PENDING", "nested": [1, "two"]},
            "after": None if n == 2 else {"status": "CONFIRMED"},
            "created_at": AT + timedelta(minutes=n),  # "reason" left to its default
        }
        for n in range(4)
    ]


def _stored(engine: Engine) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        users = connection.execute(
            select(User.email, User.role, User.display_name, User.time_zone).order_by(User.email)
        ).all()
        events = connection.execute(
            select(
                AuditEvent.action,
                AuditEvent.entity_id,
                AuditEvent.before,
                AuditEvent.after,
                AuditEvent.reason,
                AuditEvent.created_at,
            ).order_by(AuditEvent.entity_id)
        ).all()
    return [tuple(row) for row in users], [tuple(row) for row in events]


def _fill(engine: Engine, *, bulk: bool) -> None:
    with engine.begin() as connection:
        if bulk:
            bulk_insert(connection, User, _users())
        else:
            connection.execute(insert(User), _users())
        ids = list(connection.scalars(select(User.id).order_by(User.id)))
        if bulk:
            bulk_insert(connection, AuditEvent, _events(ids))
        else:
            connection.execute(insert(AuditEvent), _events(ids))


def test_bulk_insert_stores_what_insert_stores(engine: Engine) -> None:
    _fill(engine, bulk=False)
    inserted = _stored(engine)
    if engine.dialect.name == "postgresql":
        truncate_all(engine)
    else:
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_events"))
            connection.execute(text("DELETE FROM users"))
    _fill(engine, bulk=True)
    bulked = _stored(engine)
    assert bulked == inserted
    users, events = bulked
    assert [role for _email, role, _name, _zone in users] == [
        Role.STUDENT,
        Role.TEACHER,
        Role.STUDENT,
    ]
    assert events[0][2] == {"status": "PENDING", "nested": [1, "two"]} and events[2][3] is None
    assert {reason for *_rest, reason, _at in events} == {""}
    assert events[1][5] == AT + timedelta(minutes=1)


def test_bulk_insert_of_no_rows_inserts_nothing(engine: Engine) -> None:
    with engine.begin() as connection:
        bulk_insert(connection, AuditEvent, [])
    assert _stored(engine) == ([], [])
