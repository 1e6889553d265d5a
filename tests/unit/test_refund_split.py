"""The refund fee rule (services/payments/refunds.py) on plain values: partial refunds come out
of the teacher's share first, a refund of everything returns the fee too, never more than
what remains (plain objects stand in for the booking and payment rows)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from linguaflex_desktop.errors import Conflict, ValidationError
from linguaflex_desktop.models import BookingStatus, PaymentStatus
from linguaflex_desktop.services.payments.refund_amounts import preview_of as _preview
from linguaflex_desktop.services.payments.refund_amounts import split_after_refunds

# the seed example: 78.75 USD paid, 75.00 to the teacher, 3.75 platform fee
PAID, SHARE = 7875, 7500


def test_a_partial_refund_comes_out_of_the_teachers_share_first() -> None:
    assert split_after_refunds(paid_minor=PAID, share_minor=SHARE, refunded_minor=0) == (7500, 375)
    assert split_after_refunds(paid_minor=PAID, share_minor=SHARE, refunded_minor=1000) == (
        6500,
        375,
    )
    assert split_after_refunds(paid_minor=PAID, share_minor=SHARE, refunded_minor=7500) == (0, 375)


def test_past_the_teachers_share_a_refund_takes_from_the_fee() -> None:
    assert split_after_refunds(paid_minor=PAID, share_minor=SHARE, refunded_minor=7874) == (0, 1)


def test_a_refund_of_everything_returns_the_fee_too() -> None:
    assert split_after_refunds(paid_minor=PAID, share_minor=SHARE, refunded_minor=PAID) == (0, 0)
    assert split_after_refunds(paid_minor=PAID, share_minor=SHARE, refunded_minor=PAID + 1) == (
        0,
        0,
    )


def rows(status: BookingStatus = BookingStatus.CONFIRMED) -> tuple[object, object]:
    booking = SimpleNamespace(id=3, status=status)
    payment = SimpleNamespace(id=7, amount_minor=PAID, teacher_share_minor=SHARE, currency="USD")
    return booking, payment


def test_the_preview_of_a_partial_refund_keeps_the_booking_paid() -> None:
    booking, payment = rows()
    preview = _preview(booking, payment, 1000, 2000)  # type: ignore[arg-type]
    assert (preview.amount_minor, preview.already_refunded_minor) == (2000, 1000)
    assert preview.remaining_after_minor == PAID - 3000
    assert not preview.is_full
    assert (preview.teacher_share_before_minor, preview.teacher_share_after_minor) == (6500, 4500)
    assert (preview.fee_before_minor, preview.fee_after_minor) == (375, 375)
    assert preview.booking_status_after is BookingStatus.CONFIRMED
    assert preview.payment_status_after is PaymentStatus.PAID


@pytest.mark.parametrize(
    ("status", "after"),
    [
        (BookingStatus.CONFIRMED, BookingStatus.CANCELLED),
        (BookingStatus.COMPLETED, BookingStatus.REFUNDED),
    ],
)
def test_the_preview_of_what_remains_is_a_full_refund(
    status: BookingStatus, after: BookingStatus
) -> None:
    booking, payment = rows(status)
    preview = _preview(booking, payment, 1000, None)  # type: ignore[arg-type]
    assert preview.amount_minor == PAID - 1000
    assert preview.is_full and preview.remaining_after_minor == 0
    assert (preview.teacher_share_after_minor, preview.fee_after_minor) == (0, 0)
    assert preview.booking_status_after is after
    assert preview.payment_status_after is PaymentStatus.REFUNDED


def test_the_preview_refuses_more_than_remains_and_non_positive_amounts() -> None:
    booking, payment = rows()
    assert _preview(booking, payment, 1000, PAID - 1000).is_full  # type: ignore[arg-type]
    for amount in (PAID - 999, 0, -1, True):
        with pytest.raises(ValidationError):
            _preview(booking, payment, 1000, amount)  # type: ignore[arg-type]
    with pytest.raises(Conflict):
        _preview(booking, payment, PAID, None)  # type: ignore[arg-type]
