"""Every window and dialog of the tour (ui/tour.py), over a school in every state
(demo/showcase.py), rendered in English and in Spanish: no visible string may stay English.

A Spanish string is untranslated when it is shown exactly as the English run showed it (and is
not data: a name, a title, a note — anything stored in the database — nor a word that is the
same in both languages, which the catalogue then translates to itself), or when it holds a word
that only the English side of the catalogue uses.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import available_timezones

import pytest
import shiboken6
from babel import Locale
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget
from sqlalchemy import String, Text, inspect, select

from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.demo.data import demo_accounts
from linguaflex_desktop.demo.showcase import MovableClock, Showcase, build_showcase
from linguaflex_desktop.models import Base
from linguaflex_desktop.ui.app_controller import AppController
from linguaflex_desktop.ui.i18n import LANGUAGES, language_switch
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.tour import walk
from tests.ui.visible_text import visible_texts

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "linguaflex_es.ts"
WORD = re.compile(r"[^\W\d_]{3,}")
# Paths, addresses, host names and links are data, whatever words they hold; so are codes
# written in capitals (currencies, protocols: USD, STARTTLS).
PATH_LIKE = re.compile(r"\S*[/\\@]\S*|\b[\w-]+(?:\.[\w-]+)+\.[a-z]{2,}\b|\b[A-Z0-9]{2,}\b")
# Words both languages write alike: the unit of minutes ("1 h 30 min").
SHARED_WORDS = {"min"}
# Names that stay as they are in every language.
BRANDS = {"linguaflex", "stripe", "zoom", "jitsi", "visa", "mastercard", "sandbox", "smtp"}


def words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(PATH_LIKE.sub(" ", text))} - SHARED_WORDS


@pytest.fixture
def showcase(tmp_path: Path) -> Iterator[tuple[AppServices, Showcase]]:
    clock = MovableClock()
    services = build_app_services(load_settings(data_dir=tmp_path, environ={}), clock=clock)
    yield services, build_showcase(services, clock)
    services.close()


def stored_texts(services: AppServices) -> set[str]:
    """Every string value of every text column: what users typed or the demo data holds."""
    found: set[str] = set()
    with services.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns or not inspect(services.engine).has_table(table.name):
                continue
            for row in connection.execute(select(*columns)):
                found.update(value for value in row if isinstance(value, str))
    return found


def tour_texts(
    services: AppServices, showcase: Showcase, runner: TaskRunner
) -> dict[str, set[str]]:
    controller = AppController(services, runner=runner)
    seen: dict[str, set[str]] = {}

    def visit(name: str, widget: QWidget) -> None:
        seen[name] = visible_texts(widget)

    try:
        walk(controller, visit, showcase)
    finally:
        runner.wait_for_idle(30000)
        window = controller.current_window
        if window is not None and shiboken6.isValid(window):
            window.close()
    return seen


def catalogue_pairs() -> list[tuple[str, str]]:
    root = ET.parse(CATALOGUE).getroot()
    return [
        (message.findtext("source") or "", message.findtext("translation") or "")
        for message in root.iter("message")
    ]


def test_every_window_and_dialog_shows_no_english_in_spanish(
    showcase: tuple[AppServices, Showcase], runner: TaskRunner
) -> None:
    services, school = showcase
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "compile"], check=True
    )
    english = tour_texts(services, school, runner)
    assert language_switch().apply("es", system=QLocale("es_ES")), "Spanish catalogue not loaded"
    spanish = tour_texts(services, school, runner)
    assert spanish.keys() == english.keys()
    assert len(english) >= 40  # the login window, every tab of the three roles, their dialogs
    assert {"Cerrar sesión", "Iniciar sesión", "Mis reservas"} <= set().union(*spanish.values())

    # IANA zone names are identifiers; each language is listed by its own name in both.
    data = stored_texts(services) | available_timezones() | set(LANGUAGES.values())
    data |= {password for _, password, _ in demo_accounts()}  # shown for the demo accounts
    data |= {str(name) for name in Locale.parse("es").territories.values()}  # CLDR's names
    data_words = set().union(*map(words, data)) | BRANDS
    pairs = catalogue_pairs()
    same_in_both = {source for source, translation in pairs if source == translation}
    # A Spanish translation may be an English word of another string ("Agenda").
    spanish_strings = {translation for _, translation in pairs}
    english_only = (
        set().union(*(words(source) for source, _ in pairs))
        - set().union(*(words(translation) for _, translation in pairs))
        - data_words
    )
    shown_in_english = set().union(*english.values())

    untranslated: list[str] = []
    for stop, texts in spanish.items():
        for text in sorted(texts):
            if text in data or text in same_in_both or text in spanish_strings:
                continue
            if not words(text) - data_words:
                continue
            if text in shown_in_english:
                untranslated.append(f"{stop}: {text!r} (as in English)")
            elif leftover := words(text) & english_only:
                untranslated.append(f"{stop}: {text!r} (English words {sorted(leftover)})")
    assert not untranslated, "\n".join(untranslated)
