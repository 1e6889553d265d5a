"""The translation catalogues: current with the code, complete, and consistent with their
English; the pure parts of the language machinery (texts.Text, i18n formatting and choice)."""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.texts import Amount, Text, tx
from linguaflex_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
FIELD = re.compile(r"\{(\w*)\}")


def messages(path: Path) -> list[tuple[str, ET.Element | None]]:
    root = ET.parse(path).getroot()
    return [(m.findtext("source") or "", m.find("translation")) for m in root.iter("message")]


def test_the_shipped_catalogues_hold_exactly_the_strings_the_code_marks(tmp_path: Path) -> None:
    """lupdate run afresh on a copy finds nothing new and nothing gone: a string marked in the
    code but missing from the catalogue (or a stale one) fails here."""
    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT / "linguaflex_desktop",
        copy / "linguaflex_desktop",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copytree(FOLDER, copy / "resources" / "translations")
    subprocess.run(
        [sys.executable, str(copy / "scripts" / "translations.py"), "update"], check=True
    )
    for code in ("en", "es"):
        fresh = [
            source
            for source, _ in messages(copy / "resources/translations" / f"linguaflex_{code}.ts")
        ]
        shipped = [source for source, _ in messages(FOLDER / f"linguaflex_{code}.ts")]
        new, gone = sorted(set(fresh) - set(shipped)), sorted(set(shipped) - set(fresh))
        assert sorted(fresh) == sorted(shipped), (
            f"linguaflex_{code}.ts is out of date (scripts/translations.py update): "
            f"new {new[:10]}, gone {gone[:10]}"
        )


def test_every_spanish_string_is_translated_with_the_same_fields_and_one_accelerator() -> None:
    problems = []
    entries = messages(FOLDER / "linguaflex_es.ts")
    assert len(entries) > 500  # the whole UI, not a sample
    for source, translation in entries:
        text = translation.text if translation is not None else None
        if translation is None or translation.get("type") or not (text or "").strip():
            problems.append(f"untranslated: {source!r}")
            continue
        assert text is not None
        if sorted(FIELD.findall(source)) != sorted(FIELD.findall(text)):
            problems.append(f"fields differ: {source!r} -> {text!r}")
        if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            problems.append(f"accelerator: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems[:40])


def test_a_text_reads_as_its_english_and_keeps_its_template_and_values() -> None:
    text = tx("Refund {amount} to {name}?", amount=money(123450, "usd"), name="Sam")
    assert text == "Refund 1,234.50 USD to Sam?"
    assert isinstance(text, str)
    assert text.template == "Refund {amount} to {name}?"
    assert text.params["amount"] == Amount(123450, "USD", 2)
    restored = pickle.loads(pickle.dumps(text))
    assert isinstance(restored, Text) and restored == text and restored.template == text.template
    assert str(money(5000, "JPY")) == "5,000 JPY"
    assert str(money(-5, "EUR")) == "-0.05 EUR"


@pytest.fixture
def spanish(qapp: object) -> object:
    switch = i18n.language_switch()
    assert switch.apply("es", system=QLocale("es_ES"))
    yield switch
    switch.apply("en", system=QLocale("en_US"))


def test_spanish_writes_money_numbers_and_days_its_own_way(spanish: object) -> None:
    assert i18n.money_text(1234550, "EUR") == "12.345,50 EUR"
    assert i18n.money_text(500000, "JPY") == "500.000 JPY"
    assert i18n.money_text(-150, "USD") == "-1,50 USD"
    assert i18n.day_text(date(2027, 3, 3)) == "mié 3 mar 2027"
    assert i18n.when_text(datetime(2027, 3, 3, 10, tzinfo=UTC), "Europe/Madrid") == (
        "mié 3 mar 2027, 11:00"
    )
    nested = tx("Refunded {amount}: {why}", amount=money(7875, "USD"), why=tx("Cannot do that"))
    assert i18n.localize(nested) == i18n.t(
        "Refunded {amount}: {why}", amount="78,75 USD", why=i18n.t("Cannot do that")
    )
    assert i18n.t("Cannot do that") == "No se puede hacer"


def test_english_writes_them_as_before(qapp: object) -> None:
    i18n.language_switch().apply("en", system=QLocale("en_US"))
    assert i18n.money_text(1234550, "EUR") == "12,345.50 EUR"
    assert i18n.day_text(date(2027, 3, 3)) == "Wed 3 Mar 2027"
    assert i18n.localize("plain text stays") == "plain text stays"


@pytest.mark.parametrize(
    ("system", "choice", "language"),
    [
        ("es_MX", None, "es"),  # follows the system
        ("de_DE", None, "en"),  # a language we do not ship: English
        ("C", None, "en"),
        ("es_ES", "en", "en"),  # the choice wins
        ("en_GB", "es", "es"),
        ("en_US", "fr", "en"),  # an unknown saved value is ignored
    ],
)
def test_the_language_follows_the_system_unless_one_was_chosen(
    system: str, choice: str | None, language: str
) -> None:
    assert i18n.effective_language(choice, QLocale(system)) == language


def test_a_system_in_the_chosen_language_keeps_its_own_conventions() -> None:
    assert i18n.locale_for("es", QLocale("es_MX")).name() == "es_MX"
    assert i18n.locale_for("es", QLocale("de_DE")).name() == "es_ES"
    assert i18n.locale_for("en", QLocale("C")).name() == "en_US"
