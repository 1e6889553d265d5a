"""The admin's "Verify with Stripe" window: our ledger compared with Stripe, in the background.

Opened from the Payments tab; starts at once. Every paid payment is re-read at Stripe on a
pool thread (``payments_ops.verify_ledger``), which may take long with many payments: a
progress bar counts them (the pool thread only emits ``progressed``; the slot runs on the GUI
thread) and Stop asks the run to end after the current payment. The differences fill a
table, the totals per currency of both sides another; money is shown with each currency's
decimals. Closing the window stops the run. GUI thread only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.stripe_dto import (
    DIFFERENCE_TEXT,
    CurrencyTotals,
    LedgerDifference,
    LedgerVerification,
)
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, money_text, number_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

AGREES_TEXT = tx("Every paid payment and refund agrees with Stripe.")


@dataclass(frozen=True)
class TotalsRow:
    """One currency: our totals beside Stripe's."""

    ours: CurrencyTotals
    stripe: CurrencyTotals

    @property
    def agrees(self) -> bool:
        return self.ours == self.stripe


def value_text(difference: LedgerDifference, value: int | str | None) -> str:
    """One side of a difference: money with the currency's decimals, a dash when that side
    has nothing, else the (status) word."""
    if value is None:
        return "—"
    if isinstance(value, int):  # amounts are the only numbers
        return money_text(value, difference.currency)
    return localize(value)


DIFFERENCE_COLUMNS: tuple[Column[LedgerDifference], ...] = (
    Column(tx("Payment"), lambda d: str(d.payment_id)),
    Column(tx("Booking"), lambda d: f"#{d.booking_id}"),
    Column(tx("PaymentIntent"), lambda d: d.payment_intent_id),
    Column(tx("Difference"), lambda d: localize(DIFFERENCE_TEXT[d.kind])),
    Column(tx("Ours"), lambda d: value_text(d, d.ours), right=True),
    Column(tx("Stripe"), lambda d: value_text(d, d.stripe), right=True),
    Column(tx("Refund"), lambda d: d.refund or "—"),
)
TOTALS_COLUMNS: tuple[Column[TotalsRow], ...] = (
    Column(tx("Currency"), lambda r: r.ours.currency),
    Column(tx("Paid (ours)"), lambda r: money_text(r.ours.paid_minor, r.ours.currency), right=True),
    Column(
        tx("Paid (Stripe)"),
        lambda r: money_text(r.stripe.paid_minor, r.ours.currency),
        right=True,
    ),
    Column(
        tx("Refunded (ours)"),
        lambda r: money_text(r.ours.refunded_minor, r.ours.currency),
        right=True,
    ),
    Column(
        tx("Refunded (Stripe)"),
        lambda r: money_text(r.stripe.refunded_minor, r.ours.currency),
        right=True,
    ),
    Column(tx("Net (ours)"), lambda r: money_text(r.ours.net_minor, r.ours.currency), right=True),
    Column(
        tx("Net (Stripe)"),
        lambda r: money_text(r.stripe.net_minor, r.ours.currency),
        right=True,
    ),
    Column("", lambda r: t("agrees") if r.agrees else t("differs")),
)


