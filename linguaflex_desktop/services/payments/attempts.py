"""Step 1 of paying (``payment_service``): check the booking and open a payment attempt.

In ONE write transaction, with the booking row locked (Postgres FOR UPDATE; SQLite holds the
write lock): the booking must be the student's own, CONFIRMED, UNPAID or FAILED, and before
``payment_due_by``; the card the student's own (their default card when none is chosen). A
``Payment(status=creating)`` is inserted with a fresh idempotency key and the booking's price
snapshot (amount, fee, teacher share, currency: never an amount from the UI), and the booking's
payment goes to PENDING. The partial unique index "one active payment per booking" is the last
line: a second concurrent "Pay" that got past the checks fails there, and becomes a Conflict.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from linguaflex_desktop.errors import (
    Conflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import (
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Role,
    SavedCard,
    SessionBooking,
    StripeCustomer,
    User,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.state import apply_payment_status, load_booking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.stored_texts import keep_template
from linguaflex_desktop.services.payments import settle as settling
from linguaflex_desktop.texts import tx

keep_template("Paying with {brand} •••• {last4}.")  # a booking's status reason, stored

IN_PROGRESS = tx("A payment for this booking is already in progress.")


@dataclass(frozen=True)
class Charge:
    """What the Stripe steps need, read while opening the attempt."""

    payment_id: int
    booking_id: int
    idempotency_key: str
    amount_minor: int
    currency: str
    customer_id: str
    payment_method_id: str


def start_attempt(
    ctx: ServiceContext, actor: Actor, booking_id: int, card_id: int | None
) -> Charge:
    """Open a payment attempt (module docstring); raises Conflict, InvalidTransition,
    PermissionDenied, NotFound or ValidationError with nothing changed."""
    try:
        with ctx.unit_of_work() as uow:
            session = uow.session
            student = load_acting_user(session, actor, Role.STUDENT)
            booking = load_booking(session, booking_id, for_update=True)
            if booking.student_id != student.id:
                raise PermissionDenied(tx("Only the student who booked can pay this booking."))
            check_payable(booking, ctx.now())
            card = card_of(session, student, card_id)
            customer = session.get(StripeCustomer, student.id)
            if customer is None:
                raise ValidationError(tx("Add a card before paying."))
            payment = _new_payment(session, booking, card, actor, ctx.now())
            charge = Charge(
                payment_id=payment.id,
                booking_id=booking.id,
                idempotency_key=payment.idempotency_key,
                amount_minor=payment.amount_minor,
                currency=payment.currency,
                customer_id=customer.stripe_customer_id,
                payment_method_id=card.stripe_payment_method_id,
            )
            uow.commit()
    except (IntegrityError, StaleDataError) as error:
        raise Conflict(IN_PROGRESS) from error
    return charge


def check_payable(booking: SessionBooking, now: datetime) -> None:
    """Refuse, with the reason, a booking the payment rule (``rules.can_pay``) does not allow."""
    if rules.can_pay(booking, now):
        return
    if booking.payment_status is PaymentStatus.PENDING:
        raise Conflict(IN_PROGRESS)
    if booking.payment_status in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
        raise Conflict(tx("This booking is already paid."))
    if booking.status is not BookingStatus.CONFIRMED:
        raise InvalidTransition(
            tx(
                "The booking is {status}: it can only be paid once the teacher has confirmed it.",
                status=rules.describe_status(booking.status),
            )
        )
    if rules.deadline_passed(booking.payment_due_by, now):
        raise InvalidTransition(tx("The payment deadline for this booking has passed."))


def card_of(session: Session, student: User, card_id: int | None) -> SavedCard:
    """The student's chosen card, or their default card."""
    if card_id is not None:
        card = session.get(SavedCard, card_id)
        if card is None or card.user_id != student.id:
            raise NotFound(tx("That card was not found among your saved cards."))
        return card
    card = session.scalars(
        select(SavedCard)
        .where(SavedCard.user_id == student.id)
        .order_by(SavedCard.is_default.desc(), SavedCard.created_at.desc(), SavedCard.id.desc())
    ).first()
    if card is None:
        raise ValidationError(tx("Add a card before paying."))
    return card


def _new_payment(
    session: Session, booking: SessionBooking, card: SavedCard, actor: Actor, now: datetime
) -> Payment:
    earlier = session.scalars(select(Payment.id).where(Payment.booking_id == booking.id)).all()
    payment = Payment(
        booking_id=booking.id,
        idempotency_key=f"linguaflex-pay-{booking.id}-{uuid.uuid4()}",
        stripe_payment_method_id=card.stripe_payment_method_id,
        amount_minor=booking.total_minor,
        fee_minor=booking.fee_minor,
        teacher_share_minor=booking.teacher_share_minor,
        currency=booking.currency,
        status=PaymentAttemptStatus.CREATING,
        attempts=len(earlier) + 1,
        refunded_minor=0,
        created_at=now,
        updated_at=now,
    )
    session.add(payment)
    session.flush()  # the unique index "one active payment per booking" speaks here
    apply_payment_status(
        session,
        booking,
        PaymentStatus.PENDING,
        actor_id=actor.id,
        reason=tx("Paying with {brand} •••• {last4}.", brand=card.brand, last4=card.last4),
        at=now,
    )
    settling.record_created(session, payment, at=now, actor_id=actor.id)
    return payment
