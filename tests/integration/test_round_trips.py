"""What a booking request costs in statements: each one is a round trip to a school's shared
Postgres, so the count is held here (on both databases), not left to grow."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_helpers import SLOT, make_world

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@contextmanager
def statements_of(engine: Engine) -> Iterator[list[str]]:
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        sent.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_a_booking_request_is_six_statements_in_one_transaction(
    engine: Engine, ctx: ServiceContext
) -> None:
    world = make_world(ctx)
    service = BookingService(ctx)
    with statements_of(engine) as sent:
        service.request_booking(
            world.student, gig_id=world.gig_id, start_at=SLOT, duration_minutes=60
        )
    queries = [each for each in sent if not each.startswith(TRANSACTION_CONTROL)]
    tables = [_table_of(each) for each in queries]
    # the student with the gig and its teacher (one statement); the teacher's weekly hours
    # with days off (one statement), and bookings; then one INSERT each for the booking, its
    # audit line and the teacher's notification, whose "once only" is in the same statement
    # (no look-up, no savepoint)
    assert tables == [
        "SELECT users",
        "SELECT availability_rules",
        "SELECT session_bookings",
        "INSERT session_bookings",
        "INSERT audit_events",
        "INSERT notifications",
    ]
    assert "JOIN gigs" in queries[0]
    assert "JOIN users" in queries[0]
    assert "UNION ALL" in queries[1] and "availability_exceptions" in queries[1]
    assert "ON CONFLICT" in queries[-1]
    assert not any(each.startswith(("SAVEPOINT", "RELEASE")) for each in sent)


def test_a_booking_request_loads_no_orm_entity_and_names_its_parties(ctx: ServiceContext) -> None:
    """The student, the gig and its teacher are read as one row of columns: loaded as ORM
    entities (identity map, loaders) they cost the request more client CPU than their
    statement did. The booking it answers with still names them."""
    world = make_world(ctx)
    loaded: list[object] = []

    def note(_session: Session, instance: object) -> None:
        loaded.append(instance)

    event.listen(Session, "loaded_as_persistent", note)
    try:
        booking = BookingService(ctx).request_booking(
            world.student, gig_id=world.gig_id, start_at=SLOT, duration_minutes=60
        )
    finally:
        event.remove(Session, "loaded_as_persistent", note)
    assert loaded == []
    assert (booking.student_name, booking.teacher_name) == (
        world.student.display_name,
        world.teacher.display_name,
    )
    assert (booking.student_id, booking.teacher_id) == (world.student.id, world.teacher.id)
    assert booking.gig_id == world.gig_id and booking.gig_title


def _table_of(statement: str) -> str:
    verb, rest = statement.split(" ", 1)
    if verb == "INSERT":
        return f"INSERT {rest.split()[1]}"
    if verb == "UPDATE":
        return f"UPDATE {rest.split()[0]}"
    return f"SELECT {rest.split(' FROM ', 1)[1].split()[0]}"


def test_paying_a_booking_is_22_statements_in_three_transactions(
    engine: Engine, ctx: ServiceContext
) -> None:
    """pay_booking on a fake Stripe: the attempt is recorded before the PaymentIntent is
    created, the intent's id after it, and the settlement after it is confirmed (three
    transactions around the two Stripe calls); the booking's jobs are one INSERT each."""
    from linguaflex_desktop.services.booking.service import BookingService
    from linguaflex_desktop.services.cards.service import CardService
    from linguaflex_desktop.services.payments.service import PaymentService
    from tests.fakes import FakePaymentsGateway
    from tests.integration.booking_helpers import confirmed

    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    booking = confirmed(BookingService(ctx), world)
    cards, payments = CardService(ctx, gateway), PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    with statements_of(engine) as sent:
        payments.pay_booking(world.student, booking.id)
    cards.close()
    payments.close()
    queries = [each for each in sent if not each.startswith(TRANSACTION_CONTROL)]
    # Postgres sends the first transaction's two audit lines as one INSERT (insertmanyvalues)
    expected = {"postgresql": 22, "sqlite": 23}[engine.dialect.name]
    assert len(queries) == expected, "\n".join(queries)
    assert [_table_of(each) for each in queries].count("INSERT outbox_jobs") == 3
    assert not any(each.startswith(("SAVEPOINT", "RELEASE")) for each in sent)


