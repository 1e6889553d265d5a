"""Search by free time, the catalogue's side: what a student's free time is (``FreeTime``:
weekdays and hours in the student's own zone, with presets) and the shape of the filter that
turns it into SQL (``FreeTimeFilter``). The filter itself reads teachers' availability and
bookings, so it lives with them (``booking.free_time``) and ``bootstrap`` hands it to the
``CatalogueService``. Pure: no database here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.texts import tx

if TYPE_CHECKING:  # the UI imports FreeTime: no SQL for it at run time
    from sqlalchemy.orm import Session

    from linguaflex_desktop.models import User

FreeTimePreset = Literal["weekday_evenings", "weekday_mornings", "saturday_morning", "weekend"]
WEEKDAYS = frozenset(range(5))


@dataclass(frozen=True)
class FreeTime:
    """When the student is free, in the student's own zone: ``weekdays`` (0 = Monday) and
    the hours [start_hour, end_hour) of each (end 24 = midnight)."""

    weekdays: frozenset[int]
    start_hour: int
    end_hour: int

    @classmethod
    def preset(cls, name: FreeTimePreset) -> FreeTime:
        return PRESETS[name]

    def checked(self) -> FreeTime:
        """This window, or ValidationError for no day, an unknown day or bad hours."""
        days = self.weekdays
        if not isinstance(days, frozenset | set | tuple | list) or not days:
            raise ValidationError(tx("Choose at least one day for your free time."))
        if any(
            not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6 for day in days
        ):
            raise ValidationError(tx("Weekdays go from 0 (Monday) to 6 (Sunday)."))
        hours = (self.start_hour, self.end_hour)
        if any(not isinstance(hour, int) or isinstance(hour, bool) for hour in hours):
            raise ValidationError(tx("Free time goes in whole hours."))
        if not 0 <= self.start_hour < self.end_hour <= 24:
            raise ValidationError(tx("Free time must start before it ends, within one day."))
        return FreeTime(frozenset(days), self.start_hour, self.end_hour)

    def ranges(self) -> list[tuple[int, int, int]]:
        """(weekday, start minute, end minute) of each day of this window."""
        return [(day, self.start_hour * 60, self.end_hour * 60) for day in sorted(self.weekdays)]


def check_free_time(value: object) -> FreeTime | None:
    """None (any time) or a valid FreeTime; ValidationError for anything else."""
    if value is None:
        return None
    if not isinstance(value, FreeTime):
        raise ValidationError(tx("Choose your free time as days and hours."))
    return value.checked()


PRESETS: Mapping[FreeTimePreset, FreeTime] = {
    "weekday_evenings": FreeTime(WEEKDAYS, 17, 21),
    "weekday_mornings": FreeTime(WEEKDAYS, 8, 12),
    "saturday_morning": FreeTime(frozenset({5}), 8, 12),
    "weekend": FreeTime(frozenset({5, 6}), 0, 24),
}


class FreeTimeFilter(Protocol):
    """Turns a student's free time into a SQL condition on gigs (``booking.free_time``)."""

    def __call__(
        self, session: Session, *, free_time: FreeTime, viewer: User, now: datetime
    ) -> Any: ...
