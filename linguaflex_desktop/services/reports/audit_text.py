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
    AuditAction,
    BookingStatus,
    JobState,
    PaymentAttemptStatus,
    PaymentStatus,
    RefundStatus,
)
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.common.validation import validate_time_zone
from linguaflex_desktop.services.reports.calendar_words import moment_text
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.texts import Text, tx

NOT_SET = "—"
SYSTEM = tx("System")  # who acted when no user did (the worker, reconcile)
ENTITY_TEXT: Mapping[str, Text] = {
    "booking": tx("Booking"),
    "payment": tx("Payment"),
    "refund": tx("Refund"),
    "user": tx("User"),
    "gig": tx("Gig"),
    "saved_card": tx("Saved card"),
    "outbox_job": tx("Job"),
    "settings": tx("Settings"),
    "payout": tx("Payout"),
    "review": tx("Review"),
}
# kinds the audit trail's filter does not offer, in words all the same
OTHER_ENTITY_TEXT: Mapping[str, Text] = {"cancellation_request": tx("Cancellation request")}
AMOUNT_SUFFIX = "_minor"
TIME_SUFFIX = "_at"

FIELD_LABELS: Mapping[str, Text] = {
    "amount_minor": tx("Amount"),
    "fee_minor": tx("Platform fee"),
    "teacher_share_minor": tx("Teacher's share"),
    "refunded_minor": tx("Refunded"),
    "payment_status": tx("Payment"),
    "payment_intent": tx("Stripe PaymentIntent"),
    "stripe_payment_intent_id": tx("Stripe PaymentIntent"),
    "stripe_refund_id": tx("Stripe refund"),
    "start_at": tx("Starts"),
    "end_at": tx("Ends"),
    "suspended_at": tx("Suspended since"),
    "display_name": tx("Display name"),
    "time_zone": tx("Time zone"),
    "language": tx("Language"),  # the account's language (en, es)
    "email": tx("E-mail"),
    "must_change_password": tx("Must choose a new password"),
    "last4": tx("Card ending"),
    "brand": tx("Card brand"),
    "is_default": tx("Default card"),
    "stripe_publishable_key": tx("Stripe publishable key"),
    "zoom_account_id": tx("Zoom account ID"),
    "zoom_client_id": tx("Zoom client ID"),
    "smtp_host": tx("SMTP host"),
    "smtp_port": tx("SMTP port"),
    "smtp_username": tx("SMTP user name"),
    "smtp_security": tx("SMTP security"),
    "smtp_sender": tx("SMTP sender"),
    "jitsi_base_url": tx("Jitsi address"),
    "teacher_id": tx("Teacher number"),
    # the usual other fields, with the words their humanised names give
    "status": tx("Status"),
    "state": tx("State"),
    "currency": tx("Currency"),
    "attempts": tx("Attempts"),
    "rule": tx("Rule"),
    "booking": tx("Booking"),
    "problem": tx("Problem"),
    "outcome": tx("Outcome"),
    "reason": tx("Reason"),
    "hidden_at": tx("Hidden at"),
    "stripe_status": tx("Stripe status"),
}

