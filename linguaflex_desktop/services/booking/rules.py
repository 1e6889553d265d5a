"""The booking state machines of DESIGN.md section 4 and the booking policy. Pure: no database.

Booking ``status``::

    PENDING   -> CONFIRMED  (teacher confirms)
    PENDING   -> CANCELLED  (student cancels, teacher declines, request expires)
    CONFIRMED -> COMPLETED  (session over, and only when PAID)
    CONFIRMED -> CANCELLED  (payment deadline passed, student cancels, admin action)
    COMPLETED -> REFUNDED   (admin refund after completion)

``payment_status``::

    UNPAID -> PENDING -> PAID -> REFUNDED ;  PENDING -> FAILED ;  FAILED -> PENDING

Everything else is refused with ``InvalidTransition``. Both machines are tied together by
``ALLOWED_STATE_PAIRS``: the (status, payment_status) pairs a booking may be in when a
transaction commits (payment only starts once a booking is confirmed; a completed session is
paid; a paid booking cancelled by an admin is refunded by the same action).

The ``can_*`` predicates at the end say which actions a booking offers now. They read a
``BookingState`` (a ``BookingDTO`` and the ORM row both are one), so the UI asks them to enable
its buttons and the use cases ask the same functions, under the row lock, before they act.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Protocol

from linguaflex_desktop.errors import InvalidTransition
from linguaflex_desktop.models import BookingStatus, MeetingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO, RescheduleProposalDTO
from linguaflex_desktop.texts import Text, tx

MIN_LEAD_TIME = timedelta(hours=12)
RESPONSE_WINDOW = timedelta(hours=48)
PAYMENT_WINDOW = timedelta(hours=24)
PAYMENT_CUTOFF_BEFORE_START = timedelta(hours=1)
SLOT_STEP_MINUTES = 15
SLOT_STEP = timedelta(minutes=SLOT_STEP_MINUTES)
BOOKING_HORIZON = timedelta(weeks=8)
MAX_REASON_LENGTH = 500
MAX_NOTE_LENGTH = 1000

_S = BookingStatus
_P = PaymentStatus

STATUS_TRANSITIONS: Mapping[BookingStatus, frozenset[BookingStatus]] = {
    _S.PENDING: frozenset({_S.CONFIRMED, _S.CANCELLED}),
    _S.CONFIRMED: frozenset({_S.COMPLETED, _S.CANCELLED}),
    _S.COMPLETED: frozenset({_S.REFUNDED}),
    _S.CANCELLED: frozenset(),
    _S.REFUNDED: frozenset(),
}

PAYMENT_TRANSITIONS: Mapping[PaymentStatus, frozenset[PaymentStatus]] = {
    _P.UNPAID: frozenset({_P.PENDING}),
    _P.PENDING: frozenset({_P.PAID, _P.FAILED}),
    _P.FAILED: frozenset({_P.PENDING}),
    _P.PAID: frozenset({_P.REFUNDED}),
    _P.REFUNDED: frozenset(),
}

ALLOWED_STATE_PAIRS: frozenset[tuple[BookingStatus, PaymentStatus]] = frozenset(
    {
        (_S.PENDING, _P.UNPAID),
        (_S.CONFIRMED, _P.UNPAID),
        (_S.CONFIRMED, _P.PENDING),
        (_S.CONFIRMED, _P.FAILED),
        (_S.CONFIRMED, _P.PAID),
        (_S.COMPLETED, _P.PAID),
        (_S.REFUNDED, _P.REFUNDED),
        (_S.CANCELLED, _P.UNPAID),
        (_S.CANCELLED, _P.FAILED),
        (_S.CANCELLED, _P.REFUNDED),
    }
)

# Statuses whose booking still holds its time slot (the exclusion constraints agree).
SLOT_HOLDING_STATUSES = frozenset(set(BookingStatus) - {_S.CANCELLED})
# Statuses of a booking whose session is still ahead of it: it may be cancelled or moved.
OPEN_STATUSES = (_S.PENDING, _S.CONFIRMED)
# Statuses in which the time of a booking may still be moved.
RESCHEDULABLE_STATUSES = frozenset(OPEN_STATUSES)
# A payment that started or finished is undone by an admin refund, not by a cancel.
PAYMENT_BLOCKS_CANCEL = frozenset({_P.PENDING, _P.PAID})
# Payment statuses from which the student may (again) pay a confirmed booking.
PAYABLE_STATUSES = frozenset({_P.UNPAID, _P.FAILED})

# The state words that go inside sentences ("This booking is {status}; ..."), kept whole.
_STATUS_WORDS: Mapping[BookingStatus, Text] = {
    _S.PENDING: tx("waiting for the teacher"),
    _S.CONFIRMED: tx("confirmed"),
    _S.COMPLETED: tx("completed"),
    _S.CANCELLED: tx("cancelled"),
    _S.REFUNDED: tx("refunded"),
}
_PAYMENT_WORDS: Mapping[PaymentStatus, Text] = {
    _P.UNPAID: tx("unpaid"),
    _P.PENDING: tx("being paid"),
    _P.PAID: tx("paid"),
    _P.FAILED: tx("failed"),
    _P.REFUNDED: tx("refunded"),
}


# The reasons the system itself gives a booking's change (kept in ``status_reason``); read
# back from the database they become these sentences again, so the UI shows them translated.
EXPIRED_REASON = tx("The teacher did not answer the request in time.")
OVERDUE_REASON = tx("The booking was not paid by its payment deadline.")
ENDED_REASON = tx("The session ended.")
_SYSTEM_REASONS: Mapping[str, Text] = {
    reason: reason for reason in (EXPIRED_REASON, OVERDUE_REASON, ENDED_REASON)
}


def shown_reason(stored: str) -> str:
    """A stored ``status_reason`` for the reader: the system's own sentences as ``Text``,
    a person's words as they were typed."""
    return _SYSTEM_REASONS.get(stored, stored)


