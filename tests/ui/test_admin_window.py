"""The admin's user and gig lists: suspend with a reason, reactivate, against real services."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.errors import AuthenticationFailed
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.ui_helpers import PASSWORD, click_row, column_texts, create_gig, register, type_into


@pytest.fixture
def people(app_services: AppServices) -> dict[str, UserDTO]:
    return {
        "admin": register(app_services, Role.ADMIN, name="Ada Admin"),
        "teacher": register(app_services, Role.TEACHER, name="Lucía Ruiz"),
        "student": register(app_services, Role.STUDENT, name="Sam Student"),
    }


@pytest.fixture
def window(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, people: dict[str, UserDTO]
) -> Iterator[AdminWindow]:
    create_gig(app_services, people["teacher"], title="Conversational Spanish")
    admin_window = AdminWindow(services=app_services, user=people["admin"], runner=runner)
    qtbot.addWidget(admin_window)
    admin_window.show()
    qtbot.waitUntil(lambda: admin_window.user_admin.model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: admin_window.gig_admin.model.rowCount() == 1, timeout=5000)
    assert runner.wait_for_idle()  # every tab's first load (jobs, inbox…) has arrived
    yield admin_window
    runner.wait_for_idle()


def row_of(window: AdminWindow, name: str) -> int:
    return column_texts(window.user_admin.view).index(name)


def test_suspending_a_user_asks_a_reason_and_blocks_their_sign_in(
    qtbot: QtBot, window: AdminWindow, app_services: AppServices
) -> None:
    page = window.user_admin
    assert not page.suspend_button.isEnabled() and not page.reactivate_button.isEnabled()
    click_row(qtbot, page.view, row_of(window, "Sam Student"))
    assert page.suspend_button.isEnabled() and not page.reactivate_button.isEnabled()
    qtbot.mouseClick(page.suspend_button, Qt.MouseButton.LeftButton)
    dialog = page.reason_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reason_edit.setPlainText("Abusive messages")
    with qtbot.waitSignal(page.user_changed, timeout=5000) as changed:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert changed.args[0].suspended_at is not None
    status = page.model.index(row_of(window, "Sam Student"), 4).data()
    assert status.startswith("Suspended")
    assert page.reactivate_button.isEnabled() and not page.suspend_button.isEnabled()
    with pytest.raises(AuthenticationFailed):
        app_services.accounts.authenticate(email="student@example.com", password=PASSWORD)


def test_reactivating_a_user_lets_them_sign_in_again(
    qtbot: QtBot, window: AdminWindow, app_services: AppServices, people: dict[str, UserDTO]
) -> None:
    app_services.accounts.suspend_user(people["admin"].actor, people["student"].id, reason="x")
    page = window.user_admin
    with qtbot.waitSignal(page.users_loaded, timeout=5000):
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    click_row(qtbot, page.view, row_of(window, "Sam Student"))
    with qtbot.waitSignal(page.user_changed, timeout=5000):
        qtbot.mouseClick(page.reactivate_button, Qt.MouseButton.LeftButton)
    assert page.model.index(row_of(window, "Sam Student"), 4).data() == "Active"
    signed_in = app_services.accounts.authenticate(email="student@example.com", password=PASSWORD)
    assert signed_in.id == people["student"].id


def test_cancelling_the_reason_prompt_changes_nothing(
    qtbot: QtBot, window: AdminWindow, app_services: AppServices, people: dict[str, UserDTO]
) -> None:
    page = window.user_admin
    click_row(qtbot, page.view, row_of(window, "Lucía Ruiz"))
    qtbot.mouseClick(page.suspend_button, Qt.MouseButton.LeftButton)
    assert page.reason_dialog is not None
    with qtbot.assertNotEmitted(page.user_changed, wait=200):
        page.reason_dialog.reject()
    # Other tabs may refresh on timers, so "nothing changed" is checked in the store itself.
    assert window.runner.wait_for_idle()
    teacher = app_services.accounts.get_user(people["admin"].actor, people["teacher"].id)
    assert teacher.suspended_at is None
    assert page.model.index(row_of(window, "Lucía Ruiz"), 4).data() == "Active"


def test_an_admin_cannot_suspend_their_own_account(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.user_admin
    click_row(qtbot, page.view, row_of(window, "Ada Admin"))
    assert not page.suspend_button.isEnabled()
    assert page.suspend_button.toolTip() == "You cannot suspend your own account."


def test_role_and_text_filters_narrow_the_user_list(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.user_admin
    with qtbot.waitSignal(page.users_loaded, timeout=5000):
        page.role_combo.setCurrentIndex(page.role_combo.findData(Role.TEACHER))
    assert column_texts(page.view) == ["Lucía Ruiz"]
    with qtbot.waitSignal(page.users_loaded, timeout=5000):
        page.role_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.users_loaded, timeout=5000):
        type_into(qtbot, page.text_edit, "student@")
        qtbot.keyClick(page.text_edit, Qt.Key.Key_Return)
    assert column_texts(page.view) == ["Sam Student"]


def test_suspending_a_gig_removes_it_from_student_search(
    qtbot: QtBot, window: AdminWindow, app_services: AppServices, people: dict[str, UserDTO]
) -> None:
    window.tabs.setCurrentWidget(window.gig_admin)
    page = window.gig_admin
    click_row(qtbot, page.view, 0)
    qtbot.mouseClick(page.suspend_button, Qt.MouseButton.LeftButton)
    assert page.reason_dialog is not None
    page.reason_dialog.reason_edit.setPlainText("Misleading description")
    with qtbot.waitSignal(page.gig_changed, timeout=5000):
        qtbot.mouseClick(page.reason_dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert page.model.index(0, 5).data() == "Suspended"
    assert page.reactivate_button.isEnabled() and not page.suspend_button.isEnabled()
    found = app_services.catalogue.search_gigs(people["student"].actor)
    assert found.total == 0
