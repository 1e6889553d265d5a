"""Sentences for people that are stored in the database (a payment attempt's failure message,
a refund's message to the student) are stored in English. Read back, ``recall`` turns a
sentence this app wrote into its ``Text`` again, so the UI shows it in the reader's language;
anything else (Stripe's own words, what a person typed) comes back as it is.

Modules register the sentences they store with ``keep`` (and the templates of sentences
with values with ``keep_template``) when they are imported. Pure; any thread (the registry is
only written at import time).
"""

from __future__ import annotations

import re

from linguaflex_desktop.texts import Text, tx

_KNOWN: dict[str, Text] = {}
_TEMPLATES: list[tuple[re.Pattern[str], str]] = []
_FIELD = re.compile(r"\{(\w+)\}")
REASON_SEPARATOR = " Reason: "


def keep(*texts: str) -> None:
    """Remember ``texts`` (each a ``Text`` without values) as sentences that may be stored."""
    for text in texts:
        if isinstance(text, Text):
            _KNOWN[str(text)] = text


def keep_template(template: str) -> None:
    """Remember a template (also marked with ``tx`` where the sentence is made) whose filled-in
    sentences may be stored; its values come back as text."""
    parts = _FIELD.split(template)
    pattern = "".join(
        f"(?P<{part}>.*?)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
    )
    _TEMPLATES.append((re.compile(pattern, re.DOTALL), template))


def with_reason(sentence: str, reason: str) -> str:
    """``sentence`` followed by what a person wrote as the reason (the sentence alone when
    there is none)."""
    if not reason:
        return sentence
    return tx("{sentence} Reason: {reason}", sentence=sentence, reason=reason)


def recall(message: str) -> str:
    """The stored ``message`` as a ``Text`` when this app wrote it, else as it is."""
    if isinstance(message, Text) or not message:
        return message
    known = _KNOWN.get(message)
    if known is not None:
        return known
    sentence, separator, reason = message.partition(REASON_SEPARATOR)
    if separator and sentence in _KNOWN:
        return with_reason(_KNOWN[sentence], reason)
    for pattern, template in _TEMPLATES:
        match = pattern.fullmatch(message)
        if match:
            return Text(template, {key: recall(value) for key, value in match.groupdict().items()})
    return message
