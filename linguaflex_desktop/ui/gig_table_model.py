"""Qt table model over GigDTOs; the columns to show are chosen by each page. GUI thread only."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from linguaflex_desktop.models.enums import Level
from linguaflex_desktop.services.common.dto import GigDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import language_text, localize, money_text, number_text, t
from linguaflex_desktop.ui.teacher_format import short_rating_text, teacher_facts_text

Index = QModelIndex | QPersistentModelIndex


_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class GigColumn(enum.Enum):
    """A column; its value is the English header (shown with ``localize``)."""

    TITLE = tx("Title")
    TEACHER = tx("Teacher")
    LANGUAGE = tx("Language")
    LEVEL = tx("Level")
    RATE = tx("Hourly rate")
    LENGTHS = tx("Session length")
    STATUS = tx("Status")
    RATING = tx("Rating")


def gig_status_text(gig: GigDTO) -> str:
    if gig.is_suspended:
        return t("Suspended")
    return t("Active", sense="gig") if gig.is_active else t("Hidden")


def level_code_text(level: Level) -> str:
    """'B1'; the code of "all levels" in the current language ('ALL' / 'TODOS')."""
    return t("ALL") if level is Level.ALL else level.value


def gig_rate_text(gig: GigDTO) -> str:
    """'50.00 USD / h' ('50,00 USD / h' in Spanish)."""
    return t("{amount} / h", amount=money_text(gig.hourly_rate_minor, gig.currency))


def gig_lengths_text(gig: GigDTO) -> str:
    low, high = number_text(gig.min_duration_minutes), number_text(gig.max_duration_minutes)
    if gig.min_duration_minutes == gig.max_duration_minutes:
        return t("{minutes} min", minutes=low)
    return t("{low}–{high} min", low=low, high=high)  # noqa: RUF001


def _cell_text(gig: GigDTO, column: GigColumn) -> str:
    match column:
        case GigColumn.TITLE:
            return gig.title
        case GigColumn.TEACHER:
            return gig.teacher_name
        case GigColumn.LANGUAGE:
            return language_text(gig.language)
        case GigColumn.LEVEL:
            return level_code_text(gig.level)
        case GigColumn.RATE:
            return gig_rate_text(gig)
        case GigColumn.LENGTHS:
            return gig_lengths_text(gig)
        case GigColumn.STATUS:
            return gig_status_text(gig)
        case GigColumn.RATING:
            return short_rating_text(gig.teacher.rating)


class GigTableModel(QAbstractTableModel):
    """Rows of gigs; ``gig_at(row)`` gives the DTO back; ``replace_gig`` updates one row."""

    GigRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[GigColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._gigs: list[GigDTO] = []
        self._roles = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, self.GigRole})

    def set_gigs(self, gigs: Iterable[GigDTO]) -> None:
        self.beginResetModel()
        self._gigs = list(gigs)
        self.endResetModel()

    def gigs(self) -> tuple[GigDTO, ...]:
        return tuple(self._gigs)

    def gig_at(self, row: int) -> GigDTO:
        return self._gigs[row]

    def row_of(self, gig_id: int) -> int | None:
        return next((row for row, gig in enumerate(self._gigs) if gig.id == gig_id), None)

    def replace_gig(self, gig: GigDTO) -> int:
        """Replace the row with the same id, or append; returns the row."""
        row = self.row_of(gig.id)
        if row is None:
            row = len(self._gigs)
            self.beginInsertRows(QModelIndex(), row, row)
            self._gigs.append(gig)
            self.endInsertRows()
            return row
        self._gigs[row] = gig
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return row

    def column_of(self, column: GigColumn) -> int:
        return self._columns.index(column)

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._gigs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every cell measured or painted: roles this model does not
        # answer return first, and the answered ones compare against module constants.
        if role not in self._roles or not index.isValid():
            return None
        gig = self._gigs[index.row()]
        column = self._columns[index.column()]
        if role == _TOOLTIP and column is GigColumn.TEACHER:
            return teacher_facts_text(gig.teacher) or gig.teacher_name
        if role in (_DISPLAY, _TOOLTIP):
            return _cell_text(gig, column)
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if column is GigColumn.RATE else None
        return gig  # GigRole

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return localize(self._columns[section].value)
        return None
