"""3-D Secure with no dead end, on ``FakePaymentsGateway`` (fast tier), SQLite and Postgres:
the attempt waiting on Stripe's hosted page can be reopened, cancelled (at Stripe, with the
attempt's idempotency key) or left behind (reconciliation cancels it after 30 minutes); a
cancel racing the authentication's success ends PAID; the student reads plain sentences."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo
from linguaflex_desktop.errors import Conflict, PermissionDenied, StripeRequestRefused
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking.rules import can_pay
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.decline_text import AUTHENTICATION_FAILED
from linguaflex_desktop.services.payments.reconcile import AUTHENTICATION_ABANDONED, Reconciler
from linguaflex_desktop.services.payments.service import PaymentService
from tests.conftest import FakeClock
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import World, confirmed, make_world
from tests.integration.payment_helpers import booking_state, payment_rows

S, P, A = BookingStatus, PaymentStatus, PaymentAttemptStatus


@dataclass
class Kit:
    ctx: ServiceContext
    gateway: FakePaymentsGateway
    world: World
    payments: PaymentService
    booking_id: int

    def pay_into_3ds(self) -> int:
        """Pay; the card needs 3-D Secure: the attempt waits on Stripe's hosted page."""
        self.gateway.script(
            "confirm_payment_intent", lambda intent_id, **_: self.gateway.needs_3ds(intent_id)
        )
        outcome = self.payments.pay_booking(self.world.student, self.booking_id)
        assert outcome.state == "requires_action"
        assert outcome.handoff_url == self.gateway.only_intent().next_action_url
        return outcome.payment_id

    def intent(self) -> PaymentIntentInfo:
        """The first PaymentIntent (the one that needed 3-D Secure), as Stripe holds it now."""
        return next(iter(self.gateway.intents.values()))


@pytest.fixture
def kit(ctx: ServiceContext) -> Iterator[Kit]:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    booking = confirmed(BookingService(ctx), world)
    cards = CardService(ctx, gateway)
    cards.save_test_card(world.student)
    payments = PaymentService(ctx, gateway)
    yield Kit(ctx, gateway, world, payments, booking.id)
    cards.close()
    payments.close()


def idempotency_key_of(ctx: ServiceContext, payment_id: int) -> str:
    with ctx.unit_of_work(write=False) as uow:
        payment = uow.session.get(Payment, payment_id)
        assert payment is not None
        return payment.idempotency_key


def audit_actions(ctx: ServiceContext, entity_id: int) -> list[str]:
    with ctx.unit_of_work(write=False) as uow:
        return list(
            uow.session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity_type == "payment", AuditEvent.entity_id == entity_id)
                .order_by(AuditEvent.id)
            )
        )


def payable(kit: Kit) -> bool:
    with kit.ctx.unit_of_work(write=False) as uow:
        booking = uow.session.get(SessionBooking, kit.booking_id)
        assert booking is not None
        return can_pay(booking, kit.ctx.now())


def test_a_waiting_attempt_is_reopened_with_the_same_page_then_succeeds(kit: Kit) -> None:
    payment_id = kit.pay_into_3ds()
    url = kit.intent().next_action_url

    reopened = kit.payments.resume_payment(kit.world.student, kit.booking_id)

    assert (reopened.state, reopened.payment_id, reopened.handoff_url) == (
        "requires_action",
        payment_id,
        url,
    )
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    kit.gateway.with_status(kit.intent().id, "succeeded")  # the student passed the check
    final = kit.payments.wait_for_payment(kit.world.student, payment_id, timeout=5, interval=0.01)
    assert final.state == "succeeded" and final.payment_status is P.PAID
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    after = kit.payments.resume_payment(kit.world.student, kit.booking_id)
    assert after.state == "succeeded" and after.handoff_url is None


def test_the_browser_coming_back_wakes_the_poller_at_once(kit: Kit) -> None:
    payment_id = kit.pay_into_3ds()
    [confirm] = kit.gateway.calls_to("confirm_payment_intent")
    return_url = str(confirm.kwargs["return_url"])
    first_poll = threading.Event()

    def retrieve(intent_id: str) -> PaymentIntentInfo:
        first_poll.set()
        return kit.gateway.intents[intent_id]

    kit.gateway.always("retrieve_payment_intent", retrieve)
    finished: list[str] = []
    poller = threading.Thread(
        target=lambda: finished.append(
            kit.payments.wait_for_payment(
                kit.world.student, payment_id, timeout=120, interval=60, max_interval=60
            ).state
        )
    )
    poller.start()
    assert first_poll.wait(timeout=10)  # the poller saw "requires_action"; it now waits 60 s
    kit.gateway.with_status(kit.intent().id, "succeeded")
    intent = kit.intent()
    page = httpx.get(
        f"{return_url}?payment_intent={intent.id}&payment_intent_client_secret=x", timeout=5
    )
    poller.join(timeout=10)  # far less than the 60 s pause: woken by the return page

    assert page.status_code == 200
    assert not poller.is_alive() and finished == ["succeeded"]


