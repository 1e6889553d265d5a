"""``settle.mismatch_of``: a PaymentIntent is accepted as our payment only when its amount,
currency, booking, attempt and id all match our rows (pure: plain objects stand in for rows)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from linguaflex_desktop.adapters.stripe.types import PaymentIntentInfo
from linguaflex_desktop.services.payments.settle import mismatch_of


def rows(**payment: Any) -> tuple[Any, Any]:
    values = {"id": 7, "amount_minor": 7875, "currency": "USD", "stripe_payment_intent_id": None}
    return SimpleNamespace(**(values | payment)), SimpleNamespace(id=3, total_minor=7875)


def intent(**changes: Any) -> PaymentIntentInfo:
    values: dict[str, Any] = {
        "id": "pi_1",
        "status": "succeeded",
        "amount": 7875,
        "currency": "usd",
        "metadata": {"booking_id": "3", "payment_id": "7"},
        "client_secret": "pi_1_secret",
        "last_error_code": None,
        "last_error_message": None,
        "payment_method_id": "pm_1",
        "latest_charge_id": None,
        "amount_refunded": 0,
    }
    return PaymentIntentInfo(**(values | changes))


def test_a_matching_intent_is_accepted_whatever_the_currency_case() -> None:
    payment, booking = rows(currency="usd")
    assert mismatch_of(payment, booking, intent(currency="USD")) is None


def test_an_intent_without_a_payment_id_is_accepted_on_its_booking_id() -> None:
    payment, booking = rows(stripe_payment_intent_id="pi_1")
    assert mismatch_of(payment, booking, intent(metadata={"booking_id": "3"})) is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"amount": 7874}, "amount 7874 != 7875"),
        ({"amount": 7876}, "amount 7876 != 7875"),
        ({"currency": "eur"}, "currency eur != USD"),
        ({"metadata": {"booking_id": "4", "payment_id": "7"}}, "booking_id '4' != 3"),
        ({"metadata": {"payment_id": "7"}}, "booking_id None != 3"),
        ({"metadata": {"booking_id": "3", "payment_id": "8"}}, "payment_id '8' != 7"),
    ],
)
def test_an_intent_differing_in_one_field_is_refused_with_the_reason(
    changes: dict[str, Any], reason: str
) -> None:
    payment, booking = rows()
    assert mismatch_of(payment, booking, intent(**changes)) == reason


def test_a_payment_row_whose_amount_differs_from_the_booking_total_is_refused() -> None:
    payment, booking = rows(amount_minor=7876)
    assert mismatch_of(payment, booking, intent(amount=7876)) == "amount 7876 != 7876"


def test_an_intent_other_than_the_one_recorded_on_the_attempt_is_refused() -> None:
    payment, booking = rows(stripe_payment_intent_id="pi_1")
    assert mismatch_of(payment, booking, intent(id="pi_2")) == "payment intent pi_2 != pi_1"
