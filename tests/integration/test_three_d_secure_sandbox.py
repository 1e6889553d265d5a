"""3-D Secure against the real sandbox (its ``redirect_to_url`` answer and hosted page), on
SQLite and Postgres: the bank's page answered by an HTTP client playing the browser (it
follows the redirect to the app's return page), reopening, cancelling, reconciliation after
30 minutes, and a cancel that reaches Stripe after the authentication succeeded."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.models import BookingStatus, PaymentAttemptStatus, PaymentStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.decline_text import AUTHENTICATION_FAILED
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from linguaflex_desktop.services.payments.service import PaymentService
from tests.conftest import FakeClock
from tests.integration.payment_helpers import (
    THREE_D_SECURE_CARD,
    PayKit,
    booking_state,
    gateway_like,
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


def press(sandbox: StripeSandbox, url: str, outcome: str) -> httpx.Response:
    """What the browser does on the bank's page: post the answer, follow Stripe's redirect
    back to the app's return page."""
    return httpx.post(
        url,
        data={"outcome": outcome},
        headers={"Origin": sandbox.api_base},
        follow_redirects=True,
        timeout=10,
    )


def pay_into_3ds(kit: PayKit, payments: PaymentService | None = None) -> PaymentOutcome:
    card_id = save_raw_card(kit, kit.world.student, THREE_D_SECURE_CARD)
    outcome = (payments or kit.payments).pay_booking(
        kit.world.student, kit.booking_id, card_id=card_id
    )
    assert outcome.state == "requires_action" and outcome.handoff_url
    assert outcome.handoff_url.startswith(f"{kit.sandbox.api_base}/3ds/")
    return outcome


def test_the_bank_page_answered_brings_the_browser_back_and_the_payment_is_paid(
    kit: PayKit,
) -> None:
    outcome = pay_into_3ds(kit)

    back = press(kit.sandbox, str(outcome.handoff_url), "complete")
    final = kit.payments.wait_for_payment(
        kit.world.student, outcome.payment_id, timeout=10, interval=0.01
    )

    assert back.status_code == 200 and "return to LinguaFlex" in back.text
    assert back.url.host == "127.0.0.1" and back.url.path.startswith("/return/")
    assert final.state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)


def test_a_failed_check_is_told_plainly_and_leaves_the_booking_payable(kit: PayKit) -> None:
    outcome = pay_into_3ds(kit)

    press(kit.sandbox, str(outcome.handoff_url), "fail")
    final = kit.payments.wait_for_payment(
        kit.world.student, outcome.payment_id, timeout=10, interval=0.01
    )

    assert final.state == "failed" and final.message == AUTHENTICATION_FAILED
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    visa = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    assert kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=visa.id).finished


def test_reopen_reads_the_same_page_from_stripe_and_cancel_frees_the_booking(
    kit: PayKit,
) -> None:
    outcome = pay_into_3ds(kit)

    reopened = kit.payments.resume_payment(kit.world.student, kit.booking_id)
    cancelled = kit.payments.cancel_payment_attempt(kit.world.student, kit.booking_id)

    assert reopened.handoff_url == outcome.handoff_url
    assert cancelled.state == "canceled" and cancelled.payment_status is P.FAILED
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["canceled"]
    assert payment_rows(kit.ctx, kit.booking_id)[0][0] is A.CANCELED
    visa = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    paid = kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=visa.id)
    assert paid.state == "succeeded" and succeeded_charges(kit, kit.world.student) == 1


def test_reconcile_cancels_at_stripe_after_30_minutes_not_before(
    kit: PayKit, clock: FakeClock
) -> None:
    pay_into_3ds(kit)
    clock.advance(minutes=29)
    assert kit.reconciler.reconcile_pending().still_pending == 1

    clock.advance(minutes=2)
    report = kit.reconciler.reconcile_pending()

    assert (report.checked, report.canceled) == (1, 1)
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["canceled"]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    visa = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    assert kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=visa.id).finished


class BankAnswersFirst(StripeGateway):
    """The sandbox gateway whose cancel reaches Stripe just after the student completed the
    bank's check: the authentication lands first, so Stripe refuses the cancel."""

    bank_page: str = ""
    sandbox: StripeSandbox | None = None

    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str | None = None
    ) -> PaymentIntentInfo:
        assert self.sandbox is not None and self.bank_page
        press(self.sandbox, self.bank_page, "complete")
        return super().cancel_payment_intent(payment_intent_id, idempotency_key=idempotency_key)


def test_a_cancel_arriving_after_the_authentication_succeeded_ends_paid(kit: PayKit) -> None:
    gateway = gateway_like(BankAnswersFirst, kit.sandbox)
    assert isinstance(gateway, BankAnswersFirst)
    payments = PaymentService(kit.ctx, gateway)
    try:
        outcome = pay_into_3ds(kit, payments)
        gateway.sandbox, gateway.bank_page = kit.sandbox, str(outcome.handoff_url)

        result = payments.cancel_payment_attempt(kit.world.student, kit.booking_id)
    finally:
        payments.close()

    assert result.state == "succeeded" and result.payment_status is P.PAID
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["succeeded"]
    assert payment_rows(kit.ctx, kit.booking_id)[0][0] is A.SUCCEEDED
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
