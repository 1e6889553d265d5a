"""The Stripe key check: against the real localstripe (the sandbox pair passes; a
publishable key of another account is caught by the PII token Stripe does not show the
secret key; Stripe unreachable) and on fakes for what the sandbox cannot do (revoked keys,
restricted keys lacking a permission, Checkout refused). Keys of two modes are refused
before any request."""

from __future__ import annotations

import pytest

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION, PaymentsGateway
from linguaflex_desktop.adapters.stripe.keys import KeyProbe, KeyRefused, StripeKeyProbe
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    PermissionDenied,
    StripeRequestRefused,
)
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments import key_check
from linguaflex_desktop.services.payments.key_check import StripeKeyCheck
from linguaflex_desktop.services.payments.stripe_dto import KeyCheckReport
from tests.conftest import FakeClock
from tests.fakes import FakePaymentsGateway
from tests.fakes.stripe_keys import FakeKeyProbe
from tests.integration.booking_helpers import add_user
from tests.integration.key_check_helpers import SandboxCheckoutSpy
from tests.integration.payment_helpers import closed_port

SK, PK = "sk_test_school", "pk_test_school"


@pytest.fixture
def admin(sqlite_ctx: ServiceContext) -> Actor:
    return add_user(sqlite_ctx, email="ada@example.com", role=Role.ADMIN)


def run(
    ctx: ServiceContext,
    admin: Actor | None,
    *,
    secret: str | None = SK,
    publishable: str | None = PK,
    probe: KeyProbe | None = None,
    gateway: PaymentsGateway | None = None,
    sandbox: bool = False,
) -> KeyCheckReport:
    used_probe = probe or FakeKeyProbe()
    used_gateway = gateway or FakePaymentsGateway()
    return StripeKeyCheck(
        ctx,
        secret_key=secret,
        publishable_key=publishable,
        sandbox=sandbox,
        probe=lambda: used_probe,
        gateway=lambda: used_gateway,
    ).check(admin)


# --- against the sandbox ---------------------------------------------------------------------


def sandbox_probe(sandbox: StripeSandbox, publishable: str) -> StripeKeyProbe:
    return StripeKeyProbe(
        secret_key=sandbox.secret_key,
        publishable_key=publishable,
        api_base=sandbox.api_base,
        max_network_retries=0,
        timeout_seconds=5,
    )


def test_the_sandbox_pair_passes_every_step(
    sqlite_ctx: ServiceContext, admin: Actor, stripe_sandbox: StripeSandbox
) -> None:
    gateway = SandboxCheckoutSpy(stripe_sandbox)

    report = run(
        sqlite_ctx,
        admin,
        secret=stripe_sandbox.secret_key,
        publishable=stripe_sandbox.publishable_key,
        probe=sandbox_probe(stripe_sandbox, stripe_sandbox.publishable_key),
        gateway=gateway,
        sandbox=True,
    )

    assert report.ok and report.problem is None, report
    assert [step.name for step in report.steps] == ["keys", "account", "api_version", "checkout"]
    assert report.account_id is not None and report.account_id.startswith("acct_")
    assert (report.mode, report.sandbox, report.api_version) == ("test", True, STRIPE_API_VERSION)
    (session,) = gateway.sessions.values()
    assert session.status == "expired"
    (request,) = gateway.requests
    assert request["currency"] == "usd" and request["idempotency_key"]


def test_a_publishable_key_of_another_account_is_reported(
    sqlite_ctx: ServiceContext, admin: Actor
) -> None:
    """Stripe makes the PII token in the publishable key's account, so the secret key of
    another account cannot read it (the sandbox knows one account only: a fake probe)."""
    gateway, probe = FakePaymentsGateway(), FakeKeyProbe()
    probe.script("token_visible", False)

    report = run(sqlite_ctx, admin, probe=probe, gateway=gateway)

    assert report.problem == "two_accounts"
    assert report.steps[-1].message == key_check.TWO_ACCOUNTS
    assert gateway.calls == []  # stopped before Checkout


def test_a_publishable_key_the_sandbox_does_not_know_is_reported(
    sqlite_ctx: ServiceContext, admin: Actor, stripe_sandbox: StripeSandbox
) -> None:
    gateway = FakePaymentsGateway()

    report = run(
        sqlite_ctx,
        admin,
        secret=stripe_sandbox.secret_key,
        publishable="pk_test_another_school",
        probe=sandbox_probe(stripe_sandbox, "pk_test_another_school"),
        gateway=gateway,
    )

    assert report.problem == "wrong_key"
    assert "does not recognise the publishable key" in report.steps[-1].message
    assert gateway.calls == []


