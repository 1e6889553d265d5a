"""The cancellation policy's one rule, on plain values: what a student's "Cancel booking…"
does for each state of a booking, both sides of the exact 24-hour mark."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking.policy import (
    POLICY_TEXT,
    policy_text,
    self_refund_deadline,
    student_cancel_option,
)

START = datetime(2027, 3, 3, 10, 0, tzinfo=UTC)
S, P = BookingStatus, PaymentStatus


@dataclass(frozen=True)
class Booking:
    status: BookingStatus
    payment_status: PaymentStatus
    start_at: datetime = START
    end_at: datetime = START + timedelta(hours=1)
    payment_due_by: datetime | None = None


@pytest.mark.parametrize(
    ("status", "payment", "before", "expected"),
    [
        (S.PENDING, P.UNPAID, timedelta(hours=2), "cancel"),
        (S.CONFIRMED, P.FAILED, timedelta(hours=2), "cancel"),
        (S.CONFIRMED, P.PENDING, timedelta(hours=48), "none"),  # a payment under way
        (S.CONFIRMED, P.PAID, timedelta(hours=24, seconds=1), "refund"),
        (S.CONFIRMED, P.PAID, timedelta(hours=24), "request"),  # the exact mark: a request
        (S.CONFIRMED, P.PAID, timedelta(hours=23, minutes=59, seconds=59), "request"),
        (S.CONFIRMED, P.PAID, -timedelta(hours=2), "request"),  # over, not completed
        (S.COMPLETED, P.PAID, -timedelta(hours=2), "none"),
        (S.CANCELLED, P.REFUNDED, timedelta(hours=48), "none"),
    ],
)
def test_what_cancel_booking_does(
    status: BookingStatus, payment: PaymentStatus, before: timedelta, expected: str
) -> None:
    assert student_cancel_option(Booking(status, payment), START - before) == expected


def test_the_automatic_refund_ends_24_hours_before_the_start() -> None:
    assert self_refund_deadline(START) == datetime(2027, 3, 2, 10, 0, tzinfo=UTC)


def test_one_policy_text_names_the_24_hours_and_the_teachers_full_refund() -> None:
    assert policy_text() is POLICY_TEXT
    assert "up to 24 hours before it starts" in POLICY_TEXT
    assert "If the teacher cancels, you always get a full refund." in POLICY_TEXT
