"""The booking lists carry each booking's meeting state and a "new time proposed" flag, on
SQLite and Postgres: the same state the meeting service shows (pending / ready / failed with
its reason / cancelled / none), in every list and in the single-booking DTOs of transitions,
and a page costs the same few statements however many rows it holds (no query per row)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event

from linguaflex_desktop.adapters.meetings import JitsiMeetingProvider, MeetingInfo
from linguaflex_desktop.models import MeetingStatus
from linguaflex_desktop.services.booking.dto import BookingDTO, BookingFilter
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest import FakeClock
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    Glue,
    drain,
    make_glue,
    paid_booking,
    refund,
)
from tests.integration.booking_helpers import confirmed, request


class DownProvider(JitsiMeetingProvider):
    """A meeting provider that is down: every create fails."""

    def create(
        self,
        booking_reference: str,
        *,
        topic: str,
        start_at: datetime,
        duration_minutes: int,
        host_email: str | None = None,
    ) -> MeetingInfo:
        raise ConnectionError("provider unreachable")


def listed(glue: Glue, viewer: Actor, booking_id: int) -> BookingDTO:
    page = glue.bookings.list_bookings(viewer, limit=100)
    return next(item for item in page.items if item.id == booking_id)


def scheduled(glue: Glue, booking_id: int) -> BookingDTO | None:
    """The booking in the teacher's schedule (None: not there, e.g. cancelled)."""
    items = glue.bookings.teacher_schedule(
        glue.world.teacher,
        from_at=AFTER_EU_DST - timedelta(days=30),
        to_at=AFTER_EU_DST + timedelta(days=30),
    )
    return next((item for item in items if item.id == booking_id), None)


def assert_everywhere(glue: Glue, booking_id: int, status: MeetingStatus | None) -> BookingDTO:
    """Every list of every role, and the detail, agree with the meeting service."""
    w = glue.world
    seen = [listed(glue, viewer, booking_id) for viewer in (w.student, w.teacher, w.admin)]
    in_schedule = scheduled(glue, booking_id)
    if in_schedule is not None:
        seen.append(in_schedule)
    seen.append(glue.bookings.get_booking(w.student, booking_id).booking)
    assert [item.meeting_status for item in seen] == [status] * len(seen)
    assert glue.meetings.meeting_for_booking(w.student, booking_id).status is status
    return seen[0]


def test_meeting_state_in_the_lists_follows_the_booking_from_unpaid_to_refunded(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx)
    booking = confirmed(glue.bookings, glue.world, start_at=AFTER_EU_DST)
    assert_everywhere(glue, booking.id, None)
    drain(glue.worker)
    paid = paid_booking(glue, start_at=AFTER_EU_DST + timedelta(hours=2))
    assert_everywhere(glue, paid.id, MeetingStatus.PENDING)  # the create job has not run
    drain(glue.worker)
    ready = assert_everywhere(glue, paid.id, MeetingStatus.READY)
    assert ready.meeting_reason == ""
    refund(glue, paid.id)
    assert_everywhere(glue, paid.id, MeetingStatus.DELETED)  # before the delete job ran
    drain(glue.worker)
    assert_everywhere(glue, paid.id, MeetingStatus.DELETED)


def test_a_dead_lettered_meeting_is_failed_with_its_reason_in_the_lists(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    glue = make_glue(ctx, provider=DownProvider("https://meet.example.org"), max_delay=5.0)
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    pending = assert_everywhere(glue, booking.id, MeetingStatus.PENDING)
    assert pending.meeting_reason.startswith("Attempt 1 failed, retrying: provider unreachable")
    for _ in range(8):
        clock.advance(seconds=10)
        drain(glue.worker)
    failed = assert_everywhere(glue, booking.id, MeetingStatus.FAILED)
    assert failed.meeting_reason.startswith("Gave up after 8 attempts: provider unreachable")


def test_open_reschedule_is_flagged_until_it_is_answered(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    w = glue.world
    booking = request(glue.bookings, w, start_at=AFTER_EU_DST)
    other = request(glue.bookings, w, start_at=AFTER_EU_DST + timedelta(days=1))
    proposal = glue.bookings.propose_reschedule(
        w.student, booking.id, start_at=AFTER_EU_DST + timedelta(hours=3)
    )
    for viewer in (w.student, w.teacher, w.admin):
        assert listed(glue, viewer, booking.id).has_open_proposal
        assert not listed(glue, viewer, other.id).has_open_proposal
    in_schedule = scheduled(glue, booking.id)
    assert in_schedule is not None and in_schedule.has_open_proposal
    [queued] = [b for b in glue.bookings.teacher_request_queue(w.teacher) if b.id == booking.id]
    assert queued.has_open_proposal
    moved = glue.bookings.accept_reschedule(w.teacher, proposal.id)
    assert not moved.has_open_proposal  # the transition's own DTO knows it too
    assert not listed(glue, w.student, booking.id).has_open_proposal
    second = glue.bookings.propose_reschedule(
        w.teacher, other.id, start_at=AFTER_EU_DST + timedelta(days=1, hours=2)
    )
    assert glue.bookings.get_booking(w.student, other.id).booking.has_open_proposal
    glue.bookings.decline_reschedule(w.student, second.id)
    assert not listed(glue, w.admin, other.id).has_open_proposal


@contextmanager
def counted_statements(ctx: ServiceContext) -> Iterator[list[str]]:
    with ctx.unit_of_work(write=False) as uow:
        engine = uow.session.get_bind()
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_a_page_costs_the_same_statements_for_two_rows_or_twelve(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    w = glue.world
    first = paid_booking(glue, start_at=AFTER_EU_DST)
    second = request(glue.bookings, w, start_at=AFTER_EU_DST + timedelta(hours=2))
    glue.bookings.propose_reschedule(
        w.student, second.id, start_at=AFTER_EU_DST + timedelta(hours=5)
    )
    drain(glue.worker)

    def statements_for_a_page() -> int:
        with counted_statements(ctx) as statements:
            page = glue.bookings.list_bookings(w.admin, filters=BookingFilter(), limit=50)
        assert page.items[0].id == first.id and page.items[0].meeting_status is MeetingStatus.READY
        return len(statements)

    few = statements_for_a_page()
    for day in range(1, 6):
        paid_booking(glue, start_at=AFTER_EU_DST + timedelta(days=day))
        request(glue.bookings, w, start_at=AFTER_EU_DST + timedelta(days=day, hours=2))
    drain(glue.worker)
    assert glue.bookings.count_bookings(w.admin) == 12
    assert statements_for_a_page() == few
