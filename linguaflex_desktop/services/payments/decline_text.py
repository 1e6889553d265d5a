"""What the student reads when Stripe declines a payment: one plain sentence, never Stripe's
wording (which speaks of PaymentMethods and is written for developers).

Chosen from Stripe's error ``code`` and, for ``card_declined``, its ``decline_code``. Reasons
that must not be told (a card reported lost or stolen, suspected fraud) read as a plain
decline, as Stripe advises. Pure; any thread.
"""

from __future__ import annotations

from linguaflex_desktop.services.common.stored_texts import keep
from linguaflex_desktop.texts import tx

AUTHENTICATION_FAILED = tx("Your bank could not confirm it was you. Try again or use another card.")
DECLINED = tx("Your card was declined.")
NOT_COMPLETED = tx("The payment was not completed. Please try again, possibly with another card.")

_BY_CODE = {
    "payment_intent_authentication_failure": AUTHENTICATION_FAILED,
    "authentication_required": AUTHENTICATION_FAILED,
    "expired_card": tx("Your card has expired. Use another card."),
    "incorrect_cvc": tx("Your card's security code was not accepted. Use another card."),
    "invalid_cvc": tx("Your card's security code was not accepted. Use another card."),
    "incorrect_number": tx("Your card number was not accepted. Use another card."),
    "invalid_number": tx("Your card number was not accepted. Use another card."),
    "invalid_expiry_month": tx("Your card's expiry date was not accepted. Use another card."),
    "invalid_expiry_year": tx("Your card's expiry date was not accepted. Use another card."),
    "processing_error": tx(
        "Your card could not be charged because of a processing error. Please try again in "
        "a moment."
    ),
}
_BY_DECLINE_CODE = {
    "authentication_required": AUTHENTICATION_FAILED,
    "insufficient_funds": tx("Your card has insufficient funds. Use another card."),
    "expired_card": _BY_CODE["expired_card"],
    "incorrect_cvc": _BY_CODE["incorrect_cvc"],
    "incorrect_number": _BY_CODE["incorrect_number"],
    "processing_error": _BY_CODE["processing_error"],
    "card_velocity_exceeded": tx("Your card's limit has been reached. Use another card."),
    "withdrawal_count_limit_exceeded": tx("Your card's limit has been reached. Use another card."),
}

keep(AUTHENTICATION_FAILED, DECLINED, NOT_COMPLETED, *_BY_CODE.values(), *_BY_DECLINE_CODE.values())


def decline_message(code: str | None, decline_code: str | None = None) -> str:
    """The sentence for a failed payment with Stripe's ``code`` / ``decline_code``."""
    if decline_code and decline_code in _BY_DECLINE_CODE:
        return _BY_DECLINE_CODE[decline_code]
    if code and code in _BY_CODE:
        return _BY_CODE[code]
    if code or decline_code:
        return DECLINED
    return NOT_COMPLETED
