"""Who the sandbox answers (real HTTP to the in-process sandbox): only ``Host:
127.0.0.1:PORT``, for the API and the pages alike; the API only with the folder's own secret
key (401 in Stripe's shape otherwise, and nothing happens); the Stripe.js stand-in's browser
calls only with the folder's publishable key; the identity answer proves the key without
showing it."""

from __future__ import annotations

import json
import secrets
from urllib.parse import urlsplit

import httpx
import pytest

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.sandbox_guard import IDENTITY_PATH, identity_proof
from linguaflex_desktop.errors import ConfigurationError

PATHS = ["/v1/customers", "/js.stripe.com/v3/", "/checkout/cs_test_unguessable", IDENTITY_PATH]


def _port(sandbox: StripeSandbox) -> int:
    port = urlsplit(sandbox.api_base).port
    assert port is not None
    return port


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "host", ["evil.example:{port}", "localhost:{port}", "127.0.0.1", "127.0.0.1:1", "[::1]:{port}"]
)
def test_a_foreign_host_is_refused_for_the_api_and_the_pages(
    stripe_sandbox: StripeSandbox, host: str, path: str
) -> None:
    response = httpx.get(
        f"{stripe_sandbox.api_base}{path}",
        headers={
            "Host": host.format(port=_port(stripe_sandbox)),
            "Authorization": f"Bearer {stripe_sandbox.secret_key}",
        },
    )

    assert response.status_code == 421
    assert response.text == "Misdirected Request"  # nothing about the sandbox or its data


def test_the_own_host_with_the_folders_key_is_answered(stripe_sandbox: StripeSandbox) -> None:
    response = httpx.get(
        f"{stripe_sandbox.api_base}/v1/customers",
        headers={
            "Authorization": f"Bearer {stripe_sandbox.secret_key}",
            "Stripe-Version": STRIPE_API_VERSION,
        },
    )

    assert response.status_code == 200
    assert httpx.get(stripe_sandbox.js_url).status_code == 200  # the stand-in needs no key


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer sk_test_linguaflex_sandbox", "Bearer sk_test_{other}", "Basic c2tfdGVzdF94Og=="],
    ids=["missing", "old-public-constant", "random", "basic-other"],
)
def test_any_other_secret_key_gets_401_in_stripes_shape(
    stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway, authorization: str | None
) -> None:
    headers = {}
    if authorization:
        headers["Authorization"] = authorization.format(other=secrets.token_urlsafe(32))
    customer = stripe_gateway.create_customer(
        email="a@example.com", name="A", metadata={}, idempotency_key="sandbox_guard-customer-1"
    )

    listed = httpx.get(f"{stripe_sandbox.api_base}/v1/customers", headers=headers)
    wiped = httpx.delete(f"{stripe_sandbox.api_base}/_config/data", headers=headers)

    for response in (listed, wiped):
        assert response.status_code == 401
        assert response.json() == {
            "error": {"type": "invalid_request_error", "message": "Invalid API Key provided."}
        }
    assert "a@example.com" not in listed.text
    assert stripe_gateway.list_cards(customer) == ()  # the refused reset changed nothing


def test_the_folders_secret_key_sent_as_basic_auth_is_accepted(
    stripe_sandbox: StripeSandbox,
) -> None:
    response = httpx.get(
        f"{stripe_sandbox.api_base}/v1/customers",
        auth=(stripe_sandbox.secret_key, ""),
        headers={"Stripe-Version": STRIPE_API_VERSION},  # as our gateway sends every request
    )

    assert response.status_code == 200


def test_the_publishable_key_opens_only_the_browser_routes(stripe_sandbox: StripeSandbox) -> None:
    token_url = f"{stripe_sandbox.api_base}/v1/tokens"
    card = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2040, "cvc": "123"}

    def token_with(key: str) -> httpx.Response:  # as the Stripe.js stand-in sends it
        return httpx.post(token_url, content=json.dumps({"card": card, "key": key}))

    own = token_with(stripe_sandbox.publishable_key)
    other = token_with("pk_test_someone_else")
    as_secret = httpx.get(
        f"{stripe_sandbox.api_base}/v1/customers",
        headers={"Authorization": f"Bearer {stripe_sandbox.publishable_key}"},
    )

    assert own.status_code == 200 and own.json()["id"].startswith("tok_")
    assert other.status_code == 401
    assert as_secret.status_code == 401


def test_a_gateway_with_another_key_is_told_the_key_is_refused(
    stripe_sandbox: StripeSandbox,
) -> None:
    stranger = StripeGateway(
        secret_key="sk_test_" + secrets.token_urlsafe(32),
        publishable_key=stripe_sandbox.publishable_key,
        api_base=stripe_sandbox.api_base,
        max_network_retries=0,
    )

    with pytest.raises(ConfigurationError, match="refused the API key"):
        stranger.create_customer(
            email="b@example.com", name="B", metadata={}, idempotency_key="sandbox_guard-customer-2"
        )


def test_the_identity_answer_proves_the_key_without_showing_it(
    stripe_sandbox: StripeSandbox,
) -> None:
    challenge = secrets.token_urlsafe(24)

    answer = httpx.get(f"{stripe_sandbox.api_base}{IDENTITY_PATH}", params={"challenge": challenge})

    assert answer.status_code == 200
    served = str(stripe_sandbox._folder.identity)
    assert answer.json()["proof"] == identity_proof(stripe_sandbox.secret_key, challenge, served)
    assert stripe_sandbox.secret_key not in answer.text


def test_the_host_check_comes_before_every_other_middleware(
    stripe_sandbox: StripeSandbox,
) -> None:
    from localstripe.server import app

    from linguaflex_desktop.adapters.stripe import sandbox_guard

    assert list(app.middlewares[:2]) == [sandbox_guard._host_guard, sandbox_guard._key_guard]
