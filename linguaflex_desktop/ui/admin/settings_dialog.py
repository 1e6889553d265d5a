"""The admin's Settings dialog: Payments (Stripe), Meetings (Jitsi / Zoom) and Email (SMTP).

Non-secrets go to settings.json, secrets to the OS keyring; both through ``SettingsService``
on the TaskRunner (keyring calls may block). A secret is never read back into its field: the
field shows only whether a value is stored, and typing replaces it. Without a secure keyring
the secret fields are disabled and the dialog says why. Changes apply after a restart.
Open with ``open()``; ``loaded`` / ``saved`` carry the SettingsView. Payments > Check runs the
Stripe key check of the keys the app runs with, in the background (``keys_checked`` carries
the KeyCheckReport). GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.stripe_dto import KeyCheckReport
from linguaflex_desktop.services.settings.service import (
    SETTING_SOURCES,
    SMTP_SECURITY_CHOICES,
    SettingsView,
    StoredSettings,
)
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.operations import settings as settings_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

RESTART_NOTE = tx("Changes apply after LinguaFlex restarts.")
CHECK_NOTE = tx("Checks the keys LinguaFlex runs with now (saved changes count after a restart).")
CHECKING_TEXT = tx("Checking the keys with Stripe…")
STORED_TEXT = tx("Stored in keyring")
NOT_STORED_TEXT = tx("Not stored")
# The settings of each tab (by its English name), for the note on environment overrides.
TAB_SETTINGS = {
    "Payments": ("stripe_publishable_key", "stripe_secret_key"),
    "Meetings": ("jitsi_base_url", "zoom_account_id", "zoom_client_id", "zoom_client_secret"),
    "Email": (
        "smtp_host",
        "smtp_port",
        "smtp_security",
        "smtp_username",
        "smtp_password",
        "smtp_sender",
    ),
}


class SecretField(QWidget):
    """A password field with the keyring state beside it and a 'Remove' check box."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setObjectName(f"{name}Edit")
        self.state_label = QLabel(localize(NOT_STORED_TEXT))
        themed(self.state_label, "fieldNote")
        self.remove_box = QCheckBox(t("Remove"))
        self.remove_box.setToolTip(t("Delete the stored value from the keyring"))
        self.remove_box.toggled.connect(self._on_remove_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.state_label)
        layout.addWidget(self.remove_box)

    def show_state(self, *, stored: bool, available: bool) -> None:
        """Reflect the keyring; the field itself is always left empty."""
        self.edit.clear()
        self.remove_box.setChecked(False)
        self.state_label.setText(localize(STORED_TEXT if stored else NOT_STORED_TEXT))
        self.edit.setPlaceholderText(
            t("Type to replace the stored value") if stored else t("Not set")
        )
        self.edit.setEnabled(available)
        self.remove_box.setEnabled(available and stored)
        if not available:
            self.edit.setPlaceholderText(t("No secure keyring: cannot be stored"))

    def new_value(self) -> str:
        return "" if self.remove_box.isChecked() else self.edit.text().strip()

    def remove_requested(self) -> bool:
        return self.remove_box.isChecked()

    @Slot(bool)
    def _on_remove_toggled(self, checked: bool) -> None:
        if checked:
            self.edit.clear()
        self.edit.setEnabled(not checked)


