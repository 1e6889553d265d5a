"""Shared QMainWindow for the three roles: header, tabbed pages, status bar, sign out.

Pages are added with ``add_page``; later features (bookings, payments) add their own tabs.
The status bar shows who is signed in and where the data lives. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor, UserDTO
from linguaflex_desktop.ui.account_dialog import AccountDialog
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.language_menu import build_language_menu
from linguaflex_desktop.ui.names import APP_TITLE, role_name
from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


def role_title(user: UserDTO) -> str:
    return role_name(user.role)


class RoleWindow(QMainWindow):
    """Base of StudentWindow, TeacherWindow and AdminWindow."""

    sign_out_requested = Signal()
    # A language code, or None to follow the system locale (Account > Language).
    language_chosen = Signal(object)
    closed = Signal()

    def __init__(
        self,
        *,
        services: AppServices,
        user: UserDTO,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.runner = runner
        self._display_name = user.display_name
        self.account_dialog: AccountDialog | None = None
        self.setObjectName(f"{user.role.value}Window")
        self.setWindowTitle(f"{APP_TITLE} — {role_title(user)}")
        self.resize(1120, 720)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.banner = QLabel()
        self.banner.setObjectName("sandboxBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setVisible(False)
        self._build_central()
        self._build_menu()
        self._build_status_bar()
        runner.busy_changed.connect(self._on_busy_changed)
        self._on_busy_changed(runner.in_flight > 0)

    @property
    def actor(self) -> Actor:
        return self.user.actor

    def add_page(self, page: QWidget, title: str) -> int:
        """Append a tab (``title`` a ``tx`` or already translated); returns its index."""
        return self.tabs.addTab(page, localize(title))

    def set_banner(self, text: str | None) -> None:
        """Show a banner above the pages (e.g. 'Payments are sandboxed'); None hides it."""
        self.banner.setText(localize(text) if text else "")
        self.banner.setVisible(bool(text))

    def set_display_name(self, name: str) -> None:
        """Update the header and status bar after the user renamed themself."""
        self._display_name = name
        self.user_label.setText(name)
        self.status_label.setText(self.status_text())

    def prepare_for_screenshot(self) -> None:
        """Put the window in a representative state for ``--screenshot`` (default: as is)."""

    def status_text(self) -> str:
        location = self.services.settings.describe_database()
        return t(
            "Signed in as {name} ({role}) · data: {location}",
            name=self._display_name,
            role=role_title(self.user).lower(),
            location=location,
        )

    # --- construction ---------------------------------------------------------------------

    def _build_central(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        layout.addWidget(self.banner)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 12, 16, 8)
        body_layout.addWidget(self.tabs)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)

    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("appHeader")
        layout = QHBoxLayout(header)
        layout.setContentsMargins(16, 10, 16, 10)
        brand = QLabel(APP_TITLE)
        brand.setObjectName("brandLabel")
        role = QLabel(role_title(self.user))
        role.setObjectName("roleBadge")
        self.user_label = QLabel(self._display_name)
        self.user_label.setObjectName("headerUser")
        self.sign_out_button = QPushButton(t("Sign out"))
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.clicked.connect(self.request_sign_out)
        layout.addWidget(brand)
        layout.addWidget(role)
        layout.addStretch(1)
        layout.addWidget(self.user_label)
        layout.addSpacing(8)
        layout.addWidget(self.sign_out_button)
        return header

    def _build_menu(self) -> None:
        account_menu = self.menuBar().addMenu(t("&Account"))
        self.account_menu = account_menu
        self.profile_action = QAction(t("&Profile and password…"), self)
        self.profile_action.triggered.connect(self.open_account_dialog)
        account_menu.addAction(self.profile_action)
        self.language_menu = build_language_menu(self, self.language_chosen.emit)
        account_menu.addMenu(self.language_menu)
        self.sign_out_action = QAction(t("Sign &out"), self)
        self.sign_out_action.triggered.connect(self.request_sign_out)
        account_menu.addAction(self.sign_out_action)
        account_menu.addSeparator()
        quit_action = QAction(t("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        account_menu.addAction(quit_action)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel(self.status_text())
        self.status_label.setObjectName("statusUser")
        self.busy_indicator = QProgressBar()
        self.busy_indicator.setRange(0, 0)
        self.busy_indicator.setMaximumWidth(120)
        self.busy_indicator.setMaximumHeight(12)
        self.busy_indicator.setTextVisible(False)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.busy_indicator)

    # --- slots ----------------------------------------------------------------------------

    @Slot()
    def open_account_dialog(self) -> AccountDialog:
        """Account > Profile and password…: name, time zone, e-mail, password."""
        dialog = AccountDialog(
            services=self.services, runner=self.runner, user=self.user, parent=self
        )
        dialog.user_changed.connect(self._on_user_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.account_dialog = dialog
        dialog.open()
        return dialog

    def _on_user_changed(self, user: UserDTO) -> None:
        self.user = user
        self.set_display_name(user.display_name)

    @Slot()
    def request_sign_out(self) -> None:
        self.sign_out_button.setEnabled(False)
        self.sign_out_action.setEnabled(False)
        self.sign_out_requested.emit()

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.busy_indicator.setVisible(busy)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
