"""The needs-attention rules: one SQL query each, bounded by ``limit`` rows.

Every query starts from an indexed, selective condition and reads no more than ``limit``
rows plus one (the extra tells the list it was cut):

- ``meeting_missing``: CONFIRMED and PAID (``ix_session_bookings_status_start``), paid at
  least ``MEETING_GRACE`` ago, its session not over, and no ``ready`` meeting (the meeting is
  unique per booking).
- ``payment_overdue``: CONFIRMED, UNPAID or FAILED, ``payment_due_by`` passed (the due
  transitions have not run): it still reads as awaiting payment.
- ``payment_stuck``: a payment attempt ``creating`` or ``pending`` (the partial unique index
  "one active attempt per booking" holds exactly these rows) started ``PENDING_LIMIT`` ago.
- ``job_dead``: a dead-lettered outbox job (``ix_outbox_jobs_state_next``); its booking is the
  payload's ``booking_id`` when it has one, read in a second query by primary key.
- ``stripe_disagrees``: an attempt Stripe says succeeded (ours ``succeeded``) on a booking
  that is CANCELLED here without being PAID or REFUNDED, the money not yet returned: the
  reconcile recorded it (``payment.needs_attention``) because the booking had closed
  meanwhile (the status index finds the cancelled bookings, ``ix_payments_booking_id``
  their payments).
- ``refund_unattributed``: a refund still ``creating`` that the refund recovery did not send
  because Stripe holds a refund on the payment it cannot attribute (audited
  ``refund.needs_attention``; ``ix_audit_events_entity`` finds it per refund).

``subject_id`` narrows a rule to one record (the fix's "does it still hold?").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased

from linguaflex_desktop.models import (
    AuditAction,
    AuditEvent,
    BookingStatus,
    JobState,
    Meeting,
    MeetingStatus,
    OutboxJob,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    RefundStatus,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.reports.attention.dto import RULES, AttentionRow, RuleId
from linguaflex_desktop.texts import tx

MEETING_GRACE = timedelta(minutes=10)
PENDING_LIMIT = timedelta(minutes=30)
MAX_ERROR_CHARS = 160
_ACTIVE = (PaymentAttemptStatus.CREATING, PaymentAttemptStatus.PENDING)
_UNPAID = (PaymentStatus.UNPAID, PaymentStatus.FAILED)
_SETTLED_HERE = (PaymentStatus.PAID, PaymentStatus.REFUNDED)

Rule = Callable[[Session, datetime, int | None, int], list[AttentionRow]]
_Student = aliased(User)
_Teacher = aliased(User)


def with_booking(*columns: Any) -> Select[Any]:
    """``columns`` and the booking's own (id, names, start, statuses), joined by id."""
    return (
        select(
            *columns,
            SessionBooking.id,
            _Student.display_name,
            _Teacher.display_name,
            SessionBooking.start_at,
            SessionBooking.status,
            SessionBooking.payment_status,
        )
        .select_from(SessionBooking)
        .join(_Student, _Student.id == SessionBooking.student_id)
        .join(_Teacher, _Teacher.id == SessionBooking.teacher_id)
    )


def row_of(
    rule: RuleId, subject_id: int, since: datetime, problem: str, *booking: Any
) -> AttentionRow:
    booking_id, student, teacher, start_at, status, payment_status = booking
    return AttentionRow(
        rule=RULES[rule],
        subject_id=int(subject_id),
        since=since,
        problem=problem,
        booking_id=booking_id,
        student_name=student,
        teacher_name=teacher,
        start_at=start_at,
        status=status,
        payment_status=payment_status,
    )


