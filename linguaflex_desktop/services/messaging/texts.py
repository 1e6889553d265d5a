"""The words of every booking notification: subject, plain text and HTML, per kind and reader.

Each message is written in its reader's language (``Party.language``, the account's language:
English or Spanish): every sentence is a ``tx`` template, rendered with ``texts.render``. Every
time is written in the reader's own zone with the zone named, e.g.
"Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin)" / "mar 30 mar 2027, 14:00 CEST (Europe/Berlin)".
Day and month names do not depend on the process locale (``times``). Pure functions, any
thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.messaging.times import (  # re-exported: notices, tests
    format_local as format_local,
)
from linguaflex_desktop.services.messaging.times import format_span as format_span
from linguaflex_desktop.texts import ENGLISH, Text, render, tx

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
    language: str = ENGLISH  # the account's language; messages to this party are written in it


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
    """A message as its reader gets it: already written in their language."""

    subject: str
    text: str
    html: str


def compose(kind: str, facts: BookingFacts, role: str) -> MessageText:
    """The message of ``kind`` for the booking's ``role`` (student or teacher), written in
    that reader's language."""
    if kind not in RECIPIENTS:
        raise ValueError(f"unknown notification kind {kind!r}")
    reader, other = facts.party(role), facts.other(role)
    language = reader.language or ENGLISH
    reading = Reading(reader.time_zone, language)
    when = format_span(facts.start_at, facts.end_at, reader.time_zone, language)
    subject, lines = _WRITERS[kind](facts, role, other.name, reading)
    sentences: list[str] = [
        tx("Hello {name},", name=reader.name),
        "",
        *lines,
        "",
        tx("Session: {title}", title=facts.gig_title),
        tx("When: {when}", when=when),
        "",
        "— LinguaFlex",
    ]
    body = [render(line, language) for line in sentences]
    return MessageText(subject=render(subject, language), text="\n".join(body), html=_html(body))


@dataclass(frozen=True)
class Reading:
    """Where and how the reader reads: their zone and language (for the times in a text)."""

    zone: str
    language: str

    def time(self, instant: datetime) -> str:
        return format_local(instant, self.zone, self.language)


def _html(lines: list[str]) -> str:
    paragraphs = "\n".join(f"<p>{_linkify(line)}</p>" if line else "" for line in lines)
    return f"<html><body>\n{paragraphs}\n</body></html>"


def _linkify(line: str) -> str:
    if "http" not in line:  # most lines: no link to make, the line escaped whole
        return html.escape(line)
    words = []
    for word in line.split(" "):
        escaped = html.escape(word)
        if word.startswith(("https://", "http://")):
            escaped = f'<a href="{escaped}">{escaped}</a>'
        words.append(escaped)
    return " ".join(words)


def _reason(f: BookingFacts) -> Text:
    return tx("Reason: {reason}.", reason=f.reason or tx("none given"))


Lines = tuple[Text, list[Text]]
Writer = Callable[[BookingFacts, str, str, Reading], Lines]


