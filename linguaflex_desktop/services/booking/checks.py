"""Checks shared by booking requests and reschedules: start time policy and overlaps.

The Python overlap check gives a friendly message; the database still holds the line (the
Postgres exclusion constraints, or SQLite's write lock taken up front), and
``slot_taken_from`` turns the Postgres constraint violation into the same ``SlotTaken``;
``retry_on_deadlock`` runs again a request Postgres aborted to break a deadlock, queued
behind the other attempts run again for the same teacher or student (``queue_for_slots``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import bindparam, func, literal, or_, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from linguaflex_desktop.db import run_core
from linguaflex_desktop.errors import SlotTaken, ValidationError
from linguaflex_desktop.models import SessionBooking
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.common.validation import check_instant
from linguaflex_desktop.texts import Text, tx

EXCLUSION_VIOLATION = "23P01"
DEADLOCK_DETECTED = "40P01"
# Racers for one slot deadlock on their first attempt (Postgres detects it after its
# deadlock_timeout, 1 s by default); attempts run again are queued and deadlock no more
# among themselves, only with first attempts still under way: five attempts.
DEADLOCK_ATTEMPTS = 5
# Keys (with the teacher's or the student's id) of the transaction-level advisory locks
# that queue attempts run again after a deadlock.
TEACHER_SLOTS_LOCK = 20_001
STUDENT_SLOTS_LOCK = 20_002
STUDENT_CONSTRAINT = "ex_session_bookings_student_no_overlap"

T = TypeVar("T")

TEACHER_BUSY = tx("That slot is already taken: the teacher has a session at that time.")


def aware_utc(instant: object, what: str = tx("The start time")) -> datetime:
    """The instant in UTC; ValidationError for a naive one, a non-datetime, or one so far out
    that converting it or adding a session to it would leave the datetime range."""
    return check_instant(instant, what=what)


def optional_aware_utc(instant: object | None, what: str) -> datetime | None:
    """``aware_utc`` for an optional bound of a filter: None stays None, a naive datetime is
    refused with ValidationError."""
    return None if instant is None else aware_utc(instant, what)


def check_start(start_at: datetime, now: datetime) -> None:
    """Refuse starts in the past, inside the minimum lead time, past the horizon or off-grid."""
    if start_at <= now:
        raise ValidationError(tx("That time is in the past."))
    if start_at < rules.earliest_bookable_start(now):
        hours = int(rules.MIN_LEAD_TIME.total_seconds() // 3600)
        raise ValidationError(
            tx("Sessions must be booked at least {hours} hours ahead.", hours=hours)
        )
    if start_at > rules.latest_bookable_start(now):
        weeks = rules.BOOKING_HORIZON.days // 7
        raise ValidationError(
            tx("Sessions can be booked at most {weeks} weeks ahead.", weeks=weeks)
        )
    if not rules.is_on_slot_grid(start_at):
        raise ValidationError(
            tx(
                "Sessions start on the quarter hour ({step}-minute steps).",
                step=rules.SLOT_STEP_MINUTES,
            )
        )


# Built once, bound per call (building a statement costs more client CPU than running it).
# The statuses are bound one by one, not as an expanding IN, whose SQL SQLAlchemy renders
# again at every execution.
_SLOT_HOLDING = [
    literal(status, SessionBooking.status.type) for status in rules.SLOT_HOLDING_STATUSES
]
_OVERLAPS = select(SessionBooking.teacher_id, SessionBooking.student_id).where(
    SessionBooking.status.in_(_SLOT_HOLDING),
    SessionBooking.start_at < bindparam("end_at"),
    SessionBooking.end_at > bindparam("start_at"),
    or_(
        SessionBooking.teacher_id == bindparam("teacher_id"),
        SessionBooking.student_id == bindparam("student_id"),
    ),
)
_OVERLAPS_BUT_ONE = _OVERLAPS.where(SessionBooking.id != bindparam("exclude_booking_id"))


def check_no_overlap(
    session: Session,
    *,
    teacher_id: int,
    student_id: int,
    start_at: datetime,
    end_at: datetime,
    student_is_actor: bool,
    exclude_booking_id: int | None = None,
) -> None:
    """Raise SlotTaken if [start_at, end_at) overlaps a slot-holding booking of the teacher or
    of the student. Back-to-back bookings do not overlap."""
    query = _OVERLAPS if exclude_booking_id is None else _OVERLAPS_BUT_ONE
    bound = {
        "teacher_id": teacher_id,
        "student_id": student_id,
        "start_at": start_at,
        "end_at": end_at,
        "exclude_booking_id": exclude_booking_id,
    }
    rows = run_core(session, query, bound, autoflush=True).all()
    if any(row.teacher_id == teacher_id for row in rows):
        raise SlotTaken(TEACHER_BUSY)
    if rows:
        raise SlotTaken(student_overlap_message(student_is_actor))


def student_overlap_message(student_is_actor: bool) -> Text:
    if student_is_actor:
        return tx("That slot is already taken: you already have a session at that time.")
    return tx("That slot is already taken: the student already has a session at that time.")


def slot_taken_from(error: IntegrityError, *, student_is_actor: bool) -> SlotTaken | None:
    """The SlotTaken for a Postgres exclusion-constraint violation, else None."""
    original = error.orig
    if getattr(original, "sqlstate", None) != EXCLUSION_VIOLATION:
        return None
    diag = getattr(original, "diag", None)
    if getattr(diag, "constraint_name", None) == STUDENT_CONSTRAINT:
        return SlotTaken(student_overlap_message(student_is_actor))
    return SlotTaken(TEACHER_BUSY)


def retry_on_deadlock(attempt: Callable[[bool], T]) -> T:
    """Run a slot-taking transaction again when Postgres aborted it to break a deadlock.

    Two overlapping inserts can each wait on the other's uncommitted row while checking the
    exclusion constraints; Postgres then aborts one of them (SQLSTATE 40P01). Run again, the
    loser sees the winner's committed booking and gets SlotTaken (or the slot, if the winner
    rolled back). ``attempt(queued)`` is called with ``queued`` True when it runs again: it
    then calls ``queue_for_slots`` before it checks for overlaps. Attempts run again at once,
    unqueued, deadlocked again among themselves while the winner had not committed yet
    (under load, five times in a row for six of eight racers). Any other error, or the last
    of DEADLOCK_ATTEMPTS deadlocks in a row, is raised as it is.
    """
    for remaining in range(DEADLOCK_ATTEMPTS - 1, -1, -1):
        try:
            return attempt(remaining < DEADLOCK_ATTEMPTS - 1)
        except OperationalError as error:
            if remaining == 0 or getattr(error.orig, "sqlstate", None) != DEADLOCK_DETECTED:
                raise
    raise AssertionError("unreachable: the last attempt returns or raises")


def queue_for_slots(session: Session, *, teacher_id: int, student_id: int) -> None:
    """Wait for the other attempts run again for this teacher's or this student's slots to
    end (Postgres: transaction-level advisory locks, the teacher's then the student's, in
    that order for every attempt, so they cannot deadlock among themselves). Two queued
    attempts then never hold overlapping uncommitted rows at once. SQLite: nothing (its
    write lock, taken up front, already lets one transaction write at a time)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(select(func.pg_advisory_xact_lock(TEACHER_SLOTS_LOCK, teacher_id)))
    session.execute(select(func.pg_advisory_xact_lock(STUDENT_SLOTS_LOCK, student_id)))