def meeting_missing(
    session: Session, now: datetime, subject_id: int | None, limit: int
) -> list[AttentionRow]:
    query = (
        with_booking(SessionBooking.paid_at, Meeting.status, Meeting.failure_reason)
        .outerjoin(Meeting, Meeting.booking_id == SessionBooking.id)
        .where(
            SessionBooking.status == BookingStatus.CONFIRMED,
            SessionBooking.payment_status == PaymentStatus.PAID,
            SessionBooking.paid_at <= now - MEETING_GRACE,
            SessionBooking.end_at > now,
            or_(Meeting.id.is_(None), Meeting.status != MeetingStatus.READY),
        )
        .order_by(SessionBooking.paid_at, SessionBooking.id)
    )
    if subject_id is not None:
        query = query.where(SessionBooking.id == subject_id)
    return [
        row_of("meeting_missing", booking[0], paid_at, _meeting_problem(status, reason), *booking)
        for paid_at, status, reason, *booking in session.execute(query.limit(limit))
    ]


def _meeting_problem(status: MeetingStatus | None, reason: str | None) -> str:
    if status is MeetingStatus.FAILED:
        return tx(
            "Paid over 10 minutes ago, but the meeting could not be made ({reason}).",
            reason=str(reason),
        )
    if reason:
        return tx(
            "Paid over 10 minutes ago, and the meeting is still not ready ({reason}).",
            reason=reason,
        )
    return tx("Paid over 10 minutes ago, and no meeting is ready yet.")


def payment_overdue(
    session: Session, now: datetime, subject_id: int | None, limit: int
) -> list[AttentionRow]:
    query = (
        with_booking(SessionBooking.payment_due_by)
        .where(
            SessionBooking.status == BookingStatus.CONFIRMED,
            SessionBooking.payment_status.in_(_UNPAID),
            SessionBooking.payment_due_by <= now,
        )
        .order_by(SessionBooking.payment_due_by, SessionBooking.id)
    )
    if subject_id is not None:
        query = query.where(SessionBooking.id == subject_id)
    problem = tx("Its payment deadline has passed, yet it is still confirmed and awaiting payment.")
    return [
        row_of("payment_overdue", booking[0], due_by, problem, *booking)
        for due_by, *booking in session.execute(query.limit(limit))
    ]


def payment_stuck(
    session: Session, now: datetime, subject_id: int | None, limit: int
) -> list[AttentionRow]:
    query = (
        with_booking(Payment.id, Payment.created_at, Payment.status)
        .join(Payment, Payment.booking_id == SessionBooking.id)
        .where(_literally_active(), Payment.created_at <= now - PENDING_LIMIT)
        .order_by(Payment.created_at, Payment.id)
    )
    if subject_id is not None:
        query = query.where(Payment.id == subject_id)
    return [
        row_of(
            "payment_stuck",
            payment_id,
            created_at,
            _stuck_problem(payment_id, never_answered=status is _ACTIVE[0]),
            *booking,
        )
        for payment_id, created_at, status, *booking in session.execute(query.limit(limit))
    ]


def _stuck_problem(payment_id: int, *, never_answered: bool) -> str:
    if never_answered:
        return tx(
            "Payment #{number} has waited for Stripe for over 30 minutes "
            "(Stripe never answered its start).",
            number=payment_id,
        )
    return tx("Payment #{number} has waited for Stripe for over 30 minutes.", number=payment_id)


def _literally_active() -> ColumnElement[bool]:
    """``status IN ('creating', 'pending')`` with the values written into the SQL: SQLite uses
    the partial index "one active attempt per booking" only when it can see that the query
    asks for exactly the rows the index holds, which a bound parameter hides."""
    values: BindParameter[list[PaymentAttemptStatus]] = bindparam(
        "active_statuses", list(_ACTIVE), expanding=True, literal_execute=True
    )
    return Payment.status.in_(values)


def job_dead(
    session: Session, now: datetime, subject_id: int | None, limit: int
) -> list[AttentionRow]:
    query = (
        select(OutboxJob)
        .where(OutboxJob.state == JobState.DEAD)
        .order_by(OutboxJob.updated_at, OutboxJob.id)
    )
    if subject_id is not None:
        query = query.where(OutboxJob.id == subject_id)
    jobs = session.scalars(query.limit(limit)).all()
    wanted = {_booking_of(job.payload) for job in jobs} - {None}
    bookings = (
        {
            booking[0]: booking
            for booking in session.execute(with_booking().where(SessionBooking.id.in_(wanted)))
        }
        if wanted
        else {}
    )
    none = (None,) * 6
    return [
        row_of(
            "job_dead",
            job.id,
            job.updated_at,
            _job_problem(job),
            *bookings.get(_booking_of(job.payload) or 0, none),
        )
        for job in jobs
    ]


