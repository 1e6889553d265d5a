"""Shared QMainWindow for the three roles: header, tabbed pages, status bar, sign out.

Pages are added with ``add_page``, or with ``add_page_later`` when the page can wait until its
tab is first shown (or the page is first asked for): a window opens on one tab, so building and
loading every other tab at sign-in would only delay the one the user looks at. A tab whose
title shows a count its page keeps (the admin's Jobs and Needs attention) is added with
``add_page_soon``: its page is built right after the window's first paint, one page per
event-loop turn, so the count appears without making opening the window one long block. The
Inbox's count comes without its page (``inbox_page.install_inbox``). Later features (bookings,
payments) add their own tabs. The status bar shows who is signed in and where the
data lives. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar, overload

from PySide6.QtCore import Qt, QTimer, Signal, Slot
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
from linguaflex_desktop.ui.after_paint import AfterFirstPaint, LoadsAfterPaint
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.language_menu import build_language_menu
from linguaflex_desktop.ui.names import APP_TITLE, role_name
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


P = TypeVar("P", bound=QWidget)


def role_title(user: UserDTO) -> str:
    return role_name(user.role)


class PageArgs(TypedDict):
    """What every page of a role window is built with (``RoleWindow.page_args``)."""

    services: AppServices
    actor: Actor
    runner: TaskRunner


class LazyPage(Generic[P]):
    """A tab whose page is built the first time the tab is shown or ``get`` is called. Until
    then an empty placeholder holds the tab's place; once built, the page takes it (same
    index, same title), so ``tabs.indexOf(page)`` and ``tabs.setCurrentWidget(page)`` work as
    for any other tab. ``when_built`` callbacks wire the page to the rest of the window."""

    def __init__(self, window: RoleWindow, build: Callable[[], P]) -> None:
        self._window = window
        self._build = build
        self._page: P | None = None
        self._loads_after_paint: LoadsAfterPaint[P] | None = None
        self._when_built: list[Callable[[P], None]] = []
        self.placeholder = QWidget()
        self.placeholder.setObjectName("pageNotYetBuilt")

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def tab_widget(self) -> QWidget:
        """What the tab holds now: the page once built, else its placeholder."""
        return self._page if self._page is not None else self.placeholder

    def get(self) -> P:
        """The page, built now if it was not yet: with its first loads started, or, when
        it is about to be painted (the tab being shown), started once it has painted."""
        if self._page is None:
            window = self._window
            if window.isVisible() and window.tabs.currentWidget() is self.placeholder:
                self._loads_after_paint = LoadsAfterPaint(window.runner, self._build)
                page = self._loads_after_paint.widget
            else:
                page = self._build()
            self._page = page
            self._window._put_in_place(self.placeholder, page)
            for callback in self._when_built:
                callback(page)
            self._when_built.clear()
        return self._page

    def when_built(self, callback: Callable[[P], None]) -> None:
        """Call ``callback(page)`` once the page is built (at once if it is)."""
        if self._page is not None:
            callback(self._page)
        else:
            self._when_built.append(callback)


class PageOf(Generic[P]):
    """A class attribute for a page added with ``add_page_later``: ``audit =
    PageOf[AdminAuditPage]("_audit")`` reads the ``LazyPage`` kept in ``self._audit`` and
    gives its page, built on first access."""

    def __init__(self, lazy_attribute: str) -> None:
        self._lazy_attribute = lazy_attribute

    @overload
    def __get__(self, window: None, owner: type[Any]) -> PageOf[P]: ...
    @overload
    def __get__(self, window: RoleWindow, owner: type[Any]) -> P: ...
    def __get__(self, window: RoleWindow | None, owner: type[Any]) -> PageOf[P] | P:
        if window is None:
            return self
        lazy: LazyPage[P] = getattr(window, self._lazy_attribute)
        return lazy.get()


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
        self._lazy_pages: dict[QWidget, LazyPage[QWidget]] = {}
        self._built_soon: list[LazyPage[Any]] = []
        self._after_first_paint: AfterFirstPaint | None = None
        self.tabs.currentChanged.connect(self._build_shown_page)
        self.banner = QLabel()
        themed(self.banner, "sandboxBanner")
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

    @property
    def page_args(self) -> PageArgs:
        return PageArgs(services=self.services, actor=self.actor, runner=self.runner)

    def add_page(self, page: QWidget, title: str) -> int:
        """Append a tab (``title`` a ``tx`` or already translated); returns its index."""
        return self.tabs.addTab(page, localize(title))

    def add_page_later(self, build: Callable[[], P], title: str) -> LazyPage[P]:
        """Append a tab whose page ``build()`` makes when the tab is first shown or the page
        first asked for (``LazyPage.get``); a first tab is built at once."""
        lazy = LazyPage(self, build)
        self._lazy_pages[lazy.placeholder] = lazy  # type: ignore[assignment]
        blocked = self.tabs.blockSignals(True)  # a first tab is built below, not inside addTab
        try:
            self.tabs.addTab(lazy.placeholder, localize(title))
        finally:
            self.tabs.blockSignals(blocked)
        if self.tabs.currentWidget() is lazy.placeholder:
            lazy.get()
        return lazy

    def add_page_soon(self, build: Callable[[], P], title: str) -> LazyPage[P]:
        """Append a tab whose page is built once the window has painted (one such page per
        event-loop turn), or before when its tab is shown or the page asked for: for a tab
        whose title shows a count its page keeps current."""
        lazy = self.add_page_later(build, title)
        if not lazy.built:
            self._built_soon.append(lazy)
            if self._after_first_paint is None:
                self._after_first_paint = AfterFirstPaint(self, self._build_next_soon)
        return lazy

    def build_soon_pages_while_hidden(self) -> None:
        """For a window built before it is shown, while the GUI thread has time to spare
        (the password check): the pages ``add_page_soon`` would build after the first paint
        are built now, one per event-loop turn, until the window is shown. Their first loads
        then start with the others instead of after them."""
        if self._built_soon:
            QTimer.singleShot(0, self, self._build_next_soon_while_hidden)

    def _build_next_soon_while_hidden(self) -> None:
        if self.isVisible() or not self._built_soon:
            return  # shown: the rest come after its first paint
        lazy = self._built_soon.pop(0)
        if not lazy.built:
            lazy.get()
        if self._built_soon:
            QTimer.singleShot(0, self, self._build_next_soon_while_hidden)

    def _build_next_soon(self) -> None:
        while self._built_soon:
            lazy = self._built_soon.pop(0)
            if not lazy.built:
                lazy.get()
                break
        if self._built_soon:
            QTimer.singleShot(0, self, self._build_next_soon)

    def page_at(self, index: int) -> QWidget | None:
        """The page of tab ``index``, built now if it was waiting to be shown."""
        widget = self.tabs.widget(index)
        lazy = self._lazy_pages.get(widget) if widget is not None else None
        return lazy.get() if lazy is not None else widget

    @Slot(int)
    def _build_shown_page(self, index: int) -> None:
        widget = self.tabs.widget(index)
        lazy = self._lazy_pages.get(widget) if widget is not None else None
        if lazy is not None:
            lazy.get()

    def _put_in_place(self, placeholder: QWidget, page: QWidget) -> None:
        """Put ``page`` where ``placeholder`` is (its title as it reads now), the page shown
        if the placeholder was: inserted first and the placeholder removed once it is no
        longer the current tab, so no other page is shown in between."""
        del self._lazy_pages[placeholder]
        index = self.tabs.indexOf(placeholder)
        shown = self.tabs.currentIndex() == index
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index, page, self.tabs.tabText(index))
            self.tabs.setTabToolTip(index, self.tabs.tabToolTip(index + 1))
            if shown:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.setParent(None)  # out of the window now, deleted at the next loop turn
        placeholder.deleteLater()

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
        themed(header, "appHeader")
        layout = QHBoxLayout(header)
        layout.setContentsMargins(16, 10, 16, 10)
        brand = QLabel(APP_TITLE)
        themed(brand, "brandLabel")
        role = QLabel(role_title(self.user))
        themed(role, "roleBadge")
        self.user_label = QLabel(self._display_name)
        themed(self.user_label, "headerUser")
        self.sign_out_button = QPushButton(t("Sign out"))
        themed(self.sign_out_button, "signOutButton")
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
        themed(self.statusBar(), "statusBar")
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
