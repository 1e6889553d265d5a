"""How a teacher's facts read in the windows: rating, languages with levels, country, local
time, in the current language and locale. Functions of DTO values; GUI thread (they read the
translation catalogue and the default locale)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale

from linguaflex_desktop.models.enums import SpokenLevel
from linguaflex_desktop.services.common.dto import RatingSummary, SpokenLanguage, TeacherSummary
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import country_text, language_text, localize, number_text, t

NO_REVIEWS_TEXT = tx("No reviews yet")
NEW_TEACHER_TEXT = tx("New")  # in a results cell: a teacher without visible reviews


def average_text(average: float) -> str:
    """A rating average to one decimal, as review sites show it ('4.5' / '4,5')."""
    return QLocale().toString(float(average), "f", 1)


def rating_text(rating: RatingSummary) -> str:
    """'★ 4.5 (2 reviews)'."""
    average = rating.average
    if average is None:
        return localize(NO_REVIEWS_TEXT)
    if rating.count == 1:
        return t("★ {average} (1 review)", average=average_text(average))
    return t(
        "★ {average} ({count} reviews)",
        average=average_text(average),
        count=number_text(rating.count),
    )


def short_rating_text(rating: RatingSummary) -> str:
    """'★ 4.5 (2)' for a table cell; 'New' before the first visible review."""
    average = rating.average
    if average is None:
        return localize(NEW_TEACHER_TEXT)
    return f"★ {average_text(average)} ({number_text(rating.count)})"


def level_text(level: SpokenLevel) -> str:
    return t("native") if level is SpokenLevel.NATIVE else level.value


def languages_text(languages: Sequence[SpokenLanguage]) -> str:
    """'Spanish (native), English (C1)'."""
    return ", ".join(
        f"{language_text(entry.language)} ({level_text(entry.level)})" for entry in languages
    )


def teacher_facts_text(teacher: TeacherSummary) -> str:
    """Country and languages on one line ('Spain · speaks Spanish (native)'); '' if none."""
    parts = [country_text(teacher.country, teacher.country_name)] if teacher.country_name else []
    if teacher.languages:
        parts.append(t("speaks {languages}", languages=languages_text(teacher.languages)))
    return " · ".join(parts)


def local_time_text(time_zone: str, now: datetime | None = None) -> str:
    """'14:05 local time (Europe/Madrid)' for the teacher's zone; the zone alone if unknown."""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return time_zone
    local = (now or datetime.now(UTC)).astimezone(zone)
    return t("{time} local time ({zone})", time=f"{local:%H:%M}", zone=time_zone)
