"""The Stripe gateway and the sandbox, against a real in-process localstripe."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import stripe

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway, open_payments_gateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    PaymentDeclined,
    StripeRequestRefused,
)
from tests.stripe_stand_ins import stand_in_client


def raw_client(sandbox: StripeSandbox) -> stripe.StripeClient:
    """Direct SDK access, only to play the browser's part (cards are never sent by our code)."""
    return stand_in_client(sandbox, "browser")


def card_payment_method(sandbox: StripeSandbox, number: str) -> str:
    params = {
        "type": "card",
        "card": {"number": number, "exp_month": 12, "exp_year": 2031, "cvc": "123"},
    }
    return raw_client(sandbox).v1.payment_methods.create(params=params).id  # type: ignore[arg-type]


@pytest.fixture
def customer(stripe_gateway: StripeGateway) -> str:
    return stripe_gateway.create_customer(
        email="ana@example.com",
        name="Ana",
        metadata={"linguaflex_user_id": "7"},
        idempotency_key="customer-7",
    )


def paid_intent(gateway: StripeGateway, customer: str, amount: int = 7875) -> str:
    card = gateway.attach_payment_method("pm_card_visa", customer)
    intent = gateway.create_payment_intent(
        amount_minor=amount,
        currency="USD",
        customer_id=customer,
        payment_method_id=card.id,
        metadata={"booking_id": "41"},
        idempotency_key="pay-41-1",
    )
    confirmed = gateway.confirm_payment_intent(intent.id, idempotency_key="confirm-41-1")
    assert confirmed.status == "succeeded"
    return confirmed.id


# --- customers and cards ------------------------------------------------------------------


