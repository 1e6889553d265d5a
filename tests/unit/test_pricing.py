from decimal import Decimal

import pytest

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.common.pricing import (
    format_money,
    major_to_minor,
    quote,
    validate_duration,
    validate_hourly_rate,
)


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


def test_fee_rounds_half_up_not_half_even_when_the_half_sits_on_an_even_cent() -> None:
    # base 2530 cents -> 5 % = 126.5: half-up gives 127, banker's rounding would give 126
    price = quote(hourly_rate_minor=5060, duration_minutes=30, currency="USD")
    assert price.base_minor == 2530
    assert price.fee_minor == 127
    assert price.total_minor == 2657


def test_base_rounds_half_up_not_half_even_when_the_half_sits_on_an_even_cent() -> None:
    # 4001 cents/h x 15 min = 1000.25; 4002 x 15 = 1000.5 -> 1001 (half-even: 1000)
    price = quote(hourly_rate_minor=4002, duration_minutes=15, currency="USD")
    assert price.base_minor == 1001


def test_zero_decimal_currency_fee_is_at_least_100_units() -> None:
    # 5 % of 1000 JPY is 50 JPY: the floor of 100 units (about one dollar) applies
    price = quote(hourly_rate_minor=1000, duration_minutes=60, currency="JPY")
    assert (price.base_minor, price.fee_minor, price.total_minor) == (1000, 100, 1100)
    assert price.teacher_share_minor == 1000


def test_fee_is_five_percent_once_it_passes_the_minimum() -> None:
    # just above the floor: 5 % of 2020 cents = 101 cents, of 2000 cents = 100 cents (the floor)
    assert quote(hourly_rate_minor=4040, duration_minutes=30, currency="USD").fee_minor == 101
    assert quote(hourly_rate_minor=4000, duration_minutes=30, currency="USD").fee_minor == 100
    assert quote(hourly_rate_minor=2020, duration_minutes=60, currency="JPY").fee_minor == 101


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
    assert major_to_minor(" 1,000.50 ", "USD") == 100050  # a typed thousands separator is dropped
    with pytest.raises(ValidationError):
        major_to_minor(50.0, "USD")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        major_to_minor("1.005", "USD")
    with pytest.raises(ValidationError):
        major_to_minor("abc", "USD")


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (-2050, "USD", "-20.50 USD"),
        (-5, "EUR", "-0.05 EUR"),
        (0, "USD", "0.00 USD"),
        (5, "USD", "0.05 USD"),
        (123456789, "USD", "1,234,567.89 USD"),
        (-5000, "JPY", "-5,000 JPY"),
    ],
)
def test_format_money_signs_only_negative_amounts(minor: int, currency: str, text: str) -> None:
    assert format_money(minor, currency) == text


def test_the_smallest_rate_and_duration_are_accepted_and_zero_is_refused() -> None:
    assert validate_hourly_rate(1, "USD") == 1
    assert validate_duration(1) == 1
    with pytest.raises(ValidationError, match="more than zero"):
        validate_hourly_rate(0, "USD")
    with pytest.raises(ValidationError, match="more than zero"):
        validate_duration(0)


def test_a_session_lasts_at_most_eight_hours() -> None:
    assert validate_duration(480) == 480
    with pytest.raises(ValidationError, match="at most 8 hours"):
        validate_duration(481)


@pytest.mark.parametrize(("currency", "ceiling"), [("USD", 1_000_000), ("JPY", 2_000_000)])
def test_an_hourly_rate_above_10000_usd_or_2000000_jpy_is_not_plausible(
    currency: str, ceiling: int
) -> None:
    assert validate_hourly_rate(ceiling, currency) == ceiling
    with pytest.raises(ValidationError, match="not plausible"):
        validate_hourly_rate(ceiling + 1, currency)


def test_a_price_that_rounds_to_nothing_is_refused_but_one_minor_unit_is_a_price() -> None:
    with pytest.raises(ValidationError, match="rounds to nothing"):
        quote(hourly_rate_minor=29, duration_minutes=1, currency="USD")  # 0.48 rounds to 0
    price = quote(hourly_rate_minor=60, duration_minutes=1, currency="USD")
    assert (price.base_minor, price.duration_minutes, price.hourly_rate_minor) == (1, 1, 60)
