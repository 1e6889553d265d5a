"""The gateway's mapping of Stripe SDK errors: only an answer that surely made nothing (4xx
other than 409/429) is a ``StripeRequestRefused``; no answer, 5xx, 429, 409 and idempotency
errors stay "outcome unknown" (a plain ``ExternalServiceError``)."""

from __future__ import annotations

from typing import Any

import pytest
import stripe

from linguaflex_desktop.adapters.stripe.errors import Declined, Gone, stripe_error_to_ours
from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    PaymentDeclined,
    StripeRequestRefused,
)


def body(message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", **extra}}


def invalid(status: int, message: str = "Unexpected description") -> stripe.StripeError:
    return stripe.InvalidRequestError(
        message, None, http_status=status, json_body=body(message), code=None
    )


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (invalid(400), "Unexpected description"),
        (invalid(404, "No such customer: 'cus_gone'"), "No such customer: 'cus_gone'"),
        (
            stripe.PermissionError(
                "Key is restricted", http_status=403, json_body=body("Key is restricted")
            ),
            "Key is restricted",
        ),
    ],
    ids=["400", "404", "403"],
)
def test_a_4xx_answer_is_a_refusal_with_stripes_message(
    error: stripe.StripeError, said: str
) -> None:
    ours = stripe_error_to_ours(error)

    assert isinstance(ours, StripeRequestRefused)
    assert isinstance(ours, ExternalServiceError)  # callers catching the parent still work
    assert ours.stripe_message == said
    assert said in str(ours)


@pytest.mark.parametrize(
    "error",
    [
        stripe.APIConnectionError("connection reset"),
        stripe.APIError("internal", http_status=500),
        stripe.APIError("bad gateway", http_status=502),
        stripe.RateLimitError("slow down", http_status=429),
        stripe.InvalidRequestError("lock", None, http_status=429, json_body=body("lock")),
        stripe.InvalidRequestError("in use", None, http_status=409, json_body=body("in use")),
        stripe.IdempotencyError("key reused", http_status=400, json_body=body("key reused")),
    ],
    ids=["no answer", "500", "502", "429", "429 invalid", "409", "idempotency"],
)
def test_no_answer_5xx_429_409_and_idempotency_errors_are_not_refusals(
    error: stripe.StripeError,
) -> None:
    ours = stripe_error_to_ours(error)

    assert type(ours) is ExternalServiceError


def test_the_404_of_a_detach_counts_as_gone_only_where_the_caller_accepts_it() -> None:
    assert isinstance(stripe_error_to_ours(invalid(404), gone_ok=True), Gone)
    assert isinstance(stripe_error_to_ours(invalid(404)), StripeRequestRefused)


def test_card_errors_and_bad_keys_keep_their_own_errors() -> None:
    declined = stripe.CardError("Your card was declined.", None, "card_declined", http_status=402)

    assert isinstance(stripe_error_to_ours(declined), PaymentDeclined)
    raw = stripe_error_to_ours(declined, card_errors_raise=False)
    assert isinstance(raw, Declined) and raw.code == "card_declined"
    bad_key = stripe.AuthenticationError("Invalid API Key", http_status=401)
    assert isinstance(stripe_error_to_ours(bad_key), ConfigurationError)
