"""The sandbox's contract check, over HTTP: requests Stripe's pinned version refuses are refused.

Every request here is sent with httpx to the in-process localstripe, so the middleware of
``sandbox_ext.contract`` really runs. Requests that break the contract on purpose carry the
probe header, so that the suite-level check (tests/stripe_contract_plugin.py) leaves them out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.sandbox_ext.contract import (
    CONTRACT_LOG_ENV,
    PROBE_HEADER,
    RECORDER,
    ContractRecord,
)
from tests.stripe_stand_ins import stand_in_client

Form = list[tuple[str, str]]


def send(
    sandbox: StripeSandbox,
    method: str,
    path: str,
    form: Form | None = None,
    *,
    version: str | None = STRIPE_API_VERSION,
    key: str | None = "contract-test-key",
    probe: bool = True,
) -> httpx.Response:
    """One request as stripe-python would send it (form-encoded, Bearer secret key)."""
    headers = {"Authorization": f"Bearer {sandbox.secret_key}"}
    if version is not None:
        headers["Stripe-Version"] = version
    if key is not None and method != "GET":
        headers["Idempotency-Key"] = key
    if probe:
        headers[PROBE_HEADER] = "1"
    url = f"{sandbox.api_base}{path}"
    if method == "GET":
        return httpx.get(url, params=form or [], headers=headers, timeout=5.0)
    return httpx.request(method, url, data=dict(form or []), headers=headers, timeout=5.0)


def error_of(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    return error


def last_record() -> ContractRecord:
    return RECORDER.records()[-1]


def intents_at(sandbox: StripeSandbox) -> int:
    return len(send(sandbox, "GET", "/v1/payment_intents").json()["data"])


GOOD_INTENT: Form = [
    ("amount", "2500"),
    ("currency", "eur"),
    ("payment_method", "pm_card_visa"),
    ("metadata[booking_id]", "41"),
]


def test_payment_method_types_on_payment_intent_create_is_refused_and_nothing_is_made(
    stripe_sandbox: StripeSandbox,
) -> None:
    response = send(
        stripe_sandbox,
        "POST",
        "/v1/payment_intents",
        [*GOOD_INTENT, ("payment_method_types[0]", "card")],
    )

    error = error_of(response)
    assert error["code"] == "payment_method_types_no_longer_supported"
    assert error["param"] == "payment_method_types"
    assert last_record().refused
    assert intents_at(stripe_sandbox) == 0


def test_payment_method_types_on_setup_intent_create_is_refused(
    stripe_sandbox: StripeSandbox,
) -> None:
    response = send(
        stripe_sandbox,
        "POST",
        "/v1/setup_intents",
        [("usage", "off_session"), ("payment_method_types[0]", "card")],
    )

    assert error_of(response)["code"] == "payment_method_types_no_longer_supported"


def test_an_unknown_nested_key_is_refused_by_its_full_name(stripe_sandbox: StripeSandbox) -> None:
    form = [*GOOD_INTENT, ("automatic_payment_methods[enabled]", "true")]
    response = send(
        stripe_sandbox,
        "POST",
        "/v1/payment_intents",
        [*form, ("automatic_payment_methods[foo]", "1")],
    )

    error = error_of(response)
    assert error["code"] == "parameter_unknown"
    assert error["param"] == "automatic_payment_methods[foo]"
    assert error["message"] == "Received unknown parameter: automatic_payment_methods[foo]"
    assert intents_at(stripe_sandbox) == 0


def test_an_enum_value_outside_the_version_is_refused(stripe_sandbox: StripeSandbox) -> None:
    response = send(stripe_sandbox, "POST", "/v1/setup_intents", [("usage", "sometimes")])

    error = error_of(response)
    assert error["code"] == "parameter_invalid_enum"
    assert error["param"] == "usage"
    assert "off_session" in error["message"] and "on_session" in error["message"]


def test_a_checkout_mode_outside_the_enum_is_refused(stripe_sandbox: StripeSandbox) -> None:
    form = [("mode", "subscriptionz"), ("currency", "eur"), ("success_url", "https://x.test/")]
    response = send(stripe_sandbox, "POST", "/v1/checkout/sessions", form)

    error = error_of(response)
    assert (error["code"], error["param"]) == ("parameter_invalid_enum", "mode")
    assert last_record().operation == "checkout.sessions.create"


def test_a_missing_required_key_is_refused(stripe_sandbox: StripeSandbox) -> None:
    form = [pair for pair in GOOD_INTENT if pair[0] != "currency"]
    response = send(stripe_sandbox, "POST", "/v1/payment_intents", form)

    error = error_of(response)
    assert (error["code"], error["param"]) == ("parameter_missing", "currency")
    assert error["message"] == "Missing required param: currency."


def test_an_integer_that_does_not_parse_is_refused(stripe_sandbox: StripeSandbox) -> None:
    form = [
        ("amount", "25.00") if name == "amount" else (name, value) for name, value in GOOD_INTENT
    ]
    error = error_of(send(stripe_sandbox, "POST", "/v1/payment_intents", form))

    assert (error["code"], error["param"]) == ("parameter_invalid_integer", "amount")


def test_a_request_with_another_version_is_refused(stripe_sandbox: StripeSandbox) -> None:
    response = send(
        stripe_sandbox, "POST", "/v1/payment_intents", GOOD_INTENT, version="2024-06-20"
    )

    error = error_of(response)
    assert error["code"] == "api_version_invalid"
    assert STRIPE_API_VERSION in error["message"]
    assert intents_at(stripe_sandbox) == 0


def test_a_request_without_a_version_is_answered_as_stripe_does_but_breaks_our_contract(
    stripe_sandbox: StripeSandbox,
) -> None:
    response = send(
        stripe_sandbox, "POST", "/v1/customers", [("email", "a@example.com")], version=None
    )

    assert response.status_code == 200, response.text  # Stripe uses the account's default
    record = last_record()
    assert [v.code for v in record.violations] == ["api_version_missing"]
    assert not record.refused


def test_a_request_with_no_key_at_all_gets_stripes_401_before_any_check(
    stripe_sandbox: StripeSandbox,
) -> None:
    before = len(RECORDER.records())
    response = httpx.post(
        f"{stripe_sandbox.api_base}/v1/payment_intents",
        data={"payment_method_types[0]": "card"},
        timeout=5.0,
    )

    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Invalid API Key provided."
    assert len(RECORDER.records()) == before  # the key guard answered before the contract


def test_a_good_request_passes_and_is_recorded_by_keys_only(stripe_sandbox: StripeSandbox) -> None:
    customer = send(
        stripe_sandbox,
        "POST",
        "/v1/customers",
        [("email", "ana@example.com"), ("name", "Ana"), ("metadata[linguaflex_user_id]", "7")],
        probe=False,
    )
    assert customer.status_code == 200, customer.text
    created = send(
        stripe_sandbox,
        "POST",
        "/v1/payment_intents",
        [*GOOD_INTENT, ("customer", customer.json()["id"])],
        key="linguaflex-pay-41-attempt",
        probe=False,
    )
    assert created.status_code == 200, created.text
    assert created.json()["status"] == "requires_confirmation"

    record = last_record()
    assert record.operation == "payment_intents.create"
    assert record.path == "/v1/payment_intents"
    assert (record.caller, record.idempotency, record.refused) == ("app", "ours", False)
    assert record.violations == ()
    assert set(record.keys) == {
        "amount",
        "currency",
        "payment_method",
        "metadata[booking_id]",
        "customer",
    }
    customer_record = RECORDER.records()[-2]
    assert customer_record.operation == "customers.create"
    assert "ana@example.com" not in customer_record.to_json()

    read = send(
        stripe_sandbox,
        "GET",
        f"/v1/payment_intents/{created.json()['id']}",
        [("expand[0]", "latest_charge")],
        probe=False,
    )
    assert read.status_code == 200
    assert (last_record().operation, last_record().path) == (
        "payment_intents.retrieve",
        "/v1/payment_intents/{id}",
    )
    assert last_record().idempotency is None


def test_an_unmapped_route_is_recorded_as_a_violation_but_passed_on(
    stripe_sandbox: StripeSandbox,
) -> None:
    response = send(stripe_sandbox, "GET", "/v1/balance")

    assert response.status_code != 400
    record = last_record()
    assert record.operation is None and not record.refused
    assert [v.code for v in record.violations] == ["route_unmapped"]


def a_setup_intent(sandbox: StripeSandbox, customer: str) -> Any:
    """A SetupIntent made by someone other than our app (our app saves cards through Checkout)."""
    client = stand_in_client(sandbox, "dashboard")
    return client.v1.setup_intents.create(params={"customer": customer, "usage": "off_session"})


def test_the_browser_and_localstripe_routes_are_recorded_without_the_app_contract(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway
) -> None:
    customer = stripe_gateway.create_customer(
        email="b@example.com", name="B", metadata={}, idempotency_key="cus-b"
    )
    seti = a_setup_intent(stripe_sandbox, customer)
    # What localstripe's Stripe.js posts (JSON, publishable key, Stripe.js's own parameters).
    body = {
        "key": stripe_sandbox.publishable_key,
        "use_stripe_sdk": True,
        "client_secret": seti.client_secret,
    }
    answer = httpx.post(
        f"{stripe_sandbox.api_base}/v1/setup_intents/{seti.id}/cancel", json=body, timeout=5.0
    )

    assert answer.status_code == 200, answer.text
    record = last_record()
    assert (record.caller, record.operation, record.problems()) == (
        "browser",
        "setup_intents.cancel",
        [],
    )
    assert "client_secret" in record.keys


def test_records_are_appended_to_the_contract_log_for_other_processes(
    stripe_sandbox: StripeSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = tmp_path / "contract.jsonl"
    monkeypatch.setenv(CONTRACT_LOG_ENV, str(log_file))

    send(stripe_sandbox, "POST", "/v1/setup_intents", [("usage", "sometimes")])

    [line] = log_file.read_text(encoding="utf-8").splitlines()
    assert ContractRecord.from_json(line) == last_record()
    assert json.loads(line)["violations"][0]["code"] == "parameter_invalid_enum"
    assert "sometimes" not in line


def test_the_gateway_sends_the_pinned_version_and_our_keys_on_every_write(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway
) -> None:
    RECORDER.clear()
    customer = stripe_gateway.create_customer(
        email="c@example.com", name="C", metadata={}, idempotency_key="cus-c"
    )
    session = stripe_gateway.create_checkout_setup_session(
        customer_id=customer,
        currency="eur",
        success_url="http://127.0.0.1:9/return/x?outcome=done",
        cancel_url="http://127.0.0.1:9/return/x?outcome=cancelled",
        metadata={"linguaflex_card_setup_id": "3"},
        idempotency_key="setup-3",
    )
    stripe_gateway.expire_checkout_session(session.id)
    card = stripe_gateway.attach_payment_method("pm_card_visa", customer)
    intent = stripe_gateway.create_payment_intent(
        amount_minor=900,
        currency="EUR",
        customer_id=customer,
        payment_method_id=card.id,
        metadata={"booking_id": "9"},
        idempotency_key="pay-9",
    )
    stripe_gateway.update_payment_intent_method(intent.id, card.id, idempotency_key="pay-9-m1")
    stripe_gateway.cancel_payment_intent(intent.id)
    stripe_gateway.detach_payment_method(card.id)
    stripe_gateway.delete_customer(customer)

    records = RECORDER.records()
    assert [r.operation for r in records if r.method != "GET"] == [
        "customers.create",
        "checkout.sessions.create",
        "checkout.sessions.expire",
        "payment_methods.attach",
        "payment_intents.create",
        "payment_intents.update",
        "payment_intents.cancel",
        "payment_methods.detach",
        "customers.delete",
    ]
    assert {r.stripe_version for r in records} == {STRIPE_API_VERSION}
    assert {r.idempotency for r in records if r.method != "GET"} == {"ours"}
    assert [r for r in records if r.problems()] == []


def test_stripe_js_confirming_a_setup_intent_still_reaches_localstripe(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway
) -> None:
    """What localstripe's Stripe.js posts for ``confirmCardSetup`` (the card page's call)."""
    customer = stripe_gateway.create_customer(
        email="d@example.com", name="D", metadata={}, idempotency_key="cus-d"
    )
    seti = a_setup_intent(stripe_sandbox, customer)
    card = {"number": "4242424242424242", "exp_month": "12", "exp_year": "2031", "cvc": "123"}
    body = {
        "key": stripe_sandbox.publishable_key,
        "use_stripe_sdk": True,
        "client_secret": seti.client_secret,
        "payment_method_data": {"type": "card", "card": card},
    }
    url = f"{stripe_sandbox.api_base}/v1/setup_intents/{seti.id}/confirm"

    answer = httpx.post(url, content=json.dumps(body), timeout=5.0)

    assert answer.status_code == 200, answer.text
    assert stripe_gateway.retrieve_setup_intent(seti.id).status == "succeeded"
    assert RECORDER.records()[-2].caller == "browser"
    assert "4242424242424242" not in RECORDER.records()[-2].to_json()
