"""The words of every booking notification: subject, plain text and HTML, per kind and reader.

Every time is written in the reader's own zone with the zone named, e.g.
"Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin)". Day and month names are English and do not
depend on the process locale (Qt sets it from the desktop). Pure functions, any thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linguaflex_desktop.services.common.pricing import format_money

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

STUDENT, TEACHER = "student", "teacher"

# kind -> who is told. "paid" and "meeting_ready" are written by the create-meeting job.
RECIPIENTS: dict[str, tuple[str, ...]] = {
    "requested": (TEACHER,),
    "confirmed": (STUDENT,),
    "declined": (STUDENT, TEACHER),
    "cancelled": (STUDENT, TEACHER),
    "expired": (STUDENT, TEACHER),
    "payment_overdue": (STUDENT, TEACHER),
    "paid": (STUDENT, TEACHER),
    "meeting_ready": (STUDENT, TEACHER),
    "refunded": (STUDENT, TEACHER),
    "partially_refunded": (STUDENT, TEACHER),
    "rescheduled": (STUDENT, TEACHER),
    "completed": (STUDENT, TEACHER),
    "reminder_24h": (STUDENT, TEACHER),
    "reminder_1h": (STUDENT, TEACHER),
    "review_hidden": (STUDENT,),
}


@dataclass(frozen=True)
class Party:
    user_id: int
    name: str
    email: str
    time_zone: str


@dataclass(frozen=True)
class BookingFacts:
    """What a message may say about a booking (a snapshot, not the ORM row)."""

    booking_id: int
    gig_title: str
    student: Party
    teacher: Party
    start_at: datetime
    end_at: datetime
    duration_minutes: int
    total_minor: int
    currency: str
    reason: str = ""
    payment_due_by: datetime | None = None
    previous_start_at: datetime | None = None
    join_url: str | None = None
    meeting_password: str | None = None
    # refunds: this refund's amount and when Stripe confirmed it (partially_refunded), what
    # is still paid after every refund Stripe confirmed, and whether any refund is still
    # being processed at Stripe (then "refunded" must not say the money is back yet)
    refund_minor: int = 0
    refunded_at: datetime | None = None
    remaining_paid_minor: int | None = None
    refund_pending: bool = False
    session_cancelled: bool = False

    def party(self, role: str) -> Party:
        return self.student if role == STUDENT else self.teacher

    def other(self, role: str) -> Party:
        return self.teacher if role == STUDENT else self.student


@dataclass(frozen=True)
class MessageText:
    subject: str
    text: str
    html: str


def zone_of(name: str) -> tzinfo:
    """The named zone, or UTC for a name this system does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def format_local(instant: datetime, zone_name: str) -> str:
    """ "Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin)" — the instant on the reader's clock."""
    local = instant.astimezone(zone_of(zone_name))
    day, month = _DAYS[local.weekday()], _MONTHS[local.month - 1]
    return (
        f"{day} {local.day:02d} {month} {local.year}, {local:%H:%M} {local.tzname()} ({zone_name})"
    )


def format_span(start_at: datetime, end_at: datetime, zone_name: str) -> str:
    """ "Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin) to 15:00 CEST"."""
    end = end_at.astimezone(zone_of(zone_name))
    return f"{format_local(start_at, zone_name)} to {end:%H:%M} {end.tzname()}"


def compose(kind: str, facts: BookingFacts, role: str) -> MessageText:
    """The message of ``kind`` for the booking's ``role`` (student or teacher)."""
    if kind not in RECIPIENTS:
        raise ValueError(f"unknown notification kind {kind!r}")
    reader, other = facts.party(role), facts.other(role)
    when = format_span(facts.start_at, facts.end_at, reader.time_zone)
    subject, lines = _WRITERS[kind](facts, role, other.name, reader.time_zone)
    body = [f"Hello {reader.name},", "", *lines, "", f"Session: {facts.gig_title}", f"When: {when}"]
    body += ["", "— LinguaFlex"]
    return MessageText(subject=subject, text="\n".join(body), html=_html(body))


def _html(lines: list[str]) -> str:
    paragraphs = "\n".join(f"<p>{_linkify(line)}</p>" if line else "" for line in lines)
    return f"<html><body>\n{paragraphs}\n</body></html>"


def _linkify(line: str) -> str:
    words = []
    for word in line.split(" "):
        escaped = html.escape(word)
        if word.startswith(("https://", "http://")):
            escaped = f'<a href="{escaped}">{escaped}</a>'
        words.append(escaped)
    return " ".join(words)


Lines = tuple[str, list[str]]
Writer = Callable[[BookingFacts, str, str, str], Lines]