def check_status_transition(frm: BookingStatus, to: BookingStatus) -> None:
    """Raise InvalidTransition unless DESIGN.md section 4 lets a booking go ``frm`` -> ``to``."""
    if to not in STATUS_TRANSITIONS[frm]:
        raise InvalidTransition(
            tx(
                "A booking that is {frm} cannot become {to}.",
                frm=_STATUS_WORDS[frm],
                to=_STATUS_WORDS[to],
            )
        )


def check_payment_transition(frm: PaymentStatus, to: PaymentStatus) -> None:
    """Raise InvalidTransition unless the payment status may go from ``frm`` to ``to``."""
    if to not in PAYMENT_TRANSITIONS[frm]:
        raise InvalidTransition(
            tx(
                "A payment that is {frm} cannot become {to}.",
                frm=_PAYMENT_WORDS[frm],
                to=_PAYMENT_WORDS[to],
            )
        )


def check_state_pair(status: BookingStatus, payment_status: PaymentStatus) -> None:
    """Raise InvalidTransition if a booking may never rest in this (status, payment) pair."""
    if (status, payment_status) not in ALLOWED_STATE_PAIRS:
        raise InvalidTransition(
            tx(
                "A booking cannot be {status} while its payment is {payment}.",
                status=_STATUS_WORDS[status],
                payment=_PAYMENT_WORDS[payment_status],
            )
        )


def describe_status(status: BookingStatus) -> Text:
    return _STATUS_WORDS[status]


def describe_payment(payment_status: PaymentStatus) -> Text:
    return _PAYMENT_WORDS[payment_status]


def respond_by(*, requested_at: datetime, start_at: datetime) -> datetime:
    """When the teacher must answer: RESPONSE_WINDOW after the request, never later than
    ``start_at - MIN_LEAD_TIME``."""
    return min(requested_at + RESPONSE_WINDOW, start_at - MIN_LEAD_TIME)


def payment_due_by(*, confirmed_at: datetime, start_at: datetime) -> datetime:
    """When the student must have paid: PAYMENT_WINDOW after confirmation, never later than
    ``start_at - PAYMENT_CUTOFF_BEFORE_START``."""
    return min(confirmed_at + PAYMENT_WINDOW, start_at - PAYMENT_CUTOFF_BEFORE_START)


