"""The "new message" notice: an inbox row for the recipient, and an e-mail when SMTP is set,
written in the transaction that stores the message.

A chat must not flood anyone's inbox, so per conversation and recipient at most one notice
is written every ``window`` (``notice_plan``): the first message of a burst is announced in the
app and by e-mail; later ones in the window are not announced again while that notice is
unread (the conversation's unread count shows them). Once the recipient read the notice, the
next message gets a fresh in-app notice, still without an e-mail until the window has passed
since the last one. The notice carries the message as the recipient may see it (contact
details masked before the booking's first payment). Caller's thread; no I/O.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import JobKind, Notification, SessionBooking, User
from linguaflex_desktop.models.conversation import BookingMessage
from linguaflex_desktop.services.common.outbox import enqueue_job
from linguaflex_desktop.services.messaging.delivery import email_delivery_enabled
from linguaflex_desktop.services.messaging.sender import message_domain, sender_address
from linguaflex_desktop.services.messaging.times import format_span
from linguaflex_desktop.texts import ENGLISH, render, tx

MESSAGE_KIND = "message"  # Notification.kind of a new-message notice
DEFAULT_NOTICE_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class NoticePlan:
    in_app: bool
    email: bool


def notice_plan(
    *,
    last_at: datetime | None,
    last_read: bool,
    now: datetime,
    window: timedelta = DEFAULT_NOTICE_WINDOW,
) -> NoticePlan:
    """What to write for a new message, given the conversation's last notice to the same
    recipient (``last_at``: when; ``last_read``: whether they read it)."""
    if last_at is None or now - last_at >= window:
        return NoticePlan(in_app=True, email=True)
    return NoticePlan(in_app=last_read, email=False)


def notice_message_id(booking_id: int, message_id: int, user_id: int, *, domain: str) -> str:
    return f"<booking-{booking_id}-message-{message_id}-{user_id}@{domain}>"


def announce_message(
    session: Session,
    booking: SessionBooking,
    message: BookingMessage,
    *,
    shown_body: str,
    at: datetime,
    window: timedelta = DEFAULT_NOTICE_WINDOW,
) -> Notification | None:
    """Tell the message's recipient, as ``notice_plan`` allows; the row written, or None.
    ``shown_body`` is the message as the recipient may read it."""
    last = session.execute(
        select(Notification.created_at, Notification.read_at)
        .where(
            Notification.user_id == message.recipient_id,
            Notification.booking_id == booking.id,
            Notification.kind == MESSAGE_KIND,
        )
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(1)
    ).first()
    plan = notice_plan(
        last_at=last.created_at if last else None,
        last_read=last is not None and last.read_at is not None,
        now=at,
        window=window,
    )
    if not plan.in_app:
        return None
    author = session.get(User, message.author_id)
    reader = session.get(User, message.recipient_id)
    assert author is not None and reader is not None  # foreign keys
    subject, text, body_html = compose_notice(booking, author, reader, shown_body)
    message_id = notice_message_id(
        booking.id, message.id, reader.id, domain=message_domain(sender_address(session))
    )
    row = Notification(
        user_id=reader.id,
        booking_id=booking.id,
        kind=MESSAGE_KIND,
        subject=subject[:255],
        body_text=text,
        body_html=body_html,
        message_id=message_id,
        created_at=at,
    )
    session.add(row)
    session.flush()
    if plan.email and email_delivery_enabled(session):
        enqueue_job(
            session,
            kind=JobKind.SEND_EMAIL,
            payload={"notification_id": row.id},
            dedupe_key=message_id,
            now=at,
        )
    return row


def compose_notice(
    booking: SessionBooking, author: User, reader: User, shown_body: str
) -> tuple[str, str, str]:
    """(subject, plain text, HTML) of the notice to ``reader``, in their language, the
    session's time in their zone."""
    language = reader.language or ENGLISH
    when = format_span(booking.start_at, booking.end_at, reader.time_zone, language)
    subject = render(tx("New message from {name}", name=author.display_name), language)
    about = tx(
        "{name} wrote about your session {title} ({when}):",
        name=author.display_name,
        title=repr(booking.gig.title),
        when=when,
    )
    reply = tx(
        "Reply in LinguaFlex: open the booking and its Messages. Further messages of this "
        "conversation are shown there."
    )
    intro = [
        render(tx("Hello {name},", name=reader.display_name), language),
        "",
        render(about, language),
    ]
    outro = [render(reply, language), "", "— LinguaFlex"]
    quoted = [f"> {line}" if line else ">" for line in shown_body.split("\n")]
    text = "\n".join([*intro, "", *quoted, "", *outro])
    paragraphs = [f"<p>{html.escape(line)}</p>" if line else "" for line in intro]
    paragraphs.append(
        '<blockquote style="white-space: pre-wrap">' + html.escape(shown_body) + "</blockquote>"
    )
    paragraphs += [f"<p>{html.escape(line)}</p>" if line else "" for line in outro]
    return subject, text, "<html><body>\n" + "\n".join(paragraphs) + "\n</body></html>"
