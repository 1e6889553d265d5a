"""Search by free time, the filter (``catalogue.free_time.FreeTimeFilter``): keep the gigs
whose teacher has a bookable slot when the student is free, in the student's own zone, within
the next two weeks.

A ``FreeTime`` is some weekdays and an hour window, in the student's zone ("weekday
evenings" is Monday to Friday, 17:00-21:00). A gig fits when its teacher has a slot of at
least the gig's shortest session whose every 15-minute block

- has its wall time in the student's zone on one of the weekdays and within the hours,
- is available by the teacher's weekly ranges (in the teacher's zone) and not on a day off
  (``block_grid`` reads them as ``availability.available_blocks`` does, DST included),
- overlaps no slot-holding booking of the teacher or of the student,

and whose start lies between the earliest bookable start (now + the booking lead time) and
now + 14 days. The bookable teachers' ranges (one string per teacher), the days off of those
who could fit, and the bookings inside the window are read in three batched queries; the
arithmetic is a few int operations per teacher (``block_grid``), and the result joins the
search's SQL as lists of teacher ids. Runs on the calling (worker) thread.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from sqlalchemy import (
    Connection,
    DateTime,
    Integer,
    String,
    and_,
    any_,
    bindparam,
    cast,
    false,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from linguaflex_desktop.models import AvailabilityException, AvailabilityRule, Gig, Role, User
from linguaflex_desktop.models import SessionBooking as Booking
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.availability import busy_intervals, zone_of
from linguaflex_desktop.services.booking.block_grid import (
    QUARTERS_PER_DAY,
    ZoneGrid,
    anchor_of,
    longest_run,
    span_blocks,
    zone_grid,
)
from linguaflex_desktop.services.catalogue.free_time import FreeTime
from linguaflex_desktop.services.common.pricing import MAX_DURATION_MINUTES

HORIZON = timedelta(days=14)
CODE = 1000  # a weekly range's code: first * CODE + last (both below 7 * 97)
STEP = rules.SLOT_STEP_MINUTES


@dataclass(frozen=True)
class _Search:
    """One free-time search's fixed parts: the window's blocks and where slots may start."""

    anchor: datetime
    window: int  # blocks in the student's free time
    starts: int  # blocks a slot may start at

    def grid(self, zone_name: str) -> ZoneGrid:
        return zone_grid(zone_name, self.anchor)


def fitting_gigs(session: Session, *, free_time: FreeTime, viewer: User, now: datetime) -> Any:
    """The SQL condition keeping the gigs whose teacher is free for the gig's shortest
    session within ``free_time`` of ``viewer`` (in the viewer's zone) in the next 14 days.

    It is worked out for every teacher, whatever the search's other filters (they stay in
    the search's own SQL): reading the candidates of those filters again would cost more
    than the teachers they leave out."""
    minutes = free_minutes(session, free_time=free_time, viewer=viewer, now=now)
    dialect = session.get_bind().dialect.name
    by_minutes: dict[int, list[int]] = defaultdict(list)
    for teacher_id, longest in minutes.items():
        by_minutes[longest].append(teacher_id)
    if not by_minutes:
        return false()
    return or_(
        *(
            and_(
                _among(Gig.teacher_id, f"free_for_{longest}", ids, dialect),
                Gig.min_duration_minutes <= longest,
            )
            for longest, ids in sorted(by_minutes.items())
        )
    )


def _among(column: Any, name: str, ids: Iterable[int], dialect: str) -> Any:
    """``column`` is one of ``ids``, sent as one parameter: a Postgres array (its size known
    to the planner), a JSON array on SQLite; an IN of thousands of values costs
    milliseconds to build and to send."""
    values = sorted(ids)
    if dialect == "postgresql":
        return column == any_(bindparam(name, values, type_=ARRAY(Integer)))
    listed = ",".join(map(str, values))
    rows = func.json_each(bindparam(name, f"[{listed}]", type_=String)).table_valued("value")
    return column.in_(select(rows.c.value))


def free_minutes(
    session: Session, *, free_time: FreeTime, viewer: User, now: datetime
) -> dict[int, int]:
    """teacher id -> the longest free slot within ``free_time`` (minutes, up to the longest
    shortest-session of any gig: what any gig can ask for); only teachers with some free
    slot are keyed."""
    search = _search_of(session, free_time=free_time, viewer=viewer, now=now)
    needed = session.scalar(select(func.max(Gig.min_duration_minutes)))
    if not search.window & search.starts or not needed:
        return {}
    connection = session.connection()  # plain rows: no ORM loading for thousands of them
    weekly, zones = _weekly_blocks(connection, search)
    hopeful = {
        teacher_id: blocks
        for teacher_id, blocks in weekly.items()
        if _longest(blocks, needed, search)
    }
    if not hopeful:
        return {}
    utc = search.grid("UTC")
    for teacher_id, day in _days_off(connection, hopeful, utc):
        hopeful[teacher_id] &= ~search.grid(zones[teacher_id]).on_date(day)
    naive_anchor = utc.anchor.replace(tzinfo=None)
    for teacher_id, start_at, end_at in _bookings(connection, utc, search.window):
        if teacher_id in hopeful:
            anchor = naive_anchor if start_at.tzinfo is None else utc.anchor
            hopeful[teacher_id] &= ~span_blocks(anchor, utc.size, start_at, end_at)
    found = {}
    for teacher_id, blocks in hopeful.items():
        longest = _longest(blocks, needed, search)
        if longest:
            found[teacher_id] = longest
    return found


def _search_of(session: Session, *, free_time: FreeTime, viewer: User, now: datetime) -> _Search:
    anchor = anchor_of(now)
    viewer_zone = zone_of(viewer.time_zone).key
    viewer_grid = zone_grid(viewer_zone, anchor)
    window = 0
    for weekday, start_minute, end_minute in free_time.ranges():
        window |= viewer_grid.weekly(weekday, start_minute, end_minute)
    utc = zone_grid("UTC", anchor)
    earliest = rules.earliest_bookable_start(now)
    latest = min(now + HORIZON, rules.latest_bookable_start(now))
    starts = utc.starts(earliest, latest)
    window &= utc.span(earliest, latest + timedelta(minutes=MAX_DURATION_MINUTES))
    busy = 0
    for start_at, end_at in busy_intervals(session, [viewer.id], utc.anchor, utc.end):
        busy |= utc.span(start_at, end_at)
    return _Search(anchor=anchor, window=window & ~busy, starts=starts)


def _longest(blocks: int, needed_minutes: int, search: _Search) -> int:
    """Minutes of the longest free slot in the window (capped at ``needed_minutes``)."""
    cap = -(-needed_minutes // rules.SLOT_STEP_MINUTES)
    return longest_run(blocks & search.window, search.starts, cap) * rules.SLOT_STEP_MINUTES


def _weekly_blocks(
    connection: Connection, search: _Search
) -> tuple[dict[int, int], dict[int, str]]:
    """For each bookable teacher with weekly ranges: the blocks they cover and the
    teacher's zone (both keyed by teacher id).

    The database hands each teacher's ranges over as one string of codes, and the blocks of
    a (zone, day, codes) are remembered: a teacher's ranges rarely change, and when they
    do the string does, so a remembered answer is never stale."""
    rule = AvailabilityRule
    quarters = QUARTERS_PER_DAY + 1  # the length of a row of ZoneGrid.by_quarter
    first = rule.weekday * quarters + rule.start_minute // STEP
    last = rule.weekday * quarters + rule.end_minute // STEP
    coded = func.aggregate_strings(cast(first * CODE + last, String), ",")
    rows = connection.execute(
        select(User.id, User.time_zone, coded)
        .join(rule, rule.teacher_id == User.id)
        .where(User.role == Role.TEACHER, User.is_active.is_(True), User.suspended_at.is_(None))
        .group_by(User.id, User.time_zone)
    ).all()
    day = search.anchor.date()
    weekly: dict[int, int] = {}
    zones: dict[int, str] = {}
    for teacher_id, zone, codes in rows:
        try:
            weekly[teacher_id] = _weekly_mask(zone, day, codes)
        except (ZoneInfoNotFoundError, ValueError):
            continue  # a zone this machine does not know: never free, the search goes on
        zones[teacher_id] = zone
    return weekly, zones


@lru_cache(maxsize=16384)
def _weekly_mask(zone: str, day: date, codes: str) -> int:
    """The blocks of ``zone``'s grid for ``day`` covered by weekly ranges coded as
    ``first * CODE + last`` (flat ``ZoneGrid.by_quarter`` indexes), comma-separated."""
    flat = _flat_rows(zone, day)
    mask = 0
    for code in codes.split(","):
        first, last = divmod(int(code), CODE)
        mask |= flat[last] ^ flat[first]
    return mask


@lru_cache(maxsize=256)
def _flat_rows(zone: str, day: date) -> tuple[int, ...]:
    grid = zone_grid(zone, datetime.combine(day, time(0), tzinfo=UTC))
    return sum(grid.by_quarter, ())


def _days_off(connection: Connection, teachers: Iterable[int], utc: ZoneGrid) -> Iterable[Any]:
    """(teacher id, local date) of the teachers' days off that may fall in the grid (local
    dates run a day either side of UTC ones)."""
    day = timedelta(days=1)
    exception = AvailabilityException
    return connection.execute(
        select(exception.teacher_id, exception.local_date).where(
            _among(exception.teacher_id, "teachers", teachers, connection.dialect.name),
            exception.local_date.between(utc.anchor.date() - day, utc.end.date() + day),
        )
    ).all()


def _bookings(connection: Connection, utc: ZoneGrid, window: int) -> Iterable[Any]:
    """(teacher id, start, end) of the slot-holding bookings that touch the window: each of
    its runs is a range of start times (no session lasts over MAX_DURATION_MINUTES), which
    the index on start_at answers; the caller keeps its teachers' rows.

    The times come as the driver reads them, without the UTC column type's conversion of
    each: naive UTC on SQLite, aware on Postgres. For the ~1,700 bookings a "weekend" search
    reads among 2,000 teachers, the conversion took 5 of the query's 11 ms on SQLite."""
    longest = timedelta(minutes=MAX_DURATION_MINUTES)
    touching = [
        and_(Booking.start_at > start - longest, Booking.start_at < end, Booking.end_at > start)
        for start, end in utc.intervals(window)
    ]
    as_read = DateTime(timezone=True)
    return connection.execute(
        select(
            Booking.teacher_id,
            type_coerce(Booking.start_at, as_read),
            type_coerce(Booking.end_at, as_read),
        ).where(or_(*touching), Booking.status.in_(rules.SLOT_HOLDING_STATUSES))
    ).all()
