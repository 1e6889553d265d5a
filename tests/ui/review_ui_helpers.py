"""Completed sessions for the review window tests, made through the real services (the
payment driven through the booking service's internal hook, as the booking tests do)."""

from __future__ import annotations

from datetime import timedelta

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from tests.conftest import FakeClock
from tests.integration.booking_helpers import set_payment
from tests.ui.booking_ui_helpers import WEDNESDAY_10_UTC, School, book


def completed_bookings(
    services: AppServices, school: School, clock: FakeClock, *, count: int = 1
) -> list[BookingDTO]:
    """``count`` one-hour sessions on Wednesday from 10:00 UTC, two hours apart, paid and
    completed; the clock is moved past the last one's end."""
    booked = []
    for index in range(count):
        booking = book(services, school, start_at=WEDNESDAY_10_UTC + timedelta(hours=2 * index))
        services.bookings.confirm_booking(school.teacher.actor, booking.id)
        set_payment(services.ctx, booking.id, PaymentStatus.PENDING, PaymentStatus.PAID)
        booked.append(booking)
    clock.set(max(clock.current, booked[-1].end_at + timedelta(minutes=5)))
    return [services.bookings.complete_booking(school.teacher.actor, b.id) for b in booked]


def completed_booking(services: AppServices, school: School, clock: FakeClock) -> BookingDTO:
    """One completed session (see ``completed_bookings``)."""
    return completed_bookings(services, school, clock)[0]
