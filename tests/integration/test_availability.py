"""Weekly availability and free slots on SQLite and Postgres (DST cases: test_booking_dst.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from linguaflex_desktop.errors import NotFound, ValidationError
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.dto import DayOffDTO, WeeklyRange
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_helpers import SLOT, World, add_gig, add_user, make_world, request

WEDNESDAY = SLOT.date()  # 2027-03-03


@pytest.fixture
def availability(ctx: ServiceContext) -> AvailabilityService:
    return AvailabilityService(ctx)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    # Wednesday 09:00-12:00 and 14:00-15:00 UTC only.
    return make_world(ctx, ranges=[(2, 9 * 60, 12 * 60), (2, 14 * 60, 15 * 60)])


def _starts(slots: list) -> list[str]:
    return [slot.start_at.strftime("%H:%M") for slot in slots]


def test_weekly_ranges_replace_all_and_read_back_sorted(
    availability: AvailabilityService, world: World
) -> None:
    ranges = [WeeklyRange.of(4, time(18), None), WeeklyRange.of(0, time(9), time(12, 30))]
    result = availability.set_weekly_availability(world.teacher, ranges)
    assert result.ranges == (WeeklyRange(0, 540, 750), WeeklyRange(4, 1080, 1440))
    read = availability.get_weekly_availability(world.student, world.teacher.id)
    assert read.ranges == result.ranges and read.time_zone == "UTC"


@pytest.mark.parametrize(
    ("ranges", "message"),
    [
        ([WeeklyRange(0, 540, 720), WeeklyRange(0, 690, 810)], "overlap"),
        ([WeeklyRange(0, 545, 720)], "15-minute"),
        ([WeeklyRange(7, 0, 60)], "Weekdays"),
        ([WeeklyRange(0, 600, 600)], "start before it ends"),
        ([WeeklyRange(0, 1380, 1500)], "within one day"),
    ],
)
def test_invalid_weekly_ranges_are_refused_and_nothing_changes(
    availability: AvailabilityService, world: World, ranges: list, message: str
) -> None:
    before = availability.get_weekly_availability(world.teacher, world.teacher.id)
    with pytest.raises(ValidationError, match=message):
        availability.set_weekly_availability(world.teacher, ranges)
    assert availability.get_weekly_availability(world.teacher, world.teacher.id) == before


def test_touching_ranges_are_not_an_overlap(
    availability: AvailabilityService, world: World
) -> None:
    result = availability.set_weekly_availability(
        world.teacher, [WeeklyRange(1, 540, 600), WeeklyRange(1, 600, 660)]
    )
    assert len(result.ranges) == 2


def test_days_off_are_added_updated_listed_and_removed(
    availability: AvailabilityService, world: World
) -> None:
    availability.add_day_off(world.teacher, WEDNESDAY, "Holiday")
    availability.add_day_off(world.teacher, WEDNESDAY, "Public holiday")
    days = availability.get_weekly_availability(world.student, world.teacher.id).days_off
    assert days == (DayOffDTO(WEDNESDAY, "Public holiday"),)
    availability.remove_day_off(world.teacher, WEDNESDAY)
    with pytest.raises(NotFound):
        availability.remove_day_off(world.teacher, WEDNESDAY)
    with pytest.raises(ValidationError, match="past"):
        availability.add_day_off(world.teacher, date(2027, 2, 28))


def test_free_slots_step_by_15_minutes_inside_the_ranges(
    availability: AvailabilityService, world: World
) -> None:
    slots = availability.free_slots(
        world.student, world.gig_id, duration_minutes=60, from_date=WEDNESDAY, to_date=WEDNESDAY
    )
    morning = ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00"]
    assert _starts(slots) == [*morning, "14:00"]
    assert all(s.end_at - s.start_at == timedelta(hours=1) for s in slots)
    assert all(s.start_at.tzinfo is not None and s.duration_minutes == 60 for s in slots)
    longest = availability.free_slots(
        world.student, world.gig_id, duration_minutes=180, from_date=WEDNESDAY, to_date=WEDNESDAY
    )
    assert _starts(longest) == ["09:00"]


def test_free_slots_exclude_the_teachers_and_the_students_own_bookings(
    ctx: ServiceContext, availability: AvailabilityService, world: World
) -> None:
    service = BookingService(ctx)
    request(service, world, start_at=SLOT, duration=30, student=world.other_student)  # 10:00
    slots = availability.free_slots(
        world.student, world.gig_id, duration_minutes=30, from_date=WEDNESDAY, to_date=WEDNESDAY
    )
    assert "10:00" not in _starts(slots) and "09:45" not in _starts(slots)
    assert "09:30" in _starts(slots) and "10:30" in _starts(slots)  # back-to-back stays
    service.request_booking(
        world.student,
        gig_id=world.other_gig_id,
        start_at=SLOT.replace(hour=11),
        duration_minutes=60,
    )
    mine = _starts(
        availability.free_slots(
            world.student, world.gig_id, duration_minutes=30, from_date=WEDNESDAY, to_date=WEDNESDAY
        )
    )
    assert "11:00" not in mine and "11:30" not in mine and "10:30" in mine
    theirs = _starts(
        availability.free_slots(
            world.other_student,
            world.gig_id,
            duration_minutes=30,
            from_date=WEDNESDAY,
            to_date=WEDNESDAY,
        )
    )
    assert "11:00" in theirs  # another student's own bookings do not hide slots from you


def test_a_cancelled_booking_shows_its_slot_again(
    ctx: ServiceContext, availability: AvailabilityService, world: World
) -> None:
    service = BookingService(ctx)
    booking = request(service, world, duration=60)
    service.cancel_booking(world.student, booking.id)
    slots = availability.free_slots(
        world.other_student,
        world.gig_id,
        duration_minutes=60,
        from_date=WEDNESDAY,
        to_date=WEDNESDAY,
    )
    assert "10:00" in _starts(slots)


def test_free_slots_skip_days_off_past_times_and_the_lead_time(
    ctx: ServiceContext, availability: AvailabilityService, world: World, clock
) -> None:
    availability.add_day_off(world.teacher, WEDNESDAY, "")
    assert (
        availability.free_slots(
            world.student,
            world.gig_id,
            duration_minutes=30,
            from_date=WEDNESDAY,
            to_date=WEDNESDAY,
        )
        == []
    )
    availability.remove_day_off(world.teacher, WEDNESDAY)
    clock.set(datetime(2027, 3, 2, 22, 0, tzinfo=UTC))  # lead time ends Wednesday 10:00
    slots = availability.free_slots(
        world.student, world.gig_id, duration_minutes=30, from_date=WEDNESDAY, to_date=WEDNESDAY
    )
    assert _starts(slots)[0] == "10:00"
    clock.set(datetime(2027, 3, 4, 0, 0, tzinfo=UTC))
    assert (
        availability.free_slots(
            world.student,
            world.gig_id,
            duration_minutes=30,
            from_date=WEDNESDAY,
            to_date=WEDNESDAY,
        )
        == []
    )


def test_free_slots_stop_at_the_booking_horizon(
    availability: AvailabilityService, world: World
) -> None:
    slots = availability.free_slots(
        world.student,
        world.gig_id,
        duration_minutes=60,
        from_date=date(2027, 4, 20),
        to_date=date(2027, 5, 10),
    )
    assert slots and max(s.start_at for s in slots) <= datetime(2027, 4, 26, 9, tzinfo=UTC)


def test_free_slots_dates_are_in_the_viewers_zone(ctx: ServiceContext, world: World) -> None:
    honolulu = add_user(
        ctx, email="kai@example.com", role=Role.STUDENT, time_zone="Pacific/Honolulu"
    )
    service = AvailabilityService(ctx)

    def starts(day: date) -> list[str]:
        slots = service.free_slots(
            honolulu, world.gig_id, duration_minutes=60, from_date=day, to_date=day
        )
        return [s.start_at.strftime("%H:%M") for s in slots]

    # Wednesday in Honolulu (UTC-10) starts at 10:00 UTC Wednesday.
    assert starts(WEDNESDAY) == ["10:00", "10:15", "10:30", "10:45", "11:00", "14:00"]
    assert starts(WEDNESDAY - timedelta(days=1)) == ["09:00", "09:15", "09:30", "09:45"]


@pytest.mark.parametrize(
    ("duration", "from_date", "to_date", "message"),
    [
        (50, WEDNESDAY, WEDNESDAY, "not offered"),
        (60, WEDNESDAY, WEDNESDAY - timedelta(days=1), "before"),
        (60, WEDNESDAY, WEDNESDAY + timedelta(days=70), "at most"),
    ],
)
def test_free_slots_refuse_bad_questions(
    availability: AvailabilityService,
    world: World,
    duration: int,
    from_date: date,
    to_date: date,
    message: str,
) -> None:
    with pytest.raises(ValidationError, match=message):
        availability.free_slots(
            world.student,
            world.gig_id,
            duration_minutes=duration,
            from_date=from_date,
            to_date=to_date,
        )


def test_a_range_to_midnight_joins_the_next_days_range(ctx: ServiceContext, world: World) -> None:
    night_owl = add_user(ctx, email="nina@example.com", role=Role.TEACHER)
    gig = add_gig(ctx, night_owl)
    service = AvailabilityService(ctx)
    service.set_weekly_availability(night_owl, [WeeklyRange(2, 1380, 1440), WeeklyRange(3, 0, 60)])
    slots = service.free_slots(
        world.student, gig, duration_minutes=120, from_date=WEDNESDAY, to_date=WEDNESDAY
    )
    assert [(s.start_at, s.end_at) for s in slots] == [
        (datetime(2027, 3, 3, 23, tzinfo=UTC), datetime(2027, 3, 4, 1, tzinfo=UTC))
    ]


def test_weekly_hours_and_days_off_read_in_one_statement_match_each_read_alone(
    ctx: ServiceContext, availability: AvailabilityService, world: World
) -> None:
    """What a booking request checks (one UNION ALL): the same ranges, sorted, and the same
    days off in the dates asked (typed as dates on both databases) as the two reads alone."""
    from linguaflex_desktop.services.booking.availability import (
        load_days_off,
        load_ranges,
        load_ranges_and_days_off,
    )

    availability.set_weekly_availability(
        world.teacher,
        [WeeklyRange(4, 1080, 1440), WeeklyRange(0, 540, 600), WeeklyRange(0, 660, 720)],
    )
    for day in (WEDNESDAY, WEDNESDAY + timedelta(days=1), WEDNESDAY + timedelta(days=30)):
        availability.add_day_off(world.teacher, day, "Away")
    first, last = WEDNESDAY - timedelta(days=1), WEDNESDAY + timedelta(days=6)
    with ctx.unit_of_work(write=False) as uow:
        ranges, days_off = load_ranges_and_days_off(uow.session, world.teacher.id, first, last)
        assert ranges == load_ranges(uow.session, world.teacher.id)
        assert days_off == load_days_off(uow.session, world.teacher.id, first, last)
        no_hours = load_ranges_and_days_off(uow.session, world.student.id, first, last)
    assert ranges == (
        WeeklyRange(0, 540, 600),
        WeeklyRange(0, 660, 720),
        WeeklyRange(4, 1080, 1440),
    )
    assert days_off == {WEDNESDAY, WEDNESDAY + timedelta(days=1)}
    assert all(type(day) is date for day in days_off)
    assert no_hours == ((), set())
