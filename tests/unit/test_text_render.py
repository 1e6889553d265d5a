"""Writing a ``Text`` in a given language without Qt (``texts.render``): the template from the
catalogue (with its sense), English when a translation is missing or unfinished, values filled
in recursively, money with each language's separators; and the notification words and dates
in Spanish. Assumes resources/translations/linguaflex_es.ts is filled (CI builds it)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linguaflex_desktop import texts
from linguaflex_desktop.services.common.one_time_codes import PURPOSE_EMAIL_CHANGE
from linguaflex_desktop.services.messaging.account_codes import code_message_text
from linguaflex_desktop.services.messaging.texts import (
    BookingFacts,
    Party,
    compose,
    format_local,
    format_span,
)
from linguaflex_desktop.texts import Amount, amount_in, catalogue, render, tx

# (source, sense, translation, finished)
SMALL_CATALOGUE = [
    ("Paid", "payment", "Pagado", True),
    ("Paid", "", "Pagada", True),
    ("Reason: {reason}.", "", "Motivo: {reason}.", True),
    ("none given", "", "no se indicó", True),
    ("{amount} left", "", "Quedan {amount}", True),
    ("Not yet {x}", "", "Aún no {x}", False),
    ("Broken {x}", "", "Roto {y}", True),
]


def small_ts() -> str:
    messages = []
    for source, sense, translation, finished in SMALL_CATALOGUE:
        comment = f"<comment>{sense}</comment>" if sense else ""
        kind = "" if finished else ' type="unfinished"'
        messages.append(
            f"<message><source>{source}</source>{comment}"
            f"<translation{kind}>{translation}</translation></message>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="es" sourcelanguage="en"><context><name></name>'
        + "".join(messages)
        + "</context></TS>\n"
    )


@pytest.fixture
def small_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "linguaflex_es.ts").write_text(small_ts(), encoding="utf-8")
    monkeypatch.setattr(texts, "TRANSLATIONS", tmp_path)
    catalogue.cache_clear()
    yield
    catalogue.cache_clear()


@pytest.mark.parametrize(
    ("minor", "currency", "decimals", "english", "spanish"),
    [
        (7875, "USD", 2, "78.75 USD", "78,75 USD"),
        (123450, "USD", 2, "1,234.50 USD", "1234,50 USD"),
        (1234550, "EUR", 2, "12,345.50 EUR", "12.345,50 EUR"),
        (123456789, "USD", 2, "1,234,567.89 USD", "1.234.567,89 USD"),
        (-123450, "USD", 2, "-1,234.50 USD", "-1234,50 USD"),
        (5000, "JPY", 0, "5,000 JPY", "5000 JPY"),
        (50000, "JPY", 0, "50,000 JPY", "50.000 JPY"),
        (5, "USD", 2, "0.05 USD", "0,05 USD"),
    ],
)
def test_amounts_in_each_language(
    minor: int, currency: str, decimals: int, english: str, spanish: str
) -> None:
    amount = Amount(minor, currency, decimals)
    assert amount_in(amount, "en") == english == str(amount)
    assert amount_in(amount, "es") == spanish
    assert amount_in(amount, "fr") == english  # a language without a table: English


def test_render_translates_fills_nested_texts_and_amounts(small_catalogue: None) -> None:
    reason = tx("Reason: {reason}.", reason=tx("none given"))
    assert render(reason, "es") == "Motivo: no se indicó."
    assert render(reason, "en") == "Reason: none given." == reason
    left = tx("{amount} left", amount=Amount(1234550, "USD"))
    assert render(left, "es") == "Quedan 12.345,50 USD"
    assert render(left, "en") == "12,345.50 USD left"


def test_render_tells_senses_apart(small_catalogue: None) -> None:
    assert render(tx("Paid", sense="payment"), "es") == "Pagado"
    assert render(tx("Paid"), "es") == "Pagada"


def test_missing_unfinished_or_broken_translations_fall_back_to_english(
    small_catalogue: None,
) -> None:
    assert render(tx("Nobody translated {n} of these", n=3), "es") == "Nobody translated 3 of these"
    assert render(tx("Not yet {x}", x="here"), "es") == "Not yet here"
    assert render(tx("Broken {x}", x="here"), "es") == "Broken here"
    assert render(tx("Paid", sense="a sense nobody wrote"), "es") == "Paid"


def test_plain_strings_and_unknown_languages(small_catalogue: None) -> None:
    assert render("Already written", "es") == "Already written"
    assert render(tx("Reason: {reason}.", reason="x"), "fr") == "Reason: x."
    assert type(render(tx("Reason: {reason}.", reason="x"), "en")) is str


def test_a_missing_catalogue_writes_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(texts, "TRANSLATIONS", tmp_path)
    catalogue.cache_clear()
    try:
        assert render(tx("Reason: {reason}.", reason="x"), "es") == "Reason: x."
    finally:
        catalogue.cache_clear()


# --- the real catalogue: notification words in Spanish ------------------------------------

SAM_ES = Party(1, "Sam", "sam@example.com", "America/New_York", "es")
TINA = Party(2, "Tina", "tina@example.com", "Europe/Berlin")
FACTS = BookingFacts(
    booking_id=7,
    gig_title="Spanish <B1> & more",
    student=SAM_ES,
    teacher=TINA,
    start_at=datetime(2027, 3, 30, 12, 0, tzinfo=UTC),
    end_at=datetime(2027, 3, 30, 13, 30, tzinfo=UTC),
    duration_minutes=90,
    total_minor=123450,
    currency="USD",
    reason="",
    payment_due_by=datetime(2027, 3, 29, 12, 0, tzinfo=UTC),
    join_url="https://meet.jit.si/LinguaFlex-abcdefghijklmnop",
)


def test_dates_in_spanish_keep_the_zone_and_drop_abbreviation_dots() -> None:
    instant = datetime(2027, 3, 30, 12, tzinfo=UTC)
    assert format_local(instant, "Europe/Berlin", "es") == (
        "mar 30 mar 2027, 14:00 CEST (Europe/Berlin)"
    )
    assert format_local(instant, "Europe/Berlin") == "Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin)"
    september = format_local(datetime(2027, 9, 1, 12, tzinfo=UTC), "UTC", "es")
    assert september.startswith("mié 1 sep") and "." not in september.split(",")[0]
    assert format_span(FACTS.start_at, FACTS.end_at, "UTC", "es") == (
        "mar 30 mar 2027, 12:00 UTC (UTC) hasta las 13:30 UTC"
    )


def test_a_spanish_reader_gets_spanish_and_the_english_one_english() -> None:
    student = compose("confirmed", FACTS, "student")
    assert student.subject == "Tina ha confirmado tu clase: paga ahora"
    assert student.text.startswith("Hola, Sam:\n")
    assert "Paga ahora para mantenerla: 1234,50 USD antes del lun 29 mar 2027" in student.text
    assert "Cuándo: mar 30 mar 2027, 08:00 EDT (America/New_York) hasta las" in student.text
    assert "Hello" not in student.text and "Hola, Sam:" in student.html
    teacher = compose("cancelled", FACTS, "teacher")
    assert teacher.subject == "Session with Sam cancelled"
    assert "Reason: none given." in teacher.text
    spanish = compose("cancelled", FACTS, "student")
    assert "Motivo: no se indicó." in spanish.text


def test_the_one_time_code_mail_in_spanish() -> None:
    subject, text = code_message_text(PURPOSE_EMAIL_CHANGE, "123456", "es")
    assert subject == "Confirma tu nuevo correo electrónico de LinguaFlex"
    assert text.startswith("Tu código de confirmación es 123456.\n")
    english_subject, _ = code_message_text(PURPOSE_EMAIL_CHANGE, "123456")
    assert english_subject == "Confirm your new LinguaFlex e-mail address"
