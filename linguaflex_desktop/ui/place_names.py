"""Country and language names in the reader's language, from the Unicode CLDR (Babel).

The services keep countries as ISO codes with English names and gig languages as English names
("Spanish"); Qt gives territory and language names only in English or in their own language,
so Babel's CLDR tables name them for the reader ("Reino Unido", "francés"). A name Babel does
not know stays as it is. Pure lookups (cached), any thread.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale


@cache
def _locale(language: str) -> Locale:
    from babel import Locale  # its tables load when a name is first written in a language

    return Locale.parse(language)


@cache
def _english_language_codes() -> dict[str, str]:
    """'Spanish' -> 'es', from the English CLDR names (case-insensitive)."""
    return {name.casefold(): code for code, name in _locale("en").languages.items()}


def country_name(code: str, english: str, language: str) -> str:
    """The country ``code`` (ISO 3166-1) in ``language``; ``english`` when unknown."""
    if language == "en":
        return english
    return str(_locale(language).territories.get(code.upper(), english))


def language_name(english: str, language: str) -> str:
    """A language stored by its English name ("Spanish") written in ``language``
    ("español"); the stored name when CLDR does not know it."""
    if language == "en":
        return english
    code = _english_language_codes().get(english.strip().casefold())
    if code is None:
        return english
    return str(_locale(language).languages.get(code, english))
