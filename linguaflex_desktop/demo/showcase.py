"""A school in every state a screen can show, for screenshots and for the test that renders
every window in each language: the demo accounts, then through the real services (sandbox
Stripe) one session completed, rated and answered, then a request waiting for the teacher, a
confirmed unpaid booking, a declined one, a paid one with messages and a paid one partly
refunded.

The services must run on a ``MovableClock``: the completed session needs time to pass. Takes a
few seconds (password hashes, Stripe sandbox calls); run it off the GUI thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from linguaflex_desktop.demo.data import demo_accounts, seed_demo_data
from linguaflex_desktop.demo.flow import _actor, _demo_parties
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.dto import Actor

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

SLOT_MINUTES = 60


class MovableClock:
    """The real time plus an offset that only grows; a ``Clock`` for the services."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def move_past(self, instant: datetime) -> None:
        now = self()
        if instant > now:
            self.offset += instant - now


@dataclass(frozen=True)
class Showcase:
    student: Actor
    teacher: Actor
    admin: Actor
    completed_id: int
    pending_id: int
    confirmed_id: int
    paid_id: int
    refunded_id: int
    review_id: int


def build_showcase(services: AppServices, clock: MovableClock, *, language: str = "en") -> Showcase:
    """Fill an empty database (see module doc); returns who and what was made. The people
    read in ``language``: their notices are written in it."""
    ctx = services.ctx
    seed_demo_data(ctx)
    student, teacher, gig_id = _demo_parties(ctx)
    admin, other = _people(services)
    for person in (student, teacher, admin, other):
        services.own_account.set_language(person, language)
    bookings = services.bookings
    services.cards.save_test_card(student)

    completed = _paid(services, bookings, student, teacher, gig_id)
    clock.move_past(completed.end_at + timedelta(minutes=5))
    bookings.complete_booking(teacher, completed.id)
    review = services.reviews.rate_booking(
        student, completed.id, stars=5, comment="Clear explanations and a lot of speaking."
    )
    services.reviews.answer_review(teacher, review.id, "Thank you, see you next week!")

    pending = _request(services, bookings, other, gig_id, note="I would like to practise.")
    confirmed = _request(services, bookings, student, gig_id)
    bookings.confirm_booking(teacher, confirmed.id)
    declined = _request(services, bookings, student, gig_id)
    bookings.decline_booking(teacher, declined.id, reason="I am away that week.")
    paid = _paid(services, bookings, student, teacher, gig_id)
    services.conversations.send_message(student, paid.id, "Could we focus on the subjunctive?")
    services.conversations.send_message(teacher, paid.id, "Of course, I will prepare exercises.")
    refunded = _paid(services, bookings, student, teacher, gig_id)
    services.refunds.refund(
        admin,
        refunded.id,
        amount_minor=refunded.total_minor // 2,
        reason="Session started late.",
        student_message="Half refunded: the session started late.",
        request_key=f"showcase-{uuid.uuid4()}",
    )
    return Showcase(
        student=student,
        teacher=teacher,
        admin=admin,
        completed_id=completed.id,
        pending_id=pending.id,
        confirmed_id=confirmed.id,
        paid_id=paid.id,
        refunded_id=refunded.id,
        review_id=review.id,
    )


def _people(services: AppServices) -> tuple[Actor, Actor]:
    """The demo admin and the second demo student."""
    accounts = demo_accounts()
    admin_email = next(email for email, _, role in accounts if role is Role.ADMIN)
    other_email = [email for email, _, role in accounts if role is Role.STUDENT][1]
    with services.ctx.unit_of_work(write=False) as uow:
        admin = _actor(uow.session.scalar(select(User).where(User.email == admin_email)))
        other = _actor(uow.session.scalar(select(User).where(User.email == other_email)))
    return admin, other


def _request(
    services: AppServices, bookings: BookingService, student: Actor, gig_id: int, note: str = ""
) -> BookingDTO:
    slot = _first_free_slot(services, student, gig_id)
    return bookings.request_booking(
        student, gig_id=gig_id, start_at=slot, duration_minutes=SLOT_MINUTES, note=note
    )


def _paid(
    services: AppServices, bookings: BookingService, student: Actor, teacher: Actor, gig_id: int
) -> BookingDTO:
    booking = _request(services, bookings, student, gig_id)
    bookings.confirm_booking(teacher, booking.id)
    outcome = services.payments.pay_booking(student, booking.id)
    if outcome.state != "succeeded":
        raise RuntimeError(f"showcase payment did not succeed: {outcome.state}")
    return bookings.get_booking(student, booking.id).booking


def _first_free_slot(services: AppServices, student: Actor, gig_id: int) -> datetime:
    today: date = services.ctx.now().date()
    for first in (today + timedelta(days=7 * week) for week in range(5)):
        slots = services.availability.free_slots(
            student,
            gig_id,
            duration_minutes=SLOT_MINUTES,
            from_date=first,
            to_date=first + timedelta(days=6),
        )
        if slots:
            return slots[0].start_at
    raise RuntimeError("the demo teacher has no free hour within five weeks")
