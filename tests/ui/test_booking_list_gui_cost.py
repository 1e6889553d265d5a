"""What keeps the booking lists from freezing the GUI thread with many rows loaded (found by
bench/bench_booking_windows.py), pinned by counts rather than timings:

- a table sizes its columns from a bounded number of rows (``SIZE_HINT_ROWS`` around the
  visible ones), not from every row loaded: Qt's default of 1,000 made a window resize with
  1,100 bookings loaded freeze the GUI for ~350 ms;
- a filter change shows the new first page from its top: the view kept its old scroll
  position, showed the end of the new page and at once fetched the next one;
- the booking model answers the roles it has no value for with None, and the ones it has as
  before; its cells are read in C++, so a paint calls into Python once, not once per role and
  cell (each such call waited for the interpreter while another thread held it); a booking is
  formatted once, when first shown (a first page's fitted rows on the pool thread), or
  before Qt reads it unshown (keyboard search, fitting a column to its contents);
- run_gui takes the objects alive at startup out of the garbage collector's full passes.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus, PaymentStatus, SessionBooking
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.ui.admin.bookings_page import AdminBookingsPage
from linguaflex_desktop.ui.booking.format import format_when, status_cell_text, status_text
from linguaflex_desktop.ui.booking.table_model import BookingColumn, BookingTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import SIZE_HINT_ROWS, make_table_view
from tests.ui.booking_ui_helpers import WEDNESDAY_10_UTC, School, book, make_school
from tests.ui.ui_helpers import repaint_and_fit_calls

BOOKINGS = 450  # more than SIZE_HINT_ROWS plus a screenful, in 5 pages of 100
ROW_HEIGHT = 30  # make_table_view's default section size


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    school = make_school(clocked_services)
    _insert_bookings(clocked_services, school, BOOKINGS)
    return school


def _insert_bookings(services: AppServices, school: School, count: int) -> None:
    """``count`` unpaid requests an hour apart, written in one statement (the services would
    take minutes for this many)."""
    rows = []
    for n in range(count):
        start = WEDNESDAY_10_UTC + timedelta(hours=n)
        rows.append(
            {
                "student_id": school.student.id,
                "teacher_id": school.teacher.id,
                "gig_id": school.gig.id,
                "start_at": start,
                "end_at": start + timedelta(hours=1),
                "duration_minutes": 60,
                "status": BookingStatus.PENDING,
                "payment_status": PaymentStatus.UNPAID,
                "currency": "EUR",
                "hourly_rate_minor": 3000,
                "base_amount_minor": 3000,
                "fee_minor": 150,
                "total_minor": 3150,
                "teacher_share_minor": 3000,
                "refunded_minor": 0,
                "version": 1,
            }
        )
    with services.ctx.unit_of_work() as uow:
        uow.session.execute(insert(SessionBooking), rows)
        uow.commit()


class RowsRead:
    """Which rows the booking model is asked about while ``recording`` (a spy on ``data``,
    installed before any model exists: PySide looks the override up once per object)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rows: set[int] = set()
        self.recording = False
        answer = BookingTableModel.data

        def data(model: BookingTableModel, index: QModelIndex, role: int = 0) -> Any:
            if self.recording:
                self.rows.add(index.row())
            return answer(model, index, role)

        monkeypatch.setattr(BookingTableModel, "data", data)

    def start(self) -> None:
        self.rows.clear()
        self.recording = True


@pytest.fixture
def rows_read(monkeypatch: pytest.MonkeyPatch) -> RowsRead:
    return RowsRead(monkeypatch)


@pytest.fixture
def page(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    rows_read: RowsRead,
) -> Iterator[AdminBookingsPage]:
    """The admin's Bookings page, shown, with every booking loaded by scrolling down."""
    admin_page = AdminBookingsPage(
        services=clocked_services, actor=school.admin.actor, runner=runner
    )
    qtbot.addWidget(admin_page)
    admin_page.resize(1000, 600)
    admin_page.show()
    qtbot.waitUntil(lambda: admin_page.model.rowCount() > 0, timeout=5000)
    while admin_page.model.canFetchMore():
        with qtbot.waitSignal(admin_page.bookings_loaded, timeout=5000):
            admin_page.view.scrollToBottom()
    yield admin_page
    runner.wait_for_idle()
    admin_page.close()
    admin_page.deleteLater()  # now, while the spy on ``data`` is still installed
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_resizing_a_list_with_every_booking_loaded_measures_only_rows_near_the_visible_ones(
    page: AdminBookingsPage, rows_read: RowsRead
) -> None:
    assert page.model.rowCount() == BOOKINGS
    rows_read.start()
    page.resize(1300, 800)
    QApplication.processEvents()
    visible = page.view.viewport().height() // ROW_HEIGHT + 1
    assert rows_read.rows, "the resize sized no column"
    assert len(rows_read.rows) <= SIZE_HINT_ROWS + visible < BOOKINGS


