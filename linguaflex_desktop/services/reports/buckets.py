"""Calendar buckets of a report period: days, ISO weeks (Monday first) or months, in a zone.

A bucket is named by its first day in the zone. The SQL that puts an instant in its bucket
compares it with the UTC instants where the buckets begin (computed here with zoneinfo) in a
``CASE``, so it is exact across daylight-saving changes on SQLite (no time zones) and Postgres
alike. Pure functions; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, get_args
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, SQLColumnExpression, case, literal_column

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.booking.availability import local_midnight_utc
from linguaflex_desktop.services.reports.dto import BucketKind
from linguaflex_desktop.texts import tx

BUCKET_KINDS: tuple[BucketKind, ...] = get_args(BucketKind)


def check_bucket_kind(value: object) -> BucketKind:
    """``value`` if it names a bucket kind, else ValidationError."""
    for kind in BUCKET_KINDS:
        if value == kind:
            return kind
    raise ValidationError(tx("Choose buckets of a day, a week or a month."))


def bucket_start(day: date, kind: BucketKind) -> date:
    """The first day of the bucket holding ``day``: itself, its week's Monday, or the 1st."""
    if kind == "day":
        return day
    if kind == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_bucket(start: date, kind: BucketKind) -> date:
    """The first day of the bucket after the one starting on ``start``."""
    if kind == "day":
        return start + timedelta(days=1)
    if kind == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _count(first: date, last: date, kind: BucketKind) -> int:
    if kind == "day":
        return (last - first).days + 1
    if kind == "week":
        return (last - first).days // 7 + 1
    return (last.year - first.year) * 12 + last.month - first.month + 1


def bucket_starts(
    from_at: datetime,
    to_at: datetime,
    where: ZoneInfo,
    kind: BucketKind,
    *,
    limit: int,
    too_many: str,
) -> tuple[date, ...]:
    """First days (in ``where``) of the buckets that ``[from_at, to_at)`` touches, oldest
    first; ValidationError(``too_many``) when there would be more than ``limit``."""
    first = bucket_start(from_at.astimezone(where).date(), kind)
    last = bucket_start((to_at - timedelta(microseconds=1)).astimezone(where).date(), kind)
    if _count(first, last, kind) > limit:
        raise ValidationError(too_many)
    starts = [first]
    while starts[-1] < last:
        starts.append(next_bucket(starts[-1], kind))
    return tuple(starts)


def bucket_index(
    instant: SQLColumnExpression[Any], starts: Sequence[date], where: ZoneInfo
) -> ColumnElement[Any]:
    """SQL: the position in ``starts`` of the bucket that ``instant`` (a column, within the
    period) lies in. The CASE halves the buckets at each level (a binary search), so a
    400-day chart costs each row about nine comparisons, not 400."""
    boundaries = [local_midnight_utc(start, where) for start in starts]

    def search(low: int, high: int) -> ColumnElement[Any]:
        if low == high:
            return literal_column(str(low))
        middle = (low + high + 1) // 2
        return case(
            (instant < boundaries[middle], search(low, middle - 1)), else_=search(middle, high)
        )

    return search(0, len(starts) - 1)
