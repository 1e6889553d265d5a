"""Words for people, written in English by the layers that know no Qt, shown in the reader's
language by the UI.

``tx("Refund of {amount} is more than the {left} left", amount=..., left=...)`` is a ``str``
(the English sentence, so logs, tests and e-mails read it as before) that also keeps its
template and values: the UI looks the template up in Qt's translation catalogue and fills in the
values, formatting an ``Amount`` as money in the reader's locale. ``tx`` marks the template for
``scripts/translations.py``, so only a string literal may be its first argument. Pure values,
any thread.

``render(text, language)`` writes such a sentence in a given language without Qt (the
notifications and e-mails, composed in the recipient's language on any thread): it reads the
same catalogue the UI loads (resources/translations/linguaflex_<code>.ts).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
ENGLISH = "en"


@dataclass(frozen=True)
class Amount:
    """A sum of money inside a sentence: minor units, ISO currency and its number of decimals.

    English form "1,234.50 USD" (``str``); the UI writes it in the reader's locale instead."""

    minor: int
    currency: str
    decimals: int = 2

    def __str__(self) -> str:
        sign = "-" if self.minor < 0 else ""
        whole, part = divmod(abs(self.minor), 10**self.decimals)
        number = f"{whole:,}" + (f".{part:0{self.decimals}d}" if self.decimals else "")
        return f"{sign}{number} {self.currency.upper()}"


class Text(str):
    """An English sentence that remembers the template and values it was made from."""

    template: str
    params: Mapping[str, object]
    sense: str | None

    def __new__(cls, template: str, params: Mapping[str, object], sense: str | None = None) -> Text:
        text = super().__new__(cls, template.format_map({k: str(v) for k, v in params.items()}))
        text.template = template
        text.params = MappingProxyType(dict(params))
        text.sense = sense
        return text

    def __reduce__(self) -> tuple[object, ...]:
        return (Text, (self.template, dict(self.params), self.sense))


def tx(template: str, /, *, sense: str | None = None, **params: object) -> Text:
    """The sentence ``template`` with ``params`` filled in (``str.format`` fields), in English,
    marked for translation. Values may be ``str``, ``int``, ``Amount`` or another ``Text``.
    ``sense`` tells apart one English word that needs two translations (see ui/i18n.t)."""
    return Text(template, params, sense)


# --- writing a Text in a given language, without Qt ------------------------------------------


@dataclass(frozen=True)
class NumberFormat:
    """How a language writes a number: digit group separator, decimal mark, and the fewest
    digits the leftmost group must have before grouping is used (CLDR "minimum grouping
    digits": Spanish writes 1234 but 12.345)."""

    group: str
    decimal: str
    min_grouping: int = 1


NUMBER_FORMATS: dict[str, NumberFormat] = {
    "en": NumberFormat(group=",", decimal="."),
    "es": NumberFormat(group=".", decimal=",", min_grouping=2),
}


def number_in(whole: int, language: str) -> str:
    """A non-negative integer with the language's digit grouping."""
    style = NUMBER_FORMATS.get(language, NUMBER_FORMATS[ENGLISH])
    digits = str(whole)
    if len(digits) < 3 + style.min_grouping:
        return digits
    groups = []
    while len(digits) > 3:
        digits, last = digits[:-3], digits[-3:]
        groups.append(last)
    groups.append(digits)
    return style.group.join(reversed(groups))


def amount_in(amount: Amount, language: str) -> str:
    """``amount`` as the language writes money: "1,234.50 USD", "1234,50 USD", "12.345,50 USD"."""
    style = NUMBER_FORMATS.get(language, NUMBER_FORMATS[ENGLISH])
    sign = "-" if amount.minor < 0 else ""
    whole, part = divmod(abs(amount.minor), 10**amount.decimals)
    number = number_in(whole, language)
    if amount.decimals:
        number += f"{style.decimal}{part:0{amount.decimals}d}"
    return f"{sign}{number} {amount.currency.upper()}"


@cache
def catalogue(language: str) -> Mapping[tuple[str, str], str]:
    """(template, sense or "") -> the finished translations of ``language``'s catalogue;
    empty for English and for a catalogue that is missing or unreadable (logged)."""
    if language == ENGLISH:
        return MappingProxyType({})
    import xml.etree.ElementTree as ET  # only where a message is written in another language

    path = TRANSLATIONS / f"linguaflex_{language}.ts"
    found: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        log.warning("translation catalogue %s not read (%s); writing English", path, error)
        return MappingProxyType(found)
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete"):
            continue
        if translation.get("type") == "vanished" or not (translation.text or "").strip():
            continue
        key = (message.findtext("source") or "", message.findtext("comment") or "")
        found[key] = translation.text or ""
    return MappingProxyType(found)


def render(text: str, language: str) -> str:
    """``text`` written in ``language``: a ``Text``'s template translated (English when the
    catalogue has no finished translation) and its values filled in, a nested ``Text``
    rendered too and an ``Amount`` written with the language's separators. Any other string
    is returned as it is. Any thread."""
    if not isinstance(text, Text):
        return text
    template = catalogue(language).get((text.template, text.sense or ""), text.template)
    values = {key: _value_in(value, language) for key, value in text.params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English instead
        log.warning("translation of %r does not fit its values; writing English", text.template)
        return text.template.format_map(values)


def _value_in(value: object, language: str) -> str:
    if isinstance(value, Text):
        return render(value, language)
    if isinstance(value, Amount):
        return amount_in(value, language)
    return str(value)
