"""How bookings read in the UI: statuses in words, times in a viewer's zone, prices.

Pure functions over DTOs (no widgets), usable on any thread. Amounts come from the services;
this module only formats them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linguaflex_desktop.models.enums import BookingStatus, MeetingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.pricing import (
    PLATFORM_FEE_PERCENT,
    Price,
    format_money,
    minimum_fee_applied,
    percent_fee_minor,
)
from linguaflex_desktop.services.reports.audit_text import BOOKING_STATUS_TEXT, PAYMENT_STATUS_TEXT

STATUS_TEXT = BOOKING_STATUS_TEXT
PAYMENT_TEXT = PAYMENT_STATUS_TEXT
MEETING_TEXT = {
    MeetingStatus.PENDING: "Pending",
    MeetingStatus.READY: "Ready",
    MeetingStatus.FAILED: "Failed",
    MeetingStatus.DELETED: "Cancelled",
}
NO_MEETING_TEXT = "—"
NEW_TIME_PROPOSED = "New time proposed"
ACTION_TEXT = {
    "booking.requested": "Requested",
    "booking.confirmed": "Confirmed",
    "booking.declined": "Declined",
    "booking.cancelled": "Cancelled",
    "booking.completed": "Completed",
    "booking.expired": "Request expired",
    "booking.payment_overdue": "Payment overdue",
    "booking.payment_pending": "Payment started",
    "booking.payment_paid": "Paid",
    "booking.payment_failed": "Payment failed",
    "booking.payment_refunded": "Refunded",
    "booking.refunded": "Refunded",
    "booking.reschedule_proposed": "New time proposed",
    "booking.rescheduled": "Rescheduled",
    "booking.reschedule_declined": "New time declined",
}


def zone(name: str) -> ZoneInfo:
    """The zone of that name, or UTC for a name this machine does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local(instant: datetime, zone_name: str) -> datetime:
    return instant.astimezone(zone(zone_name))


def format_day(day: date) -> str:
    """'Wed 3 Mar 2027'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_when(instant: datetime, zone_name: str) -> str:
    """'Wed 3 Mar 2027, 11:00' in ``zone_name``."""
    moment = local(instant, zone_name)
    return f"{format_day(moment.date())}, {moment:%H:%M}"


def format_span(start: datetime, end: datetime, zone_name: str) -> str:
    """'Wed 3 Mar 2027, 11:00-12:00 (Europe/Madrid)'; the end date is added if it differs."""
    first, last = local(start, zone_name), local(end, zone_name)
    end_text = f"{last:%H:%M}" if last.date() == first.date() else format_when(end, zone_name)
    return f"{format_when(start, zone_name)}–{end_text} ({zone_name})"  # noqa: RUF001


def format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def status_text(booking: BookingDTO) -> str:
    return STATUS_TEXT[booking.status]


def status_cell_text(booking: BookingDTO) -> str:
    """The status column: 'Confirmed', or 'Confirmed · New time proposed' while a reschedule
    waits for an answer."""
    if booking.has_open_proposal:
        return f"{status_text(booking)} · {NEW_TIME_PROPOSED}"
    return status_text(booking)


def meeting_text(booking: BookingDTO) -> str:
    """The meeting column: 'Pending', 'Ready', 'Failed', 'Cancelled' or '—' (no meeting)."""
    if booking.meeting_status is None:
        return NO_MEETING_TEXT
    return MEETING_TEXT[booking.meeting_status]


def meeting_tooltip(booking: BookingDTO) -> str:
    """The meeting column's tooltip: the state in words, with the provider's reason if any."""
    match booking.meeting_status:
        case None:
            if booking.payment_status is PaymentStatus.PAID:
                return "No meeting for this booking."
            return "A meeting room is created when the session is paid."
        case MeetingStatus.READY:
            return "Meeting ready: Join / Start opens it in the browser."
        case MeetingStatus.DELETED:
            return "Meeting cancelled with the booking."
    word = "failed" if booking.meeting_status is MeetingStatus.FAILED else "pending"
    reason = f": {booking.meeting_reason}" if booking.meeting_reason else ""
    return f"Meeting {word}{reason}"


PARTIALLY_REFUNDED_TEXT = "Partially refunded"


def payment_text(booking: BookingDTO) -> str:
    """The payment state in the words every list and detail uses: a paid booking with part of
    its payment returned is "Partially refunded", as the payments list and the inbox say."""
    if booking.payment_status is PaymentStatus.PAID and booking.refunded_minor > 0:
        return PARTIALLY_REFUNDED_TEXT
    return PAYMENT_TEXT[booking.payment_status]


def total_text(booking: BookingDTO) -> str:
    return format_money(booking.total_minor, booking.currency)


def fee_words(base_minor: int, fee_minor: int, currency: str) -> str:
    """'1.50 USD platform fee', or, when the minimum applies, '1.00 USD platform fee (the
    minimum; 5 % would be 0.38 USD)'."""
    words = f"{format_money(fee_minor, currency)} platform fee"
    if minimum_fee_applied(base_minor, fee_minor, currency):
        percent = format_money(percent_fee_minor(base_minor), currency)
        words += f" (the minimum; {PLATFORM_FEE_PERCENT} % would be {percent})"
    return words


def price_breakdown(booking: BookingDTO) -> str:
    """'30.00 USD + 1.50 USD platform fee = 31.50 USD' from the booking's snapshotted price."""
    return (
        f"{format_money(booking.base_amount_minor, booking.currency)} + "
        f"{fee_words(booking.base_amount_minor, booking.fee_minor, booking.currency)} = "
        f"{format_money(booking.total_minor, booking.currency)}"
    )


def quote_text(price: Price) -> str:
    """The quote shown before confirming a request (amounts from the service)."""
    return (
        f"{format_duration(price.duration_minutes)} at "
        f"{format_money(price.hourly_rate_minor, price.currency)} / h: "
        f"{format_money(price.base_minor, price.currency)} + "
        f"{fee_words(price.base_minor, price.fee_minor, price.currency)}"
    )


def action_text(action: str) -> str:
    return ACTION_TEXT.get(action, action.removeprefix("booking.").replace("_", " ").capitalize())


def describe_state(text: str, zone_name: str) -> str:
    """An audit snapshot ('payment_status=UNPAID, status=PENDING' or 'start_at=<iso>') in
    words: 'Waiting for teacher · Unpaid' or a start time in the viewer's zone."""
    if not text:
        return "—"
    parts: dict[str, str] = {}
    for item in text.split(", "):
        key, _sep, value = item.partition("=")
        parts[key] = value
    words: list[str] = []
    if "status" in parts:
        words.append(_enum_text(STATUS_TEXT, BookingStatus, parts.pop("status")))
    if "payment_status" in parts:
        words.append(_enum_text(PAYMENT_TEXT, PaymentStatus, parts.pop("payment_status")))
    if "start_at" in parts:
        start = parts.pop("start_at")
        try:
            words.append(format_when(datetime.fromisoformat(start), zone_name))
        except ValueError:
            words.append(start)
    words.extend(f"{key}={value}" for key, value in parts.items())
    return " · ".join(words)


def describe_change(before: str, after: str, zone_name: str) -> str:
    """'Waiting for teacher · Unpaid → Confirmed · Unpaid'; just the new state when the
    audit entry has no 'before' (a new booking)."""
    if not before:
        return describe_state(after, zone_name)
    return f"{describe_state(before, zone_name)} → {describe_state(after, zone_name)}"


def _enum_text(texts: Mapping[Any, str], kind: type, value: str) -> str:
    try:
        return str(texts[kind(value)])
    except (ValueError, KeyError):
        return value
