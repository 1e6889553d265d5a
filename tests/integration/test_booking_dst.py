"""Time zones and daylight saving, on SQLite and Postgres: rules live in the teacher's zone,
slots are asked for in the student's zone, everything is stored and returned as aware UTC.

Europe/Berlin springs forward on 2027-03-28 (02:00 -> 03:00); America/New_York falls back on
2027-11-07 (02:00 -> 01:00).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from linguaflex_desktop.errors import SlotTaken, ValidationError
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_helpers import add_user, make_world

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SUNDAY = 6


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def _wall(instant: datetime, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%m-%d %H:%M %Z")


# --- Berlin spring forward, seen from New York -----------------------------------------------


@pytest.fixture
def spring(ctx: ServiceContext, clock):
    clock.set(utc(2027, 3, 20, 9, 0))
    world = make_world(
        ctx,
        teacher_zone="Europe/Berlin",
        student_zone="America/New_York",
        ranges=[(SUNDAY, 60, 300)],  # Sunday 01:00-05:00 Berlin time
    )
    return world


def test_a_range_over_the_spring_gap_loses_the_nonexistent_hour(
    ctx: ServiceContext, spring
) -> None:
    slots = AvailabilityService(ctx).free_slots(
        spring.student,
        spring.gig_id,
        duration_minutes=60,
        from_date=date(2027, 3, 27),  # New York date: 00:00 UTC is 20:00 EDT on Saturday
        to_date=date(2027, 3, 27),
    )
    starts = [s.start_at for s in slots]
    assert starts == [utc(2027, 3, 28, 0, 0) + timedelta(minutes=15 * i) for i in range(9)]
    assert all(s.start_at.astimezone(BERLIN).hour != 2 for s in slots)  # 02:xx never exists
    assert _wall(starts[0], BERLIN) == "03-28 01:00 CET"
    assert _wall(starts[4], BERLIN) == "03-28 03:00 CEST"  # one real hour after 01:00 CET
    assert _wall(starts[0], NEW_YORK) == "03-27 20:00 EDT"
    longest = AvailabilityService(ctx).free_slots(
        spring.student,
        spring.gig_id,
        duration_minutes=180,
        from_date=date(2027, 3, 27),
        to_date=date(2027, 3, 28),
    )
    # 01:00-05:00 on the wall is only three real hours that night.
    assert [(s.start_at, s.end_at) for s in longest] == [
        (utc(2027, 3, 28, 0, 0), utc(2027, 3, 28, 3, 0))
    ]


def test_a_booking_across_the_spring_change_reads_right_from_both_sides(
    ctx: ServiceContext, spring
) -> None:
    service = BookingService(ctx)
    start = datetime(2027, 3, 27, 20, 30, tzinfo=NEW_YORK)  # the student's own wall time
    booking = service.request_booking(
        spring.student, gig_id=spring.gig_id, start_at=start, duration_minutes=90
    )
    assert booking.start_at == utc(2027, 3, 28, 0, 30)
    assert booking.start_at.utcoffset() == timedelta(0)
    for viewer in (spring.student, spring.teacher):
        detail = service.get_booking(viewer, booking.id)
        stored = detail.booking
        assert (stored.start_at, stored.end_at) == (utc(2027, 3, 28, 0, 30), utc(2027, 3, 28, 2))
        teacher_zone = ZoneInfo(detail.teacher_time_zone)
        student_zone = ZoneInfo(detail.student_time_zone)
        assert _wall(stored.start_at, teacher_zone) == "03-28 01:30 CET"
        assert _wall(stored.end_at, teacher_zone) == "03-28 04:00 CEST"
        assert _wall(stored.start_at, student_zone) == "03-27 20:30 EDT"
        assert _wall(stored.end_at, student_zone) == "03-27 22:00 EDT"
    assert booking.total_minor == 7500 + 375  # 90 real minutes are priced, not 150 wall ones


def test_a_nonexistent_local_start_resolves_to_a_real_instant_and_the_range_still_binds(
    ctx: ServiceContext, spring
) -> None:
    service = BookingService(ctx)
    # 02:30 Berlin does not exist on 2027-03-28; zoneinfo maps it to 03:30 CEST (01:30 UTC).
    ghost = datetime(2027, 3, 28, 2, 30, tzinfo=BERLIN)
    booking = service.request_booking(
        spring.student, gig_id=spring.gig_id, start_at=ghost, duration_minutes=60
    )
    assert _wall(booking.start_at, BERLIN) == "03-28 03:30 CEST"
    with pytest.raises(ValidationError, match="not available"):
        service.request_booking(
            spring.student,
            gig_id=spring.gig_id,
            start_at=utc(2027, 3, 28, 2, 30),  # 04:30 CEST: would end after 05:00
            duration_minutes=60,
        )


def test_weekday_rules_follow_the_teachers_wall_clock_across_the_change(
    ctx: ServiceContext, clock
) -> None:
    clock.set(utc(2027, 3, 20, 9, 0))
    world = make_world(
        ctx,
        teacher_zone="Europe/Berlin",
        ranges=[(weekday, 9 * 60, 10 * 60) for weekday in range(7)],
    )
    availability = AvailabilityService(ctx)

    def first_start(day: date) -> datetime:
        slots = availability.free_slots(
            world.student, world.gig_id, duration_minutes=60, from_date=day, to_date=day
        )
        assert len(slots) == 1
        return slots[0].start_at

    assert first_start(date(2027, 3, 26)) == utc(2027, 3, 26, 8, 0)  # 09:00 CET
    assert first_start(date(2027, 3, 29)) == utc(2027, 3, 29, 7, 0)  # 09:00 CEST


# --- New York fall back, seen from Berlin ----------------------------------------------------


@pytest.fixture
def autumn(ctx: ServiceContext, clock):
    clock.set(utc(2027, 11, 1, 9, 0))
    return make_world(
        ctx,
        teacher_zone="America/New_York",
        student_zone="Europe/Berlin",
        ranges=[(SUNDAY, 0, 180)],  # Sunday 00:00-03:00 New York time
    )


def test_a_range_over_the_autumn_fold_gains_the_repeated_hour(ctx: ServiceContext, autumn) -> None:
    slots = AvailabilityService(ctx).free_slots(
        autumn.student,
        autumn.gig_id,
        duration_minutes=180,
        from_date=date(2027, 11, 7),  # Berlin date
        to_date=date(2027, 11, 7),
    )
    # 00:00 EDT (04:00 UTC) to 03:00 EST (08:00 UTC) is four real hours.
    assert [s.start_at for s in slots] == [
        utc(2027, 11, 7, 4, 0) + timedelta(minutes=15 * i) for i in range(5)
    ]
    one_hour = AvailabilityService(ctx).free_slots(
        autumn.student,
        autumn.gig_id,
        duration_minutes=60,
        from_date=date(2027, 11, 7),
        to_date=date(2027, 11, 7),
    )
    walls = [_wall(s.start_at, NEW_YORK) for s in one_hour]
    assert walls.count("11-07 01:00 EDT") == 1 and walls.count("11-07 01:00 EST") == 1
    assert _wall(one_hour[0].start_at, BERLIN) == "11-07 05:00 CET"


def test_bookings_in_the_repeated_hour_do_not_collide_by_wall_time(
    ctx: ServiceContext, autumn
) -> None:
    service = BookingService(ctx)
    other = add_user(ctx, email="berta@example.com", role=Role.STUDENT, time_zone="Europe/Berlin")
    first = service.request_booking(
        autumn.student,
        gig_id=autumn.gig_id,
        start_at=utc(2027, 11, 7, 5, 30),  # 01:30 EDT
        duration_minutes=60,
    )
    assert _wall(first.start_at, NEW_YORK) == "11-07 01:30 EDT"
    assert _wall(first.end_at, NEW_YORK) == "11-07 01:30 EST"  # same wall time, 60 min later
    second = service.request_booking(
        other, gig_id=autumn.gig_id, start_at=first.end_at, duration_minutes=60
    )
    assert second.start_at == utc(2027, 11, 7, 6, 30)
    with pytest.raises(SlotTaken):
        service.request_booking(
            other,
            gig_id=autumn.gig_id,
            start_at=datetime(2027, 11, 7, 1, 0, fold=1, tzinfo=NEW_YORK),  # 06:00 UTC
            duration_minutes=30,
        )
    detail = service.get_booking(autumn.teacher, first.id)
    assert detail.booking.end_at - detail.booking.start_at == timedelta(minutes=60)
    assert _wall(detail.booking.start_at, BERLIN) == "11-07 06:30 CET"
