"""The booking timeline in words: titles of audited actions, recorded fields as (label, value)
pairs ("Amount: 10.00 USD", never "amount_minor 1000": the audit detail's ``audit_text``),
Stripe's and our statuses, and times in the reader's zone with their offset. Pure, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linguaflex_desktop.models.enums import AuditAction, JobKind
from linguaflex_desktop.services.reports.audit_text import (
    AMOUNT_SUFFIX,
    NOT_SET,
    describe_changes,
)
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
    A.ATTENTION_FIX: "Needs-attention fix run",
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
    if action in (A.PAYMENT_READ_AGAIN, A.REFUND_READ_AGAIN, A.JOB_RETRY, A.ATTENTION_FIX):
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
    """'Wed 3 Mar 2027, 11:00 (UTC+01:00)' in ``zone``, as the audit detail writes an instant;
    'never' for None."""
    if instant is None:
        return "never"
    moment = instant.astimezone(zone_of(zone))
    offset = moment.isoformat()[-6:]
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M} (UTC{offset})"


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
    """The recorded fields of an audit event in words (``audit_text.describe_changes``): a
    changed field as "old → new", an unchanged or one-sided one as its value; amounts as money
    in ``currency`` when the event does not name one; fields recorded empty are left out."""
    old, new = dict(before or {}), dict(after or {})
    amounts = any(name.endswith(AMOUNT_SUFFIX) for name in (*old, *new))
    if amounts and not (old.get("currency") or new.get("currency")):
        new["currency"] = currency
    pairs = []
    for field in describe_changes(old, new, zone=zone, entity_type=entity_type):
        sides = [side for side in (field.before, field.after) if side not in (None, NOT_SET)]
        if not sides:
            continue
        changed = len(sides) == 2 and field.changed
        pairs.append((field.label, f"{field.before} → {field.after}" if changed else sides[-1]))
    return pairs
