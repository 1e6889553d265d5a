"""The admin's view of the job outbox: jobs with a state filter, the
dead letters with their last error, and "Retry" to queue a dead job again.

``install_jobs_page(window)`` adds it as the "Jobs" tab of the admin window; the tab title
shows how many dead letters wait. GUI thread only; service calls run on the TaskRunner.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.models.enums import JobState
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.job_dto import JobDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.admin.job_table_model import (
    LAST_ERROR_COLUMN,
    JobTableModel,
    kind_text,
    state_text,
)
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, number_text, t, when_text
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import admin as admin_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    Pager,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.ui.main_window_base import LazyPage, RoleWindow

PAGE_SIZE = 100
JOBS_TITLE = tx("Jobs")
FILTERS: tuple[tuple[str, JobState | None], ...] = (
    (tx("All jobs"), None),
    (tx("Dead letters"), JobState.DEAD),
    (tx("Pending"), JobState.PENDING),
    (tx("Running"), JobState.RUNNING),
    (tx("Done"), JobState.DONE),
)
EMPTY_TEXT = {
    None: tx("No background jobs yet."),
    JobState.DEAD: tx("No dead letters. Every job either ran or is still being tried."),
}
NO_JOBS_TEXT = tx("No jobs in this state.")


def dead_text(count: int) -> str:
    if count == 0:
        return t("No dead letters.")
    if count == 1:
        return t("1 dead letter waiting for a retry.")
    return t("{n} dead letters waiting for a retry.", n=number_text(count))


class JobDetail(QFrame):
    """The selected job: what it is for, its attempts, and its last error in full."""

    def __init__(self, zone_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        themed(self, "detailPanel")
        self._zone_name = zone_name
        self.title_label = QLabel(t("Select a job to see its details."))
        themed(self.title_label, "detailSection")
        self.fields = QFormLayout()
        self.fields.setVerticalSpacing(4)
        self.payload_label = QLabel()
        self.created_label = QLabel()
        self.updated_label = QLabel()
        for label in (self.payload_label, self.created_label, self.updated_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields.addRow(t("Payload"), self.payload_label)
        self.fields.addRow(t("Created"), self.created_label)
        self.fields.addRow(t("Updated"), self.updated_label)
        self.error_text = QPlainTextEdit()
        self.error_text.setObjectName("jobLastError")
        self.error_text.setReadOnly(True)
        self.error_text.setPlaceholderText(t("No error recorded."))
        self.error_text.setMaximumHeight(90)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(self.fields)
        body_layout.addWidget(QLabel(t("Last error")))
        body_layout.addWidget(self.error_text)
        self.body.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body)
        layout.addStretch(1)

    def show_job(self, job: JobDTO | None) -> None:
        self.body.setVisible(job is not None)
        if job is None:
            self.title_label.setText(t("Select a job to see its details."))
            for label in (self.payload_label, self.created_label, self.updated_label):
                label.clear()
            self.error_text.clear()
            return
        self.title_label.setText(
            t(
                "Job #{id} · {kind} · {state} · {attempts} of {max} attempts",
                id=job.id,
                kind=kind_text(job.kind),
                state=state_text(job.state),
                attempts=number_text(job.attempts),
                max=number_text(job.max_attempts),
            )
        )
        self.payload_label.setText(json.dumps(dict(job.payload), sort_keys=True, default=str))
        self.created_label.setText(self._when(job.created_at))
        self.updated_label.setText(self._when(job.updated_at))
        self.error_text.setPlainText(job.last_error or "")

    def _when(self, instant: datetime) -> str:
        return f"{when_text(instant, self._zone_name)} ({self._zone_name})"


class AdminJobsPage(QWidget):
    """Outbox jobs newest first; Retry queues the selected dead letter again."""

    jobs_loaded = Signal(object)  # Page[JobDTO]
    job_retried = Signal(object)  # JobDTO
    dead_count_changed = Signal(int)

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.job_admin = services.job_admin
        self.services, self.actor, self.runner = services, actor, runner
        self.dead_count: int | None = None
        self._load_error_shown = False
        self._request = 0
        # Bookings and payments queue jobs (emails, meetings); a retry elsewhere changes them.
        refresh_on(
            self,
            runner,
            ("job", "booking", "payment"),
            lambda _change: self.refresh(),
            defer_while_hidden=True,
        )
        self._offset = 0
        self.model = JobTableModel(actor.time_zone, self)
        self.view = make_table_view(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LAST_ERROR_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table = EmptyStateStack(self.view, t("Loading jobs…"))
        self.detail = JobDetail(actor.time_zone)
        self.pager = Pager(t("jobs"))
        self.pager.page_requested.connect(self.refresh)
        self.state_combo = QComboBox()
        for text, state in FILTERS:  # Qt keeps a str enum as a plain string: store the value
            self.state_combo.addItem(localize(text), state.value if state else None)
        self.state_combo.currentIndexChanged.connect(lambda _index: self.refresh(0))
        self.dead_label = QLabel()
        themed(self.dead_label, "fieldNote")
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.retry_button = QPushButton(t("Retry"))
        themed(self.retry_button, "primaryButton")
        self.retry_button.clicked.connect(self.retry_selected)
        self._build()
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.model.dataChanged.connect(self._on_selection_changed)
        self._on_selection_changed()
        self.refresh()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Background jobs")))
        top.addSpacing(10)
        top.addWidget(self.dead_label)
        top.addStretch(1)
        top.addWidget(QLabel(t("Show")))
        top.addWidget(self.state_combo)
        top.addWidget(self.refresh_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 220])
        bottom = QHBoxLayout()
        bottom.addWidget(self.pager, 1)
        bottom.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def state_filter(self) -> JobState | None:
        value = self.state_combo.currentData()
        return JobState(value) if value else None

    def show_state(self, state: JobState | None) -> None:
        """Pick the filter (as the user would with the combo box)."""
        self.state_combo.setCurrentIndex(self.state_combo.findData(state.value if state else None))

    def selected_job(self) -> JobDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.job_at(rows[0].row()) if rows else None

    def select_job(self, job_id: int) -> bool:
        row = self.model.row_of(job_id)
        if row is not None:
            self.view.selectRow(row)
        return row is not None

    # --- loading --------------------------------------------------------------------------

    @Slot()
    def refresh(self, offset: int | None = None) -> None:
        """Load a page (the current one by default) with the filter, and the dead count."""
        if offset is not None:
            self._offset = offset
        self._request += 1
        request, wanted, state = self._request, self._offset, self.state_filter()
        admin_ops.list_jobs(
            OpContext.of(self),
            self.actor,
            state=state,
            offset=wanted,
            limit=PAGE_SIZE,
            on_success=lambda result: self._on_loaded(request, *result),
            on_failure=lambda error: self._on_load_failed(request, error),
            owner=self,
        )

    def _on_loaded(self, request: int, page: Page[JobDTO], dead: int) -> None:
        if request != self._request:
            return
        if self._load_error_shown:  # a retry's refusal stays until the next action
            set_message(self.error_label, None)
            self._load_error_shown = False
        selected = self.selected_job()
        self.model.set_jobs(page.items)
        state = self.state_filter()
        self.table.set_empty_text(localize(EMPTY_TEXT.get(state, NO_JOBS_TEXT)))
        self.pager.set_page(
            offset=page.offset, limit=page.limit, total=page.total, shown=len(page.items)
        )
        if selected is not None:
            self.select_job(selected.id)
        self._set_dead_count(dead)
        self.jobs_loaded.emit(page)

    def _on_load_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.table.set_empty_text(t("The jobs could not be loaded."))
            set_message(self.error_label, inline_error_text(error))
            self._load_error_shown = True

    def _set_dead_count(self, count: int) -> None:
        self.dead_label.setText(dead_text(count))
        if count != self.dead_count:
            self.dead_count = count
            self.dead_count_changed.emit(count)

    # --- retry ----------------------------------------------------------------------------

    @Slot()
    def retry_selected(self) -> None:
        job = self.selected_job()
        if job is None or not job.is_dead:
            return
        set_message(self.error_label, None)
        set_message(self.notice_label, None)
        self.retry_button.setEnabled(False)
        admin_ops.retry_dead_job(
            OpContext.of(self),
            self.actor,
            job.id,
            on_success=lambda result: self._on_retried(*result),
            on_failure=self._on_retry_failed,
            owner=self,
        )

    def _on_retried(self, job: JobDTO, dead: int) -> None:
        self.model.replace_job(job)
        self._set_dead_count(dead)
        set_message(
            self.notice_label,
            t(
                "Job #{id} ({kind}) is queued again with fresh attempts; the worker runs it "
                "shortly.",
                id=job.id,
                kind=kind_text(job.kind).lower(),
            ),
        )
        self.job_retried.emit(job)

    def _on_retry_failed(self, error: BaseException) -> None:
        set_message(self.error_label, inline_error_text(error))
        self.refresh()  # someone else may have retried it: show the state it is in now

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        job = self.selected_job()
        self.detail.show_job(job)
        dead = job is not None and job.is_dead
        self.retry_button.setEnabled(dead)
        self.retry_button.setToolTip(
            t("Queue this job again with fresh attempts.")
            if dead
            else t("Select a dead letter to retry it.")
        )


def install_jobs_page(window: RoleWindow) -> LazyPage[AdminJobsPage]:
    """Add the "Jobs" tab to the admin ``window``; its title counts the dead letters. The
    page is built once the window has painted (``RoleWindow.add_page_soon``)."""

    def show_counts_of(page: AdminJobsPage) -> None:
        def show_count(count: int) -> None:
            title = (
                t("Jobs ({count} dead)", count=number_text(count))
                if count
                else localize(JOBS_TITLE)
            )
            window.tabs.setTabText(window.tabs.indexOf(page), title)

        page.dead_count_changed.connect(show_count)

    lazy = window.add_page_soon(lambda: AdminJobsPage(**window.page_args), localize(JOBS_TITLE))
    lazy.when_built(show_counts_of)
    return lazy
