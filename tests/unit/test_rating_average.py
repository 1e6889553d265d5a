"""The average a rating shows: the mean of the stars rounded half up to one decimal, worked
out in whole numbers (4.25 shows 4.3; 1.95 shows 2.0, though the float 1.95 is just under)."""

from __future__ import annotations

import pytest

from linguaflex_desktop.services.catalogue.ratings import shown_average, summary_of


@pytest.mark.parametrize(
    ("total", "count", "shown"),
    [
        (17, 4, 4.3),  # 4.25
        (14, 3, 4.7),  # 4.666...
        (13, 3, 4.3),  # 4.333...
        (39, 20, 2.0),  # 1.95
        (79, 20, 4.0),  # 3.95
        (5, 1, 5.0),
        (1, 1, 1.0),
        (0, 0, None),
    ],
)
def test_shown_average_rounds_half_up_to_one_decimal(
    total: int, count: int, shown: float | None
) -> None:
    assert shown_average(total, count) == shown


def test_a_row_without_reviews_is_no_rating() -> None:
    assert summary_of(None, None) == (None, 0)
    assert summary_of(9, 2) == (4.5, 2)
