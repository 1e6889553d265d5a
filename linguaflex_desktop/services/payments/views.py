"""Read views of payments: the admin's list, a booking's receipt, a teacher's earnings.

Who sees what: admins see every payment with Stripe's ids; a student sees their own payments
and receipts with the card used (brand, last 4) and why an attempt failed, but no Stripe ids;
a teacher sees the receipt amounts and attempt statuses of their own bookings (no card, no
failure text, no Stripe ids) and their earnings. Pure reads: no Stripe call.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from linguaflex_desktop.errors import PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    Gig,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    Role,
    SavedCard,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking.checks import optional_aware_utc
from linguaflex_desktop.services.booking.queries import ensure_party_or_admin
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.stored_texts import recall
from linguaflex_desktop.services.common.validation import (
    check_optional_id,
    check_paging,
    enum_value,
)
from linguaflex_desktop.services.payments.dto import (
    BookingPaymentDTO,
    EarningsDTO,
    EarningsLine,
    EarningsTotal,
    PaymentDTO,
    PaymentFilter,
)
from linguaflex_desktop.services.payments.earnings_months import (
    DatedLine,
    month_earnings,
    upcoming_income,
)
from linguaflex_desktop.services.payments.refund_amounts import split_after_refunds
from linguaflex_desktop.services.payments.refund_messages import refund_to_dto
from linguaflex_desktop.texts import tx

MAX_PAGE = 200
_Student = aliased(User)
_Teacher = aliased(User)


class PaymentViews:
    """The read views of payments (module docstring). Thread-safe: each call opens its own
    Session; called on worker threads."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list_payments(
        self,
        actor: Actor,
        *,
        filters: PaymentFilter | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[PaymentDTO]:
        """A page of payment attempts, newest first, with the total. Admins: all, filtered;
        students: their own (the student filter is forced); teachers: refused."""
        check_paging(offset, limit, max_limit=MAX_PAGE)
        filters = _checked_filter(filters or PaymentFilter())
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            if user.role is Role.TEACHER:
                raise PermissionDenied(tx("Teachers see their earnings instead of payments."))
            student_id = user.id if user.role is Role.STUDENT else filters.student_id
            query = _filtered(_payments_query(), filters, student_id)
            total = uow.session.scalar(select(func.count()).select_from(query.subquery()))
            rows = uow.session.execute(
                query.order_by(Payment.created_at.desc(), Payment.id.desc())
                .offset(offset)
                .limit(limit)
            )
            items = tuple(_payment_dto(row, user.role) for row in rows)
        return Page(items=items, total=int(total or 0), offset=offset, limit=limit)

    def payment_for_booking(self, actor: Actor, booking_id: int) -> BookingPaymentDTO:
        """The receipt of a booking (its parties and admins; see the module docstring)."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            booking = load_booking(uow.session, booking_id)
            ensure_party_or_admin(user, booking)
            rows = uow.session.execute(
                _payments_query()
                .where(Payment.booking_id == booking.id)
                .order_by(Payment.created_at, Payment.id)
            )
            attempts = tuple(_payment_dto(row, user.role) for row in rows)
            refunds = uow.session.scalars(
                select(Refund)
                .join(Payment, Payment.id == Refund.payment_id)
                .where(Payment.booking_id == booking.id)
                .order_by(Refund.created_at, Refund.id)
            )
            return BookingPaymentDTO(
                booking_id=booking.id,
                booking_status=booking.status,
                payment_status=booking.payment_status,
                currency=booking.currency,
                total_minor=booking.total_minor,
                fee_minor=booking.fee_minor,
                teacher_share_minor=booking.teacher_share_minor,
                refunded_minor=booking.refunded_minor,
                paid_at=booking.paid_at,
                payment_due_by=booking.payment_due_by,
                paid_with=next(
                    (a for a in attempts if a.status is PaymentAttemptStatus.SUCCEEDED), None
                ),
                attempts=attempts,
                refunds=tuple(
                    refund_to_dto(refund, admin=user.role is Role.ADMIN) for refund in refunds
                ),
            )

    def teacher_earnings(
        self, actor: Actor, *, from_at: datetime | None = None, to_at: datetime | None = None
    ) -> EarningsDTO:
        """The acting teacher's paid sessions starting in [from_at, to_at): per booking and
        totals per currency (gross, platform fee, their share, refunded, share kept); per
        calendar month of the start in the teacher's zone and currency, with the upcoming
        income (their share of the sessions still PAID that start after now); and that
        upcoming income per currency. Teachers only, their own sessions; naive bounds are
        refused with ValidationError."""
        from_at = optional_aware_utc(from_at, "The 'from' time")
        to_at = optional_aware_utc(to_at, "The 'to' time")
        now = self._ctx.now()
        with self._ctx.unit_of_work(write=False) as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            dated = _earnings_lines(uow.session, teacher.id, from_at, to_at, now)
            where = ZoneInfo(teacher.time_zone)
        lines = tuple(item.line for item in dated)
        months = month_earnings(dated, where)
        return EarningsDTO(
            lines=lines,
            totals=_totals(lines),
            zone=where.key,
            months=months,
            upcoming=upcoming_income(months),
        )


def _payments_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Payment,
            SessionBooking,
            _Student.display_name,
            _Teacher.display_name,
            Gig.title,
            SavedCard.brand,
            SavedCard.last4,
        )
        .join(SessionBooking, SessionBooking.id == Payment.booking_id)
        .join(_Student, _Student.id == SessionBooking.student_id)
        .join(_Teacher, _Teacher.id == SessionBooking.teacher_id)
        .join(Gig, Gig.id == SessionBooking.gig_id)
        .outerjoin(
            SavedCard, SavedCard.stripe_payment_method_id == Payment.stripe_payment_method_id
        )
    )


def _checked_filter(filters: object) -> PaymentFilter:
    """The filters checked (ValidationError names the bad field), time bounds in UTC."""
    if not isinstance(filters, PaymentFilter):
        raise ValidationError(tx("The payment filter is not a PaymentFilter."))
    status = filters.status
    return replace(
        filters,
        status=None
        if status is None
        else enum_value(status, PaymentAttemptStatus, what="payment status"),
        booking_id=check_optional_id(filters.booking_id, what="booking"),
        student_id=check_optional_id(filters.student_id, what="student"),
        teacher_id=check_optional_id(filters.teacher_id, what="teacher"),
        created_from=optional_aware_utc(filters.created_from, "The 'from' time"),
        created_to=optional_aware_utc(filters.created_to, "The 'to' time"),
    )


def _filtered(
    query: Select[*tuple[Any, ...]], filters: PaymentFilter, student_id: int | None
) -> Select[*tuple[Any, ...]]:
    if filters.status is not None:
        query = query.where(Payment.status == filters.status)
    if filters.booking_id is not None:
        query = query.where(Payment.booking_id == filters.booking_id)
    if student_id is not None:
        query = query.where(SessionBooking.student_id == student_id)
    if filters.teacher_id is not None:
        query = query.where(SessionBooking.teacher_id == filters.teacher_id)
    if filters.created_from is not None:
        query = query.where(Payment.created_at >= filters.created_from)
    if filters.created_to is not None:
        query = query.where(Payment.created_at < filters.created_to)
    return query


def _payment_dto(row: Any, role: Role) -> PaymentDTO:
    payment, booking, student_name, teacher_name, gig_title, brand, last4 = row
    # The payer's card and why it was declined are the student's (and admins') business only.
    show_card = role is not Role.TEACHER
    return PaymentDTO(
        id=payment.id,
        booking_id=booking.id,
        student_id=booking.student_id,
        student_name=student_name,
        teacher_id=booking.teacher_id,
        teacher_name=teacher_name,
        gig_title=gig_title,
        amount_minor=payment.amount_minor,
        fee_minor=payment.fee_minor,
        teacher_share_minor=payment.teacher_share_minor,
        refunded_minor=payment.refunded_minor,
        currency=payment.currency,
        status=payment.status,
        failure_message=(recall(payment.failure_message or "") or None) if show_card else None,
        card_brand=brand if show_card else None,
        card_last4=last4 if show_card else None,
        stripe_payment_intent_id=payment.stripe_payment_intent_id if role is Role.ADMIN else None,
        created_at=payment.created_at,
        succeeded_at=payment.succeeded_at,
    )


def _earnings_lines(
    session: Session,
    teacher_id: int,
    from_at: datetime | None,
    to_at: datetime | None,
    now: datetime,
) -> tuple[DatedLine, ...]:
    query = (
        select(Payment, SessionBooking, _Student.display_name, Gig.title)
        .join(SessionBooking, SessionBooking.id == Payment.booking_id)
        .join(_Student, _Student.id == SessionBooking.student_id)
        .join(Gig, Gig.id == SessionBooking.gig_id)
        .where(
            SessionBooking.teacher_id == teacher_id,
            Payment.status == PaymentAttemptStatus.SUCCEEDED,
        )
        .order_by(SessionBooking.start_at, SessionBooking.id)
    )
    if from_at is not None:
        query = query.where(SessionBooking.start_at >= from_at)
    if to_at is not None:
        query = query.where(SessionBooking.start_at < to_at)
    lines = []
    for payment, booking, student_name, gig_title in session.execute(query):
        kept, _fee = split_after_refunds(
            paid_minor=payment.amount_minor,
            share_minor=payment.teacher_share_minor,
            refunded_minor=payment.refunded_minor,
        )
        line = EarningsLine(
            booking_id=booking.id,
            start_at=booking.start_at,
            student_name=student_name,
            gig_title=gig_title,
            booking_status=booking.status,
            currency=payment.currency,
            gross_minor=payment.amount_minor,
            fee_minor=payment.fee_minor,
            share_minor=payment.teacher_share_minor,
            refunded_minor=payment.refunded_minor,
            share_after_refunds_minor=kept,
        )
        upcoming = booking.payment_status is PaymentStatus.PAID and booking.start_at > now
        lines.append(DatedLine(line, upcoming))
    return tuple(lines)


def _totals(lines: tuple[EarningsLine, ...]) -> tuple[EarningsTotal, ...]:
    by_currency: dict[str, list[EarningsLine]] = defaultdict(list)
    for line in lines:
        by_currency[line.currency].append(line)
    return tuple(
        EarningsTotal(
            currency=currency,
            sessions=len(group),
            gross_minor=sum(line.gross_minor for line in group),
            fee_minor=sum(line.fee_minor for line in group),
            share_minor=sum(line.share_minor for line in group),
            refunded_minor=sum(line.refunded_minor for line in group),
            share_after_refunds_minor=sum(line.share_after_refunds_minor for line in group),
        )
        for currency, group in sorted(by_currency.items())
    )
