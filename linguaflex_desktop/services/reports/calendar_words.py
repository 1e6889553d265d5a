"""An instant written for a report: "Wed 3 Mar 2027, 11:00 (UTC+01:00)" in a given zone, as a
``Text`` whose day and month names the UI writes in the reader's language (pure, any thread).
"""

from __future__ import annotations

from datetime import datetime

from linguaflex_desktop.texts import Text, tx

WEEKDAYS: tuple[Text, ...] = (
    tx("Mon"),
    tx("Tue"),
    tx("Wed"),
    tx("Thu"),
    tx("Fri"),
    tx("Sat"),
    tx("Sun"),
)
MONTHS: tuple[Text, ...] = (
    tx("Jan"),
    tx("Feb"),
    tx("Mar"),
    tx("Apr"),
    tx("May"),
    tx("Jun"),
    tx("Jul"),
    tx("Aug"),
    tx("Sep"),
    tx("Oct"),
    tx("Nov"),
    tx("Dec"),
)


def moment_text(moment: datetime) -> Text:
    """``moment`` (aware, already in the reader's zone) with its UTC offset:
    'Wed 3 Mar 2027, 11:00 (UTC+01:00)'."""
    return tx(
        "{weekday} {day} {month} {year}, {time} (UTC{offset})",
        weekday=WEEKDAYS[moment.weekday()],
        day=moment.day,
        month=MONTHS[moment.month - 1],
        year=moment.year,
        time=f"{moment:%H:%M}",
        offset=moment.isoformat()[-6:],
    )