def test_a_row_written_once_only_gives_its_id_and_a_repeat_writes_nothing(
    ctx: ServiceContext,
) -> None:
    """insert_unless_present is one INSERT … ON CONFLICT DO NOTHING RETURNING id, with no ORM
    object built for the row: the id of the new row, None (and the first row kept) when its
    unique value is there already."""
    from linguaflex_desktop.db import insert_unless_present
    from linguaflex_desktop.models import Notification

    world = make_world(ctx)
    values = {
        "user_id": world.teacher.id,
        "kind": "requested",
        "subject": "First",
        "body_text": "Hello",
        "message_id": "<once@example.com>",
    }
    with ctx.unit_of_work() as uow:
        first = insert_unless_present(uow.session, Notification, values, unique="message_id")
        again = insert_unless_present(
            uow.session, Notification, {**values, "subject": "Second"}, unique="message_id"
        )
        assert not [o for o in uow.session.identity_map.values() if isinstance(o, Notification)]
        uow.commit()
    assert isinstance(first, int)
    assert again is None
    with ctx.unit_of_work(write=False) as uow:
        row = uow.session.get(Notification, first)
        assert row is not None
        assert (row.subject, row.user_id) == ("First", world.teacher.id)
        assert row.created_at is not None  # the column's default, as for an ORM insert


def test_a_read_only_unit_of_work_opens_no_transaction_on_postgres_and_cannot_commit(
    engine: Engine, ctx: ServiceContext
) -> None:
    """Reads on Postgres run without BEGIN and ROLLBACK (two round trips fewer each); under
    READ COMMITTED every statement saw its own snapshot anyway. Writes keep their
    transaction."""
    import pytest
    from sqlalchemy import text

    def in_transaction(uow: object) -> bool:
        connection = uow.session.connection().connection.driver_connection  # type: ignore[attr-defined]
        if engine.dialect.name == "postgresql":
            from psycopg.pq import TransactionStatus

            return connection.info.transaction_status is not TransactionStatus.IDLE
        return bool(connection.in_transaction)

    with ctx.unit_of_work(write=False) as uow:
        assert uow.session.scalar(text("SELECT 1")) == 1
        assert in_transaction(uow) is (engine.dialect.name != "postgresql")
        with pytest.raises(RuntimeError, match="cannot commit"):
            uow.commit()
    with ctx.unit_of_work() as uow:
        uow.session.scalar(text("SELECT 1"))
        assert in_transaction(uow)


def test_postgres_statements_are_planned_for_their_own_parameters(engine: Engine) -> None:
    """No server-side prepared statements: a reused generic plan made the free-time search's
    p95 four times longer (its id lists run from a few ids to thousands)."""
    connection = engine.raw_connection()
    try:
        driver = connection.driver_connection
        expected = None if engine.dialect.name == "postgresql" else "no server to prepare on"
        assert getattr(driver, "prepare_threshold", "no server to prepare on") == expected
    finally:
        connection.close()


