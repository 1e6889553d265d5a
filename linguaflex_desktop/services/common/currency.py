"""The currencies we offer and their minor units: what formatting an amount needs, apart from
pricing's arithmetic (``pricing``), which needs ``decimal``: the sign-in window writes no
amount, and is shown before ``decimal`` is loaded."""

from __future__ import annotations

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.texts import tx

# ISO 4217 codes Stripe accepts that we offer; exponent = number of minor-unit digits.
ZERO_DECIMAL_CURRENCIES = frozenset(
    "BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split()
)
TWO_DECIMAL_CURRENCIES = frozenset(
    "USD EUR GBP CHF CAD AUD NZD SEK NOK DKK PLN CZK HUF MXN BRL INR SGD HKD ZAR".split()
)
SUPPORTED_CURRENCIES = ZERO_DECIMAL_CURRENCIES | TWO_DECIMAL_CURRENCIES


def normalize_currency(currency: object) -> str:
    """Return the upper-case ISO code, or raise ValidationError for anything we do not offer."""
    if not isinstance(currency, str) or currency.strip().upper() not in SUPPORTED_CURRENCIES:
        raise ValidationError(
            tx("Unknown or unsupported currency: {currency}.", currency=repr(currency))
        )
    return currency.strip().upper()


def minor_unit_exponent(currency: str) -> int:
    return 0 if normalize_currency(currency) in ZERO_DECIMAL_CURRENCIES else 2
