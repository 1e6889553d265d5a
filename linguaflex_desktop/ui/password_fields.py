"""Password inputs shared by the account forms: a hidden-text line edit, and the "new
password" + "repeat it" pair that is checked in the form before anything is sent. GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from linguaflex_desktop.services.common.validation import MIN_PASSWORD_LENGTH
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.form_errors import FormErrors
from linguaflex_desktop.ui.i18n import localize, t

PASSWORDS_DIFFER = tx("The two new passwords do not match.")


def password_edit(placeholder: str = "", parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class NewPasswordFields:
    """ "New password" and "Repeat new password", named ``new_password`` and
    ``repeat_password`` for ``FormErrors``."""

    def __init__(self) -> None:
        self.new_edit = password_edit(t("At least {count} characters", count=MIN_PASSWORD_LENGTH))
        self.repeat_edit = password_edit()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(t("New password"), self.new_edit)
        form.addRow(t("Repeat new password"), self.repeat_edit)

    def fields(self) -> dict[str, QWidget]:
        return {"new_password": self.new_edit, "repeat_password": self.repeat_edit}

    def password(self) -> str:
        return self.new_edit.text()

    def differ(self, errors: FormErrors) -> bool:
        """True (and said, the repeat marked) when the two entries differ."""
        if self.new_edit.text() != self.repeat_edit.text():
            errors.show_text(localize(PASSWORDS_DIFFER), "repeat_password")
            return True
        return False

    def clear(self) -> None:
        self.new_edit.clear()
        self.repeat_edit.clear()
