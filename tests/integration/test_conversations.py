"""A booking's conversation on SQLite and Postgres: who may write and read, unread counts per
party, contact details masked for the other party until the booking's first payment (and
not after), the new-message notice in the inbox and by e-mail at most once per window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.errors import NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import BookingMessage, PaymentStatus
from linguaflex_desktop.services.booking.events import JOB_SEND_EMAIL, enable_email_delivery
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.messaging.contact_mask import CONTACT_MASK
from linguaflex_desktop.services.messaging.conversations import ConversationService
from tests.conftest import FakeClock
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    Glue,
    SmtpPeer,
    drain,
    jobs,
    make_glue,
    notifications_of,
    pay,
    smtp_peer,
)
from tests.integration.booking_helpers import confirmed, request, set_payment


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


def _glue(ctx: ServiceContext, **kwargs: object) -> tuple[Glue, ConversationService]:
    return make_glue(ctx, **kwargs), ConversationService(ctx)  # type: ignore[arg-type]


def test_student_and_teacher_talk_and_each_sees_their_unread_count(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    glue, chat = _glue(ctx)
    w = glue.world
    booking = request(glue.bookings, w, start_at=AFTER_EU_DST)
    sent = chat.send_message(w.student, booking.id, "  Hello! Can we focus on grammar?  \n")
    assert sent.body == "Hello! Can we focus on grammar?" and sent.is_mine
    clock.advance(minutes=1)
    chat.send_message(w.student, booking.id, "And some listening.")
    assert chat.unread_counts(w.teacher).total == 2
    assert dict(chat.unread_counts(w.teacher).by_booking) == {booking.id: 2}
    assert chat.unread_counts(w.student).total == 0

    seen = chat.list_messages(w.teacher, booking.id)
    assert [m.body for m in seen.messages] == [
        "Hello! Can we focus on grammar?",
        "And some listening.",
    ]
    assert [m.author_name for m in seen.messages] == ["Sam", "Sam"]
    assert seen.unread == 2 and all(m.is_unread and not m.is_mine for m in seen.messages)
    assert seen.can_send and seen.other_party_name == "Sam"

    assert chat.mark_read(w.teacher, booking.id) == 2
    assert chat.unread_counts(w.teacher).total == 0
    assert chat.mark_read(w.teacher, booking.id) == 0  # again: nothing left
    clock.advance(minutes=1)
    chat.send_message(w.teacher, booking.id, "Sure, see you then.")
    assert chat.unread_counts(w.student).total == 1
    student_view = chat.list_messages(w.student, booking.id)
    assert [m.is_mine for m in student_view.messages] == [True, True, False]
    assert student_view.messages[0].read_at == clock.current - timedelta(minutes=1)


def test_a_third_user_may_neither_read_nor_write_and_an_admin_only_reads(
    ctx: ServiceContext,
) -> None:
    glue, chat = _glue(ctx)
    w = glue.world
    booking = request(glue.bookings, w)
    chat.send_message(w.student, booking.id, "Hi, my number is +44 20 7946 0958")
    for outsider in (w.other_student, w.other_teacher):
        with pytest.raises(PermissionDenied):
            chat.send_message(outsider, booking.id, "Hello")
        with pytest.raises(PermissionDenied):
            chat.list_messages(outsider, booking.id)
        with pytest.raises(PermissionDenied):
            chat.mark_read(outsider, booking.id)
        assert chat.unread_counts(outsider).total == 0
    with pytest.raises(PermissionDenied, match="only the booking's student and teacher write"):
        chat.send_message(w.admin, booking.id, "Admin here")
    with pytest.raises(PermissionDenied):
        chat.send_message(w.suspended_student, booking.id, "Hello")
    admin_view = chat.list_messages(w.admin, booking.id)
    # the admin reads the words as written (moderation), and cannot write
    assert [m.body for m in admin_view.messages] == ["Hi, my number is +44 20 7946 0958"]
    assert not admin_view.can_send and "Admins can read" in admin_view.send_refusal
    assert chat.mark_read(w.admin, booking.id) == 0
    with pytest.raises(NotFound):
        chat.list_messages(w.student, 999_999)
    with ctx.unit_of_work(write=False) as uow:
        assert len(uow.session.scalars(select(BookingMessage)).all()) == 1


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("mail me at a.b@example.com", f"mail me at {CONTACT_MASK}"),
        ("+44 20 7946 0958", CONTACT_MASK),
        ("call 555-123-4567", f"call {CONTACT_MASK}"),
        ("www.example.com/x", CONTACT_MASK),
        ("https://x.y/z", CONTACT_MASK),
        ("See you on Friday at 10:00!", "See you on Friday at 10:00!"),
    ],
)
def test_contact_details_are_masked_for_the_other_party_until_the_first_payment(
    ctx: ServiceContext, written: str, shown: str
) -> None:
    glue, chat = _glue(ctx)
    w = glue.world
    booking = confirmed(glue.bookings, w)
    chat.send_message(w.teacher, booking.id, written)
    before = chat.list_messages(w.student, booking.id)
    assert [m.body for m in before.messages] == [shown]
    assert before.messages[0].masked is (shown != written)
    assert not before.contacts_visible
    assert chat.list_messages(w.teacher, booking.id).messages[0].body == written  # the author
    assert chat.list_messages(w.admin, booking.id).messages[0].body == written
    pay(glue, booking.id)
    after = chat.list_messages(w.student, booking.id)
    assert [m.body for m in after.messages] == [written] and after.contacts_visible
    assert not after.messages[0].masked


def test_contacts_stay_visible_after_the_paid_booking_is_refunded(ctx: ServiceContext) -> None:
    glue, chat = _glue(ctx)
    w = glue.world
    booking = confirmed(glue.bookings, w)
    set_payment(ctx, booking.id, PaymentStatus.PENDING, PaymentStatus.PAID, PaymentStatus.REFUNDED)
    chat.send_message(w.student, booking.id, "write to sam@example.com")
    assert chat.list_messages(w.teacher, booking.id).messages[0].body == "write to sam@example.com"


def test_an_empty_or_too_long_message_is_refused_and_nothing_is_stored(
    ctx: ServiceContext,
) -> None:
    glue, chat = _glue(ctx)
    w = glue.world
    booking = request(glue.bookings, w)
    with pytest.raises(ValidationError, match="message cannot be empty"):
        chat.send_message(w.student, booking.id, "  \n ")
    with pytest.raises(ValidationError, match="at most 2000 characters"):
        chat.send_message(w.student, booking.id, "x" * 2001)
    assert chat.list_messages(w.student, booking.id).messages == ()
    assert chat.send_message(w.student, booking.id, " " + "x" * 2000 + " ").body == "x" * 2000
    assert notifications_of(ctx, w.teacher)[-1].kind == "message"


def test_the_new_message_notice_reaches_the_inbox_masked_and_opening_the_chat_reads_it(
    ctx: ServiceContext,
) -> None:
    glue, chat = _glue(ctx)
    w = glue.world
    booking = request(glue.bookings, w, start_at=AFTER_EU_DST)
    chat.send_message(w.student, booking.id, "Hi!\nText me: 555-123-4567")
    notice = notifications_of(ctx, w.teacher)[-1]
    assert notice.kind == "message" and notice.booking_id == booking.id
    assert notice.subject == "New message from Sam"
    assert "Mon 29 Mar 2027, 15:00 CEST (Europe/Berlin)" in notice.body_text  # teacher's zone
    assert f"> Text me: {CONTACT_MASK}" in notice.body_text
    assert "555" not in notice.body_text and "555" not in (notice.body_html or "")
    assert notice.message_id.startswith(f"<booking-{booking.id}-message-")
    assert jobs(ctx, JOB_SEND_EMAIL) == []  # no SMTP: the inbox only
    assert glue.notifications.unread_count(w.teacher) == 2  # the request and the message
    chat.mark_read(w.teacher, booking.id)
    assert glue.notifications.unread_count(w.teacher) == 1  # the request's stays unread


def test_a_burst_of_messages_makes_one_notice_and_one_email_per_window(
    ctx: ServiceContext, clock: FakeClock, smtp: SmtpPeer
) -> None:
    enable_email_delivery(ctx.session_factory)
    glue, chat = _glue(ctx, mailer=SmtpMailer(smtp.settings))
    w = glue.world
    booking = request(glue.bookings, w)
    drain(glue.worker)
    already = len(smtp.inbox.messages())  # the request's e-mail to the teacher
    for minute in range(3):  # three messages within three minutes
        chat.send_message(w.student, booking.id, f"Message {minute}")
        clock.advance(minutes=1)
    assert [row.kind for row in notifications_of(ctx, w.teacher)].count("message") == 1
    drain(glue.worker)
    mails = smtp.inbox.messages()[already:]
    assert [m["Subject"] for m in mails] == ["New message from Sam"]
    assert mails[0]["To"] == "tina@example.com"
    body = mails[0].get_body(preferencelist=("plain",))
    assert body is not None and "> Message 0" in body.get_content()

    # read in the app, then a new message inside the window: a fresh in-app notice, no e-mail
    chat.mark_read(w.teacher, booking.id)
    chat.send_message(w.student, booking.id, "Message 3")
    assert [row.kind for row in notifications_of(ctx, w.teacher)].count("message") == 2
    drain(glue.worker)
    assert len(smtp.inbox.messages()) == already + 1

    # 15 minutes after the last notice: notified and e-mailed again
    clock.advance(minutes=15)
    chat.send_message(w.student, booking.id, "Message 4")
    drain(glue.worker)
    assert [m["Subject"] for m in smtp.inbox.messages()[already:]] == [
        "New message from Sam",
        "New message from Sam",
    ]
    # the teacher's reply goes to the student, whose window is their own
    chat.send_message(w.teacher, booking.id, "Got it")
    drain(glue.worker)
    assert smtp.inbox.messages()[-1]["To"] == "sam@example.com"


def test_messages_sent_at_once_still_make_a_single_notice(ctx: ServiceContext) -> None:
    """Concurrent sends to one conversation serialise on the booking: the first writes the
    notice, the others find it (unread, in the window) and add none."""
    glue, chat = _glue(ctx)
    w = glue.world
    booking = request(glue.bookings, w)
    senders = [w.student, w.student, w.student, w.student, w.student, w.student]
    barrier = threading.Barrier(len(senders))

    def send(index: int) -> int:
        barrier.wait(timeout=30)
        return chat.send_message(senders[index], booking.id, f"Quick note {index}").id

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        ids = list(pool.map(send, range(len(senders))))
    assert len(set(ids)) == len(senders)
    assert [row.kind for row in notifications_of(ctx, w.teacher)].count("message") == 1
    assert chat.unread_counts(w.teacher).total == len(senders)


def test_after_the_first_payment_the_notice_carries_the_contact_details(
    ctx: ServiceContext,
) -> None:
    glue, chat = _glue(ctx)
    w = glue.world
    booking = confirmed(glue.bookings, w)
    pay(glue, booking.id)
    chat.send_message(w.teacher, booking.id, "My direct line: +49 30 1234567")
    notice = notifications_of(ctx, w.student)[-1]
    assert notice.kind == "message"
    assert "> My direct line: +49 30 1234567" in notice.body_text
    assert CONTACT_MASK not in notice.body_text
