"""The admin's Bookings page in the real AdminWindow: filters by status, payment status,
teacher, student and date range; details; cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus, PaymentStatus, Role
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.ui.admin.bookings_page import AdminBookingsPage
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import THURSDAY_10_UTC, WEDNESDAY_10_UTC, School, book, make_school
from tests.ui.ui_helpers import click_row, column_texts, create_gig, register


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[AdminWindow]:
    services = clocked_services
    sam_wed = book(services, school, start_at=WEDNESDAY_10_UTC)
    book(services, school, start_at=THURSDAY_10_UTC, student=school.other_student)
    sam_next_week = book(services, school, start_at=WEDNESDAY_10_UTC + timedelta(days=7))
    services.bookings.confirm_booking(school.teacher.actor, sam_wed.id)
    services.bookings.cancel_booking(school.student.actor, sam_next_week.id, reason="Exams")
    other_teacher = register(services, Role.TEACHER, email="kenji@example.com", name="Kenji")
    gig = create_gig(services, other_teacher, title="Business Japanese", language="Japanese")
    services.availability.set_weekly_availability(
        other_teacher.actor, [WeeklyRange(day, 0, 1440) for day in range(7)]
    )
    services.bookings.request_booking(
        school.other_student.actor,
        gig_id=gig.id,
        start_at=WEDNESDAY_10_UTC + timedelta(days=1, hours=4),
        duration_minutes=60,
    )
    admin_window = AdminWindow(services=services, user=school.admin, runner=runner)
    qtbot.addWidget(admin_window)
    admin_window.show()
    admin_window.tabs.setCurrentWidget(admin_window.booking_admin)
    page = admin_window.booking_admin
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    qtbot.waitUntil(lambda: page.student_combo.count() == 3, timeout=5000)
    qtbot.waitUntil(lambda: page.teacher_combo.count() == 3, timeout=5000)
    yield admin_window
    runner.wait_for_idle()


def students(page: AdminBookingsPage) -> list[str]:
    return column_texts(page.view, page.model.column_of(BookingColumn.STUDENT))


def apply(qtbot: QtBot, page: AdminBookingsPage, change: Callable[[], object]) -> None:
    with qtbot.waitSignal(page.bookings_loaded, timeout=5000):
        change()


def test_all_bookings_are_listed_newest_first(window: AdminWindow) -> None:
    page = window.booking_admin
    assert [b.start_at for b in page.model.bookings()] == sorted(
        (b.start_at for b in page.model.bookings()), reverse=True
    )
    assert page.summary_label.text() == "4 bookings"
    assert column_texts(page.view, page.model.column_of(BookingColumn.TEACHER)).count("Kenji") == 1


def test_status_and_payment_filters_narrow_the_list(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.booking_admin
    apply(
        qtbot,
        page,
        lambda: page.status_combo.setCurrentIndex(
            page.status_combo.findData(BookingStatus.PENDING)
        ),
    )
    assert students(page) == ["Olga Berg", "Olga Berg"]
    apply(
        qtbot,
        page,
        lambda: page.status_combo.setCurrentIndex(
            page.status_combo.findData(BookingStatus.CANCELLED)
        ),
    )
    assert students(page) == ["Sam Taylor"]
    assert page.model.booking_at(0).status_reason == "Exams"
    apply(qtbot, page, lambda: page.status_combo.setCurrentIndex(0))
    apply(
        qtbot,
        page,
        lambda: page.payment_combo.setCurrentIndex(page.payment_combo.findData(PaymentStatus.PAID)),
    )
    assert page.model.rowCount() == 0 and page.table.showing_empty_state()
    assert page.table.empty_label.text() == "No bookings match these filters."


def test_teacher_student_and_date_filters_combine(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.booking_admin
    apply(
        qtbot,
        page,
        lambda: page.teacher_combo.setCurrentIndex(page.teacher_combo.findText("Lucía Ruiz")),
    )
    assert page.model.rowCount() == 3
    apply(
        qtbot,
        page,
        lambda: page.student_combo.setCurrentIndex(page.student_combo.findText("Sam Taylor")),
    )
    assert page.model.rowCount() == 2
    apply(qtbot, page, lambda: page.to_edit.setDate(QDate(2027, 3, 5)))
    assert page.model.rowCount() == 2  # the date is not applied until ticked
    apply(qtbot, page, lambda: page.to_check.setChecked(True))
    assert [b.start_at for b in page.model.bookings()] == [WEDNESDAY_10_UTC]
    apply(qtbot, page, page.clear_filters)
    assert page.model.rowCount() == 4
    assert not page.to_check.isChecked() and not page.to_edit.isEnabled()


def test_admin_cancels_an_unpaid_booking_with_a_reason(
    qtbot: QtBot, window: AdminWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.booking_admin
    apply(
        qtbot,
        page,
        lambda: page.status_combo.setCurrentIndex(
            page.status_combo.findData(BookingStatus.CONFIRMED)
        ),
    )
    click_row(qtbot, page.view, 0)
    assert page.cancel_button.isEnabled()
    booking = page.selected_booking()
    assert booking is not None
    page.cancel_button.click()
    assert page.reason_dialog is not None
    page.reason_dialog.reason_edit.setPlainText("Teacher is ill.")
    with qtbot.waitSignal(page.booking_changed, timeout=5000):
        page.reason_dialog.confirm_button.click()
    stored = clocked_services.bookings.get_booking(school.admin.actor, booking.id).booking
    assert stored.status is BookingStatus.CANCELLED
    assert page.model.booking_at(0).status is BookingStatus.CANCELLED
    assert not page.cancel_button.isEnabled()


def test_admin_detail_shows_both_zones_and_who_did_what(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.booking_admin
    row = next(r for r in range(page.model.rowCount()) if page.model.booking_at(r).status_reason)
    dialog = page.open_detail(page.model.booking_at(row).id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    texts = [
        dialog.fields.itemAt(r, dialog.fields.ItemRole.FieldRole).widget().text()
        for r in range(dialog.fields.rowCount())
    ]
    assert "Wed 10 Mar 2027, 10:00–11:00 (Europe/London)" in texts  # noqa: RUF001
    assert "Wed 10 Mar 2027, 11:00–12:00 (Europe/Madrid)" in texts  # noqa: RUF001
    assert "Exams" in texts
    history = [
        (
            dialog.history.item(r, 1).text(),
            dialog.history.item(r, 2).text(),
            dialog.history.item(r, 4).text(),
        )
        for r in range(dialog.history.rowCount())
    ]
    assert history == [("Sam Taylor", "Requested", ""), ("Sam Taylor", "Cancelled", "Exams")]
    assert not dialog.accept_proposal_button.isVisible()
