"""Account > Profile and password…: the signed-in user's display name and time zone, e-mail
address (with the code sent to the new address when e-mail is set up) and password.

Each tab is its own form with its own button and inline error; a refusal marks the field it is
about (``FormErrors``). ``user_changed(UserDTO)`` tells the window about a new name or address.
Service calls run on the TaskRunner (``operations.own_account``). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.services.common.validation import MAX_DISPLAY_NAME_LENGTH
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.form_errors import FormErrors
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import own_account as own_ops
from linguaflex_desktop.ui.password_fields import NewPasswordFields, password_edit
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.time_zones import TimeZoneCombo
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.services.accounts.self_service import EmailChangeStarted

PROFILE_SAVED = tx("Saved. Lists show times in the new time zone after you next sign in.")
PASSWORD_CHANGED = tx("Your password was changed. Other computers must sign in again.")


def _form_tab(form: QFormLayout, *below: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 16, 16, 12)
    layout.addLayout(form)
    for widget in below:
        layout.addWidget(widget)
    layout.addStretch(1)
    return page


class AccountDialog(QDialog):
    """Profile, e-mail and password of ``user`` (the signed-in user)."""

    user_changed = Signal(object)  # UserDTO

    def __init__(
        self,
        *,
        services: AppServices,
        runner: TaskRunner,
        user: UserDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.runner, self.user = services, runner, user
        self.setObjectName("accountDialog")
        self.setWindowTitle(t("Profile and password"))
        self.setMinimumWidth(480)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_profile_tab(), t("Profile"))
        self.tabs.addTab(self._build_email_tab(), t("E-mail"))
        self.tabs.addTab(self._build_password_tab(), t("Password"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    # --- profile --------------------------------------------------------------------------

    def _build_profile_tab(self) -> QWidget:
        self.name_edit = QLineEdit(self.user.display_name)
        self.name_limit = LengthLimit(self.name_edit, MAX_DISPLAY_NAME_LENGTH, what="display name")
        self.zone_combo = TimeZoneCombo()
        self.zone_combo.set_time_zone(self.user.time_zone)
        form = QFormLayout()
        form.addRow(t("Display name"), self.name_edit)
        form.addRow("", self.name_limit.label)
        form.addRow(t("Time zone"), self.zone_combo)
        self.profile_error = make_message_label()
        self.profile_notice = make_message_label("formNotice")
        self.profile_errors = FormErrors(
            self.profile_error, {"display_name": self.name_edit, "time_zone": self.zone_combo}
        )
        self.save_profile_button = QPushButton(t("Save profile"))
        themed(self.save_profile_button, "primaryButton")
        self.save_profile_button.clicked.connect(self.save_profile)
        self.name_limit.valid_changed.connect(self.save_profile_button.setEnabled)
        return _form_tab(form, self.profile_error, self.profile_notice, self.save_profile_button)

    @Slot()
    def save_profile(self) -> None:
        self.profile_errors.clear()
        set_message(self.profile_notice, None)
        self.save_profile_button.setEnabled(False)
        own_ops.update_profile(
            OpContext.of(self),
            self.user.actor,
            display_name=self.name_edit.text(),
            time_zone=self.zone_combo.time_zone(),
            on_success=self._on_profile_saved,
            on_failure=self._failed(self.profile_errors, self.save_profile_button),
            owner=self,
        )

    def _on_profile_saved(self, user: UserDTO) -> None:
        self.save_profile_button.setEnabled(True)
        self.name_edit.setText(user.display_name)
        set_message(self.profile_notice, PROFILE_SAVED)
        self._set_user(user)

    # --- e-mail ---------------------------------------------------------------------------

    def _build_email_tab(self) -> QWidget:
        self.current_email_label = QLabel(self.user.email)
        self.new_email_edit = QLineEdit()
        self.new_email_edit.setPlaceholderText(t("new@example.com"))
        self.email_password_edit = password_edit(t("Your current password"))
        form = QFormLayout()
        form.addRow(t("Current address"), self.current_email_label)
        form.addRow(t("New address"), self.new_email_edit)
        form.addRow(t("Current password"), self.email_password_edit)
        self.change_email_button = QPushButton(
            t("Send code to new address") if self.services.own_account.email_codes else t("Change")
        )
        themed(self.change_email_button, "primaryButton")
        self.change_email_button.clicked.connect(self.change_email)
        self.code_note = QLabel()
        self.code_note.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(t("6 digits"))
        self.code_edit.setMaxLength(12)
        self.confirm_code_button = QPushButton(t("Confirm new address"))
        themed(self.confirm_code_button, "primaryButton")
        self.confirm_code_button.clicked.connect(self.confirm_code)
        self.code_step = QWidget()
        code_form = QFormLayout(self.code_step)
        code_form.setContentsMargins(0, 8, 0, 0)
        code_form.addRow(self.code_note)
        code_form.addRow(t("Code"), self.code_edit)
        code_form.addRow("", self.confirm_code_button)
        self.code_step.setVisible(False)
        self.email_error = make_message_label()
        self.email_notice = make_message_label("formNotice")
        self.email_errors = FormErrors(
            self.email_error,
            {
                "new_email": self.new_email_edit,
                "current_password": self.email_password_edit,
                "code": self.code_edit,
            },
        )
        return _form_tab(
            form, self.change_email_button, self.code_step, self.email_error, self.email_notice
        )

    @Slot()
    def change_email(self) -> None:
        self.email_errors.clear()
        set_message(self.email_notice, None)
        self.change_email_button.setEnabled(False)
        own_ops.start_email_change(
            OpContext.of(self),
            self.user.actor,
            new_email=self.new_email_edit.text(),
            current_password=self.email_password_edit.text(),
            on_success=self._on_email_started,
            on_failure=self._failed(self.email_errors, self.change_email_button),
            owner=self,
        )

    def _on_email_started(self, started: EmailChangeStarted) -> None:
        self.change_email_button.setEnabled(True)
        self.email_password_edit.clear()
        if started.needs_code:
            self.code_note.setText(
                t(
                    "A code is on its way to {email}. Enter it here within 15 minutes to use "
                    "that address.",
                    email=started.new_email,
                )
            )
            self.code_step.setVisible(True)
            self.code_edit.clear()
            self.code_edit.setFocus()
        else:
            self._on_email_changed(started.user)

    @Slot()
    def confirm_code(self) -> None:
        self.email_errors.clear()
        self.confirm_code_button.setEnabled(False)
        own_ops.confirm_email_change(
            OpContext.of(self),
            self.user.actor,
            code=self.code_edit.text(),
            on_success=self._on_email_changed,
            on_failure=self._failed(self.email_errors, self.confirm_code_button),
            owner=self,
        )

    def _on_email_changed(self, user: UserDTO) -> None:
        self.confirm_code_button.setEnabled(True)
        self.code_step.setVisible(False)
        self.new_email_edit.clear()
        self.current_email_label.setText(user.email)
        set_message(self.email_notice, t("Your e-mail address is now {email}.", email=user.email))
        self._set_user(user)

    # --- password -------------------------------------------------------------------------

    def _build_password_tab(self) -> QWidget:
        self.current_password_edit = password_edit()
        self.new_password = NewPasswordFields()
        form = QFormLayout()
        form.addRow(t("Current password"), self.current_password_edit)
        self.new_password.add_rows(form)
        self.password_error = make_message_label()
        self.password_notice = make_message_label("formNotice")
        self.password_errors = FormErrors(
            self.password_error,
            {"current_password": self.current_password_edit, **self.new_password.fields()},
        )
        self.change_password_button = QPushButton(t("Change password"))
        themed(self.change_password_button, "primaryButton")
        self.change_password_button.clicked.connect(self.change_password)
        return _form_tab(
            form, self.password_error, self.password_notice, self.change_password_button
        )

    @Slot()
    def change_password(self) -> None:
        self.password_errors.clear()
        set_message(self.password_notice, None)
        if self.new_password.differ(self.password_errors):
            return
        self.change_password_button.setEnabled(False)
        own_ops.change_password(
            OpContext.of(self),
            self.user.actor,
            current_password=self.current_password_edit.text(),
            new_password=self.new_password.password(),
            on_success=self._on_password_changed,
            on_failure=self._failed(self.password_errors, self.change_password_button),
            owner=self,
        )

    def _on_password_changed(self, user: UserDTO) -> None:
        self.change_password_button.setEnabled(True)
        self.current_password_edit.clear()
        self.new_password.clear()
        set_message(self.password_notice, PASSWORD_CHANGED)
        self._set_user(user)

    # --- shared ---------------------------------------------------------------------------

    def _set_user(self, user: UserDTO) -> None:
        self.user = user
        self.user_changed.emit(user)

    @staticmethod
    def _failed(errors: FormErrors, button: QPushButton) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            button.setEnabled(True)
            errors.show(error)

        return failed