A = AuditAction
# what an action did, in words, without the record kind it starts with
ACTION_TEXT: Mapping[str, Text] = {
    A.BOOKING_REQUESTED: tx("Requested"),
    A.BOOKING_CONFIRMED: tx("Confirmed"),
    A.BOOKING_DECLINED: tx("Declined"),
    A.BOOKING_CANCELLED: tx("Cancelled"),
    A.BOOKING_EXPIRED: tx("Expired"),
    A.BOOKING_PAYMENT_OVERDUE: tx("Payment overdue"),
    A.BOOKING_COMPLETED: tx("Completed"),
    A.BOOKING_REFUNDED: tx("Refunded", sense="booking"),
    A.BOOKING_PAYMENT_PENDING: tx("Payment pending"),
    A.BOOKING_PAYMENT_PAID: tx("Payment paid"),
    A.BOOKING_PAYMENT_FAILED: tx("Payment failed"),
    A.BOOKING_PAYMENT_REFUNDED: tx("Payment refunded"),
    A.BOOKING_RESCHEDULE_PROPOSED: tx("Reschedule proposed"),
    A.BOOKING_RESCHEDULED: tx("Rescheduled"),
    A.BOOKING_RESCHEDULE_DECLINED: tx("Reschedule declined"),
    A.PAYMENT_CREATED: tx("Created"),
    A.PAYMENT_SUCCEEDED: tx("Succeeded"),
    A.PAYMENT_FAILED: tx("Failed"),
    A.PAYMENT_CANCELED: tx("Canceled"),
    A.PAYMENT_MISMATCH: tx("Mismatch"),
    A.PAYMENT_NEEDS_ATTENTION: tx("Needs attention"),
    A.PAYMENT_READ_AGAIN: tx("Read again"),
    A.REFUND_REQUESTED: tx("Requested"),
    A.REFUND_PENDING: tx("Pending"),
    A.REFUND_REQUIRES_ACTION: tx("Requires action"),
    A.REFUND_SUCCEEDED: tx("Succeeded"),
    A.REFUND_FAILED: tx("Failed"),
    A.REFUND_CANCELED: tx("Canceled"),
    A.REFUND_REFUSED: tx("Refused"),
    A.REFUND_ADOPTED: tx("Adopted"),
    A.REFUND_NEEDS_ATTENTION: tx("Needs attention"),
    A.REFUND_READ_AGAIN: tx("Read again"),
    A.PAYOUT_RECORDED: tx("Recorded"),
    A.CANCELLATION_REQUESTED: tx("Requested"),
    A.CANCELLATION_ANSWERED: tx("Answered"),
    A.CARD_SAVED: tx("Saved"),
    A.CARD_REMOVED: tx("Removed"),
    A.CARD_DEFAULT_SET: tx("Default set"),
    A.GIG_SUSPENDED: tx("Suspended"),
    A.GIG_REACTIVATED: tx("Reactivated"),
    A.USER_SUSPENDED: tx("Suspended"),
    A.USER_REACTIVATED: tx("Reactivated"),
    A.USER_PROFILE_CHANGED: tx("Profile changed"),
    A.USER_EMAIL_CHANGED: tx("Email changed"),
    A.USER_PASSWORD_CHANGED: tx("Password changed"),
    A.USER_PASSWORD_RESET: tx("Password reset"),
    A.USER_TEMPORARY_PASSWORD: tx("Temporary password"),
    A.SETTINGS_CHANGED: tx("Changed"),
    A.JOB_RETRY: tx("Retry"),
    A.REVIEW_HIDDEN: tx("Hidden"),
    A.ATTENTION_FIX: tx("Fix"),
}

