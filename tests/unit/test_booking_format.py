"""Wording of the booking history: every audit action the services write reads as words."""

import pytest

from linguaflex_desktop.models import PaymentStatus
from linguaflex_desktop.ui.booking.format import ACTION_TEXT, action_text


@pytest.mark.parametrize(
    ("action", "text"),
    [
        ("booking.payment_pending", "Payment started"),
        ("booking.payment_paid", "Paid"),
        ("booking.payment_failed", "Payment failed"),
        ("booking.payment_refunded", "Refunded"),
        ("booking.requested", "Requested"),
    ],
)
def test_payment_actions_read_as_words_not_generated_text(action: str, text: str) -> None:
    assert action_text(action) == text


def test_every_payment_status_transition_has_its_own_wording() -> None:
    for status in PaymentStatus:
        if status is PaymentStatus.UNPAID:
            continue  # never a target of a recorded payment transition
        action = f"booking.payment_{status.value.lower()}"
        assert action in ACTION_TEXT, f"{action} falls back to generated wording"
