"""Frozen DTOs of availability and bookings (services return these, never ORM objects).

Every instant is an aware UTC datetime; the UI converts to the viewer's zone for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from linguaflex_desktop.models.enums import (
    BookingStatus,
    MeetingStatus,
    PaymentStatus,
    RescheduleStatus,
)


@dataclass(frozen=True)
class WeeklyRange:
    """A weekly range in the teacher's own zone: weekday 0 = Monday, minutes from 00:00.

    ``end_minute`` may be 1440 (midnight at the end of the day).
    """

    weekday: int
    start_minute: int
    end_minute: int

    @classmethod
    def of(cls, weekday: int, start: time, end: time | None) -> WeeklyRange:
        """Build from wall-clock times; ``end=None`` means the end of the day (24:00)."""
        end_minute = 1440 if end is None else end.hour * 60 + end.minute
        return cls(weekday, start.hour * 60 + start.minute, end_minute)


@dataclass(frozen=True)
class DayOffDTO:
    local_date: date
    note: str


@dataclass(frozen=True)
class WeeklyAvailabilityDTO:
    teacher_id: int
    time_zone: str
    ranges: tuple[WeeklyRange, ...]
    days_off: tuple[DayOffDTO, ...]


@dataclass(frozen=True)
class SlotDTO:
    """A bookable slot: start/end are aware UTC instants."""

    start_at: datetime
    end_at: datetime
    duration_minutes: int


@dataclass(frozen=True)
class BookingDTO:
    """A booking as its lists show it. ``meeting_status`` is the meeting state every role sees
    (None: no meeting, the booking is not paid; see ``booking_row_extras``), with the provider's
    failure reason in ``meeting_reason``; ``has_open_proposal`` says a new time was proposed
    and waits for the other party; ``has_review`` says its student has reviewed it."""

    id: int
    student_id: int
    student_name: str
    teacher_id: int
    teacher_name: str
    gig_id: int
    gig_title: str
    start_at: datetime
    end_at: datetime
    duration_minutes: int
    status: BookingStatus
    payment_status: PaymentStatus
    currency: str
    hourly_rate_minor: int
    base_amount_minor: int
    fee_minor: int
    total_minor: int
    teacher_share_minor: int
    refunded_minor: int
    version: int
    respond_by: datetime | None
    payment_due_by: datetime | None
    status_reason: str
    created_at: datetime
    meeting_status: MeetingStatus | None = None
    meeting_reason: str = ""
    has_open_proposal: bool = False
    has_review: bool = False  # the student has reviewed it (a hidden review counts too)


@dataclass(frozen=True)
class AuditEntryDTO:
    """One line of a booking's history: who moved it from what to what, when and why."""

    id: int
    at: datetime
    actor_id: int | None
    actor_name: str  # "System" for automatic transitions
    action: str
    from_state: str
    to_state: str
    reason: str


@dataclass(frozen=True)
class RescheduleProposalDTO:
    id: int
    booking_id: int
    proposed_by_id: int
    proposed_by_name: str
    start_at: datetime
    end_at: datetime
    status: RescheduleStatus
    created_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class BookingDetailDTO:
    """What the booking's detail view shows: the booking, both zones, history, open proposal."""

    booking: BookingDTO
    student_time_zone: str
    teacher_time_zone: str
    student_note: str
    audit: tuple[AuditEntryDTO, ...]
    reschedule_proposal: RescheduleProposalDTO | None


@dataclass(frozen=True)
class BookingFilter:
    """Filters of the paged booking lists; empty tuples / None mean "any".

    ``start_from``/``start_to`` bound ``start_at`` (inclusive / exclusive, aware UTC).
    ``newest_first`` orders by start time descending.
    """

    statuses: tuple[BookingStatus, ...] = ()
    payment_statuses: tuple[PaymentStatus, ...] = ()
    teacher_id: int | None = None
    student_id: int | None = None
    gig_id: int | None = None
    start_from: datetime | None = None
    start_to: datetime | None = None
    newest_first: bool = False
