"""The lazily paged part of the Qt table models over long lists (bookings, audit events).

A ``PagedTableModel`` holds a ``fetch(offset, limit) -> Page[Row]`` callable, runs it on the
TaskRunner, and appends pages as the view scrolls (``canFetchMore`` / ``fetchMore``), so a list
of 100,000 rows never loads more than the rows looked at. Answers of an older query (before
the last ``set_query`` / ``reload``) are dropped. Subclasses say how a row looks (``row_cells``)
and give their own row accessors; ``show_first_pages_from_top`` keeps a view's new first pages
at their top. GUI thread only; the fetch runs on a pool thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView

from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.ui import operations
from linguaflex_desktop.ui.i18n import localize
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import SIZE_HINT_ROWS

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
DEFAULT_PAGE_SIZE = 100
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
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


class _Fetched(NamedTuple, Generic[Row]):
    """A page, with the cells of its first rows formatted on the pool thread that fetched it."""

    page: Page[Row]
    cells: list[list[dict[int, Any]]]


class PagedTableModel(QIdentityProxyModel, Generic[Row]):
    """Rows loaded a page at a time under the given column ``headers`` (English ``Text``s,
    shown in the current language, or words already translated).

    The cells live in a ``QStandardItemModel`` behind this proxy, so a view measures and paints
    them without calling into Python: a paint that asked Python for some eight roles of every
    cell waited for the interpreter at each call while another thread held it (a worker's
    batch, a round trip's answer): 31 ms instead of 6 ms beside a busy thread. A row's cells
    are formatted when first needed (``format_rows``: before a view paints it, before its
    columns are fitted), not when its page arrives: formatting every row of a page cost about
    0.14 ms a row, mostly for rows no one scrolls to. The exception is a first page's first
    ``SIZE_HINT_ROWS`` rows, which a view fits its columns to at once: they are formatted on
    the pool thread that fetched them (``row_cells`` reads only the row and this model's
    settings), so the GUI thread only puts them in the store. The store's own signals are
    blocked: this model announces each change itself, once per page rather than once per
    row."""

    page_loaded = Signal(object)  # Page[Row]
    first_page_shown = Signal()  # a new first page replaced the rows (before page_loaded)
    load_failed = Signal(object)  # BaseException

    def __init__(
        self,
        headers: Sequence[str],
        *,
        runner: TaskRunner,
        page_size: int = DEFAULT_PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._store = QStandardItemModel(0, len(headers), self)
        self._store.setHorizontalHeaderLabels([localize(header) for header in headers])
        self._prototype = QStandardItem()  # the store's new cells: read-only, no children
        self._prototype.setFlags(_READ_ONLY)
        self._store.setItemPrototype(self._prototype)
        self._store.blockSignals(True)
        self.setSourceModel(self._store)
        self._runner = runner
        self.page_size = page_size
        self._rows: list[Row] = []
        self._formatted: list[bool] = []  # per row: its cells are in the store
        self._fetch: Callable[[int, int], Page[Row]] | None = None
        self._total = 0
        self._generation = 0
        self._loading = False

    def row_cells(self, row: Row) -> Sequence[Cell]:
        """How ``row`` is shown, one ``Cell`` per column. Called on pool threads too: it reads
        only the row and settings this model never changes."""
        raise NotImplementedError

    def format_rows(self, first: int, last: int) -> None:
        """Put the cells of rows ``first`` to ``last`` (inclusive, clamped) in the store, if
        they are not there yet. Views call it before painting; a reader of ``data`` outside a
        view calls it for the rows it reads."""
        for row in range(max(first, 0), min(last, len(self._rows) - 1) + 1):
            if not self._formatted[row]:
                self._put(row, [cell_roles(cell) for cell in self.row_cells(self._rows[row])])

    def _put(self, row: int, cells: Sequence[dict[int, Any]]) -> None:
        store = self._store
        for column, roles in enumerate(cells):
            store.setItemData(store.index(row, column), roles)
        self._formatted[row] = True

    # --- loading --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many rows the query matches (known after the first page)."""
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading

    def set_query(self, fetch: Callable[[int, int], Page[Row]] | None) -> None:
        """Use ``fetch`` from now on and load its first page (rows are replaced then)."""
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        """Load the first page again; older answers still in flight are ignored."""
        self._generation += 1
        if self._fetch is not None:
            self._load(0, replace=True)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._fetch is None or self._loading:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self._rows), replace=False)

    def _load(self, offset: int, *, replace: bool) -> None:
        fetch, limit, generation = self._fetch, self.page_size, self._generation
        assert fetch is not None
        ahead = SIZE_HINT_ROWS if replace else 0
        row_cells = self.row_cells
        self._loading = True

        def fetch_and_format() -> _Fetched[Row]:  # on a pool thread
            page = fetch(offset, limit)
            cells = [[cell_roles(c) for c in row_cells(row)] for row in page.items[:ahead]]
            return _Fetched(page, cells)

        operations.load(
            self._runner,
            fetch_and_format,
            on_success=lambda fetched: self._on_page(generation, fetched, replace),
            on_failure=lambda error: self._on_failed(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, fetched: _Fetched[Row], replace: bool) -> None:
        if generation != self._generation:
            return
        page = fetched.page
        self._loading = False
        self._total = page.total
        if replace:
            self._show(page.items, page.total, fetched.cells)
            self.first_page_shown.emit()
        elif page.items:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._store.setRowCount(first + len(page.items))
            self._rows.extend(page.items)
            self._formatted.extend(False for _ in page.items)
            self.endInsertRows()
        self.page_loaded.emit(page)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self.load_failed.emit(error)

    # --- rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row], *, total: int | None = None) -> None:
        """Show exactly these rows; ``total`` defaults to their number."""
        self._show(list(rows), total, [])

    def _show(
        self, rows: Sequence[Row], total: int | None, cells: Sequence[Sequence[dict[int, Any]]]
    ) -> None:
        """Show ``rows``, the first of them with their ``cells`` already formatted."""
        self.beginResetModel()
        self._rows = list(rows)
        self._formatted = [False] * len(self._rows)
        self._store.setRowCount(0)
        self._store.setRowCount(len(self._rows))
        for row, row_cells in enumerate(cells):
            self._put(row, row_cells)
        self._total = len(self._rows) if total is None else total
        self.endResetModel()

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
        self._total = max(0, self._total - 1)
        self.endRemoveRows()


def show_first_pages_from_top(view: QAbstractItemView, model: PagedTableModel[Any]) -> None:
    """Scroll ``view`` to its top whenever ``model`` shows a new first page (a filter change,
    a reload): Qt keeps the old scroll position, and a view left scrolled down would show the
    new page's end and at once fetch the next page. GUI thread."""
    model.first_page_shown.connect(view.scrollToTop)
