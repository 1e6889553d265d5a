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
from linguaflex_desktop.services.reports.calendar_words import moment_text
from linguaflex_desktop.services.reports.timeline_dto import TimelineKind
from linguaflex_desktop.texts import Text, tx

A = AuditAction
NOT_RECORDED = tx("not recorded")
ACTION_TITLES: dict[str, Text] = {
    A.BOOKING_REQUESTED: tx("Booking requested"),
    A.BOOKING_CONFIRMED: tx("Teacher confirmed the booking"),
    A.BOOKING_DECLINED: tx("Teacher declined the booking"),
    A.BOOKING_CANCELLED: tx("Booking cancelled"),
    A.BOOKING_EXPIRED: tx("Request expired: the teacher did not answer"),
    A.BOOKING_PAYMENT_OVERDUE: tx("Cancelled: not paid by the deadline"),
    A.BOOKING_COMPLETED: tx("Session completed"),
    A.BOOKING_REFUNDED: tx("Booking closed by a full refund"),
    A.BOOKING_PAYMENT_PENDING: tx("Payment started"),
    A.BOOKING_PAYMENT_PAID: tx("Booking paid"),
    A.BOOKING_PAYMENT_FAILED: tx("Payment failed"),
    A.BOOKING_PAYMENT_REFUNDED: tx("Payment fully refunded"),
    A.BOOKING_RESCHEDULE_PROPOSED: tx("New time proposed"),
    A.BOOKING_RESCHEDULED: tx("Booking moved to a new time"),
    A.BOOKING_RESCHEDULE_DECLINED: tx("New time declined"),
    A.PAYMENT_CREATED: tx("Payment attempt started"),
    A.PAYMENT_SUCCEEDED: tx("Stripe confirmed the payment"),
    A.PAYMENT_FAILED: tx("Payment attempt failed"),
    A.PAYMENT_CANCELED: tx("Payment attempt cancelled"),
    A.PAYMENT_MISMATCH: tx("Stripe's payment does not match the booking"),
    A.PAYMENT_NEEDS_ATTENTION: tx("Payment went through on a closed booking"),
    A.PAYMENT_READ_AGAIN: tx("PaymentIntent read again from Stripe"),
    A.REFUND_REQUESTED: tx("Refund requested"),
    A.REFUND_PENDING: tx("Stripe accepted the refund (pending)"),
    A.REFUND_REQUIRES_ACTION: tx("Refund needs action at Stripe"),
    A.REFUND_SUCCEEDED: tx("Refund succeeded at Stripe"),
    A.REFUND_FAILED: tx("Refund failed at Stripe"),
    A.REFUND_CANCELED: tx("Refund cancelled at Stripe"),
    A.REFUND_REFUSED: tx("Stripe refused the refund"),
    A.REFUND_ADOPTED: tx("Refund found at Stripe and recorded"),
    A.REFUND_NEEDS_ATTENTION: tx("Refund needs an administrator"),
    A.REFUND_READ_AGAIN: tx("Refund read again from Stripe"),
    A.JOB_RETRY: tx("Dead job queued again"),
    A.ATTENTION_FIX: tx("Needs-attention fix run"),
}
JOB_TITLES: dict[str, Text] = {
    JobKind.CREATE_MEETING: tx("Create the meeting"),
    JobKind.DELETE_MEETING: tx("Delete the meeting"),
    JobKind.MOVE_MEETING: tx("Move the meeting"),
    JobKind.SEND_EMAIL: tx("Send an e-mail"),
    JobKind.REMINDER: tx("Send a reminder"),
}
JOB_STATES: dict[str, Text] = {
    "pending": tx("waiting"),
    "running": tx("running"),
    "done": tx("done"),
    "dead": tx("dead-lettered"),
}
# our record of a PaymentIntent or Refund, and Stripe's statuses, in words
HELD_STATES: dict[str, Text] = {
    "creating": tx("not yet answered by Stripe"),
    "pending": tx("pending"),
    "requires_action": tx("needs action"),
    "requires_confirmation": tx("waiting for confirmation"),
    "requires_payment_method": tx("declined"),
    "processing": tx("processing"),
    "succeeded": tx("succeeded"),
    "failed": tx("failed", sense="stripe"),
    "canceled": tx("cancelled", sense="stripe"),
}
NOTICE_KINDS: dict[str, Text] = {
    "requested": tx("booking request"),
    "confirmed": tx("confirmation, pay now"),
    "declined": tx("request declined"),
    "cancelled": tx("cancellation"),
    "expired": tx("request expired"),
    "payment_overdue": tx("payment overdue"),
    "paid": tx("session booked"),
    "meeting_ready": tx("meeting link"),
    "refunded": tx("refund"),
    "partially_refunded": tx("partial refund"),
    "rescheduled": tx("new time"),
    "completed": tx("session completed"),
    "reminder_24h": tx("reminder 24 hours before"),
    "reminder_1h": tx("reminder 1 hour before"),
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
        return NOT_RECORDED
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
        return tx("never")
    return moment_text(instant.astimezone(zone_of(zone)))


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
        value = tx("{before} → {after}", before=field.before, after=field.after)
        pairs.append((field.label, value if changed else sides[-1]))
    return pairs
