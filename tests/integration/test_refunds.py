"""Refunds against the real localstripe, on SQLite and Postgres: preview and fee treatment,
partial then full, over-refund refused (localstripe would accept it), one refund per double
click, admins only, completed sessions, admin cancel of a paid booking, Stripe unreachable."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    InvalidTransition,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import BookingStatus, PaymentStatus, RefundStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.refunds import Refunds
from tests.conftest import FakeClock
from tests.integration.booking_helpers import SLOT
from tests.integration.payment_helpers import (
    PayKit,
    booking_state,
    dead_gateway,
    kit_fixture,
    payment_rows,
    refund_rows,
)

S, P = BookingStatus, PaymentStatus


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    kits = kit_fixture(ctx, stripe_gateway, stripe_sandbox)
    kit = next(kits)
    kit.cards.save_test_card(kit.world.student)
    kit.payments.pay_booking(kit.world.student, kit.booking_id)  # 52.50 = 50.00 + 2.50 fee
    yield kit
    next(kits, None)


def refunded_at_stripe(kit: PayKit) -> int:
    [(_, intent_id)] = payment_rows(kit.ctx, kit.booking_id)
    assert intent_id is not None
    return kit.gateway.amount_refunded(intent_id)


def test_preview_of_a_partial_refund_takes_it_from_the_teachers_share(kit: PayKit) -> None:
    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id, amount_minor=2000)

    assert (preview.amount_minor, preview.paid_minor, preview.remaining_after_minor) == (
        2000,
        5250,
        3250,
    )
    assert not preview.is_full
    assert (preview.teacher_share_before_minor, preview.teacher_share_after_minor) == (5000, 3000)
    assert (preview.fee_before_minor, preview.fee_after_minor) == (250, 250)
    assert preview.fee_returned_minor == 0 and preview.teacher_share_change_minor == -2000
    assert (preview.booking_status_after, preview.payment_status_after) == (S.CONFIRMED, P.PAID)
    assert refund_rows(kit.ctx) == []  # a preview changes nothing


def test_preview_of_a_full_refund_returns_the_fee_too(kit: PayKit) -> None:
    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id)

    assert preview.amount_minor == 5250 and preview.is_full
    assert (preview.teacher_share_after_minor, preview.fee_after_minor) == (0, 0)
    assert preview.fee_returned_minor == 250
    assert (preview.booking_status_after, preview.payment_status_after) == (S.CANCELLED, P.REFUNDED)


def test_partial_then_full_refund_records_stripes_ids_and_cancels_the_booking(
    kit: PayKit,
) -> None:
    admin = kit.world.admin
    partial = kit.refunds.refund(
        admin, kit.booking_id, amount_minor=2000, reason="Late start", request_key="r-1"
    )

    assert partial.refund.status is RefundStatus.SUCCEEDED
    assert (partial.refund.stripe_refund_id or "").startswith("re_")
    assert (partial.booking_status, partial.payment_status) == (S.CONFIRMED, P.PAID)
    assert partial.refunded_minor == 2000 and refunded_at_stripe(kit) == 2000
    after_partial = kit.refunds.preview_refund(admin, kit.booking_id)
    assert after_partial.amount_minor == 3250 and after_partial.already_refunded_minor == 2000

    full = kit.refunds.refund(admin, kit.booking_id, reason="Teacher ill", request_key="r-2")

    assert full.refund.amount_minor == 3250
    assert (full.booking_status, full.payment_status) == (S.CANCELLED, P.REFUNDED)
    assert full.refunded_minor == 5250 and refunded_at_stripe(kit) == 5250
    receipt = kit.payment_views.payment_for_booking(kit.world.student, kit.booking_id)
    assert [r.amount_minor for r in receipt.refunds] == [2000, 3250]
    assert all(r.stripe_refund_id is None for r in receipt.refunds)  # ids for admins only
    assert booking_state(kit.ctx, kit.booking_id) == (S.CANCELLED, P.REFUNDED)


def test_more_than_what_remains_is_refused_before_stripe_is_asked(kit: PayKit) -> None:
    admin = kit.world.admin
    with pytest.raises(ValidationError, match=r"At most 52\.50 USD"):
        kit.refunds.refund(admin, kit.booking_id, amount_minor=5251, reason="x", request_key="a")
    kit.refunds.refund(admin, kit.booking_id, amount_minor=2000, reason="x", request_key="b")
    with pytest.raises(ValidationError, match=r"At most 32\.50 USD"):
        kit.refunds.refund(admin, kit.booking_id, amount_minor=3251, reason="x", request_key="c")
    for bad in (0, -5):
        with pytest.raises(ValidationError, match="positive"):
            kit.refunds.preview_refund(admin, kit.booking_id, amount_minor=bad)

    assert refunded_at_stripe(kit) == 2000
    assert refund_rows(kit.ctx)[0][0] == 2000 and len(refund_rows(kit.ctx)) == 1


def test_nothing_left_after_a_full_refund(kit: PayKit) -> None:
    kit.refunds.refund(kit.world.admin, kit.booking_id, reason="x", request_key="full")
    with pytest.raises(Conflict, match="already been refunded"):
        kit.refunds.refund(kit.world.admin, kit.booking_id, reason="x", request_key="again")
    assert refunded_at_stripe(kit) == 5250


def test_a_double_click_makes_one_refund(kit: PayKit) -> None:
    admin = kit.world.admin
    first = kit.refunds.refund(
        admin, kit.booking_id, amount_minor=1000, reason="x", request_key="click"
    )
    second = kit.refunds.refund(
        admin, kit.booking_id, amount_minor=1000, reason="x", request_key="click"
    )

    assert not first.duplicate and second.duplicate
    assert second.refund.id == first.refund.id
    assert refunded_at_stripe(kit) == 1000 and len(refund_rows(kit.ctx)) == 1


def test_two_simultaneous_clicks_make_one_refund(kit: PayKit) -> None:
    barrier = threading.Barrier(2)
    results: queue.Queue[object] = queue.Queue()

    def click() -> None:
        barrier.wait(timeout=30)
        try:
            results.put(
                kit.refunds.refund(
                    kit.world.admin, kit.booking_id, reason="double", request_key="same-dialog"
                )
            )
        except Exception as error:  # reported, then asserted on below
            results.put(error)

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    answers = [results.get_nowait() for _ in range(2)]
    assert not any(isinstance(answer, Exception) for answer in answers), answers
    assert refunded_at_stripe(kit) == 5250 and len(refund_rows(kit.ctx)) == 1
    assert booking_state(kit.ctx, kit.booking_id) == (S.CANCELLED, P.REFUNDED)


def test_only_admins_preview_or_refund(kit: PayKit) -> None:
    for actor in (kit.world.student, kit.world.teacher):
        with pytest.raises(PermissionDenied):
            kit.refunds.preview_refund(actor, kit.booking_id)
        with pytest.raises(PermissionDenied):
            kit.refunds.refund(actor, kit.booking_id, reason="please", request_key=f"{actor.id}")
    assert refunded_at_stripe(kit) == 0 and refund_rows(kit.ctx) == []


def test_a_refund_needs_a_reason_and_a_key(kit: PayKit) -> None:
    with pytest.raises(ValidationError, match="reason"):
        kit.refunds.refund(kit.world.admin, kit.booking_id, reason=" ", request_key="k")
    with pytest.raises(ValidationError, match="request key"):
        kit.refunds.refund(kit.world.admin, kit.booking_id, reason="x", request_key="")
    assert refund_rows(kit.ctx) == []


def test_full_refund_after_completion_marks_the_booking_refunded(
    kit: PayKit, clock: FakeClock
) -> None:
    clock.set(SLOT + timedelta(hours=2))
    kit.bookings.complete_booking(kit.world.teacher, kit.booking_id)

    preview = kit.refunds.preview_refund(kit.world.admin, kit.booking_id)
    result = kit.refunds.refund(kit.world.admin, kit.booking_id, reason="x", request_key="c")

    assert preview.booking_status_after is S.REFUNDED
    assert (result.booking_status, result.payment_status) == (S.REFUNDED, P.REFUNDED)


def test_admin_cancel_of_a_paid_booking_refunds_it_in_full(kit: PayKit) -> None:
    result = kit.refunds.cancel_paid_booking(
        kit.world.admin, kit.booking_id, reason="Teacher unavailable", request_key="cancel-1"
    )

    assert (result.booking_status, result.payment_status) == (S.CANCELLED, P.REFUNDED)
    assert result.refund.amount_minor == 5250 and refunded_at_stripe(kit) == 5250


def test_an_unpaid_booking_cannot_be_refunded(kit: PayKit) -> None:
    from tests.integration.booking_helpers import confirmed

    other = confirmed(kit.bookings, kit.world, start_at=SLOT + timedelta(days=1))
    with pytest.raises(InvalidTransition, match="Only a paid booking"):
        kit.refunds.refund(kit.world.admin, other.id, reason="x", request_key="u")


def test_refund_while_stripe_is_down_keeps_its_amount_reserved_and_can_be_retried(
    kit: PayKit, clock: FakeClock
) -> None:
    offline = Refunds(kit.ctx, dead_gateway())
    with pytest.raises(ExternalServiceError, match="will not be made twice"):
        offline.refund(kit.world.admin, kit.booking_id, reason="x", request_key="k-1")

    assert refund_rows(kit.ctx) == [(5250, None)]
    with pytest.raises(Conflict, match="Nothing is left"):
        kit.refunds.refund(kit.world.admin, kit.booking_id, reason="x", request_key="k-2")
    soon = kit.refunds.refund(kit.world.admin, kit.booking_id, reason="x", request_key="k-1")
    assert soon.duplicate and soon.refund.status is RefundStatus.CREATING
    assert refunded_at_stripe(kit) == 0

    clock.advance(seconds=30)
    retried = kit.refunds.refund(kit.world.admin, kit.booking_id, reason="x", request_key="k-1")

    assert not retried.duplicate and retried.refund.status is RefundStatus.SUCCEEDED
    assert refunded_at_stripe(kit) == 5250 and len(refund_rows(kit.ctx)) == 1
    assert booking_state(kit.ctx, kit.booking_id) == (S.CANCELLED, P.REFUNDED)


def test_teacher_earnings_show_what_is_kept_after_a_partial_refund(kit: PayKit) -> None:
    kit.refunds.refund(
        kit.world.admin, kit.booking_id, amount_minor=2000, reason="x", request_key="p"
    )

    [line] = kit.payment_views.teacher_earnings(kit.world.teacher).lines

    assert (line.share_minor, line.refunded_minor, line.share_after_refunds_minor) == (
        5000,
        2000,
        3000,
    )
