"""Teachers' weekly availability and the free slots students see.

Rules live in the teacher's zone. An instant is *available* when its wall time in that zone
falls inside a range of that local date's weekday and the date is not a day off. Free slots are
computed on 15-minute UTC blocks (every real zone offset is a multiple of 15 minutes), so a
range across a DST gap loses the nonexistent hour, a range across a fold gains the repeated one,
and no slot ever starts at a nonexistent local time. Called on worker threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, cast, delete, null, select, union_all
from sqlalchemy.orm import Session

from linguaflex_desktop.db import run_core
from linguaflex_desktop.errors import NotFound, ValidationError
from linguaflex_desktop.models import (
    AvailabilityException,
    AvailabilityRule,
    Gig,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.dto import (
    DayOffDTO,
    SlotDTO,
    WeeklyAvailabilityDTO,
    WeeklyRange,
)
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.validation import (
    check_day,
    check_id,
    check_int,
    clean_line,
)
from linguaflex_desktop.texts import tx

MAX_SLOT_WINDOW_DAYS = 62
MAX_NOTE_LENGTH = 200


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(tx("Unknown time zone {name}.", name=repr(name))) from error


def local_midnight_utc(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of ``day`` in ``zone`` (a nonexistent midnight maps to the gap's end)."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def validate_ranges(ranges: Sequence[WeeklyRange]) -> tuple[WeeklyRange, ...]:
    """Refuse anything but a list of WeeklyRange of whole numbers, out-of-range values,
    off-grid minutes and overlaps on one weekday."""
    step = rules.SLOT_STEP_MINUTES
    if not isinstance(ranges, list | tuple):
        raise ValidationError(tx("Give the weekly availability as a list of ranges."))
    for item in ranges:
        if not isinstance(item, WeeklyRange):
            raise ValidationError(tx("Each weekly range must be a weekday with start and end."))
        check_int(item.weekday, what=tx("weekday"))
        check_int(item.start_minute, what=tx("start of the range"))
        check_int(item.end_minute, what=tx("end of the range"))
        if not 0 <= item.weekday <= 6:
            raise ValidationError(tx("Weekdays go from 0 (Monday) to 6 (Sunday)."))
        if not 0 <= item.start_minute < item.end_minute <= 1440:
            raise ValidationError(tx("Each range must start before it ends, within one day."))
        if item.start_minute % step or item.end_minute % step:
            raise ValidationError(tx("Ranges start and end on {step}-minute steps.", step=step))
    ordered = sorted(ranges, key=lambda r: (r.weekday, r.start_minute))
    for before, after in pairwise(ordered):
        if before.weekday == after.weekday and after.start_minute < before.end_minute:
            raise ValidationError(tx("Two ranges on the same day overlap; merge them."))
    return tuple(ordered)


def available_blocks(
    *,
    zone: ZoneInfo,
    ranges: Iterable[WeeklyRange],
    days_off: Iterable[date],
    window_start: datetime,
    window_end: datetime,
) -> set[datetime]:
    """The 15-minute UTC blocks in [window_start, window_end) where the teacher is available."""
    by_weekday: dict[int, list[tuple[int, int]]] = {}
    for item in ranges:
        by_weekday.setdefault(item.weekday, []).append((item.start_minute, item.end_minute))
    off = set(days_off)
    blocks: set[datetime] = set()
    block = _ceil_to_step(window_start)
    while block < window_end:
        local = block.astimezone(zone)
        minute = local.hour * 60 + local.minute
        if local.date() not in off and any(
            start <= minute < end for start, end in by_weekday.get(local.weekday(), ())
        ):
            blocks.add(block)
        block += rules.SLOT_STEP
    return blocks


def covers(blocks: set[datetime], start_at: datetime, end_at: datetime) -> bool:
    """True if every 15-minute block of [start_at, end_at) is available."""
    block = start_at
    while block < end_at:
        if block not in blocks:
            return False
        block += rules.SLOT_STEP
    return True


def _ceil_to_step(instant: datetime) -> datetime:
    """The first quarter hour (UTC) at or after ``instant``."""
    instant = instant.astimezone(UTC)
    floor = instant.replace(
        minute=instant.minute - instant.minute % rules.SLOT_STEP_MINUTES, second=0, microsecond=0
    )
    return floor if floor == instant else floor + rules.SLOT_STEP


# Built once, bound per call: building a statement costs the client more CPU than the
# database's answer to it (about half of what a simple read costs through the ORM).
_RANGES = (
    select(AvailabilityRule.weekday, AvailabilityRule.start_minute, AvailabilityRule.end_minute)
    .where(AvailabilityRule.teacher_id == bindparam("teacher_id"))
    .order_by(AvailabilityRule.weekday, AvailabilityRule.start_minute)
)
_DAYS_OFF = select(AvailabilityException.local_date).where(
    AvailabilityException.teacher_id == bindparam("teacher_id"),
    AvailabilityException.local_date.between(bindparam("first"), bindparam("last")),
)


def load_ranges(session: Session, teacher_id: int) -> tuple[WeeklyRange, ...]:
    """The teacher's weekly hours as plain columns (no ORM object is needed)."""
    rows = session.execute(_RANGES, {"teacher_id": teacher_id})
    return tuple(WeeklyRange(weekday, start, end) for weekday, start, end in rows)


