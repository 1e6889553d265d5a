"""RFC 5545 calendar invitations (.ics) for a booked session.

One VEVENT per booking with a stable UID (``booking_uid``); an update carries the same UID
with a higher SEQUENCE, a cancellation ``METHOD:CANCEL`` and ``STATUS:CANCELLED`` (RFC 5546).
Times are written in UTC (``...Z``) so every calendar shows them in its user's own zone.
Lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character.
Pure functions, no I/O; safe on any thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.texts import ENGLISH, render, tx

if TYPE_CHECKING:
    from linguaflex_desktop.services.messaging.texts import BookingFacts

PRODUCT_ID = "-//LinguaFlex//LinguaFlex Desktop//EN"
UID_DOMAIN = "linguaflex.local"
METHODS = ("REQUEST", "CANCEL")
MAX_LINE_OCTETS = 75
CRLF = "\r\n"
_EMAIL = re.compile(r"^[^@\s\"<>,;:\\]+@[^@\s\"<>,;:\\]+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def booking_uid(booking_id: int, *, domain: str = UID_DOMAIN) -> str:
    """The stable UID of a booking's calendar event: the same for every update."""
    return f"booking-{booking_id}@{domain}"


def invite_words(facts: BookingFacts, language: str = ENGLISH) -> tuple[str, str]:
    """SUMMARY and DESCRIPTION of a booking's event, in the reader's ``language``."""
    summary = f"{facts.gig_title} — {facts.teacher.name} & {facts.student.name}"
    description = render(tx("A LinguaFlex language session."), language)
    if facts.join_url:
        description += "\n" + render(tx("Join: {url}", url=facts.join_url), language)
    return summary, description


def build_ics(
    *,
    uid: str,
    sequence: int,
    method: str,
    start_at: datetime,
    end_at: datetime,
    summary: str,
    description: str,
    location_url: str | None,
    organizer_email: str,
    attendee_emails: Sequence[str],
    now: datetime,
) -> str:
    """Return a VCALENDAR with one VEVENT; ``method`` is REQUEST or CANCEL.

    Raises ValidationError for naive times, an end not after the start, a negative sequence,
    an unknown method or a malformed e-mail address, UID or URL.
    """
    method = method.upper()
    _check(uid, sequence, method, start_at, end_at, now, location_url)
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODUCT_ID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SEQUENCE:{sequence}",
        f"DTSTAMP:{format_utc(now)}",
        f"DTSTART:{format_utc(start_at)}",
        f"DTEND:{format_utc(end_at)}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
    ]
    if location_url:
        lines += [f"LOCATION:{escape_text(location_url)}", f"URL:{location_url}"]
    lines.append(f"ORGANIZER:mailto:{_email(organizer_email)}")
    lines += [
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{_email(address)}"
        for address in attendee_emails
    ]
    lines += [
        f"STATUS:{'CANCELLED' if method == 'CANCEL' else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold_line(line) + CRLF for line in lines)


def _check(
    uid: str,
    sequence: int,
    method: str,
    start_at: datetime,
    end_at: datetime,
    now: datetime,
    location_url: str | None,
) -> None:
    if method not in METHODS:
        raise ValidationError(f"Calendar method must be REQUEST or CANCEL, not {method!r}.")
    if not uid or _CONTROL.search(uid):
        raise ValidationError("A calendar UID must be non-empty and on one line.")
    if sequence < 0:
        raise ValidationError("A calendar SEQUENCE cannot be negative.")
    for value in (start_at, end_at, now):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValidationError("Calendar times must be aware datetimes.")
    if end_at <= start_at:
        raise ValidationError("A session must end after it starts.")
    if location_url is not None and (_CONTROL.search(location_url) or " " in location_url):
        raise ValidationError("The meeting link must be a single URL.")


def _email(address: str) -> str:
    if not _EMAIL.match(address):
        raise ValidationError(f"Not a usable e-mail address for a calendar: {address!r}.")
    return address


def format_utc(value: datetime) -> str:
    """``20270328T010000Z``: the instant in UTC (RFC 5545 form #2, DATE-TIME with UTC time)."""
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def escape_text(value: str) -> str:
    r"""Escape a TEXT value: ``\`` ``;`` ``,`` and newlines (RFC 5545 section 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROL.sub("", value)


def fold_line(line: str) -> str:
    """Fold a content line so no physical line exceeds 75 octets (section 3.1).

    Continuation lines start with one space, which counts toward their 75 octets; a
    multi-octet UTF-8 character is never split.
    """
    pieces: list[str] = []
    current = ""
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, MAX_LINE_OCTETS
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def unfold(text: str) -> list[str]:
    """The logical lines of an .ics text (for tests and for reading back a saved invite)."""
    return text.replace(CRLF + " ", "").replace(CRLF + "\t", "").split(CRLF)[:-1]
