"""The payment policy the UI asks about (pure: no database, any thread)."""

from __future__ import annotations

from linguaflex_desktop.models import BookingStatus, PaymentAttemptStatus, PaymentStatus
from linguaflex_desktop.services.booking.rules import BookingState
from linguaflex_desktop.services.payments.dto import PaymentDTO


def can_refund(payment: PaymentDTO) -> bool:
    """A succeeded payment with money not yet refunded (an admin may refund the rest)."""
    return (
        payment.status is PaymentAttemptStatus.SUCCEEDED
        and payment.refunded_minor < payment.amount_minor
    )


def can_continue_payment(booking: BookingState) -> bool:
    """A payment attempt is open on a confirmed booking (e.g. waiting for the bank's 3-D
    Secure check): the student may continue the verification or cancel the attempt."""
    return (
        booking.status is BookingStatus.CONFIRMED
        and booking.payment_status is PaymentStatus.PENDING
    )
