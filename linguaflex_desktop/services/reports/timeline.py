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
    Payment,
    PendingCardSetup,
    Refund,
    Role,
    SessionBooking,
    StripeCustomer,
)
from linguaflex_desktop.services.booking.rules import describe_payment, describe_status
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.reports import timeline_words as words
from linguaflex_desktop.services.reports.timeline_dto import (
    SYSTEM_ACTOR,
    BookingTimeline,
    StripeObjectType,
    StripeRef,
    TimelineEntry,
)
from linguaflex_desktop.services.reports.timeline_rows import TimelineRows, read_rows

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
    return (
        f"Booking #{booking.id}: {booking.gig.title}, {booking.student.display_name} with "
        f"{booking.teacher.display_name}, {words.when(booking.start_at, zone)} — "
        f"{describe_status(booking.status)}, payment {describe_payment(booking.payment_status)}"
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
        yield _customer_entry(rows.customer, student)
    for setup in rows.card_setups:
        yield _card_setup_entry(setup, student, zone)
    for payment in rows.payments:
        read = last_read.get(("payment", payment.id))
        yield _payment_entry(rows, payment, student, read, zone)
    for refund, creator in rows.refunds:
        yield _refund_entry(refund, creator, last_read.get(("refund", refund.id)), zone)


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


# --- Stripe objects ---------------------------------------------------------------------------


def _read_details(state: str, last_read: datetime | None, zone: str) -> list[tuple[str, str]]:
    return [
        ("State as last read", words.state_words(state)),
        ("Last read", words.when(last_read, zone) if last_read else "not recorded"),
    ]


def _payment_entry(
    rows: TimelineRows, payment: Payment, student: str, last_read: datetime | None, zone: str
) -> TimelineEntry:
    state = payment.status.value
    details = [("Amount", format_money(payment.amount_minor, payment.currency))]
    details += _read_details(state, last_read or payment.succeeded_at, zone)
    card = rows.cards.get(payment.stripe_payment_method_id or "")
    if card is not None:
        details.append(("Card", f"{words.capitalised(card.brand)} ending {card.last4}"))
    if payment.refunded_minor:
        details.append(("Refunded", format_money(payment.refunded_minor, payment.currency)))
    if payment.failure_message:
        details.append(("Problem", payment.failure_message))
    ref = _rereadable("payment_intent", payment.stripe_payment_intent_id)
    title = _object_title(ref, state, unsent="Payment attempt not created at Stripe")
    return TimelineEntry(payment.created_at, "stripe_object", title, tuple(details), student, ref)


def _refund_entry(
    refund: Refund, creator: str, last_read: datetime | None, zone: str
) -> TimelineEntry:
    state = refund.status.value
    details = [("Amount", format_money(refund.amount_minor, refund.currency))]
    details += _read_details(state, last_read, zone)
    if refund.reason:
        details.append(("Reason", refund.reason))
    ref = _rereadable("refund", refund.stripe_refund_id)
    title = _object_title(ref, state, unsent="Refund not yet answered by Stripe")
    return TimelineEntry(refund.created_at, "stripe_object", title, tuple(details), creator, ref)


def _rereadable(object_type: StripeObjectType, stripe_id: str | None) -> StripeRef | None:
    """A PaymentIntent or Refund Stripe knows (its id recorded): it can be read again."""
    return StripeRef(object_type, stripe_id, can_read_again=True) if stripe_id else None


def _object_title(ref: StripeRef | None, state: str, *, unsent: str) -> str:
    """ "Stripe Refund re_123: succeeded"; ``unsent`` when Stripe never gave us its id."""
    what = f"Stripe {ref.name} {ref.object_id}" if ref is not None else unsent
    return f"{what}: {words.state_words(state)}"


def _customer_entry(customer: StripeCustomer, student: str) -> TimelineEntry:
    return TimelineEntry(
        at=customer.created_at,
        kind="stripe_object",
        title=f"Stripe Customer {customer.stripe_customer_id} of {student}",
        details=(("Student", student),),
        actor=student,
        stripe=StripeRef("customer", customer.stripe_customer_id, can_read_again=False),
    )


def _card_setup_entry(setup: PendingCardSetup, student: str, zone: str) -> TimelineEntry:
    state = words.state_words(setup.status)
    details = [("State as last read", state)]
    if setup.stripe_setup_intent_id:
        details.append(("SetupIntent", setup.stripe_setup_intent_id))
    if setup.failure_message:
        details.append(("Problem", setup.failure_message))
    session_id = setup.stripe_checkout_session_id
    return TimelineEntry(
        at=setup.created_at,
        kind="stripe_object",
        title=f"Card setup {session_id or 'not created at Stripe'}: {state}",
        details=tuple(details),
        actor=student,
        stripe=StripeRef("checkout_session", session_id, False) if session_id else None,
    )


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
        details.append(("Reason", event.reason))
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
            details = (("New start", words.when(start, zone)),)
            yield TimelineEntry(job.updated_at, "meeting", "Meeting moved", details)


def _meeting_state_entries(meeting: Meeting) -> Iterator[TimelineEntry]:
    provider = words.capitalised(meeting.provider.value)
    made = meeting.status is MeetingStatus.DELETED or (
        meeting.status is MeetingStatus.READY and meeting.updated_at == meeting.created_at
    )
    if made and meeting.external_id:
        details = [("Provider", provider), ("Meeting id", meeting.external_id)]
        if meeting.join_url:
            details.append(("Join link", meeting.join_url))
        yield TimelineEntry(meeting.created_at, "meeting", "Meeting created", tuple(details))
    else:
        details = [("Provider", provider)]
        yield TimelineEntry(meeting.created_at, "meeting", "Meeting set-up started", tuple(details))
    if meeting.updated_at == meeting.created_at and made:
        return
    reason = (("Reason", meeting.failure_reason),) if meeting.failure_reason else ()
    if meeting.status is MeetingStatus.DELETED:
        gone = (("Meeting id", meeting.external_id),) if meeting.external_id else ()
        yield TimelineEntry(meeting.updated_at, "meeting", "Meeting deleted", gone)
    elif meeting.status is MeetingStatus.FAILED:
        yield TimelineEntry(meeting.updated_at, "meeting", "Meeting could not be created", reason)
    elif meeting.status is MeetingStatus.PENDING:
        yield TimelineEntry(meeting.updated_at, "meeting", "Meeting still pending", reason)
    else:
        link = (("Join link", meeting.join_url),) if meeting.join_url else ()
        yield TimelineEntry(meeting.updated_at, "meeting", "Meeting ready", link)


def _notice_entry(
    row: Notification, recipient: str, email: OutboxJob | None, zone: str
) -> TimelineEntry:
    kind = words.NOTICE_KINDS.get(row.kind, row.kind.replace("_", " "))
    details = [("Kind", kind)]
    details.append(("In-app", f"read {words.when(row.read_at, zone)}" if row.read_at else "unread"))
    if row.email_handed_at is not None:
        details.append(("E-mail handed over", words.when(row.email_handed_at, zone)))
    if row.emailed_at is not None:
        details.append(("E-mail sent", words.when(row.emailed_at, zone)))
    else:
        details.append(("E-mail", _email_state(row, email)))
    return TimelineEntry(
        at=row.created_at,
        kind="notification",
        title=f"Message to {recipient}: “{row.subject}”",
        details=tuple(details),
    )


def _message_entry(
    row: BookingMessage, author: str, names: dict[int, str], zone: str
) -> TimelineEntry:
    """A message between the parties: who wrote to whom, how long, whether it was read (the
    words themselves are in the booking's Messages tab)."""
    recipient = names.get(row.recipient_id, "the other party")
    read = f"read {words.when(row.read_at, zone)}" if row.read_at else "not read yet"
    length = len(row.body)
    return TimelineEntry(
        at=row.created_at,
        kind="message",
        title=f"Message from {author} to {recipient}",
        details=(("Length", f"{length} character{'s' if length != 1 else ''}"), ("Read", read)),
        actor=author,
    )


def _email_state(row: Notification, job: OutboxJob | None) -> str:
    """Where the e-mail of a notification not (yet) sent stands."""
    if row.email_handed_at is not None:
        return "handed to the mail server; delivery not confirmed"
    if job is None:
        return "not sent by e-mail (in-app only)"
    if job.state is JobState.DEAD:
        return "not sent: its job is dead-lettered"
    return "waiting to be sent" if job.state is not JobState.DONE else "not sent"


def _notification_of(job: OutboxJob) -> int:
    """The notification an e-mail job sends (0 for other jobs)."""
    return int(job.payload.get("notification_id", 0) or 0)


def _job_entry(job: OutboxJob, subjects: dict[int, tuple[str, str]], zone: str) -> TimelineEntry:
    what = words.JOB_TITLES.get(job.kind, job.kind)
    state = job.state.value
    details = [
        ("State", words.JOB_STATES.get(state, state)),
        ("Failed attempts", f"{job.attempts} of {job.max_attempts}"),
    ]
    if job.last_error:
        details.append(("Last error", job.last_error))
    if job.state is JobState.PENDING:
        details.append(("Next attempt", words.when(job.next_attempt_at, zone)))
    elif job.state in (JobState.DONE, JobState.DEAD):
        details.append(("Finished", words.when(job.updated_at, zone)))
    notice = subjects.get(_notification_of(job))
    if notice is not None:
        details.append(("Message", f"“{notice[0]}” to {notice[1]}"))
    if job.kind == JobKind.REMINDER:
        reminder = str(job.payload.get("kind", ""))
        details.append(("Reminder", words.NOTICE_KINDS.get(reminder, reminder)))
    title = f"Job “{what}”: {words.JOB_STATES.get(state, state)}"
    return TimelineEntry(job.created_at, "job", title, tuple(details))
