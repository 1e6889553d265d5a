from decimal import Decimal

import pytest

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.common.pricing import format_money, major_to_minor, quote


def test_seed_example_50_per_hour_for_90_minutes_costs_78_75() -> None:
    price = quote(hourly_rate_minor=5000, duration_minutes=90, currency="USD")
    assert price.base_minor == 7500
    assert price.fee_minor == 375
    assert price.total_minor == 7875
    assert price.teacher_share_minor == 7500
    assert price.platform_share_minor == 375
    assert format_money(price.total_minor, "USD") == "78.75 USD"


def test_fee_is_at_least_one_dollar() -> None:
    price = quote(hourly_rate_minor=1000, duration_minutes=30, currency="USD")
    assert price.base_minor == 500
    assert price.fee_minor == 100  # 5 % would be 25 cents
    assert price.total_minor == 600


def test_fee_rounds_half_up_to_the_cent() -> None:
    # base 2550 cents -> 5 % = 127.5 -> 128
    price = quote(hourly_rate_minor=5100, duration_minutes=30, currency="EUR")
    assert price.base_minor == 2550
    assert price.fee_minor == 128


def test_base_rounds_half_up_for_odd_rates() -> None:
    # 3333 cents/h x 45 min = 2499.75 -> 2500
    price = quote(hourly_rate_minor=3333, duration_minutes=45, currency="USD")
    assert price.base_minor == 2500


def test_zero_decimal_currency_has_no_minor_unit() -> None:
    price = quote(hourly_rate_minor=6000, duration_minutes=60, currency="jpy")
    assert price.currency == "JPY"
    assert (price.base_minor, price.fee_minor, price.total_minor) == (6000, 300, 6300)
    assert format_money(6300, "JPY") == "6,300 JPY"
    assert major_to_minor("6000", "JPY") == 6000
    with pytest.raises(ValidationError):
        major_to_minor("60.5", "JPY")


@pytest.mark.parametrize(
    ("rate", "minutes", "currency"),
    [
        (5000, 0, "USD"),
        (5000, -30, "USD"),
        (5000, 10_000, "USD"),
        (0, 60, "USD"),
        (-100, 60, "USD"),
        (10**12, 60, "USD"),
        (5000, 60, "XXX"),
        (5000, 60, ""),
        (50.0, 60, "USD"),
        (5000, 60.0, "USD"),
        (True, 60, "USD"),
    ],
)
def test_refused_inputs(rate: object, minutes: object, currency: str) -> None:
    with pytest.raises(ValidationError):
        quote(hourly_rate_minor=rate, duration_minutes=minutes, currency=currency)  # type: ignore[arg-type]


def test_major_to_minor_refuses_floats_and_extra_digits() -> None:
    assert major_to_minor("50.00", "USD") == 5000
    assert major_to_minor(Decimal("12.5"), "USD") == 1250
    with pytest.raises(ValidationError):
        major_to_minor(50.0, "USD")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        major_to_minor("1.005", "USD")
    with pytest.raises(ValidationError):
        major_to_minor("abc", "USD")
