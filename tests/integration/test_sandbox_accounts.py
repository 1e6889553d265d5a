"""The sandbox's account and PII-token extension (``sandbox_ext/accounts.py``) answering as
Stripe documents ``GET /v1/account``, ``POST /v1/tokens`` with ``pii[id_number]`` and
``GET /v1/tokens/{id}``; localstripe's own card tokens are unchanged."""

from __future__ import annotations

import uuid

import httpx
import pytest

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION
from linguaflex_desktop.adapters.stripe.keys import KeyRefused, StripeKeyProbe
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.sandbox_ext.accounts import account_of
from linguaflex_desktop.adapters.stripe.sandbox_ext.contract import PROBE_HEADER


def bearer(key: str) -> dict[str, str]:
    """Headers of a request as our gateway sends it: the key, the pinned version, and (unused
    by reads) an idempotency key of ours."""
    return {
        "Authorization": f"Bearer {key}",
        "Stripe-Version": STRIPE_API_VERSION,
        "Idempotency-Key": f"sandbox-accounts-test-{uuid.uuid4()}",
    }


def test_account_and_pii_tokens_follow_the_keys_account(stripe_sandbox: StripeSandbox) -> None:
    base, sk, pk = (
        stripe_sandbox.api_base,
        stripe_sandbox.secret_key,
        stripe_sandbox.publishable_key,
    )

    account = httpx.get(f"{base}/v1/account", headers=bearer(sk), timeout=5)
    made = httpx.post(
        f"{base}/v1/tokens",
        data={"pii[id_number]": "000000000"},
        auth=(pk, ""),
        headers={k: v for k, v in bearer(pk).items() if k != "Authorization"},
        timeout=5,
    )
    token = made.json()
    read = httpx.get(f"{base}/v1/tokens/{token['id']}", headers=bearer(sk), timeout=5)
    other = httpx.get(f"{base}/v1/tokens/{token['id']}", headers=bearer("sk_test_x"), timeout=5)

    assert account.status_code == 200 and account.json()["id"] == account_of(sk)
    assert account_of(sk) == account_of(pk) != account_of("pk_test_x")
    assert made.status_code == 200
    assert (token["object"], token["type"], token["used"]) == ("token", "pii", False)
    assert token["id"].startswith("pii_") and "000000000" not in made.text
    assert read.status_code == 200 and read.json()["id"] == token["id"]
    assert other.status_code == 401  # the sandbox knows its folder's own keys only
    assert other.json()["error"]["message"] == "Invalid API Key provided."


def test_keys_are_checked_as_stripe_checks_them(stripe_sandbox: StripeSandbox) -> None:
    base, pk = stripe_sandbox.api_base, stripe_sandbox.publishable_key

    no_key = httpx.get(f"{base}/v1/account", timeout=5)
    publishable = httpx.get(f"{base}/v1/account", headers=bearer(pk), timeout=5)
    probe = {**bearer(pk), PROBE_HEADER: "1"}  # refused on purpose: not the app's contract
    extra = httpx.post(f"{base}/v1/tokens", data={"pii[name]": "x"}, headers=probe, timeout=5)

    assert no_key.status_code == 401 and publishable.status_code == 401
    assert "publishable API key" in publishable.json()["error"]["message"]
    assert extra.status_code == 400 and extra.json()["error"]["param"] == "pii[name]"


def test_card_tokens_are_still_localstripes(stripe_sandbox: StripeSandbox) -> None:
    base = stripe_sandbox.api_base
    card = {
        "card[number]": "4242424242424242",
        "card[exp_month]": "12",
        "card[exp_year]": "2031",
        "card[cvc]": "123",
    }

    made = httpx.post(
        f"{base}/v1/tokens", data={**card, "key": stripe_sandbox.publishable_key}, timeout=5
    )
    refused = httpx.post(f"{base}/v1/tokens", data=card, timeout=5)
    read = httpx.get(
        f"{base}/v1/tokens/{made.json()['id']}",
        headers=bearer(stripe_sandbox.secret_key),
        timeout=5,
    )

    assert made.status_code == 200 and made.json()["card"]["last4"] == "4242"
    assert refused.status_code == 401
    assert read.status_code == 200 and read.json()["type"] == "card"


def test_the_probe_names_the_key_stripe_refused(stripe_sandbox: StripeSandbox) -> None:
    probe = StripeKeyProbe(
        secret_key="pk_test_not_a_secret",
        publishable_key=stripe_sandbox.publishable_key,
        api_base=stripe_sandbox.api_base,
        max_network_retries=0,
        timeout_seconds=5,
    )

    with pytest.raises(KeyRefused) as refused:
        probe.account_id()

    assert (refused.value.key, refused.value.reason) == ("secret", "invalid")
