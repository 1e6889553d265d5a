"""Table columns fit their header and the first rows' texts whenever those rows change (the
first page, a reset for new filters, rows inserted among them), measured with the font each
cell is drawn in; later pages and resizes leave them (and a width the user chose) alone. A
table its window would not show is fitted when it is shown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QStackedWidget, QStyle, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.ui.widgets import (
    FIT_MAX_WIDTH,
    SIZE_HINT_ROWS,
    ColumnFit,
    EmptyStateStack,
    make_table_view,
)

HEADERS = ["Session", "Student", "Total", "A rather long column title"]


def table(qtbot: QtBot, rows: list[list[str]]) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    view = make_table_view(model)
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    append(model, rows)
    return view, model


def append(model: QStandardItemModel, rows: list[list[str]]) -> None:
    for row in rows:
        model.appendRow([QStandardItem(text) for text in row])


def needed(view: QTableView, text: str, font: QFont | None = None) -> int:
    """What Qt's own size hint gives a cell of ``text``: its advance and the style's margins."""
    metrics = QFontMetrics(font) if font is not None else view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    return metrics.horizontalAdvance(text) + 2 * margin


def fitted(view: QTableView, column: int, *texts: str) -> int:
    """The width a column takes for ``texts``: the widest, its header, the least a section has."""
    header = view.horizontalHeader()
    cells = [needed(view, text) for text in texts]
    return max([*cells, header.sectionSizeHint(column), header.minimumSectionSize()])


def test_the_first_rows_fit_without_being_cut_and_the_header_too(qtbot: QtBot) -> None:
    view, _model = table(
        qtbot,
        [["a", "Lucía Fernández-Castillo", "78.75 EUR", "x"], ["b", "Sam", "1,234.50 USD", ""]],
    )
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == header.ResizeMode.Stretch  # the first one stretches
    widths = [header.sectionSize(column) for column in range(1, 4)]
    assert widths[0] == needed(view, "Lucía Fernández-Castillo")
    assert widths[1] == fitted(view, 2, "78.75 EUR", "1,234.50 USD")
    assert widths[2] == header.sectionSizeHint(3) > needed(view, "x")  # the title is wider
    assert header.sectionResizeMode(1) == header.ResizeMode.Interactive  # the user may resize


def test_a_bold_cell_is_measured_in_bold(qtbot: QtBot) -> None:
    view, model = table(qtbot, [["a", "Unread message from Lucía Fernández", "", ""]])
    bold = QFont(view.font())
    bold.setBold(True)
    model.setData(model.index(0, 1), bold, Qt.ItemDataRole.FontRole)
    model.beginResetModel()  # the next page of new filters: fitted again
    model.endResetModel()
    assert view.horizontalHeader().sectionSize(1) == needed(
        view, "Unread message from Lucía Fernández", bold
    )


def test_later_pages_and_resizes_keep_the_widths_a_reset_fits_again(qtbot: QtBot) -> None:
    view, model = table(qtbot, [["a", "Sam", "1.00 EUR", ""]])
    header = view.horizontalHeader()
    narrow = header.sectionSize(1)
    append(model, [["a", "Sam", "1.00 EUR", ""]] * (SIZE_HINT_ROWS - 1))
    header.resizeSection(2, 200)  # the user widens Total
    append(model, [["b", "A student with a much longer name than Sam", "2.00 EUR", ""]])
    view.resize(1400, 600)
    qtbot.wait(1)
    assert (header.sectionSize(1), header.sectionSize(2)) == (narrow, 200)
    model.insertRow(0, [QStandardItem(text) for text in ["c", "Al", "3.00 EUR", ""]])
    assert (header.sectionSize(1), header.sectionSize(2)) == (narrow, fitted(view, 2, "1.00 EUR"))
    model.removeRows(1, SIZE_HINT_ROWS - 1)  # the longer name is among the first rows now
    model.insertRow(0, [QStandardItem(text) for text in ["d", "Al", "4.00 EUR", ""]])
    assert header.sectionSize(1) == needed(view, "A student with a much longer name than Sam")


def test_only_the_first_rows_are_measured_and_no_column_grows_past_the_cap(
    qtbot: QtBot,
) -> None:
    rows = [["a", "Sam", "1.00 EUR", ""]] * SIZE_HINT_ROWS
    view, model = table(qtbot, [])
    append(model, [*rows, ["z", "Someone listed after the rows measured", "", ""]])
    model.beginResetModel()
    model.endResetModel()
    header = view.horizontalHeader()
    assert header.sectionSize(1) == fitted(view, 1, "Sam")
    model.setItem(0, 3, QStandardItem("w" * 400))
    model.beginResetModel()
    model.endResetModel()
    assert header.sectionSize(3) == FIT_MAX_WIDTH


def test_a_table_on_a_page_not_shown_is_fitted_when_the_page_shows(qtbot: QtBot) -> None:
    """The Schedule's agenda behind its week grid: each week loaded replaces its rows, and
    they are measured only once the user turns to the agenda."""
    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    view = make_table_view(model)
    pages = QStackedWidget()
    pages.addWidget(QLabel("the week grid"))
    pages.addWidget(view)
    qtbot.addWidget(pages)
    pages.resize(1200, 500)
    pages.show()
    header = view.horizontalHeader()
    unfitted = header.sectionSize(1)
    append(model, [["a", "Lucía Fernández-Castillo", "78.75 EUR", "x"]])
    model.beginResetModel()
    model.endResetModel()
    assert header.sectionSize(1) == unfitted < needed(view, "Lucía Fernández-Castillo")
    pages.setCurrentWidget(view)
    assert header.sectionSize(1) == needed(view, "Lucía Fernández-Castillo")
    model.beginResetModel()  # shown: fitted at once again
    model.setItem(0, 1, QStandardItem("Sam"))
    model.endResetModel()
    assert header.sectionSize(1) == fitted(view, 1, "Sam")


def test_a_table_in_a_window_not_yet_shown_is_fitted_before_the_window_shows(
    qtbot: QtBot,
) -> None:
    """A role window is built, and gets its first rows, while the password is checked: its
    tables are fitted then, not when the window shows. The first rows make the view the
    current page of its empty-state stack."""
    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    view = make_table_view(model)
    window = QWidget()
    QVBoxLayout(window).addWidget(EmptyStateStack(view, "Loading…"))
    qtbot.addWidget(window)
    window.resize(1200, 500)
    append(model, [["a", "Lucía Fernández-Castillo", "78.75 EUR", "x"]])
    assert not window.isVisible()
    assert view.horizontalHeader().sectionSize(1) == needed(view, "Lucía Fernández-Castillo")


def test_a_wrapper_made_anew_without_its_state_fits_nothing() -> None:
    bare = ColumnFit.__new__(ColumnFit)  # what PySide builds for a lost wrapper
    QObject.__init__(bare)
    # called from the model's signals: no AttributeError in the event loop, nothing fitted
    assert bare.fit() is None
    assert bare._on_rows_inserted(QModelIndex(), 0, 0) is None
