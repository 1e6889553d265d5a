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
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView

from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.ui import operations
from linguaflex_desktop.ui.i18n import localize
from linguaflex_desktop.ui.task_runner import TaskRunner

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
DEFAULT_PAGE_SIZE = 100


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """Rows loaded a page at a time under the given column ``headers`` (English ``Text``s,
    shown in the current language, or words already translated)."""

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
        self._headers = tuple(headers)
        self._runner = runner
        self.page_size = page_size
        self._rows: list[Row] = []
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
        self._loading = True
        operations.load(
            self._runner,
            lambda: fetch(offset, limit),
            on_success=lambda page: self._on_page(generation, page, replace),
            on_failure=lambda error: self._on_failed(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, page: Page[Row], replace: bool) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._total = page.total
        if replace:
            self.set_rows(page.items, total=page.total)
            self.first_page_shown.emit()
        elif page.items:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
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
        self.beginResetModel()
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else total
        self.endResetModel()

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return localize(self._headers[section])
        return None


def show_first_pages_from_top(view: QAbstractItemView, model: PagedTableModel[Any]) -> None:
    """Scroll ``view`` to its top whenever ``model`` shows a new first page (a filter change,
    a reload): Qt keeps the old scroll position, and a view left scrolled down would show the
    new page's end and at once fetch the next page. GUI thread."""
    model.first_page_shown.connect(view.scrollToTop)