def load_days_off(session: Session, teacher_id: int, first: date, last: date) -> set[date]:
    bound = {"teacher_id": teacher_id, "first": first, "last": last}
    return set(session.scalars(_DAYS_OFF, bound))


# A teacher's weekly hours and days off in a date range, in one statement (one round trip):
# a weekly range's row has no date, a day off's row only its date.
_RANGES_AND_DAYS_OFF = union_all(
    select(
        AvailabilityRule.weekday,
        AvailabilityRule.start_minute,
        AvailabilityRule.end_minute,
        cast(null(), AvailabilityException.local_date.type).label("local_date"),
    ).where(AvailabilityRule.teacher_id == bindparam("teacher_id")),
    select(null(), null(), null(), AvailabilityException.local_date).where(
        AvailabilityException.teacher_id == bindparam("teacher_id"),
        AvailabilityException.local_date.between(bindparam("first"), bindparam("last")),
    ),
)


def load_ranges_and_days_off(
    session: Session, teacher_id: int, first: date, last: date
) -> tuple[tuple[WeeklyRange, ...], set[date]]:
    """``load_ranges`` and ``load_days_off`` (from ``first`` to ``last``) in one statement."""
    ranges: list[WeeklyRange] = []
    days_off: set[date] = set()
    bound = {"teacher_id": teacher_id, "first": first, "last": last}
    for weekday, start, end, day_off in run_core(
        session, _RANGES_AND_DAYS_OFF, bound, autoflush=True
    ):
        if day_off is None:
            ranges.append(WeeklyRange(weekday, start, end))
        else:
            days_off.add(day_off)
    ranges.sort(key=lambda each: (each.weekday, each.start_minute))
    return tuple(ranges), days_off


def teacher_is_available(
    session: Session, teacher: User, start_at: datetime, end_at: datetime
) -> bool:
    """True if the teacher's rules cover all of [start_at, end_at) (used by booking requests)."""
    zone = zone_of(teacher.time_zone)
    first = start_at.astimezone(zone).date()
    last = end_at.astimezone(zone).date()
    ranges, days_off = load_ranges_and_days_off(session, teacher.id, first, last)
    blocks = available_blocks(
        zone=zone, ranges=ranges, days_off=days_off, window_start=start_at, window_end=end_at
    )
    return covers(blocks, start_at, end_at)


