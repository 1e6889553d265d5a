"""``linguaflex demo-flow``: the complete booking-and-payment scenario as one function.

With the demo users (seeded if absent) and against the sandbox or Stripe TEST keys (refused
with live keys, before anything is written): the first demo student takes the next free
one-hour slot of the first demo teacher's first gig, the teacher confirms, a Stripe test card
(``pm_card_visa`` by default) is saved server-side, and the student pays. Every booking/payment
status transition is reported through ``emit`` as it is read back from the booking's audit
trail. It ends CONFIRMED/PAID (``ok``); a declining card (``pm_card_chargeCustomerFail``) ends
CONFIRMED/FAILED with Stripe's message. It can run again and again on the same data: each run
books the next free slot. Blocks on the database and Stripe: run it off the Qt thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway
from linguaflex_desktop.demo.data import demo_accounts, seed_demo_data
from linguaflex_desktop.errors import ConfigurationError, NotFound, PaymentDeclined, ValidationError
from linguaflex_desktop.models import BookingStatus, Gig, PaymentStatus, Role, User
from linguaflex_desktop.services.booking.availability import (
    MAX_SLOT_WINDOW_DAYS,
    AvailabilityService,
    zone_of,
)
from linguaflex_desktop.services.booking.dto import SlotDTO
from linguaflex_desktop.services.booking.rules import BOOKING_HORIZON
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.service import PaymentService

DEMO_DURATION_MINUTES = 60
DEMO_NOTE = "Booked by linguaflex demo-flow."
Emit = Callable[[str], None]


@dataclass(frozen=True)
class DemoFlowResult:
    booking_id: int
    status: BookingStatus
    payment_status: PaymentStatus
    message: str

    @property
    def ok(self) -> bool:
        return (self.status, self.payment_status) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)


@dataclass
class _Transitions:
    """Prints the booking's audit trail entries not printed yet."""

    bookings: BookingService
    viewer: Actor
    emit: Emit
    seen: set[int] = field(default_factory=set)

    def show(self, booking_id: int) -> tuple[BookingStatus, PaymentStatus]:
        detail = self.bookings.get_booking(self.viewer, booking_id)
        for entry in detail.audit:
            if entry.id not in self.seen:
                self.seen.add(entry.id)
                before = _pair(entry.from_state) or "(new)"
                self.emit(
                    f"booking {booking_id}: {before} -> {_pair(entry.to_state)}"
                    f"  [{entry.action} by {entry.actor_name}]"
                )
        return detail.booking.status, detail.booking.payment_status


def run_demo_flow(
    ctx: ServiceContext,
    gateway: PaymentsGateway,
    cards: CardService,
    payments: PaymentService,
    *,
    card: str = "pm_card_visa",
    emit: Emit = print,
    three_d_secure_timeout: float = 300.0,
) -> DemoFlowResult:
    """Run the scenario (module docstring); returns where the booking ended."""
    if not gateway.is_test_mode:
        raise ConfigurationError("demo-flow only runs in the sandbox or with Stripe test keys.")
    seed_demo_data(ctx)
    student, teacher, gig_id = _demo_parties(ctx)
    bookings = BookingService(ctx)
    slot = _next_free_slot(AvailabilityService(ctx), ctx, student, gig_id)
    emit(f"{student.display_name} books {slot.start_at:%Y-%m-%d %H:%M} UTC, 60 minutes")
    booking = bookings.request_booking(
        student,
        gig_id=gig_id,
        start_at=slot.start_at,
        duration_minutes=DEMO_DURATION_MINUTES,
        note=DEMO_NOTE,
    )
    transitions = _Transitions(bookings, student, emit)
    transitions.show(booking.id)
    bookings.confirm_booking(teacher, booking.id)
    transitions.show(booking.id)
    saved = cards.save_test_card(student, card)
    emit(f"card saved for {student.display_name}: {saved.label}")
    message = _pay(payments, student, booking.id, saved.id, emit, three_d_secure_timeout)
    status, payment_status = transitions.show(booking.id)
    emit(f"result: booking {booking.id} {status.value}/{payment_status.value} — {message}")
    return DemoFlowResult(booking.id, status, payment_status, message)


def _pay(
    payments: PaymentService,
    student: Actor,
    booking_id: int,
    card_id: int,
    emit: Emit,
    timeout: float,
) -> str:
    try:
        outcome = payments.pay_booking(student, booking_id, card_id=card_id)
    except PaymentDeclined as declined:
        return declined.message
    if outcome.state == "requires_action" and outcome.handoff_url:
        emit(f"3-D Secure: open {outcome.handoff_url} in a browser to authenticate")
        outcome = payments.wait_for_payment(student, outcome.payment_id, timeout=timeout)
    return outcome.message


def _demo_parties(ctx: ServiceContext) -> tuple[Actor, Actor, int]:
    """The first demo student, the first demo teacher and that teacher's first active gig."""
    accounts = demo_accounts()
    student_email = next(email for email, _, role in accounts if role is Role.STUDENT)
    teacher_email = next(email for email, _, role in accounts if role is Role.TEACHER)
    with ctx.unit_of_work(write=False) as uow:
        student = _actor(uow.session.scalar(select(User).where(User.email == student_email)))
        teacher = _actor(uow.session.scalar(select(User).where(User.email == teacher_email)))
        gig_id = uow.session.scalar(
            select(Gig.id)
            .where(Gig.teacher_id == teacher.id, Gig.is_active.is_(True))
            .order_by(Gig.id)
        )
    if gig_id is None:
        raise NotFound("The first demo teacher has no active gig.")
    return student, teacher, gig_id


def _actor(user: User | None) -> Actor:
    if user is None:
        raise NotFound("A demo account is missing; run `linguaflex seed-demo`.")
    return Actor(user.id, user.email, user.role, user.display_name, user.time_zone)


def _next_free_slot(
    availability: AvailabilityService, ctx: ServiceContext, student: Actor, gig_id: int
) -> SlotDTO:
    """The earliest free slot for the student within the booking horizon."""
    today = ctx.now().astimezone(zone_of(student.time_zone)).date()
    last = today + timedelta(days=BOOKING_HORIZON.days + 1)
    first: date = today
    while first <= last:
        window_end = min(first + timedelta(days=MAX_SLOT_WINDOW_DAYS - 1), last)
        slots = availability.free_slots(
            student,
            gig_id,
            duration_minutes=DEMO_DURATION_MINUTES,
            from_date=first,
            to_date=window_end,
        )
        if slots:
            return slots[0]
        first = window_end + timedelta(days=1)
    raise ValidationError("The demo teacher has no free slot left within the booking horizon.")


def _pair(state: str) -> str:
    """'payment_status=UNPAID, status=PENDING' -> 'PENDING/UNPAID'."""
    values = dict(part.split("=", 1) for part in state.split(", ") if "=" in part)
    if not values:
        return ""
    return f"{values.get('status', '?')}/{values.get('payment_status', '?')}"
