"""Migration 0005 (teacher payouts) on SQLite and Postgres: it upgrades from 0004 and back,
the table it makes matches the ORM model, and the database itself refuses bad payouts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.db import (
    create_session_factory,
    downgrade_schema,
    schema_is_current,
    upgrade_schema,
)
from linguaflex_desktop.models import Base, Role, TeacherPayout, User

TABLE = "teacher_payouts"


def test_0005_upgrades_from_0004_and_back(engine: Engine) -> None:
    downgrade_schema(engine, "0004")
    assert TABLE not in inspect(engine).get_table_names()
    upgrade_schema(engine, "0005")
    with engine.connect() as connection:
        assert set(MigrationContext.configure(connection).get_current_heads()) == {"0005"}
    columns = {column["name"] for column in inspect(engine).get_columns(TABLE)}
    assert columns == {
        "id",
        "teacher_id",
        "currency",
        "amount_minor",
        "paid_on",
        "reference",
        "note",
        "request_key",
        "recorded_by_id",
        "created_at",
    }
    downgrade_schema(engine, "0004")
    assert TABLE not in inspect(engine).get_table_names()
    upgrade_schema(engine)
    assert schema_is_current(engine)


def test_the_migrated_table_matches_the_model(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert [each for each in differences if TABLE in repr(each)] == []


def _teacher(session: Session) -> User:
    user = User(
        email="t@example.com",
        password_hash="x",
        role=Role.TEACHER,
        display_name="T",
        time_zone="UTC",
    )
    session.add(user)
    session.flush()
    return user


def _payout(teacher_id: int, **changes: Any) -> TeacherPayout:
    values: dict[str, Any] = {
        "teacher_id": teacher_id,
        "currency": "USD",
        "amount_minor": 100,
        "paid_on": date(2027, 3, 1),
        "reference": "TR-1",
        "note": "",
        "request_key": "key-1",
        "recorded_by_id": teacher_id,
        "created_at": datetime(2027, 3, 1, tzinfo=UTC),
    }
    values.update(changes)
    return TeacherPayout(**values)


@pytest.mark.parametrize(
    "changes",
    [{"amount_minor": 0}, {"amount_minor": -1}, {"reference": "  "}, {"currency": "US"}],
)
def test_the_database_refuses_bad_payouts(engine: Engine, changes: dict[str, Any]) -> None:
    with create_session_factory(engine)() as session:
        user = _teacher(session)
        session.add(_payout(user.id, **changes))
        with pytest.raises(IntegrityError):
            session.commit()


def test_a_request_key_records_one_payout(engine: Engine) -> None:
    with create_session_factory(engine)() as session:
        user = _teacher(session)
        session.add(_payout(user.id))
        session.commit()
        session.add(_payout(user.id, reference="TR-2"))
        with pytest.raises(IntegrityError):
            session.commit()
