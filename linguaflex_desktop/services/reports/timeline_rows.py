"""The rows behind one booking's timeline, read in a fixed number of queries (one per table,
whatever the number of events): its payments, refunds, cards, Stripe customer, card setups,
meeting, notifications, the messages between its student and teacher, outbox jobs and every
audit event about any of them.

Outbox jobs name their booking in their dedupe key (``booking.events``: ``meeting-create-<id>``,
``meeting-delete-<id>[-…]``, ``meeting-move-<id>-…``, ``reminder-<id>-…``, and an e-mail job's
key is its notification's Message-ID ``<booking-<id>-…``), so the unique key's index finds them
without reading JSON payloads. Runs inside the caller's read transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import (
    AuditEvent,
    BookingMessage,
    Meeting,
    Notification,
    OutboxJob,
    Payment,
    PendingCardSetup,
    Refund,
    SavedCard,
    SessionBooking,
    StripeCustomer,
    User,
)


@dataclass(frozen=True)
class TimelineRows:
    """ORM rows of one booking (read-only use inside the transaction), with the names the
    entries need: who made each refund, who got each notification, who did each action."""

    booking: SessionBooking
    payments: tuple[Payment, ...]
    refunds: tuple[tuple[Refund, str], ...]  # (refund, its creator's name)
    cards: dict[str, SavedCard]  # by Stripe PaymentMethod id
    customer: StripeCustomer | None
    card_setups: tuple[PendingCardSetup, ...]
    meeting: Meeting | None
    notifications: tuple[tuple[Notification, str], ...]  # (notification, recipient's name)
    messages: tuple[tuple[BookingMessage, str], ...]  # (message, its author's name)
    jobs: tuple[OutboxJob, ...]
    audits: tuple[tuple[AuditEvent, str | None], ...]  # (event, actor's name; None: system)


def read_rows(session: Session, booking: SessionBooking) -> TimelineRows:
    """Everything the timeline shows of ``booking``, in eleven queries."""
    payments = tuple(
        session.scalars(
            select(Payment).where(Payment.booking_id == booking.id).order_by(Payment.id)
        )
    )
    payment_ids = [payment.id for payment in payments]
    refunds = tuple(
        (refund, name)
        for refund, name in session.execute(
            select(Refund, User.display_name)
            .join(User, User.id == Refund.created_by_id)
            .where(Refund.payment_id.in_(payment_ids))
            .order_by(Refund.id)
        )
    )
    notifications = tuple(
        (row, name)
        for row, name in session.execute(
            select(Notification, User.display_name)
            .join(User, User.id == Notification.user_id)
            .where(Notification.booking_id == booking.id)
            .order_by(Notification.id)
        )
    )
    messages = tuple(
        (row, name)
        for row, name in session.execute(
            select(BookingMessage, User.display_name)
            .join(User, User.id == BookingMessage.author_id)
            .where(BookingMessage.booking_id == booking.id)
            .order_by(BookingMessage.created_at, BookingMessage.id)
        )
    )
    jobs = tuple(
        session.scalars(select(OutboxJob).where(_jobs_of(booking.id)).order_by(OutboxJob.id))
    )
    return TimelineRows(
        booking=booking,
        payments=payments,
        refunds=refunds,
        cards=_cards(session, booking, payments),
        customer=session.get(StripeCustomer, booking.student_id) if payments else None,
        card_setups=_card_setups(session, booking, payments),
        meeting=session.scalar(select(Meeting).where(Meeting.booking_id == booking.id)),
        notifications=notifications,
        messages=messages,
        jobs=jobs,
        audits=_audits(
            session,
            booking.id,
            payment_ids=payment_ids,
            refund_ids=[refund.id for refund, _name in refunds],
            job_ids=[job.id for job in jobs],
        ),
    )


def _jobs_of(booking_id: int) -> ColumnElement[bool]:
    key = OutboxJob.dedupe_key
    prefixes = (
        f"meeting-delete-{booking_id}-",
        f"meeting-move-{booking_id}-",
        f"reminder-{booking_id}-",
        f"<booking-{booking_id}-",
    )
    return or_(
        key.in_((f"meeting-create-{booking_id}", f"meeting-delete-{booking_id}")),
        *(key.startswith(prefix, autoescape=True) for prefix in prefixes),
    )


def _cards(
    session: Session, booking: SessionBooking, payments: tuple[Payment, ...]
) -> dict[str, SavedCard]:
    methods = {p.stripe_payment_method_id for p in payments if p.stripe_payment_method_id}
    if not methods:
        return {}
    rows = session.scalars(
        select(SavedCard).where(
            SavedCard.user_id == booking.student_id,
            SavedCard.stripe_payment_method_id.in_(sorted(methods)),
        )
    )
    return {card.stripe_payment_method_id: card for card in rows}


def _card_setups(
    session: Session, booking: SessionBooking, payments: tuple[Payment, ...]
) -> tuple[PendingCardSetup, ...]:
    """The student's card setups made while the booking waited for its payment: from the
    request to the last payment attempt (or the session's end when none was made)."""
    until: datetime = max((p.created_at for p in payments), default=booking.end_at)
    return tuple(
        session.scalars(
            select(PendingCardSetup)
            .where(
                PendingCardSetup.user_id == booking.student_id,
                PendingCardSetup.created_at >= booking.created_at,
                PendingCardSetup.created_at <= until,
            )
            .order_by(PendingCardSetup.id)
        )
    )


def _audits(
    session: Session,
    booking_id: int,
    *,
    payment_ids: list[int],
    refund_ids: list[int],
    job_ids: list[int],
) -> tuple[tuple[AuditEvent, str | None], ...]:
    about = [and_(AuditEvent.entity_type == "booking", AuditEvent.entity_id == booking_id)]
    for entity_type, ids in (("payment", payment_ids), ("refund", refund_ids)):
        if ids:
            about.append(and_(AuditEvent.entity_type == entity_type, AuditEvent.entity_id.in_(ids)))
    if job_ids:
        about.append(
            and_(AuditEvent.entity_type == "outbox_job", AuditEvent.entity_id.in_(job_ids))
        )
    rows = session.execute(
        select(AuditEvent, User.display_name)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(or_(false(), *about))
        .order_by(AuditEvent.created_at, AuditEvent.id)
    )
    return tuple((event, name) for event, name in rows)