def test_an_audit_line_written_at_once_is_one_insert_and_leaves_pending_changes_alone(
    engine: Engine, ctx: ServiceContext
) -> None:
    """insert_audit sends its INSERT at once, with no ORM object and no autoflush: a change
    the caller has not flushed yet is still one UPDATE (one version bump) at commit; the row
    holds what record_audit would have written."""
    from sqlalchemy import select

    from linguaflex_desktop.models import AuditAction, AuditEvent, SessionBooking
    from linguaflex_desktop.services.booking.state import load_booking
    from linguaflex_desktop.services.common.audit import insert_audit
    from tests.integration.booking_helpers import request

    world = make_world(ctx)
    booking = request(BookingService(ctx), world)
    with ctx.unit_of_work() as uow, statements_of(engine) as sent:
        row = load_booking(uow.session, booking.id)
        row.status_reason = "first"
        event_id = insert_audit(
            uow.session,
            actor_id=world.admin.id,
            action=AuditAction.BOOKING_CANCELLED,
            entity_type="booking",
            entity_id=booking.id,
            at=ctx.now(),
            before={"status": "pending"},
            after={"status": None},
            reason="checked",
        )
        assert row in uow.session.dirty  # not flushed by the INSERT
        row.status_reason = "second"
        assert not [o for o in uow.session.identity_map.values() if isinstance(o, AuditEvent)]
        uow.commit()
    writes = [_table_of(each) for each in sent if each.startswith(("INSERT", "UPDATE"))]
    assert writes == ["INSERT audit_events", "UPDATE session_bookings"]
    with ctx.unit_of_work(write=False) as uow:
        event = uow.session.get(AuditEvent, event_id)
        assert event is not None
        assert (event.actor_id, event.action, event.entity_id, event.reason) == (
            world.admin.id,
            AuditAction.BOOKING_CANCELLED.value,
            booking.id,
            "checked",
        )
        assert (event.before, event.after) == ({"status": "pending"}, {"status": None})
        assert event.created_at == ctx.now()
        version = uow.session.scalar(
            select(SessionBooking.version).where(SessionBooking.id == booking.id)
        )
    assert version == booking.version + 1


def test_a_core_statement_flushes_pending_changes_only_when_asked(ctx: ServiceContext) -> None:
    """run_core flushes first with autoflush=True (as session.execute does for a statement
    on mapped classes) unless the session's autoflush is off; without it a pending change
    stays pending (as for a statement on Tables)."""
    from sqlalchemy import select

    from linguaflex_desktop.db import run_core
    from linguaflex_desktop.models import SessionBooking
    from linguaflex_desktop.services.booking.state import load_booking
    from tests.integration.booking_helpers import request

    world = make_world(ctx)
    booking = request(BookingService(ctx), world)
    reason = select(SessionBooking.status_reason).where(SessionBooking.id == booking.id)
    with ctx.unit_of_work() as uow:
        row = load_booking(uow.session, booking.id)
        row.status_reason = "pending"
        assert run_core(uow.session, reason, {}).scalar_one() == ""
        assert row in uow.session.dirty
        with uow.session.no_autoflush:
            assert run_core(uow.session, reason, {}, autoflush=True).scalar_one() == ""
        assert row in uow.session.dirty
        assert run_core(uow.session, reason, {}, autoflush=True).scalar_one() == "pending"
        assert row not in uow.session.dirty


def test_a_sign_in_writes_with_two_statements_each_its_own_transaction(
    engine: Engine, ctx: ServiceContext
) -> None:
    """Reserving the attempt and recording the sign-in are one UPDATE … RETURNING each, atomic
    on its own: on Postgres each runs in autocommit (one round trip, no BEGIN or COMMIT), on
    SQLite in a write transaction of its own. Nothing else is sent but the account's read
    for the lockout's refusals, which a right password does not need."""
    from linguaflex_desktop.services.accounts.service import AccountService

    accounts = AccountService(ctx)
    accounts.register(
        email="ana@example.com",
        password="correct horse battery",
        display_name="Ana",
        role=Role.STUDENT,
        time_zone="UTC",
    )
    sent: list[tuple[str, bool]] = []

    def note(connection: Any, _cursor: object, statement: str, *_rest: object) -> None:
        driver = connection.connection.driver_connection
        autocommit = bool(getattr(driver, "autocommit", False))
        sent.append((" ".join(statement.split())[:20], autocommit))

    event.listen(engine, "before_cursor_execute", note)
    try:
        accounts.authenticate(email="ana@example.com", password="correct horse battery")
    finally:
        event.remove(engine, "before_cursor_execute", note)
    if engine.dialect.name == "postgresql":
        assert sent == [("UPDATE users SET fai", True), ("UPDATE users SET fai", True)]
    else:
        assert [text for text, _ in sent] == [
            "BEGIN IMMEDIATE",
            "UPDATE users SET fai",
            "BEGIN IMMEDIATE",
            "UPDATE users SET fai",
        ]
