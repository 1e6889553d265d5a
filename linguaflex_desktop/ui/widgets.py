"""Small reusable widgets: empty-state table stack, pager, form helpers. GUI thread only.

Texts given to these widgets are shown through ``localize``: a ``tx`` constant shows in the
current language, a string already translated with ``t`` shows as it is.
"""

from __future__ import annotations

import sys
from typing import Protocol, runtime_checkable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QWidget,
)

from linguaflex_desktop.texts import Text, tx
from linguaflex_desktop.ui.i18n import localize, number_text, t
from linguaflex_desktop.ui.pyside_imports import set_enum_property
from linguaflex_desktop.ui.theme import style_table, themed

# Columns fitted to their contents measure at most this many rows: the first ones (ColumnFit),
# or, for a column a page leaves to Qt's ResizeToContents, the visible ones first. Qt's default
# is 1,000: with a long list loaded, every resize, reset or show of the table then asked the
# model for ~8 roles of each cell of 1,000 rows, which stalled the GUI thread.
SIZE_HINT_ROWS = 50
FIT_MAX_WIDTH = 420  # a fitted column never takes more than this (px); the user may widen it
_DISPLAY_ROLE, _FONT_ROLE = 0, 6  # Qt.ItemDataRole's values (see ui.pyside_imports)


