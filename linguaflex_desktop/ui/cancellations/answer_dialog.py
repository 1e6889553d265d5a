"""Answer a student's cancellation request: a full refund (the booking is cancelled), part of
it (an amount; the session stays booked) or none (the session stays booked), with a note the
student reads. The refund runs through the refund service on the runner; the dialog closes
when it is recorded, or shows the error in a fixed place (the layout does not move). GUI
thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models.enums import CancellationAnswer
from linguaflex_desktop.services.booking.rules import MAX_REASON_LENGTH
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.cancellation_dto import CancellationRequestDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.i18n import localize, money_text, t
from linguaflex_desktop.ui.money_input import MoneyInput
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import cancellations as cancellation_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, reserve_message_space, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

ANSWER_TEXTS = {  # shown with ``localize``
    CancellationAnswer.FULL: tx("Full refund: the booking is cancelled"),
    CancellationAnswer.PART: tx("Partial refund (the session stays booked):"),
    CancellationAnswer.NONE: tx("No refund: the session stays booked"),
}


class AnswerDialog(QDialog):
    """Window-modal; open with ``open()``. ``answered`` carries the answered request."""

    answered = Signal(object)  # CancellationRequestDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        request: CancellationRequestDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.request = services, actor, runner, request
        self._submitting = False
        self.setObjectName("answerCancellationDialog")
        self.setWindowTitle(t("Answer cancellation request"))
        self.setMinimumWidth(500)
        self.radios: dict[CancellationAnswer, QRadioButton] = {}
        group = QButtonGroup(self)
        for answer, text in ANSWER_TEXTS.items():
            radio = QRadioButton(localize(text))
            group.addButton(radio)
            self.radios[answer] = radio
        self.radios[CancellationAnswer.FULL].setChecked(True)
        group.buttonToggled.connect(lambda *_args: self._update())
        self.amount_input = MoneyInput(request.currency)
        self.amount_input.setFixedWidth(140)
        self.amount_input.textEdited.connect(lambda _text: self._update())
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(t("Note to the student (optional; they read it)"))
        self.note_edit.setFixedHeight(70)
        self.note_limit = LengthLimit(self.note_edit, MAX_REASON_LENGTH, what=t("note"))
        self.note_limit.valid_changed.connect(lambda _valid: self._update())
        self.error_label = make_message_label()
        reserve_message_space(self.error_label, lines=3)
        self.cancel_button = QPushButton(t("Close"))
        self.cancel_button.clicked.connect(self.reject)
        self.answer_button = QPushButton(t("Send answer"))
        themed(self.answer_button, "primaryButton")
        self.answer_button.clicked.connect(self.submit)
        self._build()
        self._update()

    def _build(self) -> None:
        request = self.request
        when = format_when(request.start_at, self.actor.time_zone)
        booking = t("Booking #{id}", id=request.booking_id)
        title = QLabel(f"{booking} · {request.gig_title} · {when}")
        themed(title, "detailTitle")
        meta = QLabel(
            t(
                "{student} with {teacher} · paid {paid} · already refunded {refunded}",
                student=request.student_name,
                teacher=request.teacher_name,
                paid=money_text(request.paid_minor, request.currency),
                refunded=money_text(request.refunded_minor, request.currency),
            )
        )
        themed(meta, "detailMeta")
        reason = QLabel(t("The student's reason: {reason}", reason=request.reason))
        reason.setWordWrap(True)
        partial_row = QHBoxLayout()
        partial_row.addWidget(self.radios[CancellationAnswer.PART])
        partial_row.addWidget(self.amount_input)
        partial_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        for widget in (title, meta, reason):
            layout.addWidget(widget)
        layout.addWidget(self.radios[CancellationAnswer.FULL])
        layout.addLayout(partial_row)
        layout.addWidget(self.radios[CancellationAnswer.NONE])
        layout.addWidget(self.note_edit)
        layout.addWidget(self.note_limit.label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    # --- the answer -----------------------------------------------------------------------

    def choose(self, answer: CancellationAnswer, *, amount: str = "", note: str = "") -> None:
        """Fill the dialog as a user would (tests and keyboard users alike)."""
        self.radios[answer].setChecked(True)
        self.amount_input.setText(amount)
        self.note_edit.setPlainText(note)
        self._update()

    def answer(self) -> CancellationAnswer:
        return next(answer for answer, radio in self.radios.items() if radio.isChecked())

    def amount_minor(self) -> int | None:
        """The partial amount (ValidationError when it is not a valid amount)."""
        if self.answer() is not CancellationAnswer.PART:
            return None
        return self.amount_input.amount_minor()

    @Slot()
    def submit(self) -> None:
        if self._submitting or not self.note_limit.is_valid():
            return
        try:
            amount = self.amount_minor()
        except ValidationError as error:
            set_message(self.error_label, inline_error_text(error))
            return
        self._submitting = True
        set_message(self.error_label, None)
        self._update()
        cancellation_ops.answer_request(
            OpContext.of(self),
            self.actor,
            self.request.id,
            self.request.booking_id,
            answer=self.answer(),
            amount_minor=amount,
            note=self.note_edit.toPlainText().strip(),
            on_success=self._on_answered,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_answered(self, request: CancellationRequestDTO) -> None:
        self._submitting = False
        self.answered.emit(request)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._submitting = False
        set_message(self.error_label, inline_error_text(error))
        self._update()

    def reject(self) -> None:
        if not self._submitting:  # the answer of a running refund is awaited
            super().reject()

    def _update(self, *_args: object) -> None:
        partial = self.answer() is CancellationAnswer.PART
        self.amount_input.setEnabled(partial and not self._submitting)
        ready = self.note_limit.is_valid() and not self._submitting
        if partial:
            ready = ready and not self.amount_input.is_empty()
        self.answer_button.setEnabled(ready)
        self.cancel_button.setEnabled(not self._submitting)
