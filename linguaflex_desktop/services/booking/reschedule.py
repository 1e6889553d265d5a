"""Reschedules: either party proposes a new time, the other accepts or declines.

The booking keeps its status, payment and price; only its time moves, and only while it is
PENDING or CONFIRMED. A new proposal withdraws an open one (a counter-proposal). Accepting
re-checks the lead time and both parties' other bookings; on Postgres the exclusion
constraints still hold the line. Every step locks the booking row and is audited.
``Reschedules`` is its own collaborator next to ``BookingService``; called on worker threads.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    AuditAction,
    BookingEventKind,
    BookingStatus,
    RescheduleProposal,
    RescheduleStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.availability import teacher_is_available
from linguaflex_desktop.services.booking.checks import (
    aware_utc,
    check_no_overlap,
    check_start,
    queue_for_slots,
    retry_on_deadlock,
    slot_taken_from,
)
from linguaflex_desktop.services.booking.dto import BookingDTO, RescheduleProposalDTO
from linguaflex_desktop.services.booking.events import on_booking_transition
from linguaflex_desktop.services.booking.queries import proposal_to_dto
from linguaflex_desktop.services.booking.state import (
    ENTITY,
    booking_to_dto,
    load_booking,
    withdraw_open_proposals,
)
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.texts import tx


class Reschedules:
    """Proposing, accepting and declining a new time for a booking. Thread-safe: each call
    opens its own Session."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def propose_reschedule(
        self, actor: Actor, booking_id: int, *, start_at: datetime
    ) -> RescheduleProposalDTO:
        """The booking's student or teacher proposes a new start (same duration). A student's
        proposal must fit the teacher's availability; the teacher may offer any free time."""
        start_at = aware_utc(start_at, tx("The new start time"))
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            user = load_acting_user(session, actor)
            booking = load_booking(session, booking_id, for_update=True)
            _ensure_party(user, booking)
            _ensure_movable(booking)
            now = self._ctx.now()
            if start_at == booking.start_at:
                raise ValidationError(tx("That is already the time of this booking."))
            end_at = start_at + timedelta(minutes=booking.duration_minutes)
            check_start(start_at, now)
            if user.id == booking.student_id and not teacher_is_available(
                session, booking.teacher, start_at, end_at
            ):
                raise ValidationError(tx("The teacher is not available at that time."))
            _check_free(session, booking, user, start_at, end_at)
            withdraw_open_proposals(session, booking.id, at=now)
            proposal = RescheduleProposal(
                booking_id=booking.id,
                proposed_by_id=user.id,
                start_at=start_at,
                end_at=end_at,
                status=RescheduleStatus.PROPOSED,
                created_at=now,
            )
            session.add(proposal)
            session.flush()
            _audit(
                session,
                booking,
                user.id,
                AuditAction.BOOKING_RESCHEDULE_PROPOSED,
                now,
                start_at,
                "",
            )
            result = proposal_to_dto(session, proposal)
            uow.commit()
        return result

    def accept_reschedule(self, actor: Actor, proposal_id: int) -> BookingDTO:
        """The other party accepts: the booking moves; status, payment and price stay."""
        return retry_on_deadlock(
            lambda queued: self._move_to_proposal(actor, proposal_id, queued=queued)
        )

    def _move_to_proposal(self, actor: Actor, proposal_id: int, *, queued: bool) -> BookingDTO:
        """One attempt at accept_reschedule's transaction; ``queued``: run again after a
        deadlock (``retry_on_deadlock``)."""
        try:
            with self._ctx.unit_of_work() as uow:
                session = uow.session
                user, proposal, booking = _load_for_answer(session, actor, proposal_id)
                if queued:
                    queue_for_slots(
                        session, teacher_id=booking.teacher_id, student_id=booking.student_id
                    )
                now = self._ctx.now()
                if proposal.start_at < rules.earliest_bookable_start(now):
                    raise InvalidTransition(tx("The proposed time is now too close to accept."))
                _check_free(session, booking, user, proposal.start_at, proposal.end_at)
                old_start = booking.start_at
                _move(booking, proposal.start_at, proposal.end_at)
                proposal.status = RescheduleStatus.ACCEPTED
                proposal.decided_at = now
                reason = f"Proposed by the {_side(booking, proposal.proposed_by_id)}."
                _audit(
                    session,
                    booking,
                    user.id,
                    AuditAction.BOOKING_RESCHEDULED,
                    now,
                    old_start,
                    reason,
                )
                on_booking_transition(
                    session,
                    booking,
                    kind=BookingEventKind.RESCHEDULED,
                    at=now,
                    previous_start_at=old_start,
                )
                session.flush()
                result = booking_to_dto(booking)
                uow.commit()
        except IntegrityError as error:
            taken = slot_taken_from(error, student_is_actor=False)
            if taken is None:
                raise
            raise taken from error
        return result

    def decline_reschedule(self, actor: Actor, proposal_id: int) -> RescheduleProposalDTO:
        """The other party declines: the booking keeps its time."""
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            user, proposal, booking = _load_for_answer(session, actor, proposal_id)
            now = self._ctx.now()
            proposal.status = RescheduleStatus.DECLINED
            proposal.decided_at = now
            _audit(
                session,
                booking,
                user.id,
                AuditAction.BOOKING_RESCHEDULE_DECLINED,
                now,
                proposal.start_at,
                "",
            )
            session.flush()
            result = proposal_to_dto(session, proposal)
            uow.commit()
        return result


