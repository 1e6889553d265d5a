"""A country choice for forms: the ISO 3166-1 list by English name, the code as the value.

The names stay in English in every language: Qt's ``QLocale.territoryToString`` gives only
English names (no territory names in other languages), and the list is the service's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from linguaflex_desktop.services.catalogue.countries import COUNTRIES
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize

NO_COUNTRY_TEXT = tx("(not shown)")


class CountryCombo(QComboBox):
    """Editable combo (type to filter) whose items carry the country code; the first item
    means no country."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(localize(NO_COUNTRY_TEXT), None)
        for code, name in sorted(COUNTRIES.items(), key=lambda item: item[1]):
            self.addItem(name, code)
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
