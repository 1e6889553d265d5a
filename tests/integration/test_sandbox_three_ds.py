"""The sandbox answers 3-D Secure as Stripe does for a server-side confirm with ``return_url``
(``sandbox_ext.three_ds``): ``redirect_to_url`` to a hosted page on its own origin, which
records the answer through localstripe's own logic and sends the browser back to the
``return_url`` with ``payment_intent`` and ``payment_intent_client_secret`` appended."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import stripe

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.types import PaymentIntentInfo
from linguaflex_desktop.errors import StripeRequestRefused
from tests.stripe_stand_ins import stand_in_client

RETURN_URL = "http://127.0.0.1:9/return/token-1"
SECURE_CARD = "4000002500003155"


@pytest.fixture
def client(stripe_sandbox: StripeSandbox) -> stripe.StripeClient:
    """Stripe's API as another client than our app sees it (checked against the pinned
    version, without our idempotency keys)."""
    return stand_in_client(stripe_sandbox, "dashboard")


@pytest.fixture
def customer(stripe_gateway: StripeGateway) -> str:
    return stripe_gateway.create_customer(
        email="maya@example.com", name="Maya", metadata={}, idempotency_key="customer-maya"
    )


def secure_card(client: stripe.StripeClient, gateway: StripeGateway, customer: str) -> str:
    card = {"number": SECURE_CARD, "exp_month": 12, "exp_year": 2031, "cvc": "123"}
    method = client.v1.payment_methods.create(params={"type": "card", "card": card})  # type: ignore[typeddict-item]
    return gateway.attach_payment_method(method.id, customer).id


def waiting_intent(
    client: stripe.StripeClient, gateway: StripeGateway, customer: str, return_url: str = RETURN_URL
) -> PaymentIntentInfo:
    intent = gateway.create_payment_intent(
        amount_minor=7875,
        currency="usd",
        customer_id=customer,
        payment_method_id=secure_card(client, gateway, customer),
        metadata={"booking_id": "7"},
        idempotency_key="pay-7-1",
    )
    return gateway.confirm_payment_intent(
        intent.id, idempotency_key="pay-7-1-confirm", return_url=return_url
    )


def answer(
    sandbox: StripeSandbox, url: str, outcome: str, origin: str | None = None
) -> httpx.Response:
    return httpx.post(
        url,
        data={"outcome": outcome},
        headers={"Origin": origin if origin is not None else sandbox.api_base},
        follow_redirects=False,
        timeout=5,
    )


def test_confirm_with_return_url_answers_redirect_to_url_on_the_sandbox_origin(
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    client: stripe.StripeClient,
    customer: str,
) -> None:
    intent = waiting_intent(client, stripe_gateway, customer)

    raw = client.v1.payment_intents.retrieve(intent.id).to_dict()
    assert intent.status == "requires_action"
    assert raw["next_action"]["type"] == "redirect_to_url"
    assert raw["next_action"]["redirect_to_url"]["return_url"] == RETURN_URL
    assert intent.next_action_url == raw["next_action"]["redirect_to_url"]["url"]
    assert intent.next_action_url.startswith(f"{stripe_sandbox.api_base}/3ds/{intent.id}/")
    page = httpx.get(intent.next_action_url, timeout=5)  # key-less: the token authorises
    assert page.status_code == 200
    assert "Test mode" in page.text and "78.75 USD" in page.text and "LinguaFlex" in page.text
    assert "Complete authentication" in page.text and "Fail authentication" in page.text
    assert "<script" not in page.text
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"].startswith("no-store")


def test_a_card_needing_authentication_without_return_url_is_refused(
    stripe_gateway: StripeGateway, client: stripe.StripeClient, customer: str
) -> None:
    intent = stripe_gateway.create_payment_intent(
        amount_minor=500,
        currency="usd",
        customer_id=customer,
        payment_method_id=secure_card(client, stripe_gateway, customer),
        metadata={},
        idempotency_key="pay-8-1",
    )

    with pytest.raises(StripeRequestRefused, match="A return_url must be specified"):
        stripe_gateway.confirm_payment_intent(intent.id, idempotency_key="pay-8-1-confirm")
    assert stripe_gateway.retrieve_payment_intent(intent.id).status == "requires_confirmation"


def test_completing_sends_the_browser_back_with_stripes_parameters(
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    client: stripe.StripeClient,
    customer: str,
) -> None:
    intent = waiting_intent(client, stripe_gateway, customer, f"{RETURN_URL}?outcome=done")
    assert intent.next_action_url is not None

    answered = answer(stripe_sandbox, intent.next_action_url, "complete")

    assert answered.status_code == 303
    location = urlsplit(answered.headers["Location"])
    query = parse_qs(location.query)
    assert f"{location.scheme}://{location.netloc}{location.path}" == RETURN_URL
    assert query["outcome"] == ["done"]
    assert query["payment_intent"] == [intent.id]
    assert query["payment_intent_client_secret"] == [intent.client_secret]
    assert stripe_gateway.retrieve_payment_intent(intent.id).status == "succeeded"
    again = httpx.get(intent.next_action_url, timeout=5)
    assert "Verification finished" in again.text and "Complete authentication" not in again.text
    assert answer(stripe_sandbox, intent.next_action_url, "fail").status_code == 200
    assert stripe_gateway.retrieve_payment_intent(intent.id).status == "succeeded"


def test_failing_leaves_the_intent_needing_a_new_card_as_stripe_does(
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    client: stripe.StripeClient,
    customer: str,
) -> None:
    intent = waiting_intent(client, stripe_gateway, customer)
    assert intent.next_action_url is not None

    answered = answer(stripe_sandbox, intent.next_action_url, "fail")

    assert answered.status_code == 303
    failed = stripe_gateway.retrieve_payment_intent(intent.id)
    assert failed.status == "requires_payment_method"
    assert failed.last_error_code == "payment_intent_authentication_failure"
    assert failed.next_action_url is None
    visa = stripe_gateway.attach_payment_method("pm_card_visa", customer)
    retried = client.v1.payment_intents.confirm(
        intent.id, params={"payment_method": visa.id, "return_url": RETURN_URL}
    )
    assert retried.status == "succeeded"


def test_the_page_refuses_other_origins_wrong_tokens_and_bad_answers(
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    client: stripe.StripeClient,
    customer: str,
) -> None:
    intent = waiting_intent(client, stripe_gateway, customer)
    url = str(intent.next_action_url)
    forged = url[: url.rindex("/") + 1] + "x" * 43

    assert answer(stripe_sandbox, url, "complete", origin="http://evil.example").status_code == 403
    assert answer(stripe_sandbox, url, "complete", origin="").status_code == 403
    assert answer(stripe_sandbox, url, "maybe").status_code == 400
    assert httpx.get(forged, timeout=5).status_code == 404
    assert answer(stripe_sandbox, forged, "complete").status_code == 404
    assert stripe_gateway.retrieve_payment_intent(intent.id).status == "requires_action"


def test_a_waiting_intent_can_be_cancelled_and_its_page_then_authorises_nothing(
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    client: stripe.StripeClient,
    customer: str,
) -> None:
    intent = waiting_intent(client, stripe_gateway, customer)

    canceled = stripe_gateway.cancel_payment_intent(intent.id, idempotency_key="pay-7-1-cancel")

    assert canceled.status == "canceled"
    assert answer(stripe_sandbox, str(intent.next_action_url), "complete").status_code == 200
    assert stripe_gateway.retrieve_payment_intent(intent.id).status == "canceled"


def test_create_with_confirm_takes_return_url_and_refuses_it_without_confirm(
    stripe_gateway: StripeGateway, client: stripe.StripeClient, customer: str
) -> None:
    card = secure_card(client, stripe_gateway, customer)
    params = {"amount": 900, "currency": "eur", "customer": customer, "payment_method": card}

    created = client.v1.payment_intents.create(
        params={**params, "confirm": True, "return_url": RETURN_URL}  # type: ignore[typeddict-item]
    )

    assert created.status == "requires_action" and created.next_action is not None
    assert created.next_action.type == "redirect_to_url"
    with pytest.raises(stripe.InvalidRequestError, match="return_url"):
        client.v1.payment_intents.create(params={**params, "return_url": RETURN_URL})  # type: ignore[typeddict-item]


def test_off_session_on_a_card_needing_authentication_is_declined_authentication_required(
    stripe_gateway: StripeGateway, client: stripe.StripeClient, customer: str
) -> None:
    card = secure_card(client, stripe_gateway, customer)

    with pytest.raises(stripe.CardError) as declined:
        client.v1.payment_intents.create(
            params={
                "amount": 900,
                "currency": "eur",
                "customer": customer,
                "payment_method": card,
                "confirm": True,
                "off_session": True,
            }
        )

    assert declined.value.code == "authentication_required"
