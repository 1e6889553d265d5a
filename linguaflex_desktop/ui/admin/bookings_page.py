"""The admin's "Bookings": every booking with filters (status, payment status, teacher,
student, date range), lazily paged, with each one's meeting state; details and cancel;
"Export CSV…" writes every booking matching the filters.

Teacher and student choices are loaded once (the first ``PEOPLE_LIMIT`` of each role). Dates
are whole days in the admin's zone. GUI thread only; queries run on the TaskRunner.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus, Role
from linguaflex_desktop.services.booking.dto import BookingDTO, BookingFilter
from linguaflex_desktop.services.booking.rules import can_cancel
from linguaflex_desktop.services.common.dto import Actor, Page, UserDTO
from linguaflex_desktop.ui.admin.booking_timeline import (
    BookingTimelineDialog,
    open_booking_timeline,
)
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.booking.format import PAYMENT_TEXT, STATUS_TEXT, zone
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.reason_dialog import KEEP_BOOKING_TEXT
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.csv_columns import booking_csv_columns
from linguaflex_desktop.ui.export import CsvExport, export_paged_csv
from linguaflex_desktop.ui.i18n import localize, number_text, t, when_text
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import accounts as accounts_ops
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PEOPLE_LIMIT = 500


def _combo(first: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    return combo


def _date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setEnabled(False)
    return edit


class AdminBookingsPage(BookingListPage):
    """All bookings of the platform, newest first."""

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services=services,
            actor=actor,
            runner=runner,
            columns=(
                BookingColumn.WHEN,
                BookingColumn.STUDENT,
                BookingColumn.TEACHER,
                BookingColumn.GIG,
                BookingColumn.STATUS,
                BookingColumn.PAYMENT,
                BookingColumn.MEETING,
                BookingColumn.TOTAL,
            ),
            empty_text=t("No bookings match these filters."),
            parent=parent,
        )
        self.status_combo = _combo(t("Any status"))
        for status in BookingStatus:
            self.status_combo.addItem(localize(STATUS_TEXT[status]), status)
        self.payment_combo = _combo(t("Any payment"))
        for payment in PaymentStatus:
            self.payment_combo.addItem(localize(PAYMENT_TEXT[payment]), payment)
        self.teacher_combo = _combo(t("Any teacher"))
        self.student_combo = _combo(t("Any student"))
        for combo in (self.teacher_combo, self.student_combo):
            combo.setMinimumWidth(150)
        today = today_in(services, actor.time_zone)
        start = QDate(today.year, today.month, today.day)
        self.from_check = QCheckBox(t("From"))
        self.from_edit = _date_edit(start)
        self.to_check = QCheckBox(t("to"))
        self.to_edit = _date_edit(start.addDays(30))
        self.clear_button = QPushButton(t("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.cancel_button = QPushButton(t("Cancel booking…"))
        themed(self.cancel_button, "dangerButton")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.button_row.addWidget(self.cancel_button)
        self.export: CsvExport[BookingDTO] | None = None
        self.export_button = QPushButton(t("Export CSV…"))
        self.export_button.setToolTip(t("Every booking matching the filters, to a CSV file"))
        self.export_button.clicked.connect(self.export_csv)
        self.button_row.insertWidget(1, self.export_button)
        self.timeline_button = QPushButton(t("Timeline…"))
        self.timeline_button.setToolTip(t("Every event of the booking, with Stripe's side"))
        self.timeline_button.clicked.connect(self.open_selected_timeline)
        beside_details = self.button_row.indexOf(self.details_button) + 1
        self.button_row.insertWidget(beside_details, self.timeline_button)
        self.timeline_dialog: BookingTimelineDialog | None = None
        self._connect_filters()
        self.build_layout(*self._filter_rows())
        self._load_people(Role.TEACHER, self.teacher_combo)
        self._load_people(Role.STUDENT, self.student_combo)
        self.reload()

    def _filter_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        people = QHBoxLayout()
        for combo in (
            self.status_combo,
            self.payment_combo,
            self.teacher_combo,
            self.student_combo,
        ):
            people.addWidget(combo)
        people.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(t("Sessions starting")))
        for widget in (self.from_check, self.from_edit, self.to_check, self.to_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)
        return people, dates

    def _connect_filters(self) -> None:
        for combo in (
            self.status_combo,
            self.payment_combo,
            self.teacher_combo,
            self.student_combo,
        ):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.reload())
            edit.dateChanged.connect(lambda _date: self.reload())

    # --- filters --------------------------------------------------------------------------

    def filters(self) -> BookingFilter:
        status, payment = self.status_combo.currentData(), self.payment_combo.currentData()
        return BookingFilter(
            statuses=(status,) if status else (),
            payment_statuses=(payment,) if payment else (),
            teacher_id=self.teacher_combo.currentData(),
            student_id=self.student_combo.currentData(),
            start_from=self._day_start(self.from_edit) if self.from_check.isChecked() else None,
            start_to=self._day_start(self.to_edit, 1) if self.to_check.isChecked() else None,
            newest_first=True,
        )

    def _day_start(self, edit: QDateEdit, plus_days: int = 0) -> datetime:
        """Midnight starting that date (+ days) in the admin's zone, as an aware instant."""
        value = edit.date()
        day = date(value.year(), value.month(), value.day()) + timedelta(days=plus_days)
        return datetime.combine(day, time(0), tzinfo=zone(self.actor.time_zone))

    @Slot()
    def clear_filters(self) -> None:
        widgets = (
            self.status_combo,
            self.payment_combo,
            self.teacher_combo,
            self.student_combo,
            self.from_check,
            self.to_check,
        )
        for widget in widgets:
            widget.blockSignals(True)
        for combo in widgets[:4]:
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(0)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.setChecked(False)
            edit.setEnabled(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        bookings, actor, filters = self.services.bookings, self.actor, self.filters()
        self.model.set_query(
            lambda offset, limit: bookings.list_bookings(
                actor, filters=filters, offset=offset, limit=limit
            )
        )

    @Slot()
    def export_csv(self) -> CsvExport[BookingDTO] | None:
        """Every booking matching the filters (all pages, fetched on the pool thread while the
        file is written) to a CSV file."""
        bookings, actor, filters = self.services.bookings, self.actor, self.filters()
        self.export = export_paged_csv(
            self,
            self.runner,
            what=t("bookings"),
            suggested_name=f"bookings-{today_in(self.services, actor.time_zone)}.csv",
            columns=booking_csv_columns(actor.time_zone),
            fetch_page=lambda offset, limit: bookings.list_bookings(
                actor, filters=filters, offset=offset, limit=limit
            ),
            key=lambda booking: booking.id,
            total=self.model.total,
            notice_label=self.notice_label,
            error_label=self.error_label,
        )
        return self.export

    def _load_people(self, role: Role, combo: QComboBox) -> None:
        accounts_ops.list_users(
            OpContext.of(self),
            self.actor,
            role=role,
            limit=PEOPLE_LIMIT,
            on_success=lambda page: self._fill_people(combo, page),
            on_failure=self._on_load_failed,
            owner=self,
        )

    def _fill_people(self, combo: QComboBox, page: Page[UserDTO]) -> None:
        combo.blockSignals(True)
        for user in sorted(page.items, key=lambda item: item.display_name.casefold()):
            combo.addItem(user.display_name, user.id)
            combo.setItemData(combo.count() - 1, user.email, Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(False)
        if page.total > len(page.items):
            combo.setToolTip(
                t(
                    "The first {listed} of {total} are listed.",
                    listed=number_text(len(page.items)),
                    total=number_text(page.total),
                )
            )

    # --- actions --------------------------------------------------------------------------

    def update_action_buttons(self, booking: BookingDTO | None) -> None:
        self.cancel_button.setEnabled(booking is not None and can_cancel(booking))
        self.timeline_button.setEnabled(self.selected_booking() is not None)

    @Slot()
    def open_selected_timeline(self) -> None:
        booking = self.selected_booking()
        if booking is not None:
            self.timeline_dialog = open_booking_timeline(
                self, self.services, self.actor, self.runner, booking.id
            )

    @Slot()
    def cancel_selected(self) -> None:
        booking = self.selected_booking()
        if booking is None:
            return
        when = when_text(booking.start_at, self.actor.time_zone)
        self.ask_reason(
            title=t("Cancel booking"),
            prompt=t(
                "Cancel {student}'s booking of “{gig}” with {teacher} on {when}? Both are told "
                "the reason.",
                student=booking.student_name,
                gig=booking.gig_title,
                teacher=booking.teacher_name,
                when=when,
            ),
            confirm_text=t("Cancel booking"),
            dismiss_text=localize(KEEP_BOOKING_TEXT),
            then=lambda reason: self._cancel(booking, reason),
        )

    def _cancel(self, booking: BookingDTO, reason: str) -> None:
        self.run_transition(
            partial(
                booking_ops.cancel_booking,
                OpContext.of(self),
                self.actor,
                booking.id,
                reason=reason,
                expected_version=booking.version,
            ),
            done_text=t("The booking was cancelled."),
        )
