"""The outbox's job kinds and their handlers (run by ``OutboxWorker`` on its thread).

Every handler is idempotent: it may run again after a crash or a lease expiry.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from linguaflex_desktop.errors import NotFound
from linguaflex_desktop.models import JobKind
from linguaflex_desktop.services.booking.events import (
    JOB_CREATE_MEETING,
    JOB_DELETE_MEETING,
    JOB_MOVE_MEETING,
    JOB_REMINDER,
    JOB_SEND_EMAIL,
    send_reminder,
)
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.outbox import JobHandler
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.messaging.account_codes import AccountCodeMailer
from linguaflex_desktop.services.messaging.notifications import NotificationService

log = logging.getLogger(__name__)


class ReminderJob:
    """Handler of ``booking.reminder``: remind both parties unless the booking is no longer
    paid and confirmed or its time moved (then the job is done without a message)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def __call__(self, payload: dict[str, Any]) -> None:
        booking_id = int(payload["booking_id"])
        expected_start = datetime.fromisoformat(str(payload["start_at"]))
        with self._ctx.unit_of_work() as uow:
            try:
                booking = load_booking(uow.session, booking_id, for_update=True)
            except NotFound:
                return
            sent = send_reminder(
                uow.session,
                booking,
                kind=str(payload["kind"]),
                expected_start=expected_start,
                at=self._ctx.now(),
            )
            uow.commit()
        if not sent:
            log.info(
                "booking %d: %s skipped (moved or no longer paid)", booking_id, payload["kind"]
            )


def build_handlers(
    ctx: ServiceContext, *, meetings: MeetingService, notifications: NotificationService
) -> Mapping[str, JobHandler]:
    """Every job kind the booking glue enqueues, mapped to its handler."""
    return {
        JOB_CREATE_MEETING: meetings.create_meeting_job,
        JOB_DELETE_MEETING: meetings.delete_meeting_job,
        JOB_MOVE_MEETING: meetings.move_meeting_job,
        JOB_SEND_EMAIL: notifications.send_email_job,
        JOB_REMINDER: ReminderJob(ctx),
        JobKind.ACCOUNT_CODE: AccountCodeMailer(
            ctx, mailer=notifications.mailer, sender=notifications.sender
        ).send_code_job,
    }
