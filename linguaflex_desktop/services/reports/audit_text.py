"""Audit fields in words: "Amount: 10.00 USD", not "amount_minor 1000" (pure, any thread).

``record_audit`` stores each recorded field as text under its attribute name. This module
turns them back into what a person reads: a label for each field, amounts as money with their
currency (the record's ``currency`` field, folded into its amounts), instants in the viewer's
zone with their offset, statuses in words, yes/no for flags. A field this module does not know
keeps its value and gets a humanised label ("some_field" -> "Some field").

Used by the admin's audit detail, the audit trail's CSV export and the booking timeline; the
words of each status are the ones every table shows (ui.booking.format and ui.payments.format
take them from here).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models.enums import (
    BookingStatus,
    JobState,
    PaymentAttemptStatus,
    PaymentStatus,
    RefundStatus,
)
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.common.validation import validate_time_zone
from linguaflex_desktop.services.reports.dto import AuditEventDTO

NOT_SET = "—"
SYSTEM = "System"  # who acted when no user did (the worker, reconcile)
ENTITY_TEXT: Mapping[str, str] = {
    "booking": "Booking",
    "payment": "Payment",
    "refund": "Refund",
    "user": "User",
    "gig": "Gig",
    "saved_card": "Saved card",
    "outbox_job": "Job",
    "settings": "Settings",
    "payout": "Payout",
    "review": "Review",
}
AMOUNT_SUFFIX = "_minor"
TIME_SUFFIX = "_at"

FIELD_LABELS: Mapping[str, str] = {
    "amount_minor": "Amount",
    "fee_minor": "Platform fee",
    "teacher_share_minor": "Teacher's share",
    "refunded_minor": "Refunded",
    "payment_status": "Payment",
    "payment_intent": "Stripe PaymentIntent",
    "stripe_payment_intent_id": "Stripe PaymentIntent",
    "stripe_refund_id": "Stripe refund",
    "start_at": "Starts",
    "end_at": "Ends",
    "suspended_at": "Suspended since",
    "display_name": "Display name",
    "time_zone": "Time zone",
    "email": "E-mail",
    "must_change_password": "Must choose a new password",
    "last4": "Card ending",
    "brand": "Card brand",
    "is_default": "Default card",
    "stripe_publishable_key": "Stripe publishable key",
    "zoom_account_id": "Zoom account ID",
    "zoom_client_id": "Zoom client ID",
    "smtp_host": "SMTP host",
    "smtp_port": "SMTP port",
    "smtp_username": "SMTP user name",
    "smtp_security": "SMTP security",
    "smtp_sender": "SMTP sender",
    "jitsi_base_url": "Jitsi address",
    "teacher_id": "Teacher number",
}

BOOKING_STATUS_TEXT: Mapping[BookingStatus, str] = {
    BookingStatus.PENDING: "Waiting for teacher",
    BookingStatus.CONFIRMED: "Confirmed",
    BookingStatus.COMPLETED: "Completed",
    BookingStatus.CANCELLED: "Cancelled",
    BookingStatus.REFUNDED: "Refunded",
}
PAYMENT_STATUS_TEXT: Mapping[PaymentStatus, str] = {
    PaymentStatus.UNPAID: "Unpaid",
    PaymentStatus.PENDING: "Payment in progress",
    PaymentStatus.PAID: "Paid",
    PaymentStatus.FAILED: "Payment failed",
    PaymentStatus.REFUNDED: "Refunded",
}
ATTEMPT_STATUS_TEXT: Mapping[PaymentAttemptStatus, str] = {
    PaymentAttemptStatus.CREATING: "Starting",
    PaymentAttemptStatus.PENDING: "In progress",
    PaymentAttemptStatus.SUCCEEDED: "Succeeded",
    PaymentAttemptStatus.FAILED: "Failed",
    PaymentAttemptStatus.CANCELED: "Cancelled",
}
REFUND_STATUS_TEXT: Mapping[RefundStatus, str] = {
    RefundStatus.CREATING: "Being sent to Stripe",
    RefundStatus.PENDING: "Pending at Stripe",
    RefundStatus.REQUIRES_ACTION: "Needs action at Stripe",
    RefundStatus.SUCCEEDED: "Refunded",
    RefundStatus.FAILED: "Failed",
    RefundStatus.CANCELED: "Cancelled",
}
JOB_STATE_TEXT: Mapping[JobState, str] = {
    JobState.PENDING: "Waiting",
    JobState.RUNNING: "Running",
    JobState.DONE: "Done",
    JobState.DEAD: "Gave up",
}
# (record kind, field) -> the words of its stored values; the record kind picks which "status".
STATUS_WORDS: Mapping[tuple[str, str], Mapping[str, str]] = {
    ("booking", "status"): {key.value: text for key, text in BOOKING_STATUS_TEXT.items()},
    ("booking", "payment_status"): {key.value: text for key, text in PAYMENT_STATUS_TEXT.items()},
    ("payment", "status"): {key.value: text for key, text in ATTEMPT_STATUS_TEXT.items()},
    ("refund", "status"): {key.value: text for key, text in REFUND_STATUS_TEXT.items()},
    ("outbox_job", "state"): {key.value: text for key, text in JOB_STATE_TEXT.items()},
}
FLAG_WORDS = {"true": "Yes", "false": "No"}
# fields holding a state whose words are not known here: "requires_action" -> "Requires action"
STATUS_FIELDS = frozenset({"status", "state", "payment_status"})


@dataclass(frozen=True)
class FieldText:
    """One recorded field in words, before and after an action (None: not recorded)."""

    label: str
    before: str | None
    after: str | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def entity_text(entity_type: str) -> str:
    """The kind of record in words: 'outbox_job' -> 'Job'; unknown kinds humanised."""
    return ENTITY_TEXT.get(entity_type, humanise(entity_type))


def record_text(event: AuditEventDTO) -> str:
    """'Booking #12' (or 'Settings' for a record without a number)."""
    name = entity_text(event.entity_type)
    return name if event.entity_id is None else f"{name} #{event.entity_id}"


def actor_text(event: AuditEventDTO) -> str:
    """Who acted: the user's name, or 'System'."""
    return event.actor_name or SYSTEM


