"""Every string a widget tree shows: labels, buttons, titles, tabs, menus and actions,
placeholders, tooltips, combo items, group boxes, table headers and cells, chart titles, axes
and legends. Used by the test that renders every window in each language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

TAG = re.compile(r"<[^>]+>")
MAX_ROWS = 30


def _plain(text: str) -> str:
    text = TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    return " ".join(text.split())


def visible_texts(root: QWidget) -> set[str]:
    """The strings of ``root`` and every widget and action under it (empty ones left out)."""
    found = {text for text in map(_plain, _texts(root)) if text}
    return found


def _texts(root: QWidget) -> Iterator[str]:
    yield root.windowTitle()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        yield widget.toolTip()
        yield from _widget_texts(widget)
    for action in root.findChildren(QAction):
        yield action.text().replace("&", "")
        yield action.toolTip()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield action.text().replace("&", "")


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel):
        yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text().replace("&", "")
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QProgressBar):
        yield widget.format() if widget.isTextVisible() else ""
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i).replace("&", "")
            yield widget.tabToolTip(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget)
    if isinstance(widget, QChartView):
        yield from _chart_texts(widget)


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model (QListWidget's) keeps columnCount private: one column
        columns = 1
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    for row in range(min(model.rowCount(root), MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def _chart_texts(view: QChartView) -> Iterator[str]:
    chart = view.chart()
    yield chart.title()
    for axis in chart.axes():
        yield axis.titleText()
    for marker in chart.legend().markers():
        yield marker.label()
