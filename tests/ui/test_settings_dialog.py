"""The admin's Settings dialog against real services: secrets saved to a secure (in-memory)
keyring and never read back, non-secrets to settings.json, the insecure-keyring refusal, and
validation errors shown verbatim."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.secrets import SecretStore
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.admin.settings_dialog import (
    NOT_STORED_TEXT,
    RESTART_NOTE,
    STORED_TEXT,
    SettingsDialog,
)
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.conftest import MemoryKeyring
from tests.ui.ui_helpers import register, type_into

STRIPE_SECRET = "sk_test_Dialog7Secret"
SMTP_SECRET = "dialogMailPass42"


@pytest.fixture
def admin(app_services: AppServices) -> UserDTO:
    return register(app_services, Role.ADMIN, name="Ada Admin")


@pytest.fixture
def open_dialog(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, admin: UserDTO
) -> Iterator[SettingsDialog]:
    dialog = SettingsDialog(services=app_services, actor=admin.actor, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    yield dialog
    runner.wait_for_idle()


def save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def settings_json(app_services: AppServices) -> dict[str, object]:
    path = app_services.settings.data_dir / "settings.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_menu_action_opens_the_dialog_with_three_tabs_and_the_restart_note(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, admin: UserDTO
) -> None:
    window = AdminWindow(services=app_services, user=admin, runner=runner)
    qtbot.addWidget(window)
    window.show()
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=5000)
    assert dialog.isVisible()
    titles = [dialog.tabs.tabText(index) for index in range(dialog.tabs.count())]
    assert titles == ["Payments", "Meetings", "Email"]
    assert RESTART_NOTE in [
        label.text() for label in dialog.findChildren(type(dialog.keyring_label))
    ]
    dialog.reject()
    runner.wait_for_idle()


def test_saving_puts_secrets_in_the_keyring_and_the_rest_in_settings_json(
    qtbot: QtBot,
    app_services: AppServices,
    secure_keyring: MemoryKeyring,
    open_dialog: SettingsDialog,
) -> None:
    dialog = open_dialog
    assert dialog.secret_fields["stripe_secret_key"].edit.isEnabled()
    assert not dialog.keyring_label.isVisible()
    type_into(qtbot, dialog.publishable_key_edit, "pk_test_dialog")
    type_into(qtbot, dialog.secret_fields["stripe_secret_key"].edit, STRIPE_SECRET)
    type_into(qtbot, dialog.smtp_host_edit, "smtp.school.example")
    dialog.smtp_port_spin.setValue(2525)
    dialog.smtp_security_combo.setCurrentIndex(dialog.smtp_security_combo.findData("tls"))
    type_into(qtbot, dialog.secret_fields["smtp_password"].edit, SMTP_SECRET)
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    secrets = SecretStore()
    assert secrets.get("stripe_secret_key") == STRIPE_SECRET
    assert secrets.get("smtp_password") == SMTP_SECRET
    assert secrets.get("zoom_client_secret") is None
    stored = settings_json(app_services)
    assert stored == {
        "smtp_host": "smtp.school.example",
        "smtp_port": 2525,
        "smtp_security": "tls",
        "stripe_publishable_key": "pk_test_dialog",
    }
    assert STRIPE_SECRET not in json.dumps(stored) and SMTP_SECRET not in json.dumps(stored)


def test_a_stored_secret_is_shown_as_stored_but_never_read_back_into_its_field(
    qtbot: QtBot,
    app_services: AppServices,
    runner: TaskRunner,
    admin: UserDTO,
    secure_keyring: MemoryKeyring,
) -> None:
    SecretStore().set("zoom_client_secret", "zoomSecretNeverShown")
    dialog = SettingsDialog(services=app_services, actor=admin.actor, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    field = dialog.secret_fields["zoom_client_secret"]
    assert field.state_label.text() == STORED_TEXT
    assert field.edit.text() == "" and field.edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.secret_fields["smtp_password"].state_label.text() == NOT_STORED_TEXT
    assert all("zoomSecretNeverShown" not in edit.text() for edit in dialog.findChildren(QLineEdit))
    # saving without typing keeps the stored secret
    save(qtbot, dialog)
    assert SecretStore().get("zoom_client_secret") == "zoomSecretNeverShown"


def test_remove_deletes_the_stored_secret(
    qtbot: QtBot,
    app_services: AppServices,
    runner: TaskRunner,
    admin: UserDTO,
    secure_keyring: MemoryKeyring,
) -> None:
    SecretStore().set("smtp_password", SMTP_SECRET)
    dialog = SettingsDialog(services=app_services, actor=admin.actor, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    dialog.tabs.setCurrentIndex(2)  # Email
    field = dialog.secret_fields["smtp_password"]
    assert field.remove_box.isEnabled()
    qtbot.mouseClick(field.remove_box, Qt.MouseButton.LeftButton)
    assert field.remove_box.isChecked() and not field.edit.isEnabled()
    save(qtbot, dialog)
    assert SecretStore().get("smtp_password") is None
    assert secure_keyring.entries == {}


def test_without_a_secure_keyring_secret_fields_are_disabled_and_the_reason_shown(
    qtbot: QtBot, app_services: AppServices, open_dialog: SettingsDialog
) -> None:
    """conftest leaves the fail backend installed: no secure keyring."""
    dialog = open_dialog
    assert dialog.keyring_label.isVisible()
    assert "cannot keep secrets" in dialog.keyring_label.text()
    assert all(not field.edit.isEnabled() for field in dialog.secret_fields.values())
    type_into(qtbot, dialog.jitsi_edit, "https://meet.school.example/")
    save(qtbot, dialog)
    assert settings_json(app_services) == {"jitsi_base_url": "https://meet.school.example"}


def test_a_refused_value_is_shown_verbatim_and_nothing_is_written(
    qtbot: QtBot,
    app_services: AppServices,
    runner: TaskRunner,
    secure_keyring: MemoryKeyring,
    open_dialog: SettingsDialog,
) -> None:
    dialog = open_dialog
    type_into(qtbot, dialog.publishable_key_edit, "sk_test_pasted_in_the_wrong_field")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5000)
    assert "That is a Stripe secret key" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert not (app_services.settings.data_dir / "settings.json").exists()
    assert secure_keyring.entries == {}


def test_settings_set_in_the_environment_are_named_on_their_tab(
    qtbot: QtBot,
    app_services: AppServices,
    runner: TaskRunner,
    admin: UserDTO,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SMTP_HOST", "smtp.from-env.example")
    monkeypatch.delenv("STRIPE_SECRET_KEY", raising=False)
    monkeypatch.delenv("STRIPE_PUBLISHABLE_KEY", raising=False)
    dialog = SettingsDialog(services=app_services, actor=admin.actor, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    assert "SMTP_HOST" in dialog.environment_notes["Email"].text()
    assert dialog.environment_notes["Payments"].text() == ""
