"""Account self-service through the real windows: Account > Profile and password… saves and
marks the field a refusal is about; "Forgot password?" with e-mail (the code read from a real
local SMTP server) and without (ask an admin); the admin's "Set temporary password…"; and the
"Choose a new password" dialog that comes before the role window after such a password."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.errors import AuthenticationFailed
from linguaflex_desktop.models import Role
from linguaflex_desktop.ui.account_dialog import AccountDialog
from linguaflex_desktop.ui.admin.temporary_password import TemporaryPasswordDialog
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.app_controller import AppController
from linguaflex_desktop.ui.login_window import PASSWORD_RESET_NOTICE, LoginWindow
from linguaflex_desktop.ui.main_window_base import RoleWindow
from linguaflex_desktop.ui.password_dialogs import (
    ASK_AN_ADMIN,
    ChoosePasswordDialog,
    ForgotPasswordDialog,
)
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.worker.runtime import build_worker
from tests.integration.account_code_helpers import codes_sent_to
from tests.integration.booking_follow_up_helpers import SmtpPeer, drain, smtp_peer
from tests.ui.ui_helpers import PASSWORD, click_row, register, type_into

NEW_PASSWORD = "a brand new passphrase"
TEMPORARY = "temporary-pass-42"


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


@pytest.fixture
def mail_services(tmp_path: Path, smtp: SmtpPeer) -> Iterator[AppServices]:
    """Real services with SMTP set to the local test server."""
    environ = {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp.settings.port),
        "SMTP_SECURITY": "plain",
    }
    services = build_app_services(load_settings(data_dir=tmp_path, environ=environ))
    yield services
    services.close()


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def role_window(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, role: Role = Role.STUDENT
) -> RoleWindow:
    controller = AppController(services, runner=runner)
    window = controller.show_role_window(register(services, role))
    qtbot.addWidget(window)
    return window


def open_account_dialog(qtbot: QtBot, window: RoleWindow) -> AccountDialog:
    window.profile_action.trigger()
    dialog = window.account_dialog
    assert isinstance(dialog, AccountDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_account_menu_saves_name_and_time_zone_and_renames_the_window(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = role_window(qtbot, app_services, runner)
    assert window.account_menu.actions()[0].text() == "&Profile and password…"
    dialog = open_account_dialog(qtbot, window)
    type_into(qtbot, dialog.name_edit, "Ana Maria")
    dialog.zone_combo.set_time_zone("America/Bogota")
    click(qtbot, dialog.save_profile_button)
    qtbot.waitUntil(lambda: window.user.display_name == "Ana Maria", timeout=5000)
    assert window.user.time_zone == "America/Bogota"
    assert window.user_label.text() == "Ana Maria"
    assert dialog.profile_notice.text().startswith("Saved.")
    stored = app_services.accounts.authenticate(email="student@example.com", password=PASSWORD)
    assert (stored.display_name, stored.time_zone) == ("Ana Maria", "America/Bogota")


def test_a_bad_time_zone_is_said_beside_the_time_zone_field(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = role_window(qtbot, app_services, runner)
    dialog = open_account_dialog(qtbot, window)
    dialog.zone_combo.setEditText("Mars/Base")
    click(qtbot, dialog.save_profile_button)
    qtbot.waitUntil(lambda: dialog.profile_error.isVisible(), timeout=5000)
    assert dialog.profile_error.text() == "Unknown time zone: 'Mars/Base'."
    assert dialog.zone_combo.property("invalid") is True
    assert dialog.name_edit.property("invalid") in (None, False)


def test_a_wrong_current_password_marks_that_field_and_a_mismatch_the_repeat(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = role_window(qtbot, app_services, runner)
    dialog = open_account_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(2)
    type_into(qtbot, dialog.current_password_edit, "not my password")
    type_into(qtbot, dialog.new_password.new_edit, NEW_PASSWORD)
    type_into(qtbot, dialog.new_password.repeat_edit, NEW_PASSWORD + "x")
    click(qtbot, dialog.change_password_button)
    assert dialog.password_error.text() == "The two new passwords do not match."
    assert dialog.new_password.repeat_edit.property("invalid") is True
    type_into(qtbot, dialog.new_password.repeat_edit, NEW_PASSWORD)
    click(qtbot, dialog.change_password_button)
    qtbot.waitUntil(
        lambda: dialog.password_error.text() == "The current password is wrong.", timeout=5000
    )
    assert dialog.current_password_edit.property("invalid") is True
    assert dialog.new_password.repeat_edit.property("invalid") is False
    type_into(qtbot, dialog.current_password_edit, PASSWORD)
    click(qtbot, dialog.change_password_button)
    qtbot.waitUntil(lambda: dialog.password_notice.isVisible(), timeout=5000)
    assert dialog.current_password_edit.property("invalid") is False
    assert app_services.accounts.authenticate(email="student@example.com", password=NEW_PASSWORD)


def test_an_address_in_use_is_said_beside_the_new_address(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    register(app_services, Role.TEACHER, email="teo@example.com")
    window = role_window(qtbot, app_services, runner)
    dialog = open_account_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    type_into(qtbot, dialog.new_email_edit, "teo@example.com")
    type_into(qtbot, dialog.email_password_edit, PASSWORD)
    click(qtbot, dialog.change_email_button)
    qtbot.waitUntil(lambda: dialog.email_error.isVisible(), timeout=5000)
    assert dialog.email_error.text() == (
        "The address teo@example.com already belongs to another account; choose another."
    )
    assert dialog.new_email_edit.property("invalid") is True


def test_with_email_set_up_the_new_address_is_confirmed_by_the_code_sent_to_it(
    qtbot: QtBot, mail_services: AppServices, runner: TaskRunner, smtp: SmtpPeer
) -> None:
    window = role_window(qtbot, mail_services, runner)
    dialog = open_account_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.change_email_button.text() == "Send code to new address"
    type_into(qtbot, dialog.new_email_edit, "ana@new.example")
    type_into(qtbot, dialog.email_password_edit, PASSWORD)
    click(qtbot, dialog.change_email_button)
    qtbot.waitUntil(lambda: dialog.code_step.isVisible(), timeout=5000)
    assert window.user.email == "student@example.com"
    drain(build_worker(mail_services, mail_services.settings))
    [code] = codes_sent_to(smtp, "ana@new.example")
    type_into(qtbot, dialog.code_edit, code)
    click(qtbot, dialog.confirm_code_button)
    qtbot.waitUntil(lambda: window.user.email == "ana@new.example", timeout=5000)
    assert dialog.current_email_label.text() == "ana@new.example"
    assert not dialog.code_step.isVisible()


def test_forgot_password_without_email_says_to_ask_an_admin(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    click(qtbot, login.forgot_button)
    dialog = login.forgot_dialog
    assert isinstance(dialog, ForgotPasswordDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.intro.text() == ASK_AN_ADMIN
    assert not hasattr(dialog, "email_edit")


def test_forgot_password_with_email_resets_by_the_code_and_returns_to_sign_in(
    qtbot: QtBot, mail_services: AppServices, runner: TaskRunner, smtp: SmtpPeer
) -> None:
    register(mail_services, Role.STUDENT)
    controller = AppController(mail_services, runner=runner)
    login = controller.show_login()
    qtbot.addWidget(login)
    type_into(qtbot, login.email_edit, "student@example.com")
    click(qtbot, login.forgot_button)
    dialog = login.forgot_dialog
    assert isinstance(dialog, ForgotPasswordDialog)
    assert dialog.email_edit.text() == "student@example.com"
    click(qtbot, dialog.send_button)
    qtbot.waitUntil(lambda: dialog.code_step.isVisible(), timeout=5000)
    assert "If an account uses student@example.com" in dialog.sent_note.text()
    drain(build_worker(mail_services, mail_services.settings))
    [code] = codes_sent_to(smtp, "student@example.com")
    wrong = "000000" if code != "000000" else "111111"
    type_into(qtbot, dialog.code_edit, wrong)
    type_into(qtbot, dialog.new_password.new_edit, NEW_PASSWORD)
    type_into(qtbot, dialog.new_password.repeat_edit, NEW_PASSWORD)
    click(qtbot, dialog.reset_button)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5000)
    assert dialog.code_edit.property("invalid") is True
    type_into(qtbot, dialog.code_edit, code)
    click(qtbot, dialog.reset_button)
    qtbot.waitUntil(lambda: login.notice_label.text() == PASSWORD_RESET_NOTICE, timeout=5000)
    assert login.email_edit.text() == "student@example.com"
    assert mail_services.accounts.authenticate(email="student@example.com", password=NEW_PASSWORD)


def test_an_unknown_address_gets_the_same_answer_in_the_forgot_dialog(
    qtbot: QtBot, mail_services: AppServices, runner: TaskRunner
) -> None:
    controller = AppController(mail_services, runner=runner)
    login = controller.show_login()
    qtbot.addWidget(login)
    dialog = login.open_forgot_password()
    type_into(qtbot, dialog.email_edit, "nobody@example.com")
    click(qtbot, dialog.send_button)
    qtbot.waitUntil(lambda: dialog.code_step.isVisible(), timeout=5000)
    assert dialog.sent_note.text().startswith("If an account uses nobody@example.com, a code")
    assert not dialog.error_label.isVisible()


def test_an_admin_sets_a_temporary_password_from_the_users_tab(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    student = register(app_services, Role.STUDENT)
    window = role_window(qtbot, app_services, runner, Role.ADMIN)
    assert isinstance(window, AdminWindow)
    page = window.user_admin
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    row = next(r for r in range(2) if page.model.user_at(r).id == student.id)
    click_row(qtbot, page.view, row)
    assert page.temporary_password_button.isEnabled()
    click(qtbot, page.temporary_password_button)
    dialog = page.temporary_password_dialog
    assert isinstance(dialog, TemporaryPasswordDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert len(dialog.password_edit.text()) == 16  # a suggestion to read out
    type_into(qtbot, dialog.password_edit, TEMPORARY)
    click(qtbot, dialog.set_button)
    qtbot.waitUntil(lambda: dialog.notice_label.isVisible(), timeout=5000)
    qtbot.waitUntil(
        lambda: page.model.index(row, 4).data() == "Active, temporary password", timeout=5000
    )
    signed_in = app_services.accounts.authenticate(email="student@example.com", password=TEMPORARY)
    assert signed_in.must_change_password is True


def sign_in_with_a_temporary_password(
    qtbot: QtBot, controller: AppController, services: AppServices
) -> tuple[LoginWindow, ChoosePasswordDialog]:
    """An admin gives the student a temporary password; the student signs in with it."""
    admin = register(services, Role.ADMIN)
    student = register(services, Role.STUDENT)
    services.password_resets.set_temporary_password(
        admin.actor, student.id, temporary_password=TEMPORARY
    )
    login = controller.show_login()
    type_into(qtbot, login.email_edit, "student@example.com")
    type_into(qtbot, login.password_edit, TEMPORARY)
    click(qtbot, login.sign_in_button)
    qtbot.waitUntil(lambda: controller.password_dialog is not None, timeout=5000)
    dialog = controller.password_dialog
    assert isinstance(dialog, ChoosePasswordDialog)
    return login, dialog


def test_after_a_temporary_password_sign_in_asks_for_a_new_one_before_the_role_window(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    login, dialog = sign_in_with_a_temporary_password(qtbot, controller, app_services)
    assert controller.current_window is login  # no role window yet
    with pytest.raises(ValueError):
        controller.show_role_window(dialog.user)
    type_into(qtbot, dialog.current_edit, TEMPORARY)
    type_into(qtbot, dialog.new_password.new_edit, "short")
    type_into(qtbot, dialog.new_password.repeat_edit, "short")
    click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5000)
    assert dialog.new_password.new_edit.property("invalid") is True
    assert controller.current_window is login
    type_into(qtbot, dialog.new_password.new_edit, NEW_PASSWORD)
    type_into(qtbot, dialog.new_password.repeat_edit, NEW_PASSWORD)
    click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: isinstance(controller.current_window, StudentWindow), timeout=5000)
    window = controller.current_window
    assert isinstance(window, StudentWindow)
    assert window.user.must_change_password is False
    with pytest.raises(AuthenticationFailed):
        app_services.accounts.authenticate(email="student@example.com", password=TEMPORARY)


def test_declining_the_new_password_signs_out(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    login, dialog = sign_in_with_a_temporary_password(qtbot, controller, app_services)
    dialog.reject()
    qtbot.waitUntil(lambda: controller.current_window is not login, timeout=5000)
    assert isinstance(controller.current_window, LoginWindow)
    assert controller.user is None
