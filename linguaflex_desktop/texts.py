"""Words for people, written in English by the layers that know no Qt, shown in the reader's
language by the UI.

``tx("Refund of {amount} is more than the {left} left", amount=..., left=...)`` is a ``str``
(the English sentence, so logs, tests and e-mails read it as before) that also keeps its
template and values: the UI looks the template up in Qt's translation catalogue and fills in the
values, formatting an ``Amount`` as money in the reader's locale. ``tx`` marks the template for
``scripts/translations.py``, so only a string literal may be its first argument. Pure values,
any thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


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
