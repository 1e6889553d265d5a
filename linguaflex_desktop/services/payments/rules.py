"""The payment policy the UI asks about (pure: no database, any thread)."""

from __future__ import annotations

from linguaflex_desktop.models import PaymentAttemptStatus
from linguaflex_desktop.services.payments.dto import PaymentDTO


def can_refund(payment: PaymentDTO) -> bool:
    """A succeeded payment with money not yet refunded (an admin may refund the rest)."""
    return (
        payment.status is PaymentAttemptStatus.SUCCEEDED
        and payment.refunded_minor < payment.amount_minor
    )
