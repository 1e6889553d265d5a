"""The cancellation policy: when a student's cancellation of a paid booking is refunded in full
automatically, and when it must be asked for. Pure: no database.

A student may cancel a PAID booking themselves while it starts MORE than ``SELF_CANCEL_NOTICE``
(24 hours) from now, and is refunded in full at once. From exactly 24 hours before the start
on, the cancellation is a request that the teacher or an admin answers: a full refund (the
booking is cancelled), a partial refund, or none (in both of those the session stays booked and
the student may still attend it: a paid booking is only ever cancelled together with its full
refund, DESIGN.md section 4). A teacher who cancels a paid booking always refunds the student
in full. The boundary follows ``rules.deadline_passed``: the automatic refund's deadline
(``start_at - SELF_CANCEL_NOTICE``) has passed from its exact instant on.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal, Protocol

from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.texts import tx

SELF_CANCEL_NOTICE = timedelta(hours=24)
# a student's or teacher's reason for cancelling a paid booking (it joins a sentence of ours)
MAX_CANCEL_REASON_LENGTH = 300

# What "Cancel booking…" does for a student's booking now: "cancel" an unpaid booking, "refund"
# a paid one in full automatically, "request" the cancellation of a paid one, or "none".
CancelOption = Literal["cancel", "refund", "request", "none"]

POLICY_TEXT = tx(
    "Cancellation policy: you can cancel a paid session yourself up to 24 hours before it "
    "starts and get a full refund automatically. Later, you can ask to cancel: the teacher or "
    "LinguaFlex decides whether you get a full, partial or no refund. If the teacher cancels, "
    "you always get a full refund."
)


class CancellableBooking(rules.BookingState, Protocol):
    """What the policy reads of a booking: a BookingDTO and the ORM row alike."""

    @property
    def start_at(self) -> datetime: ...


def policy_text() -> str:
    """The policy in one paragraph, shown before paying and on the booking."""
    return POLICY_TEXT


def self_refund_deadline(start_at: datetime) -> datetime:
    """The instant from which a student's cancellation is no longer refunded automatically."""
    return start_at - SELF_CANCEL_NOTICE


def refunds_automatically(start_at: datetime, now: datetime) -> bool:
    """More than 24 hours before the start: exactly 24 hours is already a request."""
    return not rules.deadline_passed(self_refund_deadline(start_at), now)


def is_paid_and_open(booking: CancellableBooking) -> bool:
    """A confirmed, paid session that has not been completed, cancelled or refunded."""
    return booking.status is BookingStatus.CONFIRMED and booking.payment_status is (
        PaymentStatus.PAID
    )


def student_cancel_option(booking: CancellableBooking, now: datetime) -> CancelOption:
    """What the student's "Cancel booking…" does now (module docstring)."""
    if rules.can_cancel(booking):
        return "cancel"
    if not is_paid_and_open(booking):
        return "none"
    return "refund" if refunds_automatically(booking.start_at, now) else "request"


def student_cancel_text(option: CancelOption) -> str:
    """What the cancel question tells the student about the money."""
    return {
        "cancel": "Nothing has been paid for this booking, so nothing is refunded.",
        "refund": "It starts more than 24 hours from now: you get a full refund automatically.",
        "request": (
            "It starts within 24 hours, so the cancellation must be requested: the teacher or "
            "LinguaFlex answers it and decides whether you get a full, partial or no refund."
        ),
        "none": "This booking can no longer be cancelled.",
    }[option]
