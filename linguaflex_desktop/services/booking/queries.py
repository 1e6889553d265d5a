"""Read side of bookings: detail with audit trail, paged lists, the teacher's queue and schedule.

Lists stay fast with 100,000 bookings: each filter maps onto an index
(``teacher_id, start_at`` / ``student_id, start_at`` / ``status, start_at``), ordering is by
``start_at, id`` and paging is by offset with a separate COUNT. Functions take an open Session
and the already re-checked acting user; the booking service wraps them in read transactions.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased, joinedload

from linguaflex_desktop.errors import PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    PaymentStatus,
    RescheduleProposal,
    RescheduleStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking.checks import optional_aware_utc
from linguaflex_desktop.services.booking.dto import (
    AuditEntryDTO,
    BookingDetailDTO,
    BookingDTO,
    BookingFilter,
    RescheduleProposalDTO,
)
from linguaflex_desktop.services.booking.row_extras import extras_of, with_row_extras
from linguaflex_desktop.services.booking.state import ENTITY, booking_to_dto
from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.services.common.pricing import MAX_DURATION_MINUTES
from linguaflex_desktop.services.common.validation import (
    check_optional_id,
    check_paging,
    enum_values,
)
from linguaflex_desktop.texts import tx

MAX_PAGE_SIZE = 500


def ensure_party_or_admin(user: User, booking: SessionBooking) -> None:
    """Only the booking's student, its teacher, or an admin may see it."""
    if user.role is Role.ADMIN or user.id in (booking.student_id, booking.teacher_id):
        return
    raise PermissionDenied(tx("This booking is not yours."))


def booking_detail(session: Session, booking: SessionBooking) -> BookingDetailDTO:
    return BookingDetailDTO(
        booking=booking_to_dto(booking),
        student_time_zone=booking.student.time_zone,
        teacher_time_zone=booking.teacher.time_zone,
        student_note=booking.student_note,
        audit=audit_entries(session, booking.id),
        reschedule_proposal=open_proposal(session, booking.id),
    )


def audit_entries(session: Session, booking_id: int) -> tuple[AuditEntryDTO, ...]:
    actor = aliased(User)
    rows = session.execute(
        select(AuditEvent, actor.display_name)
        .outerjoin(actor, actor.id == AuditEvent.actor_id)
        .where(AuditEvent.entity_type == ENTITY, AuditEvent.entity_id == booking_id)
        .order_by(AuditEvent.created_at, AuditEvent.id)
    )
    return tuple(
        AuditEntryDTO(
            id=event.id,
            at=event.created_at,
            actor_id=event.actor_id,
            actor_name=name or tx("System"),
            action=event.action,
            from_state=_describe(event.before),
            to_state=_describe(event.after),
            reason=event.reason,
        )
        for event, name in rows
    )


