"""Steps of the seed's booking-and-payment flow driven through the real windows, for
test_seed_flow_windows.py: sign in through the login window, read a booking list's cells by
column (not by position: pages gain columns), and wait for a page's rows; the flow's
accounts, gig and slot.

Every step acts like a user (clicks, typing) and waits with qtbot; nothing here sleeps.
"""

from __future__ import annotations

from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.app_controller import ROLE_WINDOWS
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.main_window_base import RoleWindow
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.payment_ui_helpers import UrlRecorder
from tests.ui.ui_helpers import click_row, type_into

WAIT_MS = 20000
STUDENT_EMAIL = "sam.taylor@linguaflex.example"  # Europe/London: UTC in early March
TEACHER_EMAIL = "emily.carter@linguaflex.example"  # America/New_York: UTC-5 until 14 March
ADMIN_EMAIL = "admin@linguaflex.example"
GIG_TITLE = "English for Job Interviews"  # 50.00 USD / h, the seed's own example
DURATION = 90
# Wednesday 3 March 2027, 10:00 in New York = 15:00 in London (the clock: Monday 09:00 UTC)
SLOT_START = datetime(2027, 3, 3, 15, 0, tzinfo=UTC)
VISA = "4242424242424242"


def open_login(qtbot: QtBot, services: AppServices, runner: TaskRunner) -> LoginWindow:
    """The login window, shown, once it has checked whether the database is empty."""
    login = LoginWindow(services=services, runner=runner)
    qtbot.addWidget(login)
    with qtbot.waitSignal(login.demo_offer.checked, timeout=WAIT_MS):
        login.show()
    return login


def choose_demo_account(qtbot: QtBot, login: LoginWindow, email: str) -> None:
    """Click the demo account ``email`` in the offer's list (fills the sign-in form)."""
    table = login.demo_offer.accounts_table
    row = next(r for r in range(table.rowCount()) if _row_has(table, r, email))
    click_row(qtbot, table, row)


def sign_in(
    qtbot: QtBot, login: LoginWindow, *, email: str | None = None, password: str | None = None
) -> UserDTO:
    """Type the credentials (unless a demo account filled them), press "Sign in", wait."""
    if email is not None and password is not None:
        type_into(qtbot, login.email_edit, email)
        type_into(qtbot, login.password_edit, password)
    with qtbot.waitSignal(login.signed_in, timeout=WAIT_MS) as signed_in:
        qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    user = signed_in.args[0]
    assert isinstance(user, UserDTO)
    login.close()
    return user


def open_role_window(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,
    user: UserDTO,
    opener: UrlRecorder,
) -> tuple[RoleWindow, PaymentUI]:
    """The signed-in user's window as the app controller builds it, with the payment UI's
    browser hand-offs going to ``opener`` instead of the system browser."""
    window = ROLE_WINDOWS[user.role](services=services, user=user, runner=runner)
    added = install_payment_ui(window, open_url=opener)
    qtbot.addWidget(window)
    window.show()
    return window, added


def cell(page: BookingListPage, booking_id: int, column: BookingColumn) -> str:
    """The text the page shows for ``booking_id`` in ``column`` ('' while the row is absent),
    as a user would read it once the row shows (a row's cells are formatted when a view first
    shows it: the Schedule's agenda table, behind its week grid, may not have shown it)."""
    model = page.model
    row = model.row_of(booking_id)
    if row is None:
        return ""
    model.format_rows(row, row)
    return str(model.index(row, model.column_of(column)).data())


def wait_for_state(
    qtbot: QtBot, page: BookingListPage, booking_id: int, status: str, payment: str
) -> None:
    """Wait until the page's row of ``booking_id`` reads ``status`` / ``payment``."""

    def shown() -> bool:
        return cell(page, booking_id, BookingColumn.STATUS) == status and (
            cell(page, booking_id, BookingColumn.PAYMENT) == payment
        )

    qtbot.waitUntil(shown, timeout=WAIT_MS)


def select_booking_row(qtbot: QtBot, page: BookingListPage, booking_id: int) -> None:
    """Click the row of ``booking_id`` (it must be loaded)."""
    row = page.model.row_of(booking_id)
    assert row is not None, f"booking #{booking_id} is not listed"
    click_row(qtbot, page.view, row)
    qtbot.waitUntil(
        lambda: getattr(page.selected_booking(), "id", None) == booking_id, timeout=WAIT_MS
    )


def table_column(table: QTableWidget, header: str) -> list[str]:
    """The texts of the column titled ``header`` of a QTableWidget ('' for an empty cell)."""
    titles = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    column = next(
        c for c, title in enumerate(titles) if title is not None and title.text() == header
    )
    items = [table.item(row, column) for row in range(table.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def _row_has(table: QTableWidget, row: int, text: str) -> bool:
    return any(
        (item := table.item(row, column)) is not None and item.text() == text
        for column in range(table.columnCount())
    )


def is_closed(widget: QWidget) -> bool:
    """Hidden, or already deleted (dialogs delete themselves when they finish)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()
