"""The teacher's week grid: each session drawn to its length and payment state, sessions whose
hours touch sharing one spanning cell, in the teacher's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QRectF

from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.ui.booking.schedule_cells import block_rect, week_cells

MONDAY = date(2027, 3, 1)
WEEK = [MONDAY + timedelta(days=offset) for offset in range(7)]
MADRID = "Europe/Madrid"  # UTC+1 in March


def booking(
    booking_id: int,
    start: datetime,
    minutes: int,
    *,
    status: BookingStatus = BookingStatus.CONFIRMED,
    payment: PaymentStatus = PaymentStatus.UNPAID,
    refunded_minor: int = 0,
) -> BookingDTO:
    return BookingDTO(
        id=booking_id,
        student_id=2,
        student_name="Olga Berg",
        teacher_id=1,
        teacher_name="Lucía Ruiz",
        gig_id=3,
        gig_title="Spanish",
        start_at=start,
        end_at=start + timedelta(minutes=minutes),
        duration_minutes=minutes,
        status=status,
        payment_status=payment,
        currency="USD",
        hourly_rate_minor=3000,
        base_amount_minor=3000,
        fee_minor=150,
        total_minor=3150,
        teacher_share_minor=3000,
        refunded_minor=refunded_minor,
        version=1,
        respond_by=None,
        payment_due_by=None,
        status_reason="",
        created_at=start - timedelta(days=2),
    )


def test_a_45_and_a_60_minute_session_are_drawn_to_their_lengths() -> None:
    short = booking(1, datetime(2027, 3, 3, 9, 0, tzinfo=UTC), 45)  # Wed 10:00 in Madrid
    full = booking(2, datetime(2027, 3, 4, 9, 0, tzinfo=UTC), 60, payment=PaymentStatus.PAID)
    wednesday, thursday = week_cells([short, full], WEEK, MADRID)
    assert (wednesday.column, wednesday.first_hour, wednesday.hours) == (2, 10, 1)
    assert (thursday.column, thursday.first_hour, thursday.hours) == (3, 10, 1)
    (short_block,), (full_block,) = wednesday.blocks, thursday.blocks
    assert (short_block.top, short_block.bottom) == (0.0, 0.75)
    assert (full_block.top, full_block.bottom) == (0.0, 1.0)
    assert short_block.title == "10:00–10:45 Olga Berg"  # noqa: RUF001
    assert short_block.detail == "45 min · Unpaid" and not short_block.paid
    assert full_block.detail == "1 h · Paid" and full_block.paid
    cell = QRectF(0, 0, 100, 40)
    assert block_rect(cell, short_block).height() == 28.0  # 30 of 40 pixels, less the gap
    assert block_rect(cell, full_block).height() == 38.0


def test_a_90_minute_session_spans_two_hour_rows_and_starts_inside_the_first() -> None:
    later = booking(1, datetime(2027, 3, 1, 13, 30, tzinfo=UTC), 90)  # Mon 14:30-16:00 Madrid
    (cell,) = week_cells([later], WEEK, MADRID)
    assert (cell.first_hour, cell.hours) == (14, 2)
    (block,) = cell.blocks
    assert (block.top, block.bottom) == (0.25, 1.0)
    assert block.detail == "1 h 30 min · Unpaid"


def test_sessions_whose_hours_touch_share_one_cell_and_others_do_not() -> None:
    first = booking(1, datetime(2027, 3, 2, 9, 0, tzinfo=UTC), 30)  # Tue 10:00-10:30
    second = booking(2, datetime(2027, 3, 2, 9, 30, tzinfo=UTC), 60)  # Tue 10:30-11:30
    apart = booking(3, datetime(2027, 3, 2, 12, 0, tzinfo=UTC), 60)  # Tue 13:00-14:00
    shared, alone = week_cells([apart, second, first], WEEK, MADRID)
    assert (shared.first_hour, shared.hours) == (10, 2)
    assert [(b.booking_id, b.top, b.bottom) for b in shared.blocks] == [
        (1, 0.0, 0.25),
        (2, 0.25, 0.75),
    ]
    assert (alone.first_hour, alone.hours, alone.blocks[0].booking_id) == (13, 1, 3)


def test_payment_state_uses_the_shared_wording_and_a_partial_refund_is_named() -> None:
    start = datetime(2027, 3, 5, 9, 0, tzinfo=UTC)
    partly = booking(1, start, 60, payment=PaymentStatus.PAID, refunded_minor=1000)
    (cell,) = week_cells([partly], WEEK, MADRID)
    assert cell.blocks[0].detail == "1 h · Partially refunded" and cell.blocks[0].paid


def test_sessions_outside_the_week_and_the_part_past_midnight_are_left_out() -> None:
    before = booking(1, datetime(2027, 2, 28, 9, 0, tzinfo=UTC), 60)  # the Sunday before
    late = booking(2, datetime(2027, 3, 7, 22, 30, tzinfo=UTC), 60)  # Sun 23:30 -> 00:30
    (cell,) = week_cells([before, late], WEEK, MADRID)
    assert (cell.column, cell.first_hour, cell.hours) == (6, 23, 1)
    assert (cell.blocks[0].top, cell.blocks[0].bottom) == (0.5, 1.0)
