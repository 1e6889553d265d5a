"""Free slots never offer a start the booking request then refuses (SQLite and Postgres)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_helpers import make_world, request


def test_with_the_clock_off_the_quarter_hour_the_last_offered_slot_is_bookable(
    ctx: ServiceContext, clock
) -> None:
    world = make_world(ctx)  # the teacher is available every day 06:00-22:00 UTC
    clock.set(datetime(2027, 3, 1, 9, 7, tzinfo=UTC))
    horizon_day = date(2027, 4, 26)  # now + 8 weeks = 2027-04-26 09:07 UTC
    slots = AvailabilityService(ctx).free_slots(
        world.student, world.gig_id, duration_minutes=60, from_date=horizon_day, to_date=horizon_day
    )
    last = max(slot.start_at for slot in slots)
    assert last <= rules.latest_bookable_start(clock())
    assert last == datetime(2027, 4, 26, 9, 0, tzinfo=UTC)
    booking = request(BookingService(ctx), world, start_at=last)
    assert booking.start_at == last
