"""When the teacher's "Mark completed" is offered (DESIGN.md section 4):
pure predicates over BookingDTO, used by the schedule page and the booking detail.

The service (``BookingService.complete_booking``) decides; these only mirror its rules so the
button is enabled when the call can succeed and its tooltip says why not. Any thread.
"""

from __future__ import annotations

from datetime import datetime

from linguaflex_desktop.models import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import Actor

COMPLETE_TEXT = "Mark completed"


def can_complete(booking: BookingDTO, now: datetime) -> bool:
    """A CONFIRMED, PAID booking whose session has ended."""
    return complete_refusal(booking, now) == ""


def complete_refusal(booking: BookingDTO, now: datetime) -> str:
    """Why the session cannot be marked completed now ('' when it can)."""
    if booking.status is BookingStatus.COMPLETED:
        return "This session is already completed."
    if booking.status is not BookingStatus.CONFIRMED:
        return "Only a confirmed, paid session can be marked completed."
    if booking.payment_status is not PaymentStatus.PAID:
        return "A session can only be completed once it has been paid."
    if now < booking.end_at:
        return "The session has not ended yet."
    return ""


def is_own_teacher(actor: Actor, booking: BookingDTO) -> bool:
    """The acting user teaches this booking (only they may mark it completed)."""
    return actor.id == booking.teacher_id
