"""Frozen DTOs of the payment use cases (returned to the UI, never ORM objects).

Money is an int of minor units plus an upper-case ISO currency code; instants are aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from linguaflex_desktop.models.enums import (
    BookingStatus,
    PaymentAttemptStatus,
    PaymentStatus,
    RefundStatus,
)

PayState = Literal["succeeded", "requires_action", "pending", "failed", "canceled"]


@dataclass(frozen=True)
class PaymentOutcome:
    """Where one payment attempt stands after ``pay_booking`` or a poll.

    ``requires_action``: open ``handoff_url`` in the system browser (3-D Secure), then follow
    ``payment_id`` with ``wait_for_payment``. ``message`` is written for the user.
    """

    state: PayState
    payment_id: int
    booking_id: int
    payment_status: PaymentStatus
    message: str
    handoff_url: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("succeeded", "failed", "canceled")


@dataclass(frozen=True)
class RefundDTO:
    id: int
    payment_id: int
    amount_minor: int
    currency: str
    status: RefundStatus
    reason: str | None  # the internal reason: admins only (None for others)
    student_message: str  # what the student is told (a neutral default when none was written)
    stripe_refund_id: str | None  # shown to admins only (None for others)
    created_at: datetime


@dataclass(frozen=True)
class PaymentDTO:
    """One payment attempt (one PaymentIntent). Stripe ids are filled for admins only."""

    id: int
    booking_id: int
    student_id: int
    student_name: str
    teacher_id: int
    teacher_name: str
    gig_title: str
    amount_minor: int
    fee_minor: int
    teacher_share_minor: int
    refunded_minor: int
    currency: str
    status: PaymentAttemptStatus
    failure_message: str | None
    card_brand: str | None
    card_last4: str | None
    stripe_payment_intent_id: str | None
    created_at: datetime
    succeeded_at: datetime | None


@dataclass(frozen=True)
class PaymentFilter:
    """Filters of the admin payment list; None means "any". ``created_from``/``created_to``
    bound the attempt's creation time (inclusive / exclusive, aware UTC)."""

    status: PaymentAttemptStatus | None = None
    booking_id: int | None = None
    student_id: int | None = None
    teacher_id: int | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


@dataclass(frozen=True)
class BookingPaymentDTO:
    """The receipt of a booking: its price, payment status, the successful attempt (if any),
    every attempt and every refund."""

    booking_id: int
    booking_status: BookingStatus
    payment_status: PaymentStatus
    currency: str
    total_minor: int
    fee_minor: int
    teacher_share_minor: int
    refunded_minor: int
    paid_at: datetime | None
    payment_due_by: datetime | None
    paid_with: PaymentDTO | None
    attempts: tuple[PaymentDTO, ...]
    refunds: tuple[RefundDTO, ...]


@dataclass(frozen=True)
class RefundPreview:
    """What a refund of ``amount_minor`` would do (see ``payment_refunds`` for the rule: a
    refund of everything that remains returns the platform fee too; a partial refund comes
    out of the teacher's share first)."""

    booking_id: int
    payment_id: int
    currency: str
    amount_minor: int
    paid_minor: int
    already_refunded_minor: int
    remaining_after_minor: int
    is_full: bool
    teacher_share_before_minor: int
    teacher_share_after_minor: int
    fee_before_minor: int
    fee_after_minor: int
    booking_status_after: BookingStatus
    payment_status_after: PaymentStatus

    @property
    def fee_returned_minor(self) -> int:
        return self.fee_before_minor - self.fee_after_minor

    @property
    def teacher_share_change_minor(self) -> int:
        return self.teacher_share_after_minor - self.teacher_share_before_minor


@dataclass(frozen=True)
class RefundResult:
    """A refund as recorded, and the booking's state after it. ``duplicate`` is True when
    the same request key had already been used (a double click): nothing new was refunded."""

    refund: RefundDTO
    booking_status: BookingStatus
    payment_status: PaymentStatus
    refunded_minor: int
    duplicate: bool


@dataclass(frozen=True)
class ReconcileReport:
    """What one reconciliation pass did. ``needs_attention`` lists payment ids an admin must
    look at (e.g. money taken for a booking that was cancelled meanwhile).
    ``refunds_settled`` counts refunds Stripe had left pending that finished since;
    ``refunds_resumed`` refunds whose Stripe call got no answer, found at Stripe or sent."""

    checked: int = 0
    paid: int = 0
    failed: int = 0
    canceled: int = 0
    still_pending: int = 0
    unreachable: int = 0
    needs_attention: tuple[int, ...] = ()
    refunds_settled: int = 0
    refunds_resumed: int = 0

    @property
    def changed(self) -> int:
        """How many attempts this pass settled."""
        return self.paid + self.failed + self.canceled


@dataclass(frozen=True)
class EarningsLine:
    """One paid session of a teacher. ``share_after_refunds_minor`` is what the teacher keeps."""

    booking_id: int
    start_at: datetime
    student_name: str
    gig_title: str
    booking_status: BookingStatus
    currency: str
    gross_minor: int
    fee_minor: int
    share_minor: int
    refunded_minor: int
    share_after_refunds_minor: int


@dataclass(frozen=True)
class EarningsTotal:
    currency: str
    sessions: int
    gross_minor: int
    fee_minor: int
    share_minor: int
    refunded_minor: int
    share_after_refunds_minor: int


@dataclass(frozen=True)
class MonthEarnings:
    """A teacher's paid sessions that start in one calendar month (``month``: its first day in
    the teacher's zone), in one currency.

    ``upcoming_minor`` is their share (after refunds) of the sessions still PAID that have not
    started yet (``upcoming_sessions`` of them); ``earned_minor`` the share kept of the others;
    ``refunded_from_share_minor`` what refunds took from their share. The three add up to
    ``share_minor``; ``earned_minor + upcoming_minor`` is ``share_after_refunds_minor``.
    """

    month: date
    currency: str
    sessions: int
    share_minor: int
    refunded_from_share_minor: int
    share_after_refunds_minor: int
    earned_minor: int
    upcoming_sessions: int
    upcoming_minor: int


@dataclass(frozen=True)
class UpcomingIncome:
    """A teacher's share (after refunds) of their PAID sessions not started yet, in one
    currency."""

    currency: str
    sessions: int
    share_minor: int


@dataclass(frozen=True)
class EarningsDTO:
    """A teacher's earnings: per booking, and totals per currency (never summed across
    currencies); ``months`` per calendar month in ``zone`` (the teacher's) and currency, oldest
    first; ``upcoming`` per currency (of the sessions in the period)."""

    lines: tuple[EarningsLine, ...]
    totals: tuple[EarningsTotal, ...]
    zone: str = "UTC"
    months: tuple[MonthEarnings, ...] = ()
    upcoming: tuple[UpcomingIncome, ...] = ()
