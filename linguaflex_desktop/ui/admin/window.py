"""The admin's window: 'Users' (filter, suspend / reactivate) and 'Gigs' (suspend / reactivate).

Each change asks for a reason, runs through the TaskRunner, and updates the row in place.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.services.common.dto import Actor, GigDTO, Page, UserDTO
from linguaflex_desktop.texts import Text, tx
from linguaflex_desktop.ui.admin.attention_page import AdminAttentionPage, install_attention_page
from linguaflex_desktop.ui.admin.audit_page import AdminAuditPage
from linguaflex_desktop.ui.admin.bookings_page import AdminBookingsPage
from linguaflex_desktop.ui.admin.jobs_page import AdminJobsPage, install_jobs_page
from linguaflex_desktop.ui.admin.revenue_page import AdminRevenuePage
from linguaflex_desktop.ui.admin.settings_dialog import SettingsDialog
from linguaflex_desktop.ui.admin.statements_page import AdminStatementsPage
from linguaflex_desktop.ui.admin.temporary_password import install_temporary_password_button
from linguaflex_desktop.ui.admin.user_table_model import UserTableModel, is_suspended
from linguaflex_desktop.ui.booking.reason_dialog import ReasonDialog
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.gig_table_model import GigColumn, GigTableModel
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.inbox_page import InboxPage, install_inbox
from linguaflex_desktop.ui.main_window_base import PageOf, RoleWindow
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import accounts as accounts_ops
from linguaflex_desktop.ui.operations import catalogue as catalogue_ops
from linguaflex_desktop.ui.reviews import ReviewsList
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


class _AdminListPage(QWidget):
    """Shared parts: error label, Suspend / Reactivate buttons, reason prompt, pager."""

    def __init__(self, *, services: AppServices, actor: Actor, runner: TaskRunner) -> None:
        super().__init__()
        self.services, self.actor, self.runner = services, actor, runner
        self.reason_dialog: ReasonDialog | None = None
        self.error_label = make_message_label()
        self.suspend_button = QPushButton(t("Suspend…"))
        themed(self.suspend_button, "dangerButton")
        self.reactivate_button = QPushButton(t("Reactivate"))
        self.refresh_button = QPushButton(t("Refresh"))
        self.pager = Pager(localize(self.noun))
        self._offset = 0
        self._changing = False  # a suspend / reactivate runs: both buttons stay off

    noun: Text = tx("items")

    def _ask_reason(self, title: str, prompt: str, then: Callable[[str], None]) -> ReasonDialog:
        self.reason_dialog = ReasonDialog(
            title=title, prompt=prompt, confirm_text=t("Suspend"), parent=self
        )
        self.reason_dialog.reason_given.connect(then)
        self.reason_dialog.finished.connect(self.reason_dialog.deleteLater)
        self.reason_dialog.open()
        return self.reason_dialog

    def _run_change(self, start: Callable[..., None], on_success: Callable[[Any], None]) -> None:
        """Run a suspend / reactivate with Suspend and Reactivate off until it answers (a
        second click, or one on another row, would otherwise start a second change)."""
        set_message(self.error_label, None)
        self._changing = True
        self._update_buttons()

        def succeeded(result: Any) -> None:
            self._changing = False
            on_success(result)
            self._update_buttons()

        def failed(error: BaseException) -> None:
            self._changing = False
            set_message(self.error_label, inline_error_text(error))
            self._update_buttons()

        start(on_success=succeeded, on_failure=failed, owner=self)

    def _lay_out(self, model: QAbstractItemModel, loading_text: str, *leading: QWidget) -> None:
        """The table (``view`` in ``table``) under the button row (``leading`` filters first),
        the buttons and pager wired to the subclass's slots, which follow the selection."""
        self.view = make_table_view(model)
        self.table = EmptyStateStack(self.view, loading_text)
        self.suspend_button.clicked.connect(self.suspend_selected)
        self.reactivate_button.clicked.connect(self.reactivate_selected)
        # a lambda: clicked(bool) would otherwise pass its False as the offset
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.pager.page_requested.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.button_row = self._button_row(*leading)
        layout.addLayout(self.button_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pager)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        model.dataChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self, offset: int = 0) -> None:
        """Load the page at ``offset`` (subclasses)."""
        raise NotImplementedError

    def suspend_selected(self) -> None:
        raise NotImplementedError

    def reactivate_selected(self) -> None:
        raise NotImplementedError

    def _update_buttons(self, *_args: object) -> None:
        raise NotImplementedError

    def _button_row(self, *leading: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in leading:
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.reactivate_button)
        row.addWidget(self.suspend_button)
        return row


