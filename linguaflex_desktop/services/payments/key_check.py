"""The Stripe key check: are the configured keys a working pair of one account and one mode?

``linguaflex stripe check`` and Admin > Settings > Payments > Check run it. In order, and
stopping at the first failure (each failure is one line saying what to fix):

1. ``keys``: both keys present, the secret one ``sk_``/``rk_``, the publishable one ``pk_``,
   both ``test`` or both ``live``. Decided from the keys alone, before any request.
2. ``account``: ``GET /v1/account`` with the secret key names the account; a PII token made
   with the publishable key must be readable with the secret key (``adapters.stripe.keys``),
   else the keys belong to two accounts. Revoked keys, unknown keys and restricted keys
   lacking a permission are told apart here.
3. ``api_version``: the Stripe API version every request pins (reported, always passes).
4. ``checkout``: a ``setup``-mode Checkout Session is created for a throw-away customer and
   expired at once (so it can never be used), and the customer deleted: what saving a card
   needs. Nothing else is created, and no money moves.

Stripe unreachable is reported as such (problem ``unreachable``). Blocks on Stripe: call it
from a worker thread.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION, PaymentsGateway
from linguaflex_desktop.adapters.stripe.keys import KeyProbe, KeyRefused, KeyShape, key_shape
from linguaflex_desktop.errors import ConfigurationError, ExternalServiceError, StripeRequestRefused
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.stripe_dto import (
    CheckName,
    KeyCheckReport,
    KeyCheckStep,
    ProblemKind,
)
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

CHECK_CURRENCY = "usd"
CHECK_RETURN_URL = "https://example.com/linguaflex/stripe-check"  # never visited: expired at once
CHECK_METADATA = {"purpose": "linguaflex_key_check"}
SECRET_KINDS = ("secret", "restricted")

MISSING = tx("Both Stripe keys are needed: enter the secret and the publishable key in Settings.")
NOT_SECRET = tx("The secret key must start with sk_test_, sk_live_, rk_test_ or rk_live_.")
NOT_PUBLISHABLE = tx("The publishable key must start with pk_test_ or pk_live_.")
INVALID = {
    "secret": tx(
        "Stripe does not recognise the secret key: copy it again from the Stripe Dashboard "
        "(Developers > API keys)."
    ),
    "publishable": tx(
        "Stripe does not recognise the publishable key: copy it again from the Stripe "
        "Dashboard (Developers > API keys)."
    ),
}
REVOKED = {
    "secret": tx(
        "The secret key has been revoked or has expired: create a new one in the Stripe "
        "Dashboard and enter it in Settings."
    ),
    "publishable": tx(
        "The publishable key has been revoked or has expired: create a new one in the Stripe "
        "Dashboard and enter it in Settings."
    ),
}
TWO_ACCOUNTS = tx(
    "The publishable key belongs to another Stripe account than the secret key: "
    "use both keys of one account."
)
UNREACHABLE = tx(
    "Stripe could not be reached: check the internet connection (or proxy / firewall) "
    "and check again."
)
CHECKOUT_REFUSED = tx("Stripe refused to create a card-setup Checkout Session with these keys.")
ACCOUNT_NEEDS = "Accounts: read, Tokens: read"
CHECKOUT_NEEDS = "Customers: write, Checkout Sessions: write"


class StripeKeyCheck:
    """Runs the key check (module docstring) for one pair of keys."""

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        secret_key: str | None,
        publishable_key: str | None,
        sandbox: bool,
        probe: Callable[[], KeyProbe],
        gateway: Callable[[], PaymentsGateway],
    ) -> None:
        self._ctx = ctx
        self._secret_key = secret_key
        self._publishable_key = publishable_key
        self._sandbox = sandbox
        self._probe = probe
        self._gateway = gateway

    def check(self, actor: Actor | None) -> KeyCheckReport:
        """Run the steps; ``actor`` None is the system (the CLI), else an admin."""
        if actor is not None:
            with self._ctx.unit_of_work(write=False) as uow:
                load_acting_user(uow.session, actor, Role.ADMIN)
        steps: list[KeyCheckStep] = []
        secret, publishable = key_shape(self._secret_key), key_shape(self._publishable_key)

        def report(problem: ProblemKind | None, account: str | None = None) -> KeyCheckReport:
            mode = secret.mode if secret.mode == publishable.mode else None
            log.info("Stripe key check: %s", problem or "all passed")
            return KeyCheckReport(
                tuple(steps), problem, mode, self._sandbox, STRIPE_API_VERSION, account
            )

        def failed(name: CheckName, problem: ProblemKind, message: str) -> KeyCheckReport:
            steps.append(KeyCheckStep(name, False, message))
            return report(problem)

        shape_problem = _shape_problem(self._secret_key, self._publishable_key, secret, publishable)
        if shape_problem is not None:
            return failed("keys", *shape_problem)
        steps.append(KeyCheckStep("keys", True, _present(self._sandbox, secret.mode)))
        try:
            probe = self._probe()
            account = probe.account_id()
            if not probe.token_visible(probe.create_pii_token()):
                return failed("account", "two_accounts", TWO_ACCOUNTS)
        except KeyRefused as refused:
            return failed("account", *_refusal(refused, ACCOUNT_NEEDS))
        except ExternalServiceError:
            return failed("account", "unreachable", UNREACHABLE)
        steps.append(
            KeyCheckStep(
                "account", True, tx("Both keys belong to account {account}.", account=account)
            )
        )
        steps.append(
            KeyCheckStep(
                "api_version",
                True,
                tx("Requests pin Stripe API {version}.", version=STRIPE_API_VERSION),
            )
        )
        outcome = self._checkout(secret)
        if outcome is not None:
            return failed("checkout", *outcome)
        steps.append(
            KeyCheckStep(
                "checkout", True, tx("A card-setup Checkout Session was created and expired.")
            )
        )
        return report(None, account)

    def _checkout(self, secret: KeyShape) -> tuple[ProblemKind, str] | None:
        """Step 4; None when it passed, else (problem, message)."""
        gateway = self._gateway()
        run = uuid.uuid4().hex
        customer_id: str | None = None
        try:
            customer_id = gateway.create_customer(
                email="stripe-check@example.com",
                name="LinguaFlex key check",
                metadata=CHECK_METADATA,
                idempotency_key=f"key-check-customer-{run}",
            )
            session = gateway.create_checkout_setup_session(
                customer_id=customer_id,
                currency=CHECK_CURRENCY,
                success_url=f"{CHECK_RETURN_URL}/done",
                cancel_url=f"{CHECK_RETURN_URL}/cancelled",
                metadata=CHECK_METADATA,
                idempotency_key=f"key-check-session-{run}",
            )
            expired = gateway.expire_checkout_session(session.id)
        except ConfigurationError:
            return "revoked", REVOKED["secret"]
        except StripeRequestRefused:
            if secret.kind == "restricted":
                return "permission", _permission(CHECKOUT_NEEDS)
            return "refused", CHECKOUT_REFUSED
        except ExternalServiceError:
            return "unreachable", UNREACHABLE
        finally:
            if customer_id is not None:
                _forget_customer(gateway, customer_id)
        if expired.status != "expired":
            return "refused", tx(
                "Stripe did not expire the test Checkout Session (status {status}).",
                status=expired.status or "unknown",
            )
        return None


def _shape_problem(
    secret_key: str | None, publishable_key: str | None, secret: KeyShape, publishable: KeyShape
) -> tuple[ProblemKind, str] | None:
    if not secret_key or not publishable_key:
        return "missing_key", MISSING
    if secret.kind not in SECRET_KINDS:
        return "wrong_key", NOT_SECRET
    if publishable.kind != "publishable":
        return "wrong_key", NOT_PUBLISHABLE
    if secret.mode != publishable.mode:
        return "mixed_modes", tx(
            "The keys are of two modes (secret key: {secret}, publishable key: {publishable}): "
            "use both test keys or both live keys of one Stripe account.",
            secret=secret.mode,
            publishable=publishable.mode,
        )
    return None


def _refusal(refused: KeyRefused, needs: str) -> tuple[ProblemKind, str]:
    if refused.reason == "permission":
        return "permission", _permission(needs)
    if refused.reason == "revoked":
        return "revoked", REVOKED[refused.key]
    return "wrong_key", INVALID[refused.key]


def _forget_customer(gateway: PaymentsGateway, customer_id: str) -> None:
    try:
        gateway.delete_customer(customer_id)
    except ExternalServiceError as error:  # a leftover test customer harms nothing
        log.warning("key check: customer %s not deleted: %s", customer_id, error)


def _present(sandbox: bool, mode: str | None) -> str:
    """The first step's sentence: both keys present, of the sandbox or of one mode."""
    if sandbox:
        return tx("Both keys are present and sandbox keys.")
    if mode == "live":
        return tx("Both keys are present and live mode keys.")
    return tx("Both keys are present and test mode keys.")


def _permission(needs: str) -> str:
    return tx(
        "The restricted key lacks a permission this app needs ({needs}): grant it in the "
        "Stripe Dashboard, or use the secret key.",
        needs=needs,
    )
