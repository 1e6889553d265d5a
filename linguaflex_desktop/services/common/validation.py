"""Input checks shared by the services: each returns the clean value or raises ValidationError
with a message written for the user. Pure functions; safe on any thread."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import Enum
from typing import TypeVar

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import Level
from linguaflex_desktop.texts import tx

MAX_EMAIL_LENGTH = 254
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # hashing cost is fixed, but there is no reason to accept megabytes
MAX_DISPLAY_NAME_LENGTH = 120
MAX_LANGUAGES = 12
MAX_PAGE_SIZE = 500
# The largest value an INTEGER column holds on Postgres (SQLite's limit, 2**63 - 1, is wider):
# a number beyond it can match no row and could not be stored, so it is refused up front.
MAX_DB_INT = 2**31 - 1
# Dates and instants a user may mean: far enough out for any report or filter, near enough that
# converting between zones or adding a session's length never leaves Python's datetime range.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2999, 12, 31)

_LOCAL_PART = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL_RE = re.compile(rf"^{_LOCAL_PART}@(?:{_DOMAIN_LABEL}\.)+[A-Za-z]{{2,63}}$")
_LANGUAGE_RE = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")
_TIME_ZONE_RE = re.compile(r"^[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*$")

E = TypeVar("E", bound=Enum)


def normalize_email(value: object) -> str:
    """Strip and lower-case; refuse anything that does not look like name@domain.tld."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(tx("Please enter your email address."))
    email = clean_line(value, what=tx("email address"), limit=MAX_EMAIL_LENGTH).lower()
    if not _EMAIL_RE.fullmatch(email):
        raise ValidationError(
            tx("{value} is not a valid email address.", value=repr(value.strip()))
        )
    return email


def validate_password(value: object) -> str:
    """Return the password exactly as typed (never stripped) if it is long enough."""
    if not isinstance(value, str) or len(value) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            tx("The password must have at least {n} characters.", n=MIN_PASSWORD_LENGTH)
        )
    if len(value) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            tx("The password must have at most {n} characters.", n=MAX_PASSWORD_LENGTH)
        )
    return value


def normalize_display_name(value: object) -> str:
    """One line of 1..120 characters, inner runs of spaces collapsed to one."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(tx("Please enter a display name."))
    return " ".join(
        clean_line(value, what=tx("display name"), limit=MAX_DISPLAY_NAME_LENGTH).split()
    )


def validate_time_zone(value: object) -> str:
    """Return an IANA time zone key that zoneinfo knows ("Europe/Berlin", "UTC")."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(tx("Please choose a time zone."))
    key = value.strip()
    if not _TIME_ZONE_RE.fullmatch(key):
        raise ValidationError(tx("Unknown time zone: {key}.", key=repr(key)))
    # Loaded on first use: the sign-in window imports this module for its limits, before it
    # shows, and zoneinfo reads its search path through sysconfig.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise ValidationError(tx("Unknown time zone: {key}.", key=repr(key))) from error
    return key