def _booking_of(payload: dict[str, Any] | None) -> int | None:
    value = (payload or {}).get("booking_id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _job_problem(job: OutboxJob) -> str:
    lines = (job.last_error or "").strip().splitlines()
    error: str = lines[0] if lines else tx("no error recorded")
    if len(error) > MAX_ERROR_CHARS:
        error = error[: MAX_ERROR_CHARS - 1] + "…"
    if job.attempts == 1:
        return tx(
            "The background job “{kind}” gave up after 1 attempt: {error}",
            kind=job.kind,
            error=error,
        )
    return tx(
        "The background job “{kind}” gave up after {n} attempts: {error}",
        kind=job.kind,
        n=job.attempts,
        error=error,
    )


def stripe_disagrees(
    session: Session, now: datetime, subject_id: int | None, limit: int
) -> list[AttentionRow]:
    query = (
        with_booking(
            Payment.id,
            Payment.succeeded_at,
            Payment.amount_minor,
            Payment.refunded_minor,
            Payment.currency,
        )
        .join(Payment, Payment.booking_id == SessionBooking.id)
        .where(
            # Only a closed booking keeps a payment Stripe took from becoming PAID (settle).
            # Asked as "IN (cancelled bookings)" so that SQLite looks the payments up by
            # booking in the partial index of succeeded ones rather than reading them all.
            Payment.booking_id.in_(
                select(SessionBooking.id).where(
                    SessionBooking.status == BookingStatus.CANCELLED,
                    SessionBooking.payment_status.not_in(_SETTLED_HERE),
                )
            ),
            Payment.status == PaymentAttemptStatus.SUCCEEDED,
            Payment.refunded_minor < Payment.amount_minor,
        )
        .order_by(Payment.succeeded_at, Payment.id)
    )
    if subject_id is not None:
        query = query.where(Payment.id == subject_id)
    rows = []
    for payment_id, at, amount, refunded, currency, *booking in session.execute(query.limit(limit)):
        problem = tx(
            "Stripe took payment #{number} after the booking had closed here; "
            "{amount} has not been returned.",
            number=payment_id,
            amount=money(amount - refunded, currency),
        )
        rows.append(row_of("stripe_disagrees", payment_id, at or now, problem, *booking))
    return rows


def refund_unattributed(
    session: Session, now: datetime, subject_id: int | None, limit: int
) -> list[AttentionRow]:
    flagged = (
        select(func.max(AuditEvent.created_at))
        .where(
            AuditEvent.entity_type == "refund",
            AuditEvent.entity_id == Refund.id,
            AuditEvent.action == AuditAction.REFUND_NEEDS_ATTENTION,
        )
        .scalar_subquery()
    )
    query = (
        with_booking(Refund.id, flagged, Refund.amount_minor, Refund.currency)
        .join(Payment, Payment.booking_id == SessionBooking.id)
        .join(Refund, Refund.payment_id == Payment.id)
        .where(and_(Refund.status == RefundStatus.CREATING, flagged.is_not(None)))
        .order_by(Refund.id)
    )
    if subject_id is not None:
        query = query.where(Refund.id == subject_id)
    return [
        row_of(
            "refund_unattributed",
            refund_id,
            since,
            tx(
                "Refund #{number} of {amount} was not sent: Stripe holds a refund on this "
                "payment that LinguaFlex cannot attribute.",
                number=refund_id,
                amount=money(amount, currency),
            ),
            *booking,
        )
        for refund_id, since, amount, currency, *booking in session.execute(query.limit(limit))
    ]


RULE_QUERIES: dict[RuleId, Rule] = {
    "meeting_missing": meeting_missing,
    "payment_overdue": payment_overdue,
    "payment_stuck": payment_stuck,
    "job_dead": job_dead,
    "stripe_disagrees": stripe_disagrees,
    "refund_unattributed": refund_unattributed,
}
