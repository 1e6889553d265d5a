"""How bookings read in the UI: statuses in words, times in a viewer's zone, prices.

Pure functions over DTOs (no widgets), usable on any thread. Amounts come from the services;
this module only formats them, in the current language and locale (``ui.i18n``). The word
tables (``STATUS_TEXT`` …) hold ``tx`` texts: English as ``str`` (CSV files, logs), shown with
``localize``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale

from linguaflex_desktop.models.enums import BookingStatus, MeetingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.pricing import (
    PLATFORM_FEE_PERCENT,
    Price,
    minimum_fee_applied,
    percent_fee_minor,
)
from linguaflex_desktop.texts import Text, tx
from linguaflex_desktop.ui.i18n import day_text, localize, money_text, t, weekday_name

# The same words as services.reports.audit_text (the audit detail and CSV files), marked for
# translation here so every booking list shows them in the reader's language.
STATUS_TEXT: Mapping[BookingStatus, Text] = {
    BookingStatus.PENDING: tx("Waiting for teacher"),
    BookingStatus.CONFIRMED: tx("Confirmed"),
    BookingStatus.COMPLETED: tx("Completed"),
    BookingStatus.CANCELLED: tx("Cancelled"),
    BookingStatus.REFUNDED: tx("Refunded", sense="booking"),
}
PAYMENT_TEXT: Mapping[PaymentStatus, Text] = {
    PaymentStatus.UNPAID: tx("Unpaid"),
    PaymentStatus.PENDING: tx("Payment in progress"),
    PaymentStatus.PAID: tx("Paid"),
    PaymentStatus.FAILED: tx("Payment failed"),
    PaymentStatus.REFUNDED: tx("Refunded"),
}
MEETING_TEXT: Mapping[MeetingStatus, Text] = {
    MeetingStatus.PENDING: tx("Pending"),
    MeetingStatus.READY: tx("Ready"),
    MeetingStatus.FAILED: tx("Failed", sense="meeting"),
    MeetingStatus.DELETED: tx("Cancelled"),
}
NO_MEETING_TEXT = "—"
NEW_TIME_PROPOSED = tx("New time proposed")
ACTION_TEXT: Mapping[str, Text] = {
    "booking.requested": tx("Requested"),
    "booking.confirmed": tx("Confirmed"),
    "booking.declined": tx("Declined"),
    "booking.cancelled": tx("Cancelled"),
    "booking.completed": tx("Completed"),
    "booking.expired": tx("Request expired"),
    "booking.payment_overdue": tx("Payment overdue"),
    "booking.payment_pending": tx("Payment started"),
    "booking.payment_paid": tx("Paid"),
    "booking.payment_failed": tx("Payment failed"),
    "booking.payment_refunded": tx("Refunded"),
    "booking.refunded": tx("Refunded", sense="booking"),
    "booking.reschedule_proposed": tx("New time proposed"),
    "booking.rescheduled": tx("Rescheduled"),
    "booking.reschedule_declined": tx("New time declined"),
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
    """'Wed 3 Mar 2027' / 'mié 3 mar 2027' (the current locale's short names)."""
    return day_text(day)


def format_day_month(day: date) -> str:
    """A week grid's column header: 'Wed' / 'mié' over '3 Mar' / '3 mar'."""
    month = QLocale().monthName(day.month, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{weekday_name(day.isoweekday(), short=True)}\n{day.day} {month}"


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
    """'45 min', '1 h', '1 h 30 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("{minutes} min", minutes=rest)
    if not rest:
        return t("{hours} h", hours=hours)
    return t("{hours} h {minutes} min", hours=hours, minutes=rest)


def status_text(booking: BookingDTO) -> str:
    return localize(STATUS_TEXT[booking.status])


def status_cell_text(booking: BookingDTO) -> str:
    """The status column: 'Confirmed', or 'Confirmed · New time proposed' while a reschedule
    waits for an answer."""
    if booking.has_open_proposal:
        return f"{status_text(booking)} · {localize(NEW_TIME_PROPOSED)}"
    return status_text(booking)


def meeting_text(booking: BookingDTO) -> str:
    """The meeting column: 'Pending', 'Ready', 'Failed', 'Cancelled' or '—' (no meeting); a
    ``Text`` (English, as CSV files write it): screens show it with ``localize``."""
    if booking.meeting_status is None:
        return NO_MEETING_TEXT
    return MEETING_TEXT[booking.meeting_status]


def meeting_tooltip(booking: BookingDTO) -> str:
    """The meeting column's tooltip: the state in words, with the provider's reason if any."""
    match booking.meeting_status:
        case None:
            if booking.payment_status is PaymentStatus.PAID:
                return t("No meeting for this booking.")
            return t("A meeting room is created when the session is paid.")
        case MeetingStatus.READY:
            return t("Meeting ready: Join / Start opens it in the browser.")
        case MeetingStatus.DELETED:
            return t("Meeting cancelled with the booking.")
    failed = booking.meeting_status is MeetingStatus.FAILED
    if booking.meeting_reason:
        reason = localize(booking.meeting_reason)
        if failed:
            return t("Meeting failed: {reason}", reason=reason)
        return t("Meeting pending: {reason}", reason=reason)
    return t("Meeting failed") if failed else t("Meeting pending")


PARTIALLY_REFUNDED_TEXT = tx("Partially refunded")


def payment_text(booking: BookingDTO) -> str:
    """The payment state in the words every list and detail uses: a paid booking with part of
    its payment returned is "Partially refunded", as the payments list and the inbox say."""
    if booking.payment_status is PaymentStatus.PAID and booking.refunded_minor > 0:
        return localize(PARTIALLY_REFUNDED_TEXT)
    return localize(PAYMENT_TEXT[booking.payment_status])


def total_text(booking: BookingDTO) -> str:
    return money_text(booking.total_minor, booking.currency)


def fee_words(base_minor: int, fee_minor: int, currency: str) -> str:
    """'1.50 USD platform fee', or, when the minimum applies, '1.00 USD platform fee (the
    minimum; 5 % would be 0.38 USD)'."""
    fee = money_text(fee_minor, currency)
    if minimum_fee_applied(base_minor, fee_minor, currency):
        return t(
            "{fee} platform fee (the minimum; {percent} % would be {amount})",
            fee=fee,
            percent=PLATFORM_FEE_PERCENT,
            amount=money_text(percent_fee_minor(base_minor), currency),
        )
    return t("{fee} platform fee", fee=fee)


def price_breakdown(booking: BookingDTO) -> str:
    """'30.00 USD + 1.50 USD platform fee = 31.50 USD' from the booking's snapshotted price."""
    return (
        f"{money_text(booking.base_amount_minor, booking.currency)} + "
        f"{fee_words(booking.base_amount_minor, booking.fee_minor, booking.currency)} = "
        f"{money_text(booking.total_minor, booking.currency)}"
    )


def quote_text(price: Price) -> str:
    """The quote shown before confirming a request (amounts from the service)."""
    return t(
        "{length} at {rate} / h: {base} + {fee}",
        length=format_duration(price.duration_minutes),
        rate=money_text(price.hourly_rate_minor, price.currency),
        base=money_text(price.base_minor, price.currency),
        fee=fee_words(price.base_minor, price.fee_minor, price.currency),
    )


def action_text(action: str) -> str:
    known = ACTION_TEXT.get(action)
    if known is not None:
        return localize(known)
    return action.removeprefix("booking.").replace("_", " ").capitalize()


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
        return localize(texts[kind(value)])
    except (ValueError, KeyError):
        return value
