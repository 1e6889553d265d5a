"""Time bounds given to the booking and payment lists and to a teacher's earnings must carry
their time zone: a naive datetime is refused with a ValidationError (a message the UI shows)
at the service boundary, not left to fail inside SQLAlchemy. Aware bounds in any zone work.
SQLite and Postgres (``ctx``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.booking.dto import BookingFilter
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.dto import PaymentFilter
from linguaflex_desktop.services.payments.views import PaymentViews
from tests.integration.booking_helpers import World, make_world

NAIVE = datetime(2027, 3, 1, 9, 0)
AWARE = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


@pytest.fixture
def payments(ctx: ServiceContext) -> PaymentViews:
    return PaymentViews(ctx)


def booking_calls(ctx: ServiceContext, world: World, **bounds: Any) -> list[Callable[[], Any]]:
    bookings = BookingService(ctx)
    filters = BookingFilter(**bounds)
    return [
        lambda: bookings.list_bookings(world.admin, filters=filters),
        lambda: bookings.list_bookings(world.student, filters=filters),
        lambda: bookings.count_bookings(world.teacher, filters=filters),
    ]


def payment_calls(payments: PaymentViews, world: World, **bounds: Any) -> list[Callable[[], Any]]:
    return [
        lambda: payments.list_payments(world.admin, filters=PaymentFilter(**bounds)),
        lambda: payments.list_payments(world.student, filters=PaymentFilter(**bounds)),
    ]


def earnings_calls(payments: PaymentViews, world: World, **bounds: Any) -> list[Callable[[], Any]]:
    return [lambda: payments.teacher_earnings(world.teacher, **bounds)]


@pytest.mark.parametrize("bound", ["start_from", "start_to"])
def test_booking_lists_refuse_a_naive_start_bound(
    ctx: ServiceContext, world: World, bound: str
) -> None:
    for call in booking_calls(ctx, world, **{bound: NAIVE}):
        with pytest.raises(ValidationError, match="time zone"):
            call()


@pytest.mark.parametrize("bound", ["created_from", "created_to"])
def test_payment_list_refuses_a_naive_creation_bound(
    payments: PaymentViews, world: World, bound: str
) -> None:
    for call in payment_calls(payments, world, **{bound: NAIVE}):
        with pytest.raises(ValidationError, match="time zone"):
            call()


@pytest.mark.parametrize("bound", ["from_at", "to_at"])
def test_teacher_earnings_refuse_a_naive_bound(
    payments: PaymentViews, world: World, bound: str
) -> None:
    for call in earnings_calls(payments, world, **{bound: NAIVE}):
        with pytest.raises(ValidationError, match="time zone"):
            call()


def test_aware_bounds_in_any_zone_are_accepted_everywhere(
    ctx: ServiceContext, payments: PaymentViews, world: World
) -> None:
    later = AWARE + timedelta(days=30)
    calls = [
        *booking_calls(ctx, world, start_from=AWARE, start_to=later),
        *payment_calls(payments, world, created_from=AWARE, created_to=later),
        *earnings_calls(payments, world, from_at=AWARE, to_at=later),
    ]
    for call in calls:
        call()  # no bookings or payments yet: each answers (empty) instead of raising