def make_table_view(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, single-row-selection table with a stretching first column; the other
    columns fit the header and the first rows' texts when rows arrive (``ColumnFit``), and the
    user may resize them."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(30)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    set_enum_property(header, "defaultAlignment", "AlignLeft|AlignVCenter")
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(80)
    header.setResizeContentsPrecision(SIZE_HINT_ROWS)
    style_table(view)
    if isinstance(model, RowsFormattedOnDemand):
        FormatBeforePaint(view, model)
    ColumnFit(view)
    return view


@runtime_checkable
class RowsFormattedOnDemand(Protocol):
    """A model whose rows' cells are in it only once asked for (``CellTableModel``)."""

    def format_rows(self, first: int, last: int) -> None: ...


class FormatBeforePaint(QObject):
    """Has ``view``'s model format the rows a paint of its viewport is about to show: one call
    into Python per paint, where the model's ``data`` would be one per role and cell. Before
    the view searches its rows for what the user types (Qt's keyboard search), every loaded
    row is formatted, so rows not yet shown are found too. A double-click on a header
    divider fits the column to the rows Qt measures, shown or not."""

    def __init__(self, view: QTableView, model: RowsFormattedOnDemand) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        view.horizontalHeader().sectionHandleDoubleClicked.connect(self._fit_column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # isinstance, not event.type(): making the Python enum of the type runs Python code,
        # and this is called for every event of the view and its viewport.
        if isinstance(event, QPaintEvent):
            view, model = getattr(self, "_view", None), getattr(self, "_model", None)
            if view is None or model is None:  # a wrapper PySide made anew (see ColumnFit)
                return False
            rect = event.rect()
            first = view.rowAt(rect.top())
            if first >= 0:
                last = view.rowAt(rect.bottom())
                model.format_rows(first, last if last >= 0 else sys.maxsize)  # to the end
        elif isinstance(event, QKeyEvent) and event.text().isprintable() and event.text():
            model = getattr(self, "_model", None)
            if model is not None:
                model.format_rows(0, sys.maxsize)
        return False

    @Slot(int)
    def _fit_column(self, column: int) -> None:
        """The view's own answer to the double-click (``resizeColumnToContents``, connected
        when the view was made, so before this) measured the rows around the visible ones,
        as many as the header's ``resizeContentsPrecision`` (-1: every row), and read those
        not yet formatted as empty. Format them and measure again."""
        view, model = getattr(self, "_view", None), getattr(self, "_model", None)
        if view is None or model is None:
            return
        reach = view.horizontalHeader().resizeContentsPrecision()
        top = max(view.rowAt(0), 0)
        bottom = view.rowAt(view.viewport().height())
        if reach < 0:
            model.format_rows(0, sys.maxsize)
        else:
            end = sys.maxsize if bottom < 0 else bottom + reach
            model.format_rows(max(top - reach, 0), end)
        view.resizeColumnToContents(column)


class ColumnFit(QObject):
    """Fits a table's user-resizable (Interactive) columns to their header and to the texts
    of the first ``SIZE_HINT_ROWS`` rows, each time those rows change (a reset for the first
    page or new filters, rows inserted among them), capped at FIT_MAX_WIDTH. Later pages,
    resizes and repaints leave the widths alone, so a width the user chose stays.

    The texts are measured here with the view's font metrics (a cell's FontRole font where
    the model gives one). Qt's ResizeToContents measured each cell through the delegate's
    size hint (some 8 roles of the model and a text layout per cell) on every show, reset,
    fetch and resize: 17-32 ms each time the admin's Bookings table first showed its 100
    rows, against under 1 ms without it (bench/bench_booking_windows.py).

    A table its window would not show (on a tab or stacked page not current) is fitted when
    it is first shown after its rows changed, not when they arrive: the teacher's Schedule,
    on its week grid, formatted and measured its hidden agenda's rows at every week loaded.
    A table in a window not yet shown (built while the password is checked) is fitted at
    once. A wrapper that PySide makes anew for this object (its Python side collected while
    Qt still held it) has no state and fits nothing."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._waiting_for_show = False
        model = view.model()
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(self._on_rows_inserted)
        self.fit()

    def _on_rows_inserted(
        self, _parent: QModelIndex | QPersistentModelIndex, first: int, _last: int
    ) -> None:
        if first < SIZE_HINT_ROWS:  # among the rows measured
            self.fit()

    @Slot()
    def fit(self) -> None:
        view = getattr(self, "_view", None)
        if view is None:  # a wrapper PySide made anew while its table is torn down
            return
        if not view.isVisibleTo(view.window()):
            if not self._waiting_for_show:
                self._waiting_for_show = True
                view.installEventFilter(self)
            return
        if self._waiting_for_show:
            self._waiting_for_show = False
            view.removeEventFilter(self)
        model = view.model()
        header = view.horizontalHeader()
        interactive = QHeaderView.ResizeMode.Interactive
        columns = [
            column
            for column in range(model.columnCount())
            if header.sectionResizeMode(column) == interactive
        ]
        if not columns:
            return
        # A cell's text is drawn between two margins of the style (QCommonStyle's view item).
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        plain = view.fontMetrics()
        fonts: dict[str, QFontMetrics] = {}
        rows = min(model.rowCount(), SIZE_HINT_ROWS)
        if isinstance(model, RowsFormattedOnDemand):
            model.format_rows(0, rows - 1)
        for column in columns:
            width = header.sectionSizeHint(column)
            for row in range(rows):
                index = model.index(row, column)
                text = model.data(index, _DISPLAY_ROLE)
                if not text:
                    continue
                font = model.data(index, _FONT_ROLE)
                metrics = plain
                if isinstance(font, QFont):
                    metrics = fonts.setdefault(font.key(), QFontMetrics(font))
                width = max(width, metrics.horizontalAdvance(str(text)) + margin)
            header.resizeSection(column, min(width, FIT_MAX_WIDTH))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed only while a fit waits for the table to be shown: shown on screen, or
        shown in its window while that is not (a stacked page made current in a window
        built while the password is checked: the fit then comes before the window shows)."""
        if getattr(self, "_waiting_for_show", False) and (
            isinstance(event, QShowEvent) or event.type() == QEvent.Type.ShowToParent
        ):
            self.fit()
        return False


class EmptyStateStack(QStackedWidget):
    """Shows ``view`` when the model has rows, else a centred message (empty state)."""

    def __init__(self, view: QTableView, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty_label = QLabel(localize(empty_text))
        themed(self.empty_label, "emptyState")
        set_enum_property(self.empty_label, "alignment", "AlignCenter")
        self.empty_label.setWordWrap(True)
        self.addWidget(view)
        self.addWidget(self.empty_label)
        model = view.model()
        model.modelReset.connect(self._refresh)
        model.rowsInserted.connect(self._refresh)
        model.rowsRemoved.connect(self._refresh)
        self._refresh()

    def set_empty_text(self, text: str) -> None:
        self.empty_label.setText(localize(text))

    def showing_empty_state(self) -> bool:
        return self.currentWidget() is self.empty_label

    @Slot()
    def _refresh(self) -> None:
        empty = self.view.model().rowCount() == 0
        self.setCurrentWidget(self.empty_label if empty else self.view)


# What the pagers of the app count, plural and singular (a noun not listed here is shown
# as given, its singular the plural without its final "s").
PAGER_NOUNS: dict[str, tuple[Text, Text]] = {
    "gigs": (tx("gigs"), tx("gig")),
    "jobs": (tx("jobs"), tx("job")),
    "payments": (tx("payments"), tx("payment")),
    "messages": (tx("messages"), tx("message")),
    "reviews": (tx("reviews"), tx("review")),
    "users": (tx("users"), tx("user")),
    "items": (tx("items"), tx("item")),
}


def pager_nouns(noun: str) -> tuple[str, str]:
    """The plural and singular of ``noun`` (English, a ``tx`` or already translated) in the
    current language."""
    for plural, one in PAGER_NOUNS.values():
        if noun in (plural, localize(plural)):
            return localize(plural), localize(one)
    shown = localize(noun)
    return shown, shown.removesuffix("s")


class Pager(QWidget):
    """'Showing 1-50 of 120' with Previous / Next; emits ``page_requested(offset)``."""

    page_requested = Signal(int)

    def __init__(self, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._noun = noun
        self._offset = 0
        self._limit = 50
        self._total = 0
        self.summary = QLabel()
        themed(self.summary, "pagerSummary")
        self.previous_button = QPushButton(t("Previous"))
        self.next_button = QPushButton(t("Next"))
        self.previous_button.clicked.connect(self._previous)
        self.next_button.clicked.connect(self._next)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        self.set_page(offset=0, limit=50, total=0, shown=0)

    def set_page(self, *, offset: int, limit: int, total: int, shown: int) -> None:
        self._offset, self._limit, self._total = offset, limit, total
        noun, one = pager_nouns(self._noun)
        if total == 0:
            self.summary.setText(t("No {noun}", noun=noun))
        elif total == 1:
            self.summary.setText(t("1 {noun}", noun=one))
        elif offset == 0 and shown == total:
            self.summary.setText(t("{total} {noun}", total=number_text(total), noun=noun))
        else:
            text = t(
                "{first}–{last} of {total} {noun}",  # noqa: RUF001
                first=number_text(offset + 1),
                last=number_text(offset + shown),
                total=number_text(total),
                noun=noun,
            )
            self.summary.setText(text)
        self.previous_button.setEnabled(offset > 0)
        self.next_button.setEnabled(offset + shown < total)
        paged = total > limit
        self.previous_button.setVisible(paged)
        self.next_button.setVisible(paged)

    @Slot()
    def _previous(self) -> None:
        self.page_requested.emit(max(0, self._offset - self._limit))

    @Slot()
    def _next(self) -> None:
        self.page_requested.emit(self._offset + self._limit)


def make_message_label(object_name: str = "formError") -> QLabel:
    """An inline label for form errors or notices; hidden while empty."""
    label = QLabel()
    themed(label, object_name)
    label.setWordWrap(True)
    label.setVisible(False)
    set_enum_property(label, "textFormat", "PlainText")
    return label


def reserve_message_space(label: QLabel, *, lines: int) -> None:
    """Keep ``lines`` lines for a message label whether it shows a message or not, so a
    message appearing (or going) moves nothing around it (a longer one is cut to them)."""
    height = label.fontMetrics().lineSpacing() * lines + 4
    label.setFixedHeight(height)
    set_enum_property(label, "alignment", "AlignLeft|AlignTop")
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)


def set_message(label: QLabel, text: str | None) -> None:
    label.setText(localize(text) if text else "")
    label.setVisible(bool(text))


def make_heading(text: str, object_name: str = "pageHeading") -> QLabel:
    label = QLabel(localize(text))
    themed(label, object_name)
    return label