def _requested(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    return f"New session request from {other}", [
        f"{other} asks for a {f.duration_minutes}-minute session.",
        "Open LinguaFlex to confirm or decline it.",
    ]


def _confirmed(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    due = f" by {format_local(f.payment_due_by, zone)}" if f.payment_due_by else ""
    return f"{other} confirmed your session — pay now", [
        f"{other} confirmed your session. Pay now to keep it: "
        f"{format_money(f.total_minor, f.currency)}{due}.",
        "Open LinguaFlex and choose Pay on the booking.",
    ]


def _declined(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    if role == STUDENT:
        return f"{other} declined your session request", [
            f"{other} declined your request. Reason: {f.reason or 'none given'}."
        ]
    return f"You declined {other}'s request", [f"You declined the request. Reason: {f.reason}."]


def _cancelled(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    return f"Session with {other} cancelled", [
        f"This session is cancelled. Reason: {f.reason or 'none given'}."
    ]


def _expired(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    if role == STUDENT:
        return f"Your request to {other} expired", [
            f"{other} did not answer in time, so the request expired. You were not charged."
        ]
    return f"The request from {other} expired", [
        "You did not answer this request in time, so it expired."
    ]


def _payment_overdue(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    return f"Session with {other} cancelled: not paid in time", [
        "The session was not paid by its payment deadline, so it is cancelled."
    ]


def _meeting_lines(f: BookingFacts, role: str) -> list[str]:
    if not f.join_url:
        return [
            "The meeting room is being prepared (meeting pending). You will get the link as soon "
            "as it is ready; it will also show on the booking in LinguaFlex."
        ]
    lines = [f"Meeting link: {f.join_url}"]
    if f.meeting_password:
        lines.append(f"Passcode: {f.meeting_password}")
    if role == TEACHER:
        lines.append("To host, use Start on the booking in LinguaFlex (it opens a fresh link).")
    lines.append("The calendar invitation is attached.")
    return lines


def _paid(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    first = (
        f"Your payment of {format_money(f.total_minor, f.currency)} went through."
        if role == STUDENT
        else f"{other} paid for the session."
    )
    return f"Session with {other} is booked", [first, *_meeting_lines(f, role)]


def _meeting_ready(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    return f"Meeting link for your session with {other}", _meeting_lines(f, role)


def _refunded(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    amount = format_money(f.total_minor, f.currency)
    if role == STUDENT:
        money = f"Your payment of {amount} is {'being ' if f.refund_pending else ''}refunded."
    else:
        money = f"The payment is {'being ' if f.refund_pending else ''}refunded to {other}."
    if f.refund_pending:  # never announce money Stripe has not returned yet
        money += " Stripe is still processing the refund; it can take a few days."
    reason = f"Reason: {f.reason or 'none given'}."
    if f.session_cancelled:
        return f"Session with {other} cancelled and refunded", [
            "This session is cancelled.",
            money,
            reason,
            "The meeting is cancelled.",
        ]
    return f"Session with {other} refunded", [money, reason]


def _partially_refunded(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    amount = format_money(f.refund_minor, f.currency)
    total = format_money(f.total_minor, f.currency)
    remaining = format_money(
        f.total_minor if f.remaining_paid_minor is None else f.remaining_paid_minor, f.currency
    )
    when = f" on {format_local(f.refunded_at, zone)}" if f.refunded_at else ""
    if role == STUDENT:
        subject = f"{amount} of your payment for the session with {other} refunded"
        first = f"{amount} of your payment was refunded{when}."
        paid = f"You have now paid {remaining} of the original {total}."
    else:
        subject = f"Partial refund of {amount} to {other}"
        first = f"{amount} of {other}'s payment was refunded{when}."
        paid = f"{remaining} of the original {total} remains paid."
    return subject, [
        first,
        paid,
        f"Reason: {f.reason or 'none given'}.",
        "The session stays booked and its meeting link does not change.",
    ]


def _rescheduled(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    was = f" (was {format_local(f.previous_start_at, zone)})" if f.previous_start_at else ""
    lines = [f"The session has a new time{was}."]
    if f.join_url:
        lines += [f"Meeting link: {f.join_url}", "The updated calendar invitation is attached."]
    return f"Session with {other} moved", lines


def _completed(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    if role == STUDENT:
        return f"Session with {other} completed", [
            "We hope it went well. You can rate the session in LinguaFlex."
        ]
    return f"Session with {other} completed", ["The session is marked completed."]


def _review_hidden(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
    return f"Your review of the session with {other} was hidden", [
        "An administrator hid your review of this session: other students no longer see it "
        "and it no longer counts in the teacher's rating.",
        f"Reason: {f.reason or 'none given'}.",
    ]


def _reminder(hours: str) -> Writer:
    def write(f: BookingFacts, role: str, other: str, zone: str) -> Lines:
        lines = [f"Your session with {other} starts in {hours}."]
        if f.join_url:
            lines.append(f"Meeting link: {f.join_url}")
        return f"Reminder: session with {other} in {hours}", lines

    return write


_WRITERS: dict[str, Writer] = {
    "requested": _requested,
    "confirmed": _confirmed,
    "declined": _declined,
    "cancelled": _cancelled,
    "expired": _expired,
    "payment_overdue": _payment_overdue,
    "paid": _paid,
    "meeting_ready": _meeting_ready,
    "refunded": _refunded,
    "partially_refunded": _partially_refunded,
    "rescheduled": _rescheduled,
    "completed": _completed,
    "reminder_24h": _reminder("24 hours"),
    "reminder_1h": _reminder("1 hour"),
    "review_hidden": _review_hidden,
}
