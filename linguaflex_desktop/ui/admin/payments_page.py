"""The admin's payments: every attempt with filters (status, booking, student, teacher,
period), Stripe's PaymentIntent id, the selected booking's receipt with refunds and their
Stripe ids, the Refund action (RefundDialog), "Verify with Stripe" (LedgerVerifyDialog, in
the background) and "Export CSV…" (every payment matching the filters). Loads on first
show. GUI thread only; service calls run on the TaskRunner.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIntValidator, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.models.enums import PaymentAttemptStatus, Role
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.payments.dto import PaymentDTO, PaymentFilter, RefundResult
from linguaflex_desktop.services.payments.rules import can_refund
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.admin.ledger_dialog import LedgerVerifyDialog
from linguaflex_desktop.ui.admin.people_combo import PeopleCombo
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.csv_columns import payment_csv_columns
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.export import CsvExport, export_paged_csv
from linguaflex_desktop.ui.i18n import localize, money_text, t, when_text
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.format import ATTEMPT_TEXT, card_number_text
from linguaflex_desktop.ui.payments.receipt_panel import ReceiptPanel
from linguaflex_desktop.ui.payments.refund_dialog import RefundDialog
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    Pager,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PAGE_SIZE = 100
TEXT_DEBOUNCE_MS = 350
PERIODS = (
    (tx("Any time"), None),
    (tx("Last 7 days"), 7),
    (tx("Last 30 days"), 30),
    (tx("Last 365 days"), 365),
)


def payment_columns(zone_name: str) -> tuple[Column[PaymentDTO], ...]:
    def refunded(payment: PaymentDTO) -> str:
        if not payment.refunded_minor:
            return "—"
        return money_text(payment.refunded_minor, payment.currency)

    return (
        Column(tx("Created"), lambda p: when_text(p.created_at, zone_name)),
        Column(tx("Booking"), lambda p: f"#{p.booking_id}"),
        Column(tx("Student"), lambda p: p.student_name),
        Column(tx("Teacher"), lambda p: p.teacher_name),
        Column(tx("Amount"), lambda p: money_text(p.amount_minor, p.currency), right=True),
        Column(tx("Refunded"), refunded, right=True),
        Column(
            tx("Status"),
            lambda p: localize(ATTEMPT_TEXT[p.status]),
            tooltip=lambda p: localize(p.failure_message or ATTEMPT_TEXT[p.status]),
        ),
        Column(tx("Card"), lambda p: card_number_text(p.card_brand, p.card_last4)),
        Column(tx("PaymentIntent"), lambda p: p.stripe_payment_intent_id or "—"),
    )


class AdminPaymentsPage(QWidget):
    """'Payments' tab of the admin's window."""

    payments_loaded = Signal(object)  # Page[PaymentDTO]
    refund_made = Signal(object)  # RefundResult

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
        self.refund_dialog: RefundDialog | None = None
        self.verify_dialog: LedgerVerifyDialog | None = None
        self._loaded_once = False
        # A refund or payment made anywhere (here, a booking cancelled elsewhere) shows here.
        refresh_on(self, runner, ("payment",), self._on_data_changed)
        self._request = 0
        self._offset = 0
        self._total = 0
        self.export: CsvExport[PaymentDTO] | None = None
        self.model: RowTableModel[PaymentDTO] = RowTableModel(
            payment_columns(actor.time_zone), key=lambda p: p.id, parent=self
        )
        self.view = make_table_view(self.model)
        self.table = EmptyStateStack(self.view, t("Loading payments…"))
        self.pager = Pager(t("payments"))
        self.pager.page_requested.connect(self.reload)
        self.receipt = ReceiptPanel(services=services, actor=actor, runner=runner)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self._build_filters()
        self.refund_button = QPushButton(t("Refund…"))
        themed(self.refund_button, "dangerButton")
        self.refund_button.clicked.connect(self.refund_selected)
        self._build()
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self._on_selection_changed()

    def _build_filters(self) -> None:
        self.status_combo = QComboBox()
        self.status_combo.addItem(t("Any status"), None)
        for status in PaymentAttemptStatus:
            self.status_combo.addItem(localize(ATTEMPT_TEXT[status]), status)
        self.period_combo = QComboBox()
        for text, days in PERIODS:
            self.period_combo.addItem(localize(text), days)
        self.student_combo = PeopleCombo(Role.STUDENT, t("Any student"))
        self.teacher_combo = PeopleCombo(Role.TEACHER, t("Any teacher"))
        self.booking_edit = QLineEdit()
        self.booking_edit.setPlaceholderText(t("Booking #"))
        self.booking_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.booking_edit.setClearButtonEnabled(True)
        self.booking_edit.setFixedWidth(120)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DEBOUNCE_MS)
        self._text_timer.timeout.connect(lambda: self.reload())
        self.booking_edit.textEdited.connect(lambda _text: self._text_timer.start())
        self.booking_edit.returnPressed.connect(lambda: self.reload())
        for combo in self._filter_combos():
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.clear_button = QPushButton(t("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.reload(self._offset))
        self.verify_button = QPushButton(t("Verify with Stripe"))
        self.verify_button.setToolTip(t("Compare every paid payment and refund with Stripe"))
        self.verify_button.clicked.connect(self.verify_with_stripe)
        self.export_button = QPushButton(t("Export CSV…"))
        self.export_button.setToolTip(t("Every payment matching the filters, to a CSV file"))
        self.export_button.clicked.connect(self.export_csv)

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.booking_edit)
        for combo in self._filter_combos():
            filters.addWidget(combo)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        # the actions on their own row, so that the filters keep the window's default width
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.refund_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.pager)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.receipt)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(splitter, 1)

    def _on_data_changed(self, _change: Change) -> None:
        if self._loaded_once:  # else the first show loads
            self.reload(self._offset)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            for combo in (self.student_combo, self.teacher_combo):
                combo.load(
                    services=self.services,
                    actor=self.actor,
                    runner=self.runner,
                    on_failure=self._on_people_failed,
                )
            self.reload()

    # --- filters --------------------------------------------------------------------------

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.status_combo, self.student_combo, self.teacher_combo, self.period_combo)

    def filters(self) -> PaymentFilter:
        booking_text = self.booking_edit.text().strip()
        days = self.period_combo.currentData()
        return PaymentFilter(
            status=self.status_combo.currentData(),
            booking_id=int(booking_text) if booking_text.isdigit() else None,
            student_id=self.student_combo.person_id(),
            teacher_id=self.teacher_combo.person_id(),
            created_from=self.services.ctx.now() - timedelta(days=days) if days else None,
        )

    @Slot()
    def clear_filters(self) -> None:
        """Back to every payment (one reload)."""
        for combo in self._filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.booking_edit.clear()
        self.reload()

    def _on_people_failed(self, error: BaseException) -> None:
        set_message(self.error_label, inline_error_text(error))

    # --- loading --------------------------------------------------------------------------

    def reload(self, offset: int = 0) -> None:
        self._text_timer.stop()
        self._request += 1
        request = self._request
        actor, filters = self.actor, self.filters()
        payments_ops.list_payments(
            OpContext.of(self),
            actor,
            filters=filters,
            offset=offset,
            limit=PAGE_SIZE,
            on_success=lambda page: self._on_payments(request, page),
            on_failure=lambda error: self._on_failed(request, error),
            owner=self,
        )

    def _on_payments(self, request: int, page: Page[PaymentDTO]) -> None:
        if request != self._request:
            return
        selected = self.selected_payment()
        set_message(self.error_label, None)
        self._offset, self._total = page.offset, page.total
        self.model.set_rows(page.items)
        self.table.set_empty_text(t("No payments match the filters."))
        self.pager.set_page(
            offset=page.offset, limit=page.limit, total=page.total, shown=len(page.items)
        )
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.view.selectRow(row)
        self.payments_loaded.emit(page)

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.table.set_empty_text(t("The payments could not be loaded."))
            set_message(self.error_label, inline_error_text(error))

    @Slot()
    def export_csv(self) -> CsvExport[PaymentDTO] | None:
        """Every payment matching the filters (all pages, fetched on the pool thread while
        the file is written) to a CSV file; amounts in major units beside their currency."""
        views, actor, filters = self.services.payment_views, self.actor, self.filters()
        day = today_in(self.services, actor.time_zone)
        self.export = export_paged_csv(
            self,
            self.runner,
            what=t("payments"),
            suggested_name=f"payments-{day}.csv",
            columns=payment_csv_columns(actor.time_zone),
            fetch_page=lambda offset, limit: views.list_payments(
                actor, filters=filters, offset=offset, limit=limit
            ),
            key=lambda payment: payment.id,
            total=self._total,
            notice_label=self.notice_label,
            error_label=self.error_label,
        )
        return self.export

    # --- selection and refund -------------------------------------------------------------

    def selected_payment(self) -> PaymentDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_payment(self, payment_id: int) -> bool:
        row = self.model.row_of(payment_id)
        if row is not None:
            self.view.selectRow(row)
        return row is not None

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        payment = self.selected_payment()
        self.refund_button.setEnabled(payment is not None and can_refund(payment))
        if payment is None:
            self.receipt.show_booking(None)
        elif self.receipt.booking_id != payment.booking_id or self.receipt.receipt is None:
            self.receipt.load(payment.booking_id)

    @Slot()
    def refund_selected(self) -> RefundDialog | None:
        payment = self.selected_payment()
        if payment is None or not can_refund(payment):
            return None
        dialog = RefundDialog(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            payment=payment,
            parent=self,
        )
        dialog.refunded.connect(self._on_refunded)
        dialog.finished.connect(dialog.deleteLater)
        self.refund_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def verify_with_stripe(self) -> LedgerVerifyDialog:
        """Open (or raise) the verification window; a new window starts a run at once."""
        if self.verify_dialog is None:
            dialog = LedgerVerifyDialog(
                services=self.services, actor=self.actor, runner=self.runner, parent=self
            )
            dialog.finished.connect(self._forget_verify_dialog)
            self.verify_dialog = dialog
            dialog.show()
            dialog.start()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        return self.verify_dialog

    @Slot()
    def _forget_verify_dialog(self) -> None:
        if self.verify_dialog is not None:
            self.verify_dialog.deleteLater()
        self.verify_dialog = None

    def _on_refunded(self, result: RefundResult) -> None:
        refund = result.refund
        amount = money_text(refund.amount_minor, refund.currency)
        if result.duplicate:
            text = t("That refund had already been made; nothing more was refunded.")
        elif refund.stripe_refund_id:
            text = t(
                "Refunded {amount} (Stripe refund {id}).", amount=amount, id=refund.stripe_refund_id
            )
        else:
            text = t("Refunded {amount}.", amount=amount)
        set_message(self.notice_label, text)
        self.receipt.reload()
        self.reload(self._offset)
        self.refund_made.emit(result)