def _load_for_answer(
    session: Session, actor: Actor, proposal_id: int
) -> tuple[User, RescheduleProposal, SessionBooking]:
    user = load_acting_user(session, actor)
    proposal = session.get(RescheduleProposal, proposal_id)
    if proposal is None:
        raise NotFound(tx("That reschedule proposal does not exist."))
    booking = load_booking(session, proposal.booking_id, for_update=True)
    session.refresh(proposal)
    _ensure_party(user, booking)
    if user.id == proposal.proposed_by_id:
        raise PermissionDenied(tx("You proposed this time; the other party decides."))
    if proposal.status is not RescheduleStatus.PROPOSED:
        raise InvalidTransition(tx("This proposal is no longer open."))
    _ensure_movable(booking)
    return user, proposal, booking


def _ensure_party(user: User, booking: SessionBooking) -> None:
    if (user.role is Role.STUDENT and user.id == booking.student_id) or (
        user.role is Role.TEACHER and user.id == booking.teacher_id
    ):
        return
    raise PermissionDenied(
        tx("Only the student and the teacher of this booking can reschedule it.")
    )


def _ensure_movable(booking: SessionBooking) -> None:
    if booking.status not in rules.RESCHEDULABLE_STATUSES:
        raise InvalidTransition(
            tx(
                "This booking is {status}; it can no longer be moved.",
                status=rules.describe_status(booking.status),
            )
        )


def _check_free(
    session: Session, booking: SessionBooking, user: User, start_at: datetime, end_at: datetime
) -> None:
    check_no_overlap(
        session,
        teacher_id=booking.teacher_id,
        student_id=booking.student_id,
        start_at=start_at,
        end_at=end_at,
        student_is_actor=user.id == booking.student_id,
        exclude_booking_id=booking.id,
    )


def _move(booking: SessionBooking, start_at: datetime, end_at: datetime) -> None:
    """Move the booking; its deadlines never end up later than the policy allows."""
    booking.start_at = start_at
    booking.end_at = end_at
    if booking.status is BookingStatus.PENDING and booking.respond_by is not None:
        booking.respond_by = min(booking.respond_by, start_at - rules.MIN_LEAD_TIME)
    if booking.payment_due_by is not None:
        latest = start_at - rules.PAYMENT_CUTOFF_BEFORE_START
        booking.payment_due_by = min(booking.payment_due_by, latest)


def _side(booking: SessionBooking, user_id: int) -> str:
    return "student" if user_id == booking.student_id else "teacher"


def _audit(
    session: Session,
    booking: SessionBooking,
    actor_id: int,
    action: AuditAction,
    at: datetime,
    other_start: datetime,
    reason: str,
) -> None:
    """Record a reschedule step: the booking's start before and after (or as proposed)."""
    moved = action == AuditAction.BOOKING_RESCHEDULED
    record_audit(
        session,
        actor_id=actor_id,
        action=action,
        entity_type=ENTITY,
        entity_id=booking.id,
        at=at,
        before={"start_at": (other_start if moved else booking.start_at).isoformat()},
        after={"start_at": (booking.start_at if moved else other_start).isoformat()},
        reason=reason,
    )
