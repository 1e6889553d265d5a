"""Who sees the details of a booking's payment attempts (SQLite and Postgres, localstripe):
the student and admins see why a card was declined and which card it was; the teacher sees
the attempts' amounts and statuses only, never the decline text nor the card."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import PaymentDeclined
from linguaflex_desktop.models import PaymentAttemptStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.dto import PaymentDTO
from tests.integration.payment_helpers import PayKit, kit_fixture

DECLINE_TEXT = "Your card was declined."


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(ctx, stripe_gateway, stripe_sandbox)


@pytest.fixture
def declined_then_paid(kit: PayKit) -> PayKit:
    """The student's first card is declined at the charge, a second one pays."""
    student = kit.world.student
    failing = kit.cards.save_test_card(student, "pm_card_chargeCustomerFail")
    good = kit.cards.save_test_card(student, "pm_card_visa")
    with pytest.raises(PaymentDeclined):
        kit.payments.pay_booking(student, kit.booking_id, card_id=failing.id)
    kit.payments.pay_booking(student, kit.booking_id, card_id=good.id)
    return kit


def attempts_seen_by(kit: PayKit, actor: Actor) -> tuple[PaymentDTO, ...]:
    receipt = kit.payment_views.payment_for_booking(actor, kit.booking_id)
    assert [a.status for a in receipt.attempts] == [
        PaymentAttemptStatus.FAILED,
        PaymentAttemptStatus.SUCCEEDED,
    ]
    return receipt.attempts


def test_teacher_sees_attempt_statuses_but_not_the_decline_text_nor_the_card(
    declined_then_paid: PayKit,
) -> None:
    kit = declined_then_paid

    failed, paid = attempts_seen_by(kit, kit.world.teacher)

    assert failed.failure_message is None
    assert (failed.card_brand, failed.card_last4) == (None, None)
    assert (paid.card_brand, paid.card_last4) == (None, None)
    assert failed.amount_minor == paid.amount_minor == 5250  # amounts stay visible


@pytest.mark.parametrize("role", ["student", "admin"])
def test_student_and_admin_see_the_decline_text_and_the_cards(
    declined_then_paid: PayKit, role: str
) -> None:
    kit = declined_then_paid

    failed, paid = attempts_seen_by(kit, getattr(kit.world, role))

    assert failed.failure_message == DECLINE_TEXT
    assert failed.card_last4 == "0341" and paid.card_last4 == "4242"
    assert paid.card_brand == "visa"
