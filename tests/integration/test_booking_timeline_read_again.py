""" "Read again now" on the booking timeline, on SQLite and Postgres with the fake payments
gateway: a payment we hold as pending that Stripe says succeeded becomes PAID (audited, the
admin named); a refund Stripe finished is recorded with what follows; a read that agrees
changes nothing but is audited; refusals and an unreachable Stripe change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import RefundInfo
from linguaflex_desktop.errors import ExternalServiceError, PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Notification,
    PaymentStatus,
    SessionBooking,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.read_again_dto import ReadAgainResult
from linguaflex_desktop.services.reports.timeline_dto import BookingTimeline, TimelineEntry
from tests.conftest import FakeClock
from tests.integration.payment_helpers import booking_state
from tests.integration.timeline_helpers import (
    T0,
    TimelineKit,
    confirmed_with_card,
    paid_booking,
    timeline_kit,
)


@pytest.fixture
def kit(ctx: ServiceContext, clock: FakeClock) -> Iterator[TimelineKit]:
    yield from timeline_kit(ctx, clock)


def read_again_audits(ctx: ServiceContext) -> list[tuple[str, int | None, str, dict[str, object]]]:
    with ctx.unit_of_work(write=False) as uow:
        events = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("%.read_again")).order_by(AuditEvent.id)
        )
        return [(e.action, e.actor_id, e.entity_type, dict(e.after or {})) for e in events]


def intent_entry(timeline: BookingTimeline) -> TimelineEntry:
    (found,) = [
        e for e in timeline.entries if e.stripe and e.stripe.object_type == "payment_intent"
    ]
    return found


def stuck_processing(kit: TimelineKit) -> int:
    """The confirm answers "processing": we hold the attempt as pending (09:20)."""
    booking_id = confirmed_with_card(kit)
    kit.gateway.script(
        "confirm_payment_intent",
        lambda intent_id, **_: kit.gateway.with_status(intent_id, "processing"),
    )
    assert kit.payments.pay_booking(kit.glue.world.student, booking_id).state == "pending"
    return booking_id


def test_a_payment_held_as_pending_that_stripe_says_succeeded_becomes_paid(
    kit: TimelineKit,
) -> None:
    booking_id = stuck_processing(kit)
    before = kit.timeline(booking_id)
    stale = intent_entry(before)
    assert stale.title == "Stripe PaymentIntent pi_fake3: pending"
    assert stale.detail("Last read") == "not recorded"
    assert stale.stripe is not None and stale.stripe.can_read_again
    kit.gateway.with_status("pi_fake3", "succeeded")  # Stripe finished meanwhile
    kit.clock.advance(minutes=40)

    result = kit.rereads.read_again(kit.admin, booking_id, "pi_fake3")

    assert result == ReadAgainResult(
        booking_id=booking_id,
        object_type="payment_intent",
        object_id="pi_fake3",
        stripe_status="succeeded",
        held_before="pending",
        held_after="succeeded",
        changed=True,
        message="Stripe says succeeded; our record moved from pending to succeeded.",
    )
    assert booking_state(kit.ctx, booking_id) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)
    assert read_again_audits(kit.ctx) == [
        (
            "payment.read_again",
            kit.admin.id,
            "payment",
            {"status": "succeeded", "stripe_status": "succeeded"},
        )
    ]
    after = kit.timeline(booking_id)
    at_ten = [(e.kind, e.title, e.actor) for e in after.entries if e.at == T0 + timedelta(hours=1)]
    assert at_ten == [
        ("payment_status", "Booking paid", "Ada"),
        ("payment", "Stripe confirmed the payment", "Ada"),
        ("audit", "PaymentIntent read again from Stripe", "Ada"),
        ("job", "Job “Create the meeting”: waiting", "System"),
        ("job", "Job “Send a reminder”: waiting", "System"),
        ("job", "Job “Send a reminder”: waiting", "System"),
    ]
    reread = next(e for e in after.entries if e.title == "PaymentIntent read again from Stripe")
    assert reread.details == (
        ("Status", "In progress → Succeeded"),
        ("Stripe status", "succeeded"),
        ("Reason", "Stripe says succeeded; our record moved from pending to succeeded."),
    )
    fresh = intent_entry(after)
    assert fresh.title == "Stripe PaymentIntent pi_fake3: succeeded"
    assert fresh.detail("Last read") == "Mon 1 Mar 2027, 10:00 (UTC+00:00)"


def test_a_read_that_agrees_changes_nothing_and_is_audited(kit: TimelineKit) -> None:
    booking_id = paid_booking(kit)
    with kit.ctx.unit_of_work(write=False) as uow:
        version = uow.session.get(SessionBooking, booking_id).version  # type: ignore[union-attr]

    result = kit.rereads.read_again(kit.admin, booking_id, "pi_fake3")

    assert (result.changed, result.held_after) == (False, "succeeded")
    assert result.message == "Stripe says succeeded; our record agrees."
    with kit.ctx.unit_of_work(write=False) as uow:
        assert uow.session.get(SessionBooking, booking_id).version == version  # type: ignore[union-attr]
    assert [row[0] for row in read_again_audits(kit.ctx)] == ["payment.read_again"]


def test_a_refund_stripe_left_pending_and_then_finished_is_recorded(kit: TimelineKit) -> None:
    booking_id = paid_booking(kit)

    def pending(**params: object) -> RefundInfo:
        made = type(kit.gateway).create_refund(kit.gateway, **params)  # type: ignore[arg-type]
        return RefundInfo(made.id, "pending", made.amount, made.metadata)

    kit.gateway.script("create_refund", pending)
    kit.refunds.refund(kit.admin, booking_id, amount_minor=1000, reason="Late", request_key="k1")
    intent_id, made = kit.gateway.refunds["re_fake5"]
    kit.gateway.refunds["re_fake5"] = (intent_id, replace(made, status="succeeded"))
    kit.clock.advance(minutes=5)

    result = kit.rereads.read_again(kit.admin, booking_id, "re_fake5")

    assert (result.object_type, result.held_before, result.held_after) == (
        "refund",
        "pending",
        "succeeded",
    )
    with kit.ctx.unit_of_work(write=False) as uow:
        kinds = uow.session.scalars(
            select(Notification.kind).where(Notification.kind == "partially_refunded")
        ).all()
        booking = uow.session.get(SessionBooking, booking_id)
        assert booking is not None and booking.refunded_minor == 1000
    assert len(kinds) == 2  # the student and the teacher, told once Stripe says succeeded
    timeline = kit.timeline(booking_id)
    refund = next(e for e in timeline.entries if e.title.startswith("Stripe Refund"))
    assert refund.title == "Stripe Refund re_fake5: succeeded"
    assert refund.detail("Last read") == "Mon 1 Mar 2027, 09:26 (UTC+00:00)"


def test_non_admins_and_foreign_ids_are_refused_and_nothing_is_read(kit: TimelineKit) -> None:
    booking_id = stuck_processing(kit)
    kit.gateway.with_status("pi_fake3", "succeeded")
    calls_before = len(kit.gateway.calls_to("retrieve_payment_intent"))

    for someone in (kit.glue.world.student, kit.glue.world.teacher):
        with pytest.raises(PermissionDenied):
            kit.rereads.read_again(someone, booking_id, "pi_fake3")
    with pytest.raises(ValidationError, match="not one of this booking"):
        kit.rereads.read_again(kit.admin, booking_id, "pi_elsewhere")

    assert len(kit.gateway.calls_to("retrieve_payment_intent")) == calls_before
    assert read_again_audits(kit.ctx) == []
    assert booking_state(kit.ctx, booking_id) == (BookingStatus.CONFIRMED, PaymentStatus.PENDING)


def test_stripe_unreachable_changes_nothing(kit: TimelineKit) -> None:
    booking_id = stuck_processing(kit)
    kit.gateway.script("retrieve_payment_intent", kit.gateway.unreachable())

    with pytest.raises(ExternalServiceError):
        kit.rereads.read_again(kit.admin, booking_id, "pi_fake3")

    assert read_again_audits(kit.ctx) == []
    assert booking_state(kit.ctx, booking_id) == (BookingStatus.CONFIRMED, PaymentStatus.PENDING)
