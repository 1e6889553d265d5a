"""Pricing (DESIGN.md section 5): server-side only; the UI never sends an amount.

base = hourly rate x duration; platform fee = 5 % of base, at least 1.00 of a two-decimal
currency (100 minor units), rounded half-up to the minor unit; total = base + fee; the teacher
gets the base, the platform keeps the fee. Money is an int of minor units plus a currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.common.currency import (
    ZERO_DECIMAL_CURRENCIES,
    minor_unit_exponent,
    normalize_currency,
)
from linguaflex_desktop.texts import Amount, tx

PLATFORM_FEE_PERCENT = 5
MINIMUM_FEE_MAJOR = Decimal("1.00")
MAX_DURATION_MINUTES = 8 * 60
MAX_HOURLY_RATE_MAJOR = 10_000  # per hour, in major units of the currency


@dataclass(frozen=True)
class Price:
    currency: str
    hourly_rate_minor: int
    duration_minutes: int
    base_minor: int
    fee_minor: int
    total_minor: int
    teacher_share_minor: int

    @property
    def platform_share_minor(self) -> int:
        return self.fee_minor


def major_to_minor(amount: Decimal | str | int, currency: str) -> int:
    """Convert a typed amount ("50", "50.5") to minor units; refuses floats and extra digits."""
    if isinstance(amount, (float, bool)):
        raise ValidationError(tx("Amounts must be exact (a decimal string), not a float."))
    try:
        value = Decimal(str(amount).strip().replace(",", ""))
    except ArithmeticError as error:
        raise ValidationError(tx("{amount} is not an amount.", amount=repr(amount))) from error
    if not value.is_finite():
        raise ValidationError(tx("{amount} is not an amount.", amount=repr(amount)))
    exponent = minor_unit_exponent(currency)
    scaled = value.scaleb(exponent)
    if scaled != scaled.to_integral_value():
        raise ValidationError(
            tx("{currency} amounts have at most {n} decimal places.", currency=currency, n=exponent)
        )
    return int(scaled)


def format_money(amount_minor: int, currency: str) -> str:
    """'78.75 USD' / '5000 JPY' — plain and unambiguous for every supported currency."""
    exponent = minor_unit_exponent(currency)
    if exponent == 0:
        return f"{amount_minor:,} {currency}"
    sign = "-" if amount_minor < 0 else ""
    whole, cents = divmod(abs(amount_minor), 10**exponent)
    return f"{sign}{whole:,}.{cents:0{exponent}d} {currency}"


def validate_hourly_rate(hourly_rate_minor: object, currency: str) -> int:
    if not isinstance(hourly_rate_minor, int) or isinstance(hourly_rate_minor, bool):
        raise ValidationError(tx("The hourly rate must be a whole number of minor units."))
    if hourly_rate_minor <= 0:
        raise ValidationError(tx("The hourly rate must be more than zero."))
    ceiling = MAX_HOURLY_RATE_MAJOR * 10 ** minor_unit_exponent(currency)
    if currency in ZERO_DECIMAL_CURRENCIES:
        ceiling *= 200  # 10,000 USD/h is about 2,000,000 JPY/h
    if hourly_rate_minor > ceiling:
        raise ValidationError(
            tx(
                "An hourly rate of {rate} is not plausible.",
                rate=money(hourly_rate_minor, currency),
            )
        )
    return hourly_rate_minor


def validate_duration(duration_minutes: object) -> int:
    if not isinstance(duration_minutes, int) or isinstance(duration_minutes, bool):
        raise ValidationError(tx("The duration must be a whole number of minutes."))
    if duration_minutes <= 0:
        raise ValidationError(tx("The duration must be more than zero minutes."))
    if duration_minutes > MAX_DURATION_MINUTES:
        raise ValidationError(
            tx("A session lasts at most {hours} hours.", hours=MAX_DURATION_MINUTES // 60)
        )
    return duration_minutes


def _half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def minimum_fee_minor(currency: str) -> int:
    """The $1.00 minimum expressed in the currency's minor unit (100 for two-decimal ones).

    For zero-decimal currencies 1 unit is far below a dollar; we keep 100 units (about 1 USD
    in JPY) as the floor so the fee never rounds to nothing.
    """
    if minor_unit_exponent(currency) == 0:
        return 100
    return _half_up(MINIMUM_FEE_MAJOR.scaleb(2))


def percent_fee_minor(base_minor: int) -> int:
    """The platform's percentage of ``base_minor``, before the minimum is applied."""
    return _half_up(Decimal(base_minor) * PLATFORM_FEE_PERCENT / Decimal(100))


def minimum_fee_applied(base_minor: int, fee_minor: int, currency: str) -> bool:
    """True when ``fee_minor`` is the minimum fee because the percentage would be less: the
    price then says so, so that a fee above 5 % does not look like a mistake."""
    minimum = minimum_fee_minor(currency)
    return fee_minor == minimum and percent_fee_minor(base_minor) < minimum


def quote(*, hourly_rate_minor: int, duration_minutes: int, currency: str) -> Price:
    """Price a session. Raises ValidationError for refused inputs (floats, <= 0, absurd)."""
    currency = normalize_currency(currency)
    validate_hourly_rate(hourly_rate_minor, currency)
    validate_duration(duration_minutes)
    base = _half_up(Decimal(hourly_rate_minor) * Decimal(duration_minutes) / Decimal(60))
    if base <= 0:
        raise ValidationError(tx("The session price rounds to nothing; choose a longer session."))
    fee = max(percent_fee_minor(base), minimum_fee_minor(currency))
    return Price(
        currency=currency,
        hourly_rate_minor=hourly_rate_minor,
        duration_minutes=duration_minutes,
        base_minor=base,
        fee_minor=fee,
        total_minor=base + fee,
        teacher_share_minor=base,
    )


def money(amount_minor: int, currency: str) -> Amount:
    """A sum for a sentence made with ``texts.tx``: English "78.75 USD" in logs and e-mails,
    the reader's locale in the UI."""
    return Amount(amount_minor, currency.upper(), minor_unit_exponent(currency))
