"""The glue through the real payment service against localstripe, on SQLite and Postgres:
a card payment makes the meeting and tells both; an admin's full refund takes the meeting down
and tells both; a partial refund leaves the meeting alone (and tells both as
"partially_refunded")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.models import MeetingStatus
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_follow_up_helpers import Glue, drain, kinds_of, make_glue
from tests.integration.payment_helpers import PayKit, kit_fixture


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(ctx, stripe_gateway, stripe_sandbox)


def paid_with_card(kit: PayKit) -> Glue:
    glue = make_glue(kit.ctx, world=kit.world)
    card = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    outcome = kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=card.id)
    assert outcome.state == "succeeded"
    drain(glue.worker)
    return glue


def test_card_payment_makes_the_meeting_and_tells_both(kit: PayKit) -> None:
    glue = paid_with_card(kit)
    meeting = glue.meetings.meeting_for_booking(kit.world.student, kit.booking_id)
    assert meeting.status is MeetingStatus.READY and meeting.join_url
    assert kinds_of(kit.ctx, kit.world.student) == ["confirmed", "paid"]
    assert kinds_of(kit.ctx, kit.world.teacher) == ["requested", "paid"]


def test_full_refund_takes_the_meeting_down_and_partial_refund_does_not(kit: PayKit) -> None:
    glue = paid_with_card(kit)
    admin = kit.world.admin
    kit.refunds.refund(admin, kit.booking_id, amount_minor=500, reason="Late", request_key="r1")
    drain(glue.worker)
    assert glue.meetings.meeting_for_booking(admin, kit.booking_id).status is MeetingStatus.READY
    assert kinds_of(kit.ctx, kit.world.student)[-2:] == ["paid", "partially_refunded"]
    kit.refunds.refund(admin, kit.booking_id, reason="Teacher ill", request_key="r2")
    drain(glue.worker)
    meeting = glue.meetings.meeting_for_booking(kit.world.student, kit.booking_id)
    assert meeting.status is MeetingStatus.DELETED and meeting.join_url is None
    for party in (kit.world.student, kit.world.teacher):
        assert kinds_of(kit.ctx, party)[-1] == "refunded"
