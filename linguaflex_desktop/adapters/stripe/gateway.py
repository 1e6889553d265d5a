"""The payments gateway: Stripe behind a small interface, returning frozen dataclasses.

``StripeGateway`` talks to Stripe (or to the in-process localstripe sandbox) through the
official SDK's ``StripeClient`` with an explicit ``max_network_retries`` and an httpx client
with a timeout. Nothing Stripe-shaped leaves this module: callers get ``SetupIntentInfo``,
``CardInfo``, ``PaymentIntentInfo`` and ``RefundInfo``, and errors of ``errors.py``:

- Stripe unreachable, timing out, 429 or 5xx (and 409) -> ``ExternalServiceError``: the outcome
  is unknown; with the caller's idempotency key a retry is safe.
- any other 4xx (``InvalidRequestError`` ...) -> ``StripeRequestRefused`` (a subclass) with
  Stripe's message: Stripe made nothing.
- ``CardError`` -> ``PaymentDeclined`` with Stripe's message, except in
  ``confirm_payment_intent`` (see there); bad or revoked keys -> ``ConfigurationError``.

The mapping is ``stripe_errors.stripe_error_to_ours``.

The contract: every request is sent with ``Stripe-Version: STRIPE_API_VERSION`` (the version
stripe-python 16.x is generated for: its parameter types are that version's), and its params
are built as the SDK's ``TypedDict`` for the operation, so that mypy checks keys and values
against that version. Every request that changes something at Stripe carries an idempotency
key derived from our own records: creates (and the PaymentIntent update) take it from the
caller; cancel, detach, delete and attach derive it here from the operation and the object
ids (``linguaflex-cancel-pi_123``), since repeating them must change nothing.

Secrets, client secrets and card data are never logged. Every method blocks on the network:
call it from a worker thread, never from the Qt thread.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import stripe
from stripe.params import (
    CustomerCreateParams,
    PaymentIntentConfirmParams,
    PaymentIntentCreateParams,
    PaymentIntentRetrieveParams,
    PaymentIntentUpdateParams,
    PaymentMethodAttachParams,
    PaymentMethodListParams,
    RefundCreateParams,
    RefundListParams,
)
from stripe.params.checkout import SessionCreateParams

from linguaflex_desktop.adapters.stripe.errors import Declined, Gone, stripe_error_to_ours
from linguaflex_desktop.adapters.stripe.protocol import PaymentsGateway
from linguaflex_desktop.adapters.stripe.types import (
    CardInfo,
    CheckoutSessionInfo,
    PaymentIntentInfo,
    RefundInfo,
    SetupIntentInfo,
    card_info,
    checkout_session_info,
    payment_intent_info,
    refund_info,
    setup_intent_info,
)
from linguaflex_desktop.config import Settings, StripeSettings
from linguaflex_desktop.errors import ConfigurationError, StripeRequestRefused
from linguaflex_desktop.texts import tx

if TYPE_CHECKING:
    from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox

log = logging.getLogger(__name__)

__all__ = [
    "CardInfo",
    "CheckoutSessionInfo",
    "PaymentIntentInfo",
    "PaymentsGateway",
    "RefundInfo",
    "SetupIntentInfo",
    "StripeGateway",
    "open_payments_gateway",
]

# The Stripe API version every request pins: the one stripe-python 16.x is generated for
# (``stripe._api_version._ApiVersion.CURRENT``; a test notices an SDK upgrade that moves it).
STRIPE_API_VERSION = "2026-10-28.endive"
TEST_PAYMENT_METHOD_PREFIX = "pm_card_"


class StripeGateway:
    """``PaymentsGateway`` over ``stripe.StripeClient`` (real Stripe or the sandbox)."""

    def __init__(
        self,
        *,
        secret_key: str,
        publishable_key: str,
        api_base: str | None = None,
        max_network_retries: int = 2,
        timeout_seconds: float = 20.0,
    ) -> None:
        if not secret_key or not publishable_key:
            raise ConfigurationError(tx("Both Stripe keys (secret and publishable) are needed."))
        self._sandbox = api_base is not None
        self._test_mode = self._sandbox or secret_key.startswith(("sk_test_", "rk_test_"))
        self._publishable_key = publishable_key
        self._client = stripe.StripeClient(
            secret_key,
            stripe_version=STRIPE_API_VERSION,
            base_addresses={"api": api_base} if api_base else None,
            max_network_retries=max_network_retries,
            http_client=stripe.HTTPXClient(allow_sync_methods=True, timeout=timeout_seconds),
        )
        self._v1 = self._client.v1

    @classmethod
    def from_settings(cls, settings: StripeSettings) -> StripeGateway:
        """Real Stripe with the configured keys (``settings.sandbox`` must be False)."""
        if settings.secret_key is None or settings.publishable_key is None:
            raise ConfigurationError(tx("Stripe keys are not configured."))
        return cls(
            secret_key=settings.secret_key,
            publishable_key=settings.publishable_key,
            max_network_retries=settings.max_network_retries,
            timeout_seconds=settings.timeout_seconds,
        )

    @classmethod
    def for_sandbox(
        cls, sandbox: StripeSandbox, settings: StripeSettings | None = None
    ) -> StripeGateway:
        """The gateway for a started ``StripeSandbox`` (its keys, API base and Stripe.js)."""
        settings = settings or StripeSettings()
        return cls(
            secret_key=sandbox.secret_key,
            publishable_key=sandbox.publishable_key,
            api_base=sandbox.api_base,
            max_network_retries=settings.max_network_retries,
            timeout_seconds=settings.timeout_seconds,
        )

    # --- modes -------------------------------------------------------------------------------

    @property
    def is_test_mode(self) -> bool:
        """True with ``sk_test_`` keys or in the sandbox; test card ids work only then."""
        return self._test_mode

    @property
    def is_sandbox(self) -> bool:
        return self._sandbox

    @property
    def publishable_key(self) -> str:
        return self._publishable_key

    # --- customers and cards -----------------------------------------------------------------

    def create_customer(
        self,
        *,
        email: str,
        name: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> str:
        params: CustomerCreateParams = {"email": email, "name": name, "metadata": dict(metadata)}
        customer = self._call(
            self._v1.customers.create, params=params, options=_options(idempotency_key)
        )
        log.info("Stripe customer %s created", customer["id"])
        return str(customer["id"])

    def delete_customer(self, customer_id: str) -> None:
        options = _options(derived_key("delete", customer_id))
        self._call(self._v1.customers.delete, customer_id, options=options)

    def retrieve_setup_intent(self, setup_intent_id: str) -> SetupIntentInfo:
        return setup_intent_info(self._call(self._v1.setup_intents.retrieve, setup_intent_id))

    def attach_payment_method(self, payment_method_id: str, customer_id: str) -> CardInfo:
        """Attach to the customer; returns the attached card (a test id yields a new id).
        A card declined on attach raises PaymentDeclined."""
        self._refuse_test_ids_in_live_mode(payment_method_id)
        params: PaymentMethodAttachParams = {"customer": customer_id}
        options = _options(attach_key(payment_method_id, customer_id))
        return card_info(
            self._call(
                self._v1.payment_methods.attach, payment_method_id, params=params, options=options
            )
        )

    def detach_payment_method(self, payment_method_id: str) -> None:
        """Detach from its customer; a card already detached or unknown counts as done."""
        try:
            self._call(
                self._v1.payment_methods.detach,
                payment_method_id,
                options=_options(derived_key("detach", payment_method_id)),
                gone_ok=True,
            )
        except Gone:
            log.info("payment method %s was already detached", payment_method_id)

    def retrieve_card(self, payment_method_id: str) -> CardInfo:
        self._refuse_test_ids_in_live_mode(payment_method_id)
        return card_info(self._call(self._v1.payment_methods.retrieve, payment_method_id))

    def list_cards(self, customer_id: str) -> tuple[CardInfo, ...]:
        params: PaymentMethodListParams = {"customer": customer_id, "type": "card", "limit": 100}
        page = self._call(self._v1.payment_methods.list, params=params)
        return tuple(card_info(item) for item in page.get("data", []))

    # --- payments ----------------------------------------------------------------------------

    def create_payment_intent(
        self,
        *,
        amount_minor: int,
        currency: str,
        customer_id: str,
        payment_method_id: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> PaymentIntentInfo:
        """Create (not confirm) a card PaymentIntent: status ``requires_confirmation``."""
        self._refuse_test_ids_in_live_mode(payment_method_id)
        params: PaymentIntentCreateParams = {
            "amount": amount_minor,
            "currency": currency.lower(),
            "customer": customer_id,
            "payment_method": payment_method_id,
            "metadata": dict(metadata),
        }
        intent = self._call(
            self._v1.payment_intents.create, params=params, options=_options(idempotency_key)
        )
        log.info("PaymentIntent %s created (%s)", intent["id"], intent["status"])
        return payment_intent_info(intent)

    def confirm_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, return_url: str | None = None
    ) -> PaymentIntentInfo:
        """Confirm. A declined card does NOT raise: the PaymentIntent comes back in
        ``requires_payment_method`` with Stripe's ``last_error_code``/``last_error_message``
        (``info.declined``), so the caller can record the failure before telling the user.
        ``requires_action`` means 3-D Secure is needed in the browser: with a ``return_url``
        Stripe answers ``next_action.redirect_to_url`` (``info.next_action_url``, its hosted
        page, which sends the browser back to ``return_url`` afterwards)."""
        params: PaymentIntentConfirmParams | None = (
            {"return_url": return_url} if return_url else None
        )
        try:
            intent = self._call(
                self._v1.payment_intents.confirm,
                payment_intent_id,
                params=params,
                options=_options(idempotency_key),
                card_errors_raise=False,
            )
        except Declined as declined:
            info = self.retrieve_payment_intent(payment_intent_id)
            if info.last_error_message:
                return info
            return replace(info, last_error_code=declined.code, last_error_message=declined.message)
        info = payment_intent_info(intent)
        log.info("PaymentIntent %s confirmed -> %s", info.id, info.status)
        return info

    def retrieve_payment_intent(self, payment_intent_id: str) -> PaymentIntentInfo:
        return payment_intent_info(self._retrieve_intent_with_charge(payment_intent_id))

    def update_payment_intent_method(
        self, payment_intent_id: str, payment_method_id: str, *, idempotency_key: str
    ) -> PaymentIntentInfo:
        """Put another card on a PaymentIntent (retry after a decline); confirm it next.
        ``idempotency_key`` must name this very change in our records (e.g. the attempt's
        key and the number of the change): Stripe refuses a key reused with other
        parameters, and replays a key's first answer instead of a later change."""
        self._refuse_test_ids_in_live_mode(payment_method_id)
        params: PaymentIntentUpdateParams = {"payment_method": payment_method_id}
        return payment_intent_info(
            self._call(
                self._v1.payment_intents.update,
                payment_intent_id,
                params=params,
                options=_options(idempotency_key),
            )
        )

    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str | None = None
    ) -> PaymentIntentInfo:
        """Cancel (allowed before success, ``requires_action`` included); Stripe refuses to
        cancel a PaymentIntent that succeeded (``StripeRequestRefused``). Without a key of
        the caller's, one is derived from the PaymentIntent (cancelling is idempotent)."""
        key = idempotency_key or derived_key("cancel", payment_intent_id)
        return payment_intent_info(
            self._call(self._v1.payment_intents.cancel, payment_intent_id, options=_options(key))
        )

    def create_refund(
        self,
        *,
        payment_intent_id: str,
        amount_minor: int,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundInfo:
        """Refund part or all of a payment. Stripe (not localstripe) refuses over-refunds:
        the caller must check what remains first. ``metadata`` (e.g. our refund id) lets
        ``list_refunds`` find the refund when the answer was lost."""
        params: RefundCreateParams = {"payment_intent": payment_intent_id, "amount": amount_minor}
        if metadata:
            params["metadata"] = dict(metadata)
        refund = self._call(
            self._v1.refunds.create, params=params, options=_options(idempotency_key)
        )
        log.info("Refund %s for %s: %s", refund["id"], payment_intent_id, refund["status"])
        return refund_info(refund)

    def retrieve_refund(self, refund_id: str) -> RefundInfo:
        return refund_info(self._call(self._v1.refunds.retrieve, refund_id))

    def list_refunds(self, payment_intent_id: str) -> tuple[RefundInfo, ...]:
        """Every refund Stripe holds for the PaymentIntent (all pages), with metadata."""
        found: list[RefundInfo] = []
        params: RefundListParams = {"payment_intent": payment_intent_id, "limit": 100}
        while True:
            page = self._call(self._v1.refunds.list, params=params)
            items = page.get("data", [])
            found.extend(refund_info(item) for item in items)
            if not page.get("has_more") or not items:
                return tuple(found)
            params = {**params, "starting_after": str(items[-1]["id"])}

    def amount_refunded(self, payment_intent_id: str) -> int:
        """Minor units refunded so far, read from the PaymentIntent's latest charge (which
        Stripe returns as an id, or as the object when expanded)."""
        charge = self._retrieve_intent_with_charge(payment_intent_id).get("latest_charge")
        if charge is None:
            return 0
        if not isinstance(charge, dict):
            charge = self._call(self._v1.charges.retrieve, str(charge))
        return int(charge.get("amount_refunded") or 0)

    # --- Checkout Sessions: card entry on Stripe's hosted page --------------------------------

    def create_checkout_setup_session(
        self,
        *,
        customer_id: str,
        currency: str,
        success_url: str,
        cancel_url: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> CheckoutSessionInfo:
        """A Checkout Session in ``setup`` mode: its ``url`` is Stripe's hosted card page,
        where the student saves a card for later off-session payments. ``currency`` is
        required in setup mode (dynamic payment methods choose from it); Stripe puts the
        session id in place of ``{CHECKOUT_SESSION_ID}`` in ``success_url``. The SetupIntent
        carries ``metadata`` too."""
        params: SessionCreateParams = {
            "mode": "setup",
            "customer": customer_id,
            "currency": currency.lower(),
            "success_url": success_url,
            "cancel_url": cancel_url,
            "metadata": dict(metadata),
            "setup_intent_data": {"metadata": dict(metadata)},
        }
        session = self._call(
            self._v1.checkout.sessions.create, params=params, options=_options(idempotency_key)
        )
        info = checkout_session_info(session)
        log.info("Checkout Session …%s created (%s)", info.id[-6:], info.status)
        return info

    def retrieve_checkout_session(self, session_id: str) -> CheckoutSessionInfo:
        return checkout_session_info(self._call(self._v1.checkout.sessions.retrieve, session_id))

    def expire_checkout_session(self, session_id: str) -> CheckoutSessionInfo:
        """Expire an open session (its page stops taking cards). A session no longer open
        cannot be expired: Stripe refuses, and the session as it stands ("complete" or
        "expired") is returned instead. An unknown session raises StripeRequestRefused."""
        try:
            options = _options(derived_key("expire", session_id))
            session = self._call(self._v1.checkout.sessions.expire, session_id, options=options)
        except StripeRequestRefused:
            info = self.retrieve_checkout_session(session_id)
            if info.status == "open":
                raise
            log.info("Checkout Session …%s was already %s", session_id[-6:], info.status)
            return info
        return checkout_session_info(session)

    # --- plumbing ----------------------------------------------------------------------------

    def _retrieve_intent_with_charge(self, payment_intent_id: str) -> dict[str, Any]:
        params: PaymentIntentRetrieveParams = {"expand": ["latest_charge"]}
        return self._call(self._v1.payment_intents.retrieve, payment_intent_id, params=params)

    def _refuse_test_ids_in_live_mode(self, payment_method_id: str) -> None:
        if not self._test_mode and payment_method_id.startswith(TEST_PAYMENT_METHOD_PREFIX):
            raise ConfigurationError(tx("Stripe test cards cannot be used with live keys."))

    def _call(
        self,
        method: Callable[..., Any],
        *args: Any,
        card_errors_raise: bool = True,
        gone_ok: bool = False,
        **kwargs: Any,
    ) -> dict[str, Any]:
        """Run one SDK request; return its body as plain dicts; map errors (module doc)."""
        try:
            return dict(method(*args, **kwargs).to_dict())
        except stripe.StripeError as error:
            raise stripe_error_to_ours(
                error, card_errors_raise=card_errors_raise, gone_ok=gone_ok
            ) from error


def open_payments_gateway(settings: Settings) -> tuple[StripeGateway, StripeSandbox | None]:
    """The gateway for ``settings``: real Stripe when both keys are configured; otherwise
    sandbox mode, joining the data folder's localstripe server on 127.0.0.1 (started on first
    use, shared by every process on the folder, with the folder's own keys). The sandbox
    handle is returned so that the caller can ``stop()`` it on exit."""
    if not settings.stripe.sandbox:
        return StripeGateway.from_settings(settings.stripe), None
    from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox

    sandbox = StripeSandbox(settings.data_dir)
    sandbox.start()
    return StripeGateway.for_sandbox(sandbox, settings.stripe), sandbox


def derived_key(operation: str, *object_ids: str) -> str:
    """The idempotency key of an operation that repeating must not change (cancel, detach,
    delete): the same for the same objects, across retries and restarts."""
    return "-".join(("linguaflex", operation, *object_ids))


def attach_key(payment_method_id: str, customer_id: str) -> str:
    """Attaching a card to a customer twice is once; but a Stripe test card id
    (``pm_card_visa``) makes a new card on each attach, so its key is fresh each time."""
    if payment_method_id.startswith(TEST_PAYMENT_METHOD_PREFIX):
        return derived_key("attach", payment_method_id, customer_id, uuid.uuid4().hex)
    return derived_key("attach", payment_method_id, customer_id)


def _options(idempotency_key: str | None) -> stripe.RequestOptions | None:
    return {"idempotency_key": idempotency_key} if idempotency_key else None
