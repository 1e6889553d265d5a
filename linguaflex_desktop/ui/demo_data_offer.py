"""First start: when the database has no accounts, offer demo data; while the demo accounts
exist, list them.

A panel for the login window. It asks on the TaskRunner whether the database is empty and
which demo accounts exist (``operations.accounts.check_empty_database``): an empty database
gets "Load demo data" (``seed_demo_data``, also on the TaskRunner); a database holding demo
accounts gets their table, at every start, until they are gone. Choosing one fills the sign-in
form. A database without demo accounts shows nothing. GUI thread only.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, number_text, t
from linguaflex_desktop.ui.names import role_name
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import accounts as accounts_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.demo.data import DemoSeedResult

log = logging.getLogger(__name__)

OFFER_TEXT = tx(
    "This database has no accounts yet. Load demo data to try LinguaFlex with sample "
    "teachers, students and gigs."
)
DEMO_ACCOUNTS_TEXT = tx("Demo accounts of this database. Choose one to sign in:")


class DemoDataOffer(QFrame):
    """Shown for an empty database (the offer) or one with demo accounts (their table);
    emits ``account_chosen(email, password)``."""

    checked = Signal(bool)  # True when the database is empty (the offer to load is shown)
    demo_loaded = Signal(object)  # DemoSeedResult
    account_chosen = Signal(str, str)
    accounts_listed = Signal()  # the accounts table is shown (the window may need more room)

    def __init__(
        self, *, services: AppServices, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        themed(self, "demoOffer")
        self.setVisible(False)
        self._accounts: tuple[tuple[str, str, Role], ...] = ()
        self.text_label = QLabel(localize(OFFER_TEXT))
        self.text_label.setWordWrap(True)
        self.load_button = QPushButton(t("Load demo data"))
        themed(self.load_button, "primaryButton")
        self.load_button.clicked.connect(self.load_demo_data)
        self.accounts_table = QTableWidget(0, 3)
        self.accounts_table.setObjectName("demoAccounts")
        self.accounts_table.setHorizontalHeaderLabels([t("Role"), t("Email"), t("Password")])
        self.accounts_table.verticalHeader().setVisible(False)
        self.accounts_table.verticalHeader().setDefaultSectionSize(24)
        self.accounts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accounts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accounts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accounts_table.setShowGrid(False)
        header = self.accounts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.accounts_table.setMaximumHeight(170)
        self.accounts_table.setVisible(False)
        self.accounts_table.itemSelectionChanged.connect(self._on_account_selected)
        row = QHBoxLayout()
        row.addWidget(self.text_label, 1)
        row.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(row)
        layout.addWidget(self.accounts_table)
        self.check()

    @Slot()
    def check(self) -> None:
        """Ask (off the GUI thread) whether the database is empty; show the offer if so."""
        accounts_ops.check_empty_database(
            OpContext.of(self),
            on_success=self._on_checked,
            on_failure=self._hide,
            owner=self,
        )

    @Slot()
    def load_demo_data(self) -> None:
        self.load_button.setEnabled(False)
        self.load_button.setText(t("Loading…"))
        accounts_ops.load_demo_data(
            OpContext.of(self),
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_checked(self, state: accounts_ops.FirstStartState) -> None:
        if state.demo_accounts:
            self.load_button.setVisible(False)
            self.text_label.setText(localize(DEMO_ACCOUNTS_TEXT))
            self._show_accounts(state.demo_accounts)
        self.setVisible(state.empty or bool(state.demo_accounts))
        self.checked.emit(state.empty)

    def _hide(self, error: BaseException) -> None:
        """The check failed: no offer (it is optional; sign-in still works), but log why."""
        log.exception("Could not check whether the database is empty", exc_info=error)
        self.setVisible(False)
        self.checked.emit(False)

    def _on_loaded(self, result: DemoSeedResult) -> None:
        self.load_button.setVisible(False)
        self.text_label.setText(
            t(
                "Demo data loaded: {teachers} teachers with {gigs} gigs, {students} students "
                "and {admins} admin. Choose an account to sign in:",
                teachers=number_text(result.teachers),
                gigs=number_text(result.gigs),
                students=number_text(result.students),
                admins=number_text(result.admins),
            )
        )
        from linguaflex_desktop.demo.data import demo_accounts  # the demo data's module is heavy

        self._show_accounts(tuple(demo_accounts()))
        self.demo_loaded.emit(result)

    def _show_accounts(self, accounts: tuple[tuple[str, str, Role], ...]) -> None:
        self._accounts = accounts
        self.accounts_table.setRowCount(len(accounts))
        for row, (email, password, role) in enumerate(accounts):
            for column, text in enumerate((role_name(role), email, password)):
                self.accounts_table.setItem(row, column, QTableWidgetItem(text))
        self.accounts_table.setVisible(True)
        self.accounts_listed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.load_button.setEnabled(True)
        self.load_button.setText(t("Load demo data"))
        self.text_label.setText(inline_error_text(error) or localize(OFFER_TEXT))

    @Slot()
    def _on_account_selected(self) -> None:
        rows = self.accounts_table.selectionModel().selectedRows()
        if rows:
            email, password, _role = self._accounts[rows[0].row()]
            self.account_chosen.emit(email, password)