class LedgerVerifyDialog(QDialog):
    """See the module docstring. ``finished_verification`` carries the LedgerVerification."""

    progressed = Signal(int, int)  # (done, total), emitted on the pool thread
    finished_verification = Signal(object)
    failed = Signal(object)

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
        self.verification: LedgerVerification | None = None
        self.running = False
        self._stop = threading.Event()
        self.setObjectName("ledgerVerifyDialog")
        self.setWindowTitle(t("Verify with Stripe"))
        self.resize(980, 560)
        self.status_label = QLabel(t("Reading our payments…"))
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.error_label = make_message_label()
        self.differences: RowTableModel[LedgerDifference] = RowTableModel(
            DIFFERENCE_COLUMNS,
            key=lambda d: (d.payment_id, d.kind, d.refund),
            parent=self,
        )
        self.difference_view = make_table_view(self.differences)
        self.difference_table = EmptyStateStack(self.difference_view, t("Comparing…"))
        self.totals: RowTableModel[TotalsRow] = RowTableModel(
            TOTALS_COLUMNS, key=lambda r: r.ours.currency, parent=self
        )
        self.totals_view = make_table_view(self.totals)
        self.stop_button = QPushButton(t("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.again_button = QPushButton(t("Verify again"))
        self.again_button.clicked.connect(self.start)
        self.close_button = QPushButton(t("Close"))
        self.close_button.clicked.connect(self.close)
        self.progressed.connect(self._on_progress)
        self._build()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addWidget(make_heading(t("Differences"), "sectionHeading"))
        layout.addWidget(self.difference_table, 3)
        layout.addWidget(make_heading(t("Totals per currency"), "sectionHeading"))
        layout.addWidget(self.totals_view, 1)
        layout.addLayout(buttons)

    # --- running ----------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Start a run (on the pool thread); the window stays responsive meanwhile."""
        if self.running:
            return
        self.running = True
        self._stop = threading.Event()
        stop, relay = self._stop, self.progressed

        def report(done: int, total: int) -> None:  # pool thread: only a queued signal
            if not stop.is_set():
                try:
                    relay.emit(done, total)
                except RuntimeError:  # the window is gone: nothing to show it on
                    stop.set()

        self.progress.setRange(0, 0)
        self.status_label.setText(t("Comparing our payments with Stripe…"))
        set_message(self.error_label, None)
        self.difference_table.set_empty_text(t("Comparing…"))
        self._set_running(True)
        payments_ops.verify_ledger(
            OpContext.of(self),
            self.actor,
            on_progress=report,
            should_cancel=stop.is_set,
            on_success=self._on_result,
            on_failure=self._on_failed,
            owner=self,
        )

    @Slot()
    def stop(self) -> None:
        if self.running:
            self._stop.set()
            self.status_label.setText(t("Stopping after the current payment…"))
            self.stop_button.setEnabled(False)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self.running:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status_label.setText(
            t(
                "Compared {done} of {total} payment(s) with Stripe…",
                done=number_text(done),
                total=number_text(total),
            )
        )

    def _on_result(self, result: LedgerVerification) -> None:
        self.verification = result
        self._set_running(False)
        self.differences.set_rows(result.differences)
        self.difference_table.set_empty_text(t("No differences."))
        stripe = {totals.currency: totals for totals in result.stripe}
        self.totals.set_rows(
            TotalsRow(ours, stripe.get(ours.currency, CurrencyTotals(ours.currency)))
            for ours in result.ours
        )
        self.progress.setRange(0, max(result.checked, 1))
        self.progress.setValue(result.checked if result.checked else 1)
        checked = number_text(result.checked)
        if result.cancelled:
            text = t(
                "Stopped after {checked} payment(s); the tables show what was compared.",
                checked=checked,
            )
        elif result.differences:
            text = t(
                "Compared {checked} payment(s): {differences} difference(s) between our ledger "
                "and Stripe.",
                checked=checked,
                differences=number_text(len(result.differences)),
            )
        else:
            text = t(
                "Compared {checked} payment(s). {agrees}",
                checked=checked,
                agrees=localize(AGREES_TEXT),
            )
        self.status_label.setText(text)
        self.finished_verification.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label.setText(t("The comparison did not finish."))
        self.difference_table.set_empty_text(t("Nothing was compared."))
        set_message(self.error_label, inline_error_text(error))
        self.failed.emit(error)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.stop_button.setEnabled(running)
        self.again_button.setEnabled(not running)

    def done(self, result: int) -> None:
        """Closed (Close, Escape, the title bar): the run ends after its current payment."""
        self._stop.set()
        super().done(result)
