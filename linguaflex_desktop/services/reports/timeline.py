"""The booking health timeline (admins only, read-only): every event of one booking in time order.

Sources, each read once (``timeline_rows``): the audit trail of the booking, its payment
attempts, refunds and outbox jobs (status and payment-status transitions with who and why);
each Stripe object — PaymentIntent, Refund, the student's Stripe customer and card setups made
for it — with its id and its state as last read by us, and when that was recorded (the audit
event that applied Stripe's answer); the meeting (created, moved, deleted, or why it is not
ready); every notification with its e-mail hand-over; every outbox job with its attempts, last
error and state. Times in the details are written in the admin's zone; ``TimelineEntry.at``
stays aware UTC. One read transaction on the calling (worker) thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from linguaflex_desktop.models import (
    AuditAction,
    AuditEvent,
    BookingMessage,
    JobKind,
    JobState,
    Meeting,
    MeetingStatus,
    Notification,
    OutboxJob,
    Role,
    SessionBooking,
)
from linguaflex_desktop.services.booking.rules import describe_payment, describe_status
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.reports import timeline_stripe as stripe_objects
from linguaflex_desktop.services.reports import timeline_words as words
from linguaflex_desktop.services.reports.timeline_dto import (
    SYSTEM_ACTOR,
    BookingTimeline,
    TimelineEntry,
)
from linguaflex_desktop.services.reports.timeline_rows import TimelineRows, read_rows
from linguaflex_desktop.texts import tx

# audit actions written when Stripe's answer about the object was applied: "last read"
_READ_ACTIONS = frozenset(
    {
        AuditAction.PAYMENT_SUCCEEDED,
        AuditAction.PAYMENT_FAILED,
        AuditAction.PAYMENT_CANCELED,
        AuditAction.PAYMENT_MISMATCH,
        AuditAction.PAYMENT_NEEDS_ATTENTION,
        AuditAction.PAYMENT_READ_AGAIN,
        AuditAction.REFUND_PENDING,
        AuditAction.REFUND_REQUIRES_ACTION,
        AuditAction.REFUND_SUCCEEDED,
        AuditAction.REFUND_FAILED,
        AuditAction.REFUND_CANCELED,
        AuditAction.REFUND_REFUSED,
        AuditAction.REFUND_ADOPTED,
        AuditAction.REFUND_READ_AGAIN,
    }
)
# entries of one instant: the object first, then what was recorded, then what followed
_ORDER = {
    "stripe_object": 0,
    "audit": 1,
    "meeting": 2,
    "notification": 3,
    "message": 4,
    "job": 5,
}


class BookingTimelines:
    """Builds the health timeline of one booking (module docstring). Thread-safe."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def booking_timeline(self, actor: Actor, booking_id: int) -> BookingTimeline:
        """Every event of the booking, oldest first. Admins only (PermissionDenied);
        NotFound for an unknown booking."""
        with self._ctx.unit_of_work(write=False) as uow:
            admin = load_acting_user(uow.session, actor, Role.ADMIN)
            booking = load_booking(uow.session, booking_id)
            zone = admin.time_zone
            rows = read_rows(uow.session, booking)
            entries = sorted(_entries(rows, zone), key=lambda item: item[0])
            return BookingTimeline(
                booking_id=booking.id,
                heading=_heading(booking, zone),
                zone=zone,
                entries=tuple(entry for _key, entry in entries),
            )


def _heading(booking: SessionBooking, zone: str) -> str:
    return tx(
        "Booking #{number}: {gig}, {student} with {teacher}, {when} — {status}, payment {payment}",
        number=booking.id,
        gig=booking.gig.title,
        student=booking.student.display_name,
        teacher=booking.teacher.display_name,
        when=words.when(booking.start_at, zone),
        status=describe_status(booking.status),
        payment=describe_payment(booking.payment_status),
    )


SortKey = tuple[datetime, int, int]


def _entries(rows: TimelineRows, zone: str) -> Iterator[tuple[SortKey, TimelineEntry]]:
    yield from _keyed("stripe_object", _stripe_entries(rows, zone))
    currencies = _currencies(rows)
    fallback = rows.booking.currency
    audits = (_audit_entry(e, who, currencies, fallback, zone) for e, who in rows.audits)
    yield from _keyed("audit", audits)
    yield from _keyed("meeting", _meeting_entries(rows.meeting, rows.jobs, zone))
    emails = {_notification_of(job): job for job in rows.jobs if job.kind == JobKind.SEND_EMAIL}
    notices = (
        _notice_entry(row, name, emails.get(row.id), zone) for row, name in rows.notifications
    )
    yield from _keyed("notification", notices)
    booking = rows.booking
    names = {booking.student_id: booking.student.display_name}
    names[booking.teacher_id] = booking.teacher.display_name
    yield from _keyed(
        "message", (_message_entry(row, name, names, zone) for row, name in rows.messages)
    )
    subjects = {row.id: (row.subject, name) for row, name in rows.notifications}
    yield from _keyed("job", (_job_entry(job, subjects, zone) for job in rows.jobs))


