"""Statement test data: payments of two teachers in three currencies around a period in New
York (March 2027; daylight saving starts on the 14th), with partial and full refunds, and
payouts recorded through ``Payouts`` before, inside and after the period. The expected
figures are worked out by hand in the tests that use it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from linguaflex_desktop.models import PaymentAttemptStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.payouts import Payouts
from tests.conftest import FakeClock
from tests.integration.report_helpers import Parties, add_payment

ZONE = "America/New_York"
MARCH = (date(2027, 3, 1), date(2027, 4, 1))  # [first day, end day) in ZONE
# Midnight opening March 1 in New York (EST, -5) and April 1 (EDT, -4), in UTC.
MARCH_STARTS = datetime(2027, 3, 1, 5, 0, tzinfo=UTC)
APRIL_STARTS = datetime(2027, 4, 1, 4, 0, tzinfo=UTC)
RECORDED_AT = datetime(2027, 4, 2, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 12, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True)
class Staff:
    admin: Actor
    teacher: Actor  # "Tina"
    other_teacher: Actor  # "Otto"


def add_statement_payments(ctx: ServiceContext, tina: Parties, otto: Parties) -> None:
    """Tina: USD a..f (and a failed attempt), EUR h, i, JPY j; Otto: USD k."""
    pay = add_payment
    # a: one minute before the period in New York (23:59 on 28 February): counts to date only
    pay(ctx, tina, at=at(1, 4, 59), amount=5250, fee=250)
    # b: the first instant of the period; partly refunded (10.00 out of the 75.00 share)
    pay(ctx, tina, at=MARCH_STARTS, amount=7875, fee=375, refunded=1000)
    # c: fully refunded (the fee too): keeps nothing, still a paid session of the period
    pay(ctx, tina, at=at(20), amount=3150, fee=150, refunded=3150)
    # e: refunded more than the share (10.50 of 11.00; share 10.00): keeps nothing
    pay(ctx, tina, at=at(10), amount=1100, fee=100, refunded=1050)
    # d: the last minute of the period in New York (23:59 on 31 March, EDT)
    pay(ctx, tina, at=at(1, 3, 59, month=4), amount=2100, fee=100)
    # f: the first instant after the period: not in it, nor owed at its end
    pay(ctx, tina, at=APRIL_STARTS, amount=5250, fee=250)
    # a failed attempt inside the period counts for nothing
    pay(ctx, tina, at=at(5), amount=9999, fee=499, status=PaymentAttemptStatus.FAILED)
    # h: EUR, on the day daylight saving starts; fully refunded
    pay(ctx, tina, at=at(14, 7, 30), amount=4200, fee=200, currency="EUR", refunded=4200)
    # i: EUR, partly refunded (25.00 of the 60.00 share)
    pay(ctx, tina, at=at(15), amount=6300, fee=300, currency="EUR", refunded=2500)
    # j: JPY, a zero-decimal currency
    pay(ctx, tina, at=at(2), amount=10500, fee=500, currency="JPY")
    # k: Otto, USD
    pay(ctx, otto, at=at(3), amount=5250, fee=250)


def add_statement_payouts(ctx: ServiceContext, clock: FakeClock, staff: Staff) -> None:
    """Tina's payouts: USD 40.00 on 15 Feb, 30.00 on 31 Mar, 10.00 on 1 Apr; JPY 4000 on
    5 Mar (recorded on 2 April, when all of them were owed)."""
    clock.set(RECORDED_AT)
    payouts = Payouts(ctx)
    for currency, amount, day in (
        ("USD", 4000, date(2027, 2, 15)),
        ("USD", 3000, date(2027, 3, 31)),
        ("USD", 1000, date(2027, 4, 1)),
        ("JPY", 4000, date(2027, 3, 5)),
    ):
        payouts.record_payout(
            staff.admin,
            teacher_id=staff.teacher.id,
            currency=currency,
            amount_minor=amount,
            paid_on=day,
            reference=f"TR-{currency}-{day.isoformat()}",
            request_key=f"test-{currency}-{day.isoformat()}",
        )
