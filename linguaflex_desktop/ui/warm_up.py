"""Qt's first-use costs of the role windows' widgets, paid while the sign-in window waits.

The first main window, table view, tab widget, splitter … of a process cost several times the
next ones: the style's data for a widget class is made the first time one is polished,
fonts and metrics load, and PySide makes each Qt enum type a Python class when it
is first used. Signing in built the role window at that cold cost. Once the data has opened,
while the user types, ``WarmUp`` builds one hidden widget of each kind the role windows use,
one kind per event-loop turn (so the sign-in window stays live), polishes it and deletes it;
it stops when its owner (the sign-in window) goes. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def _main_window() -> QWidget:
    window = QMainWindow()
    window.menuBar().addMenu("-").addAction("-")
    window.statusBar().addWidget(QLabel("-"), 1)
    window.statusBar().addPermanentWidget(QProgressBar())
    central = QWidget()
    layout = QVBoxLayout(central)
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(QWidget(), "-")
    layout.addWidget(tabs)
    window.setCentralWidget(central)
    return window


def _table() -> QWidget:
    model = QStandardItemModel(1, 2)
    model.setItem(0, 0, QStandardItem("-"))
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model.setParent(view)
    return view


def _panes() -> QWidget:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    stack = QStackedWidget()
    stack.addWidget(QLabel("-"))
    splitter.addWidget(stack)
    scroll = QScrollArea()
    scroll.setWidget(QTextBrowser())
    splitter.addWidget(scroll)
    return splitter


def _form() -> QWidget:
    box = QGroupBox("-")
    form = QFormLayout(box)
    combo = QComboBox()
    combo.addItem("-")
    form.addRow("-", combo)
    form.addRow("-", QLineEdit())
    form.addRow("-", QSpinBox())
    form.addRow("-", QDateEdit())
    form.addRow("-", QPlainTextEdit())
    row = QHBoxLayout()
    for widget in (QPushButton("-"), QToolButton(), QCheckBox("-"), QFrame()):
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row.addWidget(widget)
    form.addRow(row)
    return box


SAMPLES: tuple[Callable[[], QWidget], ...] = (_main_window, _table, _panes, _form)


class WarmUp(QObject):
    """Build, polish and delete each of ``samples``, one per event-loop turn, while ``owner``
    lives. ``done`` is True once every sample was built."""

    def __init__(
        self, owner: QObject, samples: tuple[Callable[[], QWidget], ...] = SAMPLES
    ) -> None:
        super().__init__(owner)
        self.done = False
        self._left: Iterator[Callable[[], QWidget]] = iter(samples)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)
        self._timer.start()

    def _next(self) -> None:
        build = next(self._left, None)
        if build is None:
            self._timer.stop()
            self.done = True
            return
        widget = build()
        for child in (widget, *widget.findChildren(QWidget)):
            child.ensurePolished()
        widget.adjustSize()  # size hints: fonts and metrics
        widget.deleteLater()
