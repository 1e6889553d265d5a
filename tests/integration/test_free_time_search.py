"""Search by free time on SQLite and Postgres: worked examples across a DST change, days off,
bookings and the other filters, and random scenarios against a brute-force reference."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import AvailabilityException, Gig, Role, User
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.free_time import fitting_gigs
from linguaflex_desktop.services.catalogue.free_time import FreeTime
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest import FakeClock
from tests.integration.booking_helpers import add_gig, add_rules, add_user
from tests.integration.free_time_helpers import (
    FREEING_PAIR,
    HOLDING_PAIRS,
    Scenario,
    Teacher,
    booking_row,
    clear,
    fitting,
    scenarios,
    store,
)

EVENINGS = FreeTime.preset("weekday_evenings")
# Berlin 22:00-23:00 on weekdays is New York 16:00-17:00, outside its evenings, except in
# the two weeks (14-28 March 2027) when New York has moved its clocks and Berlin has not.
BERLIN_LATE = [(weekday, 22 * 60, 23 * 60) for weekday in range(5)]
IN_THE_GAP = datetime(2027, 3, 12, 12, 0, tzinfo=UTC)  # the next 14 days reach into it
AFTER_THE_GAP = datetime(2027, 4, 5, 12, 0, tzinfo=UTC)


@pytest.fixture
def catalogue(ctx: ServiceContext) -> CatalogueService:
    return CatalogueService(ctx, free_time=fitting_gigs)


@pytest.fixture
def new_yorker(ctx: ServiceContext) -> Actor:
    return add_user(ctx, email="nina@example.com", role=Role.STUDENT, time_zone="America/New_York")


def _teacher(ctx: ServiceContext, name: str, zone: str, ranges: list, **gig: object) -> int:
    teacher = add_user(ctx, email=f"{name}@example.com", role=Role.TEACHER, time_zone=zone)
    add_rules(ctx, teacher, ranges)
    return add_gig(ctx, teacher, title=f"{name.title()} lessons", **gig)  # type: ignore[arg-type]


def _found(catalogue: CatalogueService, actor: Actor, **criteria: object) -> set[int]:
    page = catalogue.search_gigs(actor, limit=100, **criteria)  # type: ignore[arg-type]
    assert page.total == len(page.items)
    return {gig.id for gig in page.items}


def test_free_in_the_students_evenings_only_while_one_zone_has_changed_clocks(
    ctx: ServiceContext, clock: FakeClock, catalogue: CatalogueService, new_yorker: Actor
) -> None:
    gig = _teacher(ctx, "berta", "Europe/Berlin", BERLIN_LATE)
    clock.set(IN_THE_GAP)
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == {gig}
    clock.set(AFTER_THE_GAP)
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == set()
    assert _found(catalogue, new_yorker) == {gig}  # without the filter it is there


def test_days_off_and_bookings_take_away_free_time_but_cancelled_bookings_do_not(
    ctx: ServiceContext, clock: FakeClock, catalogue: CatalogueService, new_yorker: Actor
) -> None:
    # Only Wednesday 17 March 2027 22:00-23:00 Berlin (17:00-18:00 New York) in the window.
    gig = _teacher(ctx, "berta", "Europe/Berlin", [(2, 22 * 60, 23 * 60)], min_duration=60)
    clock.set(datetime(2027, 3, 10, 12, 0, tzinfo=UTC))
    scenario_start = datetime(2027, 3, 17, 21, 0, tzinfo=UTC)
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == {gig}
    teacher_id = catalogue.get_gig(new_yorker, gig).teacher_id
    _book(ctx, teacher_id, gig, scenario_start + timedelta(minutes=30), FREEING_PAIR)
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == {gig}
    _book(ctx, teacher_id, gig, scenario_start + timedelta(minutes=45), HOLDING_PAIRS[0])
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == set()  # 45 minutes left


def test_the_students_own_booking_takes_that_time_away(
    ctx: ServiceContext, clock: FakeClock, catalogue: CatalogueService, new_yorker: Actor
) -> None:
    gig = _teacher(ctx, "berta", "Europe/Berlin", [(2, 22 * 60, 23 * 60)], min_duration=60)
    other = _teacher(ctx, "otto", "UTC", [], min_duration=60)
    clock.set(datetime(2027, 3, 10, 12, 0, tzinfo=UTC))
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == {gig}
    teacher_id = catalogue.get_gig(new_yorker, other).teacher_id
    with ctx.unit_of_work() as uow:
        student, teacher = uow.session.get(User, new_yorker.id), uow.session.get(User, teacher_id)
        start = datetime(2027, 3, 17, 21, 30, tzinfo=UTC)  # New York 17:30-18:30
        row = booking_row(
            student,
            teacher,
            uow.session.get(Gig, other),
            start,
            start + timedelta(hours=1),
            HOLDING_PAIRS[1],
        )
        uow.session.add(row)
        uow.commit()
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == set()


def test_a_teacher_in_a_zone_this_machine_does_not_know_is_never_free(
    ctx: ServiceContext, clock: FakeClock, catalogue: CatalogueService, new_yorker: Actor
) -> None:
    clock.set(IN_THE_GAP)
    evening = [(weekday, 17 * 60, 22 * 60) for weekday in range(7)]
    known = _teacher(ctx, "kim", "America/New_York", evening)
    lost = _teacher(ctx, "lou", "America/New_York", evening)
    with ctx.unit_of_work() as uow:
        uow.session.get(
            User, catalogue.get_gig(new_yorker, lost).teacher_id
        ).time_zone = "Mars/Base"
        uow.commit()
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == {known}


def test_a_day_off_in_the_teachers_zone_removes_that_day(
    ctx: ServiceContext, clock: FakeClock, catalogue: CatalogueService, new_yorker: Actor
) -> None:
    gig = _teacher(ctx, "berta", "Europe/Berlin", [(2, 22 * 60, 23 * 60)])
    clock.set(datetime(2027, 3, 10, 12, 0, tzinfo=UTC))
    _day_off(ctx, catalogue.get_gig(new_yorker, gig).teacher_id, date(2027, 3, 17))
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == set()


def test_free_time_combines_with_words_language_price_and_counts_pages(
    ctx: ServiceContext, clock: FakeClock, catalogue: CatalogueService, new_yorker: Actor
) -> None:
    clock.set(IN_THE_GAP)
    evening = [(weekday, 17 * 60, 22 * 60) for weekday in range(7)]  # New York's own hours
    spanish = _teacher(ctx, "sara", "America/New_York", evening, language="Spanish")
    cheap = _teacher(ctx, "carl", "America/New_York", evening, hourly_rate_minor=2000)
    dear = _teacher(ctx, "dora", "America/New_York", evening, hourly_rate_minor=9000)
    _teacher(ctx, "mona", "America/New_York", [(0, 6 * 60, 9 * 60)])  # mornings only
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == {spanish, cheap, dear}
    assert _found(catalogue, new_yorker, free_time=EVENINGS, language="Spanish") == {spanish}
    assert _found(catalogue, new_yorker, free_time=EVENINGS, text="dora") == {dear}
    cheaper = {"currency": "USD", "max_rate_minor": 5000}
    assert _found(catalogue, new_yorker, free_time=EVENINGS, **cheaper) == {spanish, cheap}
    page = catalogue.search_gigs(new_yorker, free_time=EVENINGS, sort="price_asc", limit=2)
    assert page.total == 3 and [g.id for g in page.items] == [cheap, spanish]
    beyond = catalogue.search_gigs(new_yorker, free_time=EVENINGS, offset=5, limit=2)
    assert beyond.total == 3 and beyond.items == ()


def test_the_gigs_shortest_session_must_fit(
    ctx: ServiceContext, clock: FakeClock, catalogue: CatalogueService, new_yorker: Actor
) -> None:
    clock.set(IN_THE_GAP)
    hour = [(weekday, 17 * 60, 18 * 60) for weekday in range(5)]
    short = _teacher(ctx, "sam", "America/New_York", hour, min_duration=60)
    long = _teacher(ctx, "lou", "America/New_York", hour, min_duration=75)
    assert _found(catalogue, new_yorker, free_time=EVENINGS) == {short}
    assert long not in _found(catalogue, new_yorker, free_time=FreeTime(frozenset({0}), 17, 18))


@pytest.mark.parametrize(
    ("free_time", "message"),
    [
        (FreeTime(frozenset(), 17, 21), "at least one day"),
        (FreeTime(frozenset({7}), 17, 21), "Weekdays"),
        (FreeTime(frozenset({1}), 21, 17), "start before it ends"),
        (FreeTime(frozenset({1}), 0, 25), "start before it ends"),
        ("evenings", "days and hours"),
    ],
)
def test_a_bad_free_time_is_refused_with_a_message(
    catalogue: CatalogueService, new_yorker: Actor, free_time: object, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        catalogue.search_gigs(new_yorker, free_time=free_time)  # type: ignore[arg-type]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenario=scenarios())
def test_free_time_search_matches_a_minute_by_minute_reference(
    ctx: ServiceContext, clock: FakeClock, scenario: Scenario
) -> None:
    clear(ctx)
    student_id, gig_ids = store(ctx, scenario)
    clock.set(scenario.now)
    student = Actor(student_id, "student@example.com", Role.STUDENT, "S", scenario.student_zone)
    found = _found(
        CatalogueService(ctx, free_time=fitting_gigs), student, free_time=scenario.free_time
    )
    expected = {gig_ids[teacher][gig] for teacher, gig in fitting(scenario)}
    assert found == expected
    # The slots a student is then offered to book agree: a fitting gig has one in the window.
    slots = AvailabilityService(ctx)
    for teacher, ids in enumerate(gig_ids):
        for gig_id, minutes in zip(ids, scenario.teachers[teacher].gig_minutes, strict=True):
            offered = _offered_in_window(slots, student, gig_id, minutes, scenario)
            assert offered == (gig_id in expected), (gig_id, minutes)


def _offered_in_window(
    slots: AvailabilityService, student: Actor, gig_id: int, minutes: int, scenario: Scenario
) -> bool:
    """Does the booking dialog's slot list hold a slot inside the free time (every quarter
    hour of it, in the student's zone) that starts within 14 days?"""
    zone, free = ZoneInfo(scenario.student_zone), scenario.free_time
    today = scenario.now.astimezone(zone).date()
    for slot in slots.free_slots(
        student, gig_id, duration_minutes=minutes, from_date=today, to_date=today + timedelta(15)
    ):
        quarters = [slot.start_at + timedelta(minutes=15 * q) for q in range(minutes // 15)]
        local = [quarter.astimezone(zone) for quarter in quarters]
        if slot.start_at <= scenario.now + timedelta(days=14) and all(
            moment.weekday() in free.weekdays
            and free.start_hour * 60 <= moment.hour * 60 + moment.minute < free.end_hour * 60
            for moment in local
        ):
            return True
    return False


def test_the_reference_finds_both_free_and_busy_teachers_in_a_dst_fortnight() -> None:
    """The brute force is not vacuous: of two teachers with the same hours, the one off every
    day of the fortnight does not fit."""
    now = datetime(2027, 10, 26, 7, 5, tzinfo=UTC)  # Berlin changes clocks on the 31st
    every_day = tuple((weekday, 17 * 60, 19 * 60) for weekday in range(7))
    fits = Teacher("Europe/Berlin", every_day, (), (), (60,))
    off = Teacher(
        "Europe/Berlin", every_day, tuple(now.date() + timedelta(d) for d in range(17)), (), (60,)
    )
    scenario = Scenario(
        now, "Europe/Berlin", FreeTime(frozenset(range(7)), 17, 18), (fits, off), ()
    )
    assert fitting(scenario) == {(0, 0)}


def _book(ctx: ServiceContext, teacher_id: int, gig_id: int, start: datetime, pair: tuple) -> None:
    booker = add_user(ctx, email=f"b{start:%H%M}@example.com", role=Role.STUDENT)
    with ctx.unit_of_work() as uow:
        teacher, gig = uow.session.get(User, teacher_id), uow.session.get(Gig, gig_id)
        student = uow.session.get(User, booker.id)
        uow.session.add(booking_row(student, teacher, gig, start, start + timedelta(hours=1), pair))
        uow.commit()


def _day_off(ctx: ServiceContext, teacher_id: int, day: date) -> None:
    with ctx.unit_of_work() as uow:
        uow.session.add(AvailabilityException(teacher_id=teacher_id, local_date=day))
        uow.commit()


def test_a_catalogue_without_the_filter_refuses_a_search_by_free_time(
    ctx: ServiceContext, new_yorker: Actor
) -> None:
    with pytest.raises(ValidationError, match="not available"):
        CatalogueService(ctx).search_gigs(new_yorker, free_time=EVENINGS)