class SettingsDialog(QDialog):
    """Three tabs of settings; Save writes them and closes, Cancel discards."""

    loaded = Signal(object)  # SettingsView
    saved = Signal(object)  # SettingsView
    keys_checked = Signal(object)  # KeyCheckReport, or the error

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.view: SettingsView | None = None
        self.setObjectName("settingsDialog")
        self.setWindowTitle(t("Settings"))
        self.setMinimumWidth(600)
        self.secret_fields: dict[str, SecretField] = {}
        self.environment_notes: dict[str, QLabel] = {}
        self._build()
        self._set_busy(True)
        self.reload()

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        self.keyring_label = make_message_label("formError")
        self.error_label = make_message_label("formError")
        restart = QLabel(localize(RESTART_NOTE))
        themed(restart, "fieldNote")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._payments_tab(), t("Payments"))
        self.tabs.addTab(self._meetings_tab(), t("Meetings"))
        self.tabs.addTab(self._email_tab(), t("Email"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        themed(self.save_button, "primaryButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.keyring_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(restart)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _form_tab(self, tab: str, note: str) -> tuple[QWidget, QFormLayout]:
        """A tab's page (``tab``: its key in TAB_SETTINGS) with ``note`` above the form."""
        page = QWidget()
        outer = QVBoxLayout(page)
        hint = QLabel(note)
        themed(hint, "fieldNote")
        hint.setWordWrap(True)
        form = QFormLayout()
        environment = make_message_label("formNotice")
        self.environment_notes[tab] = environment
        outer.addWidget(hint)
        outer.addLayout(form)
        outer.addWidget(environment)
        outer.addStretch(1)
        return page, form

    def _secret(self, name: str) -> SecretField:
        field = SecretField(name)
        self.secret_fields[name] = field
        return field

    def _payments_tab(self) -> QWidget:
        page, form = self._form_tab(
            "Payments", t("Without both Stripe keys, payments run in the built-in sandbox.")
        )
        self.publishable_key_edit = QLineEdit()
        self.publishable_key_edit.setPlaceholderText(t("pk_live_… or pk_test_…"))
        form.addRow(t("Publishable key"), self.publishable_key_edit)
        form.addRow(t("Secret key"), self._secret("stripe_secret_key"))
        self.check_button = QPushButton(t("Check"))
        self.check_button.setToolTip(localize(CHECK_NOTE))
        self.check_button.clicked.connect(self.check_keys)
        self.check_label = QLabel(localize(CHECK_NOTE))
        themed(self.check_label, "fieldNote")
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.check_button, self.check_label)
        return page

    @Slot()
    def check_keys(self) -> None:
        """Run the key check in the background; the outcome replaces the note."""
        self.check_button.setEnabled(False)
        self.check_label.setText(localize(CHECKING_TEXT))
        payments_ops.check_stripe_keys(
            OpContext.of(self),
            self.actor,
            on_success=self._on_keys_checked,
            on_failure=self._on_check_failed,
            owner=self,
        )

    def _on_keys_checked(self, report: KeyCheckReport) -> None:
        self.check_button.setEnabled(True)
        lines = [f"{'✓' if step.ok else '✗'} {localize(step.message)}" for step in report.steps]
        if report.ok:
            if report.sandbox:
                lines.insert(0, t("The Stripe keys work (sandbox)."))
            elif report.mode == "live":
                lines.insert(0, t("The Stripe keys work (live mode)."))
            else:
                lines.insert(0, t("The Stripe keys work (test mode)."))
        self.check_label.setText("\n".join(lines))
        self.keys_checked.emit(report)

    def _on_check_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.check_label.setText(inline_error_text(error) or t("The check did not finish."))
        self.keys_checked.emit(error)

    def _meetings_tab(self) -> QWidget:
        page, form = self._form_tab(
            "Meetings",
            t(
                "Zoom is used when account ID, client ID and client secret are all set; "
                "otherwise sessions get Jitsi links."
            ),
        )
        self.jitsi_edit = QLineEdit()
        self.jitsi_edit.setPlaceholderText("https://meet.jit.si")
        self.zoom_account_edit = QLineEdit()
        self.zoom_client_edit = QLineEdit()
        form.addRow(t("Jitsi address"), self.jitsi_edit)
        form.addRow(t("Zoom account ID"), self.zoom_account_edit)
        form.addRow(t("Zoom client ID"), self.zoom_client_edit)
        form.addRow(t("Zoom client secret"), self._secret("zoom_client_secret"))
        return page

    def _email_tab(self) -> QWidget:
        page, form = self._form_tab(
            "Email", t("Without an SMTP server, notifications stay in the in-app inbox.")
        )
        self.smtp_host_edit = QLineEdit()
        self.smtp_host_edit.setPlaceholderText("smtp.example.com")
        self.smtp_port_spin = QSpinBox()
        self.smtp_port_spin.setRange(0, 65535)
        self.smtp_port_spin.setSpecialValueText(t("Default (587)"))
        self.smtp_security_combo = QComboBox()
        self.smtp_security_combo.addItem(t("Default (STARTTLS)"), None)
        for choice in SMTP_SECURITY_CHOICES:
            self.smtp_security_combo.addItem(choice.upper(), choice)
        self.smtp_username_edit = QLineEdit()
        self.smtp_sender_edit = QLineEdit()
        self.smtp_sender_edit.setPlaceholderText("LinguaFlex <no-reply@linguaflex.local>")
        form.addRow(t("SMTP server"), self.smtp_host_edit)
        form.addRow(t("Port"), self.smtp_port_spin)
        form.addRow(t("Security"), self.smtp_security_combo)
        form.addRow(t("User name"), self.smtp_username_edit)
        form.addRow(t("Password"), self._secret("smtp_password"))
        form.addRow(t("Sender"), self.smtp_sender_edit)
        return page

    # --- loading and saving ---------------------------------------------------------------

    def reload(self) -> None:
        settings_ops.view_settings(
            OpContext.of(self),
            self.actor,
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            owner=self,
        )

    def values(self) -> StoredSettings:
        """The non-secret fields as typed (the service trims and validates them)."""
        port = self.smtp_port_spin.value()
        return StoredSettings(
            stripe_publishable_key=self.publishable_key_edit.text() or None,
            zoom_account_id=self.zoom_account_edit.text() or None,
            zoom_client_id=self.zoom_client_edit.text() or None,
            smtp_host=self.smtp_host_edit.text() or None,
            smtp_port=port or None,
            smtp_username=self.smtp_username_edit.text() or None,
            smtp_security=self.smtp_security_combo.currentData(),
            smtp_sender=self.smtp_sender_edit.text() or None,
            jitsi_base_url=self.jitsi_edit.text() or None,
        )

    @Slot()
    def save(self) -> None:
        secrets = {name: f.new_value() for name, f in self.secret_fields.items() if f.new_value()}
        clear = [name for name, field in self.secret_fields.items() if field.remove_requested()]
        values = self.values()
        set_message(self.error_label, None)
        self._set_busy(True)
        settings_ops.save_settings(
            OpContext.of(self),
            self.actor,
            values=values,
            secrets=secrets,
            clear_secrets=clear,
            on_success=self._on_saved,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_loaded(self, view: SettingsView) -> None:
        self.view = view
        self._fill(view)
        self._set_busy(False)
        self.loaded.emit(view)

    def _on_saved(self, view: SettingsView) -> None:
        self.view = view
        self._fill(view)
        self._set_busy(False)
        self.saved.emit(view)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        set_message(self.error_label, inline_error_text(error))

    def _fill(self, view: SettingsView) -> None:
        values = view.values
        self.publishable_key_edit.setText(values.stripe_publishable_key or "")
        self.jitsi_edit.setText(values.jitsi_base_url or "")
        self.zoom_account_edit.setText(values.zoom_account_id or "")
        self.zoom_client_edit.setText(values.zoom_client_id or "")
        self.smtp_host_edit.setText(values.smtp_host or "")
        self.smtp_port_spin.setValue(values.smtp_port or 0)
        self.smtp_security_combo.setCurrentIndex(
            max(0, self.smtp_security_combo.findData(values.smtp_security))
        )
        self.smtp_username_edit.setText(values.smtp_username or "")
        self.smtp_sender_edit.setText(values.smtp_sender or "")
        for name, field in self.secret_fields.items():
            field.show_state(stored=name in view.stored_secrets, available=view.keyring_available)
        keyring_note = None if view.keyring_available else localize(view.keyring_message)
        set_message(self.keyring_label, keyring_note)
        for tab, names in TAB_SETTINGS.items():
            variables = [SETTING_SOURCES[n][0] for n in names if n in view.environment_overrides]
            note = (
                t(
                    "Set in the environment, which wins over these fields: {variables}.",
                    variables=", ".join(variables),
                )
                if variables
                else None
            )
            set_message(self.environment_notes[tab], note)

    def _set_busy(self, busy: bool) -> None:
        self.tabs.setEnabled(not busy and self.view is not None)
        self.save_button.setEnabled(not busy and self.view is not None)
