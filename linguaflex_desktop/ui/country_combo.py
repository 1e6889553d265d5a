"""A country choice for forms: the ISO 3166-1 list by name in the reader's language (sorted
as that language sorts), the code as the value."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from linguaflex_desktop.services.catalogue.countries import COUNTRIES
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import language_switch, localize
from linguaflex_desktop.ui.place_names import country_name

NO_COUNTRY_TEXT = tx("(not shown)")


class CountryCombo(QComboBox):
    """Editable combo (type to filter) whose items carry the country code; the first item
    means no country."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(localize(NO_COUNTRY_TEXT), None)
        language = language_switch().language
        shown = {code: country_name(code, english, language) for code, english in COUNTRIES.items()}
        collator = QCollator(QLocale())
        for code in sorted(shown, key=lambda code: collator.sortKey(shown[code])):
            self.addItem(shown[code], code)
        names = [self.itemText(index) for index in range(self.count())]
        completer = QCompleter(names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)

    def country(self) -> str | None:
        """The chosen code; None for no country; typed text that names no country is passed
        on as it is, so the service's sentence explains it."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            code = self.itemData(index)
            return code if isinstance(code, str) else None
        return text or None

    def set_country(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        self.setCurrentIndex(max(index, 0))
