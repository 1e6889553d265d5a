"""The editable fields of a gig, checked and normalised before a gig is written (the
catalogue's create/update and the demo data use the same rules)."""

from __future__ import annotations

from typing import Any

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.common.pricing import (
    MAX_DURATION_MINUTES,
    normalize_currency,
    validate_hourly_rate,
)
from linguaflex_desktop.services.common.validation import (
    clean_line,
    clean_multiline,
    normalize_language,
    parse_level,
)
from linguaflex_desktop.texts import tx

MAX_TITLE_LENGTH = 120
MAX_DESCRIPTION_LENGTH = 5000
DURATION_STEP_MINUTES = 15


def _check_duration_bounds(minimum: object, maximum: object) -> tuple[int, int]:
    not_positive = (
        tx("The minimum duration must be a positive number of minutes."),
        tx("The maximum duration must be a positive number of minutes."),
    )
    for value, refusal in zip((minimum, maximum), not_positive, strict=True):
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ValidationError(refusal)
        if value % DURATION_STEP_MINUTES:
            raise ValidationError(
                tx("Session durations go in {step}-minute steps.", step=DURATION_STEP_MINUTES)
            )
    assert isinstance(minimum, int) and isinstance(maximum, int)
    if maximum < minimum:
        raise ValidationError(tx("The maximum duration cannot be shorter than the minimum."))
    if maximum > MAX_DURATION_MINUTES:
        raise ValidationError(
            tx(
                "The maximum duration is {hours} hours per session.",
                hours=MAX_DURATION_MINUTES // 60,
            )
        )
    return minimum, maximum


def clean_gig_fields(
    *,
    title: object,
    language: object,
    level: object,
    description: object,
    hourly_rate_minor: object,
    currency: object,
    is_active: object,
    min_duration_minutes: object,
    max_duration_minutes: object,
) -> dict[str, Any]:
    """Validate and normalise every editable gig field; ValidationError on the first bad one."""
    clean_currency = normalize_currency(currency)
    minimum, maximum = _check_duration_bounds(min_duration_minutes, max_duration_minutes)
    if not isinstance(is_active, bool):
        raise ValidationError(tx("Say whether the gig is active (yes or no)."))
    return {
        "title": clean_line(title, what=tx("title"), limit=MAX_TITLE_LENGTH, required=True),
        "language": normalize_language(language),
        "level": parse_level(level),
        "description": clean_multiline(
            description, what=tx("description"), limit=MAX_DESCRIPTION_LENGTH
        ),
        "hourly_rate_minor": validate_hourly_rate(hourly_rate_minor, clean_currency),
        "currency": clean_currency,
        "is_active": is_active,
        "min_duration_minutes": minimum,
        "max_duration_minutes": maximum,
        "duration_step_minutes": DURATION_STEP_MINUTES,
    }
