"""Frozen DTOs of the cancellation requests (returned to the UI, never ORM objects).

A request DTO is read by the student too: it carries the student's reason and the note the
answerer wrote FOR the student, never a refund's internal reason. Money is an int of minor
units plus its currency; instants are aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from linguaflex_desktop.models.enums import (
    BookingStatus,
    CancellationAnswer,
    CancellationRequestState,
    PaymentStatus,
)


@dataclass(frozen=True)
class CancellationRequestDTO:
    id: int
    booking_id: int
    student_id: int
    student_name: str
    teacher_id: int
    teacher_name: str
    gig_title: str
    start_at: datetime
    booking_status: BookingStatus
    payment_status: PaymentStatus
    currency: str
    paid_minor: int
    refunded_minor: int
    reason: str
    created_at: datetime
    state: CancellationRequestState
    answer: CancellationAnswer | None
    amount_minor: int | None  # what the answer refunded (None: no refund, or not answered)
    answered_by_name: str | None
    answered_at: datetime | None
    note_to_student: str
    can_answer: bool  # the reader may answer it now (the booking's teacher, or an admin)

    @property
    def is_open(self) -> bool:
        return self.state is CancellationRequestState.OPEN