def test_attached_card_is_listed_with_brand_last4_and_expiry(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    card = stripe_gateway.attach_payment_method("pm_card_visa", customer)

    assert card.customer_id == customer
    assert (card.brand, card.last4, card.exp_month, card.exp_year) == ("visa", "4242", 12, 2030)
    assert stripe_gateway.list_cards(customer) == (card,)
    assert stripe_gateway.retrieve_card(card.id) == card


def test_detached_card_leaves_the_list_and_detaching_twice_is_harmless(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    card = stripe_gateway.attach_payment_method("pm_card_visa", customer)

    stripe_gateway.detach_payment_method(card.id)
    stripe_gateway.detach_payment_method(card.id)

    assert stripe_gateway.list_cards(customer) == ()
    assert stripe_gateway.retrieve_card(card.id).customer_id is None


def test_card_declined_on_attach_raises_payment_declined_with_stripes_message(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    declined = card_payment_method(stripe_sandbox, "4000000000000002")

    with pytest.raises(PaymentDeclined, match="Your card was declined"):
        stripe_gateway.attach_payment_method(declined, customer)


def test_unknown_object_is_an_external_service_error_with_stripes_message(
    stripe_gateway: StripeGateway,
) -> None:
    with pytest.raises(ExternalServiceError, match="Stripe refused the request: Not Found"):
        stripe_gateway.retrieve_setup_intent("seti_doesnotexist")


# --- payment intents and refunds -------------------------------------------------------------


def test_payment_with_4242_succeeds_with_amount_currency_and_metadata(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    card = stripe_gateway.attach_payment_method("pm_card_visa", customer)
    created = stripe_gateway.create_payment_intent(
        amount_minor=7875,
        currency="USD",
        customer_id=customer,
        payment_method_id=card.id,
        metadata={"booking_id": "41"},
        idempotency_key="pay-41-1",
    )
    confirmed = stripe_gateway.confirm_payment_intent(created.id, idempotency_key="c-41-1")

    assert created.status == "requires_confirmation"
    assert created.client_secret.startswith(created.id)
    assert confirmed.status == "succeeded"
    assert (confirmed.amount, confirmed.currency) == (7875, "usd")
    assert confirmed.metadata == {"booking_id": "41"}
    assert confirmed.payment_method_id == card.id
    assert confirmed.latest_charge_id is not None and confirmed.latest_charge_id.startswith("ch_")
    assert not confirmed.declined
    assert stripe_gateway.retrieve_payment_intent(created.id).status == "succeeded"


def test_declined_payment_comes_back_as_intent_with_stripes_message(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    card = stripe_gateway.attach_payment_method("pm_card_chargeCustomerFail", customer)
    created = stripe_gateway.create_payment_intent(
        amount_minor=500,
        currency="usd",
        customer_id=customer,
        payment_method_id=card.id,
        metadata={"booking_id": "42"},
        idempotency_key="pay-42-1",
    )

    declined = stripe_gateway.confirm_payment_intent(created.id, idempotency_key="c-42-1")

    assert declined.declined
    assert declined.status == "requires_payment_method"
    assert declined.last_error_code == "card_declined"
    assert declined.last_error_message == "Your card was declined."


RETURN_URL = "http://127.0.0.1:9/return/token"


def fail_three_d_secure(sandbox: StripeSandbox, client_secret: str) -> None:
    """Play the browser's "Fail authentication" (what localstripe's Stripe.js posts)."""
    intent_id = client_secret.split("_secret_")[0]
    response = httpx.post(
        f"{sandbox.api_base}/v1/payment_intents/{intent_id}/_authenticate?success=false",
        json={"key": sandbox.publishable_key, "client_secret": client_secret},
    )
    response.raise_for_status()


def test_failed_authentication_can_be_retried_with_another_card(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    secure = stripe_gateway.attach_payment_method(
        card_payment_method(stripe_sandbox, "4000002500003155"), customer
    )
    good = stripe_gateway.attach_payment_method("pm_card_visa", customer)
    intent = stripe_gateway.create_payment_intent(
        amount_minor=500,
        currency="usd",
        customer_id=customer,
        payment_method_id=secure.id,
        metadata={},
        idempotency_key="pay-43-1",
    )
    needs_action = stripe_gateway.confirm_payment_intent(
        intent.id, idempotency_key="c-43-1", return_url=RETURN_URL
    )
    fail_three_d_secure(stripe_sandbox, needs_action.client_secret)

    failed = stripe_gateway.retrieve_payment_intent(intent.id)
    assert failed.declined
    assert failed.last_error_code == "payment_intent_authentication_failure"

    updated = stripe_gateway.update_payment_intent_method(
        intent.id, good.id, idempotency_key="pay-43-1-method-1"
    )
    retried = stripe_gateway.confirm_payment_intent(intent.id, idempotency_key="c-43-2")

    assert updated.status == "requires_confirmation"
    assert retried.status == "succeeded"


def test_three_d_secure_card_needs_action_and_the_intent_can_be_cancelled(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    card = stripe_gateway.attach_payment_method(
        card_payment_method(stripe_sandbox, "4000002500003155"), customer
    )
    intent = stripe_gateway.create_payment_intent(
        amount_minor=900,
        currency="eur",
        customer_id=customer,
        payment_method_id=card.id,
        metadata={},
        idempotency_key="pay-44-1",
    )

    with pytest.raises(StripeRequestRefused, match="A return_url must be specified"):
        stripe_gateway.confirm_payment_intent(intent.id, idempotency_key="c-44-0")
    confirmed = stripe_gateway.confirm_payment_intent(
        intent.id, idempotency_key="c-44-1", return_url=RETURN_URL
    )

    assert confirmed.status == "requires_action"
    assert confirmed.client_secret
    assert confirmed.next_action_url is not None
    assert confirmed.next_action_url.startswith(f"{stripe_sandbox.api_base}/3ds/{intent.id}/")
    canceled = stripe_gateway.cancel_payment_intent(intent.id, idempotency_key="pay-44-1-cancel")
    assert canceled.status == "canceled" and canceled.next_action_url is None


def test_partial_then_full_refund_is_tracked_by_amount_refunded(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    paid = paid_intent(stripe_gateway, customer, amount=7875)

    partial = stripe_gateway.create_refund(
        payment_intent_id=paid, amount_minor=1875, idempotency_key="refund-1"
    )
    assert (partial.status, partial.amount) == ("succeeded", 1875)
    assert stripe_gateway.amount_refunded(paid) == 1875

    rest = stripe_gateway.create_refund(
        payment_intent_id=paid, amount_minor=6000, idempotency_key="refund-2"
    )
    assert stripe_gateway.retrieve_refund(rest.id) == rest
    assert stripe_gateway.amount_refunded(paid) == 7875
    assert stripe_gateway.retrieve_payment_intent(paid).amount_refunded == 7875


def test_refunding_a_failed_payment_is_refused_with_stripes_message(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    card = stripe_gateway.attach_payment_method("pm_card_chargeCustomerFail", customer)
    intent = stripe_gateway.create_payment_intent(
        amount_minor=500,
        currency="usd",
        customer_id=customer,
        payment_method_id=card.id,
        metadata={},
        idempotency_key="pay-45-1",
    )
    stripe_gateway.confirm_payment_intent(intent.id, idempotency_key="c-45-1")

    with pytest.raises(ExternalServiceError, match="Cannot refund a failed payment"):
        stripe_gateway.create_refund(
            payment_intent_id=intent.id, amount_minor=100, idempotency_key="refund-3"
        )


# --- modes and failures ----------------------------------------------------------------------


def dead_gateway(
    port: int, *, secret_key: str = "sk_test_x", timeout: float = 0.5
) -> StripeGateway:
    return StripeGateway(
        secret_key=secret_key,
        publishable_key="pk_test_x",
        api_base=f"http://127.0.0.1:{port}",
        max_network_retries=0,
        timeout_seconds=timeout,
    )


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers (Stripe timing out)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield int(listener.getsockname()[1])


def test_unreachable_stripe_raises_a_clear_error_quickly(closed_port: int) -> None:
    started = time.monotonic()

    with pytest.raises(ExternalServiceError, match=r"could not be reached.*Nothing was charged"):
        dead_gateway(closed_port).create_customer(
            email="a@example.com", name="A", metadata={}, idempotency_key="customer-a"
        )

    assert time.monotonic() - started < 2.0


def test_stripe_timing_out_raises_a_clear_error_after_the_timeout(silent_port: int) -> None:
    started = time.monotonic()

    with pytest.raises(ExternalServiceError, match="could not be reached"):
        dead_gateway(silent_port, timeout=0.3).retrieve_payment_intent("pi_123")

    assert 0.25 <= time.monotonic() - started < 3.0


def test_test_card_ids_are_refused_with_live_keys_before_any_request(closed_port: int) -> None:
    live = StripeGateway(secret_key="sk_live_x", publishable_key="pk_live_x", max_network_retries=0)

    assert not live.is_test_mode
    with pytest.raises(ConfigurationError, match="test cards"):
        live.attach_payment_method("pm_card_visa", "cus_123")


def test_test_mode_is_on_for_test_keys_and_the_sandbox(stripe_gateway: StripeGateway) -> None:
    real_test = StripeGateway(secret_key="sk_test_abc", publishable_key="pk_test_abc")

    assert stripe_gateway.is_test_mode and stripe_gateway.is_sandbox
    assert real_test.is_test_mode and not real_test.is_sandbox


# --- the sandbox itself ----------------------------------------------------------------------


def test_sandbox_listens_on_loopback_and_serves_its_stripe_js(
    stripe_sandbox: StripeSandbox,
) -> None:
    assert stripe_sandbox.api_base.startswith("http://127.0.0.1:")
    response = httpx.get(stripe_sandbox.js_url)
    assert response.status_code == 200
    assert "confirmCardSetup" in response.text


def test_sandbox_keeps_its_state_in_the_data_folder(
    stripe_sandbox: StripeSandbox, customer: str
) -> None:
    state = Path(stripe_sandbox._pickle_path)

    assert state.parent.name == "stripe-sandbox"
    assert state.is_file() and state.stat().st_size > 0
    assert customer.encode() in state.read_bytes()


def test_second_sandbox_in_the_process_shares_the_running_server(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, tmp_path: Path, customer: str
) -> None:
    second = StripeSandbox(tmp_path)

    assert second.start() == stripe_sandbox.api_base
    second.stop()

    assert stripe_gateway.list_cards(customer) == ()  # the first handle still works


def test_reset_forgets_everything(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    stripe_sandbox.reset()

    with pytest.raises(ExternalServiceError, match="Not Found"):
        stripe_gateway.list_cards(customer)


def test_without_keys_the_app_opens_the_sandbox_and_with_keys_real_stripe(
    stripe_sandbox: StripeSandbox, tmp_path: Path
) -> None:
    settings = load_settings(data_dir=tmp_path, environ={})
    keyed = load_settings(
        data_dir=tmp_path,
        environ={"STRIPE_SECRET_KEY": "sk_test_k", "STRIPE_PUBLISHABLE_KEY": "pk_test_k"},
    )

    gateway, sandbox = open_payments_gateway(settings)
    try:
        assert sandbox is not None and gateway.is_sandbox and gateway.is_test_mode
        assert gateway.publishable_key == sandbox.publishable_key
        assert gateway.create_customer(
            email="a@example.com", name="A", metadata={}, idempotency_key="customer-a"
        )
    finally:
        assert sandbox is not None
        sandbox.stop()
    real, no_sandbox = open_payments_gateway(keyed)
    assert no_sandbox is None and not real.is_sandbox