def _stripe_entries(rows: TimelineRows, zone: str) -> Iterator[TimelineEntry]:
    last_read = _last_reads(rows.audits)
    student = rows.booking.student.display_name
    if rows.customer is not None:
        yield stripe_objects.customer_entry(rows.customer, student)
    for setup in rows.card_setups:
        yield stripe_objects.card_setup_entry(setup, student, zone)
    for payment in rows.payments:
        read = last_read.get(("payment", payment.id))
        yield stripe_objects.payment_entry(rows, payment, student, read, zone)
    for refund, creator in rows.refunds:
        yield stripe_objects.refund_entry(
            refund, creator, last_read.get(("refund", refund.id)), zone
        )


def _keyed(
    source: str, entries: Iterable[TimelineEntry]
) -> Iterator[tuple[SortKey, TimelineEntry]]:
    for sequence, entry in enumerate(entries):
        yield (entry.at, _ORDER[source], sequence), entry


def _last_reads(audits: Iterable[tuple[AuditEvent, str | None]]) -> dict[tuple[str, int], datetime]:
    """When Stripe's answer about each payment and refund was last applied."""
    found: dict[tuple[str, int], datetime] = {}
    for event, _name in audits:
        if event.action in _READ_ACTIONS and event.entity_id is not None:
            key = (event.entity_type, event.entity_id)
            found[key] = max(found.get(key, event.created_at), event.created_at)
    return found


def _currencies(rows: TimelineRows) -> dict[tuple[str, int], str]:
    found = {("payment", p.id): p.currency for p in rows.payments}
    found.update({("refund", r.id): r.currency for r, _name in rows.refunds})
    return found


# --- audit, meeting, messages, jobs ------------------------------------------------------------


def _audit_entry(
    event: AuditEvent,
    actor: str | None,
    currencies: dict[tuple[str, int], str],
    booking_currency: str,
    zone: str,
) -> TimelineEntry:
    currency = currencies.get((event.entity_type, event.entity_id or 0), booking_currency)
    details = words.audit_fields(
        event.entity_type, event.before, event.after, currency=currency, zone=zone
    )
    if event.reason:
        details.append((tx("Reason"), event.reason))
    return TimelineEntry(
        at=event.created_at,
        kind=words.audit_kind(event.action, event.entity_type),
        title=words.action_title(event.action),
        details=tuple(details),
        actor=actor or SYSTEM_ACTOR,
    )


def _meeting_entries(
    meeting: Meeting | None, jobs: Iterable[OutboxJob], zone: str
) -> Iterator[TimelineEntry]:
    if meeting is not None:
        yield from _meeting_state_entries(meeting)
    for job in jobs:
        if job.kind == JobKind.MOVE_MEETING and job.state is JobState.DONE:
            start = datetime.fromisoformat(str(job.payload.get("start_at")))
            details = ((tx("New start"), words.when(start, zone)),)
            yield TimelineEntry(job.updated_at, "meeting", tx("Meeting moved"), details)


def _meeting_state_entries(meeting: Meeting) -> Iterator[TimelineEntry]:
    provider = words.capitalised(meeting.provider.value)
    made = meeting.status is MeetingStatus.DELETED or (
        meeting.status is MeetingStatus.READY and meeting.updated_at == meeting.created_at
    )
    if made and meeting.external_id:
        details = [(tx("Provider"), provider), (tx("Meeting id"), meeting.external_id)]
        if meeting.join_url:
            details.append((tx("Join link"), meeting.join_url))
        yield TimelineEntry(meeting.created_at, "meeting", tx("Meeting created"), tuple(details))
    else:
        details = [(tx("Provider"), provider)]
        title = tx("Meeting set-up started")
        yield TimelineEntry(meeting.created_at, "meeting", title, tuple(details))
    if meeting.updated_at == meeting.created_at and made:
        return
    reason = ((tx("Reason"), meeting.failure_reason),) if meeting.failure_reason else ()
    at = meeting.updated_at
    if meeting.status is MeetingStatus.DELETED:
        gone = ((tx("Meeting id"), meeting.external_id),) if meeting.external_id else ()
        yield TimelineEntry(at, "meeting", tx("Meeting deleted"), gone)
    elif meeting.status is MeetingStatus.FAILED:
        yield TimelineEntry(at, "meeting", tx("Meeting could not be created"), reason)
    elif meeting.status is MeetingStatus.PENDING:
        yield TimelineEntry(at, "meeting", tx("Meeting still pending"), reason)
    else:
        link = ((tx("Join link"), meeting.join_url),) if meeting.join_url else ()
        yield TimelineEntry(at, "meeting", tx("Meeting ready"), link)