def _describe(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return ", ".join(f"{key}={value}" for key, value in sorted(values.items()))


def open_proposal(session: Session, booking_id: int) -> RescheduleProposalDTO | None:
    proposal = session.scalars(
        select(RescheduleProposal)
        .where(
            RescheduleProposal.booking_id == booking_id,
            RescheduleProposal.status == RescheduleStatus.PROPOSED,
        )
        .order_by(RescheduleProposal.id.desc())
    ).first()
    return None if proposal is None else proposal_to_dto(session, proposal)


def proposal_to_dto(session: Session, proposal: RescheduleProposal) -> RescheduleProposalDTO:
    proposer = session.get(User, proposal.proposed_by_id)
    return RescheduleProposalDTO(
        id=proposal.id,
        booking_id=proposal.booking_id,
        proposed_by_id=proposal.proposed_by_id,
        proposed_by_name=proposer.display_name if proposer else "",
        start_at=proposal.start_at,
        end_at=proposal.end_at,
        status=proposal.status,
        created_at=proposal.created_at,
        decided_at=proposal.decided_at,
    )


def scoped_filter(user: User, filters: BookingFilter) -> BookingFilter:
    """Students see their own bookings, teachers theirs, admins all; asking for someone
    else's is refused rather than silently answered. Naive time bounds are refused
    (ValidationError); aware ones are turned to UTC."""
    filters = checked_filter(filters)
    if user.role is Role.ADMIN:
        return filters
    if user.role is Role.STUDENT:
        if filters.student_id not in (None, user.id):
            raise PermissionDenied(tx("You can only list your own bookings."))
        return replace(filters, student_id=user.id)
    if filters.teacher_id not in (None, user.id):
        raise PermissionDenied(tx("You can only list your own bookings."))
    return replace(filters, teacher_id=user.id)


def checked_filter(filters: object) -> BookingFilter:
    """The filter with every field checked (ValidationError names the bad one): statuses of
    the right kind, record numbers a database can hold, aware time bounds (turned to UTC)."""
    if not isinstance(filters, BookingFilter):
        raise ValidationError(tx("The booking filter is not a BookingFilter."))
    if not isinstance(filters.newest_first, bool):
        raise ValidationError(tx("Say whether the newest bookings come first (yes or no)."))
    return replace(
        filters,
        statuses=enum_values(filters.statuses, BookingStatus, what=tx("booking status")),
        payment_statuses=enum_values(
            filters.payment_statuses, PaymentStatus, what=tx("payment status")
        ),
        teacher_id=check_optional_id(filters.teacher_id, what=tx("teacher")),
        student_id=check_optional_id(filters.student_id, what=tx("student")),
        gig_id=check_optional_id(filters.gig_id, what=tx("gig")),
        start_from=optional_aware_utc(filters.start_from, tx("The 'from' time")),
        start_to=optional_aware_utc(filters.start_to, tx("The 'to' time")),
    )


def _filtered(query: Select[Any], filters: BookingFilter) -> Select[Any]:
    if filters.statuses:
        query = query.where(SessionBooking.status.in_(filters.statuses))
    if filters.payment_statuses:
        query = query.where(SessionBooking.payment_status.in_(filters.payment_statuses))
    if filters.teacher_id is not None:
        query = query.where(SessionBooking.teacher_id == filters.teacher_id)
    if filters.student_id is not None:
        query = query.where(SessionBooking.student_id == filters.student_id)
    if filters.gig_id is not None:
        query = query.where(SessionBooking.gig_id == filters.gig_id)
    if filters.start_from is not None:
        query = query.where(SessionBooking.start_at >= filters.start_from)
    if filters.start_to is not None:
        query = query.where(SessionBooking.start_at < filters.start_to)
    return query


def count_bookings(session: Session, filters: BookingFilter) -> int:
    query = _filtered(select(func.count()).select_from(SessionBooking), filters)
    return int(session.scalar(query) or 0)


def list_bookings(
    session: Session, filters: BookingFilter, *, offset: int, limit: int
) -> Page[BookingDTO]:
    check_paging(offset, limit, max_limit=MAX_PAGE_SIZE)
    # Page the narrow id list first (index-only), then load just those rows with their parties:
    # a deep offset then skips index entries, not joined rows.
    # The meeting state and the open-proposal flag come with those rows (one join, one
    # EXISTS per row along an index), not from a query per row.
    ids = list(session.scalars(page_ids_query(filters).offset(offset).limit(limit)))
    by_id = {dto.id: dto for dto in _dtos(session, page_rows_query(ids))}
    items = tuple(by_id[booking_id] for booking_id in ids)
    return Page(items=items, total=count_bookings(session, filters), offset=offset, limit=limit)


def page_ids_query(filters: BookingFilter) -> Select[Any]:
    """The ids of the filtered bookings in list order (start time, then id)."""
    order = (
        (SessionBooking.start_at.desc(), SessionBooking.id.desc())
        if filters.newest_first
        else (SessionBooking.start_at, SessionBooking.id)
    )
    return _filtered(select(SessionBooking.id), filters).order_by(*order)


def page_rows_query(ids: list[int]) -> Select[Any]:
    """The rows of a page: bookings by id with parties, gig, meeting state, proposal flag."""
    return _list_rows(select(SessionBooking)).where(SessionBooking.id.in_(ids))


def teacher_request_queue(session: Session, teacher: User, now: datetime) -> list[BookingDTO]:
    """Open requests waiting for this teacher, the most urgent (earliest respond_by) first."""
    query = _list_rows(select(SessionBooking)).where(
        SessionBooking.teacher_id == teacher.id,
        SessionBooking.status == BookingStatus.PENDING,
        SessionBooking.respond_by > now,
    )
    return _dtos(session, query.order_by(SessionBooking.respond_by, SessionBooking.id))


def teacher_schedule(
    session: Session, teacher: User, from_at: datetime, to_at: datetime
) -> list[BookingDTO]:
    """The teacher's slot-holding bookings overlapping [from_at, to_at), in start order."""
    if from_at.tzinfo is None or to_at.tzinfo is None:
        raise ValidationError(tx("Give the schedule window as aware instants."))
    if to_at <= from_at:
        raise ValidationError(tx("The end of the window is before its start."))
    return _dtos(session, teacher_schedule_query(teacher.id, from_at, to_at))


def next_session_start(session: Session, teacher: User, now: datetime) -> datetime | None:
    """When the teacher's next session that has not ended begins (requested or confirmed)."""
    return session.scalars(
        select(SessionBooking.start_at)
        .where(
            SessionBooking.teacher_id == teacher.id,
            SessionBooking.status.in_((BookingStatus.PENDING, BookingStatus.CONFIRMED)),
            # a bound the (teacher, start) index can seek to: no session lasts longer
            SessionBooking.start_at > now - timedelta(minutes=MAX_DURATION_MINUTES),
            SessionBooking.end_at > now,
        )
        .order_by(SessionBooking.start_at)
        .limit(1)
    ).first()


def teacher_schedule_query(teacher_id: int, from_at: datetime, to_at: datetime) -> Select[Any]:
    """The teacher's slot-holding bookings overlapping [from_at, to_at), in start order."""
    return (
        _list_rows(select(SessionBooking))
        .where(
            SessionBooking.teacher_id == teacher_id,
            SessionBooking.status != BookingStatus.CANCELLED,
            SessionBooking.start_at < to_at,
            SessionBooking.end_at > from_at,
        )
        .order_by(SessionBooking.start_at, SessionBooking.id)
    )


def _list_rows(query: Select[Any]) -> Select[Any]:
    """Bookings with their parties and gig (joined), meeting state and proposal flag."""
    return with_row_extras(
        query.options(
            joinedload(SessionBooking.student),
            joinedload(SessionBooking.teacher),
            joinedload(SessionBooking.gig),
        )
    )


def _dtos(session: Session, query: Select[Any]) -> list[BookingDTO]:
    return [
        booking_to_dto(booking, extras_of(booking, stored, reason, has_open_proposal, reviewed))
        for booking, stored, reason, has_open_proposal, reviewed in session.execute(query)
    ]
