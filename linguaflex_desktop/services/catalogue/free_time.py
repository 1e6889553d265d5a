"""Search by free time: keep the gigs whose teacher has a bookable slot when the student is
free, in the student's own zone, within the next two weeks.

A ``FreeTime`` is some weekdays and an hour window, in the student's zone ("weekday
evenings" is Monday to Friday, 17:00-21:00). A gig fits when its teacher has a slot of at
least the gig's shortest session whose every 15-minute block

- has its wall time in the student's zone on one of the weekdays and within the hours,
- is available by the teacher's weekly ranges (in the teacher's zone) and not on a day off
  (``block_grid`` reads them as ``availability.available_blocks`` does, DST included),
- overlaps no slot-holding booking of the teacher or of the student,

and whose start lies between the earliest bookable start (now + the booking lead time) and
now + 14 days. The candidates come from the search's other filters; their ranges, days off and
bookings are read in three batched queries, and the arithmetic is a few int operations per
teacher (``block_grid``). Runs on the calling (worker) thread.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import AvailabilityException, AvailabilityRule, Gig, User
from linguaflex_desktop.models import SessionBooking as Booking
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.availability import busy_intervals, zone_of
from linguaflex_desktop.services.booking.block_grid import (
    ZoneGrid,
    anchor_of,
    longest_run,
    zone_grid,
)
from linguaflex_desktop.texts import tx

HORIZON = timedelta(days=14)
FreeTimePreset = Literal["weekday_evenings", "weekday_mornings", "saturday_morning", "weekend"]
WEEKDAYS = frozenset(range(5))


@dataclass(frozen=True)
class FreeTime:
    """When the student is free, in the student's own zone: ``weekdays`` (0 = Monday) and
    the hours [start_hour, end_hour) of each (end 24 = midnight)."""

    weekdays: frozenset[int]
    start_hour: int
    end_hour: int

    @classmethod
    def preset(cls, name: FreeTimePreset) -> FreeTime:
        return PRESETS[name]

    def checked(self) -> FreeTime:
        """This window, or ValidationError for no day, an unknown day or bad hours."""
        days = self.weekdays
        if not isinstance(days, frozenset | set | tuple | list) or not days:
            raise ValidationError(tx("Choose at least one day for your free time."))
        if any(
            not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6 for day in days
        ):
            raise ValidationError(tx("Weekdays go from 0 (Monday) to 6 (Sunday)."))
        hours = (self.start_hour, self.end_hour)
        if any(not isinstance(hour, int) or isinstance(hour, bool) for hour in hours):
            raise ValidationError(tx("Free time goes in whole hours."))
        if not 0 <= self.start_hour < self.end_hour <= 24:
            raise ValidationError(tx("Free time must start before it ends, within one day."))
        return FreeTime(frozenset(days), self.start_hour, self.end_hour)

    def blocks(self, grid: ZoneGrid) -> int:
        """The blocks of ``grid`` (the student's zone) inside this window."""
        bits = 0
        for weekday in self.weekdays:
            bits |= grid.weekly(weekday, self.start_hour * 60, self.end_hour * 60)
        return bits


def check_free_time(value: object) -> FreeTime | None:
    """None (any time) or a valid FreeTime; ValidationError for anything else."""
    if value is None:
        return None
    if not isinstance(value, FreeTime):
        raise ValidationError(tx("Choose your free time as days and hours."))
    return value.checked()


PRESETS: Mapping[FreeTimePreset, FreeTime] = {
    "weekday_evenings": FreeTime(WEEKDAYS, 17, 21),
    "weekday_mornings": FreeTime(WEEKDAYS, 8, 12),
    "saturday_morning": FreeTime(frozenset({5}), 8, 12),
    "weekend": FreeTime(frozenset({5, 6}), 0, 24),
}


@dataclass(frozen=True)
class _Search:
    """One free-time search's fixed parts: the window's blocks and where slots may start."""

    anchor: datetime
    window: int  # blocks in the student's free time
    starts: int  # blocks a slot may start at

    def grid(self, zone_name: str) -> ZoneGrid:
        return zone_grid(zone_name, self.anchor)


def fitting_gigs(
    session: Session,
    candidates: Select[Any],
    *,
    free_time: FreeTime,
    viewer: User,
    now: datetime,
) -> Any:
    """The SQL condition keeping the gigs of ``candidates`` (a select of gig rows joined with
    their teachers, every other filter applied) whose teacher is free for the gig's shortest
    session within ``free_time`` of ``viewer`` (a student's zone) in the next 14 days."""
    found = candidates.with_only_columns(
        Gig.teacher_id, User.time_zone, func.max(Gig.min_duration_minutes)
    ).group_by(Gig.teacher_id, User.time_zone)
    teachers = {row[0]: (row[1], int(row[2])) for row in session.execute(found)}
    minutes = free_minutes(session, teachers, free_time=free_time, viewer=viewer, now=now)
    by_minutes: dict[int, list[int]] = defaultdict(list)
    for teacher_id, longest in minutes.items():
        by_minutes[longest].append(teacher_id)
    if not by_minutes:
        return false()
    return or_(
        *(
            and_(Gig.teacher_id.in_(ids), Gig.min_duration_minutes <= longest)
            for longest, ids in sorted(by_minutes.items())
        )
    )


def free_minutes(
    session: Session,
    teachers: Mapping[int, tuple[str, int]],
    *,
    free_time: FreeTime,
    viewer: User,
    now: datetime,
) -> dict[int, int]:
    """teacher id -> the longest free slot (minutes, up to the teacher's ``needed`` minutes)
    within ``free_time``, for ``teachers`` (id -> (zone, needed minutes)); only teachers with
    some free slot are keyed."""
    search = _search_of(session, free_time=free_time, viewer=viewer, now=now)
    if not search.window & search.starts:
        return {}
    weekly = _weekly_blocks(session, teachers, search)
    hopeful = {
        teacher_id: blocks
        for teacher_id, blocks in weekly.items()
        if _longest(blocks, teachers[teacher_id][1], search)
    }
    if not hopeful:
        return {}
    grid_end = search.grid("UTC").end
    for teacher_id, day in _days_off(session, hopeful, search.anchor, grid_end):
        hopeful[teacher_id] &= ~search.grid(teachers[teacher_id][0]).on_date(day)
    utc = search.grid("UTC")
    for teacher_id, start_at, end_at in _bookings(session, hopeful, utc, search.window):
        hopeful[teacher_id] &= ~utc.span(start_at, end_at)
    found = {}
    for teacher_id, blocks in hopeful.items():
        longest = _longest(blocks, teachers[teacher_id][1], search)
        if longest:
            found[teacher_id] = longest
    return found


def _search_of(session: Session, *, free_time: FreeTime, viewer: User, now: datetime) -> _Search:
    anchor = anchor_of(now)
    viewer_zone = zone_of(viewer.time_zone).key
    window = free_time.blocks(zone_grid(viewer_zone, anchor))
    utc = zone_grid("UTC", anchor)
    latest = min(now + HORIZON, rules.latest_bookable_start(now))
    starts = utc.starts(rules.earliest_bookable_start(now), latest)
    busy = 0
    for start_at, end_at in busy_intervals(session, [viewer.id], utc.anchor, utc.end):
        busy |= utc.span(start_at, end_at)
    return _Search(anchor=anchor, window=window & ~busy, starts=starts)


def _longest(blocks: int, needed_minutes: int, search: _Search) -> int:
    """Minutes of the longest free slot in the window (capped at ``needed_minutes``)."""
    cap = -(-needed_minutes // rules.SLOT_STEP_MINUTES)
    return longest_run(blocks & search.window, search.starts, cap) * rules.SLOT_STEP_MINUTES


def _weekly_blocks(
    session: Session, teachers: Mapping[int, tuple[str, int]], search: _Search
) -> dict[int, int]:
    """teacher id -> the blocks of the grid covered by the teacher's weekly ranges."""
    weekly: dict[int, int] = {}
    ranges = select(
        AvailabilityRule.teacher_id,
        AvailabilityRule.weekday,
        AvailabilityRule.start_minute,
        AvailabilityRule.end_minute,
    ).where(AvailabilityRule.teacher_id.in_(list(teachers)))
    for teacher_id, weekday, start_minute, end_minute in session.execute(ranges):
        grid = search.grid(teachers[teacher_id][0])
        weekly[teacher_id] = weekly.get(teacher_id, 0) | grid.weekly(
            weekday, start_minute, end_minute
        )
    return weekly


def _days_off(
    session: Session, teachers: Iterable[int], first: datetime, last: datetime
) -> Iterable[Any]:
    """(teacher id, local date) of the teachers' days off that may fall in the grid (local
    dates run a day either side of UTC ones)."""
    return session.execute(
        select(AvailabilityException.teacher_id, AvailabilityException.local_date).where(
            AvailabilityException.teacher_id.in_(list(teachers)),
            AvailabilityException.local_date.between(
                first.date() - timedelta(days=1), last.date() + timedelta(days=1)
            ),
        )
    )


def _bookings(
    session: Session, teachers: Iterable[int], utc: ZoneGrid, window: int
) -> Iterable[Any]:
    """(teacher id, start, end) of the teachers' slot-holding bookings that touch the window."""
    touching = [
        and_(Booking.start_at < end, Booking.end_at > start) for start, end in utc.intervals(window)
    ]
    return session.execute(
        select(Booking.teacher_id, Booking.start_at, Booking.end_at).where(
            Booking.teacher_id.in_(list(teachers)),
            Booking.status.in_(rules.SLOT_HOLDING_STATUSES),
            Booking.start_at < utc.end,
            Booking.end_at > utc.anchor,
            or_(*touching),
        )
    )