def normalize_language(value: object) -> str:
    """Strip, collapse whitespace and title-case a language name (2..40 letters)."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(tx("Please enter a language."))
    name = " ".join(value.split()).title()
    if not 2 <= len(name) <= 40 or not _LANGUAGE_RE.fullmatch(name):
        raise ValidationError(
            tx(
                "{value} is not a language name (2 to 40 letters, e.g. 'Spanish').",
                value=repr(value.strip()),
            )
        )
    return name


def normalize_languages(values: Iterable[object]) -> tuple[str, ...]:
    """Normalise each name, drop duplicates (first wins), at most MAX_LANGUAGES."""
    if not isinstance(values, list | tuple):
        raise ValidationError(tx("Languages must be given as a list of names."))
    names: list[str] = []
    for value in values:
        name = normalize_language(value)
        if name not in names:
            names.append(name)
    if len(names) > MAX_LANGUAGES:
        raise ValidationError(tx("List at most {n} languages.", n=MAX_LANGUAGES))
    return tuple(names)


# --- free text ------------------------------------------------------------------------------
# One rule for every piece of text a user types, applied at the service boundary so SQLite
# and Postgres store the same thing: Postgres cannot store NUL at all, and control or
# direction-changing characters make a name or a title display as something it is not.

# Explicit embeddings, overrides and isolates reorder the text around them ("evil\u202etxt.exe"
# shows as "evilexe.txt"): refused in every field.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Direction marks are invisible; fine inside right-to-left prose, refused in one-line fields
# (names, titles, searches) where they only serve to disguise.
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85")


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _check_characters(text: str, *, what: str, multiline: bool) -> None:
    for char in text:
        if char == "\n" and multiline:
            continue
        if char in "\n\r\u2028\u2029\x85":
            raise ValidationError(
                tx("The {what} must fit on one line; please remove the line break.", what=what)
            )
        if char in BIDI_CONTROLS or (char in BIDI_MARKS and not multiline):
            raise ValidationError(
                tx(
                    "The {what} contains an invisible text-direction character ({code}) "
                    "that changes how it reads; please remove it.",
                    what=what,
                    code=_code(char),
                )
            )
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise ValidationError(
                tx(
                    "The {what} contains an invisible control character ({code}) that "
                    "cannot be stored; please remove it.",
                    what=what,
                    code=_code(char),
                )
            )


def _clean(value: object, *, what: str, limit: int, required: bool, multiline: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(tx("The {what} must be text.", what=what))
    if multiline:
        for line_break in _LINE_BREAKS:
            value = value.replace(line_break, "\n")
    _check_characters(value, what=what, multiline=multiline)
    text = value.strip()
    if required and not text:
        raise ValidationError(tx("The {what} cannot be empty.", what=what))
    if len(text) > limit:
        raise ValidationError(
            tx("The {what} is too long (at most {limit} characters).", what=what, limit=limit)
        )
    return text


def clean_line(value: object, *, what: str, limit: int, required: bool = False) -> str:
    """One line of text (a name, a title, a search, a filter), stripped: ValidationError
    naming ``what`` for a line break, a tab or any other control character, a bidi control
    or mark, more than ``limit`` characters, or (if ``required``) nothing. None is ""."""
    return _clean(value, what=what, limit=limit, required=required, multiline=False)


def clean_multiline(value: object, *, what: str, limit: int, required: bool = False) -> str:
    """Prose (a note, a reason, a description), stripped, line breaks kept as "\\n": like
    ``clean_line`` but line breaks and direction marks are allowed."""
    return _clean(value, what=what, limit=limit, required=required, multiline=True)


def parse_level(value: object) -> Level:
    """Accept a Level or its text ("B2", "all"); refuse anything else."""
    if isinstance(value, Level):
        return value
    if isinstance(value, str):
        try:
            return Level(value.strip().upper())
        except ValueError:
            pass
    choices = ", ".join(level.value for level in Level)
    raise ValidationError(
        tx("Unknown level {value}; choose one of {choices}.", value=repr(value), choices=choices)
    )


def check_paging(offset: object, limit: object, *, max_limit: int = MAX_PAGE_SIZE) -> None:
    """Refuse an offset outside 0..MAX_DB_INT or a page size outside 1..``max_limit``, and
    anything that is not a whole number."""
    whole = all(isinstance(value, int) and not isinstance(value, bool) for value in (offset, limit))
    if (
        not whole
        or not isinstance(offset, int)
        or not isinstance(limit, int)
        or not 0 <= offset <= MAX_DB_INT
        or not 1 <= limit <= max_limit
    ):
        raise ValidationError(tx("Pages start at 0 and hold 1 to {n} rows.", n=max_limit))


def check_int(
    value: object, *, what: str, minimum: int = -MAX_DB_INT - 1, maximum: int = MAX_DB_INT
) -> int:
    """A whole number (not a bool, a float or a string of digits) in ``minimum..maximum``,
    which default to what a database INTEGER column holds."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(tx("The {what} must be a whole number.", what=what))
    if not minimum <= value <= maximum:
        raise ValidationError(
            tx(
                "The {what} must be between {minimum} and {maximum}.",
                what=what,
                minimum=minimum,
                maximum=maximum,
            )
        )
    return value


def check_optional_int(
    value: object, *, what: str, minimum: int = -MAX_DB_INT - 1, maximum: int = MAX_DB_INT
) -> int | None:
    """``check_int`` for an optional filter or argument: None stays None."""
    return None if value is None else check_int(value, what=what, minimum=minimum, maximum=maximum)


def check_id(value: object, *, what: str = tx("record")) -> int:
    """The number of a record: a whole number a database id column can hold (an unknown one
    is then simply not found)."""
    return check_int(value, what=tx("{what} number", what=what))


def check_optional_id(value: object, *, what: str = tx("record")) -> int | None:
    return None if value is None else check_id(value, what=what)


def check_day(value: object, *, what: str) -> date:
    """A calendar date (not a datetime) between EARLIEST_DAY and LATEST_DAY."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(tx("The {what} must be a date.", what=what))
    if not EARLIEST_DAY <= value <= LATEST_DAY:
        raise ValidationError(
            tx(
                "The {what} must lie between {first} and {last}.",
                what=what,
                first=EARLIEST_DAY.isoformat(),
                last=LATEST_DAY.isoformat(),
            )
        )
    return value


def check_instant(value: object, *, what: str) -> datetime:
    """An aware datetime whose UTC date lies between EARLIEST_DAY and LATEST_DAY, returned in
    UTC; ValidationError for anything else (a naive datetime, a date, text, ...)."""
    if not isinstance(value, datetime):
        raise ValidationError(tx("{what} must be a date and time.", what=what))
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(tx("{what} must carry its time zone.", what=what))
    # compare the wall time minus its offset: converting first could overflow near the ends
    if not EARLIEST_DAY <= value.replace(tzinfo=None).date() <= LATEST_DAY:
        raise ValidationError(
            tx(
                "{what} must lie between {first} and {last}.",
                what=what,
                first=EARLIEST_DAY.isoformat(),
                last=LATEST_DAY.isoformat(),
            )
        )
    return value.astimezone(UTC)


def like_pattern(text: str) -> str:
    """A lower-case ``LIKE`` pattern that matches ``text`` literally anywhere (escape ``\\``):
    use with ``func.lower(column).like(pattern, escape="\\")`` on SQLite and Postgres."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def enum_value(value: object, kind: type[E], *, what: str) -> E:
    """``value`` as a member of the enum ``kind``: a member, or its stored value (a Qt combo
    box hands a str-valued enum back as plain text). ValidationError for anything else."""
    try:
        return kind(value)
    except (ValueError, TypeError):
        raise ValidationError(tx("Unknown {what} {value}.", what=what, value=repr(value))) from None


def enum_values(values: object, kind: type[E], *, what: str) -> tuple[E, ...]:
    """A list or tuple of ``kind`` members (or their stored values), as a tuple of members."""
    if not isinstance(values, tuple | list):
        raise ValidationError(tx("Filter by a list of {what} values.", what=what))
    return tuple(enum_value(value, kind, what=what) for value in values)
