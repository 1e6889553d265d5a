"""Refunds on the scripted ``FakePaymentsGateway`` (no localstripe), fast enough for the
mutation run: the preview's fee split, partial then full refunds, never more than remains,
one refund per request key, a lost answer found again, Stripe answering pending / failed /
refusing, who may refund what, and the audit rows and notices each step writes. What Stripe
itself does with these requests is proven against localstripe in test_refunds.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from linguaflex_desktop import crashpoints
from linguaflex_desktop.adapters.stripe.gateway import RefundInfo
from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    InvalidTransition,
    PaymentDeclined,
    PermissionDenied,
    StripeRequestRefused,
    ValidationError,
)
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Notification,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    RefundStatus,
)
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments import refunds as refunds_module
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from linguaflex_desktop.services.payments.views import PaymentViews
from tests.conftest import FakeClock
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world
from tests.integration.payment_helpers import booking_state

S, P, R = BookingStatus, PaymentStatus, RefundStatus
PAID = 5250  # 60 minutes at 50.00 USD/h (the teacher's 5000) + the 2.50 platform fee


@dataclass
class RefundKit:
    """A booking paid 52.50 through the fake gateway, and the refund service on it."""

    ctx: ServiceContext
    gateway: FakePaymentsGateway
    world: World
    bookings: BookingService
    refunds: Refunds
    booking_id: int

    def refund(self, key: str, amount: int | None = None, reason: str = "x") -> object:
        return self.refunds.refund(
            self.world.admin, self.booking_id, amount_minor=amount, reason=reason, request_key=key
        )


@pytest.fixture
def kit(ctx: ServiceContext) -> Iterator[RefundKit]:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    bookings = BookingService(ctx)
    booking = confirmed(bookings, world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    payments.pay_booking(world.student, booking.id)
    yield RefundKit(ctx, gateway, world, bookings, Refunds(ctx, gateway), booking.id)
    cards.close()
    payments.close()


def refunds_of(kit: RefundKit) -> list[tuple[int, RefundStatus, str | None]]:
    with kit.ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(Refund).order_by(Refund.id))
        return [(row.amount_minor, row.status, row.stripe_refund_id) for row in rows]


def refunded_minor(kit: RefundKit) -> tuple[int, int]:
    """What our rows count as refunded: (on the payment, on the booking)."""
    with kit.ctx.unit_of_work(write=False) as uow:
        (payment,) = uow.session.scalars(select(Payment)).all()
        from linguaflex_desktop.models import SessionBooking

        booking = uow.session.get(SessionBooking, kit.booking_id)
        assert booking is not None
        return payment.refunded_minor, booking.refunded_minor


def refund_audit(kit: RefundKit) -> list[tuple[str, int | None, str, dict[str, object] | None]]:
    with kit.ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.entity_type == "refund").order_by(AuditEvent.id)
        )
        return [(row.action, row.actor_id, row.reason, row.after) for row in rows]


def notice_kinds(kit: RefundKit) -> list[tuple[str, int]]:
    with kit.ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(Notification).order_by(Notification.id))
        return [(row.kind, row.user_id) for row in rows if "refund" in row.kind]


def stripe_answers(kit: RefundKit, status: str) -> None:
    """The next create_refund is answered with ``status`` instead of "succeeded"."""

    def answer(**params: object) -> RefundInfo:
        made = FakePaymentsGateway.create_refund(kit.gateway, **params)  # type: ignore[arg-type]
        return RefundInfo(made.id, status, made.amount, made.metadata)

    kit.gateway.script("create_refund", answer)


# --- the preview: what a refund would do ------------------------------------------------------


def test_preview_of_a_partial_refund_comes_out_of_the_teachers_share(kit: RefundKit) -> None:
    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id, amount_minor=2000)

    assert (preview.amount_minor, preview.paid_minor, preview.already_refunded_minor) == (
        2000,
        PAID,
        0,
    )
    assert preview.remaining_after_minor == PAID - 2000 and not preview.is_full
    assert (preview.teacher_share_before_minor, preview.teacher_share_after_minor) == (5000, 3000)
    assert (preview.fee_before_minor, preview.fee_after_minor) == (250, 250)
    assert (preview.booking_status_after, preview.payment_status_after) == (S.CONFIRMED, P.PAID)
    assert (preview.booking_id, preview.currency) == (kit.booking_id, "USD")
    with kit.ctx.unit_of_work(write=False) as uow:
        assert preview.payment_id == uow.session.scalar(select(Payment.id))
    assert refunds_of(kit) == [] and kit.gateway.calls_to("create_refund") == []


def test_preview_of_more_than_the_teachers_share_takes_the_rest_from_the_fee(
    kit: RefundKit,
) -> None:
    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id, amount_minor=5100)

    assert (preview.teacher_share_after_minor, preview.fee_after_minor) == (0, 150)
    assert not preview.is_full and preview.remaining_after_minor == 150


def test_preview_without_an_amount_is_the_full_refund_fee_included(kit: RefundKit) -> None:
    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id)

    assert preview.amount_minor == PAID and preview.is_full
    assert preview.remaining_after_minor == 0
    assert (preview.teacher_share_after_minor, preview.fee_after_minor) == (0, 0)
    assert (preview.booking_status_after, preview.payment_status_after) == (S.CANCELLED, P.REFUNDED)


def test_preview_after_a_partial_refund_counts_it_as_already_refunded(kit: RefundKit) -> None:
    kit.refund("p", 2000)

    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id, amount_minor=1000)

    assert preview.already_refunded_minor == 2000
    assert (preview.teacher_share_before_minor, preview.fee_before_minor) == (3000, 250)
    assert (preview.teacher_share_after_minor, preview.fee_after_minor) == (2000, 250)
    assert preview.remaining_after_minor == PAID - 3000


def test_refunding_the_exact_remainder_is_a_full_refund(kit: RefundKit) -> None:
    kit.refund("p", 2000)

    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id, amount_minor=PAID - 2000)

    assert preview.is_full and preview.remaining_after_minor == 0
    assert preview.booking_status_after is S.CANCELLED


def test_full_refund_after_completion_marks_the_booking_refunded(
    kit: RefundKit, clock: FakeClock
) -> None:
    clock.set(SLOT + timedelta(hours=2))
    kit.bookings.complete_booking(kit.world.teacher, kit.booking_id)

    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id)
    partial = kit.refunds.preview_refund(kit.world.admin, kit.booking_id, amount_minor=100)
    result = kit.refund("c")

    assert preview.booking_status_after is S.REFUNDED
    assert partial.booking_status_after is S.COMPLETED
    assert (result.booking_status, result.payment_status) == (S.REFUNDED, P.REFUNDED)  # type: ignore[attr-defined]


# --- refunding -------------------------------------------------------------------------------


def test_partial_then_full_refund_sends_each_amount_once_and_cancels_the_booking(
    kit: RefundKit,
) -> None:
    partial = kit.refunds.refund(
        kit.world.admin, kit.booking_id, amount_minor=2000, reason="Late start", request_key="r-1"
    )

    assert partial.refund.status is R.SUCCEEDED and partial.duplicate is False
    with kit.ctx.unit_of_work(write=False) as uow:
        assert partial.refund.payment_id == uow.session.scalar(select(Payment.id))
    assert partial.refund.amount_minor == 2000 and partial.refund.currency == "USD"
    assert (partial.refund.stripe_refund_id or "").startswith("re_")
    assert partial.refund.reason == "Late start"
    assert (partial.booking_status, partial.payment_status) == (S.CONFIRMED, P.PAID)
    assert partial.refunded_minor == 2000 and refunded_minor(kit) == (2000, 2000)

    full = kit.refunds.refund(kit.world.admin, kit.booking_id, reason="Ill", request_key="r-2")

    assert full.refund.amount_minor == PAID - 2000 and full.refund.status is R.SUCCEEDED
    assert (full.booking_status, full.payment_status) == (S.CANCELLED, P.REFUNDED)
    assert full.refunded_minor == PAID and refunded_minor(kit) == (PAID, PAID)
    intent = kit.gateway.only_intent().id
    sent = [call.kwargs for call in kit.gateway.calls_to("create_refund")]
    assert [(s["payment_intent_id"], s["amount_minor"]) for s in sent] == [
        (intent, 2000),
        (intent, PAID - 2000),
    ]
    assert [s["idempotency_key"] for s in sent] == ["r-1", "r-2"]
    assert [s["metadata"] for s in sent] == [
        {"refund_id": str(partial.refund.id), "booking_id": str(kit.booking_id)},
        {"refund_id": str(full.refund.id), "booking_id": str(kit.booking_id)},
    ]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CANCELLED, P.REFUNDED)


def test_more_than_what_remains_is_refused_before_stripe_is_asked(kit: RefundKit) -> None:
    with pytest.raises(ValidationError, match=r"At most 52\.50 USD"):
        kit.refund("a", PAID + 1)
    kit.refund("b", 2000)
    with pytest.raises(
        ValidationError, match=r"At most 32\.50 USD can be refunded \(20\.00 USD of 52\.50"
    ):
        kit.refund("c", PAID - 2000 + 1)

    assert [call.kwargs["amount_minor"] for call in kit.gateway.calls_to("create_refund")] == [2000]
    assert [amount for amount, _, _ in refunds_of(kit)] == [2000]


@pytest.mark.parametrize("bad", [0, -5, True, 1.5])
def test_a_refund_amount_must_be_a_positive_whole_number(kit: RefundKit, bad: object) -> None:
    with pytest.raises(ValidationError, match="positive whole number"):
        kit.refunds.preview_refund(kit.world.admin, kit.booking_id, amount_minor=bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="positive whole number"):
        kit.refund("k", bad)  # type: ignore[arg-type]
    assert refunds_of(kit) == []


def test_a_refund_of_one_minor_unit_is_allowed(kit: RefundKit) -> None:
    result = kit.refund("one", 1)

    assert result.refund.amount_minor == 1  # type: ignore[attr-defined]


def test_nothing_is_left_after_a_full_refund(kit: RefundKit) -> None:
    kit.refund("full")

    with pytest.raises(Conflict, match="already been refunded in full"):
        kit.refund("again")
    with pytest.raises(Conflict, match="already been refunded in full"):
        kit.refunds.preview_refund(kit.world.admin, kit.booking_id)
    assert len(kit.gateway.calls_to("create_refund")) == 1


def test_nothing_is_left_while_a_full_refund_is_in_flight(kit: RefundKit) -> None:
    kit.gateway.script("create_refund", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.refund("lost")

    with pytest.raises(Conflict, match="Nothing is left"):
        kit.refund("other", 1)


def test_the_same_request_key_makes_one_refund(kit: RefundKit) -> None:
    first = kit.refunds.refund(
        kit.world.admin, kit.booking_id, amount_minor=1000, reason="x", request_key="click"
    )
    second = kit.refunds.refund(
        kit.world.admin, kit.booking_id, amount_minor=1000, reason="x", request_key="click"
    )

    assert not first.duplicate and second.duplicate
    assert second.refund == first.refund
    assert (second.booking_status, second.payment_status, second.refunded_minor) == (
        S.CONFIRMED,
        P.PAID,
        1000,
    )
    assert len(kit.gateway.calls_to("create_refund")) == 1 and len(refunds_of(kit)) == 1


def test_a_request_key_of_another_booking_is_refused(kit: RefundKit) -> None:
    kit.refund("mine", 1000)
    other = confirmed(kit.bookings, kit.world, start_at=SLOT + timedelta(days=1))

    with pytest.raises(Conflict, match="another booking"):
        kit.refunds.refund(kit.world.admin, other.id, reason="x", request_key="mine")


def test_a_refund_needs_a_reason_and_a_key_of_at_most_255_characters(kit: RefundKit) -> None:
    with pytest.raises(ValidationError, match=r"^The reason cannot be empty\.$"):
        kit.refund("k", reason=" ")
    for key in ("", "k" * 256):
        with pytest.raises(ValidationError, match="request key"):
            kit.refund(key)
    with pytest.raises(ValidationError, match=r"^The request key contains an invisible control"):
        kit.refund("k\x00")
    assert refunds_of(kit) == []

    kit.refund("k" * 255, 100)
    assert len(refunds_of(kit)) == 1


def test_only_admins_preview_or_refund(kit: RefundKit) -> None:
    for actor in (kit.world.student, kit.world.teacher):
        with pytest.raises(PermissionDenied):
            kit.refunds.preview_refund(actor, kit.booking_id)
        with pytest.raises(PermissionDenied):
            kit.refunds.refund(actor, kit.booking_id, reason="please", request_key=f"{actor.id}")
        with pytest.raises(PermissionDenied):
            kit.refunds.cancel_paid_booking(
                actor, kit.booking_id, reason="please", request_key=f"c{actor.id}"
            )
    assert refunds_of(kit) == [] and kit.gateway.calls_to("create_refund") == []


def test_an_unpaid_booking_cannot_be_refunded(kit: RefundKit) -> None:
    other = confirmed(kit.bookings, kit.world, start_at=SLOT + timedelta(days=1))

    with pytest.raises(InvalidTransition, match="Only a paid booking"):
        kit.refunds.refund(kit.world.admin, other.id, reason="x", request_key="u")
    with pytest.raises(InvalidTransition, match="Only a paid booking"):
        kit.refunds.preview_refund(kit.world.admin, other.id)
    assert refunds_of(kit) == []


# --- what is recorded ------------------------------------------------------------------------


def test_a_refund_is_audited_as_requested_then_succeeded_by_the_admin(kit: RefundKit) -> None:
    kit.refund("a", 2000, reason="Late start")

    admin = kit.world.admin.id
    with kit.ctx.unit_of_work(write=False) as uow:
        times = uow.session.scalars(
            select(AuditEvent.created_at).where(AuditEvent.entity_type == "refund")
        ).all()
    assert [t.replace(tzinfo=UTC) for t in times] == [kit.ctx.now()] * 2
    assert refund_audit(kit) == [
        (
            "refund.requested",
            admin,
            "Late start",
            {"amount_minor": "2000", "currency": "USD", "status": "creating"},
        ),
        (
            "refund.succeeded",
            admin,
            "",
            {"amount_minor": "2000", "currency": "USD", "status": "succeeded"},
        ),
    ]


def test_a_partial_refund_tells_both_parties_and_a_full_one_says_refunded(
    kit: RefundKit,
) -> None:
    student, teacher = kit.world.student.id, kit.world.teacher.id
    kit.refund("p", 2000)

    assert sorted(notice_kinds(kit)) == sorted(
        [("partially_refunded", student), ("partially_refunded", teacher)]
    )

    kit.refund("f")

    assert sorted(notice_kinds(kit)[2:]) == sorted([("refunded", student), ("refunded", teacher)])


def test_admin_cancel_of_a_paid_booking_refunds_it_in_full_once(kit: RefundKit) -> None:
    result = kit.refunds.cancel_paid_booking(
        kit.world.admin, kit.booking_id, reason="Teacher unavailable", request_key="cancel-1"
    )
    again = kit.refunds.cancel_paid_booking(
        kit.world.admin, kit.booking_id, reason="Teacher unavailable", request_key="cancel-1"
    )

    assert (result.booking_status, result.payment_status) == (S.CANCELLED, P.REFUNDED)
    assert result.refund.amount_minor == PAID and not result.duplicate
    assert again.duplicate and again.refund.id == result.refund.id
    assert len(kit.gateway.calls_to("create_refund")) == 1


def test_admin_cancel_refuses_a_completed_booking(kit: RefundKit, clock: FakeClock) -> None:
    clock.set(SLOT + timedelta(hours=2))
    kit.bookings.complete_booking(kit.world.teacher, kit.booking_id)

    with pytest.raises(InvalidTransition, match="Only a confirmed booking"):
        kit.refunds.cancel_paid_booking(
            kit.world.admin, kit.booking_id, reason="x", request_key="late"
        )
    assert kit.gateway.calls_to("create_refund") == []


# --- Stripe's answers ------------------------------------------------------------------------


def test_stripe_refusing_a_refund_records_it_failed_and_frees_its_amount(kit: RefundKit) -> None:
    kit.gateway.script(
        "create_refund", StripeRequestRefused("refused", "Charge has been disputed.")
    )

    with pytest.raises(StripeRequestRefused, match="Charge has been disputed"):
        kit.refund("no", 2000)

    assert refunds_of(kit) == [(2000, R.FAILED, None)]
    assert refunded_minor(kit) == (0, 0)
    assert [action for action, *_ in refund_audit(kit)] == [
        "refund.requested",
        "refund.refused",
        "refund.failed",
    ]
    assert kit.refunds.preview_refund(kit.world.admin, kit.booking_id).amount_minor == PAID


def test_a_refund_stripe_leaves_pending_is_counted_but_not_announced(kit: RefundKit) -> None:
    stripe_answers(kit, "pending")

    result = kit.refund("slow", 2000)

    assert result.refund.status is R.PENDING  # type: ignore[attr-defined]
    assert refunded_minor(kit) == (2000, 2000)
    assert notice_kinds(kit) == []
    assert [action for action, *_ in refund_audit(kit)][-1] == "refund.pending"
    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id)
    assert preview.already_refunded_minor == 2000


def test_a_full_refund_stripe_leaves_pending_already_cancels_the_booking(kit: RefundKit) -> None:
    stripe_answers(kit, "pending")

    result = kit.refund("slow")

    assert (result.booking_status, result.payment_status) == (S.CANCELLED, P.REFUNDED)  # type: ignore[attr-defined]


def test_a_refund_stripe_answers_failed_is_not_counted_and_can_be_made_again(
    kit: RefundKit,
) -> None:
    stripe_answers(kit, "failed")

    result = kit.refund("bad", 2000)

    assert result.refund.status is R.FAILED and not result.duplicate  # type: ignore[attr-defined]
    assert refunded_minor(kit) == (0, 0) and notice_kinds(kit) == []
    assert kit.refunds.preview_refund(kit.world.admin, kit.booking_id).amount_minor == PAID
    assert kit.refund("good", PAID).refund.status is R.SUCCEEDED  # type: ignore[attr-defined]


def test_stripe_unreachable_keeps_the_refund_creating_with_its_amount_reserved(
    kit: RefundKit,
) -> None:
    kit.gateway.script("create_refund", kit.gateway.unreachable())

    with pytest.raises(ExternalServiceError, match="will not be made twice"):
        kit.refund("k-1", 2000)

    assert refunds_of(kit) == [(2000, R.CREATING, None)]
    assert refunded_minor(kit) == (0, 0)
    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id)
    assert preview.already_refunded_minor == 2000 and preview.amount_minor == PAID - 2000


def test_a_lost_answer_is_not_resent_before_30_seconds(kit: RefundKit, clock: FakeClock) -> None:
    kit.gateway.script("create_refund", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.refund("k-1", 2000)

    clock.advance(seconds=29)
    soon = kit.refund("k-1", 2000)

    assert soon.duplicate and soon.refund.status is R.CREATING  # type: ignore[attr-defined]
    assert len(kit.gateway.calls_to("create_refund")) == 1
    assert kit.gateway.calls_to("list_refunds") == []


def test_a_lost_answer_is_adopted_from_stripe_after_30_seconds_never_made_twice(
    kit: RefundKit, clock: FakeClock
) -> None:
    def made_then_lost(**params: object) -> RefundInfo:
        FakePaymentsGateway.create_refund(kit.gateway, **params)  # type: ignore[arg-type]
        raise kit.gateway.unreachable()  # Stripe made it; its answer never arrived

    kit.gateway.script("create_refund", made_then_lost)
    with pytest.raises(ExternalServiceError):
        kit.refund("k-1", 2000)
    made = len(kit.gateway.refunds)

    clock.advance(seconds=30)
    retried = kit.refund("k-1", 2000)

    assert not retried.duplicate and retried.refund.status is R.SUCCEEDED  # type: ignore[attr-defined]
    assert made == len(kit.gateway.refunds) == 1
    assert len(kit.gateway.calls_to("list_refunds")) == 1
    assert refunded_minor(kit) == (2000, 2000)
    [(_, _, stripe_id)] = refunds_of(kit)
    assert stripe_id is not None and stripe_id in kit.gateway.refunds
    assert "refund.adopted" in [action for action, *_ in refund_audit(kit)]


def test_a_refund_stripe_never_received_is_sent_again_with_the_same_key(
    kit: RefundKit, clock: FakeClock
) -> None:
    kit.gateway.script("create_refund", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.refund("k-1")

    clock.advance(seconds=30)
    retried = kit.refund("k-1")

    assert retried.refund.status is R.SUCCEEDED  # type: ignore[attr-defined]
    keys = [call.kwargs["idempotency_key"] for call in kit.gateway.calls_to("create_refund")]
    assert keys == ["k-1", "k-1"]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CANCELLED, P.REFUNDED)


def test_a_repeat_that_finds_an_unknown_refund_at_stripe_sends_nothing(
    kit: RefundKit, clock: FakeClock
) -> None:
    kit.gateway.script("create_refund", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.refund("k-1", 2000)
    intent = kit.gateway.only_intent().id
    kit.gateway.refunds["re_dashboard"] = (
        intent,
        RefundInfo("re_dashboard", "succeeded", 2000, {}),
    )

    clock.advance(seconds=30)
    with pytest.raises(Conflict, match="did not record"):
        kit.refund("k-1", 2000)

    assert len(kit.gateway.calls_to("create_refund")) == 1
    assert refunds_of(kit) == [(2000, R.CREATING, None)]


def test_a_preview_reads_without_waiting_for_a_writer(kit: RefundKit) -> None:
    with kit.ctx.unit_of_work():  # another write transaction holds SQLite's write lock
        preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id)

    assert preview.amount_minor == PAID


def test_a_non_admin_cannot_cancel_even_a_booking_that_is_not_confirmed(
    kit: RefundKit, clock: FakeClock
) -> None:
    clock.set(SLOT + timedelta(hours=2))
    kit.bookings.complete_booking(kit.world.teacher, kit.booking_id)

    for actor in (kit.world.student, kit.world.teacher):
        with pytest.raises(PermissionDenied):
            kit.refunds.cancel_paid_booking(
                actor, kit.booking_id, reason="please", request_key=f"c{actor.id}"
            )


def test_the_refund_shows_when_it_was_made_and_its_stripe_id_to_admins_only(
    kit: RefundKit, clock: FakeClock
) -> None:
    at = clock.advance(hours=1)
    made = kit.refund("seen", 2000)

    receipt = PaymentViews(kit.ctx).payment_for_booking(kit.world.student, kit.booking_id)

    assert made.refund.created_at.replace(tzinfo=UTC) == at  # type: ignore[attr-defined]
    assert made.refund.stripe_refund_id is not None  # type: ignore[attr-defined]
    assert [(r.id, r.stripe_refund_id) for r in receipt.refunds] == [(made.refund.id, None)]  # type: ignore[attr-defined]


class LosesTheInsertRace(Refunds):
    """A click whose insert lost to a concurrent click with the same key: the other click's
    row is committed, and this one's insert fails on the unique request key."""

    def __init__(self, ctx: ServiceContext, gateway: FakePaymentsGateway) -> None:
        super().__init__(ctx, gateway)
        self.claims: list[tuple[object, ...]] = []

    def _claim_refund(self, *args: Any) -> Any:
        self.claims.append(args)
        claim = super()._claim_refund(*args)
        if len(self.claims) == 1:
            raise IntegrityError("INSERT INTO refunds ...", {}, Exception("unique request key"))
        return claim