def test_cancelling_the_attempt_cancels_it_at_stripe_and_the_booking_is_payable_at_once(
    kit: Kit,
) -> None:
    payment_id = kit.pay_into_3ds()
    key = idempotency_key_of(kit.ctx, payment_id)

    outcome = kit.payments.cancel_payment_attempt(kit.world.student, kit.booking_id)

    assert outcome.state == "canceled" and outcome.payment_status is P.FAILED
    assert "nothing was charged" in outcome.message
    [cancel] = kit.gateway.calls_to("cancel_payment_intent")
    assert cancel.args == (kit.intent().id,) and cancel.kwargs["idempotency_key"] == f"{key}-cancel"
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CANCELED, kit.intent().id)]
    assert audit_actions(kit.ctx, payment_id)[-1] == "payment.canceled"
    assert payable(kit)

    again = kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert again.state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)


def test_only_the_student_who_booked_may_reopen_or_cancel(kit: Kit) -> None:
    kit.pay_into_3ds()

    with pytest.raises(PermissionDenied):
        kit.payments.cancel_payment_attempt(kit.world.other_student, kit.booking_id)
    with pytest.raises(PermissionDenied):
        kit.payments.resume_payment(kit.world.teacher, kit.booking_id)
    assert kit.gateway.calls_to("cancel_payment_intent") == []


def test_paying_again_while_waiting_names_the_way_out(kit: Kit) -> None:
    kit.pay_into_3ds()

    with pytest.raises(Conflict, match="continue it, or cancel the payment attempt"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)


def test_failed_authentication_reads_as_a_plain_sentence(kit: Kit) -> None:
    payment_id = kit.pay_into_3ds()
    kit.gateway.failed_3ds(kit.intent().id)

    final = kit.payments.wait_for_payment(kit.world.student, payment_id, timeout=5, interval=0.01)

    assert final.state == "failed" and final.message == AUTHENTICATION_FAILED
    assert final.message == "Your bank could not confirm it was you. Try again or use another card."
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert payable(kit)


@pytest.mark.parametrize(("minutes", "cancelled"), [(29, False), (31, True)])
def test_reconcile_cancels_an_attempt_left_in_3ds_over_30_minutes(
    kit: Kit, clock: FakeClock, minutes: int, cancelled: bool
) -> None:
    payment_id = kit.pay_into_3ds()
    key = idempotency_key_of(kit.ctx, payment_id)
    clock.advance(minutes=minutes)

    report = Reconciler(kit.ctx, kit.gateway).reconcile_pending()

    if not cancelled:
        assert (report.checked, report.still_pending, report.canceled) == (1, 1, 0)
        assert kit.gateway.calls_to("cancel_payment_intent") == []
        assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
        return
    assert (report.checked, report.canceled) == (1, 1)
    [cancel] = kit.gateway.calls_to("cancel_payment_intent")
    assert cancel.kwargs["idempotency_key"] == f"{key}-cancel"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert payable(kit)
    assert audit_actions(kit.ctx, payment_id)[-1] == "payment.canceled"
    receipt_message = kit.payments.resume_payment(kit.world.student, kit.booking_id).message
    assert receipt_message == AUTHENTICATION_ABANDONED
    assert kit.payments.pay_booking(kit.world.student, kit.booking_id).state == "succeeded"


def test_cancel_racing_the_authentication_success_ends_paid(kit: Kit) -> None:
    """Forced interleaving: the student presses Cancel; at Stripe the authentication
    completes first, so Stripe refuses the cancel; meanwhile the poller settles the success.
    The cancel then reads the PaymentIntent and reports the payment paid, not failed."""
    payment_id = kit.pay_into_3ds()
    intent_id = kit.intent().id
    cancel_reached_stripe = threading.Event()
    poller_settled = threading.Event()

    def cancel_after_success(payment_intent_id: str, **_: object) -> PaymentIntentInfo:
        kit.gateway.with_status(payment_intent_id, "succeeded")  # the bank said yes first
        cancel_reached_stripe.set()
        assert poller_settled.wait(timeout=10)
        raise StripeRequestRefused(
            "Stripe refused the request: This PaymentIntent's status is succeeded.",
            "This PaymentIntent's status is succeeded.",
        )

    kit.gateway.script("cancel_payment_intent", cancel_after_success)
    results: dict[str, str] = {}

    def press_cancel() -> None:
        results["cancel"] = kit.payments.cancel_payment_attempt(
            kit.world.student, kit.booking_id
        ).state

    def poll() -> None:
        assert cancel_reached_stripe.wait(timeout=10)
        results["poll"] = kit.payments.poll_payment(kit.world.student, payment_id).state
        poller_settled.set()

    threads = [threading.Thread(target=press_cancel), threading.Thread(target=poll)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results == {"cancel": "succeeded", "poll": "succeeded"}
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.SUCCEEDED, intent_id)]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert audit_actions(kit.ctx, payment_id).count("payment.succeeded") == 1
    assert "payment.canceled" not in audit_actions(kit.ctx, payment_id)


def test_cancel_racing_a_success_the_canceller_settles_first_still_ends_paid(kit: Kit) -> None:
    """The other order: the cancel's own settle runs first (the poller never ran)."""
    payment_id = kit.pay_into_3ds()

    def cancel_after_success(payment_intent_id: str, **_: object) -> PaymentIntentInfo:
        kit.gateway.with_status(payment_intent_id, "succeeded")
        raise StripeRequestRefused("refused", "This PaymentIntent's status is succeeded.")

    kit.gateway.script("cancel_payment_intent", cancel_after_success)

    outcome = kit.payments.cancel_payment(kit.world.student, payment_id)

    assert outcome.state == "succeeded" and outcome.payment_status is P.PAID
    assert payment_rows(kit.ctx, kit.booking_id)[0][0] is A.SUCCEEDED
