"""Each booking's conversation between its student and its teacher; admins read it.

``send_message`` (the booking's student or teacher only; an admin reads but never writes: a
word from the platform goes through the booking's own actions and their reasons) stores the
text as written, trimmed and at most ``MAX_MESSAGE_LENGTH`` characters, and in the same
transaction tells the other party (``conversation_notices``). ``list_messages`` shows each
message as the viewer may see it: before the booking's first payment the other party's
contact details are masked (``contact_mask``); the author sees their own words, and an admin
sees every message as written. ``mark_read`` marks the viewer's messages of a booking read,
and the inbox notices about them too. One transaction per call, any worker thread.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, joinedload

from linguaflex_desktop.errors import NotFound, PermissionDenied
from linguaflex_desktop.models import Notification, PaymentStatus, Role, SessionBooking, User
from linguaflex_desktop.models.conversation import MAX_MESSAGE_LENGTH, BookingMessage
from linguaflex_desktop.services.common.authorization import (
    NO_ACCOUNT_ID,
    load_acting_user,
    warm_up_acting_user,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.validation import check_id, clean_multiline
from linguaflex_desktop.services.messaging.contact_mask import mask_contacts
from linguaflex_desktop.services.messaging.conversation_dto import (
    ADMIN_READ_ONLY,
    ConversationDTO,
    MessageDTO,
    UnreadCounts,
)
from linguaflex_desktop.services.messaging.conversation_notices import (
    DEFAULT_NOTICE_WINDOW,
    MESSAGE_KIND,
    announce_message,
)

MAX_LISTED = 500  # the newest messages a conversation shows


def contacts_visible(booking: SessionBooking) -> bool:
    """The booking has been paid at least once (a later refund does not hide them again)."""
    return booking.paid_at is not None or booking.payment_status in (
        PaymentStatus.PAID,
        PaymentStatus.REFUNDED,
    )


def shown_body(message: BookingMessage, viewer: User, *, visible: bool) -> tuple[str, bool]:
    """(the body as ``viewer`` may read it, whether anything was masked)."""
    if visible or viewer.role is Role.ADMIN or message.author_id == viewer.id:
        return message.body, False
    masked = mask_contacts(message.body)
    return masked, masked != message.body


class ConversationService:
    """Thread-safe (a Session per call). ``notice_window``: at most one new-message notice
    per conversation and recipient in that time (see ``conversation_notices``)."""

    def __init__(
        self, ctx: ServiceContext, *, notice_window: timedelta = DEFAULT_NOTICE_WINDOW
    ) -> None:
        self._ctx = ctx
        self._notice_window = notice_window

    def send_message(self, actor: Actor, booking_id: int, body: str) -> MessageDTO:
        """Store ``body`` from the booking's student or teacher and notify the other party.

        ValidationError for an empty or too long body; PermissionDenied for anyone else
        (admins included); NotFound for an unknown booking."""
        text = clean_multiline(body, what="message", limit=MAX_MESSAGE_LENGTH, required=True)
        with self._ctx.unit_of_work() as uow:
            session, now = uow.session, self._ctx.now()
            user = load_acting_user(session, actor)
            booking = _load_booking(session, booking_id, for_update=True)
            if user.id not in (booking.student_id, booking.teacher_id):
                raise PermissionDenied(
                    ADMIN_READ_ONLY if user.role is Role.ADMIN else "This booking is not yours."
                )
            recipient_id = (
                booking.teacher_id if user.id == booking.student_id else booking.student_id
            )
            message = BookingMessage(
                booking_id=booking.id,
                author_id=user.id,
                recipient_id=recipient_id,
                body=text,
                created_at=now,
            )
            session.add(message)
            session.flush()
            recipient = session.get(User, recipient_id)
            assert recipient is not None  # a foreign key
            announce_message(
                session,
                booking,
                message,
                shown_body=shown_body(message, recipient, visible=contacts_visible(booking))[0],
                at=now,
                window=self._notice_window,
            )
            result = _to_dto(message, user, user, visible=True)
            uow.commit()
        return result

    def list_messages(self, actor: Actor, booking_id: int) -> ConversationDTO:
        """The booking's conversation, oldest first (the newest ``MAX_LISTED``), as ``actor``
        (its student, its teacher or an admin) may read it."""
        with self._ctx.unit_of_work(write=False) as uow:
            session = uow.session
            user = load_acting_user(session, actor)
            booking = _load_booking(session, booking_id)
            _ensure_reader(user, booking)
            rows = list(
                session.scalars(
                    select(BookingMessage)
                    .where(BookingMessage.booking_id == booking.id)
                    .order_by(BookingMessage.created_at.desc(), BookingMessage.id.desc())
                    .limit(MAX_LISTED)
                )
            )
            authors = {booking.student_id: booking.student, booking.teacher_id: booking.teacher}
            visible = contacts_visible(booking)
            messages = tuple(
                _to_dto(row, authors[row.author_id], user, visible=visible)
                for row in reversed(rows)
            )
            party = user.id in (booking.student_id, booking.teacher_id)
            other = booking.teacher if user.id == booking.student_id else booking.student
            return ConversationDTO(
                booking_id=booking.id,
                messages=messages,
                unread=sum(message.is_unread for message in messages),
                can_send=party,
                send_refusal="" if party else ADMIN_READ_ONLY,
                contacts_visible=visible,
                max_length=MAX_MESSAGE_LENGTH,
                other_party_name=other.display_name if party else "",
            )

    def mark_read(self, actor: Actor, booking_id: int) -> int:
        """Mark the actor's unread messages of the booking read, and their inbox notices of
        it; how many messages were marked (0 for an admin, who is no recipient)."""
        with self._ctx.unit_of_work() as uow:
            session, now = uow.session, self._ctx.now()
            user = load_acting_user(session, actor)
            booking = _load_booking(session, booking_id)
            _ensure_reader(user, booking)
            result = session.execute(
                update(BookingMessage)
                .where(
                    BookingMessage.booking_id == booking.id,
                    BookingMessage.recipient_id == user.id,
                    BookingMessage.read_at.is_(None),
                )
                .values(read_at=now)
                .execution_options(synchronize_session=False)
            )
            marked = int(getattr(result, "rowcount", 0) or 0)
            session.execute(
                update(Notification)
                .where(
                    Notification.user_id == user.id,
                    Notification.booking_id == booking.id,
                    Notification.kind == MESSAGE_KIND,
                    Notification.read_at.is_(None),
                )
                .values(read_at=now)
                .execution_options(synchronize_session=False)
            )
            uow.commit()
        return marked

    def unread_counts(self, actor: Actor) -> UnreadCounts:
        """The actor's unread messages, in total and per booking."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            return _unread_counts(uow.session, user.id)

    def warm_up(self) -> None:
        """Compile ``unread_counts``' statements now (a few ms the first time a process runs
        them: the first sign-in's), for an id no account has: nothing is read."""
        with self._ctx.unit_of_work(write=False) as uow:
            warm_up_acting_user(uow.session)
            _unread_counts(uow.session, NO_ACCOUNT_ID)


