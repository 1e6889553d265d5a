"""Read-only Qt table models whose cells a view reads without calling into Python.

A ``CellTableModel`` keeps its rows (any Python objects) and shows them through a
``QStandardItemModel``: a view measures and paints the cells in C++. A model answering
``data`` in Python is asked some eight roles of every cell at each paint, and each of those
calls waits for the interpreter while another thread holds it (a worker's batch, a round
trip's answer): beside a busy thread, a paint of 300 bookings took 31 ms with a Python model
and 6 ms with this one. Even alone, the first paint of a student's eleven gigs took 3-6 ms
with a Python model and 2.7 ms with this one.

A row's cells are formatted when first needed (``format_rows``): before a view paints it
(``widgets.FormatBeforePaint``), before its columns are fitted (``widgets.ColumnFit``), or
before a reader outside a view reads it. The rows a view fits its columns to as soon as they
are shown, the first ``SIZE_HINT_ROWS``, are best formatted by the pool thread that loaded
them (``first_cells``), so the GUI thread only puts them in the store. Subclasses say how a
row looks (``row_cells``) and give their own row accessors. GUI thread only, but for
``first_cells``.

While an assistive technology reads the app (``QAccessible.isActive``), every row is
formatted as it arrives: a screen reader asks for cells no paint has shown (the row the
keyboard moved to before it is painted, a table read aloud).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QColor, QStandardItem, QStandardItemModel

from linguaflex_desktop.ui.i18n import localize
from linguaflex_desktop.ui.widgets import SIZE_HINT_ROWS

Row = TypeVar("Row")
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
Cells = list[list[dict[int, Any]]]  # the store's roles of each cell of some rows
_READ_ONLY = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


class Cell(NamedTuple):
    """A cell as shown: its text, tooltip (None: the text), colour (None: the view's) and
    alignment (None: the view's)."""

    text: str
    tooltip: str | None = None
    colour: QColor | None = None
    alignment: int | None = None


def cell_roles(cell: Cell) -> dict[int, Any]:
    """The roles a view reads of ``cell``."""
    roles: dict[int, Any] = {_DISPLAY: cell.text, _TOOLTIP: cell.tooltip or cell.text}
    if cell.colour is not None:
        roles[_FOREGROUND] = cell.colour
    if cell.alignment is not None:
        roles[_ALIGNMENT] = cell.alignment
    return roles


class CellTableModel(QIdentityProxyModel, Generic[Row]):
    """Rows under the given column ``headers`` (English ``Text``s, shown in the current
    language, or words already translated), their cells in a ``QStandardItemModel`` behind
    this proxy. The store's own signals are blocked: this model announces each change
    itself, once per change rather than once per cell."""

    def __init__(self, headers: Sequence[str], *, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = QStandardItemModel(0, len(headers), self)
        self._store.setHorizontalHeaderLabels([localize(header) for header in headers])
        self._prototype = QStandardItem()  # the store's new cells: read-only, no children
        self._prototype.setFlags(_READ_ONLY)
        self._store.setItemPrototype(self._prototype)
        self._store.blockSignals(True)
        self.setSourceModel(self._store)
        self._rows: list[Row] = []
        self._formatted: list[bool] = []  # per row: its cells are in the store

    def row_cells(self, row: Row) -> Sequence[Cell]:
        """How ``row`` is shown, one ``Cell`` per column. Called on pool threads too
        (``first_cells``): it reads only the row and settings this model never changes."""
        raise NotImplementedError

    def first_cells(self) -> Callable[[Sequence[Row]], Cells]:
        """For the pool thread that loads rows this model will show: the cells of their first
        ``SIZE_HINT_ROWS``, for ``_show_rows``."""
        row_cells = self.row_cells

        def format_first(rows: Sequence[Row]) -> Cells:
            return [[cell_roles(cell) for cell in row_cells(row)] for row in rows[:SIZE_HINT_ROWS]]

        return format_first

    def format_rows(self, first: int, last: int) -> None:
        """Put the cells of rows ``first`` to ``last`` (inclusive, clamped) in the store, if
        they are not there yet. Views call it before painting; a reader of ``data`` outside a
        view calls it for the rows it reads. Every row, while an assistive technology reads
        the app (one that began reading after the rows came gets them at the next paint)."""
        if QAccessible.isActive():
            first, last = 0, len(self._rows) - 1
        for row in range(max(first, 0), min(last, len(self._rows) - 1) + 1):
            if not self._formatted[row]:
                self._put(row, [cell_roles(cell) for cell in self.row_cells(self._rows[row])])

    def _put(self, row: int, cells: Sequence[dict[int, Any]]) -> None:
        store = self._store
        for column, roles in enumerate(cells):
            store.setItemData(store.index(row, column), roles)
        self._formatted[row] = True

    def _show_rows(self, rows: Iterable[Row], cells: Sequence[Sequence[dict[int, Any]]]) -> None:
        """Show ``rows`` in place of the others, the first of them with their ``cells``
        already formatted. Subclasses call it between ``beginResetModel`` and
        ``endResetModel``, so they may reset their own state with it."""
        self._rows = list(rows)
        self._formatted = [False] * len(self._rows)
        self._store.setRowCount(0)
        self._store.setRowCount(len(self._rows))
        for row, row_cells in enumerate(cells):
            self._put(row, row_cells)
        self._format_for_assistive_technology()

    def _append_rows(self, rows: Sequence[Row]) -> None:
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._store.setRowCount(first + len(rows))
            self._rows.extend(rows)
            self._formatted.extend(False for _ in rows)
            self._format_for_assistive_technology()
            self.endInsertRows()

    def _format_for_assistive_technology(self) -> None:
        """Format every row now if an assistive technology reads the app (``format_rows``)."""
        if QAccessible.isActive():
            self.format_rows(0, len(self._rows) - 1)

    def replace_row(self, row: int, value: Row) -> None:
        """Show ``value`` in place of row ``row`` (its cells formatted anew)."""
        self._rows[row] = value
        self._formatted[row] = False
        self.format_rows(row, row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._store.removeRow(row)
        del self._rows[row]
        del self._formatted[row]
        self.endRemoveRows()
