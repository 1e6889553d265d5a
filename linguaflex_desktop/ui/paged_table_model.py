"""The lazily paged part of the Qt table models over long lists (bookings, audit events).

A ``PagedTableModel`` holds a ``fetch(offset, limit) -> Page[Row]`` callable, runs it on the
TaskRunner, and appends pages as the view scrolls (``canFetchMore`` / ``fetchMore``), so a list
of 100,000 rows never loads more than the rows looked at. Answers of an older query (before
the last ``set_query`` / ``reload``) are dropped. Subclasses give ``data`` and their own row
accessors; ``show_first_pages_from_top`` keeps a view's new first pages at their top. GUI thread
only; the fetch runs on a pool thread.
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

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
DEFAULT_PAGE_SIZE = 100
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_NOT_EDITABLE = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


class Cell(NamedTuple):
    """A cell as shown: its text, tooltip (None: the text), colour (None: the view's) and
    alignment (None: the view's)."""

    text: str
    tooltip: str | None = None
    colour: QColor | None = None
    alignment: int | None = None


def row_items(cells: Iterable[Cell]) -> list[QStandardItem]:
    """One row of items holding ``cells``. Items belong to no model yet, so a pool thread may
    build them; the model takes them on the GUI thread."""
    items = []
    for cell in cells:
        item = QStandardItem(cell.text)
        item.setFlags(_NOT_EDITABLE)
        item.setData(cell.text if cell.tooltip is None else cell.tooltip, _TOOLTIP)
        if cell.colour is not None:
            item.setData(cell.colour, _FOREGROUND)
        if cell.alignment is not None:
            item.setData(cell.alignment, _ALIGNMENT)
        items.append(item)
    return items


class _Formatted(NamedTuple, Generic[Row]):
    """A page with its rows' items, built on the pool thread that fetched it."""

    page: Page[Row]
    items: list[list[QStandardItem]]


class PagedTableModel(QIdentityProxyModel, Generic[Row]):
    """Rows loaded a page at a time under the given column ``headers`` (English ``Text``s,
    shown in the current language, or words already translated).

    The cells live in a ``QStandardItemModel`` behind this proxy, so a view measures and paints
    them without calling into Python: a paint that needed the interpreter for every cell waited
    for any other thread holding it (a worker's batch, a round trip's answer), 31 ms instead of
    6 ms beside a busy thread. Subclasses say how a row looks (``row_cells``, pure Python: it
    runs on the pool thread that fetched the page); the items are built there too, and the GUI
    thread only hands them over. The store's own signals are blocked: this model announces
    each change itself, once per page rather than once per row or cell."""

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
        self._store.blockSignals(True)
        self.setSourceModel(self._store)
        self._runner = runner
        self.page_size = page_size
        self._rows: list[Row] = []
        self._fetch: Callable[[int, int], Page[Row]] | None = None
        self._total = 0
        self._generation = 0
        self._loading = False

    def row_cells(self, row: Row) -> Sequence[Cell]:
        """How ``row`` is shown, one ``Cell`` per column. Called on pool threads as well as on
        the GUI thread: it reads only the row and this model's settings."""
        raise NotImplementedError

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
        row_cells = self.row_cells
        self._loading = True

        def fetch_and_format() -> _Formatted[Row]:  # a pool thread
            page = fetch(offset, limit)
            return _Formatted(page, [row_items(row_cells(row)) for row in page.items])

        operations.load(
            self._runner,
            fetch_and_format,
            on_success=lambda formatted: self._on_page(generation, formatted, replace),
            on_failure=lambda error: self._on_failed(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, formatted: _Formatted[Row], replace: bool) -> None:
        if generation != self._generation:
            return
        page = formatted.page
        self._loading = False
        self._total = page.total
        if replace:
            self._show(page.items, formatted.items, page.total)
            self.first_page_shown.emit()
        elif page.items:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            for items in formatted.items:
                self._store.appendRow(items)
            self._rows.extend(page.items)
            self.endInsertRows()
        self.page_loaded.emit(page)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self.load_failed.emit(error)

    # --- rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row], *, total: int | None = None) -> None:
        """Show exactly these rows; ``total`` defaults to their number."""
        shown = list(rows)
        self._show(shown, [row_items(self.row_cells(row)) for row in shown], total)

    def _show(self, rows: Sequence[Row], items: list[list[QStandardItem]], total: int | None) -> None:
        self.beginResetModel()
        self._store.setRowCount(0)
        for row_of_items in items:
            self._store.appendRow(row_of_items)
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else total
        self.endResetModel()

    def replace_row(self, row: int, value: Row) -> None:
        """Show ``value`` in place of row ``row`` (its cells formatted anew)."""
        self._rows[row] = value
        for column, item in enumerate(row_items(self.row_cells(value))):
            self._store.setItem(row, column, item)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._store.removeRow(row)
        del self._rows[row]
        self._total = max(0, self._total - 1)
        self.endRemoveRows()


def show_first_pages_from_top(view: QAbstractItemView, model: PagedTableModel[Any]) -> None:
    """Scroll ``view`` to its top whenever ``model`` shows a new first page (a filter change,
    a reload): Qt keeps the old scroll position, and a view left scrolled down would show the
    new page's end and at once fetch the next page. GUI thread."""
    model.first_page_shown.connect(view.scrollToTop)
