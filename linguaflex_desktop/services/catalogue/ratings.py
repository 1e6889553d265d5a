"""Teachers' ratings as the catalogue shows them: the average and count of visible reviews.

One aggregate over the ``ratings`` table (grouped by teacher, hidden reviews left out) serves
the rating summary, the search's "best rated" order and its minimum-rating filter, so a page
of results costs no query per row. The average shown is the mean of the stars rounded half up
to one decimal (4.25 -> 4.3); the minimum-rating filter compares that shown value, in whole
numbers on both databases (no float rounding decides which teacher is "4+"). Pure SQL building
and small reads inside the caller's transaction; any thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Float, Subquery, cast, func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import Rating
from linguaflex_desktop.services.common.dto import shown_average
from linguaflex_desktop.services.common.validation import check_id
from linguaflex_desktop.texts import tx

MAX_STARS = 5
MAX_SUMMARY_TEACHERS = 500


class RatingSummary(NamedTuple):
    """A teacher's visible reviews: the shown average (None without any) and how many there
    are (a plain pair: ``average, count = summary`` unpacks it)."""

    average: float | None
    review_count: int


NO_RATING = RatingSummary(None, 0)


def summary_of(total: int | None, count: int | None) -> RatingSummary:
    """The summary of one aggregate row (``None`` columns: no visible review)."""
    if not count:
        return NO_RATING
    return RatingSummary(shown_average(int(total or 0), int(count)), int(count))


def visible_totals() -> Subquery:
    """Per teacher: the count (``count``) and stars total (``total``) of visible reviews."""
    return (
        select(
            Rating.teacher_id.label("teacher_id"),
            func.count(Rating.id).label("count"),
            func.sum(Rating.stars).label("total"),
        )
        .where(Rating.hidden_at.is_(None))
        .group_by(Rating.teacher_id)
        .subquery("rating_totals")
    )


def exact_average(totals: Subquery) -> Any:
    """The unrounded average of a ``visible_totals`` row, as a double on both databases."""
    return cast(totals.c.total, Float) / totals.c.count


def at_least(totals: Subquery, min_rating: int | ColumnElement[int]) -> Any:
    """The shown average is at least ``min_rating`` (a number, or a bind parameter):
    ``round_half_up(10 * total / count) >= 10 * min_rating``, i.e. ``20 * total >=
    (20 * min_rating - 1) * count`` (whole numbers)."""
    return 20 * totals.c.total >= (20 * min_rating - 1) * totals.c.count


def check_min_rating(value: object) -> int | None:
    """None (any rating) or a whole number of stars from 1 to 5."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_STARS:
        raise ValidationError(
            tx("The minimum rating is a number of stars from 1 to {n}.", n=MAX_STARS)
        )
    return value


def rating_summaries(session: Session, teacher_ids: Iterable[int]) -> dict[int, RatingSummary]:
    """Every asked teacher's summary in one aggregate query (NO_RATING for those without)."""
    ids = sorted({check_id(teacher_id, what=tx("teacher")) for teacher_id in teacher_ids})
    if len(ids) > MAX_SUMMARY_TEACHERS:
        raise ValidationError(tx("Ask for at most {n} teachers at a time.", n=MAX_SUMMARY_TEACHERS))
    found: dict[int, RatingSummary] = dict.fromkeys(ids, NO_RATING)
    if not ids:
        return found
    query = (
        select(Rating.teacher_id, func.sum(Rating.stars), func.count(Rating.id))
        .where(Rating.teacher_id.in_(ids), Rating.hidden_at.is_(None))
        .group_by(Rating.teacher_id)
    )
    for teacher_id, total, count in session.execute(query):
        found[teacher_id] = summary_of(total, count)
    return found
