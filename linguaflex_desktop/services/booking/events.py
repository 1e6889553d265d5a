"""What follows a booking's state change: inbox notifications, e-mail jobs, meeting jobs, reminders.

``on_booking_transition`` is called INSIDE the transaction of the state change (booking_state,
the booking service, the reschedule mixin), so the notifications and jobs exist exactly when
the change does, and vanish with it on rollback. Nothing here does I/O beyond the caller's
session. Every notification is an inbox row per recipient with a stable Message-ID
(``<booking-{id}-{kind}-{seq}-{user}@{the sender's domain}>``); its invite's ORGANIZER is the
configured sender (``messaging.sender``); when e-mail delivery is enabled on the
session factory (``enable_email_delivery``, done by bootstrap when SMTP is configured) each one
also gets a send-email job whose dedupe key is that Message-ID.

"paid" does not notify at once: it enqueues the create-meeting job, which announces the
session (with the link and the .ics) once the meeting exists (``announce_meeting``).
Reminders are jobs due 24 h and 1 h before the start, keyed by the start time, so a reschedule
enqueues fresh ones and the old ones find the time moved and do nothing (``send_reminder``).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.db import insert_unless_present
from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import (
    AuditAction,
    AuditEvent,
    BookingEventKind,
    BookingStatus,
    JobKind,
    Meeting,
    MeetingStatus,
    Notification,
    Payment,
    PaymentStatus,
    Refund,
    RefundStatus,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.common.outbox import enqueue_job
from linguaflex_desktop.services.messaging.calendar_invite import (
    booking_uid,
    build_ics,
    invite_words,
)
from linguaflex_desktop.services.messaging.delivery import email_delivery_enabled
from linguaflex_desktop.services.messaging.delivery import (  # re-exported (bootstrap, tests)
    enable_email_delivery as enable_email_delivery,
)
from linguaflex_desktop.services.messaging.sender import message_domain, sender_address
from linguaflex_desktop.services.messaging.texts import RECIPIENTS, BookingFacts, Party, compose
from linguaflex_desktop.texts import ENGLISH

log = logging.getLogger(__name__)

JOB_CREATE_MEETING = JobKind.CREATE_MEETING
JOB_DELETE_MEETING = JobKind.DELETE_MEETING
JOB_MOVE_MEETING = JobKind.MOVE_MEETING
JOB_SEND_EMAIL = JobKind.SEND_EMAIL
JOB_REMINDER = JobKind.REMINDER

REMINDER_LEADS = {"reminder_24h": timedelta(hours=24), "reminder_1h": timedelta(hours=1)}

TRANSITION_KINDS = frozenset(RECIPIENTS) - {
    "meeting_ready",
    "reminder_24h",
    "reminder_1h",
    "partially_refunded",  # not a status change: refund_events.announce_partial_refund
    "review_hidden",  # not a status change: booking.reviews.hide_review
}
# a refund Stripe accepted but has not finished: its money is not back yet
REFUND_IN_FLIGHT = (RefundStatus.PENDING, RefundStatus.REQUIRES_ACTION)
_CANCEL_ACTIONS: dict[str, BookingEventKind] = {
    AuditAction.BOOKING_DECLINED: BookingEventKind.DECLINED,
    AuditAction.BOOKING_EXPIRED: BookingEventKind.EXPIRED,
    AuditAction.BOOKING_PAYMENT_OVERDUE: BookingEventKind.PAYMENT_OVERDUE,
    AuditAction.BOOKING_REFUNDED: BookingEventKind.REFUNDED,
}
# the event of every other status a booking can move to
_STATUS_EVENTS = {
    BookingStatus.CONFIRMED: BookingEventKind.CONFIRMED,
    BookingStatus.COMPLETED: BookingEventKind.COMPLETED,
    BookingStatus.REFUNDED: BookingEventKind.REFUNDED,
}


def meeting_create_key(booking_id: int) -> str:
    """The dedupe key of the create-meeting job a booking gets when it becomes PAID."""
    return f"meeting-create-{booking_id}"


# --- configuration ----------------------------------------------------------------------------


def status_event_kind(to: BookingStatus, action: AuditAction | None) -> BookingEventKind:
    """The event of a booking status change, told apart by its audit action when cancelled."""
    if to is BookingStatus.CANCELLED:
        return _CANCEL_ACTIONS.get(action or "", BookingEventKind.CANCELLED)
    return _STATUS_EVENTS[to]


# --- the hook ---------------------------------------------------------------------------------


def on_booking_transition(
    session: Session,
    booking: SessionBooking,
    *,
    kind: BookingEventKind,
    at: datetime,
    previous_start_at: datetime | None = None,
) -> None:
    """Write the notifications and jobs that ``kind`` causes, in the caller's transaction.

    Kinds: requested, confirmed, declined, cancelled, expired, payment_overdue, paid,
    refunded, rescheduled, completed. Runs on the caller's thread; no I/O of its own.
    """
    if kind not in TRANSITION_KINDS:
        raise ValueError(f"unknown booking event {kind!r}")
    session.flush()  # the change's own constraint errors surface here, not in a savepoint
    if kind == BookingEventKind.PAID:
        enqueue_job(
            session,
            kind=JOB_CREATE_MEETING,
            payload={"booking_id": booking.id},
            dedupe_key=meeting_create_key(booking.id),
            now=at,
        )
        enqueue_reminders(session, booking, at=at)
        return
    # the .ics SEQUENCE; a booking just requested has never been moved
    sequence = 0 if kind == BookingEventKind.REQUESTED else reschedule_count(session, booking.id)
    ics_method = None
    if kind == BookingEventKind.REFUNDED:
        enqueue_job(
            session,
            kind=JOB_DELETE_MEETING,
            payload={"booking_id": booking.id},
            dedupe_key=f"meeting-delete-{booking.id}",
            now=at,
        )
        if booking.status is BookingStatus.CANCELLED:  # refunded before the session
            ics_method, sequence = "CANCEL", sequence + 1
    elif kind == BookingEventKind.RESCHEDULED and booking.payment_status is PaymentStatus.PAID:
        ics_method = "REQUEST"
        enqueue_reminders(session, booking, at=at)
        start = booking.start_at.astimezone(UTC)
        enqueue_job(
            session,
            kind=JOB_MOVE_MEETING,
            payload={"booking_id": booking.id, "start_at": start.isoformat()},
            # one job per move (its sequence): a move back to an earlier time must run too
            dedupe_key=f"meeting-move-{booking.id}-{sequence}-{start:%Y%m%dT%H%M%SZ}",
            now=at,
        )
    # the meeting's link goes only to a paid booking (booking_facts): no look-up otherwise
    paid = booking.payment_status is PaymentStatus.PAID
    facts = booking_facts(
        booking,
        meeting=ready_meeting(session, booking) if paid else None,
        previous_start_at=previous_start_at,
    )
    if kind == BookingEventKind.REFUNDED:
        facts = replace(
            facts,
            refund_pending=refund_in_flight(session, booking.id),
            session_cancelled=booking.status is BookingStatus.CANCELLED,
        )
    notify(session, facts, kind, at=at, sequence=sequence, ics_method=ics_method)


def announce_meeting(
    session: Session, booking: SessionBooking, *, meeting: Meeting | None, at: datetime
) -> str | None:
    """Tell both parties the session is booked: "paid" the first time (with the link and the
    .ics if ``meeting`` is ready, else the "meeting pending" text), then "meeting_ready" once
    a late meeting exists — only when the "paid" notice went out without its link (a job run
    again after a crash finds the meeting ready and the link already sent). Idempotent;
    returns the kind written, or None."""
    ready = meeting if meeting is not None and meeting.status is MeetingStatus.READY else None
    sequence = reschedule_count(session, booking.id)
    facts = booking_facts(booking, meeting=ready)
    method = "REQUEST" if ready is not None else None
    if not _has_notification(session, booking.id, "paid"):
        notify(session, facts, "paid", at=at, sequence=sequence, ics_method=method)
        return "paid"
    if (
        ready is not None
        and not _has_notification(session, booking.id, "meeting_ready")
        and not _paid_notice_carried(session, booking.id, ready)
    ):
        notify(session, facts, "meeting_ready", at=at, sequence=sequence, ics_method=method)
        return "meeting_ready"
    return None


def send_reminder(
    session: Session, booking: SessionBooking, *, kind: str, expected_start: datetime, at: datetime
) -> bool:
    """Write reminder ``kind`` unless the booking is no longer paid and confirmed or its time
    moved (then the job is stale: False)."""
    if kind not in REMINDER_LEADS:
        raise ValueError(f"unknown reminder {kind!r}")
    if (
        booking.status is not BookingStatus.CONFIRMED
        or booking.payment_status is not PaymentStatus.PAID
        or booking.start_at != expected_start
    ):
        return False
    facts = booking_facts(booking, meeting=ready_meeting(session, booking))
    notify(session, facts, kind, at=at, sequence=reschedule_count(session, booking.id))
    return True


def enqueue_reminders(session: Session, booking: SessionBooking, *, at: datetime) -> None:
    """Reminder jobs due 24 h and 1 h before the start (those still in the future)."""
    start = booking.start_at.astimezone(UTC)
    for kind, lead in REMINDER_LEADS.items():
        run_at = start - lead
        if run_at <= at:
            continue
        enqueue_job(
            session,
            kind=JOB_REMINDER,
            payload={"booking_id": booking.id, "kind": kind, "start_at": start.isoformat()},
            dedupe_key=f"reminder-{booking.id}-{kind}-{start:%Y%m%dT%H%M%SZ}",
            run_at=run_at,
            now=at,
        )


# --- notifications ----------------------------------------------------------------------------


def notify(
    session: Session,
    facts: BookingFacts,
    kind: str,
    *,
    at: datetime,
    sequence: int,
    ics_method: str | None = None,
    key: str | None = None,
) -> list[int]:
    """One inbox row per recipient of ``kind`` (skipping those already written: same
    Message-ID), plus a send-email job each when e-mail delivery is enabled; the ids of the
    rows written. ``key`` names
    the occurrence in the Message-ID instead of ``sequence`` (e.g. ``refund-12``), for kinds
    that can happen several times without a reschedule."""
    sender = sender_address(session)
    invites: dict[str, str | None] = {}  # the invite in each reader's language
    domain = message_domain(sender)
    written: list[int] = []
    for role in RECIPIENTS[kind]:
        party = facts.party(role)
        text = compose(kind, facts, role)
        if ics_method and party.language not in invites:
            invites[party.language] = invite_ics(
                facts,
                sequence=sequence,
                method=ics_method,
                at=at,
                organizer=sender,
                language=party.language,
            )
        ics = invites.get(party.language)
        message_id = message_id_for(
            facts.booking_id, kind, key or sequence, party.user_id, domain=domain
        )
        values = {
            "user_id": party.user_id,
            "booking_id": facts.booking_id,
            "kind": kind,
            "subject": text.subject[:255],
            "body_text": text.text,
            "body_html": text.html,
            "ics": ics,
            "message_id": message_id,
            "created_at": at,
        }
        row_id = insert_unless_present(session, Notification, values, unique="message_id")
        if row_id is None:  # written already (a job run again, a concurrent transition)
            continue
        written.append(row_id)
        if email_delivery_enabled(session):
            enqueue_job(
                session,
                kind=JOB_SEND_EMAIL,
                payload={"notification_id": row_id},
                dedupe_key=message_id,
                now=at,
            )
    return written


def message_id_for(
    booking_id: int, kind: str, sequence: int | str, user_id: int, *, domain: str
) -> str:
    return f"<booking-{booking_id}-{kind}-{sequence}-{user_id}@{domain}>"


def _paid_notice_carried(session: Session, booking_id: int, meeting: Meeting) -> bool:
    """The "paid" notice already gave this meeting's join link."""
    if not meeting.join_url:
        return False
    query = select(Notification.id).where(
        Notification.booking_id == booking_id,
        Notification.kind == "paid",
        Notification.body_text.contains(meeting.join_url, autoescape=True),
    )
    return session.scalar(query.limit(1)) is not None


