"""The admin's "Needs attention" tab: what is wrong across all bookings, each row with its
rule and its fix.

The table lists every rule's rows (rule, booking, what is wrong, since when); the panel under
it says what the selected row's fix does, and "Fix" runs it in the background (disabled while
it runs), shows its result or a plain error inline, then reloads, so a fixed row is gone;
"Timeline…" opens the health timeline of the row's booking. The
page reloads when bookings, payments or jobs change anywhere in the app (``refresh_on``), and
``install_attention_page`` keeps the tab title's count current. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.reports.attention.dto import (
    AttentionList,
    AttentionRow,
    FixOutcome,
    RuleId,
)
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.admin.booking_timeline import (
    BookingTimelineDialog,
    open_booking_timeline,
)
from linguaflex_desktop.ui.booking.format import PAYMENT_TEXT, STATUS_TEXT
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, number_text, t, when_text
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import attention as attention_ops
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
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
    from linguaflex_desktop.ui.main_window_base import LazyPage, RoleWindow

ATTENTION_TITLE = tx("Needs attention")
EMPTY_TEXT = tx("Nothing needs attention: every booking, payment and job is where it should be.")
PICK_TEXT = tx("Select a row to see its fix.")


def title_for(count: int | None) -> str:
    if count is None:
        return localize(ATTENTION_TITLE)
    return t("Needs attention ({count})", count=number_text(count))


def booking_text(row: AttentionRow) -> str:
    """'#12 · Sam with Tina', or '—' for a job tied to no booking."""
    if row.booking_id is None:
        return "—"
    return t(
        "#{booking} · {student} with {teacher}",
        booking=row.booking_id,
        student=row.student_name,
        teacher=row.teacher_name,
    )


def state_text(row: AttentionRow) -> str:
    if row.status is None or row.payment_status is None:
        return "—"
    return f"{localize(STATUS_TEXT[row.status])} · {localize(PAYMENT_TEXT[row.payment_status])}"


def attention_columns(zone_name: str) -> tuple[Column[AttentionRow], ...]:
    def start(row: AttentionRow) -> str:
        return when_text(row.start_at, zone_name) if row.start_at is not None else "—"

    return (
        Column(
            tx("What's wrong"),
            lambda row: localize(row.problem),
            tooltip=lambda row: localize(row.problem),
        ),
        Column(tx("Rule"), lambda row: localize(row.rule.name)),
        Column(tx("Booking"), booking_text),
        Column(tx("Session"), start),
        Column(tx("Status"), state_text),
        Column(tx("Since"), lambda row: when_text(row.since, zone_name)),
    )


COLUMNS = tuple(column.header for column in attention_columns("UTC"))


class AttentionTableModel(RowTableModel[AttentionRow]):
    """The rows as the service orders them; times in ``zone_name``."""

    def __init__(self, zone_name: str, parent: Any = None) -> None:
        super().__init__(attention_columns(zone_name), key=lambda row: row.key, parent=parent)

    def set_attention(self, rows: Iterable[AttentionRow]) -> None:
        self.set_rows(rows)


class AdminAttentionPage(QWidget):
    """Needs attention (module docstring). ``count_changed`` carries the number of rows."""

    loaded = Signal(object)  # AttentionList
    fixed = Signal(object)  # FixOutcome
    count_changed = Signal(int)

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
        self.count: int | None = None
        self._request = 0
        self._fixing: tuple[RuleId, int] | None = None
        refresh_on(self, runner, ("booking", "payment", "job"), lambda _change: self.refresh())
        self.model = AttentionTableModel(actor.time_zone, self)
        self.view = make_table_view(self.model)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table = EmptyStateStack(self.view, t("Loading…"))
        self.summary_label = QLabel()
        themed(self.summary_label, "fieldNote")
        self.fix_text = QLabel(localize(PICK_TEXT))
        self.fix_text.setWordWrap(True)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.fix_button = QPushButton(t("Fix"))
        themed(self.fix_button, "primaryButton")
        self.fix_button.clicked.connect(self.fix_selected)
        self.timeline_button = QPushButton(t("Timeline…"))
        self.timeline_button.setToolTip(t("Every event of the row's booking, with Stripe's side"))
        self.timeline_button.clicked.connect(self.open_selected_timeline)
        self.timeline_dialog: BookingTimelineDialog | None = None
        self._build()
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        self._on_selection_changed()
        self.refresh()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(make_heading(localize(ATTENTION_TITLE)))
        top.addSpacing(10)
        top.addWidget(self.summary_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.fix_text, 1)
        bottom.addWidget(self.timeline_button)
        bottom.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)

    def selected_row(self) -> AttentionRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, key: tuple[RuleId, int]) -> bool:
        row = self.model.row_of(key)
        if row is not None:
            self.view.selectRow(row)
        return row is not None

    # --- loading --------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        self._request += 1
        request = self._request
        attention_ops.list_attention(
            OpContext.of(self),
            self.actor,
            on_success=lambda result: self._on_loaded(request, result),
            on_failure=lambda error: self._on_load_failed(request, error),
            owner=self,
        )

    def _on_loaded(self, request: int, result: AttentionList) -> None:
        if request != self._request:
            return
        selected = self.selected_row()
        self.model.set_attention(result.rows)
        self.table.set_empty_text(localize(EMPTY_TEXT))
        if selected is not None:
            self.select(selected.key)
        if not result.count:
            summary = ""
        elif result.truncated:
            summary = t(
                "{count} to look at (the first of each rule; more show once these are fixed).",
                count=number_text(result.count),
            )
        else:
            summary = t("{count} to look at.", count=number_text(result.count))
        self.summary_label.setText(summary)
        if result.count != self.count:
            self.count = result.count
            self.count_changed.emit(result.count)
        self.loaded.emit(result)

    def _on_load_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.table.set_empty_text(t("The list could not be loaded."))
            set_message(self.error_label, inline_error_text(error))

    # --- fixing ---------------------------------------------------------------------------

    @Slot()
    def fix_selected(self) -> None:
        row = self.selected_row()
        if row is None or self._fixing is not None:
            return
        set_message(self.error_label, None)
        set_message(self.notice_label, None)
        self._fixing = row.key
        self._on_selection_changed()
        attention_ops.fix_attention(
            OpContext.of(self),
            self.actor,
            row,
            on_success=self._on_fixed,
            on_failure=self._on_fix_failed,
            owner=self,
        )

    def _on_fixed(self, outcome: FixOutcome) -> None:
        self._fixing = None
        set_message(self.notice_label, localize(outcome.message))
        self._on_selection_changed()
        self.fixed.emit(outcome)
        self.refresh()

    def _on_fix_failed(self, error: BaseException) -> None:
        self._fixing = None
        set_message(self.error_label, inline_error_text(error))
        self._on_selection_changed()
        self.refresh()

    @Slot()
    def open_selected_timeline(self) -> None:
        row = self.selected_row()
        if row is not None and row.booking_id is not None:
            self.timeline_dialog = open_booking_timeline(
                self, self.services, self.actor, self.runner, row.booking_id
            )

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        row = self.selected_row()
        running = self._fixing is not None
        self.timeline_button.setEnabled(row is not None and row.booking_id is not None)
        self.fix_button.setEnabled(row is not None and not running)
        if row is not None:
            self.fix_button.setText(t("Fix: {action}", action=localize(row.rule.fix_label)))
        else:
            self.fix_button.setText(t("Fix"))
        if running:
            self.fix_text.setText(t("Fixing…"))
        else:
            self.fix_text.setText(localize(row.rule.fix_text if row is not None else PICK_TEXT))


def install_attention_page(window: RoleWindow) -> LazyPage[AdminAttentionPage]:
    """Add the "Needs attention" tab to the admin ``window``; its title shows the count. The
    page is built once the window has painted (``RoleWindow.add_page_soon``)."""

    def show_counts_of(page: AdminAttentionPage) -> None:
        def show_count(count: int) -> None:
            window.tabs.setTabText(window.tabs.indexOf(page), title_for(count))

        page.count_changed.connect(show_count)

    lazy = window.add_page_soon(
        lambda: AdminAttentionPage(**window.page_args), localize(ATTENTION_TITLE)
    )
    lazy.when_built(show_counts_of)
    return lazy
