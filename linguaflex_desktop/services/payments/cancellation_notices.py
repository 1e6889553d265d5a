"""The in-app notifications (and e-mail jobs when SMTP is on) of cancellation requests.

A request goes to the booking's teacher and every active admin; its answer to the student.
Written in the caller's transaction through the same inbox rows and send-email jobs as every
booking notification (``booking.events``), with a stable Message-ID naming the request, so a
repeat writes nothing. The student's texts carry only what was written for the student.
Caller's thread; no I/O.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import (
    CancellationAnswer,
    CancellationRequest,
    JobKind,
    Notification,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking.events import email_delivery_enabled, message_id_for
from linguaflex_desktop.services.common.outbox import enqueue_job
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.messaging.sender import message_domain, sender_address
from linguaflex_desktop.services.messaging.times import format_local
from linguaflex_desktop.texts import ENGLISH, Text, render, tx

REQUESTED = "cancellation_requested"
ANSWERED = "cancellation_answered"


def announce_request(
    session: Session, booking: SessionBooking, request: CancellationRequest, *, at: datetime
) -> None:
    """Tell the teacher and every active admin that the student asks to cancel."""
    admins = session.scalars(
        select(User).where(
            User.role == Role.ADMIN, User.is_active.is_(True), User.suspended_at.is_(None)
        )
    )
    student = booking.student.display_name
    for reader in (booking.teacher, *admins):
        language = reader.language or ENGLISH
        when = format_local(booking.start_at, reader.time_zone, language)
        lines = [
            tx(
                "{student} asks to cancel the session on {when}, which starts within 24 hours, "
                "so the refund is not automatic.",
                student=student,
                when=when,
            ),
            tx("Their reason: {reason}.", reason=request.reason or tx("none given")),
            tx("Open Cancellation requests in LinguaFlex to answer: a full, partial or no refund."),
        ]
        subject = tx("{student} asks to cancel a session", student=student)
        _write(session, reader, booking, request, REQUESTED, subject, lines, at)


def announce_answer(
    session: Session, booking: SessionBooking, request: CancellationRequest, *, at: datetime
) -> None:
    """Tell the student how their request was answered, with the note written for them."""
    teacher = booking.teacher.display_name
    amount = money(request.amount_minor or 0, booking.currency)
    first = {
        CancellationAnswer.FULL: tx(
            "The session is cancelled and you get a full refund ({amount}).", amount=amount
        ),
        CancellationAnswer.PART: tx(
            "You get a partial refund of {amount}. The session stays booked: you may still "
            "attend it.",
            amount=amount,
        ),
        CancellationAnswer.NONE: tx(
            "No refund was granted. The session stays booked: you may still attend it."
        ),
    }[request.answer or CancellationAnswer.NONE]
    lines = [first]
    if request.note_to_student:
        lines.append(tx("Note: {note}", note=request.note_to_student))
    subject = tx("Your request to cancel the session with {teacher} was answered", teacher=teacher)
    _write(session, booking.student, booking, request, ANSWERED, subject, lines, at)


def _write(
    session: Session,
    reader: User,
    booking: SessionBooking,
    request: CancellationRequest,
    kind: str,
    subject: Text,
    lines: list[Text],
    at: datetime,
) -> None:
    """One inbox row (and e-mail job) for ``reader``, written in their language."""
    domain = message_domain(sender_address(session))
    message_id = message_id_for(booking.id, kind, f"request-{request.id}", reader.id, domain=domain)
    if session.scalar(select(Notification.id).where(Notification.message_id == message_id)):
        return
    language = reader.language or ENGLISH
    sentences = [
        tx("Hello {name},", name=reader.display_name),
        "",
        *lines,
        "",
        tx("Session: {title}", title=booking.gig.title),
        "",
        "— LinguaFlex",
    ]
    row = Notification(
        user_id=reader.id,
        booking_id=booking.id,
        kind=kind,
        subject=render(subject, language)[:255],
        body_text="\n".join(render(line, language) for line in sentences),
        body_html=None,
        ics=None,
        message_id=message_id,
        created_at=at,
    )
    session.add(row)
    session.flush()
    if email_delivery_enabled(session):
        enqueue_job(
            session,
            kind=JobKind.SEND_EMAIL,
            payload={"notification_id": row.id},
            dedupe_key=message_id,
            now=at,
        )
