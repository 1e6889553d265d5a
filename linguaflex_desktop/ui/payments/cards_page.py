"""The student's saved cards: list (brand, last 4, expiry, default), add, remove, default.

Adding a card hands off to the system browser: ``start_card_setup`` (runner) gives the URL of
Stripe's hosted card page (a Checkout Session), ``open_url`` opens it (QDesktopServices by
default; injectable for tests), and a WaitDialog (progress, time elapsed, "Open the page
again") stays up while ``wait_for_card_setup`` polls on the runner. Cancel sets the dialog's
event, which the poller checks (``should_cancel``) and then expires the session at Stripe,
on its own thread. Card numbers never pass through here. GUI thread only; every service call
runs on the TaskRunner.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from linguaflex_desktop.services.cards.dto import CardSetupHandoff, CardSetupOutcome, SavedCardDTO
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import cards as cards_ops
from linguaflex_desktop.ui.payments.format import card_ending_text, card_expiry_text, date_text
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.wait_dialog import WaitDialog
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

UrlOpener = Callable[[QUrl], bool]

NO_CARDS_TEXT = tx("No saved cards yet.\nAdd a card to pay for your confirmed bookings.")
PRIVACY_NOTE = tx(
    "You type the card number in your browser, on Stripe's secure page. LinguaFlex keeps "
    "only the brand, the last 4 digits and the expiry date."
)
WAIT_MESSAGE = tx(
    "Waiting for you to finish on Stripe's page… Enter your card in the browser window "
    "that just opened. This window closes by itself when Stripe has saved the card."
)


def default_open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def card_columns() -> tuple[Column[SavedCardDTO], ...]:
    """The columns of the card list, headed in the current language."""
    return (
        Column(t("Card"), lambda c: card_ending_text(c.brand, c.last4)),
        Column(t("Expires"), card_expiry_text),
        Column(t("Default"), lambda c: t("Default") if c.is_default else ""),
        Column(t("Added"), lambda c: date_text(c.created_at.date())),
    )


class CardsPage(QWidget):
    """'Payment methods': the signed-in student's saved cards."""

    cards_loaded = Signal(object)  # tuple[SavedCardDTO, ...]
    setup_finished = Signal(object)  # CardSetupOutcome

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        open_url: UrlOpener = default_open_url,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.open_url = open_url
        self.poll_interval = 1.0  # seconds between polls at first (the service backs off)
        self.wait_dialog: WaitDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._loaded_once = False
        refresh_on(self, runner, ("card",), self._on_data_changed)
        self._changing = False  # a default / remove is running: both buttons stay off
        self.model: RowTableModel[SavedCardDTO] = RowTableModel(
            card_columns(), key=lambda card: card.id, parent=self
        )
        self.view = make_table_view(self.model)
        self.table = EmptyStateStack(self.view, t("Loading your cards…"))
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.add_button = QPushButton(t("Add card…"))
        themed(self.add_button, "primaryButton")
        self.add_button.clicked.connect(self.add_card)
        self.default_button = QPushButton(t("Make default"))
        self.default_button.clicked.connect(self.make_selected_default)
        self.remove_button = QPushButton(t("Remove…"))
        themed(self.remove_button, "dangerButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self._build()
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Payment methods")))
        top.addStretch(1)
        top.addWidget(self.add_button)
        note = QLabel(localize(PRIVACY_NOTE))
        themed(note, "fieldNote")
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _on_data_changed(self, _change: Change) -> None:
        if self._loaded_once:  # else the first show loads
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Load on first show, so that signing in does not start the payment side."""
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    # --- the list -------------------------------------------------------------------------

    def selected_card(self) -> SavedCardDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def reload(self) -> None:
        cards_ops.list_cards(
            OpContext.of(self),
            self.actor,
            on_success=self._show_cards,
            on_failure=self._show_failure,
            owner=self,
        )

    def _show_cards(self, cards: tuple[SavedCardDTO, ...]) -> None:
        selected = self.selected_card()
        self.model.set_rows(cards)
        self.table.set_empty_text(localize(NO_CARDS_TEXT))
        row = self.model.row_of(selected.id) if selected else None
        if row is not None:
            self.view.selectRow(row)
        self.cards_loaded.emit(cards)

    def _show_failure(self, error: BaseException) -> None:
        self.table.set_empty_text(t("Your cards could not be loaded."))
        set_message(self.error_label, inline_error_text(error))

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        card = None if self._changing else self.selected_card()
        self.remove_button.setEnabled(card is not None)
        self.default_button.setEnabled(card is not None and not card.is_default)

    # --- default and remove ---------------------------------------------------------------

    @Slot()
    def make_selected_default(self) -> None:
        card = self.selected_card()
        if card is None or card.is_default or self._changing:
            return
        self._run_change(
            partial(cards_ops.set_default_card, OpContext.of(self), self.actor, card.id),
            t("{card} is now your default card.", card=card_ending_text(card.brand, card.last4)),
        )

    @Slot()
    def remove_selected(self) -> QMessageBox | None:
        """Ask first (non-blocking box, kept in ``confirm_box``), then remove."""
        card = self.selected_card()
        if card is None or self._changing:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            t("Remove card"),
            t(
                "Remove {card}? You can add it again later.",
                card=card_ending_text(card.brand, card.last4),
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton(t("Remove card"), QMessageBox.ButtonRole.DestructiveRole)
        remove.clicked.connect(lambda: self._remove(card))
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()
        return box

    def _remove(self, card: SavedCardDTO) -> None:
        self._run_change(
            partial(cards_ops.remove_card, OpContext.of(self), self.actor, card.id),
            t("{card} was removed.", card=card_ending_text(card.brand, card.last4)),
        )

    def _run_change(self, start: Callable[..., None], done_text: str) -> None:
        set_message(self.error_label, None)
        set_message(self.notice_label, None)
        self._set_changing(True)  # a second click would send it again

        def done(cards: tuple[SavedCardDTO, ...]) -> None:
            self._set_changing(False)
            set_message(self.notice_label, done_text)
            self._show_cards(cards)

        start(on_success=done, on_failure=self._show_change_failed, owner=self)

    def _set_changing(self, changing: bool) -> None:
        self._changing = changing
        self._update_buttons()

    def _show_change_failed(self, error: BaseException) -> None:
        self._set_changing(False)
        set_message(self.error_label, inline_error_text(error))

    # --- adding a card --------------------------------------------------------------------

    @Slot()
    def add_card(self) -> None:
        """Start a card setup and hand off to the browser."""
        set_message(self.error_label, None)
        set_message(self.notice_label, None)
        self.add_button.setEnabled(False)
        cards_ops.start_card_setup(
            OpContext.of(self),
            self.actor,
            on_success=self._hand_off,
            on_failure=self._setup_failed,
            owner=self,
        )

    def _hand_off(self, handoff: CardSetupHandoff) -> None:
        dialog = WaitDialog(title=t("Add a card"), message=localize(WAIT_MESSAGE), parent=self)
        dialog.reopen_requested.connect(lambda: self.open_url(QUrl(handoff.url)))
        self.wait_dialog = dialog
        dialog.open()
        dialog.show_address(handoff.url, opened=self.open_url(QUrl(handoff.url)))
        cards_ops.wait_for_card_setup(
            OpContext.of(self),
            self.actor,
            handoff.checkout_session_id,
            interval=self.poll_interval,
            should_cancel=dialog.should_cancel,
            on_success=self._setup_done,
            on_failure=self._setup_failed,
            owner=self,
        )

    def _setup_done(self, outcome: CardSetupOutcome) -> None:
        self._close_wait_dialog()
        if outcome.state in ("succeeded", "canceled", "waiting"):
            set_message(self.notice_label, localize(outcome.message))
        else:
            set_message(self.error_label, localize(outcome.message))
        self.reload()
        self.setup_finished.emit(outcome)

    def _setup_failed(self, error: BaseException) -> None:
        self._close_wait_dialog()
        set_message(self.error_label, inline_error_text(error))

    def _close_wait_dialog(self) -> None:
        self.add_button.setEnabled(True)
        if self.wait_dialog is not None:
            self.wait_dialog.finish()
            self.wait_dialog.deleteLater()
            self.wait_dialog = None
