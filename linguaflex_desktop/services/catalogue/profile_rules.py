"""The checks on what a teacher writes on their profile and the photo they upload.

Pure functions (no database); each returns the clean value or raises ValidationError with one
plain sentence. ``clean_profile_fields`` checks every field and reports all bad ones at once
(``FieldErrors``), so the Profile tab can mark each of them.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from linguaflex_desktop.errors import FieldErrors, ValidationError
from linguaflex_desktop.models.enums import SpokenLevel
from linguaflex_desktop.services.catalogue.countries import COUNTRIES
from linguaflex_desktop.services.common.dto import SpokenLanguage
from linguaflex_desktop.services.common.validation import (
    MAX_LANGUAGES,
    clean_multiline,
    normalize_display_name,
    normalize_language,
    validate_time_zone,
)
from linguaflex_desktop.texts import tx

MAX_BIO_LENGTH = 5000
# The window scales a chosen picture to this square before uploading it.
PHOTO_SIDE = 256
# A 256 x 256 JPEG is some 20-40 KB, a PNG of a photograph up to ~200 KB: the cap leaves room
# for either and keeps a profile row small on a shared database.
MAX_PHOTO_BYTES = 256 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
LEVEL_NAMES = ", ".join(level.value for level in SpokenLevel)


def clean_country(value: object) -> str | None:
    """An ISO 3166-1 alpha-2 code from ``COUNTRIES`` (upper-cased), or None for none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    code = value.strip().upper() if isinstance(value, str) else value
    if not isinstance(code, str) or code not in COUNTRIES:
        raise ValidationError(
            tx("Unknown country {value}; choose one from the list.", value=repr(value))
        )
    return code


def _spoken_level(value: object, language: str) -> SpokenLevel:
    if isinstance(value, SpokenLevel):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        for level in SpokenLevel:
            if text.lower() == level.value.lower():
                return level
        raise ValidationError(
            tx(
                "Unknown level {level} for {language}; choose one of {levels}.",
                level=repr(text),
                language=language,
                levels=LEVEL_NAMES,
            )
        )
    raise ValidationError(
        tx("Choose your level in {language} ({levels}).", language=language, levels=LEVEL_NAMES)
    )


def _entry(value: object) -> tuple[object, object]:
    if isinstance(value, SpokenLanguage):
        return value.language, value.level
    if isinstance(value, Mapping):
        return value.get("language"), value.get("level")
    if isinstance(value, list | tuple) and len(value) == 2:
        return value[0], value[1]
    raise ValidationError(tx("Give each language as a name and a level."))


def clean_spoken_languages(values: object) -> tuple[SpokenLanguage, ...]:
    """Each entry a (language, level) pair, a mapping or a SpokenLanguage; names normalised;
    a language listed twice is refused (which level would be true?); at most MAX_LANGUAGES."""
    if not isinstance(values, list | tuple):
        raise ValidationError(tx("Languages must be given as a list of languages with levels."))
    clean: list[SpokenLanguage] = []
    for value in values:
        raw_language, raw_level = _entry(value)
        language = normalize_language(raw_language)
        if any(entry.language == language for entry in clean):
            raise ValidationError(
                tx("{language} is listed twice; keep one line per language.", language=language)
            )
        clean.append(SpokenLanguage(language, _spoken_level(raw_level, language)))
    if len(clean) > MAX_LANGUAGES:
        raise ValidationError(tx("List at most {n} languages.", n=MAX_LANGUAGES))
    return tuple(clean)


def spoken_from_json(entries: object) -> tuple[SpokenLanguage, ...]:
    """The stored JSON list back as SpokenLanguage values (entries that no longer read are
    skipped rather than breaking a search page)."""
    result: list[SpokenLanguage] = []
    for entry in entries if isinstance(entries, list) else ():
        try:
            result.append(SpokenLanguage(str(entry["language"]), SpokenLevel(entry["level"])))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(result)


def spoken_to_json(languages: Sequence[SpokenLanguage]) -> list[dict[str, str]]:
    return [{"language": entry.language, "level": entry.level.value} for entry in languages]


def clean_profile_fields(
    *,
    bio: object,
    spoken_languages: object,
    country: object,
    time_zone: object,
    display_name: object | None,
) -> dict[str, Any]:
    """Every field checked; FieldErrors naming each bad one (nothing is half-applied)."""
    cleaners: dict[str, Callable[[], object]] = {
        "bio": lambda: clean_multiline(bio, what=tx("bio"), limit=MAX_BIO_LENGTH),
        "spoken_languages": lambda: clean_spoken_languages(spoken_languages),
        "country": lambda: clean_country(country),
        "time_zone": lambda: validate_time_zone(time_zone),
    }
    if display_name is not None:
        cleaners = {"display_name": lambda: normalize_display_name(display_name), **cleaners}
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field, cleaner in cleaners.items():
        try:
            clean[field] = cleaner()
        except ValidationError as error:
            errors[field] = error.message
    if errors:
        raise FieldErrors(errors)
    return clean


# --- photo ----------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


# Start-of-frame markers carry the picture's size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if marker in _SOF_MARKERS and position + 9 <= len(data):
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return int(width), int(height)
        position += 2 + length
    return None


def check_photo(data: object) -> bytes:
    """A PNG or JPEG of at most MAX_PHOTO_BYTES and PHOTO_SIDE x PHOTO_SIDE pixels."""
    if not isinstance(data, bytes | bytearray):
        raise ValidationError(tx("The photo must be an image file's contents."))
    data = bytes(data)
    if not data:
        raise ValidationError(tx("The photo file is empty."))
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            tx(
                "The photo is too large ({size} KB; at most {limit} KB): choose a smaller picture.",
                size=len(data) // 1024,
                limit=MAX_PHOTO_BYTES // 1024,
            )
        )
    if data.startswith(PNG_SIGNATURE):
        size = _png_size(data)
    elif data.startswith(JPEG_SIGNATURE):
        size = _jpeg_size(data)
    else:
        raise ValidationError(tx("The photo is not a PNG or JPEG image."))
    if size is None:
        raise ValidationError(tx("The photo cannot be read as an image; it may be damaged."))
    if not (0 < size[0] <= PHOTO_SIDE and 0 < size[1] <= PHOTO_SIDE):
        raise ValidationError(
            tx(
                "The photo is {width} x {height} pixels; at most {side} x {side} is stored.",
                width=size[0],
                height=size[1],
                side=PHOTO_SIDE,
            )
        )
    return data