def test_a_click_that_loses_the_insert_race_returns_the_winners_refund(kit: RefundKit) -> None:
    racing = LosesTheInsertRace(kit.ctx, kit.gateway)

    result = racing.refund(
        kit.world.admin, kit.booking_id, amount_minor=2000, reason="x", request_key="same"
    )

    assert result.duplicate and result.refund.status is R.CREATING
    # (actor, booking, amount, (internal reason, message to the student), key) of each claim
    claims = [(c[0], c[1], c[3], c[4], c[5]) for c in racing.claims]
    assert claims == [(kit.world.admin, kit.booking_id, 2000, ("x", ""), "same")] * 2
    assert refunds_of(kit) == [(2000, R.CREATING, None)]
    assert kit.gateway.calls_to("create_refund") == []  # the winning click calls Stripe


def test_a_refund_passes_its_crash_points_around_the_stripe_call(
    kit: RefundKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the crash suite kills the process at these names; each must come at its step
    reached: list[tuple[str, int, list[tuple[int, RefundStatus, str | None]]]] = []
    monkeypatch.setattr(
        crashpoints,
        "reached",
        lambda name: reached.append(
            (name, len(kit.gateway.calls_to("create_refund")), refunds_of(kit))
        ),
    )

    kit.refund("crash", 2000)

    assert reached == [
        ("refund.row_committed", 0, [(2000, R.CREATING, None)]),
        ("refund.stripe_answered", 1, [(2000, R.CREATING, None)]),
    ]


def test_a_refusal_arriving_after_another_pass_recorded_the_refund_is_not_reported(
    kit: RefundKit,
) -> None:
    def recorded_meanwhile_then_refused(**_: object) -> RefundInfo:
        with kit.ctx.unit_of_work() as uow:  # the reconcile recorded it while we waited
            (row,) = uow.session.scalars(select(Refund)).all()
            row.status, row.stripe_refund_id = R.SUCCEEDED, "re_other_pass"
            uow.commit()
        raise StripeRequestRefused("refused", "Refund already made.")

    kit.gateway.script("create_refund", recorded_meanwhile_then_refused)

    result = kit.refund("late", 2000)

    assert result.duplicate and result.refund.status is R.SUCCEEDED  # type: ignore[attr-defined]
    assert refunds_of(kit) == [(2000, R.SUCCEEDED, "re_other_pass")]


def test_the_last_minor_unit_can_still_be_refunded(kit: RefundKit) -> None:
    kit.refund("most", PAID - 1)

    last = kit.refund("last", 1)

    assert last.refund.amount_minor == 1  # type: ignore[attr-defined]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CANCELLED, P.REFUNDED)


def second_paid_booking(kit: RefundKit) -> int:
    """Another booking of the same student, paid after a declined first attempt."""
    other = confirmed(kit.bookings, kit.world, start_at=SLOT + timedelta(days=1))
    payments = PaymentService(kit.ctx, kit.gateway)
    try:
        kit.gateway.script(
            "confirm_payment_intent",
            lambda intent_id, **_: kit.gateway.declined(intent_id, "Your card was declined."),
        )
        with pytest.raises(PaymentDeclined):
            payments.pay_booking(kit.world.student, other.id)
        payments.pay_booking(kit.world.student, other.id)
    finally:
        payments.close()
    return other.id


def test_each_booking_refunds_its_own_successful_payment(kit: RefundKit) -> None:
    kit.refund("first", 2000)
    other_id = second_paid_booking(kit)

    preview = kit.refunds.preview_refund(kit.world.admin, other_id)
    kit.refunds.refund(kit.world.admin, other_id, reason="x", request_key="second")

    with kit.ctx.unit_of_work(write=False) as uow:
        paid_intent = uow.session.scalar(
            select(Payment.stripe_payment_intent_id).where(
                Payment.booking_id == other_id, Payment.status == PaymentAttemptStatus.SUCCEEDED
            )
        )
        assert preview.payment_id == uow.session.scalar(
            select(Payment.id).where(Payment.stripe_payment_intent_id == paid_intent)
        )
    assert preview.amount_minor == PAID and preview.already_refunded_minor == 0
    sent = [call.kwargs["payment_intent_id"] for call in kit.gateway.calls_to("create_refund")]
    assert sent[-1] == paid_intent and sent[0] != paid_intent
    assert booking_state(kit.ctx, other_id) == (S.CANCELLED, P.REFUNDED)
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)


