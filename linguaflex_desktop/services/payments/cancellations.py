"""Cancelling a PAID booking under the cancellation policy (``booking.policy``), through the
admins' refund path (``Refunds.refund_on_behalf``: idempotency key, Stripe, audit, the
booking CANCELLED and both parties told "refunded", exactly as an admin's full refund).

- The student, more than 24 hours before the start: a full refund, automatically. From
  exactly 24 hours before on, ``cancel_as_student`` refuses: the student asks instead
  (``cancellation_requests``).
- The teacher, any time before the session is completed: always a full refund; their reason
  is what the student is told.

The policy is checked under the booking lock, in the transaction that claims the refund, so a
cancel racing the 24-hour mark or a second click is decided once. Blocks on Stripe: call from
a worker thread.
"""

from __future__ import annotations

from linguaflex_desktop.errors import InvalidTransition, PermissionDenied
from linguaflex_desktop.models import Role, SessionBooking, User
from linguaflex_desktop.services.booking import policy
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.stored_texts import keep, with_reason
from linguaflex_desktop.services.common.validation import clean_multiline
from linguaflex_desktop.services.payments.dto import RefundResult
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.texts import tx

MAX_CANCEL_REASON_LENGTH = policy.MAX_CANCEL_REASON_LENGTH
STUDENT_REFUND_REASON = tx("Cancelled by the student more than 24 hours before the start.")
STUDENT_REFUND_MESSAGE = tx(
    "You cancelled more than 24 hours before the start: full refund under the cancellation policy."
)
TEACHER_REFUND_REASON = tx("Cancelled by the teacher (always a full refund).")
TEACHER_REFUND_MESSAGE = tx("Your teacher cancelled the session, so you get a full refund.")
keep(STUDENT_REFUND_REASON, STUDENT_REFUND_MESSAGE, TEACHER_REFUND_REASON, TEACHER_REFUND_MESSAGE)


class Cancellations:
    """A student's or a teacher's cancellation of a paid booking (module docstring).
    Thread-safe: each call opens its own Sessions."""

    def __init__(self, ctx: ServiceContext, refunds: Refunds) -> None:
        self._ctx = ctx
        self._refunds = refunds

    def cancel_as_student(
        self, actor: Actor, booking_id: int, *, reason: str = "", request_key: str
    ) -> RefundResult:
        """The booking's student cancels it more than 24 hours before the start and is
        refunded in full. InvalidTransition from exactly 24 hours before on (ask instead)."""
        reason = _clean_reason(reason, required=False)

        def authorize(user: User, booking: SessionBooking) -> None:
            if user.role is not Role.STUDENT or user.id != booking.student_id:
                raise PermissionDenied(tx("Only the student who booked can cancel it this way."))
            _check_paid_and_open(booking)
            if not policy.refunds_automatically(booking.start_at, self._ctx.now()):
                raise InvalidTransition(
                    tx(
                        "This session starts within 24 hours, so it is no longer refunded "
                        "automatically: ask for the cancellation instead."
                    )
                )

        return self._refunds.refund_on_behalf(
            actor,
            booking_id,
            authorize=authorize,
            amount_minor=None,
            reason=with_reason(STUDENT_REFUND_REASON, reason),
            student_message=STUDENT_REFUND_MESSAGE,
            request_key=request_key,
        )

    def cancel_as_teacher(
        self, actor: Actor, booking_id: int, *, reason: str, request_key: str
    ) -> RefundResult:
        """The booking's teacher cancels a paid session: the student is refunded in full
        and reads ``reason``."""
        reason = _clean_reason(reason, required=True)

        def authorize(user: User, booking: SessionBooking) -> None:
            if user.role is not Role.TEACHER or user.id != booking.teacher_id:
                raise PermissionDenied(tx("Only the teacher of this booking can cancel it."))
            _check_paid_and_open(booking)

        return self._refunds.refund_on_behalf(
            actor,
            booking_id,
            authorize=authorize,
            amount_minor=None,
            reason=with_reason(TEACHER_REFUND_REASON, reason),
            student_message=with_reason(TEACHER_REFUND_MESSAGE, reason),
            request_key=request_key,
        )


def _clean_reason(reason: str, *, required: bool) -> str:
    return clean_multiline(reason, what="reason", limit=MAX_CANCEL_REASON_LENGTH, required=required)


def _check_paid_and_open(booking: SessionBooking) -> None:
    if not policy.is_paid_and_open(booking):
        raise InvalidTransition(
            tx("Only a confirmed, paid session that has not taken place can be cancelled this way.")
        )
