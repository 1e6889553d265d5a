"""Two weeks and a bit of 15-minute UTC blocks as the bits of one int, with each block's wall
time in a zone: free time of many teachers at once in a few integer operations each.

It reads availability as ``availability.available_blocks`` does (a block is available when
its start's wall time in the teacher's zone lies in a weekly range of that local date's
weekday and the date is not a day off): DST gaps lose their hour, folds count twice. What
costs is converting each block to the zone's wall time; a zone's grid does that once per UTC
day and is cached, so a teacher's weekly ranges, days off and bookings then cost an int
operation each. Pure (no database); called on worker threads (the cache is thread-safe).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from linguaflex_desktop.services.booking.rules import SLOT_STEP, SLOT_STEP_MINUTES

GRID_DAYS = 16  # a start up to 14 days ahead of any moment of the anchor's day, plus 8 hours
QUARTERS_PER_DAY = 24 * 60 // SLOT_STEP_MINUTES


@dataclass(frozen=True)
class ZoneGrid:
    """Bit ``i`` is the block starting at ``anchor + i * 15 min`` (UTC)."""

    anchor: datetime
    size: int
    # by_quarter[weekday][q]: the blocks whose local weekday is ``weekday`` and whose local
    # quarter of the day is below ``q`` (0..96), so a range is a difference of two of them.
    by_quarter: tuple[tuple[int, ...], ...]
    dates: Mapping[date, int]  # local date -> its blocks

    def weekly(self, weekday: int, start_minute: int, end_minute: int) -> int:
        """The blocks whose wall time lies in [start_minute, end_minute) of ``weekday``
        (minutes on the 15-minute grid)."""
        row = self.by_quarter[weekday]
        return row[end_minute // SLOT_STEP_MINUTES] ^ row[start_minute // SLOT_STEP_MINUTES]

    def on_date(self, day: date) -> int:
        """The blocks of a local date."""
        return self.dates.get(day, 0)

    @property
    def end(self) -> datetime:
        return self.anchor + self.size * SLOT_STEP

    def span(self, start: datetime, end: datetime) -> int:
        """The blocks that overlap [start, end) (a booking blocks every block it touches)."""
        return span_blocks(self.anchor, self.size, start, end)

    def starts(self, earliest: datetime, latest: datetime) -> int:
        """The blocks that start within [earliest, latest] (both included)."""
        first = max(0, -((self.anchor - earliest) // SLOT_STEP))
        last = min(self.size - 1, (latest - self.anchor) // SLOT_STEP)
        return ((1 << (last - first + 1)) - 1) << first if last >= first else 0

    def intervals(self, blocks: int) -> list[tuple[datetime, datetime]]:
        """The runs of set bits of ``blocks`` as UTC [start, end) intervals."""
        runs: list[tuple[datetime, datetime]] = []
        index = 0
        while rest := blocks >> index:
            index += (rest & -rest).bit_length() - 1  # to the next set bit
            rest = blocks >> index
            length = (rest ^ (rest + 1)).bit_length() - 1  # its trailing ones
            start = self.anchor + index * SLOT_STEP
            runs.append((start, start + length * SLOT_STEP))
            index += length
        return runs


def anchor_of(now: datetime) -> datetime:
    """The UTC midnight a grid for ``now`` starts at (one grid per zone and UTC day)."""
    return datetime.combine(now.astimezone(UTC).date(), time(0), tzinfo=UTC)


@lru_cache(maxsize=256)
def zone_grid(zone_name: str, anchor: datetime, days: int = GRID_DAYS) -> ZoneGrid:
    """The grid of ``zone_name`` from ``anchor`` (a UTC midnight) for ``days`` days."""
    zone = ZoneInfo(zone_name)
    size = days * QUARTERS_PER_DAY
    buckets = [[0] * QUARTERS_PER_DAY for _ in range(7)]
    dates: dict[date, int] = {}
    for index in range(size):
        local = (anchor + index * SLOT_STEP).astimezone(zone)
        bit = 1 << index
        quarter = (local.hour * 60 + local.minute) // SLOT_STEP_MINUTES
        buckets[local.weekday()][quarter] |= bit
        day = local.date()
        dates[day] = dates.get(day, 0) | bit
    by_quarter = []
    for row in buckets:
        below = [0]
        for bits in row:
            below.append(below[-1] | bits)
        by_quarter.append(tuple(below))
    return ZoneGrid(anchor=anchor, size=size, by_quarter=tuple(by_quarter), dates=dates)


def longest_run(free: int, starts: int, cap: int) -> int:
    """The most blocks, up to ``cap``, of a run of set bits of ``free`` that begins at a bit
    set in ``starts`` (0 if none begins there)."""
    length, run = 0, free  # bit i of run: blocks i .. i + length are all free
    while length < cap and run & starts:
        length += 1
        run &= run >> 1
    return length


def span_blocks(anchor: datetime, size: int, start: datetime, end: datetime) -> int:
    """The blocks of a grid of ``size`` blocks from ``anchor`` that overlap [start, end).
    ``anchor``, ``start`` and ``end`` are all aware, or all naive UTC (as SQLite reads them)."""
    first = max(0, (start - anchor) // SLOT_STEP)
    last = min(size, -((anchor - end) // SLOT_STEP))
    return ((1 << (last - first)) - 1) << first if last > first else 0
