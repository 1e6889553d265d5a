"""The zone grid reads weekly availability exactly as ``availability.available_blocks`` does
(DST gaps and folds included), and its runs, spans and start masks are what they say."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from linguaflex_desktop.services.booking.availability import available_blocks
from linguaflex_desktop.services.booking.block_grid import (
    anchor_of,
    longest_run,
    zone_grid,
)
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.services.booking.rules import SLOT_STEP

ZONES = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kathmandu", "UTC")
AROUND_CHANGES = (date(2027, 3, 8), date(2027, 3, 25), date(2027, 10, 25), date(2027, 11, 2))


@st.composite
def weekly_ranges(draw: st.DrawFn) -> list[WeeklyRange]:
    found = []
    for weekday in sorted(draw(st.sets(st.integers(0, 6), min_size=1))):
        start = draw(st.integers(0, 95)) * 15
        end = draw(st.integers(start // 15 + 1, 96)) * 15
        found.append(WeeklyRange(weekday, start, end))
    return found


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    day=st.sampled_from(AROUND_CHANGES),
    ranges=weekly_ranges(),
    off=st.sets(st.integers(0, 16), max_size=4),
)
def test_the_grid_marks_the_blocks_available_blocks_finds(
    zone: str, day: date, ranges: list[WeeklyRange], off: set[int]
) -> None:
    anchor = datetime(day.year, day.month, day.day, tzinfo=UTC)
    grid = zone_grid(zone, anchor)
    days_off = {day + timedelta(days=offset) for offset in off}
    bits = 0
    for item in ranges:
        bits |= grid.weekly(item.weekday, item.start_minute, item.end_minute)
    for day_off in days_off:
        bits &= ~grid.on_date(day_off)
    expected = available_blocks(
        zone=ZoneInfo(zone),
        ranges=ranges,
        days_off=days_off,
        window_start=grid.anchor,
        window_end=grid.end,
    )
    assert {grid.anchor + index * SLOT_STEP for index in range(grid.size) if bits >> index & 1} == (
        expected
    )


def test_spans_starts_and_intervals_round_trip() -> None:
    grid = zone_grid("UTC", anchor_of(datetime(2027, 3, 1, 9, 7, tzinfo=UTC)))
    start = datetime(2027, 3, 1, 10, 5, tzinfo=UTC)  # off the grid: its whole block counts
    span = grid.span(start, start + timedelta(minutes=30))
    assert grid.intervals(span) == [
        (datetime(2027, 3, 1, 10, 0, tzinfo=UTC), datetime(2027, 3, 1, 10, 45, tzinfo=UTC))
    ]
    starts = grid.starts(start, start + timedelta(minutes=30))  # starts 10:15 and 10:30
    assert grid.intervals(starts) == [
        (datetime(2027, 3, 1, 10, 15, tzinfo=UTC), datetime(2027, 3, 1, 10, 45, tzinfo=UTC))
    ]
    assert grid.span(grid.end, grid.end + SLOT_STEP) == 0  # past the grid: nothing


def test_the_longest_run_counts_only_runs_starting_where_allowed() -> None:
    free = 0b0111_1110_0011  # runs: bits 0-1 (2 blocks) and bits 5-10 (6 blocks)
    assert longest_run(free, starts=0b1, cap=10) == 2
    assert longest_run(free, starts=1 << 5, cap=10) == 6
    assert longest_run(free, starts=1 << 5, cap=4) == 4
    assert longest_run(free, starts=1 << 7, cap=10) == 4  # from inside the run
    assert longest_run(free, starts=1 << 3, cap=10) == 0
