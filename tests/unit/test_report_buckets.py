"""Calendar buckets of the revenue chart (ISO weeks across a year's end, months across
December, the bucket limit counted before any list is built) and the chart's labels: teachers
who share a name get their numbers, so the chart's categories stay distinct."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.reports.buckets import bucket_start, bucket_starts, next_bucket
from linguaflex_desktop.services.reports.dto import (
    BucketKind,
    RevenueChartDTO,
    RevenueFigures,
    TeacherRevenue,
)
from linguaflex_desktop.ui.admin.revenue_figures import BY_TEACHER, chart_bars, table_rows

UTC_ZONE = ZoneInfo("UTC")


def starts(first: datetime, end: datetime, kind: BucketKind, limit: int = 400) -> tuple[date, ...]:
    return bucket_starts(first, end, UTC_ZONE, kind, limit=limit, too_many="Too many.")


def test_iso_weeks_start_on_monday_even_in_the_year_before() -> None:
    assert bucket_start(date(2027, 1, 1), "week") == date(2026, 12, 28)  # a Friday
    assert bucket_start(date(2027, 1, 4), "week") == date(2027, 1, 4)  # a Monday
    assert bucket_start(date(2027, 1, 10), "week") == date(2027, 1, 4)  # a Sunday
    weeks = starts(datetime(2026, 12, 30, tzinfo=UTC), datetime(2027, 1, 12, tzinfo=UTC), "week")
    assert weeks == (date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 11))


def test_months_run_across_december_and_days_across_a_leap_day() -> None:
    assert next_bucket(date(2027, 12, 1), "month") == date(2028, 1, 1)
    months = starts(datetime(2027, 11, 15, tzinfo=UTC), datetime(2028, 2, 1, tzinfo=UTC), "month")
    assert months == (date(2027, 11, 1), date(2027, 12, 1), date(2028, 1, 1))
    days = starts(datetime(2028, 2, 28, tzinfo=UTC), datetime(2028, 3, 2, tzinfo=UTC), "day")
    assert days == (date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1))


def test_the_limit_counts_buckets_and_refuses_one_more() -> None:
    first = datetime(2027, 1, 1, tzinfo=UTC)
    assert len(starts(first, datetime(2027, 1, 4, tzinfo=UTC), "day", limit=3)) == 3
    with pytest.raises(ValidationError, match="Too many"):
        starts(first, datetime(2027, 1, 4, 0, 1, tzinfo=UTC), "day", limit=3)
    with pytest.raises(ValidationError, match="Too many"):
        starts(datetime(1900, 1, 1, tzinfo=UTC), datetime(2999, 1, 1, tzinfo=UTC), "day")


def test_teachers_sharing_a_name_get_their_numbers_in_the_chart_and_table() -> None:
    figures = ("USD", 1, 5250, 250, 5000, 0, 5000, 250)
    report = RevenueChartDTO(
        zone="UTC",
        from_at=datetime(2027, 1, 1, tzinfo=UTC),
        to_at=datetime(2027, 2, 1, tzinfo=UTC),
        bucket="month",
        starts=(date(2027, 1, 1),),
        by_bucket=(),
        by_teacher=(
            TeacherRevenue(*figures, teacher_id=7, teacher_name="Ana Ruiz"),
            TeacherRevenue(*figures, teacher_id=9, teacher_name="Ana Ruiz"),
            TeacherRevenue(*figures, teacher_id=3, teacher_name="Ben Ode"),
        ),
        by_language=(),
        totals=(RevenueFigures("USD", 3, 15750, 750, 15000, 0, 15000, 750),),
    )
    labels = [bar.label for bar in chart_bars(report, BY_TEACHER)["USD"]]
    assert labels == ["Ana Ruiz (#7)", "Ana Ruiz (#9)", "Ben Ode"]
    assert [row.label for row in table_rows(report, BY_TEACHER)] == [*labels, "Total"]