def test_stripe_unreachable_is_reported_as_such(sqlite_ctx: ServiceContext, admin: Actor) -> None:
    probe = StripeKeyProbe(
        secret_key=SK,
        publishable_key=PK,
        api_base=f"http://127.0.0.1:{closed_port()}",
        max_network_retries=0,
        timeout_seconds=0.5,
    )

    report = run(sqlite_ctx, admin, probe=probe)

    assert report.problem == "unreachable"
    assert report.steps[-1].message == key_check.UNREACHABLE


# --- the keys alone: no request --------------------------------------------------------------


@pytest.mark.parametrize(
    ("secret", "publishable", "problem", "words"),
    [
        ("sk_live_abc", "pk_test_abc", "mixed_modes", "secret key: live, publishable key: test"),
        ("rk_test_abc", "pk_live_abc", "mixed_modes", "secret key: test, publishable key: live"),
        ("pk_test_abc", "pk_test_abc", "wrong_key", "secret key must start with"),
        ("sk_test_abc", "sk_test_abc", "wrong_key", "publishable key must start with"),
        (None, "pk_test_abc", "missing_key", "Both Stripe keys are needed"),
        ("sk_test_abc", "", "missing_key", "Both Stripe keys are needed"),
    ],
)
def test_keys_that_cannot_be_a_pair_are_refused_before_any_request(
    sqlite_ctx: ServiceContext,
    admin: Actor,
    secret: str | None,
    publishable: str | None,
    problem: str,
    words: str,
) -> None:
    probe, gateway = FakeKeyProbe(), FakePaymentsGateway()

    report = run(
        sqlite_ctx, admin, secret=secret, publishable=publishable, probe=probe, gateway=gateway
    )

    assert report.problem == problem
    assert [step.name for step in report.steps] == ["keys"]
    assert words in report.steps[0].message
    assert probe.calls == [] and gateway.calls == []


def test_live_keys_of_one_mode_pass_the_first_step(
    sqlite_ctx: ServiceContext, admin: Actor
) -> None:
    report = run(sqlite_ctx, admin, secret="rk_live_abc", publishable="pk_live_abc")

    assert report.ok and report.mode == "live"
    assert report.steps[0].message == "Both keys are present and live mode keys."


# --- what only fakes can produce -------------------------------------------------------------


@pytest.mark.parametrize(
    ("refused", "problem", "words"),
    [
        (KeyRefused("secret", "revoked"), "revoked", "The secret key has been revoked"),
        (KeyRefused("secret", "invalid"), "wrong_key", "does not recognise the secret key"),
        (KeyRefused("secret", "permission"), "permission", "Accounts: read"),
    ],
)
def test_stripe_refusing_the_secret_key_says_what_to_fix(
    sqlite_ctx: ServiceContext, admin: Actor, refused: KeyRefused, problem: str, words: str
) -> None:
    probe = FakeKeyProbe()
    probe.script("account_id", refused)

    report = run(sqlite_ctx, admin, probe=probe)

    assert report.problem == problem
    assert words in report.steps[-1].message
    assert len(report.steps[-1].message.splitlines()) == 1


def test_a_revoked_publishable_key_is_named(sqlite_ctx: ServiceContext, admin: Actor) -> None:
    probe = FakeKeyProbe()
    probe.script("create_pii_token", KeyRefused("publishable", "revoked"))

    report = run(sqlite_ctx, admin, probe=probe)

    assert report.problem == "revoked"
    assert "The publishable key has been revoked" in report.steps[-1].message


@pytest.mark.parametrize(
    ("secret", "error", "problem", "words"),
    [
        (
            "rk_test_abc",
            StripeRequestRefused("403", "no"),
            "permission",
            "Checkout Sessions: write",
        ),
        ("sk_test_abc", StripeRequestRefused("400", "no"), "refused", "refused to create"),
        ("sk_test_abc", ConfigurationError("bad key"), "revoked", "revoked or has expired"),
        ("sk_test_abc", ExternalServiceError("down"), "unreachable", "could not be reached"),
    ],
)
def test_checkout_refused_or_unreachable_says_what_to_fix_and_the_customer_is_deleted(
    sqlite_ctx: ServiceContext,
    admin: Actor,
    secret: str,
    error: Exception,
    problem: str,
    words: str,
) -> None:
    gateway = FakePaymentsGateway()
    gateway.script("create_checkout_setup_session", error)

    report = run(sqlite_ctx, admin, secret=secret, gateway=gateway)

    assert report.problem == problem
    assert report.steps[-1].name == "checkout" and words in report.steps[-1].message
    assert gateway.customers == {}  # the throw-away customer is gone again


def test_only_admins_check_the_keys(sqlite_ctx: ServiceContext, clock: FakeClock) -> None:
    student = add_user(sqlite_ctx, email="sam@example.com", role=Role.STUDENT)
    probe = FakeKeyProbe()
    with pytest.raises(PermissionDenied):
        run(sqlite_ctx, student, probe=probe)
    assert probe.calls == []
    assert run(sqlite_ctx, None).ok  # the system (the CLI)
