"""A student's request to cancel a paid booking inside the cancellation policy's notice period.

The teacher or an admin answers it (``CancellationAnswer``); a refund it makes is linked. At
most one open request per booking, held by the database (a partial unique index).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from linguaflex_desktop.models.base import Base, str_enum, utcnow
from linguaflex_desktop.models.enums import CancellationAnswer, CancellationRequestState

_OPEN = "state = 'open'"


class CancellationRequest(Base):
    __tablename__ = "cancellation_requests"
    __table_args__ = (
        CheckConstraint("amount_minor IS NULL OR amount_minor > 0", name="amount_positive"),
        CheckConstraint(
            "(state = 'open') = (answer IS NULL AND answered_at IS NULL)", name="answered_fields"
        ),
        Index(
            "uq_cancellation_requests_one_open_per_booking",
            "booking_id",
            unique=True,
            sqlite_where=text(_OPEN),
            postgresql_where=text(_OPEN),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("session_bookings.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[CancellationRequestState] = mapped_column(
        str_enum(CancellationRequestState, "cancellation_request_state"),
        default=CancellationRequestState.OPEN,
    )
    answer: Mapped[CancellationAnswer | None] = mapped_column(
        str_enum(CancellationAnswer, "cancellation_answer")
    )
    amount_minor: Mapped[int | None] = mapped_column(Integer)  # what the answer refunds
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None]
    note_to_student: Mapped[str] = mapped_column(Text, default="")
