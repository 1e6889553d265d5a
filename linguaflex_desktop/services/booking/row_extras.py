"""What a booking row shows besides the booking itself: its meeting state as the parties see
it, whether a new time is waiting for an answer and whether the student has reviewed it.

Lists add these as columns of their one query (``with_row_extras``: an outer join on
``meetings``, unique per booking, an EXISTS on ``reschedule_proposals`` along its booking
index and one on ``ratings`` along its unique booking index), so a page of bookings costs
no query per row. A single booking (after a transition) looks them up with one small query
(``load_row_extras``). Pure SQL building plus one read; any thread, inside the caller's
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import (
    BookingStatus,
    Meeting,
    MeetingStatus,
    PaymentStatus,
    Rating,
    RescheduleProposal,
    RescheduleStatus,
    SessionBooking,
)


@dataclass(frozen=True)
class RowExtras:
    """The meeting state the parties see (None: no meeting, the booking is not paid), the
    meeting's failure reason ('' if none) and whether a reschedule proposal is open."""

    meeting_status: MeetingStatus | None = None
    meeting_reason: str = ""
    has_open_proposal: bool = False
    has_review: bool = False


def visible_meeting_status(
    stored: MeetingStatus | None, *, status: BookingStatus, payment_status: PaymentStatus
) -> MeetingStatus | None:
    """The meeting state as shown to every role: a paid, confirmed booking without a meeting
    row yet is ``pending`` (its create job has not run); a booking no longer paid has no
    usable meeting (``deleted`` if one was made, else None)."""
    paid = payment_status is PaymentStatus.PAID
    if stored is None and paid and status is BookingStatus.CONFIRMED:
        return MeetingStatus.PENDING
    if not paid and stored in (MeetingStatus.PENDING, MeetingStatus.READY):
        return MeetingStatus.DELETED
    return stored


def open_proposal_exists() -> ColumnElement[bool]:
    """EXISTS an open (PROPOSED) reschedule of the enclosing query's booking."""
    return exists().where(
        RescheduleProposal.booking_id == SessionBooking.id,
        RescheduleProposal.status == RescheduleStatus.PROPOSED,
    )


def review_exists() -> ColumnElement[bool]:
    """EXISTS a review (hidden or not) of the enclosing query's booking."""
    return exists().where(Rating.booking_id == SessionBooking.id)


def with_row_extras(query: Select[Any]) -> Select[Any]:
    """``query`` over SessionBooking with four more columns: the stored meeting status, its
    failure reason, the open-proposal flag and the review flag (read them back with
    ``extras_of``)."""
    return query.outerjoin(Meeting, Meeting.booking_id == SessionBooking.id).add_columns(
        Meeting.status,
        Meeting.failure_reason,
        open_proposal_exists().label("has_open_proposal"),
        review_exists().label("has_review"),
    )


def extras_of(
    booking: SessionBooking,
    stored: MeetingStatus | None,
    reason: str | None,
    has_open_proposal: bool | None,
    has_review: bool | None = False,
) -> RowExtras:
    """The extras of one row of a ``with_row_extras`` query."""
    return RowExtras(
        meeting_status=visible_meeting_status(
            stored, status=booking.status, payment_status=booking.payment_status
        ),
        meeting_reason=reason or "",
        has_open_proposal=bool(has_open_proposal),
        has_review=bool(has_review),
    )


def load_row_extras(session: Session, booking: SessionBooking) -> RowExtras:
    """The extras of one booking (one query): for DTOs made outside a list."""
    row = session.execute(
        with_row_extras(select(SessionBooking.id)).where(SessionBooking.id == booking.id)
    ).first()
    if row is None:  # not flushed yet: nothing can refer to it
        return RowExtras()
    _id, stored, reason, has_open_proposal, has_review = row
    return extras_of(booking, stored, reason, has_open_proposal, has_review)