def busy_intervals(
    session: Session, user_ids: Iterable[int], start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """[start, end) of slot-holding bookings of these users (as teacher or student) in a window."""
    ids = list(user_ids)
    rows = session.execute(
        select(SessionBooking.start_at, SessionBooking.end_at).where(
            SessionBooking.status.in_(rules.SLOT_HOLDING_STATUSES),
            SessionBooking.start_at < end,
            SessionBooking.end_at > start,
            (SessionBooking.teacher_id.in_(ids)) | (SessionBooking.student_id.in_(ids)),
        )
    )
    return [(row.start_at, row.end_at) for row in rows]


class AvailabilityService:
    """Weekly availability of teachers and free slots of gigs. Thread-safe; one Session per
    call, opened on the calling (worker) thread."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def set_weekly_availability(
        self, actor: Actor, ranges: Sequence[WeeklyRange]
    ) -> WeeklyAvailabilityDTO:
        """Replace all of the acting teacher's weekly ranges (in the teacher's own zone)."""
        checked = validate_ranges(ranges)
        with self._ctx.unit_of_work() as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            uow.session.execute(
                delete(AvailabilityRule).where(AvailabilityRule.teacher_id == teacher.id)
            )
            uow.session.add_all(
                AvailabilityRule(
                    teacher_id=teacher.id,
                    weekday=r.weekday,
                    start_minute=r.start_minute,
                    end_minute=r.end_minute,
                )
                for r in checked
            )
            uow.session.flush()
            result = self._availability(uow.session, teacher)
            uow.commit()
        return result

    def add_day_off(self, actor: Actor, local_date: date, note: str = "") -> DayOffDTO:
        """Mark a local date (teacher's zone) as a day off; adding it again updates the note.

        Existing bookings on that day are kept; only new requests are refused.
        """
        local_date = check_day(local_date, what=tx("day off"))
        note = clean_line(note, what=tx("day-off note"), limit=MAX_NOTE_LENGTH)
        with self._ctx.unit_of_work() as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            today = self._ctx.now().astimezone(zone_of(teacher.time_zone)).date()
            if local_date < today:
                raise ValidationError(tx("A day off cannot be in the past."))
            row = self._day_off_row(uow.session, teacher.id, local_date)
            if row is None:
                row = AvailabilityException(teacher_id=teacher.id, local_date=local_date)
                uow.session.add(row)
            row.note = note
            uow.commit()
        return DayOffDTO(local_date, note)

    def remove_day_off(self, actor: Actor, local_date: date) -> None:
        with self._ctx.unit_of_work() as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            row = self._day_off_row(uow.session, teacher.id, local_date)
            if row is None:
                raise NotFound(tx("{day} is not a day off.", day=local_date.isoformat()))
            uow.session.delete(row)
            uow.commit()

    def get_weekly_availability(self, actor: Actor, teacher_id: int) -> WeeklyAvailabilityDTO:
        """Any active user may read a teacher's weekly ranges and upcoming days off."""
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor)
            teacher = uow.session.get(User, teacher_id)
            if teacher is None or teacher.role is not Role.TEACHER:
                raise NotFound(tx("That teacher does not exist."))
            return self._availability(uow.session, teacher)

    def free_slots(
        self,
        actor: Actor,
        gig_id: int,
        *,
        duration_minutes: int,
        from_date: date,
        to_date: date,
    ) -> list[SlotDTO]:
        """Bookable slots of a gig whose start falls on ``from_date``..``to_date`` (inclusive)
        in the ACTOR's zone; each slot carries UTC start/end. Excludes slots overlapping
        slot-holding bookings of the teacher or of the acting user, slots starting before
        now + MIN_LEAD_TIME and after the booking horizon."""
        gig_id = check_id(gig_id, what=tx("gig"))
        from_date = check_day(from_date, what=tx("first day"))
        to_date = check_day(to_date, what=tx("last day"))
        if to_date < from_date:
            raise ValidationError(tx("The end date is before the start date."))
        if (to_date - from_date).days >= MAX_SLOT_WINDOW_DAYS:
            raise ValidationError(tx("Ask for at most {n} days at a time.", n=MAX_SLOT_WINDOW_DAYS))
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            gig = uow.session.get(Gig, gig_id)
            if gig is None:
                raise NotFound(tx("That gig does not exist."))
            check_gig_bookable(gig)
            check_duration(gig, duration_minutes)
            viewer_zone = zone_of(user.time_zone)
            now = self._ctx.now()
            window_start = max(
                local_midnight_utc(from_date, viewer_zone), rules.earliest_bookable_start(now)
            )
            window_end = min(  # exclusive; a start at the horizon itself is still bookable
                local_midnight_utc(to_date + timedelta(days=1), viewer_zone),
                rules.latest_bookable_start(now) + timedelta(microseconds=1),
            )
            return self._slots(uow.session, gig, user, window_start, window_end, duration_minutes)

    # -- helpers ---------------------------------------------------------------------------

    def _slots(
        self,
        session: Session,
        gig: Gig,
        viewer: User,
        window_start: datetime,
        window_end: datetime,
        duration_minutes: int,
    ) -> list[SlotDTO]:
        if window_start >= window_end:
            return []
        duration = timedelta(minutes=duration_minutes)
        teacher = gig.teacher
        zone = zone_of(teacher.time_zone)
        blocks = available_blocks(
            zone=zone,
            ranges=load_ranges(session, teacher.id),
            days_off=load_days_off(
                session,
                teacher.id,
                window_start.astimezone(zone).date(),
                (window_end + duration).astimezone(zone).date(),
            ),
            window_start=window_start,
            window_end=window_end + duration,
        )
        busy = busy_intervals(session, {teacher.id, viewer.id}, window_start, window_end + duration)
        slots: list[SlotDTO] = []
        start = _ceil_to_step(window_start)
        while start < window_end:
            end = start + duration
            if covers(blocks, start, end) and not any(s < end and e > start for s, e in busy):
                slots.append(SlotDTO(start, end, duration_minutes))
            start += rules.SLOT_STEP
        return slots

    def _availability(self, session: Session, teacher: User) -> WeeklyAvailabilityDTO:
        today = self._ctx.now().astimezone(zone_of(teacher.time_zone)).date()
        days_off = session.scalars(
            select(AvailabilityException)
            .where(
                AvailabilityException.teacher_id == teacher.id,
                AvailabilityException.local_date >= today,
            )
            .order_by(AvailabilityException.local_date)
        )
        return WeeklyAvailabilityDTO(
            teacher_id=teacher.id,
            time_zone=teacher.time_zone,
            ranges=load_ranges(session, teacher.id),
            days_off=tuple(DayOffDTO(row.local_date, row.note) for row in days_off),
        )

    @staticmethod
    def _day_off_row(
        session: Session, teacher_id: int, local_date: date
    ) -> AvailabilityException | None:
        return session.scalars(
            select(AvailabilityException).where(
                AvailabilityException.teacher_id == teacher_id,
                AvailabilityException.local_date == local_date,
            )
        ).first()


