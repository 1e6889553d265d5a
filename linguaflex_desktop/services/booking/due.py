"""Automatic transitions run by the system actor (a timer in the app, or ``linguaflex worker``).

Unanswered requests expire at ``respond_by``; CONFIRMED bookings left UNPAID or FAILED are
cancelled at ``payment_due_by`` (a payment still PENDING is left to the payment reconciler);
PAID sessions complete after their end; reschedule proposals inside the lead time are
withdrawn. Each booking changes in its own transaction under a row lock (rows another worker
holds are skipped), and every condition is re-checked under the lock, so runs are idempotent
and safe next to user actions. ``DueTransitions`` is its own collaborator (the booking
service does not use it); called on worker threads (the app's periodic-task thread, or the
headless worker).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from linguaflex_desktop.models import (
    AuditAction,
    BookingStatus,
    PaymentStatus,
    RescheduleProposal,
    RescheduleStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.state import apply_booking_status
from linguaflex_desktop.services.common.context import ServiceContext

_UNPAID = (PaymentStatus.UNPAID, PaymentStatus.FAILED)


class DueTransitions:
    """The system actor's sweep over bookings whose deadline or end has come. Thread-safe:
    each call opens its own Sessions."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def run_due_transitions(self) -> int:
        """System actor: expire unanswered requests, cancel CONFIRMED bookings left UNPAID or
        FAILED past payment_due_by, complete PAID sessions past their end, withdraw reschedule
        proposals that are now too close. One transaction per booking; rows another worker
        holds are skipped. Idempotent. Returns the number of changes made."""
        now = self._ctx.now()
        changes = 0
        for booking_id in self._due_ids(now):
            changes += self._run_due(booking_id, now)
        return changes + self._expire_proposals(now)

    def run_for_booking(self, booking_id: int) -> int:
        """The same sweep for one booking (the admin's "needs attention" fix): 1 when it
        changed, 0 when nothing was due (or another worker holds its row)."""
        return self._run_due(booking_id, self._ctx.now())

    def _due_ids(self, now: datetime) -> list[int]:
        with self._ctx.unit_of_work(write=False) as uow:
            query = select(SessionBooking.id).where(
                (
                    (SessionBooking.status == BookingStatus.PENDING)
                    & (SessionBooking.respond_by <= now)
                )
                | (
                    (SessionBooking.status == BookingStatus.CONFIRMED)
                    & SessionBooking.payment_status.in_(_UNPAID)
                    & (SessionBooking.payment_due_by <= now)
                )
                | (
                    (SessionBooking.status == BookingStatus.CONFIRMED)
                    & (SessionBooking.payment_status == PaymentStatus.PAID)
                    & (SessionBooking.end_at <= now)
                )
            )
            return list(uow.session.scalars(query.order_by(SessionBooking.id)))

    def _run_due(self, booking_id: int, now: datetime) -> int:
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            booking = session.scalars(
                select(SessionBooking)
                .where(SessionBooking.id == booking_id)
                .with_for_update(skip_locked=True)
                .execution_options(populate_existing=True)
            ).first()
            target = None if booking is None else _due_change(booking, now)
            if booking is None or target is None:
                return 0
            to, action, reason = target
            apply_booking_status(
                session, booking, to, actor_id=None, reason=reason, at=now, action=action
            )
            uow.commit()
            return 1

    def _expire_proposals(self, now: datetime) -> int:
        """Withdraw open proposals whose time is now inside the minimum lead time."""
        with self._ctx.unit_of_work() as uow:
            result = uow.session.execute(
                update(RescheduleProposal)
                .where(
                    RescheduleProposal.status == RescheduleStatus.PROPOSED,
                    RescheduleProposal.start_at < rules.earliest_bookable_start(now),
                )
                .values(status=RescheduleStatus.WITHDRAWN, decided_at=now)
                .execution_options(synchronize_session=False)
            )
            uow.commit()
        return int(getattr(result, "rowcount", 0) or 0)


def _due_change(
    booking: SessionBooking, now: datetime
) -> tuple[BookingStatus, AuditAction, str] | None:
    """What the system does to this booking now, if anything (re-checked under the lock)."""
    if booking.status is BookingStatus.PENDING and rules.deadline_passed(booking.respond_by, now):
        reason = rules.EXPIRED_REASON
        return BookingStatus.CANCELLED, AuditAction.BOOKING_EXPIRED, reason
    if (
        booking.status is BookingStatus.CONFIRMED
        and booking.payment_status in _UNPAID
        and rules.deadline_passed(booking.payment_due_by, now)
    ):
        reason = rules.OVERDUE_REASON
        return BookingStatus.CANCELLED, AuditAction.BOOKING_PAYMENT_OVERDUE, reason
    if (
        booking.status is BookingStatus.CONFIRMED
        and booking.payment_status is PaymentStatus.PAID
        and booking.end_at <= now
    ):
        return BookingStatus.COMPLETED, AuditAction.BOOKING_COMPLETED, rules.ENDED_REASON
    return None
