"""The Stripe keys themselves: their shape (mode, kind), and whether the two are one account.

Stripe has no call that names the account of a publishable key, so the pair is proven the
documented way: ``GET /v1/account`` with the secret key names its account; a PII token is
created with the publishable key (``POST /v1/tokens`` with ``pii[id_number]``), then read
with the secret key (``GET /v1/tokens/{id}``). A token made in another account answers 404
``resource_missing``: the keys belong to two accounts.

``StripeKeyProbe`` makes those calls (one SDK client per key, the pinned API version); Stripe
refusing a key raises ``KeyRefused`` (which key, and why: invalid, revoked, or a restricted
key lacking a permission); no answer raises ``ExternalServiceError``. Every method blocks on
the network: call it from a worker thread. Keys are never logged.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import stripe

from linguaflex_desktop.adapters.stripe.errors import stripe_error_to_ours
from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION

log = logging.getLogger(__name__)

KeyKind = Literal["secret", "restricted", "publishable"]
KeyMode = Literal["test", "live"]
Refusal = Literal["invalid", "revoked", "permission"]
KEY_PREFIXES: dict[str, tuple[KeyKind, KeyMode]] = {
    "sk_test_": ("secret", "test"),
    "sk_live_": ("secret", "live"),
    "rk_test_": ("restricted", "test"),
    "rk_live_": ("restricted", "live"),
    "pk_test_": ("publishable", "test"),
    "pk_live_": ("publishable", "live"),
}
# Stripe's documented placeholder; the token is never used for anything.
PII_PLACEHOLDER = "000000000"
EXPIRED_KEY_CODE = "api_key_expired"


@dataclass(frozen=True)
class KeyShape:
    """What a key's prefix says: its kind and mode (None when the prefix is unknown)."""

    kind: KeyKind | None
    mode: KeyMode | None


def key_shape(key: str | None) -> KeyShape:
    for prefix, (kind, mode) in KEY_PREFIXES.items():
        if key and key.startswith(prefix) and len(key) > len(prefix):
            return KeyShape(kind, mode)
    return KeyShape(None, None)


class KeyRefused(Exception):
    """Stripe refused ``key`` ("secret" or "publishable") for ``reason``."""

    def __init__(self, key: Literal["secret", "publishable"], reason: Refusal) -> None:
        super().__init__(f"Stripe refused the {key} key ({reason})")
        self.key = key
        self.reason = reason


class KeyProbe(Protocol):
    """The three calls of the same-account proof (module docstring)."""

    def account_id(self) -> str: ...
    def create_pii_token(self) -> str: ...
    def token_visible(self, token_id: str) -> bool: ...


class StripeKeyProbe:
    """``KeyProbe`` over Stripe (or the sandbox, at ``api_base``)."""

    def __init__(
        self,
        *,
        secret_key: str,
        publishable_key: str,
        api_base: str | None = None,
        timeout_seconds: float = 20.0,
        max_network_retries: int = 1,
    ) -> None:
        def client(key: str) -> stripe.StripeClient:
            return stripe.StripeClient(
                key,
                base_addresses={"api": api_base} if api_base else None,
                stripe_version=STRIPE_API_VERSION,
                max_network_retries=max_network_retries,
                http_client=stripe.HTTPXClient(allow_sync_methods=True, timeout=timeout_seconds),
            )

        self._secret = client(secret_key).v1
        self._publishable = client(publishable_key).v1

    def account_id(self) -> str:
        """``GET /v1/account`` with the secret key: the account it belongs to."""
        account = _call("secret", self._secret.accounts.retrieve_current)
        return str(account["id"])

    def create_pii_token(self) -> str:
        """``POST /v1/tokens`` with ``pii[id_number]``, authorised by the publishable key."""
        params = {"pii": {"id_number": PII_PLACEHOLDER}}
        # A throw-away token: one key per check, kept across the SDK's retries of this call.
        options = {"idempotency_key": f"linguaflex-key-check-pii-{uuid.uuid4()}"}
        token = _call(
            "publishable", self._publishable.tokens.create, params=params, options=options
        )
        return str(token["id"])

    def token_visible(self, token_id: str) -> bool:
        """``GET /v1/tokens/{id}`` with the secret key; False when Stripe has no such token
        under the secret key's account."""
        try:
            _call("secret", self._secret.tokens.retrieve, token_id)
        except _Missing:
            return False
        return True


class _Missing(Exception):
    pass


def _call(key: Literal["secret", "publishable"], method: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return method(*args, **kwargs).to_dict()
    except stripe.AuthenticationError as error:
        reason: Refusal = "revoked" if error.code == EXPIRED_KEY_CODE else "invalid"
        log.warning("Stripe refused the %s key (%s)", key, reason)
        raise KeyRefused(key, reason) from error
    except stripe.PermissionError as error:
        log.warning("Stripe: the %s key lacks a permission", key)
        raise KeyRefused(key, "permission") from error
    except stripe.InvalidRequestError as error:
        if error.http_status == 404:
            raise _Missing from error
        raise stripe_error_to_ours(error) from error
    except stripe.StripeError as error:
        raise stripe_error_to_ours(error) from error