def deadline_passed(deadline: datetime | None, now: datetime) -> bool:
    """The one rule for every booking deadline (``respond_by``, ``payment_due_by``): a deadline
    has passed from its exact instant on. At ``respond_by`` the request has expired, so the
    teacher's confirmation is refused and the expiry applies; at ``payment_due_by`` the booking
    can no longer be paid and is cancelled. The SQL filters use the same comparison
    (``deadline <= now`` selects what has passed)."""
    return deadline is not None and deadline <= now


def earliest_bookable_start(now: datetime) -> datetime:
    return now + MIN_LEAD_TIME


def latest_bookable_start(now: datetime) -> datetime:
    return now + BOOKING_HORIZON


def is_on_slot_grid(instant: datetime) -> bool:
    """Slots start on quarter hours (every real time zone offset is a multiple of 15 min)."""
    return instant.second == 0 and instant.microsecond == 0 and instant.minute % 15 == 0


def allowed_durations(*, minimum: int, maximum: int, step: int) -> tuple[int, ...]:
    return tuple(range(minimum, maximum + 1, step))


# --- what a booking offers now (asked by the UI to enable its actions) --------------------------


class BookingState(Protocol):
    """What the action rules read of a booking: a BookingDTO or the ORM row alike."""

    @property
    def status(self) -> BookingStatus: ...

    @property
    def payment_status(self) -> PaymentStatus: ...

    @property
    def payment_due_by(self) -> datetime | None: ...

    @property
    def end_at(self) -> datetime: ...


def can_cancel(booking: BookingState) -> bool:
    """Open, and no payment started or finished (those are undone by an admin refund)."""
    return booking.status in OPEN_STATUSES and booking.payment_status not in PAYMENT_BLOCKS_CANCEL


def can_reschedule(booking: BookingState) -> bool:
    """A new time may be proposed while the booking is open."""
    return booking.status in RESCHEDULABLE_STATUSES


def can_pay(booking: BookingState, now: datetime) -> bool:
    """A confirmed booking not paid yet (or whose payment failed), before its deadline."""
    return (
        booking.status is _S.CONFIRMED
        and booking.payment_status in PAYABLE_STATUSES
        and not deadline_passed(booking.payment_due_by, now)
    )


def awaits_payment(booking_status: BookingStatus, payment_status: PaymentStatus) -> bool:
    """The booking is still to be paid (its "Pay by" deadline means something): confirmed,
    and unpaid, failed or with a payment under way. A cancelled, refunded or paid booking
    has no deadline to show."""
    return booking_status is _S.CONFIRMED and (
        payment_status in PAYABLE_STATUSES or payment_status is _P.PENDING
    )


def complete_refusal(booking: BookingState, now: datetime) -> str:
    """Why the session cannot be marked completed now ('' when it can)."""
    if booking.status is _S.COMPLETED:
        return tx("This session is already completed.")
    if booking.status is not _S.CONFIRMED:
        return tx("Only a confirmed, paid session can be marked completed.")
    if booking.payment_status is not _P.PAID:
        return tx("A session can only be completed once it has been paid.")
    if now < booking.end_at:
        return tx("The session has not ended yet.")
    return ""


def can_complete(booking: BookingState, now: datetime) -> bool:
    """A CONFIRMED, PAID booking whose session has ended."""
    return complete_refusal(booking, now) == ""


def can_open_meeting(booking: BookingDTO) -> bool:
    """Join / Start are offered for a PAID booking whose meeting is ready."""
    return booking.payment_status is _P.PAID and booking.meeting_status is MeetingStatus.READY


def can_answer_proposal(user_id: int, booking: BookingDTO, proposal: RescheduleProposalDTO) -> bool:
    """Accept / decline a proposed new time: a party of the booking who did not propose it."""
    party = user_id in (booking.student_id, booking.teacher_id)
    return party and proposal.proposed_by_id != user_id
