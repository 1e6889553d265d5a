"""The gig table model: the roles it answers, its row accessors, and cells a view reads in
C++ (a paint calls into Python once, not once per role and cell)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from linguaflex_desktop.models.enums import Level
from linguaflex_desktop.services.common.dto import GigDTO, RatingSummary, TeacherSummary
from linguaflex_desktop.ui.gig_table_model import GigColumn, GigTableModel
from linguaflex_desktop.ui.widgets import make_table_view
from tests.ui.ui_helpers import repaint_and_fit_calls

COLUMNS = (GigColumn.TITLE, GigColumn.TEACHER, GigColumn.RATE, GigColumn.RATING)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROLE = Qt.ItemDataRole


def gig(gig_id: int, *, title: str = "Spanish for Beginners", country: str = "") -> GigDTO:
    return GigDTO(
        id=gig_id,
        teacher_id=7,
        teacher_name="Maria Garcia",
        teacher_time_zone="Europe/Madrid",
        title=title,
        language="Spanish",
        level=Level.A1,
        description="",
        hourly_rate_minor=2500,
        currency="USD",
        is_active=True,
        is_suspended=False,
        min_duration_minutes=60,
        max_duration_minutes=60,
        duration_step_minutes=30,
        teacher=TeacherSummary(
            country="ES" if country else None,
            country_name=country,
            rating=RatingSummary(count=2, total_stars=9),
        ),
    )


def test_gig_cells_answer_the_roles_a_view_reads_and_none_for_the_others(qtbot: QtBot) -> None:
    model = GigTableModel(COLUMNS)
    model.set_gigs([gig(1, country="Spain"), gig(2)])
    model.format_rows(0, 1)
    title, teacher, rate, rating = (model.index(0, column) for column in range(4))
    assert model.data(title) == model.data(title, ROLE.ToolTipRole) == "Spanish for Beginners"
    assert model.data(teacher) == "Maria Garcia"
    assert model.data(teacher, ROLE.ToolTipRole) == "Spain"  # the teacher's facts
    assert model.data(model.index(1, 1), ROLE.ToolTipRole) == "Maria Garcia"  # no facts
    assert model.data(rate) == "25.00 USD / h"
    assert model.data(rate, ROLE.TextAlignmentRole) == RIGHT
    assert model.data(title, ROLE.TextAlignmentRole) is None
    assert model.data(rating) == "★ 4.5 (2)"
    for other in (ROLE.DecorationRole, ROLE.FontRole, ROLE.ForegroundRole, ROLE.CheckStateRole):
        assert model.data(title, other) is None
    assert model.data(QModelIndex()) is None
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Title",
        "Teacher",
        "Hourly rate",
        "Rating",
    ]
    assert not model.flags(title) & Qt.ItemFlag.ItemIsEditable
    assert model.column_of(GigColumn.RATE) == 2


def test_replace_gig_updates_its_row_or_appends_a_new_one() -> None:
    model = GigTableModel(COLUMNS)
    model.set_gigs([gig(1), gig(2)])
    model.format_rows(0, 1)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.column())))
    renamed = dataclasses.replace(gig(2), title="Spanish for Travellers")
    assert model.replace_gig(renamed) == 1
    assert changed == [(1, 3)]
    assert model.data(model.index(1, 0)) == "Spanish for Travellers"
    assert model.replace_gig(gig(3, title="Business Spanish")) == 2
    assert model.rowCount() == 3 and model.row_of(3) == 2 and model.row_of(4) is None
    model.format_rows(2, 2)
    assert model.data(model.index(2, 0)) == "Business Spanish"
    assert [g.id for g in model.gigs()] == [1, 2, 3] and model.gig_at(1) == renamed
    model.set_gigs([gig(9)])
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) is None  # not shown yet


def test_a_paint_of_the_gig_table_calls_python_once_not_per_cell(qtbot: QtBot) -> None:
    """A student's results paint beside threads that hold the interpreter (the next search,
    a worker's batch): the view reads the cells in C++. The calls left are the event filter
    that has the rows painted formatted."""
    model = GigTableModel(COLUMNS)
    model.set_gigs([gig(n, title=f"Gig number {n}") for n in range(30)])
    view = make_table_view(model)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()  # the view lays its rows out
    python_calls = repaint_and_fit_calls(view, 1)
    assert set(python_calls) == {"eventFilter", "format_rows"} and len(python_calls) <= 4
    assert model.data(model.index(5, 0)) == "Gig number 5"


@pytest.fixture
def assistive_technology() -> Iterator[None]:
    """As when a screen reader reads the app: Qt's accessibility is active."""
    QAccessible.setActive(True)
    try:
        yield
    finally:
        QAccessible.setActive(False)


def test_while_a_screen_reader_reads_the_app_every_row_is_formatted_as_it_arrives(
    qtbot: QtBot, assistive_technology: None
) -> None:
    """A screen reader asks Qt's accessibility for cells no paint has shown (the row the
    keyboard moved to, a table read aloud): they must not read as empty."""
    model = GigTableModel(COLUMNS)
    view = make_table_view(model)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    model.set_gigs([gig(n, title=f"Gig number {n}") for n in range(100)])
    table = QAccessible.queryAccessibleInterface(view)
    read = [table.child(i).text(QAccessible.Text.Name) for i in range(table.childCount())]
    assert "Gig number 99" in read  # the last row, far below the fold
    assert model.replace_gig(gig(100, title="Business Spanish")) == 100  # appended
    assert model.data(model.index(100, 0)) == "Business Spanish"


def test_a_screen_reader_that_starts_later_gets_every_row_at_the_next_paint(
    qtbot: QtBot,
) -> None:
    model = GigTableModel(COLUMNS)
    model.set_gigs([gig(n, title=f"Gig number {n}") for n in range(100)])
    assert model.data(model.index(99, 0)) is None  # no reader, no paint: not formatted
    QAccessible.setActive(True)
    try:
        model.format_rows(0, 10)  # a paint of the first rows
    finally:
        QAccessible.setActive(False)
    assert model.data(model.index(99, 0)) == "Gig number 99"
