"""Helpers for UI tests: create data through the real services, and drive widgets like a user
(clicks and typing through QTest)."""

from __future__ import annotations

import sys
from types import FrameType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Level, Role
from linguaflex_desktop.services.common.dto import GigDTO, UserDTO
from linguaflex_desktop.ui.main_window_base import RoleWindow
from linguaflex_desktop.ui.widgets import RowsFormattedOnDemand

PASSWORD = "correct horse battery"


def register(
    services: AppServices,
    role: Role,
    *,
    email: str | None = None,
    name: str | None = None,
    time_zone: str = "Europe/Madrid",
) -> UserDTO:
    name = name or f"Test {role.value.capitalize()}"
    email = email or f"{role.value}@example.com"
    if role is Role.ADMIN:
        return services.accounts.create_admin(
            email=email, password=PASSWORD, display_name=name, time_zone=time_zone
        )
    return services.accounts.register(
        email=email, password=PASSWORD, display_name=name, role=role, time_zone=time_zone
    )


def create_gig(
    services: AppServices,
    teacher: UserDTO,
    *,
    title: str,
    language: str = "Spanish",
    level: Level = Level.B1,
    rate_minor: int = 3000,
    currency: str = "USD",
    description: str = "Lots of speaking practice.",
) -> GigDTO:
    return services.catalogue.create_gig(
        teacher.actor,
        title=title,
        language=language,
        level=level,
        description=description,
        hourly_rate_minor=rate_minor,
        currency=currency,
    )


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    """Click the first cell of ``row`` as a user would."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace the content of ``edit`` by typing ``text``."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest can only synthesize ASCII key events
        edit.insert(text)


def column_texts(view: QAbstractItemView, column: int = 0) -> list[str]:
    """Every row's text in ``column``, as a user scrolling through the view would read them
    (a paged model formats a row's cells when a view first shows it)."""
    model = view.model()
    if isinstance(model, RowsFormattedOnDemand):
        model.format_rows(0, model.rowCount() - 1)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def build_every_tab(window: RoleWindow) -> None:
    """Build every tab's page now, as a user visiting each tab would (a role window builds a
    tab's page, and starts its first load, when the tab is first shown)."""
    for index in range(window.tabs.count()):
        window.page_at(index)


def repaint_and_fit_calls(view: QTableView, column: int) -> list[str]:
    """The Python functions called while ``view``'s viewport repaints and ``column`` is fitted
    to its contents (after one of each first: PySide builds Python enum types on first use)."""
    view.viewport().repaint()
    view.resizeColumnToContents(column)
    python_calls: list[str] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call":
            python_calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        view.viewport().repaint()
        view.resizeColumnToContents(column)
    finally:
        sys.setprofile(None)
    return python_calls