def test_a_filter_change_shows_the_new_first_page_from_its_top_without_the_next_page(
    qtbot: QtBot, page: AdminBookingsPage, runner: TaskRunner, rows_read: RowsRead
) -> None:
    assert page.view.verticalScrollBar().value() > 0  # scrolled down to load every page
    rows_read.start()
    with qtbot.waitSignal(page.bookings_loaded, timeout=5000):
        page.status_combo.setCurrentIndex(page.status_combo.findData(BookingStatus.PENDING))
    QApplication.processEvents()  # the view lays the new rows out (and would fetch more)
    assert runner.wait_for_idle()
    assert page.view.verticalScrollBar().value() == 0
    assert page.model.rowCount() == page.model.page_size
    visible = page.view.viewport().height() // ROW_HEIGHT + 1
    assert rows_read.rows
    # the columns measured on the new page, the old and new visible rows painted
    assert len(rows_read.rows) <= SIZE_HINT_ROWS + 2 * visible < page.model.page_size


def test_booking_cells_answer_the_same_roles_as_before_and_none_for_the_others(
    clocked_services: AppServices, runner: TaskRunner
) -> None:
    school = make_school(clocked_services)
    booking = book(clocked_services, school)
    columns = (BookingColumn.WHEN, BookingColumn.STATUS, BookingColumn.TOTAL)
    model = BookingTableModel(columns, runner=runner, zone_name="Europe/London")
    model.set_bookings([booking])
    when, status, total = (model.index(0, column) for column in range(3))
    assert model.data(when) is None  # formatted when first shown (no view shows it here)
    model.format_rows(0, 0)
    role = Qt.ItemDataRole
    assert model.data(when) == "Wed 3 Mar 2027, 10:00"
    assert model.data(status) == "Waiting for teacher"
    assert model.data(total, role.ToolTipRole) == model.data(total) == "31.50 USD"
    assert model.data(status, role.ToolTipRole) == status_text(booking)
    assert model.data(status, role.ForegroundRole) == QColor("#9a6700")
    assert model.data(when, role.ForegroundRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(total, role.TextAlignmentRole) == right
    assert model.data(when, role.TextAlignmentRole) is None
    for other in (role.DecorationRole, role.FontRole, role.BackgroundRole, role.CheckStateRole):
        assert model.data(status, other) is None
    assert model.data(QModelIndex()) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Status"
    assert not model.flags(when) & Qt.ItemFlag.ItemIsEditable
    assert model.booking_at(0) == booking


def shown_first_bookings(
    qtbot: QtBot,
    services: AppServices,
    school: School,
    runner: TaskRunner,
    *,
    zone_name: str,
    height: int,
) -> tuple[BookingTableModel, QTableView, tuple[BookingDTO, ...]]:
    """The school's first 100 bookings in every column, in a table shown 1000 px wide."""
    model = BookingTableModel(list(BookingColumn), runner=runner, zone_name=zone_name)
    page = services.bookings.list_bookings(school.admin.actor, offset=0, limit=100)
    model.set_bookings(page.items)
    view = make_table_view(model)
    qtbot.addWidget(view)
    view.resize(1000, height)
    view.show()
    return model, view, page.items


def test_a_paint_of_the_booking_table_calls_python_once_not_per_cell(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    """Paints and measurements read the cells in C++: any thread holding the interpreter (a
    worker's batch, a round trip's answer) would hold up every call of the paint into Python.
    The calls left are the event filter that has the rows painted formatted."""
    model, view, _bookings = shown_first_bookings(
        qtbot, clocked_services, school, runner, zone_name="Europe/London", height=600
    )
    view.scrollTo(model.index(50, 0))
    QApplication.processEvents()
    python_calls = repaint_and_fit_calls(view, 1)
    # the filter, for the viewport's paint and the view's own events; never per role and cell
    assert set(python_calls) == {"eventFilter", "format_rows"} and len(python_calls) <= 4
    assert view.columnWidth(1) > 0


def test_a_booking_s_cells_are_formatted_when_first_shown_not_when_its_page_arrives(
    clocked_services: AppServices, runner: TaskRunner, qtbot: QtBot, school: School
) -> None:
    """A first page's rows that the view fits its columns to are formatted on the pool thread
    that fetched them; the other rows when a paint first shows them, on the GUI thread."""
    formatting: list[tuple[int, str]] = []  # (booking id, thread)
    answer = BookingTableModel.row_cells

    class Recording(BookingTableModel):
        def row_cells(self, row: Any) -> Any:
            formatting.append((row.id, threading.current_thread().name))
            return answer(self, row)

    model = Recording((BookingColumn.WHEN, BookingColumn.STATUS), runner=runner, zone_name="UTC")
    view = make_table_view(model)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    bookings = clocked_services.bookings
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        model.set_query(
            lambda offset, limit: bookings.list_bookings(
                school.admin.actor, offset=offset, limit=limit
            )
        )
    QApplication.processEvents()  # the view fits its columns and paints
    assert model.rowCount() == model.page_size
    gui_thread = threading.main_thread().name
    first_rows = {model.booking_at(row).id for row in range(SIZE_HINT_ROWS)}
    formatted = dict(formatting)
    assert set(formatted) == first_rows and len(formatting) == SIZE_HINT_ROWS
    assert gui_thread not in formatted.values()
    last = model.index(model.page_size - 1, 0)
    assert model.data(last) is None
    view.scrollTo(last)
    view.viewport().repaint()
    first_start = model.booking_at(0).start_at
    assert model.data(model.index(0, 0)) == format_when(first_start, "UTC")
    assert model.data(last) == format_when(model.booking_at(model.page_size - 1).start_at, "UTC")
    formatted = dict(formatting)
    assert formatted[model.booking_at(model.page_size - 1).id] == gui_thread
    assert len(formatting) == len(formatted) < model.page_size  # each row once, not all rows

    # A changed booking is formatted anew, in place.
    cancelled = dataclasses.replace(model.booking_at(0), status=BookingStatus.CANCELLED)
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        assert model.replace_booking(cancelled) == 0
    status = model.index(0, 1)
    assert model.data(status) == status_cell_text(cancelled) != "Waiting for teacher"
    assert model.data(status, Qt.ItemDataRole.ForegroundRole) == QColor("#8c959f")
    assert model.booking_at(0) is cancelled
    model.remove_booking(cancelled.id)
    assert model.rowCount() == model.page_size - 1
    assert model.booking_at(0).id != cancelled.id
    assert model.data(model.index(0, 0)) == format_when(model.booking_at(0).start_at, "UTC")
    assert model.data(model.index(0, 0)) != format_when(first_start, "UTC")


def test_typing_in_the_booking_table_finds_a_row_no_paint_has_shown(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    """Qt's keyboard search reads the rows' texts: every loaded row is formatted first."""
    model, view, bookings = shown_first_bookings(
        qtbot, clocked_services, school, runner, zone_name="UTC", height=400
    )
    qtbot.waitExposed(view)
    texts = [format_when(booking.start_at, "UTC") for booking in bookings]
    wanted = next(row for row, text in enumerate(texts) if text.startswith("Su"))
    assert wanted > SIZE_HINT_ROWS and model.data(model.index(wanted, 0)) is None
    view.setFocus()
    qtbot.keyClicks(view, "Su")
    assert view.currentIndex().row() == wanted


def test_a_double_click_on_a_header_divider_fits_the_column_to_rows_no_paint_has_shown(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    """Qt fits the column to the visible rows and the ones around them (``SIZE_HINT_ROWS`` in
    all), read in C++: those not painted are formatted first, or they would measure empty."""
    model = BookingTableModel(list(BookingColumn), runner=runner, zone_name="UTC")
    bookings = list(clocked_services.bookings.list_bookings(school.admin.actor, limit=100).items)
    top, far = 60, 80  # row 80: below the fold of a 400 px table scrolled to row 60
    long_title = "Conversation practice for the business trip " * 2
    bookings[far] = dataclasses.replace(bookings[far], gig_title=long_title)
    model.set_bookings(bookings)
    view = make_table_view(model)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    view.scrollTo(model.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.waitExposed(view)
    column = list(BookingColumn).index(BookingColumn.GIG)
    assert model.data(model.index(far, column)) is None  # not shown yet
    header = view.horizontalHeader()
    divider = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    qtbot.mouseDClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(divider, header.height() // 2)
    )
    assert model.data(model.index(far, column)) == long_title
    assert view.columnWidth(column) > view.fontMetrics().horizontalAdvance(long_title)


# run_gui runs the app's event loop and freezes the collector's view of the process: done in
# a child interpreter, so neither outlives this test (in this process, queued results of later
# tests' task runners were seen to go missing after it).
RUN_GUI_AND_COUNT_FROZEN = """
import gc, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView
from linguaflex_desktop.bootstrap import build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.ui.app_controller import run_gui

app = QApplication([])
services = build_app_services(load_settings(data_dir=Path(sys.argv[1]), environ={}))
QTimer.singleShot(0, QApplication.quit)  # the event loop ends as soon as it runs
code = run_gui(services)
print(code, gc.get_freeze_count())
"""


def test_run_gui_leaves_the_objects_alive_at_startup_out_of_full_collections(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", RUN_GUI_AND_COUNT_FROZEN, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    code, frozen = (int(part) for part in child.stdout.split()[-2:])
    assert code == 0
    assert frozen > 10_000  # the modules, classes and Qt bindings, not a handful
