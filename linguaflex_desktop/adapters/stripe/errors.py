"""Stripe SDK errors as the errors of ``errors.py``: the payments gateway's one mapping.

``stripe_error_to_ours`` decides what the caller may conclude from a failed request:

- no answer, a timeout, 429 (rate limited) or 5xx -> ``ExternalServiceError`` ("could not be
  reached ... nothing was charged or changed"): the outcome is UNKNOWN (the request may have
  been done), so a retry must reuse the idempotency key;
- 409 (a request with the same idempotency key still running) or an ``IdempotencyError``
  -> ``ExternalServiceError`` with Stripe's message: also unknown;
- any other 4xx -> ``StripeRequestRefused`` with Stripe's message: Stripe answered and made
  nothing, so the caller may close what it opened and the user may retry at once;
- ``CardError`` -> ``PaymentDeclined`` (or ``Declined`` when the caller reads the decline
  itself); bad or revoked keys -> ``ConfigurationError``; 404 or a "gone" code -> ``Gone``
  where the caller accepts that (detach); any other 404 -> ``StripeObjectMissing`` (a
  ``StripeRequestRefused``), so a caller can tell "Stripe does not know it" apart.

Pure functions; any thread.
"""

from __future__ import annotations

import logging

import stripe

from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    PaymentDeclined,
    StripeRequestRefused,
)
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

GONE_CODES = ("resource_missing", "payment_method_unexpected_state")
UNKNOWN_OUTCOME_STATUSES = (409, 429)


class Gone(Exception):
    """The object is already gone or detached (only where the caller accepts that)."""


class StripeObjectMissing(StripeRequestRefused):
    """Stripe answered 404 (``resource_missing``): it holds no such object under these keys."""


class Declined(Exception):
    """A card decline, for callers that record it themselves (``card_errors_raise=False``)."""

    def __init__(self, code: str | None, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def stripe_error_to_ours(
    error: stripe.StripeError, *, card_errors_raise: bool = True, gone_ok: bool = False
) -> Exception:
    """The exception to raise (``from error``) for ``error`` (module docstring)."""
    if isinstance(error, stripe.CardError):
        if not card_errors_raise:
            return Declined(error.code, stripe_message(error))
        return PaymentDeclined(stripe_message(error))
    if isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError)):
        return unreachable(error)
    if isinstance(error, stripe.AuthenticationError):
        return ConfigurationError(tx("Stripe refused the API key; check the keys in Settings."))
    status = error.http_status
    if status is None or status >= 500 or status == 429:
        return unreachable(error)
    if gone_ok and (status == 404 or error.code in GONE_CODES):
        return Gone()
    message = stripe_message(error)
    if status in UNKNOWN_OUTCOME_STATUSES or isinstance(error, stripe.IdempotencyError):
        return ExternalServiceError(tx("Stripe answered with an error: {stripe}", stripe=message))
    if isinstance(error, stripe.InvalidRequestError):
        kind = StripeObjectMissing if status == 404 else StripeRequestRefused
        return kind(tx("Stripe refused the request: {stripe}", stripe=message), message)
    return StripeRequestRefused(
        tx("Stripe answered with an error: {stripe}", stripe=message), message
    )


def unreachable(error: stripe.StripeError) -> ExternalServiceError:
    log.warning("Stripe unreachable: %s (HTTP %s)", type(error).__name__, error.http_status)
    return ExternalServiceError(
        tx(
            "Stripe could not be reached (no answer in time, or it is unavailable). "
            "Nothing was charged or changed; please try again in a moment."
        )
    )


def stripe_message(error: stripe.StripeError) -> str:
    """Stripe's words for the user (its ``user_message``, else its message)."""
    message = (error.user_message or "").strip()
    if not message and error.error is not None:
        message = (error.error.message or "").strip()
    return message or tx("Stripe refused the request.")
