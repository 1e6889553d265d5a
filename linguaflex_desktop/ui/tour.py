"""A walk through every window and dialog of the app over a showcase school
(``demo.showcase``): the sign-in window, each role window tab by tab, and the dialogs each
role opens. ``linguaflex screenshots`` saves a picture of each stop; the test of the
translations reads every visible string of each stop in English and in Spanish.

GUI thread only. Each stop's widget is shown, its data loaded (the TaskRunner drained), handed
to ``visit``, then closed if it is a dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget

from linguaflex_desktop.demo.data import demo_accounts
from linguaflex_desktop.demo.showcase import Showcase
from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus, Role
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.main_window_base import RoleWindow

if TYPE_CHECKING:
    from linguaflex_desktop.ui.app_controller import AppController

WAIT_MS = 30000
Visit = Callable[[str, QWidget], None]


@dataclass(frozen=True)
class Stop:
    """One picture: ``name`` (a file name stem) and how to open it from the current window."""

    name: str
    open: Callable[[Any], QWidget | None]


def settle(controller: AppController, rounds: int = 4) -> None:
    """Let loads finish: run the background tasks to the end and deliver their results."""
    for _ in range(rounds):
        controller.runner.wait_for_idle(WAIT_MS)
        QApplication.processEvents()


def demo_user(controller: AppController, role: Role, index: int = 0) -> UserDTO:
    email, password, _ = [entry for entry in demo_accounts() if entry[2] is role][index]
    return controller.services.accounts.authenticate(email=email, password=password)


def walk(controller: AppController, visit: Visit, showcase: Showcase) -> list[str]:
    """Every stop of the tour over ``showcase``, in order; returns the names visited."""
    names: list[str] = []
    login = controller.show_login()
    for stop in _login_stops():
        names.append(_visit(controller, login, stop, visit))
    for role, stops in (
        (Role.STUDENT, _student_stops),
        (Role.TEACHER, _teacher_stops),
        (Role.ADMIN, _admin_stops),
    ):
        window = controller.show_role_window(demo_user(controller, role))
        settle(controller)
        for stop in _tab_stops(window, role):
            names.append(_visit(controller, window, stop, visit))
        for stop in stops(showcase):
            names.append(_visit(controller, window, stop, visit))
    return names


def _visit(controller: AppController, window: QWidget, stop: Stop, visit: Visit) -> str:
    widget = stop.open(window)
    if widget is None:
        raise LookupError(f"tour stop {stop.name!r} did not open")
    settle(controller)
    visit(stop.name, widget)
    if isinstance(widget, QDialog):
        widget.close()
        settle(controller, rounds=1)
    return stop.name


def _tab_stops(window: RoleWindow, role: Role) -> Iterator[Stop]:
    """One stop per tab, named after the page's class ("student-my-bookings")."""
    seen: set[str] = set()
    for index in range(window.tabs.count()):
        page = _slug(type(window.page_at(index)).__name__)
        name = f"{role.value}-{page.removeprefix(f'{role.value}-').removesuffix('-page')}"
        if name in seen:
            name = f"{name}-{index + 1}"
        seen.add(name)
        yield Stop(name, _tab_opener(index))


def _slug(class_name: str) -> str:
    """'MyBookingsPage' -> 'my-bookings-page'."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", class_name).lower()


def _tab_opener(index: int) -> Callable[[QWidget], QWidget]:
    def open_tab(window: Any) -> QWidget:
        assert isinstance(window, RoleWindow)
        window.tabs.setCurrentIndex(index)
        return window

    return open_tab


# --- the sign-in window ------------------------------------------------------------------


def _login_stops() -> list[Stop]:
    def create_account(login: Any) -> QWidget:
        login.tabs.setCurrentIndex(1)
        return login

    def sign_in(login: Any) -> QWidget:
        login.tabs.setCurrentIndex(0)
        return login

    return [
        Stop("login", sign_in),
        Stop("login-create-account", create_account),
        Stop("login-forgot-password", lambda login: login.open_forgot_password()),
    ]


# --- helpers to find a row and a page ----------------------------------------------------


def _select_booking(view: QTableView, wanted: Callable[[Any], bool]) -> bool:
    model = view.model()
    booking_at = getattr(model, "booking_at", None)
    for row in range(model.rowCount()):
        if booking_at is not None and wanted(booking_at(row)):
            view.selectRow(row)
            return True
    return False


def _child(window: QWidget, type_name: str) -> Any:
    for child in window.findChildren(QObject):
        if type(child).__name__ == type_name:
            return child
    raise LookupError(f"no {type_name} in {type(window).__name__}")


# --- the student ----------------------------------------------------------------------------


def _student_stops(showcase: Showcase) -> list[Stop]:
    def profile(window: Any) -> QWidget | None:
        window.tabs.setCurrentIndex(0)
        window.gig_browser.view.selectRow(0)
        return window.open_teacher_profile()

    def book(window: Any) -> QWidget | None:
        window.tabs.setCurrentIndex(0)
        window.gig_browser.view.selectRow(0)
        return window.open_book_dialog()

    def detail(window: Any) -> QWidget | None:
        window.tabs.setCurrentWidget(window.my_bookings)
        return window.my_bookings.open_detail(showcase.paid_id)

    def pay(window: Any) -> QWidget | None:
        page = window.my_bookings
        window.tabs.setCurrentWidget(page)
        if not _select_booking(
            page.view,
            lambda b: (
                b.status is BookingStatus.CONFIRMED and b.payment_status is PaymentStatus.UNPAID
            ),
        ):
            return None
        return _child(window, "StudentPayments").pay_selected()

    return [
        Stop("student-teacher-profile", profile),
        Stop("student-book-session", book),
        Stop("student-booking-details", detail),
        Stop("student-pay", pay),
        Stop("student-account", lambda window: window.open_account_dialog()),
    ]


# --- the teacher ----------------------------------------------------------------------------


def _teacher_stops(showcase: Showcase) -> list[Stop]:
    def new_gig(window: Any) -> QWidget | None:
        return window.gig_manager.open_editor(None)

    def detail(window: Any) -> QWidget | None:
        page = window.requests
        window.tabs.setCurrentWidget(page)
        return page.open_detail(showcase.paid_id)

    return [
        Stop("teacher-new-gig", new_gig),
        Stop("teacher-booking-details", detail),
        Stop("teacher-account", lambda window: window.open_account_dialog()),
    ]


# --- the admin ----------------------------------------------------------------------------


def _admin_stops(showcase: Showcase) -> list[Stop]:
    def refund(window: Any) -> QWidget | None:
        page = _child(window, "AdminPaymentsPage")
        window.tabs.setCurrentWidget(page)
        page.view.selectRow(0)
        return page.refund_selected()

    def payout(window: Any) -> QWidget | None:
        page = window.statements
        window.tabs.setCurrentWidget(page)
        page.lines_view.selectRow(0)
        return page.open_payout_dialog()

    def settings(window: Any) -> QWidget | None:
        window.open_settings()
        return _child(window, "SettingsDialog")

    return [
        Stop("admin-refund", refund),
        Stop("admin-payout", payout),
        Stop("admin-settings", settings),
        Stop("admin-account", lambda window: window.open_account_dialog()),
    ]