def spy_booking_locks(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[object]:
    """Record the ``for_update`` of every ``load_booking`` call made through ``module``."""
    locks: list[object] = []
    real = module.load_booking

    def load_booking(session: Any, booking_id: int, **options: Any) -> Any:
        locks.append(options.get("for_update"))
        return real(session, booking_id, **options)

    monkeypatch.setattr(module, "load_booking", load_booking)
    return locks


def test_a_refund_locks_the_booking_row_to_claim_and_to_record(
    kit: RefundKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Postgres serialises concurrent refunds of one booking on this row lock (SELECT ... FOR
    # UPDATE), so two admins cannot both refund what remains
    locks = spy_booking_locks(monkeypatch, refunds_module)

    kit.refund("locked", 2000)

    assert locks == [True, True]


def test_refusing_to_cancel_a_booking_that_is_not_confirmed_does_not_wait_for_a_writer(
    kit: RefundKit, clock: FakeClock
) -> None:
    clock.set(SLOT + timedelta(hours=2))
    kit.bookings.complete_booking(kit.world.teacher, kit.booking_id)

    # another write transaction holds SQLite's write lock meanwhile
    with (
        kit.ctx.unit_of_work(),
        pytest.raises(InvalidTransition, match="Only a confirmed booking"),
    ):
        kit.refunds.cancel_paid_booking(
            kit.world.admin, kit.booking_id, reason="x", request_key="late"
        )
