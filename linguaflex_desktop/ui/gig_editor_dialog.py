"""Create or edit one gig. The dialog saves through the TaskRunner and closes on success.

Open it with ``open()`` (window-modal, non-blocking); ``gig_saved(GigDTO)`` is emitted after
the service accepted the gig. Service validation errors appear inline, verbatim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import UserFacingError, ValidationError
from linguaflex_desktop.models.enums import Level
from linguaflex_desktop.services.common.currency import SUPPORTED_CURRENCIES
from linguaflex_desktop.services.common.dto import Actor, GigDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.money_input import MoneyInput
from linguaflex_desktop.ui.operations import Callbacks, OpContext
from linguaflex_desktop.ui.operations import catalogue as catalogue_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

DURATION_STEP_MINUTES = 15
LEVEL_NAMES = {
    Level.A1: tx("A1 — Beginner"),
    Level.A2: tx("A2 — Elementary"),
    Level.B1: tx("B1 — Intermediate"),
    Level.B2: tx("B2 — Upper intermediate"),
    Level.C1: tx("C1 — Advanced"),
    Level.C2: tx("C2 — Proficient"),
    Level.ALL: tx("All levels"),
}


class GigEditorDialog(QDialog):
    """Fields of a gig; ``gig`` None creates a new one."""

    gig_saved = Signal(object)  # GigDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        gig: GigDTO | None = None,
        default_language: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.gig = services, actor, runner, gig
        self.saved_gig: GigDTO | None = None
        self.setObjectName("gigEditorDialog")
        self.setWindowTitle(t("New gig") if gig is None else t("Edit gig"))
        self.setMinimumWidth(520)
        self._build()
        if gig is not None:
            self._fill(gig)
        else:
            self.language_edit.setText(default_language)

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(t("e.g. Conversational Spanish for travellers"))
        self.title_edit.setMaxLength(120)
        self.language_edit = QLineEdit()
        self.language_edit.setPlaceholderText(t("e.g. Spanish"))
        self.level_combo = QComboBox()
        for level, name in LEVEL_NAMES.items():
            self.level_combo.addItem(localize(name), level)
        self.rate_input = MoneyInput("USD")
        self.currency_combo = QComboBox()
        for code in sorted(SUPPORTED_CURRENCIES):
            self.currency_combo.addItem(code, code)
        self.currency_combo.setCurrentText("USD")
        self.currency_combo.currentTextChanged.connect(self.rate_input.set_currency)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate_input, 1)
        rate_row.addWidget(self.currency_combo)
        rate_row.addSpacing(4)
        rate_row.addWidget(QLabel(t("per hour")))
        self.min_duration_spin = _duration_spin(30)
        self.max_duration_spin = _duration_spin(180)
        lengths_row = QHBoxLayout()
        lengths_row.addWidget(self.min_duration_spin)
        lengths_row.addWidget(QLabel(t("to")))
        lengths_row.addWidget(self.max_duration_spin)
        lengths_row.addStretch(1)
        self.active_checkbox = QCheckBox(t("Visible to students in search"))
        self.active_checkbox.setChecked(True)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            t("What will a session look like? Who is it for? What should students prepare?")
        )
        self.description_edit.setMinimumHeight(120)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(t("Title"), self.title_edit)
        form.addRow(t("Language"), self.language_edit)
        form.addRow(t("Level"), self.level_combo)
        form.addRow(t("Hourly rate"), rate_row)
        form.addRow(t("Session length"), lengths_row)
        form.addRow("", self.active_checkbox)
        form.addRow(t("Description"), self.description_edit)
        self.error_label = make_message_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(t("Create gig") if self.gig is None else t("Save changes"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _fill(self, gig: GigDTO) -> None:
        self.title_edit.setText(gig.title)
        self.language_edit.setText(gig.language)
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(gig.level), 0))
        self.currency_combo.setCurrentText(gig.currency)
        self.rate_input.set_amount_minor(gig.hourly_rate_minor, gig.currency)
        self.min_duration_spin.setValue(gig.min_duration_minutes)
        self.max_duration_spin.setValue(gig.max_duration_minutes)
        self.active_checkbox.setChecked(gig.is_active)
        self.description_edit.setPlainText(gig.description)

    def values(self) -> dict[str, Any]:
        """Service arguments from the fields; ValidationError for an unreadable rate."""
        currency = self.currency_combo.currentText()
        try:
            rate = self.rate_input.amount_minor()
        except ValidationError as error:
            raise ValidationError(tx("Hourly rate: {error}", error=error.message)) from error
        return {
            "title": self.title_edit.text(),
            "language": self.language_edit.text(),
            "level": Level(self.level_combo.currentData()),
            "description": self.description_edit.toPlainText(),
            "hourly_rate_minor": rate,
            "currency": currency,
            "is_active": self.active_checkbox.isChecked(),
            "min_duration_minutes": self.min_duration_spin.value(),
            "max_duration_minutes": self.max_duration_spin.value(),
        }

    @Slot()
    def submit(self) -> None:
        """Validate what the UI can read, then save on a worker thread."""
        set_message(self.error_label, None)
        try:
            values = self.values()
        except ValidationError as error:
            set_message(self.error_label, localize(error.message))
            return
        ctx, gig = OpContext.of(self), self.gig
        self._set_saving(True)
        callbacks: Callbacks = {
            "on_success": self._on_saved,
            "on_failure": self._on_failed,
            "owner": self,
        }
        if gig is None:
            catalogue_ops.create_gig(ctx, self.actor, values, **callbacks)
        else:
            catalogue_ops.update_gig(ctx, self.actor, gig.id, values, **callbacks)

    def _on_saved(self, gig: GigDTO) -> None:
        self._set_saving(False)
        self.saved_gig = gig
        self.gig_saved.emit(gig)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, UserFacingError):
            set_message(self.error_label, inline_error_text(error))
        else:
            show_error(self, error)

    def _set_saving(self, saving: bool) -> None:
        self.save_button.setEnabled(not saving)
        for widget in (self.title_edit, self.language_edit, self.description_edit):
            widget.setReadOnly(saving)


def _duration_spin(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(DURATION_STEP_MINUTES, 8 * 60)
    spin.setSingleStep(DURATION_STEP_MINUTES)
    spin.setSuffix(t(" min"))
    spin.setValue(value)
    return spin
