"""Opening a payment attempt (``attempts``) on the fake gateway, on SQLite: who may pay, which
saved card is charged (the chosen one, else the default, else the newest), and the attempt row
it opens (price snapshot, card, attempt number, times), as sent to Stripe."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    InvalidTransition,
    NotFound,
    PaymentDeclined,
    PermissionDenied,
)
from linguaflex_desktop.models import (
    AuditEvent,
    Payment,
    PaymentAttemptStatus,
    SavedCard,
    StripeCustomer,
)
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments import attempts as attempts_module
from linguaflex_desktop.services.payments import settle as settle_module
from linguaflex_desktop.services.payments.service import PaymentService
from tests.conftest import FakeClock
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world, request

A = PaymentAttemptStatus
# the refusal names the way out: continue the bank's verification, or cancel the attempt
IN_PROGRESS_THEN_WAY_OUT = (
    r"^A payment for this booking is already in progress\. If your bank's verification is "
    r"still open, continue it, or cancel the payment attempt to pay again\.$"
)


@dataclass
class PayKit:
    ctx: ServiceContext
    gateway: FakePaymentsGateway
    world: World
    cards: CardService
    payments: PaymentService
    booking_id: int


@pytest.fixture
def kit(ctx: ServiceContext) -> Iterator[PayKit]:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    booking = confirmed(BookingService(ctx), world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    yield PayKit(ctx, gateway, world, cards, payments, booking.id)
    cards.close()
    payments.close()


def set_card(kit: PayKit, card_id: int, **values: object) -> None:
    with kit.ctx.unit_of_work() as uow:
        card = uow.session.get(SavedCard, card_id)
        assert card is not None
        for name, value in values.items():
            setattr(card, name, value)
        uow.commit()


def method_of(kit: PayKit, card_id: int) -> str:
    with kit.ctx.unit_of_work(write=False) as uow:
        card = uow.session.get(SavedCard, card_id)
        assert card is not None
        return card.stripe_payment_method_id


def charged_method(kit: PayKit) -> str:
    (call,) = kit.gateway.calls_to("create_payment_intent")
    return str(call.kwargs["payment_method_id"])


def attempts(kit: PayKit) -> list[Payment]:
    with kit.ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(Payment).order_by(Payment.id)).all()
        for row in rows:
            uow.session.expunge(row)
        return list(rows)


def test_only_the_student_who_booked_may_pay(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    with pytest.raises(PermissionDenied, match="role does not allow"):
        kit.payments.pay_booking(kit.world.teacher, kit.booking_id)
    with pytest.raises(PermissionDenied, match="role does not allow"):
        kit.payments.pay_booking(kit.world.admin, kit.booking_id)
    kit.cards.save_test_card(kit.world.other_student)
    with pytest.raises(PermissionDenied, match="Only the student who booked"):
        kit.payments.pay_booking(kit.world.other_student, kit.booking_id)
    assert attempts(kit) == [] and kit.gateway.calls_to("create_payment_intent") == []


def test_the_chosen_card_is_charged_and_sent_with_the_students_customer(kit: PayKit) -> None:
    first = kit.cards.save_test_card(kit.world.student)
    kit.cards.save_test_card(kit.world.student)

    kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=first.id)

    assert charged_method(kit) == method_of(kit, first.id)
    with kit.ctx.unit_of_work(write=False) as uow:
        customer_id = uow.session.scalar(
            select(StripeCustomer.stripe_customer_id).where(
                StripeCustomer.user_id == kit.world.student.id
            )
        )
    (call,) = kit.gateway.calls_to("create_payment_intent")
    assert customer_id is not None and call.kwargs["customer_id"] == customer_id
    assert attempts(kit)[0].stripe_payment_method_id == method_of(kit, first.id)


def test_another_students_card_or_an_unknown_card_is_not_found(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    theirs = kit.cards.save_test_card(kit.world.other_student)

    for card_id in (theirs.id, theirs.id + 100):
        with pytest.raises(NotFound, match="not found among your saved cards"):
            kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=card_id)
    assert attempts(kit) == []


def test_without_a_choice_the_default_card_is_charged_even_if_older(kit: PayKit) -> None:
    old = kit.cards.save_test_card(kit.world.student)
    new = kit.cards.save_test_card(kit.world.student)
    set_card(kit, old.id, is_default=True, created_at=datetime(2027, 1, 1, tzinfo=UTC))
    set_card(kit, new.id, is_default=False, created_at=datetime(2027, 2, 1, tzinfo=UTC))

    kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert charged_method(kit) == method_of(kit, old.id)


def test_without_a_default_the_newest_card_is_charged(kit: PayKit) -> None:
    newer = kit.cards.save_test_card(kit.world.student)
    older = kit.cards.save_test_card(kit.world.student)  # a higher id, but created earlier
    set_card(kit, newer.id, is_default=False, created_at=datetime(2027, 2, 1, tzinfo=UTC))
    set_card(kit, older.id, is_default=False, created_at=datetime(2027, 1, 1, tzinfo=UTC))

    kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert charged_method(kit) == method_of(kit, newer.id)


def test_cards_saved_at_the_same_instant_charge_the_last_saved(kit: PayKit) -> None:
    first = kit.cards.save_test_card(kit.world.student)
    second = kit.cards.save_test_card(kit.world.student)
    same = datetime(2027, 1, 1, tzinfo=UTC)
    set_card(kit, first.id, is_default=False, created_at=same)
    set_card(kit, second.id, is_default=False, created_at=same)

    kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert charged_method(kit) == method_of(kit, second.id)


def test_an_attempt_row_snapshots_the_price_and_counts_the_attempts(
    kit: PayKit, clock: FakeClock
) -> None:
    card = kit.cards.save_test_card(kit.world.student)
    kit.gateway.script("create_payment_intent", PaymentDeclined("Your card was declined."))
    with pytest.raises(PaymentDeclined):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    at = clock.advance(minutes=3)
    kit.gateway.script("create_payment_intent", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    first, second = attempts(kit)
    assert (first.attempts, second.attempts) == (1, 2)
    assert second.status is A.CREATING and second.refunded_minor == 0
    assert (second.amount_minor, second.fee_minor, second.teacher_share_minor) == (5250, 250, 5000)
    assert second.currency == "USD"
    assert second.stripe_payment_method_id == method_of(kit, card.id)
    assert second.created_at.replace(tzinfo=UTC) == at
    assert second.updated_at.replace(tzinfo=UTC) == at
    (_, call) = kit.gateway.calls_to("create_payment_intent")
    assert call.kwargs["idempotency_key"] == second.idempotency_key


def test_attempts_are_counted_per_booking(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    other = confirmed(BookingService(kit.ctx), kit.world, start_at=SLOT + timedelta(days=1))
    kit.payments.pay_booking(kit.world.student, other.id)

    kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert [row.attempts for row in attempts(kit)] == [1, 1]


def test_opening_an_attempt_is_audited_by_the_student_at_the_clocks_time(
    kit: PayKit, clock: FakeClock
) -> None:
    card = kit.cards.save_test_card(kit.world.student)
    at = clock.advance(minutes=7)
    kit.gateway.script("create_payment_intent", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    with kit.ctx.unit_of_work(write=False) as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.actor_id, AuditEvent.created_at, AuditEvent.reason)
            .where(AuditEvent.action.in_(["booking.payment_pending", "payment.created"]))
            .order_by(AuditEvent.id)
        ).all()
    student = kit.world.student.id
    assert [(a, who, when.replace(tzinfo=UTC), why) for a, who, when, why in rows] == [
        ("booking.payment_pending", student, at, f"Paying with {card.brand} •••• {card.last4}."),
        ("payment.created", student, at, ""),
    ]


def test_paying_again_while_a_payment_is_pending_says_it_is_in_progress(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    kit.gateway.script("confirm_payment_intent", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    with pytest.raises(Conflict, match=IN_PROGRESS_THEN_WAY_OUT):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)


def test_a_booking_the_teacher_has_not_confirmed_cannot_be_paid(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    requested = request(BookingService(kit.ctx), kit.world, start_at=SLOT + timedelta(days=1))

    with pytest.raises(InvalidTransition, match="once the teacher has confirmed it"):
        kit.payments.pay_booking(kit.world.student, requested.id)
    assert attempts(kit) == []


def test_a_confirmed_booking_past_its_payment_deadline_cannot_be_paid(
    kit: PayKit, clock: FakeClock
) -> None:
    kit.cards.save_test_card(kit.world.student)
    clock.advance(hours=24)  # the payment window after confirmation has run out

    with pytest.raises(InvalidTransition, match="payment deadline for this booking has passed"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    assert attempts(kit) == []


def spy_booking_locks(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[object]:
    """Record the ``for_update`` of every ``load_booking`` call made through ``module``."""
    locks: list[object] = []
    real = module.load_booking

    def load_booking(session: Any, booking_id: int, **options: Any) -> Any:
        locks.append(options.get("for_update"))
        return real(session, booking_id, **options)

    monkeypatch.setattr(module, "load_booking", load_booking)
    return locks


def test_opening_an_attempt_locks_the_booking_row(
    kit: PayKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Postgres serialises concurrent "Pay" clicks on this row lock (SELECT ... FOR UPDATE);
    # the race itself is proven on Postgres in test_payment_races.py
    kit.cards.save_test_card(kit.world.student)
    locks = spy_booking_locks(monkeypatch, attempts_module)
    settle_locks = spy_booking_locks(monkeypatch, settle_module)

    kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert locks == [True]
    assert settle_locks and all(lock is True for lock in settle_locks)


def test_a_concurrent_attempt_refused_by_the_unique_index_is_reported_in_progress(
    kit: PayKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit.cards.save_test_card(kit.world.student)

    def loses_the_race(*_: object) -> None:
        raise IntegrityError("INSERT INTO payments ...", {}, Exception("one active payment"))

    monkeypatch.setattr(attempts_module, "_new_payment", loses_the_race)

    with pytest.raises(Conflict, match=IN_PROGRESS_THEN_WAY_OUT):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
