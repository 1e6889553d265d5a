"""Qt table model over GigDTOs; the columns to show are chosen by each page. GUI thread only."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from linguaflex_desktop.services.common.dto import GigDTO
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.ui.reviews import rating_text

Index = QModelIndex | QPersistentModelIndex


class GigColumn(enum.Enum):
    TITLE = "Title"
    TEACHER = "Teacher"
    LANGUAGE = "Language"
    LEVEL = "Level"
    RATE = "Hourly rate"
    LENGTHS = "Session length"
    STATUS = "Status"
    RATING = "Rating"


def gig_status_text(gig: GigDTO) -> str:
    if gig.is_suspended:
        return "Suspended"
    return "Active" if gig.is_active else "Hidden"


def gig_rate_text(gig: GigDTO) -> str:
    return f"{format_money(gig.hourly_rate_minor, gig.currency)} / h"


def gig_lengths_text(gig: GigDTO) -> str:
    if gig.min_duration_minutes == gig.max_duration_minutes:
        return f"{gig.min_duration_minutes} min"
    return f"{gig.min_duration_minutes}–{gig.max_duration_minutes} min"  # noqa: RUF001


def _cell_text(gig: GigDTO, column: GigColumn) -> str:
    match column:
        case GigColumn.TITLE:
            return gig.title
        case GigColumn.TEACHER:
            return gig.teacher_name
        case GigColumn.LANGUAGE:
            return gig.language
        case GigColumn.LEVEL:
            return gig.level.value
        case GigColumn.RATE:
            return gig_rate_text(gig)
        case GigColumn.LENGTHS:
            return gig_lengths_text(gig)
        case GigColumn.STATUS:
            return gig_status_text(gig)
        case GigColumn.RATING:
            return rating_text(gig.rating_average, gig.rating_count)


class GigTableModel(QAbstractTableModel):
    """Rows of gigs; ``gig_at(row)`` gives the DTO back; ``replace_gig`` updates one row."""

    GigRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[GigColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._gigs: list[GigDTO] = []

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        gig = self._gigs[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell_text(gig, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is GigColumn.RATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.GigRole:
            return gig
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].value
        return None