def _notice_entry(
    row: Notification, recipient: str, email: OutboxJob | None, zone: str
) -> TimelineEntry:
    kind: str = words.NOTICE_KINDS.get(row.kind) or row.kind.replace("_", " ")
    details = [(tx("Kind"), kind)]
    seen = tx("read {when}", when=words.when(row.read_at, zone)) if row.read_at else tx("unread")
    details.append((tx("In-app"), seen))
    if row.email_handed_at is not None:
        details.append((tx("E-mail handed over"), words.when(row.email_handed_at, zone)))
    if row.emailed_at is not None:
        details.append((tx("E-mail sent"), words.when(row.emailed_at, zone)))
    else:
        details.append((tx("E-mail"), _email_state(row, email)))
    return TimelineEntry(
        at=row.created_at,
        kind="notification",
        title=tx("Message to {recipient}: “{subject}”", recipient=recipient, subject=row.subject),
        details=tuple(details),
    )


def _message_entry(
    row: BookingMessage, author: str, names: dict[int, str], zone: str
) -> TimelineEntry:
    """A message between the parties: who wrote to whom, how long, whether it was read (the
    words themselves are in the booking's Messages tab)."""
    recipient = names.get(row.recipient_id) or tx("the other party")
    read = (
        tx("read {when}", when=words.when(row.read_at, zone)) if row.read_at else tx("not read yet")
    )
    length = len(row.body)
    size = tx("1 character") if length == 1 else tx("{n} characters", n=length)
    return TimelineEntry(
        at=row.created_at,
        kind="message",
        title=tx("Message from {author} to {recipient}", author=author, recipient=recipient),
        details=((tx("Length", sense="text"), size), (tx("Read"), read)),
        actor=author,
    )


def _email_state(row: Notification, job: OutboxJob | None) -> str:
    """Where the e-mail of a notification not (yet) sent stands."""
    if row.email_handed_at is not None:
        return tx("handed to the mail server; delivery not confirmed")
    if job is None:
        return tx("not sent by e-mail (in-app only)")
    if job.state is JobState.DEAD:
        return tx("not sent: its job is dead-lettered")
    return tx("waiting to be sent") if job.state is not JobState.DONE else tx("not sent")


def _notification_of(job: OutboxJob) -> int:
    """The notification an e-mail job sends (0 for other jobs)."""
    return int(job.payload.get("notification_id", 0) or 0)


def _job_entry(job: OutboxJob, subjects: dict[int, tuple[str, str]], zone: str) -> TimelineEntry:
    what = words.JOB_TITLES.get(job.kind, job.kind)
    state = job.state.value
    state_text = words.JOB_STATES.get(state, state)
    details = [
        (tx("State"), state_text),
        (tx("Failed attempts"), tx("{n} of {most}", n=job.attempts, most=job.max_attempts)),
    ]
    if job.last_error:
        details.append((tx("Last error"), job.last_error))
    if job.state is JobState.PENDING:
        details.append((tx("Next attempt"), words.when(job.next_attempt_at, zone)))
    elif job.state in (JobState.DONE, JobState.DEAD):
        details.append((tx("Finished"), words.when(job.updated_at, zone)))
    notice = subjects.get(_notification_of(job))
    if notice is not None:
        subject, recipient = notice
        details.append(
            (tx("Message"), tx("“{subject}” to {recipient}", subject=subject, recipient=recipient))
        )
    if job.kind == JobKind.REMINDER:
        reminder = str(job.payload.get("kind", ""))
        details.append((tx("Reminder"), words.NOTICE_KINDS.get(reminder, reminder)))
    title = tx("Job “{what}”: {state}", what=what, state=state_text)
    return TimelineEntry(job.created_at, "job", title, tuple(details))
