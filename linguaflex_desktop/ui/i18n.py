"""The UI's language: Qt's translation catalogue, the chosen language and the locale that dates,
numbers and money are written in. GUI thread, except the pure formatting functions.

Every visible string goes through ``t("English text {name}", name=value)``: the template is
looked up in the catalogue (one context for the whole app, so one English sentence has one
translation), then the values are filled in. Text made by the layers below (``texts.tx``,
e.g. a service's error message) is shown with ``localize``. ``t`` marks its first argument for
``scripts/translations.py`` (which reads the code with Python's parser), so only a string
literal may go there; a string kept at module level is marked with ``texts.tx`` and shown
with ``localize``.

The language is a per-person setting of this computer (``QSettings``): English, Spanish, or
unset, which follows the system locale. Changing it rebuilds the open window (app_controller).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

from linguaflex_desktop.services.common.currency import minor_unit_exponent
from linguaflex_desktop.texts import Amount, Text
from linguaflex_desktop.ui.place_names import country_name, language_name

log = logging.getLogger(__name__)

CONTEXT = ""
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
CATALOGUE_NAME = "linguaflex"
# code -> the language's own name, as the Language menu lists it.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DEFAULT_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"


def t(text: str, /, *, sense: str | None = None, **params: object) -> str:
    """``text`` in the current language with ``params`` filled in (``str.format`` fields).
    ``sense`` tells apart one English word that needs two translations ("Paid" of a booking,
    "Paid" of a payment): Qt's disambiguation, a literal too."""
    translated = QCoreApplication.translate(CONTEXT, text, sense)
    if not params:
        return translated
    return translated.format_map({key: localize_value(value) for key, value in params.items()})


def localize(message: str) -> str:
    """A sentence from below the UI in the current language: a ``Text`` is translated and its
    values written in the current locale; any other string is shown as it is."""
    if isinstance(message, Text):
        return t(message.template, sense=message.sense, **message.params)
    return message


def localize_value(value: object) -> str:
    if isinstance(value, Text):
        return localize(value)
    if isinstance(value, Amount):
        return money_text(value.minor, value.currency, decimals=value.decimals)
    return str(value)


# --- the language setting ----------------------------------------------------------------


def ui_settings() -> QSettings:
    """The per-person settings of this computer (the language, the last export folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LinguaFlex", "LinguaFlex"
    )


def chosen_language() -> str | None:
    """The language chosen in the Account menu, or None to follow the system locale."""
    value = ui_settings().value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language_choice(code: str | None) -> None:
    settings = ui_settings()
    if code is None:
        settings.remove(SETTINGS_KEY)
    else:
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}")
        settings.setValue(SETTINGS_KEY, code)
    settings.sync()


def system_language(system: QLocale | None = None) -> str:
    """The supported language of the system locale, English when it is none of them."""
    locale = system if system is not None else QLocale.system()
    code = QLocale.languageToCode(locale.language())
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def effective_language(choice: str | None, system: QLocale | None = None) -> str:
    return choice if choice in LANGUAGES else system_language(system)


def locale_for(code: str, system: QLocale | None = None) -> QLocale:
    """The locale dates and numbers are written in: the system's own when it speaks ``code``
    (a Mexican system keeps its conventions), else the language's usual one."""
    locale = system if system is not None else QLocale.system()
    if QLocale.languageToCode(locale.language()) == code:
        return QLocale(locale)
    return QLocale(code)


class LanguageSwitch(QObject):
    """Installs the catalogues of one language in the application and says when it changed."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = DEFAULT_LANGUAGE
        self._translators: list[QTranslator] = []

    def apply(self, code: str, *, system: QLocale | None = None) -> bool:
        """Make ``code`` the language of new text; False (logged) when its catalogue is
        missing, in which case the English text is shown. Emits ``changed`` on a change."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        QLocale.setDefault(locale_for(code, system))
        loaded = True
        if code != DEFAULT_LANGUAGE:
            loaded = self._install(app, TRANSLATIONS / f"{CATALOGUE_NAME}_{code}.qm")
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._install(app, Path(qt_folder) / f"qtbase_{code}.qm")  # Qt's own buttons
        changed = code != self.language
        self.language = code
        if changed:
            self.changed.emit(code)
        return loaded

    def _install(self, app: QCoreApplication | None, path: Path) -> bool:
        translator = QTranslator(self)
        if app is None or not translator.load(str(path)):
            log.warning("translation catalogue %s not loaded; showing English", path)
            return False
        app.installTranslator(translator)
        self._translators.append(translator)
        return True


_switch: LanguageSwitch | None = None


def language_switch() -> LanguageSwitch:
    """The application's one ``LanguageSwitch`` (made on first use, on the GUI thread)."""
    global _switch
    if _switch is None:
        _switch = LanguageSwitch(QCoreApplication.instance())
    return _switch


def apply_saved_language(system: QLocale | None = None) -> str:
    """At start-up: the chosen language, or the system's; returns its code."""
    code = effective_language(chosen_language(), system)
    language_switch().apply(code, system=system)
    return code


# --- writing numbers, money and dates in the current locale -----------------------------


def number_text(value: int) -> str:
    """An integer with the locale's digit grouping ("12,345" / "12.345")."""
    return QLocale().toString(value)


def money_text(amount_minor: int, currency: str, *, decimals: int | None = None) -> str:
    """'1,234.50 USD' in English, '1234,50 USD' in Spanish: integer arithmetic, no float."""
    if decimals is None:
        decimals = minor_unit_exponent(currency)
    locale = QLocale()
    sign = locale.negativeSign() if amount_minor < 0 else ""
    whole, part = divmod(abs(amount_minor), 10**decimals)
    number = locale.toString(whole)
    if decimals:
        number += f"{locale.decimalPoint()}{part:0{decimals}d}"
    return f"{sign}{number} {currency.upper()}"


def day_text(day: date) -> str:
    """'Wed 3 Mar 2027' / 'mié 3 mar 2027': short day and month names of the locale."""
    locale = QLocale()
    weekday = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat).rstrip(".")
    month = locale.monthName(day.month, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{weekday} {day.day} {month} {day.year}"


def long_day_text(day: date) -> str:
    """'Wednesday 3 March 2027' / 'miércoles 3 marzo 2027'."""
    locale = QLocale()
    weekday = locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
    month = locale.standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{weekday} {day.day} {month} {day.year}"


def when_text(instant: datetime, zone_name: str) -> str:
    """'Wed 3 Mar 2027, 11:00' in ``zone_name`` (24-hour clock in both languages)."""
    from zoneinfo import ZoneInfo  # loaded behind the sign-in window, which writes no time

    moment = instant.astimezone(ZoneInfo(zone_name))
    return f"{day_text(moment.date())}, {moment:%H:%M}"


def weekday_name(isoweekday: int, *, short: bool = False) -> str:
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().standaloneDayName(isoweekday, fmt).rstrip(".")


def translated_labels(labels: Mapping[object, str]) -> dict[object, str]:
    """A mapping of English labels (e.g. status words kept with ``tx``) in the current
    language."""
    return {key: localize(value) for key, value in labels.items()}


def country_text(code: str | None, english: str) -> str:
    """A country (ISO code and English name, as the services give it) in the current language."""
    return country_name(code, english, language_switch().language) if code else english


def language_text(english: str) -> str:
    """A language stored by its English name ("Spanish") in the current language ("español")."""
    return language_name(english, language_switch().language)
