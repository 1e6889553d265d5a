"""The admin's "Audit" tab (DESIGN.md section 2): the audit trail newest first, filtered by
kind of record (and its number), action prefix and dates (whole days in the admin's zone),
lazily paged as the table scrolls; the selected event's fields before and after below, in
words (audit_detail.py). "Export CSV…" writes every event matching the filters.

GUI thread only; queries run on the TaskRunner through ``ReportService.list_audit_events``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.booking.availability import local_midnight_utc
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.reports.audit_text import ENTITY_TEXT
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.ui.admin.audit_detail import AuditDetail
from linguaflex_desktop.ui.admin.audit_table_model import AuditTableModel
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.booking.format import zone
from linguaflex_desktop.ui.csv_columns import audit_csv_columns
from linguaflex_desktop.ui.data_changed import ChangeKind, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.export import CsvExport, export_paged_csv
from linguaflex_desktop.ui.i18n import localize, number_text, t
from linguaflex_desktop.ui.paged_table_model import show_first_pages_from_top
from linguaflex_desktop.ui.task_runner import TaskRunner
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

TEXT_DEBOUNCE_MS = 350


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setEnabled(False)
    return edit


def loaded_text(shown: int, total: int) -> str:
    if total == 0:
        return t("No events")
    if shown >= total:
        return t("1 event") if total == 1 else t("{n} events", n=number_text(total))
    return t(
        "{shown} of {total} events loaded (scroll for more)",
        shown=number_text(shown),
        total=number_text(total),
    )


# The changes that write audit entries (reading a message does not).
AUDITED: tuple[ChangeKind, ...] = (
    "availability",
    "booking",
    "card",
    "gig",
    "job",
    "payment",
    "profile",
    "settings",
    "user",
)


class AdminAuditPage(QWidget):
    """Every audit event of the platform, newest first, with filters and a detail panel."""

    events_loaded = Signal(object)  # Page[AuditEventDTO]

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.reports, self.actor, self.runner = (
            services,
            services.reports,
            actor,
            runner,
        )
        self.model = AuditTableModel(runner=runner, zone_name=actor.time_zone, parent=self)
        # Every change is audited; a hidden tab refreshes when shown.
        refresh_on(self, runner, AUDITED, lambda _change: self.reload(), defer_while_hidden=True)
        self.view = make_table_view(self.model)
        show_first_pages_from_top(self.view, self.model)
        self.view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setStretchLastSection(True)
        self.table = EmptyStateStack(self.view, t("Loading the audit trail…"))
        self.detail = AuditDetail(actor.time_zone)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.export: CsvExport[AuditEventDTO] | None = None
        self._total = 0
        self.summary_label = QLabel()
        themed(self.summary_label, "pagerSummary")
        self._make_filters(services)
        self._build()
        self._connect()
        self.reload()

    def _make_filters(self, services: AppServices) -> None:
        self.entity_combo = QComboBox()
        self.entity_combo.addItem(t("Any record"), None)
        for entity_type, text in ENTITY_TEXT.items():
            self.entity_combo.addItem(localize(text), entity_type)
        self.entity_id_edit = QLineEdit()
        self.entity_id_edit.setPlaceholderText(t("Number"))
        self.entity_id_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.entity_id_edit.setMaximumWidth(90)
        self.entity_id_edit.setEnabled(False)
        self.action_edit = QLineEdit()
        self.action_edit.setPlaceholderText(t("Action starts with… (e.g. refund.)"))
        self.action_edit.setClearButtonEnabled(True)
        self.action_edit.setMinimumWidth(220)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DEBOUNCE_MS)
        today = today_in(services, self.actor.time_zone)
        self.from_check = QCheckBox(t("From"))
        self.from_edit = _date_edit(today - timedelta(days=30))
        self.to_check = QCheckBox(t("to"))
        self.to_edit = _date_edit(today)
        self.clear_button = QPushButton(t("Clear filters"))
        self.refresh_button = QPushButton(t("Refresh"))
        self.export_button = QPushButton(t("Export CSV…"))
        self.export_button.setToolTip(t("Every event matching the filters, to a CSV file"))

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Audit trail")))
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        widgets: tuple[QWidget, ...] = (self.entity_combo, self.entity_id_edit, self.action_edit)
        dates: tuple[QWidget, ...] = (self.from_check, self.from_edit, self.to_check, self.to_edit)
        for widget in widgets:
            filters.addWidget(widget)
        filters.addSpacing(12)
        for widget in dates:
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)

    def _connect(self) -> None:
        self.entity_combo.currentIndexChanged.connect(self._on_entity_changed)
        self.entity_id_edit.editingFinished.connect(self.reload)
        self.action_edit.textEdited.connect(lambda _text: self._text_timer.start())
        self.action_edit.returnPressed.connect(self.reload)
        self._text_timer.timeout.connect(self.reload)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.reload())
            edit.dateChanged.connect(self._on_date_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.export_button.clicked.connect(self.export_csv)
        self.model.page_loaded.connect(self._on_page)
        self.model.load_failed.connect(self._on_failed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # --- filters --------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The keyword filters of ``list_audit_events`` the widgets describe."""
        entity_type = self.entity_combo.currentData()
        number = self.entity_id_edit.text().strip()
        return {
            "entity_type": entity_type,
            "entity_id": int(number) if entity_type and number.isdigit() else None,
            "action_prefix": self.action_edit.text().strip() or None,
            "from_at": self._day_start(self.from_edit) if self.from_check.isChecked() else None,
            "to_at": self._day_start(self.to_edit, 1) if self.to_check.isChecked() else None,
        }

    def _day_start(self, edit: QDateEdit, plus_days: int = 0) -> datetime:
        value = edit.date()
        day = date(value.year(), value.month(), value.day()) + timedelta(days=plus_days)
        return local_midnight_utc(day, zone(self.actor.time_zone))

    @Slot()
    def reload(self) -> None:
        """Run the query of the current filters from its first page."""
        self._text_timer.stop()
        set_message(self.error_label, None)
        reports, actor, filters = self.reports, self.actor, self.filters()
        self.model.set_query(
            lambda offset, limit: reports.list_audit_events(
                actor, **filters, offset=offset, limit=limit
            )
        )

    @Slot()
    def clear_filters(self) -> None:
        widgets = (self.entity_combo, self.entity_id_edit, self.action_edit)
        checks = (self.from_check, self.to_check)
        for widget in (*widgets, *checks):
            widget.blockSignals(True)
        self.entity_combo.setCurrentIndex(0)
        self.entity_id_edit.clear()
        self.entity_id_edit.setEnabled(False)
        self.action_edit.clear()
        for check, edit in zip(checks, (self.from_edit, self.to_edit), strict=True):
            check.setChecked(False)
            edit.setEnabled(False)
        for widget in (*widgets, *checks):
            widget.blockSignals(False)
        self.reload()

    @Slot()
    def _on_date_changed(self, *_args: object) -> None:
        """A date counts only while its box is ticked."""
        if self.from_check.isChecked() or self.to_check.isChecked():
            self.reload()

    @Slot()
    def _on_entity_changed(self, *_args: object) -> None:
        chosen = self.entity_combo.currentData() is not None
        self.entity_id_edit.setEnabled(chosen)
        if not chosen:
            self.entity_id_edit.clear()
        self.reload()

    # --- results --------------------------------------------------------------------------

    def selected_event(self) -> AuditEventDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.event_at(rows[0].row()) if rows else None

    def _on_page(self, page: Page[AuditEventDTO]) -> None:
        self._total = page.total
        self.table.set_empty_text(t("No audit events match these filters."))
        self.summary_label.setText(loaded_text(self.model.rowCount(), page.total))
        self.events_loaded.emit(page)

    def _on_failed(self, error: BaseException) -> None:
        self.table.set_empty_text(t("The audit trail could not be loaded."))
        set_message(self.error_label, inline_error_text(error))

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        self.detail.show_event(self.selected_event())

    # --- export ---------------------------------------------------------------------------

    @Slot()
    def export_csv(self) -> CsvExport[AuditEventDTO] | None:
        """Every event matching the filters (not only the pages loaded) to a CSV file; the
        pages are fetched on the pool thread while the file is written."""
        reports, actor, filters = self.reports, self.actor, self.filters()
        self.export = export_paged_csv(
            self,
            self.runner,
            what=t("audit trail"),
            suggested_name=f"audit-trail-{today_in(self.services, actor.time_zone)}.csv",
            columns=audit_csv_columns(actor.time_zone),
            fetch_page=lambda offset, limit: reports.list_audit_events(
                actor, **filters, offset=offset, limit=limit
            ),
            key=lambda event: event.id,
            total=self._total,
            notice_label=self.notice_label,
            error_label=self.error_label,
        )
        return self.export
