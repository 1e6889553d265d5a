"""What the payments gateway returns: small frozen dataclasses, never Stripe objects, and
their construction from Stripe's JSON bodies (plain dicts)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class SetupIntentInfo:
    id: str
    client_secret: str = ""
    status: str = ""
    payment_method_id: str | None = None
    last_error: str | None = None
    last_error_code: str | None = None


@dataclass(frozen=True)
class CardInfo:
    id: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    customer_id: str | None


@dataclass(frozen=True)
class PaymentIntentInfo:
    id: str
    status: str
    amount: int
    currency: str
    metadata: Mapping[str, str]
    client_secret: str
    last_error_code: str | None
    last_error_message: str | None
    payment_method_id: str | None
    latest_charge_id: str | None
    amount_refunded: int
    # where the customer authenticates: ``next_action.redirect_to_url.url`` (3-D Secure on
    # Stripe's hosted page), while the PaymentIntent waits in ``requires_action``
    next_action_url: str | None = None
    # the decline's ``decline_code`` (e.g. "insufficient_funds"), when Stripe gave one
    last_decline_code: str | None = None

    @property
    def declined(self) -> bool:
        """The last attempt failed (decline or failed 3-D Secure); a new card may be tried."""
        return self.status == "requires_payment_method" and self.last_error_message is not None


@dataclass(frozen=True)
class RefundInfo:
    id: str
    status: str
    amount: int
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckoutSessionInfo:
    """A Checkout Session (setup mode). ``status`` is "open", "complete" or "expired";
    ``url`` (the hosted page) is "" once it is no longer open; ``setup_intent_id`` is set once
    the card is saved (Stripe creates the SetupIntent lazily)."""

    id: str
    url: str
    status: str
    setup_intent_id: str | None
    expires_at: datetime | None


def setup_intent_info(body: Mapping[str, Any]) -> SetupIntentInfo:
    error = body.get("last_setup_error") or {}
    return SetupIntentInfo(
        id=body["id"],
        client_secret=body.get("client_secret") or "",
        status=body.get("status") or "",
        payment_method_id=_id_of(body.get("payment_method")),
        last_error=error.get("message"),
        last_error_code=error.get("code"),
    )


def card_info(body: Mapping[str, Any]) -> CardInfo:
    card = body.get("card") or {}
    return CardInfo(
        id=body["id"],
        brand=str(card.get("brand") or "card"),
        last4=str(card.get("last4") or ""),
        exp_month=int(card.get("exp_month") or 0),
        exp_year=int(card.get("exp_year") or 0),
        customer_id=_id_of(body.get("customer")),
    )


def payment_intent_info(body: Mapping[str, Any]) -> PaymentIntentInfo:
    error = body.get("last_payment_error") or {}
    charge = body.get("latest_charge")
    return PaymentIntentInfo(
        id=body["id"],
        status=body.get("status") or "",
        amount=int(body.get("amount") or 0),
        currency=str(body.get("currency") or "").lower(),
        metadata=_metadata(body),
        client_secret=body.get("client_secret") or "",
        last_error_code=error.get("code"),
        last_error_message=error.get("message"),
        payment_method_id=_id_of(body.get("payment_method")),
        latest_charge_id=_id_of(charge),
        amount_refunded=int(charge.get("amount_refunded") or 0) if isinstance(charge, dict) else 0,
        next_action_url=_redirect_url(body.get("next_action")),
        last_decline_code=error.get("decline_code"),
    )


def refund_info(body: Mapping[str, Any]) -> RefundInfo:
    return RefundInfo(
        id=body["id"],
        status=str(body.get("status") or ""),
        amount=int(body.get("amount") or 0),
        metadata=_metadata(body),
    )


def checkout_session_info(body: Mapping[str, Any]) -> CheckoutSessionInfo:
    expires_at = body.get("expires_at")
    return CheckoutSessionInfo(
        id=body["id"],
        url=str(body.get("url") or ""),
        status=str(body.get("status") or ""),
        setup_intent_id=_id_of(body.get("setup_intent")),
        expires_at=datetime.fromtimestamp(int(expires_at), UTC) if expires_at else None,
    )


def _redirect_url(next_action: Any) -> str | None:
    """``next_action.redirect_to_url.url`` when the next action is a redirect, else None."""
    if not isinstance(next_action, dict) or next_action.get("type") != "redirect_to_url":
        return None
    url = (next_action.get("redirect_to_url") or {}).get("url")
    return str(url) if url else None


def _id_of(value: Any) -> str | None:
    """Stripe returns a related object either as its id or, when expanded, as the object."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        return str(value["id"])
    return str(value)


def _metadata(body: Mapping[str, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in (body.get("metadata") or {}).items()}
