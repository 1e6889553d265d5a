"""Input checks shared by the services: each returns the clean value or raises ValidationError
with a message written for the user. Pure functions; safe on any thread."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import Enum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import Level

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
        raise ValidationError("Please enter your email address.")
    email = clean_line(value, what="email address", limit=MAX_EMAIL_LENGTH).lower()
    if not _EMAIL_RE.fullmatch(email):
        raise ValidationError(f"{value.strip()!r} is not a valid email address.")
    return email


def validate_password(value: object) -> str:
    """Return the password exactly as typed (never stripped) if it is long enough."""
    if not isinstance(value, str) or len(value) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if len(value) > MAX_PASSWORD_LENGTH:
        raise ValidationError(f"The password must have at most {MAX_PASSWORD_LENGTH} characters.")
    return value


def normalize_display_name(value: object) -> str:
    """One line of 1..120 characters, inner runs of spaces collapsed to one."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("Please enter a display name.")
    return " ".join(clean_line(value, what="display name", limit=MAX_DISPLAY_NAME_LENGTH).split())


def validate_time_zone(value: object) -> str:
    """Return an IANA time zone key that zoneinfo knows ("Europe/Berlin", "UTC")."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("Please choose a time zone.")
    key = value.strip()
    if not _TIME_ZONE_RE.fullmatch(key):
        raise ValidationError(f"Unknown time zone: {key!r}.")
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise ValidationError(f"Unknown time zone: {key!r}.") from error
    return key


def normalize_language(value: object) -> str:
    """Strip, collapse whitespace and title-case a language name (2..40 letters)."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("Please enter a language.")
    name = " ".join(value.split()).title()
    if not 2 <= len(name) <= 40 or not _LANGUAGE_RE.fullmatch(name):
        raise ValidationError(
            f"{value.strip()!r} is not a language name (2 to 40 letters, e.g. 'Spanish')."
        )
    return name


def normalize_languages(values: Iterable[object]) -> tuple[str, ...]:
    """Normalise each name, drop duplicates (first wins), at most MAX_LANGUAGES."""
    if not isinstance(values, list | tuple):
        raise ValidationError("Languages must be given as a list of names.")
    names: list[str] = []
    for value in values:
        name = normalize_language(value)
        if name not in names:
            names.append(name)
    if len(names) > MAX_LANGUAGES:
        raise ValidationError(f"List at most {MAX_LANGUAGES} languages.")
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
            raise ValidationError(f"The {what} must fit on one line; please remove the line break.")
        if char in BIDI_CONTROLS or (char in BIDI_MARKS and not multiline):
            raise ValidationError(
                f"The {what} contains an invisible text-direction character ({_code(char)}) "
                "that changes how it reads; please remove it."
            )
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise ValidationError(
                f"The {what} contains an invisible control character ({_code(char)}) that "
                "cannot be stored; please remove it."
            )


def _clean(value: object, *, what: str, limit: int, required: bool, multiline: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"The {what} must be text.")
    if multiline:
        for line_break in _LINE_BREAKS:
            value = value.replace(line_break, "\n")
    _check_characters(value, what=what, multiline=multiline)
    text = value.strip()
    if required and not text:
        raise ValidationError(f"The {what} cannot be empty.")
    if len(text) > limit:
        raise ValidationError(f"The {what} is too long (at most {limit} characters).")
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
    raise ValidationError(f"Unknown level {value!r}; choose one of {choices}.")


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
        raise ValidationError(f"Pages start at 0 and hold 1 to {max_limit} rows.")


def check_int(
    value: object, *, what: str, minimum: int = -MAX_DB_INT - 1, maximum: int = MAX_DB_INT
) -> int:
    """A whole number (not a bool, a float or a string of digits) in ``minimum..maximum``,
    which default to what a database INTEGER column holds."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(f"The {what} must be a whole number.")
    if not minimum <= value <= maximum:
        raise ValidationError(f"The {what} must be between {minimum} and {maximum}.")
    return value


def check_optional_int(
    value: object, *, what: str, minimum: int = -MAX_DB_INT - 1, maximum: int = MAX_DB_INT
) -> int | None:
    """``check_int`` for an optional filter or argument: None stays None."""
    return None if value is None else check_int(value, what=what, minimum=minimum, maximum=maximum)


def check_id(value: object, *, what: str = "record") -> int:
    """The number of a record: a whole number a database id column can hold (an unknown one
    is then simply not found)."""
    return check_int(value, what=f"{what} number")


def check_optional_id(value: object, *, what: str = "record") -> int | None:
    return None if value is None else check_id(value, what=what)


def check_day(value: object, *, what: str) -> date:
    """A calendar date (not a datetime) between EARLIEST_DAY and LATEST_DAY."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(f"The {what} must be a date.")
    if not EARLIEST_DAY <= value <= LATEST_DAY:
        raise ValidationError(
            f"The {what} must lie between {EARLIEST_DAY.isoformat()} and {LATEST_DAY.isoformat()}."
        )
    return value


def check_instant(value: object, *, what: str) -> datetime:
    """An aware datetime whose UTC date lies between EARLIEST_DAY and LATEST_DAY, returned in
    UTC; ValidationError for anything else (a naive datetime, a date, text, ...)."""
    if not isinstance(value, datetime):
        raise ValidationError(f"{what} must be a date and time.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"{what} must carry its time zone.")
    # compare the wall time minus its offset: converting first could overflow near the ends
    if not EARLIEST_DAY <= value.replace(tzinfo=None).date() <= LATEST_DAY:
        raise ValidationError(
            f"{what} must lie between {EARLIEST_DAY.isoformat()} and {LATEST_DAY.isoformat()}."
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
        raise ValidationError(f"Unknown {what} {value!r}.") from None


def enum_values(values: object, kind: type[E], *, what: str) -> tuple[E, ...]:
    """A list or tuple of ``kind`` members (or their stored values), as a tuple of members."""
    if not isinstance(values, tuple | list):
        raise ValidationError(f"Filter by a list of {what} values.")
    return tuple(enum_value(value, kind, what=what) for value in values)
