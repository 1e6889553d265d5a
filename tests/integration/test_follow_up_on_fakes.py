"""The meeting and notification jobs against ``FakeMeetingProvider`` and ``FakeMailer`` (no
Zoom server, no SMTP server), on SQLite and Postgres: what the outbox does when the provider
or the mail server asks to be tried again later. The adapters themselves are tested against
the fake Zoom HTTP server (test_meeting_provider.py) and aiosmtpd (test_mailer.py)."""

from __future__ import annotations

import pytest

from linguaflex_desktop.errors import ExternalServiceError, OutcomeUnknown, RetryLater
from linguaflex_desktop.models import JobState, MeetingStatus
from linguaflex_desktop.services.booking.events import (
    JOB_CREATE_MEETING,
    JOB_SEND_EMAIL,
    enable_email_delivery,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.jobs import JobAdminService
from tests.conftest import FakeClock
from tests.fakes import FakeMailer, FakeMeetingProvider
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    drain,
    jobs,
    make_glue,
    meeting_row,
    notifications_of,
    paid_booking,
)
from tests.integration.booking_helpers import request


def test_zoom_retry_later_keeps_the_meeting_pending_and_the_next_run_creates_it_once(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    zoom = FakeMeetingProvider()
    zoom.script("create", RetryLater(None, "Zoom rate limit reached"))
    glue = make_glue(ctx, provider=zoom)
    booking = paid_booking(glue, start_at=AFTER_EU_DST)

    drain(glue.worker)

    pending = meeting_row(ctx, booking.id)
    assert pending is not None and pending.status is MeetingStatus.PENDING
    assert "Zoom rate limit reached" in (pending.failure_reason or "")
    [job] = jobs(ctx, JOB_CREATE_MEETING)
    assert job.state is JobState.PENDING and job.attempts == 1
    clock.advance(seconds=5)
    drain(glue.worker)
    ready = meeting_row(ctx, booking.id)
    assert ready is not None and ready.status is MeetingStatus.READY
    assert ready.external_id in zoom.meetings and len(zoom.meetings) == 1
    assert len(zoom.calls_to("create")) == 2
    assert jobs(ctx, JOB_CREATE_MEETING)[0].state is JobState.DONE


def test_a_mail_server_asking_to_retry_later_gets_the_same_message_again_and_it_is_marked_sent(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    mailer = FakeMailer()
    mailer.script("send", RetryLater(None, "451 try again later"))
    enable_email_delivery(ctx.session_factory)
    glue = make_glue(ctx, mailer=mailer)
    booking = request(glue.bookings, glue.world)
    teacher = glue.world.teacher

    drain(glue.worker)

    [job] = jobs(ctx, JOB_SEND_EMAIL)
    assert job.state is JobState.PENDING and job.attempts == 1
    assert mailer.sent == [] and notifications_of(ctx, teacher.id)[0].emailed_at is None
    clock.advance(seconds=5)
    drain(glue.worker)
    expected = f"<booking-{booking.id}-requested-0-{teacher.id}@linguaflex.local>"
    assert mailer.message_ids() == [expected]
    assert [call.args[0]["Message-ID"] for call in mailer.calls] == [expected, expected]
    assert notifications_of(ctx, teacher.id)[0].emailed_at is not None
    assert jobs(ctx, JOB_SEND_EMAIL)[0].state is JobState.DONE


class _Killed(BaseException):
    """Stands in for SIGKILL inside the mailer: nothing after it runs, not even ``except``."""


def test_a_killed_send_is_not_resent_by_itself_and_the_admins_retry_sends_it_once(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    mailer = FakeMailer()
    enable_email_delivery(ctx.session_factory)
    glue = make_glue(ctx, mailer=mailer)
    request(glue.bookings, glue.world)
    teacher = glue.world.teacher
    mailer.script("send", _Killed())

    with pytest.raises(_Killed):  # the process "dies" inside SMTP: the job stays RUNNING
        drain(glue.worker)
    clock.advance(minutes=6)
    assert glue.worker.recover_stale() == 1
    drain(glue.worker)

    [job] = jobs(ctx, JOB_SEND_EMAIL)
    assert job.state is JobState.DEAD
    assert "may have been delivered" in (job.last_error or "")
    assert mailer.sent == [] and len(mailer.calls_to("send")) == 1  # not sent a second time
    [row] = notifications_of(ctx, teacher.id)
    assert row.emailed_at is None and row.email_handed_at is not None  # still in the inbox

    JobAdminService(ctx).retry_dead(glue.world.admin, job.id)
    drain(glue.worker)
    assert len(mailer.sent) == 1
    assert notifications_of(ctx, teacher.id)[0].emailed_at is not None
    assert jobs(ctx, JOB_SEND_EMAIL)[0].state is JobState.DONE


def test_a_connection_lost_after_the_data_dead_letters_at_once_and_a_refusal_is_retried(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    mailer = FakeMailer()
    mailer.script(
        "send",
        ExternalServiceError("554 refused"),
        OutcomeUnknown("connection lost; it may have been delivered"),
    )
    enable_email_delivery(ctx.session_factory)
    glue = make_glue(ctx, mailer=mailer)
    request(glue.bookings, glue.world)
    teacher = glue.world.teacher

    drain(glue.worker)  # refused: not taken, so the hand-over is cleared and retried later
    [job] = jobs(ctx, JOB_SEND_EMAIL)
    assert job.state is JobState.PENDING and job.attempts == 1
    assert notifications_of(ctx, teacher.id)[0].email_handed_at is None
    clock.advance(minutes=20)
    drain(glue.worker)  # outcome unknown: dead at once, with attempts left
    [job] = jobs(ctx, JOB_SEND_EMAIL)
    assert job.state is JobState.DEAD and job.attempts == 2 < job.max_attempts
    clock.advance(hours=2)
    drain(glue.worker)
    assert len(mailer.calls_to("send")) == 2 and mailer.sent == []
