"""PaymentViews.teacher_earnings per month and upcoming income, on SQLite and Postgres, for a
teacher in Europe/Berlin; the services' clock says Mon 1 Mar 2027, 09:00 UTC.

Tina's paid sessions (start in UTC), gross / fee / her share / refunded -> what she keeps:
  E1 USD  5250 / 250 /  5000 /    0 ->  5000   31 Jan 23:30 (1 Feb in Berlin), held
  E2 USD  7875 / 375 /  7500 / 1000 ->  6500   10 Feb, held
  E3 USD  5250 / 250 /  5000 /  500 ->  4500   10 Mar, PAID, upcoming
  E4 EUR  4200 / 200 /  4000 / 4200 ->     0   12 Mar, refunded in full: not upcoming
  E5 JPY 10500 / 500 / 10000 /    0 -> 10000    2 Apr, PAID, upcoming
and a failed attempt of hers in March; Otto has one paid USD session in March.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from linguaflex_desktop.errors import PermissionDenied
from linguaflex_desktop.models import PaymentAttemptStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.dto import MonthEarnings, UpcomingIncome
from linguaflex_desktop.services.payments.views import PaymentViews
from tests.conftest import FakeClock
from tests.integration.booking_helpers import World, make_world
from tests.integration.report_helpers import Parties, add_payment

PAID_AT = datetime(2027, 1, 20, tzinfo=UTC)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    world = make_world(ctx, teacher_zone="Europe/Berlin")
    tina = Parties(world.student.id, world.teacher.id, world.gig_id)
    otto = Parties(world.other_student.id, world.other_teacher.id, world.other_gig_id)

    def paid(start: datetime, amount: int, fee: int, **extra: object) -> None:
        add_payment(ctx, tina, at=PAID_AT, amount=amount, fee=fee, start_at=start, **extra)  # type: ignore[arg-type]

    paid(datetime(2027, 1, 31, 23, 30, tzinfo=UTC), 5250, 250)
    paid(datetime(2027, 2, 10, 10, tzinfo=UTC), 7875, 375, refunded=1000)
    paid(datetime(2027, 3, 10, 10, tzinfo=UTC), 5250, 250, refunded=500)
    paid(datetime(2027, 3, 12, 10, tzinfo=UTC), 4200, 200, currency="EUR", refunded=4200)
    paid(datetime(2027, 4, 2, 10, tzinfo=UTC), 10500, 500, currency="JPY")
    paid(datetime(2027, 3, 20, 10, tzinfo=UTC), 9999, 499, status=PaymentAttemptStatus.FAILED)
    add_payment(ctx, otto, at=PAID_AT, start_at=datetime(2027, 3, 15, 10, tzinfo=UTC))
    return world


@pytest.fixture
def views(ctx: ServiceContext) -> PaymentViews:
    return PaymentViews(ctx)


def test_earnings_per_month_in_the_teachers_zone_with_upcoming_income(
    world: World, views: PaymentViews
) -> None:
    earnings = views.teacher_earnings(world.teacher)
    assert earnings.zone == "Europe/Berlin"
    assert earnings.months == (
        MonthEarnings(date(2027, 2, 1), "USD", 2, 12500, 1000, 11500, 11500, 0, 0),
        MonthEarnings(date(2027, 3, 1), "EUR", 1, 4000, 4000, 0, 0, 0, 0),
        MonthEarnings(date(2027, 3, 1), "USD", 1, 5000, 500, 4500, 0, 1, 4500),
        MonthEarnings(date(2027, 4, 1), "JPY", 1, 10000, 0, 10000, 0, 1, 10000),
    )
    assert earnings.upcoming == (
        UpcomingIncome("JPY", sessions=1, share_minor=10000),
        UpcomingIncome("USD", sessions=1, share_minor=4500),
    )


def test_months_and_upcoming_follow_the_period_and_the_clock(
    world: World, views: PaymentViews, clock: FakeClock
) -> None:
    march = views.teacher_earnings(
        world.teacher,
        from_at=datetime(2027, 2, 28, 23, tzinfo=UTC),
        to_at=datetime(2027, 3, 31, 22, tzinfo=UTC),
    )
    assert [(m.month, m.currency) for m in march.months] == [
        (date(2027, 3, 1), "EUR"),
        (date(2027, 3, 1), "USD"),
    ]
    assert march.upcoming == (UpcomingIncome("USD", sessions=1, share_minor=4500),)
    clock.set(datetime(2027, 3, 11, tzinfo=UTC))
    later = views.teacher_earnings(world.teacher)
    usd_march = next(m for m in later.months if m.month == date(2027, 3, 1) and m.currency == "USD")
    assert (usd_march.earned_minor, usd_march.upcoming_minor) == (4500, 0)
    assert later.upcoming == (UpcomingIncome("JPY", sessions=1, share_minor=10000),)


def test_a_teacher_sees_only_their_own_months_and_others_are_refused(
    world: World, views: PaymentViews
) -> None:
    otto = views.teacher_earnings(world.other_teacher)
    assert otto.zone == "UTC"
    assert otto.months == (MonthEarnings(date(2027, 3, 1), "USD", 1, 5000, 0, 5000, 0, 1, 5000),)
    for actor in (world.student, world.admin):
        with pytest.raises(PermissionDenied):
            views.teacher_earnings(actor)