class UserAdminPage(_AdminListPage):
    """All users with role and text filters; suspend (with reason) and reactivate."""

    noun = tx("users")
    users_loaded = Signal(object)  # Page[UserDTO]
    user_changed = Signal(object)  # UserDTO

    def __init__(self, *, services: AppServices, actor: Actor, runner: TaskRunner) -> None:
        super().__init__(services=services, actor=actor, runner=runner)
        self.model = UserTableModel(self)
        refresh_on(self, runner, ("user",), lambda _change: self.refresh(self._offset))
        self.role_combo = QComboBox()
        self.role_combo.addItem(t("All roles"), None)
        plural = {Role.STUDENT: t("Students"), Role.TEACHER: t("Teachers"), Role.ADMIN: t("Admins")}
        for role in Role:
            self.role_combo.addItem(plural[role], role)
        self.role_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(t("Filter by name or email"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setMinimumWidth(280)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DEBOUNCE_MS)
        self._text_timer.timeout.connect(self.refresh)
        self.text_edit.textEdited.connect(lambda _text: self._text_timer.start())
        self.text_edit.returnPressed.connect(self.refresh)
        self._request = 0
        self._lay_out(self.model, t("Loading users…"), self.text_edit, self.role_combo)
        self.temporary_password_dialog: QDialog | None = None
        self.temporary_password_button = install_temporary_password_button(self)
        self.refresh()

    def selected_user(self) -> UserDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def refresh(self, offset: int = 0) -> None:
        self._text_timer.stop()
        self._request += 1
        request = self._request
        actor = self.actor
        role, text = self.role_combo.currentData(), self.text_edit.text().strip()
        accounts_ops.list_users(
            OpContext.of(self),
            actor,
            role=role,
            text=text,
            offset=offset,
            limit=PAGE_SIZE,
            on_success=lambda page: self._on_users(request, page),
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    @Slot()
    def suspend_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._ask_reason(
            t("Suspend user"),
            t(
                "Suspend {name} ({email})? They will not be able to sign in "
                "or act until reactivated.",
                name=user.display_name,
                email=user.email,
            ),
            lambda reason: self._suspend(user, reason),
        )

    @Slot()
    def reactivate_selected(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._run_change(
                partial(accounts_ops.reactivate_user, OpContext.of(self), self.actor, user.id),
                self._on_changed,
            )

    def _suspend(self, user: UserDTO, reason: str) -> None:
        self._run_change(
            partial(
                accounts_ops.suspend_user, OpContext.of(self), self.actor, user.id, reason=reason
            ),
            self._on_changed,
        )

    def _on_users(self, request: int, page: Page[UserDTO]) -> None:
        if request != self._request:
            return
        set_message(self.error_label, None)
        self.model.set_users(page.items)
        self.table.set_empty_text(t("No users match the filter."))
        self.pager.set_page(
            offset=page.offset, limit=page.limit, total=page.total, shown=len(page.items)
        )
        self.users_loaded.emit(page)

    def _on_changed(self, user: UserDTO) -> None:
        self.model.replace_user(user)
        self.user_changed.emit(user)

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        user = self.selected_user()
        selectable = user is not None and user.id != self.actor.id and not self._changing
        self.suspend_button.setEnabled(selectable and user is not None and not is_suspended(user))
        self.reactivate_button.setEnabled(selectable and user is not None and is_suspended(user))
        if user is not None and user.id == self.actor.id:
            self.suspend_button.setToolTip(t("You cannot suspend your own account."))
        else:
            self.suspend_button.setToolTip("")


class GigAdminPage(_AdminListPage):
    """Every gig on the platform; suspend (with reason) and reactivate."""

    noun = tx("gigs")
    gigs_loaded = Signal(object)  # Page[GigDTO]
    gig_changed = Signal(object)  # GigDTO

    def __init__(self, *, services: AppServices, actor: Actor, runner: TaskRunner) -> None:
        super().__init__(services=services, actor=actor, runner=runner)
        refresh_on(self, runner, ("gig", "user"), lambda _change: self.refresh(self._offset))
        self.model = GigTableModel(
            (
                GigColumn.TITLE,
                GigColumn.TEACHER,
                GigColumn.LANGUAGE,
                GigColumn.LEVEL,
                GigColumn.RATE,
                GigColumn.STATUS,
            ),
            self,
        )
        self._request = 0  # the latest refresh's number; older answers are dropped
        self._lay_out(self.model, t("Loading gigs…"))
        self.refresh()

    def selected_gig(self) -> GigDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.gig_at(rows[0].row()) if rows else None

    def refresh(self, offset: int = 0) -> None:
        """Load the page at ``offset``; when paging quickly, only the latest request shows."""
        self._request += 1
        request = self._request
        actor = self.actor
        catalogue_ops.list_all_gigs(
            OpContext.of(self),
            actor,
            offset=offset,
            limit=PAGE_SIZE,
            on_success=lambda page: self._on_gigs(request, page),
            on_failure=lambda error: self._on_gigs_failed(request, error),
            owner=self,
        )

    @Slot()
    def suspend_selected(self) -> None:
        gig = self.selected_gig()
        if gig is None:
            return
        ctx, actor = OpContext.of(self), self.actor
        self._ask_reason(
            t("Suspend gig"),
            t(
                "Suspend “{title}” by {teacher}? It disappears from search.",
                title=gig.title,
                teacher=gig.teacher_name,
            ),
            lambda reason: self._run_change(
                partial(catalogue_ops.suspend_gig, ctx, actor, gig.id, reason=reason),
                self._on_changed,
            ),
        )

    @Slot()
    def reactivate_selected(self) -> None:
        gig = self.selected_gig()
        if gig is not None:
            self._run_change(
                partial(catalogue_ops.reactivate_gig, OpContext.of(self), self.actor, gig.id),
                self._on_changed,
            )

    def _on_gigs(self, request: int, page: Page[GigDTO]) -> None:
        if request != self._request:
            return
        set_message(self.error_label, None)
        self.model.set_gigs(page.items)
        self.table.set_empty_text(t("No gigs on the platform yet."))
        self.pager.set_page(
            offset=page.offset, limit=page.limit, total=page.total, shown=len(page.items)
        )
        self.gigs_loaded.emit(page)

    def _on_gigs_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            set_message(self.error_label, inline_error_text(error))

    def _on_changed(self, gig: GigDTO) -> None:
        self.model.replace_gig(gig)
        self.gig_changed.emit(gig)

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        gig = None if self._changing else self.selected_gig()
        self.suspend_button.setEnabled(gig is not None and not gig.is_suspended)
        self.reactivate_button.setEnabled(gig is not None and gig.is_suspended)


class AdminWindow(RoleWindow):
    """Tabs: 'Users', 'Gigs', 'Bookings', 'Jobs', 'Inbox', the reports 'Audit' and
    'Revenue', and 'Reviews' (to hide an abusive one); ``install_payment_ui`` adds
    'Payments' (with refunds). Admin > Settings…"""

    # The tabs built when first shown (or asked for here).
    gig_admin = PageOf[GigAdminPage]("_gig_admin")
    booking_admin = PageOf[AdminBookingsPage]("_booking_admin")
    audit = PageOf[AdminAuditPage]("_audit")
    revenue = PageOf[AdminRevenuePage]("_revenue")
    statements = PageOf[AdminStatementsPage]("_statements")
    reviews = PageOf[ReviewsList]("_reviews")
    jobs = PageOf[AdminJobsPage]("_jobs")  # built once the window has painted
    attention = PageOf[AdminAttentionPage]("_attention")
    inbox = PageOf[InboxPage]("_inbox")

    def __init__(
        self,
        *,
        services: AppServices,
        user: UserDTO,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services=services, user=user, runner=runner, parent=parent)
        page_args = self.page_args
        self.user_admin = UserAdminPage(**page_args)
        self.add_page(self.user_admin, t("Users"))
        self._gig_admin = self.add_page_later(lambda: GigAdminPage(**page_args), t("Gigs"))
        self._booking_admin = self.add_page_later(
            lambda: AdminBookingsPage(**page_args), t("Bookings")
        )
        self._jobs = install_jobs_page(self)
        self._attention = install_attention_page(self)
        inbox = install_inbox(self)
        self._inbox = inbox.page
        self.unread_notices = inbox.notices
        self._audit = self.add_page_later(lambda: AdminAuditPage(**page_args), t("Audit"))
        self._revenue = self.add_page_later(lambda: AdminRevenuePage(**page_args), t("Revenue"))
        self._statements = self.add_page_later(
            lambda: AdminStatementsPage(**page_args), t("Statements")
        )
        self._reviews = self.add_page_later(
            lambda: ReviewsList(**page_args, teacher_id=None, heading=t("Recent reviews")),
            t("Reviews"),
        )
        self.settings_dialog: SettingsDialog | None = None
        self.settings_action = QAction(t("&Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.menuBar().addMenu(t("&Admin")).addAction(self.settings_action)

    @Slot()
    def open_settings(self) -> None:
        """Open the Settings dialog (Payments / Meetings / Email), window-modal."""
        dialog = SettingsDialog(
            services=self.services, actor=self.actor, runner=self.runner, parent=self
        )
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
