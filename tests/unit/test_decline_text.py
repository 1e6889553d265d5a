"""The student never reads Stripe's wording for a failed payment: one plain sentence."""

from __future__ import annotations

import pytest

from linguaflex_desktop.services.payments.decline_text import (
    AUTHENTICATION_FAILED,
    DECLINED,
    NOT_COMPLETED,
    decline_message,
)


@pytest.mark.parametrize(
    ("code", "decline_code", "expected"),
    [
        ("payment_intent_authentication_failure", None, AUTHENTICATION_FAILED),
        ("card_declined", "authentication_required", AUTHENTICATION_FAILED),
        (
            "card_declined",
            "insufficient_funds",
            "Your card has insufficient funds. Use another card.",
        ),
        ("card_declined", "stolen_card", DECLINED),  # never told why
        ("card_declined", "fraudulent", DECLINED),
        ("card_declined", None, "Your card was declined."),
        ("expired_card", None, "Your card has expired. Use another card."),
        ("incorrect_cvc", None, "Your card's security code was not accepted. Use another card."),
        ("some_future_code", None, DECLINED),
        (None, None, NOT_COMPLETED),
    ],
)
def test_each_stripe_code_reads_as_a_plain_sentence(
    code: str | None, decline_code: str | None, expected: str
) -> None:
    assert decline_message(code, decline_code) == expected


def test_the_failed_check_is_worded_for_a_person() -> None:
    assert AUTHENTICATION_FAILED == (
        "Your bank could not confirm it was you. Try again or use another card."
    )
    assert "PaymentMethod" not in AUTHENTICATION_FAILED