def check_duration(gig: Gig, duration_minutes: object) -> int:
    """Refuse a duration outside the gig's allowed set (min..max in its step)."""
    allowed = rules.allowed_durations(
        minimum=gig.min_duration_minutes,
        maximum=gig.max_duration_minutes,
        step=gig.duration_step_minutes,
    )
    if not isinstance(duration_minutes, int) or isinstance(duration_minutes, bool):
        raise ValidationError(tx("The duration must be a whole number of minutes."))
    if duration_minutes not in allowed:
        raise ValidationError(
            tx(
                "This gig lasts {minimum} to {maximum} minutes in steps of {step}; "
                "{duration} is not offered.",
                minimum=gig.min_duration_minutes,
                maximum=gig.max_duration_minutes,
                step=gig.duration_step_minutes,
                duration=duration_minutes,
            )
        )
    return duration_minutes


def check_gig_bookable(gig: Gig) -> None:
    """Refuse inactive or suspended gigs and suspended or inactive teachers."""
    teacher = gig.teacher
    if teacher.suspended_at is not None or not teacher.is_active:
        raise ValidationError(tx("This teacher is not taking bookings at the moment."))
    if gig.suspended_at is not None:
        raise ValidationError(tx("This gig is suspended and cannot be booked."))
    if not gig.is_active:
        raise ValidationError(tx("This gig is not offered at the moment."))
