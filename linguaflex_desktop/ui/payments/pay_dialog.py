"""Pay a confirmed booking with a saved card; 3-D Secure is handed off to the browser.

The amounts shown are the booking's price snapshot from the service (never computed here);
``pay_booking`` computes the charge again on its side. Outcomes: succeeded -> "Paid";
requires_action -> the bank's page (Stripe's hosted 3-D Secure page) opens in the browser and
``wait_for_payment`` polls on the runner while the dialog shows a busy bar, "Continue
verification" (reads the attempt again and reopens the page) and "Cancel payment attempt"
(which the poller checks through ``should_cancel``: the attempt is cancelled at Stripe and the
booking can be paid again); a decline -> a plain message, "Try again" with the same or another
card. Opened with ``resume=True`` (the booking's "Continue verification") it starts from the
open attempt instead of paying. GUI thread only; every service call runs on the TaskRunner.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import PaymentDeclined, UserFacingError
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.policy import policy_text
from linguaflex_desktop.services.cards.dto import SavedCardDTO
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import format_duration
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import cards as cards_ops
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.cards_page import UrlOpener, default_open_url
from linguaflex_desktop.ui.payments.format import (
    card_choice_text,
    fee_amount_text,
    money,
    when_text,
)
from linguaflex_desktop.ui.peer_wait import PeerWaitPanel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

THREE_D_SECURE_TEXT = tx(
    "Your bank asks you to confirm this payment. Finish the check in the browser window that "
    "just opened; this window updates by itself."
)
RETRY_HINT = tx("Try again, or choose another card.")
CONTINUE_TEXT = tx("Continue verification")
CANCEL_ATTEMPT_TEXT = tx("Cancel payment attempt")
NO_CARD_TEXT = tx("You have no saved card yet. Add one under Payment methods, then pay.")
PAYING_TEXT = tx(
    "Waiting for Stripe to take the payment. You can close this window: the payment goes on, "
    "and My bookings shows how it ended."
)
LOOKING_UP_TEXT = tx(
    "Waiting for Stripe to say how your payment stands. You can close this window and "
    "continue from My bookings."
)


class PayDialog(QDialog):
    """Window-modal; open with ``open()``. ``payment_settled`` carries the final outcome."""

    # the attempt's final PaymentOutcome, or None when it ended with an error (refresh anyway)
    payment_settled = Signal(object)
    add_card_requested = Signal()

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        booking: BookingDTO,
        open_url: UrlOpener = default_open_url,
        resume: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.booking = booking
        self.open_url = open_url
        self.poll_interval = 1.0
        self.outcome: PaymentOutcome | None = None
        self._cancel = threading.Event()
        self._busy = False
        self._handoff_url: str | None = None
        self._resuming = False
        self._resume_on_load = resume
        self.setObjectName("payDialog")
        self.setWindowTitle(t("Pay for your session"))
        self.setMinimumWidth(500)
        self._build()
        self._set_state(busy=True)
        self._load_cards()

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        booking = self.booking
        title = QLabel(
            t("{gig} with {teacher}", gig=booking.gig_title, teacher=booking.teacher_name)
        )
        themed(title, "detailTitle")
        title.setWordWrap(True)
        when = QLabel(
            f"{when_text(booking.start_at, self.actor.time_zone)} "
            f"({self.actor.time_zone}) · {format_duration(booking.duration_minutes)}"
        )
        themed(when, "detailMeta")
        amounts = QFormLayout()
        amounts.setVerticalSpacing(6)
        amounts.addRow(t("Session"), _amount(booking.base_amount_minor, booking.currency))
        # the fee in words: a minimum fee says what the percentage would have been
        self.fee_label = QLabel(
            fee_amount_text(booking.base_amount_minor, booking.fee_minor, booking.currency)
        )
        self.fee_label.setWordWrap(True)
        amounts.addRow(t("Platform fee"), self.fee_label)
        self.total_label = _amount(booking.total_minor, booking.currency)
        themed(self.total_label, "detailRate")
        amounts.addRow(t("Total"), self.total_label)
        if booking.payment_due_by is not None:
            due = QLabel(when_text(booking.payment_due_by, self.actor.time_zone))
            amounts.addRow(t("Pay by"), due)
        self.card_combo = QComboBox()
        self.card_combo.setMinimumWidth(320)
        amounts.addRow(t("Card"), self.card_combo)
        # the cancellation policy, read before paying (the same words as on the booking)
        self.policy_label = QLabel(localize(policy_text()))
        themed(self.policy_label, "fieldNote")
        self.policy_label.setWordWrap(True)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setVisible(False)
        self.peer_wait = PeerWaitPanel(self)
        self.peer_wait.slow.connect(self._offer_to_leave)
        self.add_card_button = QPushButton(t("Add a card…"))
        self.add_card_button.clicked.connect(self._request_add_card)
        self.add_card_button.setVisible(False)
        self.reopen_button = QPushButton(localize(CONTINUE_TEXT))
        self.reopen_button.clicked.connect(self.continue_verification)
        self.reopen_button.setVisible(False)
        self.cancel_button = QPushButton(t("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.pay_button = QPushButton(
            t("Pay {amount}", amount=money(booking.total_minor, booking.currency))
        )
        themed(self.pay_button, "primaryButton")
        self.pay_button.setDefault(True)
        self.pay_button.clicked.connect(self.pay)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_card_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(when)
        layout.addLayout(amounts)
        layout.addWidget(self.policy_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.peer_wait)
        layout.addLayout(buttons)

    # --- cards ----------------------------------------------------------------------------

    def _load_cards(self) -> None:
        cards_ops.list_cards(
            OpContext.of(self),
            self.actor,
            on_success=self._show_cards,
            on_failure=self._failed,
            owner=self,
        )

    def _show_cards(self, cards: tuple[SavedCardDTO, ...]) -> None:
        self.card_combo.clear()
        for card in cards:
            self.card_combo.addItem(card_choice_text(card), card.id)
        if not cards:
            set_message(self.notice_label, localize(NO_CARD_TEXT))
            self.add_card_button.setVisible(True)
        self._set_state(busy=False)
        self._fit()
        if self._resume_on_load:
            self._resume_on_load = False
            self.continue_verification()

    def selected_card_id(self) -> int | None:
        data = self.card_combo.currentData()
        return int(data) if data is not None else None

    # --- paying ---------------------------------------------------------------------------

    @Slot()
    def pay(self) -> None:
        card_id = self.selected_card_id()
        if self._busy or card_id is None:
            return
        set_message(self.error_label, None)
        set_message(self.notice_label, None)
        self._set_state(busy=True)
        self.peer_wait.begin(PAYING_TEXT)
        payments_ops.pay_booking(
            OpContext.of(self),
            self.actor,
            self.booking.id,
            card_id=card_id,
            on_success=self._on_outcome,
            on_failure=self._failed,
            owner=self,
        )

    def _on_outcome(self, outcome: PaymentOutcome) -> None:
        self.peer_wait.end()
        if outcome.state == "requires_action" and outcome.handoff_url:
            self._wait_for_three_d_secure(outcome)
            return
        self._settled(outcome)

    @Slot()
    def continue_verification(self) -> None:
        """Read the open attempt again: reopen the bank's page (and follow it, if no poller
        runs yet), or show how it ended."""
        if self._resuming or self._cancel.is_set():
            return
        self._resuming = True
        self.reopen_button.setEnabled(False)
        if self._handoff_url is None:
            self._set_state(busy=True)
            set_message(self.notice_label, t("Looking up your payment…"))
            self.peer_wait.begin(LOOKING_UP_TEXT)
        payments_ops.resume_payment(
            OpContext.of(self),
            self.actor,
            self.booking.id,
            on_success=self._on_resumed,
            on_failure=self._resume_failed,
            owner=self,
        )

    def _on_resumed(self, outcome: PaymentOutcome) -> None:
        self.peer_wait.end()
        self._resuming = False
        self.reopen_button.setEnabled(True)
        waiting = self._handoff_url is not None
        if outcome.state == "requires_action" and outcome.handoff_url:
            if waiting:  # the poller runs: only the page is opened again
                self._handoff_url = outcome.handoff_url
                self._reopen()
            else:
                self._wait_for_three_d_secure(outcome)
        elif not waiting:
            self._settled(outcome)

    def _resume_failed(self, error: BaseException) -> None:
        self.peer_wait.end()
        self._resuming = False
        self.reopen_button.setEnabled(True)
        if self._handoff_url is None:
            self._failed(error)
        elif isinstance(error, UserFacingError):
            set_message(self.error_label, inline_error_text(error) or "")

    def _wait_for_three_d_secure(self, outcome: PaymentOutcome) -> None:
        self._handoff_url = outcome.handoff_url
        self._cancel.clear()
        set_message(self.notice_label, localize(THREE_D_SECURE_TEXT))
        self.progress.setVisible(True)
        self.reopen_button.setVisible(True)
        self.reopen_button.setEnabled(True)
        self.cancel_button.setText(localize(CANCEL_ATTEMPT_TEXT))
        self.cancel_button.setEnabled(True)
        opened = self._reopen()
        if not opened:
            set_message(
                self.error_label,
                t(
                    "Your browser could not be opened. Open this address: {url}",
                    url=outcome.handoff_url,
                ),
            )
        self._fit()
        self._follow(outcome.payment_id)

    def _follow(self, payment_id: int) -> None:
        payments_ops.wait_for_payment(
            OpContext.of(self),
            self.actor,
            self.booking.id,
            payment_id,
            interval=self.poll_interval,
            should_cancel=self._cancel.is_set,
            on_success=self._waited,
            on_failure=self._failed,
            owner=self,
        )

    def _waited(self, outcome: PaymentOutcome) -> None:
        """The poller answered. Still waiting for the bank (it gave up after its time-out):
        keep following, with "Continue verification" and "Cancel payment attempt" offered;
        reconciliation ends an attempt left for good, which the poller then reports."""
        if (
            outcome.state in ("requires_action", "pending")
            and self._handoff_url is not None
            and not self._cancel.is_set()
        ):
            set_message(self.notice_label, localize(outcome.message))
            self._follow(outcome.payment_id)
            return
        self._settled(outcome)

    @Slot()
    def _reopen(self) -> bool:
        url = self._handoff_url
        return url is not None and self.open_url(QUrl(url))

    def _settled(self, outcome: PaymentOutcome) -> None:
        """A final (or, after a time-out, still pending) outcome."""
        self.outcome = outcome
        self._handoff_url = None
        self.progress.setVisible(False)
        # still waiting after the poller gave up: the bank's page can be continued later
        self.reopen_button.setVisible(outcome.state == "requires_action")
        self.cancel_button.setText(t("Close"))
        set_message(self.error_label, None)
        if outcome.state == "succeeded":
            set_message(self.notice_label, localize(outcome.message) or t("Payment received."))
            self.pay_button.setVisible(False)
        elif outcome.state == "failed":
            set_message(self.notice_label, None)
            set_message(self.error_label, _with_hint(outcome.message))
            self.pay_button.setText(t("Try again"))
        else:
            set_message(self.notice_label, localize(outcome.message))
            self.pay_button.setText(t("Pay again"))
        self._set_state(busy=False)
        self.cancel_button.setEnabled(True)
        self._fit()
        self.payment_settled.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self.peer_wait.end()
        self._handoff_url = None
        self.progress.setVisible(False)
        self.reopen_button.setVisible(False)
        self.cancel_button.setText(t("Close"))
        self._set_state(busy=False)
        set_message(self.notice_label, None)
        if isinstance(error, UserFacingError):
            text = inline_error_text(error) or ""
            if isinstance(error, PaymentDeclined):
                text = _with_hint(text)
                self.pay_button.setText(t("Try again"))
            set_message(self.error_label, text)
        else:
            show_error(self, error)
        self._fit()
        self.payment_settled.emit(None)

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        """While 3-D Secure is awaited, Cancel cancels the payment first (the dialog closes
        when the poller has answered); while a call runs, it waits, unless the call is slow
        (then Close leaves it running: the booking's row shows how it ended); otherwise it
        closes."""
        if self._handoff_url is not None:
            if not self._cancel.is_set():
                self._cancel.set()
                set_message(self.notice_label, t("Cancelling the payment…"))
                self.cancel_button.setEnabled(False)
                self.reopen_button.setEnabled(False)
            return
        if self._busy and not self.peer_wait.is_slow:
            return
        super().reject()

    @Slot()
    def _offer_to_leave(self) -> None:
        """The call is slow: closing is safe (it goes on; the pages update when it lands)."""
        self.cancel_button.setText(t("Close"))
        self.cancel_button.setEnabled(True)
        self._fit()

    def _request_add_card(self) -> None:
        self.add_card_requested.emit()
        super().reject()

    def _fit(self) -> None:
        """Grow to fit messages shown after opening (word-wrapped labels need it)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _set_state(self, *, busy: bool) -> None:
        self._busy = busy
        has_card = self.card_combo.count() > 0
        paid = self.outcome is not None and self.outcome.state == "succeeded"
        self.pay_button.setEnabled(not busy and has_card and not paid)
        self.card_combo.setEnabled(not busy and has_card and not paid)
        self.cancel_button.setEnabled(not busy)


def _with_hint(message: str) -> str:
    """The failure, then what to do (unless the message already says it), in the current
    language."""
    if "another card" in message:  # the English sentence: a Text is still its English
        return localize(message)
    return t("{failure} {hint}", failure=localize(message), hint=localize(RETRY_HINT))


def _amount(amount_minor: int, currency: str) -> QLabel:
    return QLabel(money(amount_minor, currency))
