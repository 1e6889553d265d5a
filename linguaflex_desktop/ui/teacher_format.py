"""How a teacher's facts read in the windows: rating, languages with levels, country, local
time. Pure functions of DTO values; any thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linguaflex_desktop.models.enums import SpokenLevel
from linguaflex_desktop.services.common.dto import RatingSummary, SpokenLanguage, TeacherSummary

NO_REVIEWS_TEXT = "No reviews yet"
NEW_TEACHER_TEXT = "New"  # in a results cell: a teacher without visible reviews


def rating_text(rating: RatingSummary) -> str:
    """'★ 4.5 (2 reviews)'; the average to one decimal, as review sites show it."""
    average = rating.average
    if average is None:
        return NO_REVIEWS_TEXT
    noun = "review" if rating.count == 1 else "reviews"
    return f"★ {average:.1f} ({rating.count} {noun})"


def short_rating_text(rating: RatingSummary) -> str:
    """'★ 4.5 (2)' for a table cell; 'New' before the first visible review."""
    average = rating.average
    return NEW_TEACHER_TEXT if average is None else f"★ {average:.1f} ({rating.count})"


def level_text(level: SpokenLevel) -> str:
    return "native" if level is SpokenLevel.NATIVE else level.value


def languages_text(languages: Sequence[SpokenLanguage]) -> str:
    """'Spanish (native), English (C1)'."""
    return ", ".join(f"{entry.language} ({level_text(entry.level)})" for entry in languages)


def teacher_facts_text(teacher: TeacherSummary) -> str:
    """Country and languages on one line ('Spain · speaks Spanish (native)'); '' if none."""
    parts = [teacher.country_name] if teacher.country_name else []
    if teacher.languages:
        parts.append(f"speaks {languages_text(teacher.languages)}")
    return " · ".join(parts)


def local_time_text(time_zone: str, now: datetime | None = None) -> str:
    """'14:05 local time (Europe/Madrid)' for the teacher's zone; the zone alone if unknown."""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return time_zone
    local = (now or datetime.now(UTC)).astimezone(zone)
    return f"{local:%H:%M} local time ({time_zone})"