def action_text(action: str) -> str:
    """What happened, in words, without the record kind the action starts with:
    'booking.payment_paid' -> 'Payment paid', 'refund.succeeded' -> 'Succeeded'."""
    _kind, dot, what = action.partition(".")
    return humanise(what if dot and what else action)


def humanise(name: str) -> str:
    """'some_field' -> 'Some field'; 'payment.succeeded' -> 'Payment succeeded'."""
    words = name.replace(".", " ").replace("_", " ").split()
    return " ".join(words).capitalize() if words else name


def field_label(name: str) -> str:
    """The label of a recorded field: a known one, else its humanised name."""
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    if name.endswith(AMOUNT_SUFFIX):
        return humanise(name.removesuffix(AMOUNT_SUFFIX))
    return humanise(name)


def field_value(
    name: str,
    value: object,
    *,
    zone: str,
    currency: str | None = None,
    entity_type: str | None = None,
) -> str:
    """The value of a recorded field in words (module docstring); ``currency`` is the one
    of the record, for its amounts."""
    if value is None:
        return NOT_SET
    text = str(value)
    words = STATUS_WORDS.get((entity_type or "", name))
    if words is not None and text in words:
        return words[text]
    if name.endswith(AMOUNT_SUFFIX):
        return _amount_text(text, currency)
    if name.endswith(TIME_SUFFIX):
        return _time_text(text, zone)
    if name in STATUS_FIELDS:
        return humanise(text.lower())
    return FLAG_WORDS.get(text.lower(), text)


def describe_fields(
    fields: Mapping[str, object],
    *,
    zone: str,
    entity_type: str | None = None,
    currency: str | None = None,
) -> list[tuple[str, str]]:
    """(label, value) of each recorded field, in recorded order: "Amount", "10.00 USD".

    The record's ``currency`` field is folded into its amounts and not listed again unless no
    amount used it; ``currency`` is the fallback when the fields do not name one.
    """
    known = _currency_of(fields) or currency
    has_amount = known is not None and any(name.endswith(AMOUNT_SUFFIX) for name in fields)
    return [
        (
            field_label(name),
            field_value(name, value, zone=zone, currency=known, entity_type=entity_type),
        )
        for name, value in fields.items()
        if not (name == "currency" and has_amount)
    ]


def describe_changes(
    before: Mapping[str, object] | None,
    after: Mapping[str, object] | None,
    *,
    zone: str,
    entity_type: str | None = None,
) -> tuple[FieldText, ...]:
    """Every field recorded before or after (before's first), each side in words; the
    currency named on either side serves the amounts of both."""
    old, new = before or {}, after or {}
    currency = _currency_of(new) or _currency_of(old)
    has_amount = currency is not None and any(name.endswith(AMOUNT_SUFFIX) for name in (*old, *new))
    names = [*old, *(name for name in new if name not in old)]

    def side(fields: Mapping[str, object], name: str) -> str | None:
        if name not in fields:
            return None
        return field_value(
            name, fields[name], zone=zone, currency=currency, entity_type=entity_type
        )

    return tuple(
        FieldText(field_label(name), side(old, name), side(new, name))
        for name in names
        if not (name == "currency" and has_amount)
    )


def fields_line(
    fields: Mapping[str, object] | None, *, zone: str, entity_type: str | None = None
) -> str:
    """The fields on one line, for a CSV cell: "Amount: 10.00 USD; Status: Refunded"."""
    if not fields:
        return ""
    pairs = describe_fields(fields, zone=zone, entity_type=entity_type)
    return "; ".join(f"{label}: {value}" for label, value in pairs)


def _currency_of(fields: Mapping[str, object]) -> str | None:
    value = fields.get("currency")
    return str(value).upper() if value else None


def _amount_text(text: str, currency: str | None) -> str:
    try:
        amount = int(text)
    except ValueError:
        return text
    if currency is None:
        return f"{amount:,} in minor units (currency not recorded)"
    try:
        return format_money(amount, currency)
    except ValidationError:
        return f"{amount:,} in minor units of {currency}"


def _time_text(text: str, zone: str) -> str:
    """'Wed 3 Mar 2027, 11:00 (UTC+01:00)' in ``zone``; a text that is no instant stays."""
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        return text
    if instant.tzinfo is None:
        return text
    moment = instant.astimezone(ZoneInfo(validate_time_zone(zone)))
    offset = moment.isoformat()[-6:]
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M} (UTC{offset})"
