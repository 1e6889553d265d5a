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

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView

from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.ui import operations
from linguaflex_desktop.ui.cell_table_model import Cells, CellTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
DEFAULT_PAGE_SIZE = 100


class _Fetched(NamedTuple, Generic[Row]):
    """A page, with the cells of its first rows formatted on the pool thread that fetched it."""

    page: Page[Row]
    cells: Cells


class PagedTableModel(CellTableModel[Row]):
    """Rows loaded a page at a time under the given column ``headers`` (English ``Text``s,
    shown in the current language, or words already translated).

    Its cells are read in C++ and each formatted when first needed (``CellTableModel``), not
    when its page arrives: formatting every row of a page cost about 0.14 ms a row, mostly
    for rows no one scrolls to. The exception is a first page's first ``SIZE_HINT_ROWS``
    rows, which a view fits its columns to at once: they are formatted on the pool thread
    that fetched them (``row_cells`` reads only the row and this model's settings), so the
    GUI thread only puts them in the store. Each page is announced once, not once per row."""

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
        super().__init__(headers, parent=parent)
        self._runner = runner
        self.page_size = page_size
        self._fetch: Callable[[int, int], Page[Row]] | None = None
        self._total = 0
        self._generation = 0
        self._loading = False

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
        first_cells = self.first_cells()
        self._loading = True

        def fetch_and_format() -> _Fetched[Row]:  # on a pool thread
            page = fetch(offset, limit)
            return _Fetched(page, first_cells(page.items) if replace else [])

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
        else:
            self._append_rows(page.items)
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
        self._show_rows(rows, cells)
        self._total = len(self._rows) if total is None else total
        self.endResetModel()

    def remove_row(self, row: int) -> None:
        super().remove_row(row)
        self._total = max(0, self._total - 1)


def show_first_pages_from_top(view: QAbstractItemView, model: PagedTableModel[Any]) -> None:
    """Scroll ``view`` to its top whenever ``model`` shows a new first page (a filter change,
    a reload): Qt keeps the old scroll position, and a view left scrolled down would show the
    new page's end and at once fetch the next page. GUI thread."""
    model.first_page_shown.connect(view.scrollToTop)
