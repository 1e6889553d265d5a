"""The languages a teacher speaks, each with a level: a small table with Add and Remove."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.models.enums import SpokenLevel
from linguaflex_desktop.services.common.validation import MAX_LANGUAGES
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.teacher_format import level_text

CHOOSE_LEVEL_TEXT = tx("Choose level")
LEVEL_COLUMN_WIDTH = 150


class SpokenLanguagesEditor(QWidget):
    """Rows of (language, level); ``languages()`` gives them as typed, for the service to
    judge. A row's level may be unchosen (None), e.g. a language carried over from the
    older names-only profile: saving then asks for it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("spokenLanguages")
        self.table.setHorizontalHeaderLabels([t("Language"), t("Level")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, LEVEL_COLUMN_WIDTH)
        self.table.setMinimumHeight(130)
        self.table.setMaximumHeight(200)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(t("Add language"))
        self.add_button.clicked.connect(self.add_empty_row)
        self.remove_button = QPushButton(t("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._update_buttons()

    def languages(self) -> list[tuple[str, str]]:
        """(language, level value) per non-empty row; '' for an unchosen level."""
        rows: list[tuple[str, str]] = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            name = item.text().strip() if item is not None else ""
            level = self._level_combo(row).currentData()
            if name or level:
                rows.append((name, level if isinstance(level, str) else ""))
        return rows

    def set_languages(self, rows: Sequence[tuple[str, SpokenLevel | None]]) -> None:
        self.table.setRowCount(0)
        for name, level in rows:
            self.add_row(name, level)
        self._update_buttons()

    def add_row(self, name: str, level: SpokenLevel | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox()
        combo.addItem(localize(CHOOSE_LEVEL_TEXT), None)
        for each in SpokenLevel:  # the plain value as data: Qt hands enums back as text
            combo.addItem(level_text(each), each.value)
        combo.setCurrentIndex(max(combo.findData(level.value), 0) if level else 0)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.table.setCellWidget(row, 1, combo)
        self._update_buttons()
        return row

    @Slot()
    def add_empty_row(self) -> None:
        row = self.add_row("", None)
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)
        self.changed.emit()

    @Slot()
    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._update_buttons()
        self.changed.emit()

    def _level_combo(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        return combo

    @Slot()
    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.table.rowCount() < MAX_LANGUAGES)
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))
