"""Automatic transitions run by the system actor (a timer in the app, or ``linguaflex worker``).

Unanswered requests expire at ``respond_by``; CONFIRMED bookings left UNPAID or FAILED are
cancelled at ``payment_due_by`` (a payment still PENDING is left to the payment reconciler);
PAID sessions complete after their end; reschedule proposals inside the lead time are
withdrawn. Bookings change in small batches, each one transaction under the rows' locks (rows
another worker holds are skipped), and every condition is re-checked under the lock, so runs
are idempotent and safe next to user actions; between batches the sweep rests and can be
stopped (``Pace``), so a backlog never holds the GUI thread's interpreter or the app's quit.
``DueTransitions`` is its own collaborator (the booking service does not use it); called on
worker threads (the app's periodic-task thread, or the headless worker).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import joinedload

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
from linguaflex_desktop.services.common.pacing import Pace

_UNPAID = (PaymentStatus.UNPAID, PaymentStatus.FAILED)
# Bookings changed per transaction. Each change is about 5 ms of the interpreter (its audit
# line, notices and jobs through the ORM): a batch of 10 held it for 50-100 ms, and a page of
# rows arriving meanwhile in the window ran at half speed (bench/bench_background.py). Two
# keep a batch near 10 ms, and its rows (SQLite: the write lock) as short; where a GUI shares
# the interpreter the pace takes one booking per batch (``Pace.batch_size``).
DUE_BATCH_SIZE = 2


class DueTransitions:
    """The system actor's sweep over bookings whose deadline or end has come. Thread-safe:
    each call opens its own Sessions."""

    def __init__(self, ctx: ServiceContext, *, batch_size: int = DUE_BATCH_SIZE) -> None:
        self._ctx = ctx
        self.batch_size = batch_size

    def run_due_transitions(self, pace: Pace | None = None) -> int:
        """System actor: expire unanswered requests, cancel CONFIRMED bookings left UNPAID or
        FAILED past payment_due_by, complete PAID sessions past their end, withdraw reschedule
        proposals that are now too close. Bookings are taken in batches of ``batch_size`` in
        id order, each batch one transaction that locks its rows (rows another worker holds are
        skipped); between batches ``pace`` rests, and once it says stop the sweep ends there:
        the bookings left are taken by the next run. Idempotent. Returns the number of changes
        made."""
        pace = pace or Pace.unpaced()
        now = self._ctx.now()
        changes, after = 0, 0
        size = pace.batch_size(self.batch_size)
        pace.start()
        while not pace.stopping():
            done, last = self._run_batch(now, after=after, size=size)
            changes += done
            if last is None:  # every due booking was seen: the proposals are one statement
                return changes + self._expire_proposals(now)
            if not pace.between_batches():
                break
            after = last
        return changes

    def run_for_booking(self, booking_id: int) -> int:
        """The same sweep for one booking (the admin's "needs attention" fix): 1 when it
        changed, 0 when nothing was due (or another worker holds its row)."""
        done, _last = self._run_batch(self._ctx.now(), only=booking_id)
        return done

    def _run_batch(
        self, now: datetime, *, after: int = 0, only: int | None = None, size: int | None = None
    ) -> tuple[int, int | None]:
        """One transaction: lock up to ``size`` (``batch_size``) due bookings with an id above
        ``after`` and change each as its condition (re-checked under the lock) says. Returns
        the changes and the last id taken (None when no due booking was left)."""
        query = (
            select(SessionBooking)
            .where(_is_due(now), SessionBooking.id > after)
            .order_by(SessionBooking.id)
            .limit(size or self.batch_size)
            # The texts of each change's notices name its gig and both parties: read with the
            # booking, not one round trip each after it (only the booking's row is locked).
            .options(
                joinedload(SessionBooking.student, innerjoin=True),
                joinedload(SessionBooking.teacher, innerjoin=True),
                joinedload(SessionBooking.gig, innerjoin=True),
            )
            .with_for_update(skip_locked=True, of=SessionBooking)
            .execution_options(populate_existing=True)
        )
        if only is not None:
            query = query.where(SessionBooking.id == only)
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            bookings = list(session.scalars(query))
            changes = 0
            for booking in bookings:
                target = _due_change(booking, now)
                if target is None:
                    continue
                to, action, reason = target
                apply_booking_status(
                    session, booking, to, actor_id=None, reason=reason, at=now, action=action
                )
                changes += 1
            uow.commit()
        return changes, (bookings[-1].id if bookings else None)

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


def _is_due(now: datetime) -> ColumnElement[bool]:
    """The bookings ``_due_change`` may change (it re-checks each under its row lock)."""
    return (
        ((SessionBooking.status == BookingStatus.PENDING) & (SessionBooking.respond_by <= now))
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
