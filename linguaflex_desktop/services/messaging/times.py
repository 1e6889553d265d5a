"""Times in notifications: on the reader's clock, with the zone named, in the reader's language.

"Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin)" in English, "mar 30 mar 2027, 14:00 CEST
(Europe/Berlin)" in Spanish. Day and month names do not depend on the process locale (Qt sets
it from the desktop): English ones from a table, other languages' from CLDR (Babel). Pure
functions, any thread.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime

from linguaflex_desktop.texts import ENGLISH, render, tx

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def zone_of(name: str) -> tzinfo:
    """The named zone, or UTC for a name this system does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def format_local(instant: datetime, zone_name: str, language: str = ENGLISH) -> str:
    """ "Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin)" — the instant on the reader's clock, in
    the reader's language ("mar 30 mar 2027, 14:00 CEST (Europe/Berlin)")."""
    local = instant.astimezone(zone_of(zone_name))
    return f"{_day(local, language)}, {local:%H:%M} {local.tzname()} ({zone_name})"


def _day(local: datetime, language: str) -> str:
    """'Tue 30 Mar 2027' (English, locale-free) or the language's short names from CLDR,
    without the abbreviation dots some languages write ('mar 30 mar 2027')."""
    if language == ENGLISH or not language:
        day, month = _DAYS[local.weekday()], _MONTHS[local.month - 1]
        return f"{day} {local.day:02d} {month} {local.year}"
    naive = local.replace(tzinfo=None)
    try:
        day = format_datetime(naive, "EEE", locale=language).rstrip(".")
        month = format_datetime(naive, "MMM", locale=language).rstrip(".")
    except (ValueError, LookupError):  # a language CLDR does not know: English
        return _day(local, ENGLISH)
    return f"{day} {local.day} {month} {local.year}"


def format_span(
    start_at: datetime, end_at: datetime, zone_name: str, language: str = ENGLISH
) -> str:
    """ "Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin) to 15:00 CEST", in ``language``."""
    end = end_at.astimezone(zone_of(zone_name))
    span = tx(
        "{start} to {end}",
        start=format_local(start_at, zone_name, language),
        end=f"{end:%H:%M} {end.tzname()}",
    )
    return render(span, language)
