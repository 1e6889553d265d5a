"""ReportService.revenue_chart on SQLite and Postgres: revenue per day, ISO week and month in
Europe/Berlin across the change to summer time (28 March 2027), per teacher and per language,
in three currencies (JPY has no minor unit) with a partial refund from the teacher's share, a
refund reaching into the fee and a full refund. Every expected figure is written out by hand.

The payments (succeeded_at in UTC, then in Berlin), gross / fee / teacher share / refunded:
  P1 Tina, German,   USD  5250 /  250 /  5000 /    0   27 Mar 22:30 = Sat 27 Mar 23:30 CET
  P2 Tina, German,   USD  7875 /  375 /  7500 / 1000   27 Mar 23:30 = Sun 28 Mar 00:30 CET
  P3 Otto, French,   EUR  4200 /  200 /  4000 / 4200   28 Mar 22:30 = Mon 29 Mar 00:30 CEST
  P4 Otto, French,   JPY  6300 /  300 /  6000 / 6100   29 Mar 21:59 = Mon 29 Mar 23:59 CEST
  P5 Tina, Japanese, JPY 10500 /  500 / 10000 /    0    4 Apr 21:30 = Sun  4 Apr 23:30 CEST
Outside: one at Mon 5 Apr 00:00 CEST (the period's end), one at Sun 21 Mar 23:59 CET (before
it), and a failed attempt inside. The period is Mon 22 Mar to Sun 4 Apr 2027, Berlin days.
P3 is on Monday 29 only with the summer offset (+2): at +1 it would still be Sunday 28.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from linguaflex_desktop.errors import PermissionDenied, ValidationError
from linguaflex_desktop.models import PaymentAttemptStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.reports.dto import (
    BucketKind,
    BucketRevenue,
    LanguageRevenue,
    RevenueChartDTO,
    RevenueFigures,
    TeacherRevenue,
)
from linguaflex_desktop.services.reports.service import ReportService
from tests.integration.booking_helpers import World, add_gig, make_world
from tests.integration.report_helpers import Parties, add_payment

BERLIN = "Europe/Berlin"
FROM_AT = datetime(2027, 3, 21, 23, 0, tzinfo=UTC)  # Mon 22 Mar 00:00 CET
TO_AT = datetime(2027, 4, 4, 22, 0, tzinfo=UTC)  # Mon 5 Apr 00:00 CEST
# currency, sessions, gross, fee, teacher share, refunded, share after refunds, platform net
P1 = ("USD", 1, 5250, 250, 5000, 0, 5000, 250)
P2 = ("USD", 1, 7875, 375, 7500, 1000, 6500, 375)
P3 = ("EUR", 1, 4200, 200, 4000, 4200, 0, 0)
P4 = ("JPY", 1, 6300, 300, 6000, 6100, 0, 200)  # the refund takes the share and 100 of fee
P5 = ("JPY", 1, 10500, 500, 10000, 0, 10000, 500)
USD_P1_P2 = ("USD", 2, 13125, 625, 12500, 1000, 11500, 625)
JPY_P4_P5 = ("JPY", 2, 16800, 800, 16000, 6100, 10000, 700)


def figures(values: tuple[str, int, int, int, int, int, int, int]) -> RevenueFigures:
    return RevenueFigures(*values)


def bucket(start: date, values: tuple[str, int, int, int, int, int, int, int]) -> BucketRevenue:
    return BucketRevenue(*values, start=start)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    world = make_world(ctx)
    tina = Parties(world.student.id, world.teacher.id, world.gig_id)
    japanese = add_gig(ctx, world.teacher, title="Japanese", language="Japanese", currency="JPY")
    tina_japanese = Parties(world.student.id, world.teacher.id, japanese)
    french = add_gig(ctx, world.other_teacher, title="French", language="French")
    otto = Parties(world.other_student.id, world.other_teacher.id, french)
    add_payment(ctx, tina, at=datetime(2027, 3, 27, 22, 30, tzinfo=UTC), amount=5250, fee=250)
    add_payment(
        ctx,
        tina,
        at=datetime(2027, 3, 27, 23, 30, tzinfo=UTC),
        amount=7875,
        fee=375,
        refunded=1000,
    )
    add_payment(
        ctx,
        otto,
        at=datetime(2027, 3, 28, 22, 30, tzinfo=UTC),
        amount=4200,
        fee=200,
        currency="EUR",
        refunded=4200,
    )
    add_payment(
        ctx,
        otto,
        at=datetime(2027, 3, 29, 21, 59, tzinfo=UTC),
        amount=6300,
        fee=300,
        currency="JPY",
        refunded=6100,
    )
    add_payment(
        ctx,
        tina_japanese,
        at=datetime(2027, 4, 4, 21, 30, tzinfo=UTC),
        amount=10500,
        fee=500,
        currency="JPY",
    )
    add_payment(ctx, tina, at=TO_AT, amount=2100, fee=100)
    add_payment(ctx, tina, at=FROM_AT - timedelta(minutes=1), amount=2100, fee=100)
    add_payment(
        ctx,
        tina,
        at=datetime(2027, 3, 30, 12, 0, tzinfo=UTC),
        amount=9999,
        fee=499,
        status=PaymentAttemptStatus.FAILED,
    )
    return world


@pytest.fixture
def reports(ctx: ServiceContext) -> ReportService:
    return ReportService(ctx)


def chart(reports: ReportService, world: World, bucket_kind: BucketKind) -> RevenueChartDTO:
    return reports.revenue_chart(
        world.admin,
        from_at=FROM_AT,
        to_at=TO_AT,
        zone=BERLIN,
        bucket=bucket_kind,
    )


def test_day_buckets_are_berlin_days_across_the_change_to_summer_time(
    world: World, reports: ReportService
) -> None:
    days = chart(reports, world, "day")
    assert days.bucket == "day" and days.zone == BERLIN
    assert days.starts == tuple(date(2027, 3, 22) + timedelta(days=n) for n in range(14))
    assert days.by_bucket == (
        bucket(date(2027, 3, 27), P1),
        bucket(date(2027, 3, 28), P2),
        bucket(date(2027, 3, 29), P3),
        bucket(date(2027, 3, 29), P4),
        bucket(date(2027, 4, 4), P5),
    )


def test_week_buckets_are_iso_weeks_from_monday_in_berlin(
    world: World, reports: ReportService
) -> None:
    weeks = chart(reports, world, "week")
    assert weeks.starts == (date(2027, 3, 22), date(2027, 3, 29))
    assert weeks.by_bucket == (
        bucket(date(2027, 3, 22), USD_P1_P2),
        bucket(date(2027, 3, 29), P3),
        bucket(date(2027, 3, 29), JPY_P4_P5),
    )


def test_month_buckets_and_totals_per_currency_never_summed_across(
    world: World, reports: ReportService
) -> None:
    months = chart(reports, world, "month")
    assert months.starts == (date(2027, 3, 1), date(2027, 4, 1))
    assert months.by_bucket == (
        bucket(date(2027, 3, 1), P3),
        bucket(date(2027, 3, 1), P4),
        bucket(date(2027, 3, 1), USD_P1_P2),
        bucket(date(2027, 4, 1), P5),
    )
    assert months.totals == (figures(P3), figures(JPY_P4_P5), figures(USD_P1_P2))
    assert months.currencies == ("EUR", "JPY", "USD")


def test_figures_per_teacher_and_per_language(world: World, reports: ReportService) -> None:
    report = chart(reports, world, "week")
    otto, tina = world.other_teacher.id, world.teacher.id
    assert report.by_teacher == (
        TeacherRevenue(*P3, teacher_id=otto, teacher_name="Otto"),
        TeacherRevenue(*P4, teacher_id=otto, teacher_name="Otto"),
        TeacherRevenue(*P5, teacher_id=tina, teacher_name="Tina"),
        TeacherRevenue(*USD_P1_P2, teacher_id=tina, teacher_name="Tina"),
    )
    assert report.by_language == (
        LanguageRevenue(*P3, language="French"),
        LanguageRevenue(*P4, language="French"),
        LanguageRevenue(*USD_P1_P2, language="German"),
        LanguageRevenue(*P5, language="Japanese"),
    )


def test_the_month_report_and_the_month_chart_agree(world: World, reports: ReportService) -> None:
    report = reports.revenue_report(world.admin, from_at=FROM_AT, to_at=TO_AT, zone=BERLIN)
    assert [(line.month, line.currency, line.net_platform_minor) for line in report.months] == [
        (date(2027, 3, 1), "EUR", 0),
        (date(2027, 3, 1), "JPY", 200),
        (date(2027, 3, 1), "USD", 625),
        (date(2027, 4, 1), "JPY", 500),
    ]


def test_an_empty_period_has_its_buckets_and_no_figures(
    world: World, reports: ReportService
) -> None:
    empty = reports.revenue_chart(
        world.admin,
        from_at=datetime(2026, 1, 1, tzinfo=UTC),
        to_at=datetime(2026, 1, 3, tzinfo=UTC),
        zone="UTC",
        bucket="day",
    )
    assert empty.starts == (date(2026, 1, 1), date(2026, 1, 2))
    assert empty.by_bucket == empty.by_teacher == empty.by_language == empty.totals == ()


def test_revenue_chart_is_admin_only(world: World, reports: ReportService) -> None:
    for actor in (world.student, world.teacher, world.other_teacher, world.suspended_student):
        with pytest.raises(PermissionDenied):
            reports.revenue_chart(actor, from_at=FROM_AT, to_at=TO_AT, zone=BERLIN, bucket="day")


def test_revenue_chart_refuses_bad_buckets_periods_zones_and_too_many_buckets(
    world: World, reports: ReportService
) -> None:
    admin = world.admin
    start = datetime(2027, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError, match="a day, a week or a month"):
        reports.revenue_chart(admin, from_at=FROM_AT, to_at=TO_AT, zone=BERLIN, bucket="year")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="before its end"):
        reports.revenue_chart(admin, from_at=TO_AT, to_at=FROM_AT, zone=BERLIN)
    with pytest.raises(ValidationError, match="time zone"):
        reports.revenue_chart(admin, from_at=FROM_AT, to_at=TO_AT, zone="Mars/Olympus")
    with pytest.raises(ValidationError, match="time zone"):
        reports.revenue_chart(admin, from_at=datetime(2027, 1, 1), to_at=TO_AT, zone="UTC")
    four_hundred_days = reports.revenue_chart(
        admin, from_at=start, to_at=start + timedelta(days=400), zone="UTC", bucket="day"
    )
    assert len(four_hundred_days.starts) == 400
    with pytest.raises(ValidationError, match="at most 400 days"):
        reports.revenue_chart(
            admin, from_at=start, to_at=start + timedelta(days=401), zone="UTC", bucket="day"
        )
    with pytest.raises(ValidationError, match="at most 400 weeks"):
        reports.revenue_chart(
            admin, from_at=start, to_at=start + timedelta(weeks=401), zone="UTC", bucket="week"
        )
    with pytest.raises(ValidationError, match="at most 400 months"):
        reports.revenue_chart(
            admin, from_at=start, to_at=start + timedelta(days=366 * 34), zone="UTC"
        )
