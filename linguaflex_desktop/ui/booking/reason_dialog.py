"""Asks for the reason of a suspension, a cancellation or a decline (optional text),
non-blocking. The two buttons say what each does ("Cancel booking" / "Keep booking"), so a
"Cancel" button never stands beside a "Cancel booking" one.

Texts may be given translated (``t``) or as ``tx`` texts (shown with ``localize``).
Open with ``open()``; ``reason_given(str)`` is emitted when confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.booking.rules import MAX_REASON_LENGTH
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.theme import themed

DISMISS_TEXT = tx("Cancel")
KEEP_BOOKING_TEXT = tx("Keep booking")  # the dismiss button of a "Cancel booking" question


class ReasonDialog(QDialog):
    reason_given = Signal(str)

    def __init__(
        self,
        *,
        title: str,
        prompt: str,
        confirm_text: str,
        dismiss_text: str = DISMISS_TEXT,
        maximum: int = MAX_REASON_LENGTH,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(localize(title))
        self.setMinimumWidth(420)
        label = QLabel(localize(prompt))
        label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(t("Reason (recorded in the audit trail)"))
        self.reason_edit.setMaximumHeight(100)
        self.reason_limit = LengthLimit(self.reason_edit, maximum, what=t("reason"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(localize(confirm_text))
        themed(self.confirm_button, "dangerButton")
        self.reason_limit.valid_changed.connect(self.confirm_button.setEnabled)
        self.dismiss_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.dismiss_button.setText(localize(dismiss_text))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.reason_limit.label)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    @Slot()
    def _confirm(self) -> None:
        if not self.reason_limit.is_valid():
            return  # the count under the field says why; nothing is cut off silently
        self.reason_given.emit(self.reason())
        self.accept()
