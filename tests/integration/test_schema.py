"""The schema: migrations both ways, UTC round-trips, constraints the database holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, event, inspect, select, text
from sqlalchemy.exc import DataError, IntegrityError

from linguaflex_desktop.db import (
    alembic_config,
    create_app_engine,
    create_session_factory,
    downgrade_schema,
    migration_head,
    schema_is_current,
    upgrade_schema,
)
from linguaflex_desktop.errors import DatabaseSchemaTooNew
from linguaflex_desktop.models import Base, Gig, Level, Role, User


def test_migrations_upgrade_from_empty_and_downgrade_to_empty(engine: Engine) -> None:
    assert schema_is_current(engine)
    downgrade_schema(engine)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade_schema(engine)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    assert schema_is_current(engine)


def test_upgrade_is_idempotent_on_a_fresh_sqlite_file(tmp_path) -> None:
    engine = create_app_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    upgrade_schema(engine)
    upgrade_schema(engine)
    assert schema_is_current(engine)
    engine.dispose()


def _user(email: str = "a@example.com", role: Role = Role.TEACHER) -> User:
    return User(email=email, password_hash="x", role=role, display_name="A", time_zone="UTC")


def test_instants_round_trip_as_aware_utc(engine: Engine) -> None:
    factory = create_session_factory(engine)
    berlin_noon = datetime(2027, 3, 28, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    with factory() as session:
        user = _user()
        user.last_login_at = berlin_noon
        session.add(user)
        session.commit()
    with factory() as session:
        loaded = session.scalars(select(User)).one()
        assert loaded.last_login_at is not None
        assert loaded.last_login_at.tzinfo is not None
        assert loaded.last_login_at.utcoffset() == timedelta(0)
        assert loaded.last_login_at == datetime(2027, 3, 28, 10, 0, tzinfo=UTC)


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    factory = create_session_factory(engine)
    with factory() as session:
        user = _user()
        user.last_login_at = datetime(2027, 1, 1, 12, 0)
        session.add(user)
        with pytest.raises(Exception, match="naive datetime"):
            session.commit()


@pytest.mark.parametrize(
    "changes",
    [
        {"hourly_rate_minor": 0},
        {"hourly_rate_minor": -5},
        {"currency": "DOLLARS"},
        {"title": "   "},
        {"min_duration_minutes": 60, "max_duration_minutes": 30},
    ],
)
def test_check_constraints_refuse_bad_gigs(engine: Engine, changes: dict[str, object]) -> None:
    factory = create_session_factory(engine)
    with factory() as session:
        teacher = _user()
        session.add(teacher)
        session.flush()
        values: dict[str, object] = {
            "teacher_id": teacher.id,
            "title": "Spanish",
            "language": "Spanish",
            "level": Level.A1,
            "hourly_rate_minor": 5000,
            "currency": "USD",
        }
        values.update(changes)
        session.add(Gig(**values))
        with pytest.raises((IntegrityError, DataError)):
            session.commit()


def test_email_must_be_unique_and_lowercase(engine: Engine) -> None:
    factory = create_session_factory(engine)
    with factory() as session:
        session.add(_user("x@example.com"))
        session.commit()
        session.add(_user("x@example.com"))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
        session.add(_user("Upper@Example.com"))
        with pytest.raises(IntegrityError):
            session.commit()


@pytest.mark.postgres
def test_postgres_holds_the_no_overlap_exclusion_constraints(postgres_database_url: str) -> None:
    """The constraints that make a double booking impossible exist as the migration wrote them:
    per teacher and per student, half-open ranges, cancelled bookings left out."""
    engine = create_app_engine(postgres_database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conrelid = 'session_bookings'::regclass AND contype = 'x'"
                )
            ).all()
    finally:
        engine.dispose()
    definitions = {name: definition for name, definition in rows}
    assert set(definitions) == {
        "ex_session_bookings_no_overlap",
        "ex_session_bookings_student_no_overlap",
    }
    for name, column in (
        ("ex_session_bookings_no_overlap", "teacher_id"),
        ("ex_session_bookings_student_no_overlap", "student_id"),
    ):
        definition = definitions[name]
        assert definition.startswith(f"EXCLUDE USING gist ({column} WITH =, tstzrange(")
        assert "'[)'" in definition and "WITH &&" in definition
        assert "CANCELLED" in definition


def test_the_newest_migration_read_from_the_files_is_alembics_head(engine: Engine) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    assert migration_head() == script.get_current_head()


def test_a_current_schema_costs_one_query_at_start(engine: Engine) -> None:
    statements: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    upgrade_schema(engine)
    event.remove(engine, "before_cursor_execute", note)
    transaction_control = {"BEGIN", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"}
    queries = [each for each in statements if each not in transaction_control]
    assert queries == ["SELECT version_num FROM alembic_version"]


def test_an_older_schema_is_still_brought_to_the_newest(engine: Engine) -> None:
    head = migration_head()
    assert head is not None
    downgrade_schema(engine, "0105")
    assert not schema_is_current(engine)
    upgrade_schema(engine)
    assert schema_is_current(engine)


def test_a_schema_from_a_newer_app_is_still_refused_unchanged(engine: Engine) -> None:
    head = migration_head()
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    try:
        with pytest.raises(DatabaseSchemaTooNew, match="newer version"):
            upgrade_schema(engine)
        with engine.connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert found == [("9999",)]
    finally:  # the Postgres test database is shared by the session's tests
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = :head"), {"head": head}
            )
