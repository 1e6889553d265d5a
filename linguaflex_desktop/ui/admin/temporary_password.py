"""Users tab: "Set temporary password…" for a user who forgot theirs when e-mail is not set
up. The admin sees a generated password (editable), sets it, and tells it to the user, who
must choose their own at the next sign-in. GUI thread only; the change runs on the
TaskRunner and is audited by the service."""

from __future__ import annotations

import secrets
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

from linguaflex_desktop.services.common.dto import Actor, UserDTO
from linguaflex_desktop.ui.form_errors import FormErrors
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import own_account as own_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.ui.admin.window import UserAdminPage


def suggested_password() -> str:
    """A random 16-character password an admin can read out (URL-safe letters and digits)."""
    return secrets.token_urlsafe(12)


class TemporaryPasswordDialog(QDialog):
    """Give ``user`` a temporary password; ``user_changed(UserDTO)`` once set."""

    user_changed = Signal(object)

    def __init__(
        self,
        *,
        services: AppServices,
        runner: TaskRunner,
        actor: Actor,
        user: UserDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.runner, self.actor, self.user = services, runner, actor, user
        self.setObjectName("temporaryPasswordDialog")
        self.setWindowTitle(t("Set temporary password"))
        self.setMinimumWidth(440)
        intro = QLabel(
            t(
                "Give {name} ({email}) a temporary password. Their saved sign-ins end, and they "
                "must choose their own password at the next sign-in.",
                name=user.display_name,
                email=user.email,
            )
        )
        intro.setWordWrap(True)
        self.password_edit = QLineEdit(suggested_password())
        form = QFormLayout()
        form.addRow(t("Temporary password"), self.password_edit)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.errors = FormErrors(self.error_label, {"temporary_password": self.password_edit})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.set_button = QPushButton(t("Set temporary password"))
        themed(self.set_button, "dangerButton")
        self.buttons.addButton(self.set_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.set_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.buttons)

    @Slot()
    def submit(self) -> None:
        self.errors.clear()
        self.set_button.setEnabled(False)
        own_ops.set_temporary_password(
            OpContext.of(self),
            self.actor,
            self.user.id,
            temporary_password=self.password_edit.text(),
            on_success=self._on_set,
            on_failure=self._on_failure,
            owner=self,
        )

    def _on_set(self, user: UserDTO) -> None:
        self.password_edit.setReadOnly(True)
        done = t(
            "Done. Tell {name} this password in person or by phone (not by e-mail); they must "
            "choose their own when they next sign in.",
            name=user.display_name,
        )
        set_message(self.notice_label, done)
        self.user_changed.emit(user)

    def _on_failure(self, error: BaseException) -> None:
        self.set_button.setEnabled(True)
        self.errors.show(error)


def install_temporary_password_button(page: UserAdminPage) -> QPushButton:
    """Add "Set temporary password…" to the Users tab, on for any selected user but oneself."""
    button = QPushButton(t("Set temporary password…"))
    button.setObjectName("temporaryPasswordButton")
    page.button_row.addWidget(button)

    def update() -> None:
        user = page.selected_user()
        button.setEnabled(user is not None and user.id != page.actor.id)

    def open_dialog() -> None:
        user = page.selected_user()
        if user is None:
            return
        dialog = TemporaryPasswordDialog(
            services=page.services, runner=page.runner, actor=page.actor, user=user, parent=page
        )
        dialog.user_changed.connect(page.model.replace_user)
        dialog.finished.connect(dialog.deleteLater)
        page.temporary_password_dialog = dialog
        dialog.open()

    button.clicked.connect(open_dialog)
    page.view.selectionModel().selectionChanged.connect(update)
    page.model.modelReset.connect(update)
    update()
    return button
