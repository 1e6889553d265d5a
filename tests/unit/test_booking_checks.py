"""``booking.checks`` without a database: the start-time policy at its exact boundaries, aware
datetimes only, the Postgres exclusion violations turned into SlotTaken (stand-in error objects
carrying what psycopg puts on them: ``.orig.sqlstate`` and ``.orig.diag.constraint_name``), and
the deadlock retry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from linguaflex_desktop.errors import SlotTaken, ValidationError
from linguaflex_desktop.services.booking import checks

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
TEACHER_TAKEN = "That slot is already taken: the teacher has a session at that time."


def integrity_error(sqlstate: str | None, constraint: str | None) -> IntegrityError:
    orig = SimpleNamespace(sqlstate=sqlstate, diag=SimpleNamespace(constraint_name=constraint))
    return IntegrityError("INSERT ...", {}, orig)  # type: ignore[arg-type]


# --- slot_taken_from ---------------------------------------------------------------------------


def test_the_student_constraint_names_the_student_as_the_actor_sees_it() -> None:
    error = integrity_error("23P01", "ex_session_bookings_student_no_overlap")

    mine = checks.slot_taken_from(error, student_is_actor=True)
    theirs = checks.slot_taken_from(error, student_is_actor=False)

    assert isinstance(mine, SlotTaken) and isinstance(theirs, SlotTaken)
    assert mine.message == "That slot is already taken: you already have a session at that time."
    assert theirs.message == (
        "That slot is already taken: the student already has a session at that time."
    )


def test_the_teacher_constraint_says_the_teacher_is_busy() -> None:
    error = integrity_error("23P01", "ex_session_bookings_teacher_no_overlap")

    taken = checks.slot_taken_from(error, student_is_actor=True)

    assert isinstance(taken, SlotTaken) and taken.message == TEACHER_TAKEN


def test_an_exclusion_violation_without_diagnostics_counts_as_the_teachers() -> None:
    error = IntegrityError("INSERT ...", {}, SimpleNamespace(sqlstate="23P01"))  # type: ignore[arg-type]

    taken = checks.slot_taken_from(error, student_is_actor=True)

    assert isinstance(taken, SlotTaken) and taken.message == TEACHER_TAKEN


@pytest.mark.parametrize("sqlstate", ["23505", None])
def test_any_other_integrity_error_is_not_a_taken_slot(sqlstate: str | None) -> None:
    error = integrity_error(sqlstate, "ex_session_bookings_student_no_overlap")
    assert checks.slot_taken_from(error, student_is_actor=True) is None


def test_an_integrity_error_from_sqlite_without_a_sqlstate_is_not_a_taken_slot() -> None:
    error = IntegrityError("INSERT ...", {}, Exception("UNIQUE constraint failed"))
    assert checks.slot_taken_from(error, student_is_actor=False) is None


# --- check_start -----------------------------------------------------------------------------


def test_a_start_exactly_12_hours_ahead_on_the_grid_is_allowed() -> None:
    checks.check_start(NOW + timedelta(hours=12), NOW)


def test_a_start_exactly_8_weeks_ahead_is_allowed() -> None:
    checks.check_start(NOW + timedelta(weeks=8), NOW)


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (NOW, "in the past"),
        (NOW - timedelta(minutes=15), "in the past"),
        (NOW + timedelta(minutes=15), "at least 12 hours ahead"),
        (NOW + timedelta(hours=11, minutes=45), "at least 12 hours ahead"),
        (NOW + timedelta(weeks=8, minutes=15), "at most 8 weeks ahead"),
        (NOW + timedelta(days=1, minutes=10), r"quarter hour \(15-minute steps\)"),
        (NOW + timedelta(days=1, seconds=1), "quarter hour"),
        (NOW + timedelta(days=1, microseconds=1), "quarter hour"),
    ],
)
def test_a_start_outside_the_policy_is_refused_with_the_reason(
    start: datetime, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        checks.check_start(start, NOW)


# --- aware datetimes ---------------------------------------------------------------------------


def test_aware_utc_converts_to_utc() -> None:
    berlin = datetime(2027, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))

    converted = checks.aware_utc(berlin)

    assert converted == NOW and converted.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2027-03-01T09:00Z", "The start time must be a date and time."),
        (datetime(2027, 3, 1, 9, 0), "The start time must carry its time zone."),
    ],
)
def test_aware_utc_refuses_what_is_not_an_aware_datetime(value: Any, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        checks.aware_utc(value)
    assert refused.value.message == message


def test_optional_aware_utc_keeps_none_and_names_the_field() -> None:
    assert checks.optional_aware_utc(None, "From") is None
    assert checks.optional_aware_utc(NOW, "From") == NOW
    with pytest.raises(ValidationError) as refused:
        checks.optional_aware_utc(datetime(2027, 3, 1), "From")
    assert refused.value.message == "From must carry its time zone."


# --- retry_on_deadlock -------------------------------------------------------------------------


def deadlock(sqlstate: str = "40P01") -> OperationalError:
    return OperationalError("INSERT ...", {}, SimpleNamespace(sqlstate=sqlstate))  # type: ignore[arg-type]


def test_a_deadlock_is_retried_until_the_last_attempt_each_queued() -> None:
    outcomes: list[Any] = [deadlock()] * (checks.DEADLOCK_ATTEMPTS - 1) + ["booked"]
    queued: list[bool] = []

    def attempt(in_queue: bool) -> str:
        queued.append(in_queue)
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return str(outcome)

    assert checks.retry_on_deadlock(attempt) == "booked" and outcomes == []
    assert queued == [False] + [True] * (checks.DEADLOCK_ATTEMPTS - 1)


def test_the_last_deadlock_in_a_row_is_raised() -> None:
    calls = []

    def attempt(_queued: bool) -> str:
        calls.append(1)
        raise deadlock()

    with pytest.raises(OperationalError):
        checks.retry_on_deadlock(attempt)
    assert len(calls) == checks.DEADLOCK_ATTEMPTS == 5


def test_another_operational_error_is_raised_at_once() -> None:
    calls = []

    def attempt(_queued: bool) -> str:
        calls.append(1)
        raise deadlock("08006")

    with pytest.raises(OperationalError):
        checks.retry_on_deadlock(attempt)
    assert len(calls) == 1


def test_an_operational_error_without_a_sqlstate_is_raised_as_it_is() -> None:
    def attempt(_queued: bool) -> str:
        raise OperationalError("INSERT ...", {}, Exception("database is locked"))

    with pytest.raises(OperationalError):
        checks.retry_on_deadlock(attempt)


class NoOffset(tzinfo):
    """A time zone that does not know its offset (``utcoffset`` answers None)."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def test_aware_utc_refuses_a_time_zone_without_an_offset() -> None:
    with pytest.raises(ValidationError, match="must carry its time zone"):
        checks.aware_utc(datetime(2027, 3, 1, 9, 0, tzinfo=NoOffset()))
