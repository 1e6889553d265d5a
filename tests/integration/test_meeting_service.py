"""Meetings of paid bookings, on SQLite and Postgres: a Jitsi room by default, Zoom against the
fake Zoom server; Zoom failures keep the booking PAID with "meeting pending", then ready or
failed (dead letter) — never a refund; refunds delete the meeting; a crash after Zoom created a
meeting leaves one live meeting; who may see which link."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from linguaflex_desktop.adapters.meetings import MeetingInfo, ZoomMeetingProvider
from linguaflex_desktop.adapters.zoom import ZoomClient
from linguaflex_desktop.config import ZoomSettings
from linguaflex_desktop.errors import Conflict, PermissionDenied
from linguaflex_desktop.models import BookingStatus, JobState, MeetingStatus, PaymentStatus
from linguaflex_desktop.models import MeetingProvider as ProviderName
from linguaflex_desktop.services.booking.events import JOB_CREATE_MEETING, JOB_DELETE_MEETING
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.jobs import JobAdminService
from tests.conftest import FakeClock
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    BEFORE_EU_DST,
    Glue,
    drain,
    jobs,
    kinds_of,
    make_glue,
    meeting_row,
    notifications_of,
    paid_booking,
    refund,
)
from tests.integration.booking_helpers import confirmed, row_state
from tests.integration.fake_zoom_server import FakeZoom

MEETINGS_PATH = "/v2/users/me/meetings"


class SimulatedCrash(BaseException):
    """The process dies: nothing after it runs (not caught by the worker)."""


@pytest.fixture
def zoom() -> Iterator[FakeZoom]:
    server = FakeZoom().start()
    yield server
    server.stop()


@pytest.fixture
def zoom_provider(zoom: FakeZoom) -> Iterator[ZoomMeetingProvider]:
    settings = ZoomSettings(
        account_id=zoom.account_id,
        client_id=zoom.client_id,
        client_secret=zoom.client_secret,
        api_base=zoom.api_base,
        oauth_base=zoom.oauth_base,
    )
    client = ZoomClient.from_settings(settings, timeout=5.0)
    yield ZoomMeetingProvider(client)
    client.close()


def create_job(ctx: ServiceContext) -> Any:
    [job] = jobs(ctx, JOB_CREATE_MEETING)
    return job


def test_paid_booking_gets_a_jitsi_room_visible_by_role(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    for viewer in (w.student, w.teacher, w.admin):
        assert glue.meetings.meeting_for_booking(viewer, booking.id).label == "Meeting pending"
    drain(glue.worker)
    student = glue.meetings.meeting_for_booking(w.student, booking.id)
    teacher = glue.meetings.meeting_for_booking(w.teacher, booking.id)
    admin = glue.meetings.meeting_for_booking(w.admin, booking.id)
    assert student.status is MeetingStatus.READY and student.provider is ProviderName.JITSI
    assert student.join_url is not None
    assert student.join_url.startswith("https://meet.example.org/LinguaFlex-")
    assert len(student.join_url.removeprefix("https://meet.example.org/LinguaFlex-")) >= 16
    assert student.host_url is None and teacher.host_url == student.join_url
    assert admin.status is MeetingStatus.READY and admin.join_url is admin.host_url is None
    assert glue.meetings.join_url(w.student, booking.id) == student.join_url
    assert glue.meetings.fresh_start_url(w.teacher, booking.id) == student.join_url
    with pytest.raises(PermissionDenied):
        glue.meetings.meeting_for_booking(w.other_student, booking.id)
    with pytest.raises(PermissionDenied):
        glue.meetings.fresh_start_url(w.other_teacher, booking.id)
    with pytest.raises(PermissionDenied):
        glue.meetings.fresh_start_url(w.student, booking.id)


def test_no_meeting_link_without_payment(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    booking = confirmed(glue.bookings, glue.world, start_at=AFTER_EU_DST)
    drain(glue.worker)
    dto = glue.meetings.meeting_for_booking(glue.world.student, booking.id)
    assert dto.status is None and dto.join_url is None
    with pytest.raises(Conflict, match="until the session is paid"):
        glue.meetings.join_url(glue.world.student, booking.id)
    with pytest.raises(Conflict):
        glue.meetings.fresh_start_url(glue.world.teacher, booking.id)
    assert meeting_row(ctx, booking.id) is None


def test_zoom_meeting_is_created_with_both_names_and_a_fresh_host_link(
    ctx: ServiceContext, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    [meeting_id] = zoom.live_meeting_ids()
    stored = zoom.meetings[meeting_id]
    assert stored["topic"] == "Conversational German — Tina & Sam"
    assert stored["start_time"] == "2027-03-29T13:00:00Z" and stored["duration"] == 60
    assert f"[LinguaFlex booking-{booking.id}-" in stored["agenda"]
    teacher = glue.meetings.meeting_for_booking(glue.world.teacher, booking.id)
    assert teacher.provider is ProviderName.ZOOM and teacher.join_url == stored["join_url"]
    assert teacher.password == stored["password"]
    first = glue.meetings.fresh_start_url(glue.world.teacher, booking.id)
    second = glue.meetings.fresh_start_url(glue.world.teacher, booking.id)
    assert first.startswith(f"https://zoom.example/s/{meeting_id}") and first != second
    paid = notifications_of(ctx, glue.world.student)[-1]
    assert paid.kind == "paid" and stored["join_url"] in paid.body_text
    assert stored["password"] in paid.body_text


def test_zoom_500_then_429_keeps_booking_paid_and_pending_then_ready(
    ctx: ServiceContext, clock: FakeClock, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    w = glue.world
    zoom.fail_next("POST", MEETINGS_PATH, 500, code=500, message="Internal error")
    zoom.fail_next("POST", MEETINGS_PATH, 429, message="Too many", headers={"Retry-After": "30"})
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    job = create_job(ctx)
    assert job.state is JobState.PENDING and job.attempts == 1
    assert job.next_attempt_at == clock.current + timedelta(seconds=2)
    for viewer in (w.student, w.teacher, w.admin):
        dto = glue.meetings.meeting_for_booking(viewer, booking.id)
        assert dto.status is MeetingStatus.PENDING and dto.join_url is None
        assert dto.failure_reason is not None and "Attempt 1 failed" in dto.failure_reason
    assert row_state(ctx, booking.id)[:2] == (BookingStatus.CONFIRMED, PaymentStatus.PAID)
    clock.advance(seconds=2)
    drain(glue.worker)
    job = create_job(ctx)
    assert job.next_attempt_at == clock.current + timedelta(seconds=30)
    assert job.attempts == 1  # a wait Zoom scheduled uses up no attempt
    clock.advance(seconds=29)
    assert drain(glue.worker) == 0  # Retry-After honoured
    clock.advance(seconds=1)
    drain(glue.worker)
    assert create_job(ctx).state is JobState.DONE
    assert glue.meetings.meeting_for_booking(w.student, booking.id).status is MeetingStatus.READY
    assert len(zoom.live_meeting_ids()) == 1
    assert kinds_of(ctx, w.student)[-1] == "paid"  # told once, with the link
    assert row_state(ctx, booking.id)[:2] == (BookingStatus.CONFIRMED, PaymentStatus.PAID)


def fail_attempts(glue: Glue, clock: FakeClock, zoom: FakeZoom, attempts: int) -> None:
    zoom.fail_next("POST", MEETINGS_PATH, 503, message="Unavailable", times=attempts)
    for _ in range(attempts):
        drain(glue.worker)
        clock.advance(seconds=20)


def test_after_three_failures_both_hear_meeting_pending_then_get_the_link(
    ctx: ServiceContext, clock: FakeClock, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider, max_delay=10.0)
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    fail_attempts(glue, clock, zoom, 2)
    assert "paid" not in kinds_of(ctx, w.student)
    fail_attempts(glue, clock, zoom, 1)
    pending = notifications_of(ctx, w.student)[-1]
    assert pending.kind == "paid" and "meeting pending" in pending.body_text
    assert pending.ics is None
    drain(glue.worker)
    ready = notifications_of(ctx, w.teacher)[-1]
    assert ready.kind == "meeting_ready" and ready.ics is not None
    assert zoom.meetings[zoom.live_meeting_ids()[0]]["join_url"] in ready.body_text
    assert glue.meetings.meeting_for_booking(w.admin, booking.id).failure_reason is None


def test_dead_lettered_meeting_is_failed_with_reason_payment_untouched_and_retry_works(
    ctx: ServiceContext, clock: FakeClock, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider, max_delay=10.0)
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    fail_attempts(glue, clock, zoom, create_job(ctx).max_attempts)
    assert create_job(ctx).state is JobState.DEAD
    for viewer in (w.student, w.teacher, w.admin):
        dto = glue.meetings.meeting_for_booking(viewer, booking.id)
        assert dto.status is MeetingStatus.FAILED
        assert dto.label.startswith("Meeting failed: Gave up after 8 attempts")
    assert row_state(ctx, booking.id)[:2] == (BookingStatus.CONFIRMED, PaymentStatus.PAID)
    assert kinds_of(ctx, w.student).count("paid") == 1
    assert zoom.live_meeting_ids() == []
    JobAdminService(ctx).retry_dead(w.admin, create_job(ctx).id)
    drain(glue.worker)
    assert glue.meetings.meeting_for_booking(w.student, booking.id).status is MeetingStatus.READY
    assert kinds_of(ctx, w.student)[-1] == "meeting_ready"


def test_refund_deletes_the_zoom_meeting_and_tells_both(
    ctx: ServiceContext, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    assert len(zoom.live_meeting_ids()) == 1
    refund(glue, booking.id)
    drain(glue.worker)
    assert zoom.live_meeting_ids() == []
    meeting = meeting_row(ctx, booking.id)
    assert meeting is not None and meeting.status is MeetingStatus.DELETED
    assert kinds_of(ctx, w.student)[-1] == kinds_of(ctx, w.teacher)[-1] == "refunded"
    dto = glue.meetings.meeting_for_booking(w.student, booking.id)
    assert dto.label == "Meeting cancelled" and dto.join_url is None


def test_refund_before_the_meeting_job_ran_creates_nothing(
    ctx: ServiceContext, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    refund(glue, booking.id)
    drain(glue.worker)
    assert zoom.live_meeting_ids() == [] and zoom.meetings == {}
    assert meeting_row(ctx, booking.id) is None


def test_refund_while_zoom_creates_the_meeting_takes_it_down_again(
    ctx: ServiceContext, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    holder: dict[str, Glue] = {}

    class RefundDuringCreate:
        def create(self, reference: str, **options: Any) -> MeetingInfo:
            info = zoom_provider.create(reference, **options)
            refund(holder["glue"], booking_id)  # an admin refunds meanwhile
            return info

        def delete(self, external_id: str) -> None:
            zoom_provider.delete(external_id)

        def fresh_host_url(self, external_id: str) -> str:
            return zoom_provider.fresh_host_url(external_id)

    glue = make_glue(ctx, provider=zoom_provider)
    glue.meetings._provider = RefundDuringCreate()  # type: ignore[assignment]
    holder["glue"] = glue
    booking_id = paid_booking(glue, start_at=AFTER_EU_DST).id
    drain(glue.worker)
    assert zoom.live_meeting_ids() == []
    assert row_state(ctx, booking_id)[:2] == (BookingStatus.CANCELLED, PaymentStatus.REFUNDED)


def test_crash_after_zoom_created_the_meeting_leaves_one_live_meeting(
    ctx: ServiceContext, clock: FakeClock, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    class CrashAfterCreate:
        def create(self, reference: str, **options: Any) -> MeetingInfo:
            zoom_provider.create(reference, **options)
            raise SimulatedCrash

    crashing = make_glue(ctx, provider=zoom_provider)
    crashing.meetings._provider = CrashAfterCreate()  # type: ignore[assignment]
    booking = paid_booking(crashing, start_at=AFTER_EU_DST)
    with pytest.raises(SimulatedCrash):
        drain(crashing.worker)
    assert create_job(ctx).state is JobState.RUNNING and len(zoom.live_meeting_ids()) == 1
    # Restart: a new process whose worker takes back the interrupted job after its lease.
    restarted = make_glue(ctx, provider=zoom_provider, world=crashing.world, worker_id="w2")
    clock.advance(minutes=6)
    assert restarted.worker.recover_stale() == 1
    drain(restarted.worker)
    [live] = zoom.live_meeting_ids()
    dto = restarted.meetings.meeting_for_booking(crashing.world.student, booking.id)
    assert dto.status is MeetingStatus.READY and dto.join_url == zoom.meetings[live]["join_url"]
    assert create_job(ctx).state is JobState.DONE


def test_reschedule_moves_the_zoom_meeting_and_keeps_its_links(
    ctx: ServiceContext, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    w = glue.world
    booking = paid_booking(glue, start_at=BEFORE_EU_DST)
    drain(glue.worker)
    [meeting_id] = zoom.live_meeting_ids()
    join_url = zoom.meetings[meeting_id]["join_url"]
    proposal = glue.reschedules.propose_reschedule(w.teacher, booking.id, start_at=AFTER_EU_DST)
    glue.reschedules.accept_reschedule(w.student, proposal.id)
    drain(glue.worker)
    assert zoom.live_meeting_ids() == [meeting_id]
    assert zoom.meetings[meeting_id]["start_time"] == "2027-03-29T13:00:00Z"
    assert glue.meetings.join_url(w.student, booking.id) == join_url
    moved = notifications_of(ctx, w.student)[-1]
    assert moved.kind == "rescheduled" and join_url in moved.body_text


def test_a_stale_move_job_leaves_the_meeting_alone(
    ctx: ServiceContext, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    booking = paid_booking(glue, start_at=BEFORE_EU_DST)
    drain(glue.worker)
    [meeting_id] = zoom.live_meeting_ids()
    stale = {"booking_id": booking.id, "start_at": AFTER_EU_DST.isoformat()}
    glue.meetings.move_meeting_job(stale)
    assert zoom.meetings[meeting_id]["start_time"] == "2027-03-26T13:00:00Z"
    assert not any(request.method == "PATCH" for request in zoom.requests)


def test_zoom_daily_limit_is_waited_out_until_the_reset_without_dead_lettering(
    ctx: ServiceContext, clock: FakeClock, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    zoom.daily_limit = 0  # the default user made its 100 meetings today
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    for _ in range(create_job(ctx).max_attempts + 2):
        drain(glue.worker)
        job = create_job(ctx)
        assert (job.state, job.attempts) == (JobState.PENDING, 0)
        wait = (job.next_attempt_at - clock.current).total_seconds()
        assert 0 <= wait <= 24 * 3600 and job.last_error is not None
        assert "limit" in job.last_error
        clock.advance(seconds=wait)
    dto = glue.meetings.meeting_for_booking(glue.world.admin, booking.id)
    assert dto.status is MeetingStatus.PENDING
    assert dto.failure_reason is not None and dto.failure_reason.startswith("Waiting")
    zoom.daily_limit = 100  # 00:00 UTC: the count starts again
    drain(glue.worker)
    assert create_job(ctx).state is JobState.DONE
    assert len(zoom.live_meeting_ids()) == 1


def test_refund_during_the_session_deletes_the_meeting_after_its_end(
    ctx: ServiceContext, clock: FakeClock, zoom: FakeZoom, zoom_provider: ZoomMeetingProvider
) -> None:
    glue = make_glue(ctx, provider=zoom_provider)
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    [meeting_id] = zoom.live_meeting_ids()
    zoom.set_status(meeting_id, "started")
    refund(glue, booking.id)
    drain(glue.worker)
    [delete_job] = jobs(ctx, JOB_DELETE_MEETING)
    assert delete_job.state is JobState.PENDING  # in progress (3002): not a dead end
    assert delete_job.next_attempt_at >= booking.end_at
    meeting = meeting_row(ctx, booking.id)
    assert meeting is not None and meeting.status is MeetingStatus.READY
    zoom.set_status(meeting_id, "finished")
    clock.advance(seconds=(delete_job.next_attempt_at - clock.current).total_seconds())
    drain(glue.worker)
    assert jobs(ctx, JOB_DELETE_MEETING)[0].state is JobState.DONE  # ended (3007): nothing to do
    meeting = meeting_row(ctx, booking.id)
    assert meeting is not None and meeting.status is MeetingStatus.DELETED
