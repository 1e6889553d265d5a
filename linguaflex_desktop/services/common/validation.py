"""Input checks shared by the services: each returns the clean value or raises ValidationError
with a message written for the user. Pure functions; safe on any thread."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import Level

MAX_EMAIL_LENGTH = 254
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # hashing cost is fixed, but there is no reason to accept megabytes
MAX_DISPLAY_NAME_LENGTH = 120
MAX_LANGUAGES = 12
MAX_PAGE_SIZE = 500

_LOCAL_PART = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL_RE = re.compile(rf"^{_LOCAL_PART}@(?:{_DOMAIN_LABEL}\.)+[A-Za-z]{{2,63}}$")
_LANGUAGE_RE = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")
_TIME_ZONE_RE = re.compile(r"^[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*$")


def normalize_email(value: object) -> str:
    """Strip and lower-case; refuse anything that does not look like name@domain.tld."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("Please enter your email address.")
    email = value.strip().lower()
    if len(email) > MAX_EMAIL_LENGTH:
        raise ValidationError(f"An email address has at most {MAX_EMAIL_LENGTH} characters.")
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


def _has_control_characters(value: str) -> bool:
    return any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in value)


def normalize_display_name(value: object) -> str:
    """Collapse whitespace; 1..120 printable characters."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("Please enter a display name.")
    name = " ".join(value.split())
    if len(name) > MAX_DISPLAY_NAME_LENGTH:
        raise ValidationError(f"The display name has at most {MAX_DISPLAY_NAME_LENGTH} characters.")
    if _has_control_characters(name):
        raise ValidationError("The display name contains characters that cannot be shown.")
    return name


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
    if isinstance(values, str):
        raise ValidationError("Languages must be given as a list of names.")
    names: list[str] = []
    for value in values:
        name = normalize_language(value)
        if name not in names:
            names.append(name)
    if len(names) > MAX_LANGUAGES:
        raise ValidationError(f"List at most {MAX_LANGUAGES} languages.")
    return tuple(names)


def clean_text(value: object, *, field: str, max_length: int, required: bool = False) -> str:
    """Strip surrounding whitespace; refuse blanks (if required), overlong text, control chars."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"The {field} must be text.")
    text = value.strip()
    if required and not text:
        raise ValidationError(f"The {field} cannot be empty.")
    if len(text) > max_length:
        raise ValidationError(f"The {field} is too long (at most {max_length} characters).")
    if _has_control_characters(text):
        raise ValidationError(f"The {field} contains characters that cannot be shown.")
    return text


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


def check_paging(offset: int, limit: int) -> None:
    """Refuse a negative offset or a page size outside 1..MAX_PAGE_SIZE."""
    valid = all(isinstance(value, int) and not isinstance(value, bool) for value in (offset, limit))
    if not valid or offset < 0 or not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationError(f"Pages start at 0 and hold 1 to {MAX_PAGE_SIZE} rows.")


def like_pattern(text: str) -> str:
    """A lower-case ``LIKE`` pattern that matches ``text`` literally anywhere (escape ``\\``):
    use with ``func.lower(column).like(pattern, escape="\\")`` on SQLite and Postgres."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
