"""Checkout Sessions in setup mode: the gateway against the sandbox, the sandbox's answers as
the pinned API gives them, and its hosted card page's behaviour and safeguards (played over
HTTP here; headless Chromium drives it in tests/e2e/test_card_setup_browser.py)."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx
import pytest

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.sandbox_ext import checkout
from linguaflex_desktop.adapters.stripe.sandbox_ext.contract import PROBE_HEADER
from linguaflex_desktop.adapters.stripe.types import CheckoutSessionInfo
from linguaflex_desktop.errors import StripeRequestRefused
from tests.integration.checkout_helpers import submit_card

RETURN = "http://127.0.0.1:9/return/token"


@pytest.fixture
def customer(stripe_gateway: StripeGateway) -> str:
    return stripe_gateway.create_customer(
        email="ana@example.com", name="Ana", metadata={}, idempotency_key="checkout-test-customer"
    )


def open_session(
    gateway: StripeGateway, customer: str, key: str = "setup-1"
) -> CheckoutSessionInfo:
    return gateway.create_checkout_setup_session(
        customer_id=customer,
        currency="EUR",
        success_url=RETURN + "?outcome=done&session={CHECKOUT_SESSION_ID}",
        cancel_url=RETURN + "?outcome=cancelled",
        metadata={"linguaflex_card_setup_id": "5"},
        idempotency_key=key,
    )


PINNED = {"Stripe-Version": STRIPE_API_VERSION}  # as our gateway sends every request


def raw(sandbox: StripeSandbox, session_id: str) -> dict[str, object]:
    answer = httpx.get(
        f"{sandbox.api_base}/v1/checkout/sessions/{session_id}",
        auth=(sandbox.secret_key, ""),
        headers=PINNED,
    )
    return dict(answer.json())


# --- the gateway -----------------------------------------------------------------------------


def test_setup_session_is_open_on_the_hosted_page_for_24_hours(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    before = datetime.now(UTC)
    info = open_session(stripe_gateway, customer)

    assert info.id.startswith("cs_test_") and info.status == "open"
    assert info.url == f"{stripe_sandbox.api_base}/checkout/pay/{info.id}"
    assert info.setup_intent_id is None and info.expires_at is not None
    assert info.expires_at - before >= timedelta(hours=23, minutes=59)
    assert info.expires_at.tzinfo is UTC
    assert stripe_gateway.retrieve_checkout_session(info.id) == info
    body = raw(stripe_sandbox, info.id)
    assert (body["object"], body["mode"], body["currency"], body["customer"]) == (
        "checkout.session",
        "setup",
        "eur",
        customer,
    )
    assert body["metadata"] == {"linguaflex_card_setup_id": "5"}


def test_a_card_saved_on_the_page_completes_the_session_with_an_attached_card(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    info = open_session(stripe_gateway, customer)

    where = submit_card(info.url, "4242 4242 4242 4242", follow_to_return_page=False)

    assert where == f"{RETURN}?outcome=done&session={info.id}"  # the placeholder filled in
    done = stripe_gateway.retrieve_checkout_session(info.id)
    assert (done.status, done.url) == ("complete", "")
    assert done.setup_intent_id is not None
    intent = stripe_gateway.retrieve_setup_intent(done.setup_intent_id)
    assert intent.status == "succeeded" and intent.payment_method_id is not None
    card = stripe_gateway.retrieve_card(intent.payment_method_id)
    assert (card.last4, card.exp_month, card.exp_year, card.customer_id) == (
        "4242",
        11,
        2031,
        customer,
    )
    seti = httpx.get(
        f"{stripe_sandbox.api_base}/v1/setup_intents/{done.setup_intent_id}",
        auth=(stripe_sandbox.secret_key, ""),
        headers=PINNED,
    ).json()
    assert (seti["usage"], seti["customer"]) == ("off_session", customer)
    assert seti["metadata"] == {"linguaflex_card_setup_id": "5"}


def test_expiring_an_open_session_then_again_then_a_complete_one_never_crashes(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    open_one = open_session(stripe_gateway, customer, "a")
    complete = open_session(stripe_gateway, customer, "b")
    submit_card(complete.url, "4242424242424242", follow_to_return_page=False)

    assert stripe_gateway.expire_checkout_session(open_one.id).status == "expired"
    assert stripe_gateway.expire_checkout_session(open_one.id).status == "expired"
    kept = stripe_gateway.expire_checkout_session(complete.id)
    assert kept.status == "complete" and kept.setup_intent_id is not None


def test_unknown_session_is_refused_with_stripes_404(stripe_gateway: StripeGateway) -> None:
    with pytest.raises(StripeRequestRefused, match=r"No such checkout\.session"):
        stripe_gateway.retrieve_checkout_session("cs_test_doesnotexist")
    with pytest.raises(StripeRequestRefused, match=r"No such checkout\.session"):
        stripe_gateway.expire_checkout_session("cs_test_doesnotexist")


# --- the sandbox's API contract --------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code", "param"),
    [
        (
            {"payment_method_types[0]": "card"},
            "payment_method_types_no_longer_supported",
            "payment_method_types",
        ),
        ({"currency": None}, "parameter_missing", "currency"),
        ({"customer": "cus_nobody"}, "resource_missing", "customer"),
        ({"success_url": None}, "parameter_missing", "success_url"),
        ({"mode": "payment"}, "parameter_invalid", "mode"),
        ({"ui_mode": "embedded_page"}, "parameter_invalid", "ui_mode"),
    ],
)
def test_what_stripe_refuses_is_refused_with_its_400_shape(
    stripe_sandbox: StripeSandbox,
    customer: str,
    change: dict[str, str | None],
    code: str,
    param: str,
) -> None:
    form = {"mode": "setup", "customer": customer, "currency": "usd", "success_url": RETURN}
    form.update(change)  # type: ignore[arg-type]
    data = {key: value for key, value in form.items() if value is not None}

    answer = httpx.post(
        f"{stripe_sandbox.api_base}/v1/checkout/sessions",
        data=data,
        auth=(stripe_sandbox.secret_key, ""),
        # a request as the SDK sends it, marked as breaking the contract on purpose
        headers={"Stripe-Version": STRIPE_API_VERSION, PROBE_HEADER: "1"},
    )

    assert answer.status_code == 400
    error = answer.json()["error"]
    assert (error["type"], error["code"], error["param"]) == ("invalid_request_error", code, param)
    assert error["message"]


def test_the_api_needs_the_secret_key_but_the_page_does_not(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    info = open_session(stripe_gateway, customer)

    assert httpx.get(f"{stripe_sandbox.api_base}/v1/checkout/sessions/{info.id}").status_code == 401
    assert httpx.get(info.url).status_code == 200


def test_a_session_expires_by_itself_after_24_hours(
    stripe_gateway: StripeGateway, customer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = open_session(stripe_gateway, customer)
    later = datetime.now(UTC) + timedelta(hours=24, seconds=1)
    monkeypatch.setattr(checkout.time, "time", later.timestamp)

    assert stripe_gateway.retrieve_checkout_session(info.id).status == "expired"
    assert "has expired" in httpx.get(info.url).text


def test_sessions_are_kept_in_the_store_that_the_sandbox_pickles(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    from localstripe import resources

    info = open_session(stripe_gateway, customer)

    restored = pickle.loads(pickle.dumps(dict(resources.store)))
    assert restored[f"checkout.session:{info.id}"].status == "open"


# --- the hosted page -------------------------------------------------------------------------


def test_the_page_is_a_payment_page_with_a_strict_policy_and_no_script(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    info = open_session(stripe_gateway, customer)

    page = httpx.get(info.url)

    for text in ("LinguaFlex", "Save your card for future lessons", "Test mode", "MM / YY"):
        assert text in page.text
    for number in ("4242 4242 4242 4242", "4000 0000 0000 0002", "4000 0025 0000 3155"):
        assert number in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert "form-action 'self' http://127.0.0.1:9" in policy
    assert "<script" not in page.text
    assert page.headers["cache-control"].startswith("no-store")
    assert 'href="http' not in page.text.replace(RETURN, "")  # only relative links of its own


def test_a_foreign_host_or_a_cross_site_post_is_refused(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, customer: str
) -> None:
    info = open_session(stripe_gateway, customer)
    path = urlsplit(info.url).path
    card = {"number": "4242424242424242", "exp": "12/31", "cvc": "123", "name": "Eve"}

    assert httpx.get(info.url, headers={"Host": "evil.example"}).status_code == 421
    posted = httpx.post(info.url, data=card, headers={"Origin": "http://evil.example"})
    assert posted.status_code == 403
    assert httpx.post(f"{stripe_sandbox.api_base}{path}", data=card).status_code == 403
    assert stripe_gateway.retrieve_checkout_session(info.id).status == "open"


def test_a_declined_card_is_shown_and_dropped_and_the_session_stays_open(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    from localstripe import resources

    info = open_session(stripe_gateway, customer)
    cards_before = [k for k in resources.store if k.startswith("payment_method:")]

    where = submit_card(info.url, "4000000000000002", follow_to_return_page=False)

    page = httpx.get(info.url.rsplit("/checkout", 1)[0] + where)
    assert "Your card was declined." in page.text
    assert "4000000000000002" not in page.text  # (the listing prints it spaced)
    assert [k for k in resources.store if k.startswith("payment_method:")] == cards_before
    assert stripe_gateway.retrieve_checkout_session(info.id).status == "open"


@pytest.mark.parametrize(
    ("number", "expiry", "cvc", "error"),
    [
        ("5555 5555 5555", "12/31", "123", "incomplete_number"),
        ("5555 5555 5555 4445", "12/31", "123", "invalid_number"),
        ("5555 5555 5555 4444", "13/31", "123", "invalid_expiry"),
        ("5555 5555 5555 4444", "01/20", "123", "expired_card"),
        ("5555 5555 5555 4444", "12/31", "12", "incomplete_cvc"),
    ],
)
def test_the_form_says_what_is_wrong_without_echoing_the_number(
    stripe_gateway: StripeGateway, customer: str, number: str, expiry: str, cvc: str, error: str
) -> None:
    info = open_session(stripe_gateway, customer)
    origin = info.url.rsplit("/checkout", 1)[0]
    form = {"number": number, "exp": expiry, "cvc": cvc, "name": "Ana"}

    answer = httpx.post(info.url, data=form, headers={"Origin": origin})

    assert answer.status_code == 303 and answer.headers["location"].endswith(f"?error={error}")
    shown = httpx.get(origin + answer.headers["location"]).text
    assert "id='error'" in shown
    assert number not in shown and number.replace(" ", "") not in shown


def test_an_expired_session_page_says_so_and_takes_no_card(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    info = open_session(stripe_gateway, customer)
    stripe_gateway.expire_checkout_session(info.id)
    origin = info.url.rsplit("/checkout", 1)[0]

    assert "This checkout session has expired" in httpx.get(info.url).text
    card = {"number": "4242424242424242", "exp": "12/31", "cvc": "123", "name": "Ana"}
    httpx.post(info.url, data=card, headers={"Origin": origin})
    assert stripe_gateway.retrieve_checkout_session(info.id).status == "expired"


def test_card_0341_is_saved_on_the_page_then_declined_when_charged(
    stripe_gateway: StripeGateway, customer: str
) -> None:
    info = open_session(stripe_gateway, customer)
    submit_card(info.url, "4000 0000 0000 0341", follow_to_return_page=False)
    done = stripe_gateway.retrieve_checkout_session(info.id)
    assert done.status == "complete" and done.setup_intent_id is not None
    card_id = stripe_gateway.retrieve_setup_intent(done.setup_intent_id).payment_method_id
    assert card_id is not None

    intent = stripe_gateway.create_payment_intent(
        amount_minor=7875,
        currency="eur",
        customer_id=customer,
        payment_method_id=card_id,
        metadata={"booking_id": "3"},
        idempotency_key="pay-3-1",
    )
    charged = stripe_gateway.confirm_payment_intent(intent.id, idempotency_key="confirm-3-1")

    assert charged.declined and charged.last_error_code == "card_declined"