def _requested(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    return tx("New session request from {other}", other=other), [
        tx(
            "{other} asks for a {minutes}-minute session.",
            other=other,
            minutes=f.duration_minutes,
        ),
        tx("Open LinguaFlex to confirm or decline it."),
    ]


def _confirmed(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    amount = money(f.total_minor, f.currency)
    if f.payment_due_by:
        pay = tx(
            "{other} confirmed your session. Pay now to keep it: {amount} by {due}.",
            other=other,
            amount=amount,
            due=r.time(f.payment_due_by),
        )
    else:
        pay = tx(
            "{other} confirmed your session. Pay now to keep it: {amount}.",
            other=other,
            amount=amount,
        )
    return tx("{other} confirmed your session — pay now", other=other), [
        pay,
        tx("Open LinguaFlex and choose Pay on the booking."),
    ]


def _declined(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    if role == STUDENT:
        return tx("{other} declined your session request", other=other), [
            tx(
                "{other} declined your request. Reason: {reason}.",
                other=other,
                reason=f.reason or tx("none given"),
            )
        ]
    return tx("You declined {other}'s request", other=other), [
        tx("You declined the request. Reason: {reason}.", reason=f.reason)
    ]


def _cancelled(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    return tx("Session with {other} cancelled", other=other), [
        tx("This session is cancelled. Reason: {reason}.", reason=f.reason or tx("none given"))
    ]


def _expired(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    if role == STUDENT:
        return tx("Your request to {other} expired", other=other), [
            tx(
                "{other} did not answer in time, so the request expired. You were not charged.",
                other=other,
            )
        ]
    return tx("The request from {other} expired", other=other), [
        tx("You did not answer this request in time, so it expired.")
    ]


def _payment_overdue(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    return tx("Session with {other} cancelled: not paid in time", other=other), [
        tx("The session was not paid by its payment deadline, so it is cancelled.")
    ]


def _meeting_lines(f: BookingFacts, role: str) -> list[Text]:
    if not f.join_url:
        return [
            tx(
                "The meeting room is being prepared (meeting pending). You will get the link "
                "as soon as it is ready; it will also show on the booking in LinguaFlex."
            )
        ]
    lines = [tx("Meeting link: {url}", url=f.join_url)]
    if f.meeting_password:
        lines.append(tx("Passcode: {passcode}", passcode=f.meeting_password))
    if role == TEACHER:
        lines.append(tx("To host, use Start on the booking in LinguaFlex (it opens a fresh link)."))
    lines.append(tx("The calendar invitation is attached."))
    return lines


def _paid(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    first = (
        tx(
            "Your payment of {amount} went through.",
            amount=money(f.total_minor, f.currency),
        )
        if role == STUDENT
        else tx("{other} paid for the session.", other=other)
    )
    return tx("Session with {other} is booked", other=other), [first, *_meeting_lines(f, role)]


def _meeting_ready(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    return tx("Meeting link for your session with {other}", other=other), _meeting_lines(f, role)


def _refunded(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    amount = money(f.total_minor, f.currency)
    # never announce money Stripe has not returned yet
    if role == STUDENT and f.refund_pending:
        refund = tx(
            "Your payment of {amount} is being refunded. Stripe is still processing the "
            "refund; it can take a few days.",
            amount=amount,
        )
    elif role == STUDENT:
        refund = tx("Your payment of {amount} is refunded.", amount=amount)
    elif f.refund_pending:
        refund = tx(
            "The payment is being refunded to {other}. Stripe is still processing the "
            "refund; it can take a few days.",
            other=other,
        )
    else:
        refund = tx("The payment is refunded to {other}.", other=other)
    if f.session_cancelled:
        return tx("Session with {other} cancelled and refunded", other=other), [
            tx("This session is cancelled."),
            refund,
            _reason(f),
            tx("The meeting is cancelled."),
        ]
    return tx("Session with {other} refunded", other=other), [refund, _reason(f)]


def _partially_refunded(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    amount = money(f.refund_minor, f.currency)
    total = money(f.total_minor, f.currency)
    remaining = money(
        f.total_minor if f.remaining_paid_minor is None else f.remaining_paid_minor, f.currency
    )
    when = r.time(f.refunded_at) if f.refunded_at else None
    if role == STUDENT:
        subject = tx(
            "{amount} of your payment for the session with {other} refunded",
            amount=amount,
            other=other,
        )
        first = (
            tx("{amount} of your payment was refunded on {when}.", amount=amount, when=when)
            if when
            else tx("{amount} of your payment was refunded.", amount=amount)
        )
        paid = tx(
            "You have now paid {remaining} of the original {total}.",
            remaining=remaining,
            total=total,
        )
    else:
        subject = tx("Partial refund of {amount} to {other}", amount=amount, other=other)
        first = (
            tx(
                "{amount} of {other}'s payment was refunded on {when}.",
                amount=amount,
                other=other,
                when=when,
            )
            if when
            else tx("{amount} of {other}'s payment was refunded.", amount=amount, other=other)
        )
        paid = tx(
            "{remaining} of the original {total} remains paid.", remaining=remaining, total=total
        )
    return subject, [
        first,
        paid,
        _reason(f),
        tx("The session stays booked and its meeting link does not change."),
    ]


def _rescheduled(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    lines = [
        tx("The session has a new time (was {was}).", was=r.time(f.previous_start_at))
        if f.previous_start_at
        else tx("The session has a new time.")
    ]
    if f.join_url:
        lines += [
            tx("Meeting link: {url}", url=f.join_url),
            tx("The updated calendar invitation is attached."),
        ]
    return tx("Session with {other} moved", other=other), lines


def _completed(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    subject = tx("Session with {other} completed", other=other)
    if role == STUDENT:
        return subject, [tx("We hope it went well. You can rate the session in LinguaFlex.")]
    return subject, [tx("The session is marked completed.")]


def _review_hidden(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    return tx("Your review of the session with {other} was hidden", other=other), [
        tx(
            "An administrator hid your review of this session: other students no longer see "
            "it and it no longer counts in the teacher's rating."
        ),
        _reason(f),
    ]


def _reminder_24h(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    lines = [tx("Your session with {other} starts in 24 hours.", other=other)]
    if f.join_url:
        lines.append(tx("Meeting link: {url}", url=f.join_url))
    return tx("Reminder: session with {other} in 24 hours", other=other), lines


def _reminder_1h(f: BookingFacts, role: str, other: str, r: Reading) -> Lines:
    lines = [tx("Your session with {other} starts in 1 hour.", other=other)]
    if f.join_url:
        lines.append(tx("Meeting link: {url}", url=f.join_url))
    return tx("Reminder: session with {other} in 1 hour", other=other), lines


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
    "reminder_24h": _reminder_24h,
    "reminder_1h": _reminder_1h,
    "review_hidden": _review_hidden,
}
