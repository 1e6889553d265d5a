"""Paying a confirmed booking with a saved card, against the real in-process localstripe, on
SQLite and Postgres: paid, declined then retried, 3-D Secure, mismatches, refusals, Stripe
unreachable, and the views (receipt, admin list, teacher earnings)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import (
    ConfigurationError,
    Conflict,
    ExternalServiceError,
    InvalidTransition,
    NotFound,
    PaymentDeclined,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import (
    BookingStatus,
    PaymentAttemptStatus,
    PaymentStatus,
    SavedCard,
    SessionBooking,
    StripeCustomer,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.dto import PaymentFilter
from linguaflex_desktop.services.payments.service import PaymentService
from tests.conftest import FakeClock
from tests.integration.booking_helpers import SLOT, confirmed, request
from tests.integration.payment_helpers import (
    THREE_D_SECURE_CARD,
    PayKit,
    authenticate,
    booking_state,
    dead_gateway,
    intents_at_stripe,
    kit_fixture,
    payment_rows,
    save_raw_card,
    succeeded_charges,
)

S, P, A = BookingStatus, PaymentStatus, PaymentAttemptStatus


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(ctx, stripe_gateway, stripe_sandbox)


# --- the happy path and declines -------------------------------------------------------------


def test_paying_with_a_4242_card_makes_the_booking_paid_with_one_charge(kit: PayKit) -> None:
    student = kit.world.student
    card = kit.cards.save_test_card(student, "pm_card_visa")

    outcome = kit.payments.pay_booking(student, kit.booking_id, card_id=card.id)

    assert outcome.state == "succeeded" and outcome.payment_status is P.PAID
    assert outcome.message == "Payment received: 52.50 USD."
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    [(status, intent_id)] = payment_rows(kit.ctx, kit.booking_id)
    assert status is A.SUCCEEDED and intent_id is not None
    [intent] = intents_at_stripe(kit, student)
    assert intent["id"] == intent_id and intent["status"] == "succeeded"
    assert intent["amount"] == 5250 and intent["currency"] == "usd"
    assert intent["metadata"]["booking_id"] == str(kit.booking_id)


def test_the_default_card_is_used_when_none_is_chosen(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student, "pm_card_visa")

    outcome = kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert outcome.state == "succeeded"
    receipt = kit.payment_views.payment_for_booking(kit.world.student, kit.booking_id)
    assert receipt.paid_with is not None and receipt.paid_with.card_last4 == "4242"


def test_decline_at_charge_fails_with_stripes_message_then_another_card_pays(kit: PayKit) -> None:
    student = kit.world.student
    failing = kit.cards.save_test_card(student, "pm_card_chargeCustomerFail")
    good = kit.cards.save_test_card(student, "pm_card_visa")

    with pytest.raises(PaymentDeclined, match=r"Your card was declined\."):
        kit.payments.pay_booking(student, kit.booking_id, card_id=failing.id)

    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    receipt = kit.payment_views.payment_for_booking(student, kit.booking_id)
    assert receipt.attempts[0].failure_message == "Your card was declined."
    assert intents_at_stripe(kit, student)[0]["status"] == "canceled"  # can never be confirmed

    outcome = kit.payments.pay_booking(student, kit.booking_id, card_id=good.id)

    assert outcome.state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert [status for status, _ in payment_rows(kit.ctx, kit.booking_id)] == [
        A.FAILED,
        A.SUCCEEDED,
    ]
    assert succeeded_charges(kit, student) == 1


def test_retry_with_the_same_declining_card_fails_again(kit: PayKit) -> None:
    failing = kit.cards.save_test_card(kit.world.student, "pm_card_chargeCustomerFail")
    for _ in range(2):
        with pytest.raises(PaymentDeclined):
            kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=failing.id)
    assert [s for s, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.FAILED, A.FAILED]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)


# --- 3-D Secure ------------------------------------------------------------------------------


def test_three_d_secure_hands_off_a_page_and_the_poller_sees_it_paid(kit: PayKit) -> None:
    student = kit.world.student
    card_id = save_raw_card(kit, student, THREE_D_SECURE_CARD)

    outcome = kit.payments.pay_booking(student, kit.booking_id, card_id=card_id)

    assert outcome.state == "requires_action" and outcome.handoff_url is not None
    assert outcome.handoff_url.startswith("http://127.0.0.1:")
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    again = kit.payments.poll_payment(student, outcome.payment_id)
    assert again.state == "requires_action" and again.handoff_url == outcome.handoff_url

    authenticate(kit, outcome.payment_id, success=True)
    final = kit.payments.wait_for_payment(student, outcome.payment_id, timeout=10, interval=0.01)

    assert final.state == "succeeded" and final.payment_status is P.PAID
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)


def test_failed_authentication_ends_failed_and_another_card_then_pays(kit: PayKit) -> None:
    student = kit.world.student
    card_id = save_raw_card(kit, student, THREE_D_SECURE_CARD)
    outcome = kit.payments.pay_booking(student, kit.booking_id, card_id=card_id)

    authenticate(kit, outcome.payment_id, success=False)
    final = kit.payments.wait_for_payment(student, outcome.payment_id, timeout=10, interval=0.01)

    assert final.state == "failed"
    assert final.message == "Your bank could not confirm it was you. Try again or use another card."
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    visa = kit.cards.save_test_card(student, "pm_card_visa")
    assert kit.payments.pay_booking(student, kit.booking_id, card_id=visa.id).state == "succeeded"


def test_cancelling_the_wait_cancels_the_intent_and_allows_paying_again(kit: PayKit) -> None:
    student = kit.world.student
    card_id = save_raw_card(kit, student, THREE_D_SECURE_CARD)
    outcome = kit.payments.pay_booking(student, kit.booking_id, card_id=card_id)

    final = kit.payments.wait_for_payment(
        student, outcome.payment_id, timeout=10, should_cancel=lambda: True
    )

    assert final.state == "canceled"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert intents_at_stripe(kit, student)[0]["status"] == "canceled"


def test_poller_times_out_still_pending_while_the_browser_is_open(kit: PayKit) -> None:
    class Time:
        now = 0.0

        def sleep(self, seconds: float) -> None:
            self.now += seconds

        def monotonic(self) -> float:
            return self.now

    fake = Time()
    service = PaymentService(kit.ctx, kit.gateway, sleep=fake.sleep, monotonic=fake.monotonic)
    card_id = save_raw_card(kit, kit.world.student, THREE_D_SECURE_CARD)
    outcome = service.pay_booking(kit.world.student, kit.booking_id, card_id=card_id)

    final = service.wait_for_payment(kit.world.student, outcome.payment_id, timeout=30)
    service.close()

    assert final.state == "requires_action" and "Still waiting" in final.message
    assert fake.now >= 30
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)


# --- checks before PAID ----------------------------------------------------------------------


# The PaymentIntent-mismatch check runs against the fake gateway: test_payment_service_fakes.py.


# --- refusals --------------------------------------------------------------------------------


def test_only_the_booking_student_may_pay(kit: PayKit) -> None:
    other = kit.world.other_student
    kit.cards.save_test_card(other)
    for actor in (other, kit.world.teacher, kit.world.admin):
        with pytest.raises(PermissionDenied):
            kit.payments.pay_booking(actor, kit.booking_id)
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.UNPAID)
    assert payment_rows(kit.ctx, kit.booking_id) == []


def test_a_pending_request_cannot_be_paid(kit: PayKit) -> None:
    pending = request(kit.bookings, kit.world, start_at=SLOT + timedelta(days=1))
    kit.cards.save_test_card(kit.world.student)
    with pytest.raises(InvalidTransition, match="once the teacher has confirmed"):
        kit.payments.pay_booking(kit.world.student, pending.id)
    assert payment_rows(kit.ctx, pending.id) == []


def test_a_paid_booking_is_not_paid_twice(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    kit.payments.pay_booking(kit.world.student, kit.booking_id)
    with pytest.raises(Conflict, match="already paid"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    assert succeeded_charges(kit, kit.world.student) == 1


def test_paying_after_the_deadline_is_refused(kit: PayKit, clock: FakeClock) -> None:
    kit.cards.save_test_card(kit.world.student)
    clock.advance(hours=24)  # payment_due_by = confirmation + 24 h
    with pytest.raises(InvalidTransition, match="deadline"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    assert intents_at_stripe(kit, kit.world.student) == []


def test_paying_without_a_card_or_with_someone_elses_card_is_refused(kit: PayKit) -> None:
    with pytest.raises(ValidationError, match="Add a card"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    others = kit.cards.save_test_card(kit.world.other_student)
    kit.cards.save_test_card(kit.world.student)
    with pytest.raises(NotFound):
        kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=others.id)
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.UNPAID)


# --- Stripe unreachable ----------------------------------------------------------------------


def test_stripe_unreachable_at_create_leaves_a_creating_row_and_charges_nothing(
    kit: PayKit,
) -> None:
    kit.cards.save_test_card(kit.world.student)
    offline = PaymentService(kit.ctx, dead_gateway())

    with pytest.raises(ExternalServiceError, match="nothing was charged"):
        offline.pay_booking(kit.world.student, kit.booking_id)

    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CREATING, None)]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    assert intents_at_stripe(kit, kit.world.student) == []
    with pytest.raises(Conflict, match="already in progress"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)


# Confirm lost on the way or its answer lost: test_payment_service_fakes.py (fake gateway).


# --- views -----------------------------------------------------------------------------------


def test_receipt_shows_amounts_card_and_stripe_id_only_to_admins(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    kit.payments.pay_booking(kit.world.student, kit.booking_id)

    mine = kit.payment_views.payment_for_booking(kit.world.student, kit.booking_id)
    admins = kit.payment_views.payment_for_booking(kit.world.admin, kit.booking_id)
    teachers = kit.payment_views.payment_for_booking(kit.world.teacher, kit.booking_id)

    assert (mine.total_minor, mine.fee_minor, mine.teacher_share_minor) == (5250, 250, 5000)
    assert mine.payment_status is P.PAID and mine.paid_at is not None
    assert mine.paid_with is not None and mine.paid_with.card_brand == "visa"
    assert mine.paid_with.stripe_payment_intent_id is None
    assert admins.paid_with is not None
    assert (admins.paid_with.stripe_payment_intent_id or "").startswith("pi_")
    assert teachers.paid_with is not None and teachers.paid_with.card_last4 is None
    with pytest.raises(PermissionDenied):
        kit.payment_views.payment_for_booking(kit.world.other_student, kit.booking_id)


def test_admin_lists_all_payments_with_filters_students_only_their_own(kit: PayKit) -> None:
    world = kit.world
    failing = kit.cards.save_test_card(world.student, "pm_card_chargeCustomerFail")
    visa = kit.cards.save_test_card(world.student, "pm_card_visa")
    with pytest.raises(PaymentDeclined):
        kit.payments.pay_booking(world.student, kit.booking_id, card_id=failing.id)
    kit.payments.pay_booking(world.student, kit.booking_id, card_id=visa.id)
    other = confirmed(
        kit.bookings, world, student=world.other_student, start_at=SLOT + timedelta(hours=2)
    )
    kit.cards.save_test_card(world.other_student)
    kit.payments.pay_booking(world.other_student, other.id)

    everything = kit.payment_views.list_payments(world.admin)
    succeeded = kit.payment_views.list_payments(
        world.admin, filters=PaymentFilter(status=A.SUCCEEDED)
    )
    by_student = kit.payment_views.list_payments(
        world.admin, filters=PaymentFilter(student_id=world.other_student.id)
    )
    own = kit.payment_views.list_payments(world.student, filters=PaymentFilter(student_id=None))
    paged = kit.payment_views.list_payments(world.admin, offset=1, limit=1)

    assert everything.total == 3 and len(everything.items) == 3
    assert all(item.stripe_payment_intent_id for item in everything.items)
    assert succeeded.total == 2
    assert [item.booking_id for item in by_student.items] == [other.id]
    assert own.total == 2 and {item.student_id for item in own.items} == {world.student.id}
    assert paged.total == 3 and len(paged.items) == 1
    with pytest.raises(PermissionDenied):
        kit.payment_views.list_payments(world.teacher)


def test_teacher_earnings_show_gross_fee_and_share_per_booking_and_in_total(kit: PayKit) -> None:
    world = kit.world
    kit.cards.save_test_card(world.student)
    kit.payments.pay_booking(world.student, kit.booking_id)
    second = confirmed(kit.bookings, world, start_at=SLOT + timedelta(days=1), duration=90)
    kit.payments.pay_booking(world.student, second.id)
    request(kit.bookings, world, start_at=SLOT + timedelta(days=2))  # unpaid: not earned

    earnings = kit.payment_views.teacher_earnings(world.teacher)
    first_day = kit.payment_views.teacher_earnings(world.teacher, to_at=SLOT + timedelta(hours=12))

    assert [(line.gross_minor, line.fee_minor, line.share_minor) for line in earnings.lines] == [
        (5250, 250, 5000),
        (7875, 375, 7500),
    ]
    [total] = earnings.totals
    assert (total.currency, total.sessions, total.gross_minor, total.share_minor) == (
        "USD",
        2,
        13125,
        12500,
    )
    assert [line.booking_id for line in first_day.lines] == [kit.booking_id]
    with pytest.raises(PermissionDenied):
        kit.payment_views.teacher_earnings(world.student)
    assert kit.payment_views.teacher_earnings(world.other_teacher).lines == ()


def test_cancelled_booking_cannot_be_paid(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    kit.bookings.cancel_booking(kit.world.student, kit.booking_id, reason="changed my mind")
    with pytest.raises(InvalidTransition):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    with kit.ctx.unit_of_work(write=False) as uow:
        row = uow.session.get(SessionBooking, kit.booking_id)
        assert row is not None and row.status is S.CANCELLED


def test_a_create_refused_for_sure_closes_the_attempt_at_once(kit: PayKit) -> None:
    with kit.ctx.unit_of_work() as uow:  # a test card left over from sandbox days
        uow.session.add(StripeCustomer(user_id=kit.world.student.id, stripe_customer_id="cus_x"))
        uow.session.add(
            SavedCard(
                user_id=kit.world.student.id,
                stripe_payment_method_id="pm_card_visa",
                brand="visa",
                last4="4242",
                exp_month=12,
                exp_year=2030,
                is_default=True,
            )
        )
        uow.commit()
    live = StripeGateway(secret_key="sk_live_not_real", publishable_key="pk_live_not_real")

    with pytest.raises(ConfigurationError, match="live keys"):
        PaymentService(kit.ctx, live).pay_booking(kit.world.student, kit.booking_id)

    assert [s for s, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.CANCELED]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)  # may pay again


def test_paying_again_after_stripe_was_unreachable_works_once_the_grace_period_passed(
    kit: PayKit, clock: FakeClock
) -> None:
    kit.cards.save_test_card(kit.world.student)
    with pytest.raises(ExternalServiceError):
        PaymentService(kit.ctx, dead_gateway()).pay_booking(kit.world.student, kit.booking_id)
    clock.advance(seconds=60)
    with pytest.raises(Conflict, match="already in progress"):  # it might still be running
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    clock.advance(seconds=60)
    outcome = kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert outcome.state == "succeeded"
    assert [s for s, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.CANCELED, A.SUCCEEDED]
    assert succeeded_charges(kit, kit.world.student) == 1


def test_an_open_three_d_secure_attempt_blocks_a_second_pay(kit: PayKit, clock: FakeClock) -> None:
    card_id = save_raw_card(kit, kit.world.student, THREE_D_SECURE_CARD)
    kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=card_id)
    clock.advance(minutes=10)
    with pytest.raises(Conflict, match="already in progress"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    assert [s for s, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.PENDING]
