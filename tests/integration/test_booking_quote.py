"""quote_booking: the price shown before a request equals the price the request snapshots;
refusals for durations and gigs that cannot be booked. has_no_users for the first start."""

from __future__ import annotations

import pytest

from linguaflex_desktop.errors import NotFound, ValidationError
from linguaflex_desktop.models import Gig
from linguaflex_desktop.services.accounts.first_start import has_no_users
from linguaflex_desktop.services.booking.quote import BookingQuoteService
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_helpers import SLOT, add_gig, make_world


def test_quote_equals_the_price_the_request_snapshots(ctx: ServiceContext) -> None:
    world = make_world(ctx)
    price = BookingQuoteService(ctx).quote_booking(world.student, world.gig_id, duration_minutes=90)
    booking = BookingService(ctx).request_booking(
        world.student, gig_id=world.gig_id, start_at=SLOT, duration_minutes=90
    )
    assert (price.base_minor, price.fee_minor, price.total_minor) == (7500, 375, 7875)
    assert (booking.base_amount_minor, booking.fee_minor, booking.total_minor) == (
        price.base_minor,
        price.fee_minor,
        price.total_minor,
    )
    assert price.currency == booking.currency == "USD"


def test_quote_refuses_a_duration_the_gig_does_not_offer(ctx: ServiceContext) -> None:
    world = make_world(ctx)
    with pytest.raises(ValidationError, match="40 is not offered"):
        BookingQuoteService(ctx).quote_booking(world.student, world.gig_id, duration_minutes=40)


def test_quote_refuses_unknown_and_inactive_gigs(ctx: ServiceContext) -> None:
    world = make_world(ctx)
    service = BookingQuoteService(ctx)
    with pytest.raises(NotFound):
        service.quote_booking(world.student, 999_999, duration_minutes=60)
    gig_id = add_gig(ctx, world.teacher, title="Hidden")
    with ctx.unit_of_work() as uow:
        gig = uow.session.get(Gig, gig_id)
        assert gig is not None
        gig.is_active = False
        uow.commit()
    with pytest.raises(ValidationError, match="not offered at the moment"):
        service.quote_booking(world.student, gig_id, duration_minutes=60)


def test_has_no_users_only_on_an_empty_database(ctx: ServiceContext) -> None:
    assert has_no_users(ctx)
    make_world(ctx)
    assert not has_no_users(ctx)
