"""The "Cancellation requests" tab of teachers (requests on their bookings) and admins (all):
open ones first, each with the student's reason and, once answered, the answer. "Answer…"
opens the answer dialog for an open request the reader may answer (``can_answer`` from the
service). Reloads when a cancellation or payment changes anywhere. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from linguaflex_desktop.models.enums import CancellationAnswer
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.cancellation_dto import CancellationRequestDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.cancellations.answer_dialog import AnswerDialog
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, money_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import cancellations as cancellation_ops
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

_ANSWER_WORDS = {
    CancellationAnswer.FULL: tx("Full refund"),
    CancellationAnswer.PART: tx("Partial refund"),
    CancellationAnswer.NONE: tx("No refund"),
}


def answer_text(request: CancellationRequestDTO) -> str:
    """'Waiting for an answer', 'Full refund 52.50 USD', 'No refund'."""
    if request.answer is None:
        return t("Waiting for an answer")
    text = localize(_ANSWER_WORDS[request.answer])
    if request.amount_minor:
        text += f" {money_text(request.amount_minor, request.currency)}"
    return text


def request_summary(request: CancellationRequestDTO, zone_name: str) -> str:
    """The request as its booking's detail tells it: 'Asked on …: “reason”. Waiting for an
    answer.' or '… Answered: Partial refund 10.00 USD. Note: …' (the note written for the
    student; a refund's internal reason is never on the DTO)."""
    when = format_when(request.created_at, zone_name)
    text = t("Asked on {when}: “{reason}”.", when=when, reason=request.reason)
    if request.answer is None:
        return text + " " + t("Waiting for an answer from the teacher or LinguaFlex.")
    text += " " + t("Answered: {answer}.", answer=answer_text(request))
    if request.note_to_student:
        text += " " + t("Note: {note}", note=request.note_to_student)
    return text


class CancellationRequestsPage(QWidget):
    """The reader's cancellation requests with "Answer…"."""

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
        self.answer_dialog: AnswerDialog | None = None
        self._loaded_once = False
        self._reloads = 0  # the latest reload's number: an older answer is dropped
        zone = actor.time_zone
        self.model: RowTableModel[CancellationRequestDTO] = RowTableModel(
            (
                Column(t("Session"), lambda r: format_when(r.start_at, zone)),
                Column(t("Student"), lambda r: r.student_name),
                Column(t("Teacher"), lambda r: r.teacher_name),
                Column(t("Paid"), lambda r: money_text(r.paid_minor, r.currency), right=True),
                Column(t("Reason"), lambda r: r.reason, tooltip=lambda r: r.reason),
                Column(t("Asked"), lambda r: format_when(r.created_at, zone)),
                Column(t("Answer"), answer_text, tooltip=lambda r: r.note_to_student or None),
            ),
            key=lambda r: r.id,
            parent=self,
        )
        self.table = make_table_view(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.open_only = QCheckBox(t("Open requests only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self.reload())
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.answer_button = QPushButton(t("Answer…"))
        themed(self.answer_button, "primaryButton")
        self.answer_button.clicked.connect(self.answer_selected)
        self.error_label = make_message_label()
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Cancellation requests")))
        top.addStretch(1)
        top.addWidget(self.open_only)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        refresh_on(self, runner, ("cancellation", "payment"), self._on_data_changed)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:  # loads when first shown, like the payment pages
            self._loaded_once = True
            self.reload()

    def _on_data_changed(self, _change: Change) -> None:
        if self._loaded_once:
            self.reload()

    def reload(self) -> None:
        """Load the requests again; an answer older than the latest reload is dropped (each
        load runs on a pool thread of its own, and an earlier one may end later: an answer
        for "open requests only" then replaced that for all of them)."""
        self._loaded_once = True
        self._reloads += 1
        request = self._reloads
        cancellation_ops.list_requests(
            OpContext.of(self),
            self.actor,
            open_only=self.open_only.isChecked(),
            on_success=lambda requests: (
                self._on_loaded(requests) if request == self._reloads else None
            ),
            on_failure=lambda error: (
                set_message(self.error_label, inline_error_text(error))
                if request == self._reloads
                else None
            ),
            owner=self,
        )

    def _on_loaded(self, requests: list[CancellationRequestDTO]) -> None:
        set_message(self.error_label, None)
        self.model.set_rows(requests)
        self._update_buttons()

    def selected_request(self) -> CancellationRequestDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        request = self.selected_request()
        self.answer_button.setEnabled(request is not None and request.can_answer)

    @Slot()
    def answer_selected(self) -> None:
        request = self.selected_request()
        if request is None or not request.can_answer:
            return
        dialog = AnswerDialog(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            request=request,
            parent=self,
        )
        dialog.answered.connect(self._on_answered)
        dialog.finished.connect(dialog.deleteLater)
        self.answer_dialog = dialog
        dialog.open()

    def _on_answered(self, request: CancellationRequestDTO) -> None:
        self.model.replace_row(request)
        self._update_buttons()
        self.reload()
