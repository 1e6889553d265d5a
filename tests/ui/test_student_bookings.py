"""The student's booking flow in the real StudentWindow: book from a gig, My bookings with
statuses, details with both zones and history, cancel, reschedule, conflicts, lazy paging."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus
from linguaflex_desktop.ui.booking.my_bookings_page import MyBookingsPage
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.payments.receipt_panel import receipt_rows
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import THURSDAY_10_UTC, WEDNESDAY_10_UTC, School, book, make_school
from tests.ui.ui_helpers import click_row


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[StudentWindow]:
    student_window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(student_window)
    student_window.show()
    qtbot.waitUntil(lambda: student_window.gig_browser.model.rowCount() == 1, timeout=5000)
    yield student_window
    runner.wait_for_idle()


def cell(page: MyBookingsPage, row: int, column: BookingColumn) -> str:
    return str(page.model.index(row, page.model.column_of(column)).data())


def loaded(qtbot: QtBot, page: MyBookingsPage, rows: int) -> None:
    qtbot.waitUntil(
        lambda: not page.model.is_loading and page.model.rowCount() == rows, timeout=5000
    )


def test_book_a_session_from_the_gig_detail_and_see_it_waiting_in_my_bookings(
    qtbot: QtBot, window: StudentWindow, school: School, clocked_services: AppServices
) -> None:
    assert not window.book_button.isEnabled()  # no gig selected yet
    click_row(qtbot, window.gig_browser.view, 0)
    assert window.book_button.isEnabled()
    window.book_button.click()
    dialog = window.book_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.price is not None and bool(dialog.week.slots()), timeout=5000)
    slot = next(s for s in dialog.week.slots() if s.start_at == WEDNESDAY_10_UTC)
    assert dialog.week.select_slot(slot)
    dialog.request_button.click()
    page = window.my_bookings
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is page, timeout=5000)
    qtbot.waitUntil(lambda: page.selected_booking() is not None, timeout=5000)
    assert cell(page, 0, BookingColumn.WHEN) == "Wed 3 Mar 2027, 10:00"  # London time
    assert cell(page, 0, BookingColumn.STATUS) == "Waiting for teacher"
    assert cell(page, 0, BookingColumn.PAYMENT) == "Unpaid"
    assert cell(page, 0, BookingColumn.TOTAL) == "31.50 USD"
    assert "Request sent to Lucía Ruiz" in page.notice_label.text()
    stored = clocked_services.bookings.list_bookings(school.student.actor).items
    assert [b.start_at for b in stored] == [WEDNESDAY_10_UTC]


def test_detail_shows_both_parties_local_times_and_the_audit_trail(
    qtbot: QtBot, window: StudentWindow, school: School, clocked_services: AppServices
) -> None:
    booking = book(clocked_services, school, note="Trip to Seville")
    clocked_services.bookings.confirm_booking(school.teacher.actor, booking.id)
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.reload()
    loaded(qtbot, page, 1)
    dialog = page.open_detail(booking.id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    texts = [
        dialog.fields.itemAt(row, dialog.fields.ItemRole.FieldRole).widget().text()
        for row in range(dialog.fields.rowCount())
    ]
    assert "Wed 3 Mar 2027, 10:00–11:00 (Europe/London)" in texts  # noqa: RUF001
    assert "Wed 3 Mar 2027, 11:00–12:00 (Europe/Madrid)" in texts  # noqa: RUF001
    assert "30.00 USD + 1.50 USD platform fee = 31.50 USD" in texts
    assert "Trip to Seville" in texts
    history = [
        [dialog.history.item(row, column).text() for column in range(5)]
        for row in range(dialog.history.rowCount())
    ]
    assert [row[1:3] for row in history] == [
        ["Sam Taylor", "Requested"],
        ["Lucía Ruiz", "Confirmed"],
    ]
    assert history[1][3] == "Waiting for teacher · Unpaid → Confirmed · Unpaid"
    assert history[0][3] == "Waiting for teacher · Unpaid"
    assert history[0][4] == "Trip to Seville"


def test_cancel_asks_for_a_reason_and_cancels_the_booking(
    qtbot: QtBot, window: StudentWindow, school: School, clocked_services: AppServices
) -> None:
    booking = book(clocked_services, school)
    page = window.my_bookings
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    loaded(qtbot, page, 1)
    click_row(qtbot, page.view, 0)
    assert page.cancel_button.isEnabled()
    page.cancel_button.click()
    assert page.reason_dialog is not None
    assert page.reason_dialog.confirm_button.text() == "Cancel booking"
    assert page.reason_dialog.dismiss_button.text() == "Keep booking"  # not a second "Cancel"
    page.reason_dialog.reason_edit.setPlainText("I caught a cold.")
    with qtbot.waitSignal(page.booking_changed, timeout=5000):
        page.reason_dialog.confirm_button.click()
    assert cell(page, 0, BookingColumn.STATUS) == "Cancelled"
    assert not page.cancel_button.isEnabled()
    assert not page.reschedule_button.isEnabled()
    detail = clocked_services.bookings.get_booking(school.student.actor, booking.id)
    assert detail.booking.status is BookingStatus.CANCELLED
    assert detail.booking.status_reason == "I caught a cold."


def test_cancel_of_a_booking_changed_meanwhile_shows_the_conflict_and_the_fresh_state(
    qtbot: QtBot, window: StudentWindow, school: School, clocked_services: AppServices
) -> None:
    booking = book(clocked_services, school)
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.reload()
    loaded(qtbot, page, 1)
    click_row(qtbot, page.view, 0)
    clocked_services.bookings.confirm_booking(school.teacher.actor, booking.id)  # meanwhile
    page.cancel_button.click()
    assert page.reason_dialog is not None
    page.reason_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=5000)
    assert "Someone else changed this booking first" in page.error_label.text()
    qtbot.waitUntil(lambda: cell(page, 0, BookingColumn.STATUS) == "Confirmed", timeout=5000)
    status = clocked_services.bookings.get_booking(school.student.actor, booking.id).booking.status
    assert status is BookingStatus.CONFIRMED  # nothing was cancelled


def test_reschedule_proposes_a_new_time_that_the_teacher_sees_in_the_detail(
    qtbot: QtBot, window: StudentWindow, school: School, clocked_services: AppServices
) -> None:
    booking = book(clocked_services, school)
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.reload()
    loaded(qtbot, page, 1)
    click_row(qtbot, page.view, 0)
    page.reschedule_button.click()
    dialog = page.reschedule_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.week.slots()), timeout=5000)
    assert not dialog.propose_button.isEnabled()
    slot = next(s for s in dialog.week.slots() if s.start_at == THURSDAY_10_UTC)
    assert dialog.week.select_slot(slot)
    with qtbot.waitSignal(dialog.proposal_made, timeout=5000):
        dialog.propose_button.click()
    assert "New time proposed" in page.notice_label.text()
    detail = clocked_services.bookings.get_booking(school.teacher.actor, booking.id)
    assert detail.reschedule_proposal is not None
    assert detail.reschedule_proposal.start_at == THURSDAY_10_UTC
    assert detail.booking.start_at == WEDNESDAY_10_UTC  # moves only when accepted


def test_my_bookings_fetches_further_pages_only_when_scrolled_to_the_end(
    qtbot: QtBot, window: StudentWindow, school: School, clocked_services: AppServices
) -> None:
    for index in range(45):
        day, slot = divmod(index, 9)
        start = WEDNESDAY_10_UTC.replace(hour=8) + timedelta(days=day, hours=slot)
        book(clocked_services, school, start_at=start)
    page = window.my_bookings
    page.model.page_size = 20
    page.reload()
    loaded(qtbot, page, 20)
    assert page.model.total == 45
    assert page.summary_label.text() == "20 of 45 bookings loaded · scroll for more"
    window.tabs.setCurrentWidget(page)
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=5000)
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 45, timeout=5000)
    starts = [booking.start_at for booking in page.model.bookings()]
    assert starts == sorted(starts) and len(set(starts)) == 45
    assert not page.model.canFetchMore()
    assert page.summary_label.text() == "45 bookings"


def field_texts(dialog: object) -> dict[str, str]:
    fields = dialog.fields  # type: ignore[attr-defined]
    return {
        fields.itemAt(row, fields.ItemRole.LabelRole).widget().text(): fields.itemAt(
            row, fields.ItemRole.FieldRole
        )
        .widget()
        .text()
        for row in range(fields.rowCount())
    }


def test_pay_by_shows_while_the_booking_awaits_payment_and_not_once_cancelled(
    qtbot: QtBot, window: StudentWindow, school: School, clocked_services: AppServices
) -> None:
    booking = book(clocked_services, school)
    clocked_services.bookings.confirm_booking(school.teacher.actor, booking.id)
    page = window.my_bookings
    dialog = page.open_detail(booking.id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    assert "Pay by" in field_texts(dialog)
    dialog.close()
    clocked_services.bookings.cancel_booking(school.student.actor, booking.id, reason="")
    dialog = page.open_detail(booking.id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    assert "Pay by" not in field_texts(dialog)
    receipt = clocked_services.payment_views.payment_for_booking(school.student.actor, booking.id)
    assert receipt.payment_due_by is not None  # kept on the booking, but no longer shown
    assert "Pay by" not in dict(receipt_rows(receipt, "UTC"))
    payable = dataclasses.replace(receipt, booking_status=BookingStatus.CONFIRMED)
    assert "Pay by" in dict(receipt_rows(payable, "UTC"))
