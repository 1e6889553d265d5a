"""A read-only Qt table model over a list of DTOs, with columns given as (header, text) pairs.

Used by the payment pages, whose rows are plain frozen dataclasses, and by the simple lists
(users, jobs, inbox). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from linguaflex_desktop.ui.i18n import localize

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: its header, the cell text of a row, right-aligned (amounts) or not; the
    tooltip (None: no tooltip) and text colour (None: the view's) of a row's cell.

    The header is best an English ``Text`` (``tx``): shown in the current language, it still
    equals the English word, so ``column_of("Amount")`` finds it in any language. Words
    already translated (``t``) are shown as they are."""

    header: str
    text: Callable[[Row], str]
    right: bool = False
    tooltip: Callable[[Row], str | None] | None = None
    foreground: Callable[[Row], QColor | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of DTOs; ``row_at`` gives a DTO back, ``replace_row`` updates one in place.
    A subclass answering more roles in ``row_data`` names them in ``ROW_ROLES``."""

    ROW_ROLES: frozenset[Qt.ItemDataRole] = frozenset()

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        *,
        key: Callable[[Row], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._rows: list[Row] = []
        self._roles = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND}) | self.ROW_ROLES

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> tuple[Row, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, key: object) -> int | None:
        return next((i for i, item in enumerate(self._rows) if self._key(item) == key), None)

    def replace_row(self, item: Row) -> int | None:
        """Replace the row with the same key; returns its index (None if not shown)."""
        row = self.row_of(self._key(item))
        if row is not None:
            self._rows[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return row

    def column_of(self, header: str) -> int:
        return next(i for i, column in enumerate(self._columns) if column.header == header)

    def cell_text(self, row: int, header: str) -> str:
        return self._columns[self.column_of(header)].text(self._rows[row])

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every cell measured or painted (a page of rows is some
        # 6,000 calls): roles no one answers return first, and the answered ones compare
        # against module constants (a Qt enum attribute lookup costs more than the answer).
        if role not in self._roles or not index.isValid():
            return None
        item, column = self._rows[index.row()], self._columns[index.column()]
        if role == _DISPLAY:
            return column.text(item)
        if role == _TOOLTIP:
            return column.tooltip(item) if column.tooltip else column.text(item)
        if role == _ALIGNMENT:
            return RIGHT if column.right else None
        if role == _FOREGROUND and column.foreground:
            return column.foreground(item)
        return self.row_data(item, role)

    def row_data(self, item: Row, role: int) -> Any:
        """Other roles, the same for every cell of a row (e.g. a bold font); None here."""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return localize(self._columns[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].right:
            return RIGHT
        return None
