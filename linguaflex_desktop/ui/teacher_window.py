"""The teacher's window: 'My gigs' (list + editor dialog) and 'Profile' (profile editor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor, GigDTO, TeacherProfileDTO, UserDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.availability_editor import AvailabilityEditorPage
from linguaflex_desktop.ui.booking.message_count import install_message_count
from linguaflex_desktop.ui.booking.teacher_requests_page import TeacherRequestsPage
from linguaflex_desktop.ui.booking.teacher_schedule_page import TeacherSchedulePage
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.gig_editor_dialog import GigEditorDialog
from linguaflex_desktop.ui.gig_table_model import GigColumn, GigTableModel
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.inbox_page import InboxPage, install_inbox
from linguaflex_desktop.ui.main_window_base import PageOf, RoleWindow
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import catalogue as catalogue_ops
from linguaflex_desktop.ui.payments.statements_page import TeacherStatementsPage
from linguaflex_desktop.ui.reviews import ReviewsList
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_profile_editor import ProfileEditorPage
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

NO_GIGS_TEXT = tx("You have no gigs yet.\nCreate one to appear in students' search results.")


class GigManagerPage(QWidget):
    """The teacher's own gigs; New / Edit open a GigEditorDialog (double-click edits too)."""

    gigs_loaded = Signal(object)  # list[GigDTO]

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
        refresh_on(self, runner, ("gig", "profile"), lambda _change: self.refresh())
        self.editor: GigEditorDialog | None = None
        self.default_language = ""
        self.model = GigTableModel(
            (
                GigColumn.TITLE,
                GigColumn.LANGUAGE,
                GigColumn.LEVEL,
                GigColumn.RATE,
                GigColumn.LENGTHS,
                GigColumn.STATUS,
            ),
            self,
        )
        self.view = make_table_view(self.model)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.table = EmptyStateStack(self.view, t("Loading your gigs…"))
        self.new_button = QPushButton(t("New gig…"))
        themed(self.new_button, "primaryButton")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(t("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.error_label = make_message_label()
        toolbar = QHBoxLayout()
        toolbar.addWidget(make_heading(t("My gigs")))
        toolbar.addStretch(1)
        toolbar.addWidget(self.refresh_button)
        toolbar.addWidget(self.edit_button)
        toolbar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.refresh()

    def selected_gig(self) -> GigDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.gig_at(rows[0].row()) if rows else None

    @Slot()
    def refresh(self) -> None:
        catalogue_ops.list_my_gigs(
            OpContext.of(self),
            self.actor,
            on_success=self._on_gigs,
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def open_editor(self, gig: GigDTO | None) -> GigEditorDialog:
        """Open the editor window-modally (non-blocking); the list updates when it saves."""
        self.editor = GigEditorDialog(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            gig=gig,
            default_language=self.default_language,
            parent=self,
        )
        self.editor.gig_saved.connect(self._on_gig_saved)
        self.editor.finished.connect(self.editor.deleteLater)
        self.editor.open()
        return self.editor

    @Slot()
    def edit_selected(self) -> None:
        gig = self.selected_gig()
        if gig is not None:
            self.open_editor(gig)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.open_editor(self.model.gig_at(index.row()))

    def _on_gigs(self, gigs: list[GigDTO]) -> None:
        set_message(self.error_label, None)
        self.model.set_gigs(gigs)
        self.table.set_empty_text(NO_GIGS_TEXT)
        self.gigs_loaded.emit(gigs)

    def _on_gig_saved(self, gig: GigDTO) -> None:
        row = self.model.replace_gig(gig)
        self.view.selectRow(row)

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        self.edit_button.setEnabled(self.selected_gig() is not None)


class TeacherWindow(RoleWindow):
    """Tabs: 'Requests', 'Schedule', 'Availability', 'My gigs', 'Profile' and 'Reviews'."""

    # The tabs built when first shown (or asked for here).
    schedule = PageOf[TeacherSchedulePage]("schedule_tab")
    availability = PageOf[AvailabilityEditorPage]("_availability")
    gig_manager = PageOf[GigManagerPage]("_gig_manager")
    inbox = PageOf[InboxPage]("_inbox")  # built when its tab is first shown
    statements = PageOf[TeacherStatementsPage]("_statements")
    reviews = PageOf[ReviewsList]("_reviews")

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
        self._default_language = ""
        self.profile_editor = ProfileEditorPage(**page_args)
        self.profile_editor.profile_loaded.connect(self._on_profile)
        self.profile_editor.profile_saved.connect(self._on_profile)
        self.requests = TeacherRequestsPage(**page_args)
        self.requests.queue_changed.connect(self._on_queue_changed)
        self.add_page(self.requests, t("Requests"))
        self.schedule_tab = self.add_page_later(
            lambda: TeacherSchedulePage(**page_args), t("Schedule")
        )
        self._availability = self.add_page_later(
            lambda: AvailabilityEditorPage(**page_args), t("Availability")
        )
        self._gig_manager = self.add_page_later(self._build_gig_manager, t("My gigs"))
        self.add_page(self.profile_editor, t("Profile"))
        self._statements = self.add_page_later(
            lambda: TeacherStatementsPage(**page_args), t("Statements")
        )
        self._reviews = self.add_page_later(
            lambda: ReviewsList(**page_args, teacher_id=self.actor.id), t("Reviews")
        )
        inbox = install_inbox(self)
        self._inbox = inbox.page
        self.unread_notices = inbox.notices
        self.message_count = install_message_count(self, inbox.notices)

    def _build_gig_manager(self) -> GigManagerPage:
        page = GigManagerPage(**self.page_args)
        page.default_language = self._default_language
        return page

    def _on_queue_changed(self, waiting: int) -> None:
        index = self.tabs.indexOf(self.requests)
        text = t("Requests ({count})", count=waiting) if waiting else t("Requests")
        self.tabs.setTabText(index, text)

    def _on_profile(self, profile: TeacherProfileDTO) -> None:
        self.set_display_name(profile.display_name)
        self._default_language = profile.languages[0] if profile.languages else ""
        if self._gig_manager.built:
            self.gig_manager.default_language = self._default_language
