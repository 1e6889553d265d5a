"""The password dialogs around sign-in.

``ForgotPasswordDialog`` (the sign-in window's "Forgot password?"): with e-mail set up, the
address, then the code it received and a new password; without, it says to ask an admin for a
temporary password. Its first answer is the same whether the address has an account or not.
``ChoosePasswordDialog``: shown after a sign-in with an admin's temporary password, before the
role window; the app goes on only once a new password is chosen (the services refuse
everything else meanwhile). Service calls run on the TaskRunner. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.form_errors import FormErrors
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import own_account as own_ops
from linguaflex_desktop.ui.password_fields import NewPasswordFields, password_edit
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

ASK_AN_ADMIN = tx(
    "E-mail is not set up for this app, so no code can be sent. Please ask an admin to set a "
    "temporary password for you (Users tab, Set temporary password…); you choose your own "
    "when you next sign in."
)
CHOOSE_INTRO = tx(
    "An admin gave you a temporary password. Choose your own password to continue; nothing "
    "else can be done before."
)


def _intro(text: str) -> QLabel:
    label = QLabel(localize(text))
    label.setWordWrap(True)
    return label


class ForgotPasswordDialog(QDialog):
    """A forgotten password; ``password_reset(email)`` after a new password was set."""

    password_reset = Signal(str)

    def __init__(
        self,
        *,
        services: AppServices,
        runner: TaskRunner,
        email: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.setObjectName("forgotPasswordDialog")
        self.setWindowTitle(t("Forgot password"))
        self.setMinimumWidth(440)
        self.sends_codes = services.password_resets.email_codes
        layout = QVBoxLayout(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if not self.sends_codes:
            self.intro = _intro(ASK_AN_ADMIN)
            layout.addWidget(self.intro)
            layout.addWidget(buttons)
            return
        self.intro = _intro(t("Enter the e-mail address of your account; we send it a code."))
        self.email_edit = QLineEdit(email)
        self.email_edit.setPlaceholderText(t("you@example.com"))
        self.send_button = QPushButton(t("Send code"))
        themed(self.send_button, "primaryButton")
        self.send_button.clicked.connect(self.send_code)
        self.sent_note = _intro("")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(t("6 digits"))
        self.code_edit.setMaxLength(12)
        self.new_password = NewPasswordFields()
        self.reset_button = QPushButton(t("Set new password"))
        themed(self.reset_button, "primaryButton")
        self.reset_button.clicked.connect(self.reset)
        self.code_step = QWidget()
        code_form = QFormLayout(self.code_step)
        code_form.setContentsMargins(0, 0, 0, 0)
        code_form.addRow(self.sent_note)
        code_form.addRow(t("Code"), self.code_edit)
        self.new_password.add_rows(code_form)
        code_form.addRow("", self.reset_button)
        self.code_step.setVisible(False)
        self.error_label = make_message_label()
        self.errors = FormErrors(
            self.error_label,
            {"email": self.email_edit, "code": self.code_edit, **self.new_password.fields()},
        )
        email_form = QFormLayout()
        email_form.addRow(t("E-mail"), self.email_edit)
        email_form.addRow("", self.send_button)
        layout.addWidget(self.intro)
        layout.addLayout(email_form)
        layout.addWidget(self.code_step)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @Slot()
    def send_code(self) -> None:
        self.errors.clear()
        self.send_button.setEnabled(False)
        email = self.email_edit.text()
        own_ops.request_reset(
            OpContext.of(self),
            email=email,
            on_success=lambda _none: self._on_code_sent(email),
            on_failure=self._on_failure,
            owner=self,
        )

    def _on_code_sent(self, email: str) -> None:
        self.send_button.setEnabled(True)
        self.send_button.setText(t("Send a new code"))
        self.sent_note.setText(
            t(
                "If an account uses {email}, a code is on its way to it. Enter it below within "
                "15 minutes with your new password.",
                email=email.strip(),
            )
        )
        self.code_step.setVisible(True)
        self.code_edit.setFocus()

    @Slot()
    def reset(self) -> None:
        self.errors.clear()
        if self.new_password.differ(self.errors):
            return
        self.reset_button.setEnabled(False)
        email = self.email_edit.text()
        own_ops.reset_password(
            OpContext.of(self),
            email=email,
            code=self.code_edit.text(),
            new_password=self.new_password.password(),
            on_success=lambda _none: self._on_reset(email),
            on_failure=self._on_failure,
            owner=self,
        )

    def _on_reset(self, email: str) -> None:
        self.password_reset.emit(email.strip())
        self.accept()

    def _on_failure(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.reset_button.setEnabled(True)
        self.errors.show(error)


class ChoosePasswordDialog(QDialog):
    """The forced change after a temporary password; ``password_chosen(UserDTO)`` then."""

    password_chosen = Signal(object)  # UserDTO, must_change_password cleared

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
        self.setObjectName("choosePasswordDialog")
        self.setWindowTitle(t("Choose a new password"))
        self.setMinimumWidth(440)
        self.current_edit = password_edit(t("The password the admin gave you"))
        self.new_password = NewPasswordFields()
        form = QFormLayout()
        form.addRow(t("Temporary password"), self.current_edit)
        self.new_password.add_rows(form)
        self.error_label = make_message_label()
        self.errors = FormErrors(
            self.error_label,
            {"current_password": self.current_edit, **self.new_password.fields()},
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(t("Set password and continue"))
        themed(self.confirm_button, "primaryButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Sign out"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(CHOOSE_INTRO))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    @Slot()
    def submit(self) -> None:
        self.errors.clear()
        if self.new_password.differ(self.errors):
            return
        self.confirm_button.setEnabled(False)
        own_ops.change_password(
            OpContext.of(self),
            self.user.actor,
            current_password=self.current_edit.text(),
            new_password=self.new_password.password(),
            on_success=self._on_changed,
            on_failure=self._on_failure,
            owner=self,
        )

    def _on_changed(self, user: UserDTO) -> None:
        self.password_chosen.emit(user)
        self.accept()

    def _on_failure(self, error: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        self.errors.show(error)
