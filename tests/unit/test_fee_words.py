"""The price breakdown explains a minimum platform fee (5 % would be less than 1.00)."""

from __future__ import annotations

import pytest

from linguaflex_desktop.services.common.pricing import minimum_fee_applied, quote
from linguaflex_desktop.ui.booking.format import fee_words, quote_text
from linguaflex_desktop.ui.payments.format import price_line


@pytest.mark.parametrize(
    ("base", "fee", "currency", "applied"),
    [
        (750, 100, "USD", True),  # 5 % = 0.38: the minimum
        (2000, 100, "USD", False),  # 5 % = 1.00 exactly: the percentage, no minimum
        (3000, 150, "USD", False),
        (1000, 100, "JPY", True),  # 5 % = 50 JPY, the floor is 100 JPY
    ],
)
def test_minimum_fee_applied(base: int, fee: int, currency: str, applied: bool) -> None:
    assert minimum_fee_applied(base, fee, currency) is applied


def test_a_short_cheap_session_says_its_fee_is_the_minimum_and_what_5_percent_is() -> None:
    price = quote(hourly_rate_minor=1500, duration_minutes=30, currency="USD")
    assert (price.base_minor, price.fee_minor, price.total_minor) == (750, 100, 850)
    assert quote_text(price) == (
        "30 min at 15.00 USD / h: 7.50 USD + 1.00 USD platform fee "
        "(the minimum; 5 % would be 0.38 USD)"
    )
    assert price_line(750, 100, 850, "USD") == (
        "7.50 USD + 1.00 USD platform fee (the minimum; 5 % would be 0.38 USD) = 8.50 USD"
    )


def test_the_seed_price_has_no_note() -> None:
    assert fee_words(7500, 375, "USD") == "3.75 USD platform fee"
    assert price_line(7500, 375, 7875, "USD") == "75.00 USD + 3.75 USD platform fee = 78.75 USD"
