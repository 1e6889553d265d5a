"""The in-app inbox, and the send-email job that copies a notification to the recipient by SMTP.

Every notification is an inbox row (written by ``booking_events`` in the transaction of the
change that caused it); the inbox always keeps it, with or without SMTP. The send-email job
builds the message with the notification's stable Message-ID, records the hand-over, hands it
to the mailer, then records ``emailed_at``. Nothing is sent twice: a hand-over whose outcome
was lost (a crash, or a connection lost after the data went out) is not repeated by itself;
an admin decides (see ``send_email_job``). Reads run on any worker thread; the job on the
outbox worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from linguaflex_desktop import crashpoints
from linguaflex_desktop.adapters.mail import Mailer, build_email
from linguaflex_desktop.errors import ConfigurationError, NotFound, OutcomeUnknown
from linguaflex_desktop.models import Notification, User
from linguaflex_desktop.services.common.authorization import (
    NO_ACCOUNT_ID,
    load_acting_user,
    warm_up_acting_user,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.outbox import current_job_run
from linguaflex_desktop.services.common.validation import check_paging
from linguaflex_desktop.services.messaging.sender import DEFAULT_SENDER, use_sender
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class NotificationDTO:
    id: int
    booking_id: int | None
    kind: str
    subject: str
    body_text: str
    body_html: str | None
    has_ics: bool
    message_id: str
    created_at: datetime
    read_at: datetime | None
    emailed_at: datetime | None

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @classmethod
    def from_model(cls, row: Notification) -> NotificationDTO:
        return cls(
            id=row.id,
            booking_id=row.booking_id,
            kind=row.kind,
            subject=row.subject,
            body_text=row.body_text,
            body_html=row.body_html,
            has_ics=row.ics is not None,
            message_id=row.message_id,
            created_at=row.created_at,
            read_at=row.read_at,
            emailed_at=row.emailed_at,
        )


class NotificationService:
    """The acting user's own inbox; thread-safe (a Session per call). ``mailer`` is None when
    SMTP is not configured: then the inbox is the only delivery. ``sender`` is also made the
    ORGANIZER of invites and the domain of Message-IDs written in ``ctx``'s sessions."""

    def __init__(
        self, ctx: ServiceContext, *, mailer: Mailer | None = None, sender: str = DEFAULT_SENDER
    ) -> None:
        self._ctx = ctx
        self._mailer = mailer
        self._sender = sender
        use_sender(ctx.session_factory, sender)

    @property
    def mailer(self) -> Mailer | None:
        """The SMTP mailer (None without SMTP settings), shared with the account-code job."""
        return self._mailer

    @property
    def sender(self) -> str:
        return self._sender

    # --- inbox ------------------------------------------------------------------------------

    def list_inbox(
        self, actor: Actor, *, offset: int = 0, limit: int = 50
    ) -> Page[NotificationDTO]:
        """The actor's notifications, newest first, with the total for the pager."""
        return self.inbox(actor, offset=offset, limit=limit)[0]

    def inbox(
        self, actor: Actor, *, offset: int = 0, limit: int = 50
    ) -> tuple[Page[NotificationDTO], int]:
        """``list_inbox`` and how many of all the actor's notifications are unread, read
        together: one transaction, both counts in one statement (the inbox asks for both at
        each load and poll)."""
        check_paging(offset, limit, max_limit=MAX_PAGE_SIZE)
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            return _read_inbox(uow.session, user.id, offset=offset, limit=limit)

    def warm_up(self) -> None:
        """Compile the inbox's statements now (a few ms each the first time a process runs
        them: the first sign-in's, which counts the unread ones), for an id no account has:
        nothing is read."""
        with self._ctx.unit_of_work(write=False) as uow:
            warm_up_acting_user(uow.session)
            _count_unread(uow.session, NO_ACCOUNT_ID)
            _read_inbox(uow.session, NO_ACCOUNT_ID, offset=0, limit=1)

    def unread_count(self, actor: Actor) -> int:
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            return _count_unread(uow.session, user.id)

    def get_notification(self, actor: Actor, notification_id: int) -> NotificationDTO:
        with self._ctx.unit_of_work(write=False) as uow:
            return NotificationDTO.from_model(self._own(uow.session, actor, notification_id))

    def mark_read(self, actor: Actor, notification_id: int) -> NotificationDTO:
        """Mark one of the actor's notifications read (again: no change)."""
        with self._ctx.unit_of_work() as uow:
            row = self._own(uow.session, actor, notification_id)
            if row.read_at is None:
                row.read_at = self._ctx.now()
            uow.session.flush()
            result = NotificationDTO.from_model(row)
            uow.commit()
        return result

    def get_ics(self, actor: Actor, notification_id: int) -> str | None:
        """The calendar invitation attached to the notification (to save as .ics), or None."""
        with self._ctx.unit_of_work(write=False) as uow:
            return self._own(uow.session, actor, notification_id).ics

    def _own(self, session: Session, actor: Actor, notification_id: int) -> Notification:
        user = load_acting_user(session, actor)
        row = session.get(Notification, notification_id)
        if row is None or row.user_id != user.id:  # someone else's is "not found", not a hint
            raise NotFound(tx("That message does not exist."))
        return row

    # --- the send-email job (outbox worker thread) -------------------------------------------

    def send_email_job(self, payload: dict[str, Any]) -> None:
        """Outbox handler: e-mail the notification to its recipient, at most once.

        The hand-over is committed (``email_handed_at``) before the mailer is called, and
        cleared again when SMTP proves it did not take the message. So a run that finds a
        hand-over with no outcome follows a run that was killed or lost its connection while
        the server may have accepted the message: it raises ``OutcomeUnknown`` (the outbox
        dead-letters the job; the notification stays in the inbox) instead of sending a
        second copy. The admin's Retry on that job is the decision to send it again: the
        first run after a retry sends even with a hand-over on record.

        Raises RetryLater / ExternalServiceError from the mailer (the outbox backs off), and
        ConfigurationError when this worker has no SMTP settings.
        """
        notification_id = int(payload["notification_id"])
        if self._mailer is None:
            raise ConfigurationError("This worker has no SMTP settings; the e-mail waits.")
        message = self._hand_over(notification_id)
        if message is None:
            return
        try:
            self._mailer.send(message)
        except OutcomeUnknown:
            raise
        except Exception:
            self._set_handed(notification_id, None)  # SMTP proved it was not taken
            raise
        crashpoints.reached("mail.smtp_accepted")
        self._mark_emailed(notification_id)

    def _hand_over(self, notification_id: int) -> EmailMessage | None:
        """Record the hand-over and build the message; None when there is nothing to send."""
        run = current_job_run()
        decided_by_admin = run is not None and run.attempt == 1
        with self._ctx.unit_of_work() as uow:
            row = uow.session.get(Notification, notification_id, with_for_update=True)
            if row is None or row.emailed_at is not None:
                return None
            user = uow.session.get(User, row.user_id)
            if user is None:
                return None
            if row.email_handed_at is not None and not decided_by_admin:
                raise OutcomeUnknown(
                    "The app stopped while handing this e-mail to the mail server "
                    f"({row.email_handed_at:%Y-%m-%d %H:%M} UTC); it may have been delivered. "
                    "It is in the recipient's inbox in the app. Retry sends the e-mail again."
                )
            message = build_email(
                sender=self._sender,
                to=user.email,
                subject=row.subject,
                text_body=row.body_text,
                html_body=row.body_html,
                message_id=row.message_id,
                ics=row.ics,
                ics_method="CANCEL" if row.ics and "METHOD:CANCEL" in row.ics else "REQUEST",
                date=row.created_at,
            )
            row.email_handed_at = self._ctx.now()
            uow.commit()
        crashpoints.reached("mail.handover_committed")
        return message

    def _set_handed(self, notification_id: int, value: datetime | None) -> None:
        with self._ctx.unit_of_work() as uow:
            row = uow.session.get(Notification, notification_id)
            if row is not None and row.emailed_at is None:
                row.email_handed_at = value
            uow.commit()

    def _mark_emailed(self, notification_id: int) -> None:
        with self._ctx.unit_of_work() as uow:
            row = uow.session.get(Notification, notification_id)
            if row is not None and row.emailed_at is None:
                row.emailed_at = self._ctx.now()
            uow.commit()
        log.info("notification %d e-mailed", notification_id)


def _count_unread(session: Session, user_id: int) -> int:
    count = session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user_id, Notification.read_at.is_(None)
        )
    )
    return int(count or 0)


def _read_inbox(
    session: Session, user_id: int, *, offset: int, limit: int
) -> tuple[Page[NotificationDTO], int]:
    total, unread = session.execute(
        select(
            func.count(Notification.id),
            func.count(Notification.id).filter(Notification.read_at.is_(None)),
        ).where(Notification.user_id == user_id)
    ).one()
    rows = session.scalars(
        select(Notification)
        .where(Notification.user_id == user_id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    items = tuple(NotificationDTO.from_model(row) for row in rows)
    page = Page(items=items, total=int(total or 0), offset=offset, limit=limit)
    return page, int(unread or 0)