def _unread_counts(session: Session, user_id: int) -> UnreadCounts:
    rows = session.execute(
        select(BookingMessage.booking_id, func.count(BookingMessage.id))
        .where(BookingMessage.recipient_id == user_id, BookingMessage.read_at.is_(None))
        .group_by(BookingMessage.booking_id)
    ).all()
    by_booking = {int(booking_id): int(count) for booking_id, count in rows}
    return UnreadCounts(total=sum(by_booking.values()), by_booking=by_booking)


def _load_booking(session: Session, booking_id: int, *, for_update: bool = False) -> SessionBooking:
    """The booking with its parties; ``for_update`` locks its row on Postgres, so the sends
    of one conversation serialise and see each other's notice (SQLite: BEGIN IMMEDIATE)."""
    query = (
        select(SessionBooking)
        .where(SessionBooking.id == check_id(booking_id, what="booking"))
        .options(joinedload(SessionBooking.student), joinedload(SessionBooking.teacher))
    )
    if for_update:
        query = query.with_for_update(of=SessionBooking)
    booking = session.scalar(query)
    if booking is None:
        raise NotFound("That booking does not exist.")
    return booking


def _ensure_reader(user: User, booking: SessionBooking) -> None:
    """Only the booking's student, its teacher, or an admin may read its conversation."""
    if user.role is not Role.ADMIN and user.id not in (booking.student_id, booking.teacher_id):
        raise PermissionDenied("This booking is not yours.")


def _to_dto(message: BookingMessage, author: User, viewer: User, *, visible: bool) -> MessageDTO:
    body, masked = shown_body(message, viewer, visible=visible)
    return MessageDTO(
        id=message.id,
        booking_id=message.booking_id,
        author_id=author.id,
        author_name=author.display_name,
        author_role=author.role,
        body=body,
        masked=masked,
        created_at=message.created_at,
        read_at=message.read_at,
        is_mine=message.author_id == viewer.id,
        is_unread=message.recipient_id == viewer.id and message.read_at is None,
    )
