"""Search by free time, worked out the slow way: random teachers (weekly ranges in their own
zones, days off, bookings) around the DST changes, and a brute-force reference that walks the
two weeks minute by minute through zoneinfo, independent of the service's block arithmetic."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

from hypothesis import strategies as st
from sqlalchemy import delete
from sqlalchemy.orm import Session

from linguaflex_desktop.models import (
    AvailabilityException,
    AvailabilityRule,
    BookingStatus,
    Gig,
    Level,
    PaymentStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.catalogue.free_time import PRESETS, FreeTime
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_helpers import PASSWORD_HASH

# Zones with DST on either side of the year, half- and quarter-hour offsets, and none.
ZONES = (
    "America/New_York",
    "Europe/Berlin",
    "UTC",
    "Australia/Sydney",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Asia/Kolkata",
)
# Days before the 2027 clock changes: US 14 March and 7 November, EU 28 March and 31 October,
# Sydney 4 April and 3 October; "now" falls within a few days after one of them.
NOW_BASES = (
    datetime(2027, 3, 8, tzinfo=UTC),
    datetime(2027, 3, 20, tzinfo=UTC),
    datetime(2027, 3, 28, tzinfo=UTC),
    datetime(2027, 9, 26, tzinfo=UTC),
    datetime(2027, 10, 24, tzinfo=UTC),
    datetime(2027, 10, 30, tzinfo=UTC),
)
LEAD = timedelta(hours=12)
HORIZON = timedelta(days=14)
MINUTE = timedelta(minutes=1)
HOLDING_PAIRS = (
    (BookingStatus.PENDING, PaymentStatus.UNPAID),
    (BookingStatus.CONFIRMED, PaymentStatus.PAID),
    (BookingStatus.COMPLETED, PaymentStatus.PAID),
)
FREEING_PAIR = (BookingStatus.CANCELLED, PaymentStatus.UNPAID)


@dataclass(frozen=True)
class Teacher:
    zone: str
    ranges: tuple[tuple[int, int, int], ...]  # weekday, start minute, end minute (local)
    days_off: tuple[date, ...]
    bookings: tuple[tuple[datetime, datetime, bool], ...]  # start, end, holds the slot
    gig_minutes: tuple[int, ...]  # the shortest session of each of the teacher's gigs


@dataclass(frozen=True)
class Scenario:
    now: datetime
    student_zone: str
    free_time: FreeTime
    teachers: tuple[Teacher, ...]
    student_bookings: tuple[tuple[datetime, datetime], ...]


def _quarters(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(st.integers(low, high)) * 15


@st.composite
def free_times(draw: st.DrawFn) -> FreeTime:
    if draw(st.booleans()):
        return draw(st.sampled_from(list(PRESETS.values())))
    days = draw(st.frozensets(st.integers(0, 6), min_size=1))
    start = draw(st.integers(0, 23))
    return FreeTime(days, start, draw(st.integers(start + 1, 24)))


def _intervals(draw: st.DrawFn, now: datetime, count: int) -> list[tuple[datetime, datetime]]:
    """Non-overlapping quarter-hour intervals over the next 15 days."""
    starts = sorted(draw(st.sets(st.integers(0, 15 * 96), max_size=count)))
    grid = now.replace(minute=0, second=0, microsecond=0)
    found = []
    for index, start in enumerate(starts):
        room = (starts[index + 1] - start) if index + 1 < len(starts) else 16
        length = draw(st.integers(1, max(1, min(room, 16))))
        begin = grid + timedelta(minutes=15 * start)
        found.append((begin, begin + timedelta(minutes=15 * length)))
    return found


@st.composite
def teachers(draw: st.DrawFn, now: datetime) -> Teacher:
    ranges = []
    for weekday in sorted(draw(st.sets(st.integers(0, 6), min_size=1, max_size=5))):
        start = _quarters(draw, 0, 92)
        end = min(1440, start + _quarters(draw, 1, 40))
        ranges.append((weekday, start, end))
        if end < 1380 and draw(st.booleans()):  # a second range later that day
            later = end + _quarters(draw, 1, (1440 - end) // 15 - 1)
            ranges.append((weekday, later, min(1440, later + _quarters(draw, 1, 16))))
    today = now.date()
    offsets = draw(st.sets(st.integers(-1, 16), max_size=3))
    bookings = [
        (start, end, draw(st.integers(0, 3)) > 0) for start, end in _intervals(draw, now, 6)
    ]
    return Teacher(
        zone=draw(st.sampled_from(ZONES)),
        ranges=tuple(ranges),
        days_off=tuple(today + timedelta(days=offset) for offset in sorted(offsets)),
        bookings=tuple(bookings),
        gig_minutes=tuple(
            draw(st.lists(st.sampled_from((15, 30, 45, 60, 90, 120)), min_size=1, max_size=2))
        ),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    now = draw(st.sampled_from(NOW_BASES)) + timedelta(minutes=draw(st.integers(0, 4 * 1440)))
    return Scenario(
        now=now,
        student_zone=draw(st.sampled_from(ZONES)),
        free_time=draw(free_times()),
        teachers=tuple(draw(st.lists(teachers(now), min_size=1, max_size=3))),
        student_bookings=tuple(_intervals(draw, now, 2)),
    )


# --- the brute-force reference ----------------------------------------------------------------


def _ok_minutes(
    first: datetime, count: int, zone: str, ok: Callable[[datetime], bool]
) -> list[bool]:
    tz = ZoneInfo(zone)
    return [ok((first + index * MINUTE).astimezone(tz)) for index in range(count)]


def fitting(scenario: Scenario) -> set[tuple[int, int]]:
    """(teacher index, gig index) of every gig whose teacher has a free slot, by walking every
    minute of the two weeks through zoneinfo."""
    now, free = scenario.now, scenario.free_time
    earliest = now + LEAD
    first = earliest.replace(minute=earliest.minute - earliest.minute % 15, second=0, microsecond=0)
    if first < earliest:
        first += timedelta(minutes=15)
    latest = now + HORIZON
    count = int((latest - first) / MINUTE) + 8 * 60 + 1
    student = _ok_minutes(
        first,
        count,
        scenario.student_zone,
        lambda local: (
            local.weekday() in free.weekdays
            and free.start_hour * 60 <= local.hour * 60 + local.minute < free.end_hour * 60
        ),
    )
    _block(student, first, scenario.student_bookings)
    found = set()
    for index, teacher in enumerate(scenario.teachers):
        ok = _teacher_minutes(teacher, first, count)
        _block(ok, first, [(s, e) for s, e, holds in teacher.bookings if holds])
        bad = [0, *accumulate(not (a and b) for a, b in zip(student, ok, strict=True))]
        for gig_index, minutes in enumerate(teacher.gig_minutes):
            start = 0
            while first + start * MINUTE <= latest:
                if bad[start + minutes] == bad[start]:
                    found.add((index, gig_index))
                    break
                start += 15
    return found


def _teacher_minutes(teacher: Teacher, first: datetime, count: int) -> list[bool]:
    days_off = set(teacher.days_off)
    by_day: dict[int, list[tuple[int, int]]] = {}
    for weekday, start, end in teacher.ranges:
        by_day.setdefault(weekday, []).append((start, end))

    def ok(local: datetime) -> bool:
        minute = local.hour * 60 + local.minute
        return local.date() not in days_off and any(
            start <= minute < end for start, end in by_day.get(local.weekday(), ())
        )

    return _ok_minutes(first, count, teacher.zone, ok)


def _block(ok: list[bool], first: datetime, busy: Iterable[tuple[datetime, datetime]]) -> None:
    for start, end in busy:
        low = max(0, int((start - first) / MINUTE))
        high = min(len(ok), int((end - first) / MINUTE))
        for index in range(low, high):
            ok[index] = False


# --- the scenario in the database -------------------------------------------------------------


def store(ctx: ServiceContext, scenario: Scenario) -> tuple[int, list[list[int]]]:
    """Insert the scenario; (the student's id, the gig ids of each teacher)."""
    with ctx.unit_of_work() as uow:
        session = uow.session
        student = _user(session, "student", "student", scenario.student_zone)
        other = _user(session, "other", "teacher", "UTC")  # never free: no ranges
        other_gig = _gig(session, other, 30)
        gig_ids = []
        for number, teacher in enumerate(scenario.teachers):
            user = _user(session, f"t{number}", "teacher", teacher.zone)
            booker = _user(session, f"b{number}", "student", "UTC")
            gigs = [_gig(session, user, minutes) for minutes in teacher.gig_minutes]
            gig_ids.append([gig.id for gig in gigs])
            session.add_all(
                AvailabilityRule(teacher_id=user.id, weekday=w, start_minute=s, end_minute=e)
                for w, s, e in teacher.ranges
            )
            session.add_all(
                AvailabilityException(teacher_id=user.id, local_date=day)
                for day in teacher.days_off
            )
            for start, end, holds in teacher.bookings:
                pair = HOLDING_PAIRS[number % len(HOLDING_PAIRS)] if holds else FREEING_PAIR
                session.add(booking_row(booker, user, gigs[0], start, end, pair))
        for start, end in scenario.student_bookings:
            session.add(booking_row(student, other, other_gig, start, end, HOLDING_PAIRS[0]))
        session.flush()
        student_id = student.id
        uow.commit()
    return student_id, gig_ids


def clear(ctx: ServiceContext) -> None:
    with ctx.unit_of_work() as uow:
        for model in (SessionBooking, AvailabilityException, AvailabilityRule, Gig, User):
            uow.session.execute(delete(model))
        uow.commit()


def _user(session: Session, name: str, role: str, zone: str) -> User:
    user = User(
        email=f"{name}@example.com",
        password_hash=PASSWORD_HASH,
        role=Role(role),
        display_name=name.title(),
        time_zone=zone,
    )
    session.add(user)
    session.flush()
    return user


def _gig(session: Session, teacher: User, minutes: int) -> Gig:
    gig = Gig(
        teacher_id=teacher.id,
        title="Lessons",
        language="German",
        level=Level.ALL,
        hourly_rate_minor=3000,
        currency="USD",
        min_duration_minutes=minutes,
        max_duration_minutes=max(180, minutes),
        duration_step_minutes=15,
    )
    session.add(gig)
    session.flush()
    return gig


def booking_row(
    student: User,
    teacher: User,
    gig: Gig,
    start: datetime,
    end: datetime,
    pair: tuple[BookingStatus, PaymentStatus],
) -> SessionBooking:
    return SessionBooking(
        student_id=student.id,
        teacher_id=teacher.id,
        gig_id=gig.id,
        start_at=start,
        end_at=end,
        duration_minutes=int((end - start) / MINUTE),
        status=pair[0],
        payment_status=pair[1],
        currency="USD",
        hourly_rate_minor=3000,
        base_amount_minor=3000,
        fee_minor=150,
        total_minor=3150,
        teacher_share_minor=3000,
    )
