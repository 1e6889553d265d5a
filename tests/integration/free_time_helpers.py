"""Search by free time, worked out the slow way: random teachers (weekly ranges in their own
zones, days off, bookings) around the DST changes, and a brute-force reference that walks the
two weeks minute by minute through zoneinfo, independent of the service's block arithmetic."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
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
        return draw(st.sampled_from([*PRESETS.values(), FreeTime(frozenset(range(7)), 0, 24)]))
    days = draw(st.frozensets(st.integers(0, 6), min_size=1))
    start = draw(st.integers(0, 23))
    return FreeTime(days, start, draw(st.integers(start + 1, 24)))


def _placed(
    draw: st.DrawFn, now: datetime, zone: str, wall: dict[int, int], dates: list[date]
) -> list[tuple[datetime, datetime]]:
    """Non-overlapping quarter-hour intervals on some of ``dates`` (local to ``zone``), each
    starting near the wall-clock minute ``wall`` gives for its weekday (the start of a
    teacher's range, of the student's hours), so that they take free time away."""
    tz = ZoneInfo(zone)
    found: list[tuple[datetime, datetime]] = []
    for day in dates:
        minute = wall.get(day.weekday(), _quarters(draw, 0, 95)) + _quarters(draw, -2, 6)
        local = datetime.combine(day, time(0), tzinfo=tz) + timedelta(minutes=minute)
        begin = local.astimezone(UTC)
        finish = begin + timedelta(minutes=_quarters(draw, 1, 8))
        if not found or found[-1][1] <= begin:
            found.append((begin, finish))
    return found


def _free_instant(draw: st.DrawFn, now: datetime, zone: str, free: FreeTime) -> datetime:
    """Some instant of the next two weeks inside the student's free time (wall clock)."""
    tz = ZoneInfo(zone)
    day = now.astimezone(tz).date() + timedelta(days=draw(st.integers(1, 12)))
    while day.weekday() not in free.weekdays:
        day += timedelta(days=1)
    minute = _quarters(draw, free.start_hour * 4, free.end_hour * 4 - 1)
    return (datetime.combine(day, time(0), tzinfo=tz) + timedelta(minutes=minute)).astimezone(UTC)


@st.composite
def teachers(draw: st.DrawFn, now: datetime, aim: datetime) -> Teacher:
    """A teacher whose first range lies around ``aim`` in their own zone (so that it meets the
    student's free time, or misses it by a DST hour), with days off and bookings on the days
    of their ranges."""
    zone = draw(st.sampled_from(ZONES))
    local = aim.astimezone(ZoneInfo(zone))
    start = max(0, local.hour * 60 + local.minute - _quarters(draw, 0, 6))
    ranges = {local.weekday(): (start, min(1440, start + _quarters(draw, 1, 12)))}
    for weekday in draw(st.sets(st.integers(0, 6), max_size=2)) - set(ranges):
        begin = _quarters(draw, 0, 92)
        ranges[weekday] = (begin, min(1440, begin + _quarters(draw, 1, 24)))
    days = [now.date() + timedelta(days=offset) for offset in range(-1, 17)]
    days = [day for day in days if day.weekday() in ranges]
    fate = [draw(st.sampled_from(("free", "off", "off", "booked", "booked"))) for _day in days]
    booked = [day for day, what in zip(days, fate, strict=True) if what == "booked"]
    starts = {weekday: begin for weekday, (begin, _end) in ranges.items()}
    return Teacher(
        zone=zone,
        ranges=tuple((weekday, *ranges[weekday]) for weekday in sorted(ranges)),
        days_off=tuple(day for day, what in zip(days, fate, strict=True) if what == "off"),
        bookings=tuple(
            (begin, end, draw(st.integers(0, 3)) > 0)
            for begin, end in _placed(draw, now, zone, starts, booked)
        ),
        gig_minutes=tuple(
            draw(st.lists(st.sampled_from((15, 30, 45, 60, 90, 120)), min_size=1, max_size=2))
        ),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    now = draw(st.sampled_from(NOW_BASES)) + timedelta(minutes=draw(st.integers(0, 4 * 1440)))
    zone = draw(st.sampled_from(ZONES))
    free = draw(free_times())
    count = draw(st.integers(1, 3))
    aims = [_free_instant(draw, now, zone, free) for _teacher in range(count)]
    return Scenario(
        now=now,
        student_zone=zone,
        free_time=free,
        teachers=tuple(draw(teachers(now, aim)) for aim in aims),
        student_bookings=tuple(draw(_near(aims))),
    )


@st.composite
def _near(draw: st.DrawFn, aims: list[datetime]) -> list[tuple[datetime, datetime]]:
    """A few of the student's own bookings around the teachers' ranges, a week apart."""
    found: list[tuple[datetime, datetime]] = []
    week = timedelta(days=7)
    for begin in sorted({aim + week * draw(st.integers(-1, 1)) for aim in aims}):
        if draw(st.booleans()):
            begin += timedelta(minutes=_quarters(draw, -4, 4))
            if not found or found[-1][1] <= begin:
                found.append((begin, begin + timedelta(minutes=_quarters(draw, 1, 6))))
    return found


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