def _has_notification(session: Session, booking_id: int, kind: str) -> bool:
    query = select(Notification.id).where(
        Notification.booking_id == booking_id, Notification.kind == kind
    )
    return session.scalar(query.limit(1)) is not None


def invite_ics(
    facts: BookingFacts,
    *,
    sequence: int,
    method: str,
    at: datetime,
    organizer: str,
    language: str = ENGLISH,
) -> str | None:
    """The booking's calendar event (same UID for every update), its words in ``language``;
    None if it cannot be written (e.g. an address a calendar would refuse) — the message
    then goes without it."""
    summary, description = invite_words(facts, language)
    try:
        return build_ics(
            uid=booking_uid(facts.booking_id),
            sequence=sequence,
            method=method,
            start_at=facts.start_at,
            end_at=facts.end_at,
            summary=summary,
            description=description,
            location_url=facts.join_url,
            organizer_email=organizer,
            attendee_emails=[facts.student.email, facts.teacher.email],
            now=at,
        )
    except ValidationError as error:
        log.warning("booking %d: no calendar invite (%s)", facts.booking_id, error)
        return None


# --- facts ------------------------------------------------------------------------------------


def booking_facts(
    booking: SessionBooking,
    *,
    meeting: Meeting | None = None,
    previous_start_at: datetime | None = None,
) -> BookingFacts:
    """A snapshot for the texts; the meeting link only with a ready meeting on a PAID booking."""
    link = meeting is not None and booking.payment_status is PaymentStatus.PAID
    return BookingFacts(
        booking_id=booking.id,
        gig_title=booking.gig.title,
        student=_party(booking.student),
        teacher=_party(booking.teacher),
        start_at=booking.start_at,
        end_at=booking.end_at,
        duration_minutes=booking.duration_minutes,
        total_minor=booking.total_minor,
        currency=booking.currency,
        reason=booking.status_reason or "",
        payment_due_by=booking.payment_due_by,
        previous_start_at=previous_start_at,
        join_url=meeting.join_url if link and meeting is not None else None,
        meeting_password=meeting.password if link and meeting is not None else None,
    )


def _party(user: User) -> Party:
    return Party(user.id, user.display_name, user.email, user.time_zone, user.language or ENGLISH)


def ready_meeting(session: Session, booking: SessionBooking) -> Meeting | None:
    meeting = session.scalar(select(Meeting).where(Meeting.booking_id == booking.id))
    return meeting if meeting is not None and meeting.status is MeetingStatus.READY else None


def refund_in_flight(session: Session, booking_id: int) -> bool:
    """Whether a refund of the booking was accepted by Stripe but is not finished yet."""
    query = (
        select(Refund.id)
        .join(Payment, Payment.id == Refund.payment_id)
        .where(Payment.booking_id == booking_id, Refund.status.in_(REFUND_IN_FLIGHT))
    )
    return session.scalar(query.limit(1)) is not None


def reschedule_count(session: Session, booking_id: int) -> int:
    """The .ics SEQUENCE: how many times the booking was moved (its audit trail counts)."""
    query = select(func.count(AuditEvent.id)).where(
        AuditEvent.entity_type == "booking",
        AuditEvent.entity_id == booking_id,
        AuditEvent.action == AuditAction.BOOKING_RESCHEDULED,
    )
    return int(session.scalar(query) or 0)
