"""Payments, cards, meetings and the adapters speak through ``tx``: what they tell a user is a
``Text`` whose template has a finished Spanish translation in the catalogue, with money as an
``Amount`` in minor units. Each message is triggered through the real service on the fakes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
import stripe

from linguaflex_desktop.adapters.stripe.errors import stripe_error_to_ours
from linguaflex_desktop.adapters.zoom_texts import could_not, limited
from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    InvalidTransition,
    NotFound,
    PaymentDeclined,
    PermissionDenied,
    StripeRequestRefused,
    ValidationError,
)
from linguaflex_desktop.models import CancellationAnswer
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.payments.cancellation_requests import CancellationRequests
from linguaflex_desktop.services.payments.cancellations import Cancellations
from linguaflex_desktop.services.payments.key_check import StripeKeyCheck
from linguaflex_desktop.services.payments.payouts import Payouts
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from linguaflex_desktop.services.payments.statements import TeacherStatements
from linguaflex_desktop.services.payments.views import PaymentViews
from linguaflex_desktop.texts import Amount, Text
from tests.conftest import FakeClock
from tests.fakes import FakePaymentsGateway
from tests.fakes.meetings import FakeMeetingProvider
from tests.fakes.stripe_keys import FakeKeyProbe
from tests.integration.booking_follow_up_helpers import drain, make_glue, paid_booking
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "linguaflex_es.ts"
PAID = 5250  # 60 minutes at 50.00 USD/h + the 2.50 platform fee


@cache
def finished_translations() -> dict[str, str]:
    """English template -> Spanish, for every finished entry of the Spanish catalogue."""
    translations: dict[str, str] = {}
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete"):
            continue
        if translation.text:
            translations[message.findtext("source") or ""] = translation.text
    return translations


def spoken(message: object, template: str | None = None) -> Text:
    """``message`` is a ``Text`` (of ``template`` when given) translated into Spanish."""
    assert isinstance(message, Text), f"not marked for translation: {message!r}"
    if template is not None:
        assert message.template == template
    assert message.template in finished_translations(), f"no Spanish for {message.template!r}"
    return message


def error_text(error: pytest.ExceptionInfo[BaseException]) -> Text:
    return spoken(getattr(error.value, "message", str(error.value)))


@dataclass
class Kit:
    ctx: ServiceContext
    gateway: FakePaymentsGateway
    world: World
    bookings: BookingService
    cards: CardService
    payments: PaymentService
    refunds: Refunds
    booking_id: int

    def pay(self) -> None:
        self.payments.pay_booking(self.world.student, self.booking_id)


@pytest.fixture
def kit(ctx: ServiceContext) -> Iterator[Kit]:
    """A confirmed booking whose student has a saved card (not paid yet)."""
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    bookings = BookingService(ctx)
    booking = confirmed(bookings, world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    yield Kit(ctx, gateway, world, bookings, cards, payments, Refunds(ctx, gateway), booking.id)
    cards.close()
    payments.close()


# --- paying ------------------------------------------------------------------------------------


def test_a_declined_card_is_told_in_a_translated_sentence_also_when_read_back(kit: Kit) -> None:
    kit.gateway.script(
        "confirm_payment_intent",
        lambda intent_id, **_: kit.gateway.declined(
            intent_id, "Stripe's own words.", decline_code="insufficient_funds"
        ),
    )
    with pytest.raises(PaymentDeclined) as declined:
        kit.pay()
    spoken(declined.value.message, "Your card has insufficient funds. Use another card.")

    # stored in English with the attempt, it comes back as the same Text
    (attempt,) = PaymentViews(kit.ctx).list_payments(kit.world.admin).items
    spoken(attempt.failure_message, "Your card has insufficient funds. Use another card.")


def test_a_paid_booking_says_how_much_was_received_in_minor_units(kit: Kit) -> None:
    outcome = kit.payments.pay_booking(kit.world.student, kit.booking_id)

    message = spoken(outcome.message, "Payment received: {amount}.")
    assert message.params["amount"] == Amount(PAID, "USD", 2)
    assert message == "Payment received: 52.50 USD."
    with pytest.raises(Conflict) as again:
        kit.pay()
    assert error_text(again).template == "This booking is already paid."


def test_only_the_booking_student_may_pay_and_only_with_an_own_card(kit: Kit) -> None:
    with pytest.raises(PermissionDenied) as refused:
        kit.payments.pay_booking(kit.world.other_student, kit.booking_id)
    assert error_text(refused) == "Only the student who booked can pay this booking."
    with pytest.raises(NotFound) as unknown:
        kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=999_999)
    assert error_text(unknown) == "That card was not found among your saved cards."


def test_stripe_refusing_or_silent_at_create_is_told_whole(kit: Kit) -> None:
    kit.gateway.script("create_payment_intent", StripeRequestRefused("x", "Amount too small."))
    with pytest.raises(StripeRequestRefused) as refused:
        kit.pay()
    message = error_text(refused)
    assert message.template == (
        "Stripe refused to start the payment: {stripe}. Nothing was charged; you can pay again now."
    )
    assert message.params["stripe"] == "Amount too small"

    kit.gateway.script("create_payment_intent", ExternalServiceError("no answer"))
    with pytest.raises(ExternalServiceError) as silent:
        kit.pay()
    assert error_text(silent).template.startswith("Stripe did not answer, so the payment was")

    # the attempt left open is not settled yet: one whole sentence, not two glued together
    with pytest.raises(Conflict) as busy:
        kit.pay()
    assert error_text(busy).template.startswith(
        "A payment for this booking is already in progress. If your bank's verification"
    )


# --- refunds and cancellations -------------------------------------------------------------------


def test_refunding_more_than_remains_names_the_amounts_as_money(kit: Kit) -> None:
    kit.pay()
    kit.refunds.refund(
        kit.world.admin, kit.booking_id, amount_minor=1000, reason="x", request_key="k1"
    )
    with pytest.raises(ValidationError) as too_much:
        kit.refunds.refund(
            kit.world.admin, kit.booking_id, amount_minor=9999, reason="x", request_key="k2"
        )

    message = error_text(too_much)
    assert message.template.startswith("At most {remaining} can be refunded")
    assert message.params == {
        "remaining": Amount(PAID - 1000, "USD", 2),
        "refunded": Amount(1000, "USD", 2),
        "paid": Amount(PAID, "USD", 2),
    }
    assert message == (
        "At most 42.50 USD can be refunded (10.00 USD of 52.50 USD is already refunded)."
    )


def test_a_refund_without_a_message_tells_the_student_the_translated_default(kit: Kit) -> None:
    kit.pay()
    result = kit.refunds.refund(
        kit.world.admin, kit.booking_id, amount_minor=500, reason="goodwill", request_key="k"
    )
    spoken(result.refund.student_message, "Refund issued by LinguaFlex")
    with pytest.raises(PermissionDenied) as refused:
        kit.refunds.refund(
            kit.world.teacher, kit.booking_id, amount_minor=1, reason="x", request_key="k3"
        )
    assert error_text(refused) == "Your role does not allow this."


def test_cancellation_policy_sentences_and_the_stored_refund_message(kit: Kit) -> None:
    kit.pay()
    cancellations = Cancellations(kit.ctx, kit.refunds)
    with pytest.raises(PermissionDenied) as not_teacher:
        cancellations.cancel_as_teacher(
            kit.world.student, kit.booking_id, reason="ill", request_key="c1"
        )
    assert error_text(not_teacher) == "Only the teacher of this booking can cancel it."

    requests = CancellationRequests(kit.ctx, lambda: kit.refunds)
    with pytest.raises(InvalidTransition) as too_early:
        requests.ask(kit.world.student, kit.booking_id, reason="busy")
    assert error_text(too_early).template.startswith("This session starts more than 24 hours")

    result = cancellations.cancel_as_teacher(
        kit.world.teacher, kit.booking_id, reason="I am ill", request_key="c2"
    )
    message = spoken(result.refund.student_message, "{sentence} Reason: {reason}")
    teacher_cancelled = "Your teacher cancelled the session, so you get a full refund."
    spoken(message.params["sentence"], teacher_cancelled)
    assert message.params["reason"] == "I am ill"


def test_an_answered_request_refund_reads_back_its_translated_reason(
    kit: Kit, clock: FakeClock
) -> None:
    kit.pay()
    clock.set(SLOT - timedelta(hours=2))
    requests = CancellationRequests(kit.ctx, lambda: kit.refunds)
    asked = requests.ask(kit.world.student, kit.booking_id, reason="flu")
    requests.answer(kit.world.teacher, asked.id, answer=CancellationAnswer.FULL)

    (refund,) = PaymentViews(kit.ctx).payment_for_booking(kit.world.admin, kit.booking_id).refunds
    reason = spoken(refund.reason, "Cancellation request #{request} answered: full refund.")
    assert reason.params == {"request": str(asked.id)}
    spoken(refund.student_message, "Your cancellation request was accepted: full refund.")


# --- cards -----------------------------------------------------------------------------------


def test_a_card_label_translates_its_words_and_keeps_the_brand(kit: Kit) -> None:
    card = kit.cards.save_test_card(kit.world.student)

    label = spoken(card.label, "{brand} •••• {last4}, expires {month}/{year}")
    assert label.params == {"brand": "Visa", "last4": "4242", "month": "12", "year": 2031}
    assert label == "Visa •••• 4242, expires 12/2031"
    with pytest.raises(ValidationError) as not_a_test_card:
        kit.cards.save_test_card(kit.world.student, "pm_nonsense")
    assert error_text(not_a_test_card).params == {"card": "'pm_nonsense'"}


# --- meetings --------------------------------------------------------------------------------


def test_no_meeting_link_before_the_booking_is_paid(kit: Kit) -> None:
    meetings = MeetingService(kit.ctx, FakeMeetingProvider())
    with pytest.raises(Conflict) as unpaid:
        meetings.join_url(kit.world.student, kit.booking_id)
    assert error_text(unpaid) == "There is no meeting link until the session is paid."
    with pytest.raises(PermissionDenied) as admin:
        meetings.join_url(kit.world.admin, kit.booking_id)
    assert error_text(admin) == "Only the student and the teacher join the session."


def test_a_failed_meeting_attempt_reads_back_as_a_translated_reason(ctx: ServiceContext) -> None:
    provider = FakeMeetingProvider()
    provider.script("create", ExternalServiceError("provider unreachable"))
    glue = make_glue(ctx, provider=provider)
    booking = paid_booking(glue, start_at=SLOT)
    drain(glue.worker)

    meeting = glue.meetings.meeting_for_booking(glue.world.student, booking.id)
    reason = spoken(meeting.failure_reason, "Attempt {attempt} failed, retrying: {reason}")
    assert reason.params == {"attempt": "1", "reason": "provider unreachable"}
    spoken(meeting.label, "Meeting pending")


# --- payouts, statements, the key check ------------------------------------------------------


def test_payout_and_statement_refusals_are_translated(kit: Kit) -> None:
    with pytest.raises(ValidationError) as zero:
        Payouts(kit.ctx).record_payout(
            kit.world.admin,
            teacher_id=kit.world.teacher.id,
            currency="USD",
            amount_minor=0,
            paid_on=date(2027, 3, 1),
            reference="bank",
            request_key="p1",
        )
    assert error_text(zero) == "The amount paid out must be more than zero."
    with pytest.raises(ValidationError) as backwards:
        TeacherStatements(kit.ctx).statement(
            kit.world.admin, first_day=date(2027, 3, 2), end_day=date(2027, 3, 1), zone="UTC"
        )
    assert error_text(backwards) == "Choose a period whose first day comes before its end."


def test_the_key_check_steps_are_sentences_for_the_admin(kit: Kit) -> None:
    def check(secret: str | None) -> StripeKeyCheck:
        return StripeKeyCheck(
            kit.ctx,
            secret_key=secret,
            publishable_key="pk_test_abc",
            sandbox=False,
            probe=FakeKeyProbe,
            gateway=FakePaymentsGateway,
        )

    missing = check(None).check(kit.world.admin)
    assert spoken(missing.steps[-1].message).template.startswith("Both Stripe keys are needed")
    passed = check("sk_test_abc").check(kit.world.admin)
    spoken(passed.steps[0].message, "Both keys are present and test mode keys.")
    assert spoken(passed.steps[1].message).template == "Both keys belong to account {account}."


# --- adapters --------------------------------------------------------------------------------


def test_stripe_and_zoom_failures_are_whole_translated_sentences() -> None:
    unreachable = stripe_error_to_ours(stripe.APIConnectionError("down"))
    assert isinstance(unreachable, ExternalServiceError)
    assert spoken(unreachable.message).template.startswith("Stripe could not be reached")

    refused = spoken(could_not("create the meeting", detail="Bad", http="(HTTP 400)"))
    assert refused == "Zoom could not create the meeting: Bad (HTTP 400)."
    spoken(limited("sign in", detail="daily limit"))
