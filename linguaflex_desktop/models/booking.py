"""Session bookings, reschedule proposals and ratings.

No double booking is enforced by the database: on Postgres an exclusion constraint (created in
the migration, it needs btree_gist) over teacher and time range for non-cancelled bookings; on
SQLite the booking service checks and inserts inside one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from linguaflex_desktop.models.accounts import User
from linguaflex_desktop.models.base import Base, str_enum, utcnow
from linguaflex_desktop.models.catalogue import Gig
from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus, RescheduleStatus


class SessionBooking(Base):
    __tablename__ = "session_bookings"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ends_after_start"),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint(
            "base_amount_minor > 0 AND fee_minor >= 0"
            " AND total_minor = base_amount_minor + fee_minor"
            " AND teacher_share_minor = base_amount_minor",
            name="price_consistent",
        ),
        CheckConstraint("refunded_minor >= 0 AND refunded_minor <= total_minor", name="refund_cap"),
        CheckConstraint("student_id <> teacher_id", name="not_self_booking"),
        Index("ix_session_bookings_teacher_start", "teacher_id", "start_at"),
        Index("ix_session_bookings_student_start", "student_id", "start_at"),
        Index("ix_session_bookings_status_start", "status", "start_at"),
        Index("ix_session_bookings_start_id", "start_at", "id"),  # migration 0002
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    gig_id: Mapped[int] = mapped_column(ForeignKey("gigs.id"), index=True)
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(Integer)
    status: Mapped[BookingStatus] = mapped_column(
        str_enum(BookingStatus, "booking_status"), default=BookingStatus.PENDING
    )
    payment_status: Mapped[PaymentStatus] = mapped_column(
        str_enum(PaymentStatus, "payment_status"), default=PaymentStatus.UNPAID
    )
    # Price snapshot taken from pricing when the booking is created.
    currency: Mapped[str] = mapped_column(String(3))
    hourly_rate_minor: Mapped[int] = mapped_column(Integer)
    base_amount_minor: Mapped[int] = mapped_column(Integer)
    fee_minor: Mapped[int] = mapped_column(Integer)
    total_minor: Mapped[int] = mapped_column(Integer)
    teacher_share_minor: Mapped[int] = mapped_column(Integer)
    refunded_minor: Mapped[int] = mapped_column(Integer, default=0)
    student_note: Mapped[str] = mapped_column(Text, default="")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    respond_by: Mapped[datetime | None]  # teacher must answer a request by then
    payment_due_by: Mapped[datetime | None]  # student must pay a confirmed booking by then
    confirmed_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    student: Mapped[User] = relationship(foreign_keys=[student_id])
    teacher: Mapped[User] = relationship(foreign_keys=[teacher_id])
    gig: Mapped[Gig] = relationship()


class RescheduleProposal(Base):
    __tablename__ = "reschedule_proposals"
    __table_args__ = (CheckConstraint("end_at > start_at", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("session_bookings.id", ondelete="CASCADE"), index=True
    )
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    status: Mapped[RescheduleStatus] = mapped_column(
        str_enum(RescheduleStatus, "reschedule_status"), default=RescheduleStatus.PROPOSED
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]


class Rating(Base):
    """A student's review of a COMPLETED session: one per booking (the unique booking_id holds
    it against a double click or a race), optionally answered once by the teacher, and hidden
    by an admin when abusive (hidden reviews are neither shown to students nor counted)."""

    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint("stars BETWEEN 1 AND 5", name="stars_range"),
        CheckConstraint("(answer IS NULL) = (answered_at IS NULL)", name="answer_complete"),
        CheckConstraint("(hidden_at IS NULL) = (hidden_by_id IS NULL)", name="hidden_complete"),
        Index("ix_ratings_teacher_created", "teacher_id", "created_at"),  # migration 0101
        Index("ix_ratings_created", "created_at"),  # migration 0101
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("session_bookings.id"), unique=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    stars: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime | None]
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]
    hidden_at: Mapped[datetime | None]
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    hidden_reason: Mapped[str] = mapped_column(Text, default="")
