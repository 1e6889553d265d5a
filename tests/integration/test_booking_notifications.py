"""Notifications driven by booking and payment changes, on SQLite and Postgres: the in-app inbox
by default, an SMTP copy (aiosmtpd) when configured, times in each reader's zone across the 2027
European DST change, .ics updates with the same UID and a higher SEQUENCE, reminders, and a
crash between sending and marking sent that re-sends with the same Message-ID."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import event

from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.errors import NotFound, ValidationError
from linguaflex_desktop.models import BookingStatus, JobState
from linguaflex_desktop.services.booking.events import (
    JOB_CREATE_MEETING,
    JOB_REMINDER,
    JOB_SEND_EMAIL,
    enable_email_delivery,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.messaging.calendar_invite import unfold
from tests.conftest import FakeClock
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    BEFORE_EU_DST,
    SmtpPeer,
    drain,
    jobs,
    kinds_of,
    make_glue,
    notifications_of,
    paid_booking,
    refund,
    smtp_peer,
)
from tests.integration.booking_helpers import SLOT, request, row_state


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


def ics_lines(text: str | None) -> list[str]:
    assert text is not None
    return unfold(text)


def test_request_lands_in_the_teachers_inbox_without_smtp_and_no_email_job(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx)
    booking = request(glue.bookings, glue.world, start_at=BEFORE_EU_DST)
    page = glue.notifications.list_inbox(glue.world.teacher)
    assert page.total == 1
    message = page.items[0]
    assert message.kind == "requested" and message.booking_id == booking.id
    assert message.subject == "New session request from Sam"
    assert "Fri 26 Mar 2027, 14:00 CET (Europe/Berlin)" in message.body_text
    assert message.message_id == (
        f"<booking-{booking.id}-requested-0-{glue.world.teacher.id}@linguaflex.local>"
    )
    assert glue.notifications.unread_count(glue.world.teacher) == 1
    assert glue.notifications.list_inbox(glue.world.student).total == 0
    assert jobs(ctx, JOB_SEND_EMAIL) == []


def test_a_rolled_back_transition_leaves_no_notification(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    booking = request(glue.bookings, glue.world)
    with pytest.raises(ValidationError):
        glue.bookings.decline_booking(glue.world.teacher, booking.id, reason="  ")
    assert kinds_of(ctx, glue.world.student) == []


def test_each_transition_tells_the_right_people(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    w = glue.world
    declined = request(glue.bookings, w, start_at=SLOT)
    glue.bookings.decline_booking(w.teacher, declined.id, reason="Away that week")
    kept = request(glue.bookings, w, start_at=SLOT + timedelta(hours=2))
    glue.bookings.confirm_booking(w.teacher, kept.id)
    dropped = request(glue.bookings, w, start_at=SLOT + timedelta(hours=4))
    glue.bookings.cancel_booking(w.student, dropped.id, reason="Changed plans")
    assert kinds_of(ctx, w.student) == ["declined", "confirmed", "cancelled"]
    assert kinds_of(ctx, w.teacher) == [
        "requested", "declined", "requested", "requested", "cancelled"
    ]  # fmt: skip
    student_rows = notifications_of(ctx, w.student.id)
    assert "Away that week" in student_rows[0].body_text
    confirmed_text = student_rows[1].body_text
    assert "Pay now" in confirmed_text and "52.50 USD" in confirmed_text
    assert student_rows[1].subject.endswith("pay now")


def test_expiry_and_payment_deadline_tell_both(ctx: ServiceContext, clock: FakeClock) -> None:
    glue = make_glue(ctx)
    w = glue.world
    unanswered = request(glue.bookings, w, start_at=SLOT + timedelta(days=7))
    unpaid = request(glue.bookings, w, start_at=SLOT + timedelta(days=8))
    glue.bookings.confirm_booking(w.teacher, unpaid.id)
    clock.advance(days=3)
    assert glue.due_transitions.run_due_transitions() == 2
    assert [row_state(ctx, b.id)[0] for b in (unanswered, unpaid)] == [BookingStatus.CANCELLED] * 2
    assert kinds_of(ctx, w.student) == ["confirmed", "expired", "payment_overdue"]
    assert kinds_of(ctx, w.teacher)[-2:] == ["expired", "payment_overdue"]


def test_paid_booking_gets_meeting_then_both_are_told_in_their_own_zones_with_ics(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx)
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    assert [job.kind for job in jobs(ctx, JOB_CREATE_MEETING)] == [JOB_CREATE_MEETING]
    assert "paid" not in kinds_of(ctx, w.student)  # told once the room exists
    drain(glue.worker)
    student = notifications_of(ctx, w.student.id)[-1]
    teacher = notifications_of(ctx, w.teacher.id)[-1]
    assert student.kind == teacher.kind == "paid"
    meeting = glue.meetings.meeting_for_booking(w.student, booking.id)
    assert meeting.join_url is not None and meeting.join_url in student.body_text
    assert "Mon 29 Mar 2027, 09:00 EDT (America/New_York) to 10:00 EDT" in student.body_text
    assert "Mon 29 Mar 2027, 15:00 CEST (Europe/Berlin) to 16:00 CEST" in teacher.body_text
    lines = ics_lines(student.ics)
    assert "METHOD:REQUEST" in lines and f"UID:booking-{booking.id}@linguaflex.local" in lines
    assert "DTSTART:20270329T130000Z" in lines and "SEQUENCE:0" in lines
    assert f"URL:{meeting.join_url}" in lines
    assert glue.notifications.get_ics(w.teacher, teacher.id) == student.ics


def test_times_before_the_european_change_show_winter_time_in_berlin(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    paid_booking(glue, start_at=BEFORE_EU_DST)
    drain(glue.worker)
    teacher = notifications_of(ctx, glue.world.teacher.id)[-1]
    student = notifications_of(ctx, glue.world.student.id)[-1]
    assert "Fri 26 Mar 2027, 14:00 CET (Europe/Berlin)" in teacher.body_text
    assert "Fri 26 Mar 2027, 09:00 EDT (America/New_York)" in student.body_text
    assert "DTSTART:20270326T130000Z" in ics_lines(student.ics)


def test_reschedule_of_a_paid_booking_sends_same_uid_with_higher_sequence(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx)
    w = glue.world
    booking = paid_booking(glue, start_at=BEFORE_EU_DST)
    drain(glue.worker)
    proposal = glue.reschedules.propose_reschedule(w.teacher, booking.id, start_at=AFTER_EU_DST)
    glue.reschedules.accept_reschedule(w.student, proposal.id)
    moved = notifications_of(ctx, w.student.id)[-1]
    assert moved.kind == "rescheduled"
    assert "was Fri 26 Mar 2027, 09:00 EDT (America/New_York)" in moved.body_text
    assert (
        moved.message_id == f"<booking-{booking.id}-rescheduled-1-{w.student.id}@linguaflex.local>"
    )
    first = notifications_of(ctx, w.student.id)[-2]
    old, new = ics_lines(first.ics), ics_lines(moved.ics)
    uid = f"UID:booking-{booking.id}@linguaflex.local"
    assert uid in old and uid in new
    assert "SEQUENCE:0" in old and "SEQUENCE:1" in new
    assert "DTSTART:20270329T130000Z" in new
    teacher_moved = notifications_of(ctx, w.teacher.id)[-1]
    assert "Mon 29 Mar 2027, 15:00 CEST (Europe/Berlin)" in teacher_moved.body_text


def test_refund_tells_both_with_a_cancelling_invite(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    refund(glue, booking.id, reason="Teacher ill")
    for user in (w.student, w.teacher):
        last = notifications_of(ctx, user.id)[-1]
        assert last.kind == "refunded" and "Teacher ill" in last.body_text
        lines = ics_lines(last.ics)
        assert "METHOD:CANCEL" in lines and "STATUS:CANCELLED" in lines
        assert "SEQUENCE:1" in lines


def test_reminders_are_enqueued_at_24_and_1_hours_and_sent_when_due(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    glue = make_glue(ctx)
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    reminders = jobs(ctx, JOB_REMINDER)
    assert sorted(job.next_attempt_at for job in reminders) == [
        AFTER_EU_DST - timedelta(hours=24),
        AFTER_EU_DST - timedelta(hours=1),
    ]
    drain(glue.worker)
    assert "reminder_24h" not in kinds_of(ctx, w.student)
    clock.set(AFTER_EU_DST - timedelta(hours=24))
    drain(glue.worker)
    reminder = notifications_of(ctx, w.student.id)[-1]
    assert reminder.kind == "reminder_24h" and "starts in 24 hours" in reminder.body_text
    assert "https://meet.example.org/LinguaFlex-" in reminder.body_text
    clock.set(AFTER_EU_DST - timedelta(minutes=59))
    drain(glue.worker)
    assert kinds_of(ctx, w.teacher)[-2:] == ["reminder_24h", "reminder_1h"]
    assert booking.id == reminder.booking_id


def test_reminders_follow_a_reschedule_and_the_old_ones_do_nothing(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    glue = make_glue(ctx)
    w = glue.world
    booking = paid_booking(glue, start_at=BEFORE_EU_DST)
    drain(glue.worker)
    proposal = glue.reschedules.propose_reschedule(w.student, booking.id, start_at=AFTER_EU_DST)
    glue.reschedules.accept_reschedule(w.teacher, proposal.id)
    assert len(jobs(ctx, JOB_REMINDER)) == 4
    clock.set(BEFORE_EU_DST - timedelta(minutes=30))  # the old reminders are both due now
    drain(glue.worker)
    assert not any(kind.startswith("reminder") for kind in kinds_of(ctx, w.student))
    assert all(job.state is JobState.DONE for job in jobs(ctx, JOB_REMINDER)[:2])
    clock.set(AFTER_EU_DST - timedelta(hours=1))
    drain(glue.worker)
    assert kinds_of(ctx, w.student)[-2:] == ["reminder_24h", "reminder_1h"]


def test_with_smtp_each_notification_is_emailed_and_kept_in_the_inbox(
    ctx: ServiceContext, smtp: SmtpPeer
) -> None:
    enable_email_delivery(ctx.session_factory)
    glue = make_glue(ctx, mailer=SmtpMailer(smtp.settings))
    w = glue.world
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    inbox_rows = notifications_of(ctx, w.student.id) + notifications_of(ctx, w.teacher.id)
    assert all(row.emailed_at is not None for row in inbox_rows)
    messages = smtp.inbox.messages()
    assert sorted(m["Message-ID"] for m in messages) == sorted(r.message_id for r in inbox_rows)
    paid_mail = next(
        m for m in messages if m["To"] == "sam@example.com" and "booked" in m["Subject"]
    )
    calendar = [part for part in paid_mail.walk() if part.get_content_type() == "text/calendar"]
    assert calendar and calendar[0].get_param("method") == "REQUEST"
    assert f"booking-{booking.id}@linguaflex.local" in calendar[0].get_content()
    body = paid_mail.get_body(preferencelist=("plain",))
    assert body is not None and "09:00 EDT (America/New_York)" in body.get_content()
    assert glue.notifications.list_inbox(w.student).total == 2  # confirmed + paid


def test_crash_between_send_and_mark_resends_with_the_same_message_id(
    ctx: ServiceContext, smtp: SmtpPeer, clock: FakeClock
) -> None:
    class CrashAfterSend:
        """Sends for real, then the process "dies" before the notification is marked sent."""

        def __init__(self) -> None:
            self.real = SmtpMailer(smtp.settings)
            self.crashes = 1

        def send(self, message: EmailMessage) -> None:
            self.real.send(message)
            if self.crashes:
                self.crashes -= 1
                raise RuntimeError("simulated crash after sending")

    enable_email_delivery(ctx.session_factory)
    glue = make_glue(ctx, mailer=CrashAfterSend())
    booking = request(glue.bookings, glue.world)
    drain(glue.worker)
    [job] = jobs(ctx, JOB_SEND_EMAIL)
    assert job.state is JobState.PENDING and job.attempts == 1
    assert notifications_of(ctx, glue.world.teacher.id)[0].emailed_at is None
    clock.advance(seconds=5)
    drain(glue.worker)
    ids = [message["Message-ID"] for message in smtp.inbox.messages()]
    expected = f"<booking-{booking.id}-requested-0-{glue.world.teacher.id}@linguaflex.local>"
    assert ids == [expected, expected]
    assert notifications_of(ctx, glue.world.teacher.id)[0].emailed_at is not None
    assert jobs(ctx, JOB_SEND_EMAIL)[0].state is JobState.DONE


def test_inbox_read_state_and_privacy(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    w = glue.world
    request(glue.bookings, w)
    [message] = glue.notifications.list_inbox(w.teacher).items
    assert not message.is_read and message.has_ics is False
    assert glue.notifications.mark_read(w.teacher, message.id).is_read
    assert glue.notifications.unread_count(w.teacher) == 0
    with pytest.raises(NotFound):
        glue.notifications.get_notification(w.student, message.id)
    with pytest.raises(NotFound):
        glue.notifications.mark_read(w.other_teacher, message.id)
    assert glue.notifications.get_ics(w.teacher, message.id) is None


def test_the_inbox_reads_its_page_and_both_counts_in_one_transaction_of_three_statements(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx)
    first = request(glue.bookings, glue.world, start_at=BEFORE_EU_DST)
    request(glue.bookings, glue.world, start_at=BEFORE_EU_DST + timedelta(days=1))
    request(glue.bookings, glue.world, start_at=BEFORE_EU_DST + timedelta(days=2))
    teacher = glue.world.teacher
    [read] = [m for m in glue.notifications.list_inbox(teacher).items if m.booking_id == first.id]
    glue.notifications.mark_read(teacher, read.id)
    engine = ctx.session_factory.kw["bind"]
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        sent.append(statement.split()[0].upper())

    event.listen(engine, "before_cursor_execute", note)
    try:
        page, unread = glue.notifications.inbox(teacher, offset=1, limit=1)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert (page.total, unread) == (3, 2)
    assert page == glue.notifications.list_inbox(teacher, offset=1, limit=1)
    assert unread == glue.notifications.unread_count(teacher)
    assert len(page.items) == 1
    assert [s for s in sent if s == "SELECT"] == ["SELECT"] * 3  # the user, the counts, the page
    assert sent.count("BEGIN") <= 1
    assert glue.notifications.inbox(glue.world.student) == (
        glue.notifications.list_inbox(glue.world.student),
        0,
    )