BOOKING_STATUS_TEXT: Mapping[BookingStatus, Text] = {
    BookingStatus.PENDING: tx("Waiting for teacher"),
    BookingStatus.CONFIRMED: tx("Confirmed"),
    BookingStatus.COMPLETED: tx("Completed"),
    BookingStatus.CANCELLED: tx("Cancelled"),
    BookingStatus.REFUNDED: tx("Refunded", sense="booking"),
}
PAYMENT_STATUS_TEXT: Mapping[PaymentStatus, Text] = {
    PaymentStatus.UNPAID: tx("Unpaid"),
    PaymentStatus.PENDING: tx("Payment in progress"),
    PaymentStatus.PAID: tx("Paid"),
    PaymentStatus.FAILED: tx("Payment failed"),
    PaymentStatus.REFUNDED: tx("Refunded"),
}
ATTEMPT_STATUS_TEXT: Mapping[PaymentAttemptStatus, Text] = {
    PaymentAttemptStatus.CREATING: tx("Starting"),
    PaymentAttemptStatus.PENDING: tx("In progress"),
    PaymentAttemptStatus.SUCCEEDED: tx("Succeeded"),
    PaymentAttemptStatus.FAILED: tx("Failed"),
    PaymentAttemptStatus.CANCELED: tx("Cancelled"),
}
REFUND_STATUS_TEXT: Mapping[RefundStatus, Text] = {
    RefundStatus.CREATING: tx("Being sent to Stripe"),
    RefundStatus.PENDING: tx("Pending at Stripe"),
    RefundStatus.REQUIRES_ACTION: tx("Needs action at Stripe"),
    RefundStatus.SUCCEEDED: tx("Refunded"),
    RefundStatus.FAILED: tx("Failed"),
    RefundStatus.CANCELED: tx("Cancelled"),
}
JOB_STATE_TEXT: Mapping[JobState, Text] = {
    JobState.PENDING: tx("Waiting"),
    JobState.RUNNING: tx("Running"),
    JobState.DONE: tx("Done"),
    JobState.DEAD: tx("Gave up"),
}
# (record kind, field) -> the words of its stored values; the record kind picks which "status".
STATUS_WORDS: Mapping[tuple[str, str], Mapping[str, Text]] = {
    ("booking", "status"): {key.value: text for key, text in BOOKING_STATUS_TEXT.items()},
    ("booking", "payment_status"): {key.value: text for key, text in PAYMENT_STATUS_TEXT.items()},
    ("payment", "status"): {key.value: text for key, text in ATTEMPT_STATUS_TEXT.items()},
    ("refund", "status"): {key.value: text for key, text in REFUND_STATUS_TEXT.items()},
    ("outbox_job", "state"): {key.value: text for key, text in JOB_STATE_TEXT.items()},
}
FLAG_WORDS = {"true": tx("Yes"), "false": tx("No")}
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
    known = ENTITY_TEXT.get(entity_type) or OTHER_ENTITY_TEXT.get(entity_type)
    return known if known is not None else humanise(entity_type)


def record_text(event: AuditEventDTO) -> str:
    """'Booking #12' (or 'Settings' for a record without a number)."""
    name = entity_text(event.entity_type)
    if event.entity_id is None:
        return name
    return tx("{record} #{number}", record=name, number=event.entity_id)


def actor_text(event: AuditEventDTO) -> str:
    """Who acted: the user's name, or 'System'."""
    return event.actor_name or SYSTEM


def action_text(action: str) -> str:
    """What happened, in words, without the record kind the action starts with:
    'booking.payment_paid' -> 'Payment paid', 'refund.succeeded' -> 'Succeeded'."""
    if action in ACTION_TEXT:
        return ACTION_TEXT[action]
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
    """The fields on one line, for a CSV cell: "Amount: 10.00 USD; Status: Refunded" (a
    ``Text`` made of the pairs, so the UI shows it in the reader's language)."""
    if not fields:
        return ""
    pairs = describe_fields(fields, zone=zone, entity_type=entity_type)
    line: str = ""
    for label, value in pairs:
        pair = tx("{label}: {value}", label=label, value=value)
        line = tx("{earlier}; {next}", earlier=line, next=pair) if line else pair
    return line


def _currency_of(fields: Mapping[str, object]) -> str | None:
    value = fields.get("currency")
    return str(value).upper() if value else None


def _amount_text(text: str, currency: str | None) -> str:
    try:
        amount = int(text)
    except ValueError:
        return text
    if currency is None:
        return tx("{amount} in minor units (currency not recorded)", amount=f"{amount:,}")
    try:
        return tx("{amount}", amount=money(amount, currency))
    except ValidationError:
        return tx("{amount} in minor units of {currency}", amount=f"{amount:,}", currency=currency)


def _time_text(text: str, zone: str) -> str:
    """'Wed 3 Mar 2027, 11:00 (UTC+01:00)' in ``zone``; a text that is no instant stays."""
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        return text
    if instant.tzinfo is None:
        return text
    return moment_text(instant.astimezone(ZoneInfo(validate_time_zone(zone))))
