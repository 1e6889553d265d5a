"""The booking timeline in words: titles of audited actions, recorded fields as (label, value)
pairs ("Amount: 10.00 USD", never "amount_minor 1000"), statuses and times in the reader's zone.

Pure functions, no I/O. The audit detail's own formatter (``describe_fields``, the exports work)
may replace ``audit_fields`` once both exist; the words here are the timeline's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linguaflex_desktop.models.enums import AuditAction, BookingStatus, JobKind, PaymentStatus
from linguaflex_desktop.services.booking.rules import describe_payment, describe_status
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.reports.timeline_dto import TimelineKind

A = AuditAction
ACTION_TITLES: dict[str, str] = {
    A.BOOKING_REQUESTED: "Booking requested",
    A.BOOKING_CONFIRMED: "Teacher confirmed the booking",
    A.BOOKING_DECLINED: "Teacher declined the booking",
    A.BOOKING_CANCELLED: "Booking cancelled",
    A.BOOKING_EXPIRED: "Request expired: the teacher did not answer",
    A.BOOKING_PAYMENT_OVERDUE: "Cancelled: not paid by the deadline",
    A.BOOKING_COMPLETED: "Session completed",
    A.BOOKING_REFUNDED: "Booking closed by a full refund",
    A.BOOKING_PAYMENT_PENDING: "Payment started",
    A.BOOKING_PAYMENT_PAID: "Booking paid",
    A.BOOKING_PAYMENT_FAILED: "Payment failed",
    A.BOOKING_PAYMENT_REFUNDED: "Payment fully refunded",
    A.BOOKING_RESCHEDULE_PROPOSED: "New time proposed",
    A.BOOKING_RESCHEDULED: "Booking moved to a new time",
    A.BOOKING_RESCHEDULE_DECLINED: "New time declined",
    A.PAYMENT_CREATED: "Payment attempt started",
    A.PAYMENT_SUCCEEDED: "Stripe confirmed the payment",
    A.PAYMENT_FAILED: "Payment attempt failed",
    A.PAYMENT_CANCELED: "Payment attempt cancelled",
    A.PAYMENT_MISMATCH: "Stripe's payment does not match the booking",
    A.PAYMENT_NEEDS_ATTENTION: "Payment went through on a closed booking",
    A.PAYMENT_READ_AGAIN: "PaymentIntent read again from Stripe",
    A.REFUND_REQUESTED: "Refund requested",
    A.REFUND_PENDING: "Stripe accepted the refund (pending)",
    A.REFUND_REQUIRES_ACTION: "Refund needs action at Stripe",
    A.REFUND_SUCCEEDED: "Refund succeeded at Stripe",
    A.REFUND_FAILED: "Refund failed at Stripe",
    A.REFUND_CANCELED: "Refund cancelled at Stripe",
    A.REFUND_REFUSED: "Stripe refused the refund",
    A.REFUND_ADOPTED: "Refund found at Stripe and recorded",
    A.REFUND_NEEDS_ATTENTION: "Refund needs an administrator",
    A.REFUND_READ_AGAIN: "Refund read again from Stripe",
    A.JOB_RETRY: "Dead job queued again",
}
JOB_TITLES: dict[str, str] = {
    JobKind.CREATE_MEETING: "Create the meeting",
    JobKind.DELETE_MEETING: "Delete the meeting",
    JobKind.MOVE_MEETING: "Move the meeting",
    JobKind.SEND_EMAIL: "Send an e-mail",
    JobKind.REMINDER: "Send a reminder",
}
JOB_STATES = {"pending": "waiting", "running": "running", "done": "done", "dead": "dead-lettered"}
# our record of a PaymentIntent or Refund, and Stripe's statuses, in words
HELD_STATES = {
    "creating": "not yet answered by Stripe",
    "pending": "pending",
    "requires_action": "needs action",
    "requires_confirmation": "waiting for confirmation",
    "requires_payment_method": "declined",
    "processing": "processing",
    "succeeded": "succeeded",
    "failed": "failed",
    "canceled": "cancelled",
}
FIELD_LABELS = {
    "status": "Status",
    "payment_status": "Payment",
    "amount_minor": "Amount",
    "payment_intent": "PaymentIntent",
    "start_at": "Start",
    "attempts": "Attempts",
    "state": "State",
    "stripe_status": "Stripe says",
}
NOTICE_KINDS = {
    "requested": "booking request",
    "confirmed": "confirmation, pay now",
    "declined": "request declined",
    "cancelled": "cancellation",
    "expired": "request expired",
    "payment_overdue": "payment overdue",
    "paid": "session booked",
    "meeting_ready": "meeting link",
    "refunded": "refund",
    "partially_refunded": "partial refund",
    "rescheduled": "new time",
    "completed": "session completed",
    "reminder_24h": "reminder 24 hours before",
    "reminder_1h": "reminder 1 hour before",
}


def audit_kind(action: str, entity_type: str) -> TimelineKind:
    """The timeline kind of an audited action."""
    if action in (A.PAYMENT_READ_AGAIN, A.REFUND_READ_AGAIN, A.JOB_RETRY):
        return "audit"
    if entity_type == "booking":
        return "payment_status" if action.startswith("booking.payment_") else "status"
    if entity_type in ("payment", "refund"):
        return "payment" if entity_type == "payment" else "refund"
    return "audit"


def action_title(action: str) -> str:
    return ACTION_TITLES.get(action, action.replace(".", ": ").replace("_", " ").capitalize())


def state_words(value: str | None) -> str:
    """A PaymentIntent's, refund's or our attempt's status in words."""
    if value is None:
        return "not recorded"
    return HELD_STATES.get(value, value.replace("_", " "))


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def when(instant: datetime | None, zone: str) -> str:
    """'Wed 3 Mar 2027, 11:00 CET' in ``zone``; 'never' for None."""
    if instant is None:
        return "never"
    moment = instant.astimezone(zone_of(zone))
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M} {moment.tzname()}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def audit_fields(
    entity_type: str,
    before: Mapping[str, str | None] | None,
    after: Mapping[str, str | None] | None,
    *,
    currency: str,
    zone: str,
) -> list[tuple[str, str]]:
    """The recorded fields of an audit event in words: a changed field as "old → new", an
    unchanged or one-sided one as its value; amounts as money in ``currency``."""
    before, after = before or {}, after or {}
    names = list(before) + [name for name in after if name not in before]
    pairs = []
    for name in names:
        old, new = before.get(name), after.get(name)
        label = FIELD_LABELS.get(name, capitalised(name.replace("_", " ")))
        if entity_type == "booking" and name == "status":
            label = "Booking"
        old_text = _field_value(entity_type, name, old, currency, zone) if name in before else None
        new_text = _field_value(entity_type, name, new, currency, zone) if name in after else None
        if old is None and new is None:
            continue  # recorded as empty on both sides: nothing to say
        if old_text is not None and new_text is not None and old_text != new_text:
            pairs.append((label, f"{old_text} → {new_text}"))
        else:
            pairs.append((label, new_text if new_text is not None else old_text or ""))
    return pairs


def _field_value(entity_type: str, name: str, value: str | None, currency: str, zone: str) -> str:
    if value is None:
        return "none"
    if name == "amount_minor" and value.lstrip("-").isdigit():
        return format_money(int(value), currency)
    if name == "start_at":
        try:
            return when(datetime.fromisoformat(value), zone)
        except ValueError:
            return value
    if entity_type == "booking" and name == "status" and value in _BOOKING_STATUSES:
        return capitalised(describe_status(BookingStatus(value)))
    if name == "payment_status" and value in _PAYMENT_STATUSES:
        return capitalised(describe_payment(PaymentStatus(value)))
    if entity_type == "outbox_job" and name == "state":
        return capitalised(JOB_STATES.get(value, value))
    if name in ("status", "stripe_status"):
        return capitalised(state_words(value))
    return value


_BOOKING_STATUSES = frozenset(status.value for status in BookingStatus)
_PAYMENT_STATUSES = frozenset(status.value for status in PaymentStatus)
