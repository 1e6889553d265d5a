"""The teacher's booking pages in the real TeacherWindow: request queue (confirm / decline,
conflicts), schedule (week grid / agenda, accept a reschedule), availability editor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QTimeEdit
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.ui.booking.schedule_cells import BlocksRole
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.booking.teacher_schedule_page import TeacherSchedulePage
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.ui.booking_ui_helpers import THURSDAY_10_UTC, WEDNESDAY_10_UTC, School, book, make_school
from tests.ui.ui_helpers import build_every_tab, click_row, column_texts


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


def open_window(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> TeacherWindow:
    window = TeacherWindow(services=services, user=school.teacher, runner=runner)
    qtbot.addWidget(window)
    window.show()
    build_every_tab(window)
    runner.wait_for_idle()
    return window


@pytest.fixture
def window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[TeacherWindow]:
    book(clocked_services, school, start_at=THURSDAY_10_UTC, note="Later one")
    book(clocked_services, school, start_at=WEDNESDAY_10_UTC, student=school.other_student)
    teacher_window = open_window(qtbot, clocked_services, runner, school)
    yield teacher_window
    runner.wait_for_idle()


def test_request_queue_lists_waiting_requests_most_urgent_first_with_a_count(
    window: TeacherWindow,
) -> None:
    page = window.requests
    assert column_texts(page.view, page.model.column_of(BookingColumn.STUDENT)) == [
        "Olga Berg",
        "Sam Taylor",
    ]
    assert window.tabs.tabText(0) == "Requests (2)"
    when = page.model.index(0, page.model.column_of(BookingColumn.WHEN)).data()
    assert when == "Wed 3 Mar 2027, 11:00"  # the teacher's Madrid time
    assert not page.confirm_button.isEnabled() and not page.decline_button.isEnabled()


def test_confirm_takes_the_request_out_of_the_queue_and_confirms_it(
    qtbot: QtBot, window: TeacherWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.requests
    click_row(qtbot, page.view, 0)
    booking = page.selected_booking()
    assert booking is not None and page.confirm_button.isEnabled()
    page.confirm_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert window.tabs.tabText(0) == "Requests (1)"
    assert "Confirmed." in page.notice_label.text()
    stored = clocked_services.bookings.get_booking(school.teacher.actor, booking.id).booking
    assert stored.status is BookingStatus.CONFIRMED


def test_decline_needs_a_reason_which_the_student_then_sees(
    qtbot: QtBot, window: TeacherWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.requests
    click_row(qtbot, page.view, 1)
    booking = page.selected_booking()
    assert booking is not None
    page.decline_button.click()
    assert page.reason_dialog is not None
    page.reason_dialog.confirm_button.click()  # no reason given
    assert "reason" in page.error_label.text()
    assert page.model.rowCount() == 2
    page.decline_button.click()
    page.reason_dialog.reason_edit.setPlainText("I am travelling that day.")
    page.reason_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    stored = clocked_services.bookings.get_booking(school.student.actor, booking.id).booking
    assert stored.status is BookingStatus.CANCELLED
    assert stored.status_reason == "I am travelling that day."


def test_confirming_a_request_the_student_cancelled_meanwhile_shows_why_and_reloads(
    qtbot: QtBot, window: TeacherWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.requests
    click_row(qtbot, page.view, 1)
    booking = page.selected_booking()
    assert booking is not None
    clocked_services.bookings.cancel_booking(school.student.actor, booking.id, reason="Sorry")
    page.confirm_button.click()
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=5000)
    assert "Someone else changed this booking first" in page.error_label.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.booking_at(0).id != booking.id
    stored = clocked_services.bookings.get_booking(school.teacher.actor, booking.id).booking
    assert stored.status is BookingStatus.CANCELLED


def test_schedule_week_grid_and_agenda_show_the_sessions_in_the_teachers_zone(
    qtbot: QtBot, window: TeacherWindow
) -> None:
    page = window.schedule
    window.tabs.setCurrentWidget(page)
    assert page.week_start == date(2027, 3, 1)
    grid = page.grid
    labels = [grid.verticalHeaderItem(row).text() for row in range(grid.rowCount())]
    wednesday = grid.item(labels.index("11:00"), 2)
    assert wednesday is not None and wednesday.text() == "11:00–12:00 Olga Berg"  # noqa: RUF001
    assert grid.item(labels.index("11:00"), 3).text() == "11:00–12:00 Sam Taylor"  # noqa: RUF001
    assert not page.reschedule_button.isEnabled()
    grid.setCurrentItem(wednesday)
    assert page.reschedule_button.isEnabled() and page.details_button.isEnabled()
    page.agenda_button.click()
    assert page.views.currentWidget() is page.table
    assert column_texts(page.view, 1) == ["Olga Berg", "Sam Taylor"]
    with qtbot.waitSignal(page.bookings_loaded, timeout=5000):
        page.next_button.click()
    assert page.model.rowCount() == 0 and page.table.showing_empty_state()
    assert page.week_start == date(2027, 3, 8)


def test_teacher_accepts_a_students_new_time_in_the_detail_and_the_week_moves_it(
    qtbot: QtBot, window: TeacherWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.schedule
    window.tabs.setCurrentWidget(page)
    sam = next(b for b in page.model.bookings() if b.student_id == school.student.id)
    new_start = THURSDAY_10_UTC + timedelta(hours=3)
    clocked_services.reschedules.propose_reschedule(
        school.student.actor, sam.id, start_at=new_start
    )
    assert page.select_in_grid(sam.id)
    page.details_button.click()
    dialog = page.detail_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    assert dialog.proposal_box.isVisible() and dialog.accept_proposal_button.isVisible()
    assert "Sam Taylor proposed a new time: Thu 4 Mar 2027, 14:00–15:00" in (  # noqa: RUF001
        dialog.proposal_label.text()
    )
    with qtbot.waitSignal(page.bookings_loaded, timeout=5000):
        dialog.accept_proposal_button.click()
    grid = page.grid
    labels = [grid.verticalHeaderItem(row).text() for row in range(grid.rowCount())]
    assert grid.item(labels.index("14:00"), 3).text() == "14:00–15:00 Sam Taylor"  # noqa: RUF001
    assert grid.item(labels.index("11:00"), 3) is None
    qtbot.waitUntil(lambda: not dialog.proposal_box.isVisible(), timeout=5000)
    actions = [dialog.history.item(row, 2).text() for row in range(dialog.history.rowCount())]
    assert actions[-2:] == ["New time proposed", "Rescheduled"]
    moved = clocked_services.bookings.get_booking(school.teacher.actor, sam.id).booking
    assert moved.start_at == new_start


def test_availability_editor_saves_edited_weekly_hours(
    qtbot: QtBot, window: TeacherWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.availability
    window.tabs.setCurrentWidget(page)
    assert page.ranges_table.rowCount() == 7
    page.remove_button(6).click()  # no more Sundays
    saturday_end = page.ranges_table.cellWidget(5, 2)
    assert isinstance(saturday_end, QTimeEdit)
    saturday_end.setTime(QTime(0, 0))  # Saturday until midnight
    row = page.add_range(WeeklyRange(0, 9 * 60, 17 * 60))
    day, start, end = (page.ranges_table.cellWidget(row, column) for column in range(3))
    assert isinstance(day, QComboBox) and isinstance(start, QTimeEdit)
    assert isinstance(end, QTimeEdit)
    day.setCurrentIndex(0)
    start.setTime(QTime(19, 0))
    end.setTime(QTime(21, 30))  # a second range on Monday evening
    with qtbot.waitSignal(page.availability_saved, timeout=5000):
        page.save_button.click()
    assert page.notice_label.text() == "Weekly hours saved."
    stored = clocked_services.availability.get_weekly_availability(
        school.teacher.actor, school.teacher.id
    )
    assert [r for r in stored.ranges if r.weekday in (0, 5)] == [
        WeeklyRange(0, 9 * 60, 18 * 60),
        WeeklyRange(0, 19 * 60, 21 * 60 + 30),
        WeeklyRange(5, 9 * 60, 1440),
    ]
    assert not [r for r in stored.ranges if r.weekday == 6]


def test_availability_editor_shows_the_services_refusal_and_keeps_the_old_hours(
    qtbot: QtBot, window: TeacherWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.availability
    window.tabs.setCurrentWidget(page)
    page.add_range(WeeklyRange(0, 10 * 60, 11 * 60))  # overlaps Monday 09-18
    page.save_button.click()
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=5000)
    assert "overlap" in page.error_label.text()
    stored = clocked_services.availability.get_weekly_availability(
        school.teacher.actor, school.teacher.id
    )
    assert len(stored.ranges) == 7


def test_days_off_are_added_and_removed(
    qtbot: QtBot, window: TeacherWindow, clocked_services: AppServices, school: School
) -> None:
    page = window.availability
    window.tabs.setCurrentWidget(page)
    page.day_off_edit.setDate(QDate(2027, 3, 5))
    page.day_off_note.setText("Conference")
    with qtbot.waitSignal(page.days_off_loaded, timeout=5000):
        page.add_day_off_button.click()
    assert page.days_off_list.item(0).text() == "Fri 5 Mar 2027 — Conference"
    stored = clocked_services.availability.get_weekly_availability(
        school.teacher.actor, school.teacher.id
    )
    assert [d.local_date for d in stored.days_off] == [date(2027, 3, 5)]
    page.days_off_list.setCurrentRow(0)
    with qtbot.waitSignal(page.days_off_loaded, timeout=5000):
        page.remove_day_off_button.click()
    assert page.days_off_list.item(0).text() == "No days off planned."
    assert not page.remove_day_off_button.isEnabled()


def test_the_schedule_opens_on_the_week_of_the_next_session_and_draws_its_length(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    in_two_weeks = THURSDAY_10_UTC + timedelta(days=14)  # Thu 18 Mar, 11:00 in Madrid
    book(clocked_services, school, start_at=in_two_weeks, duration=90)
    window = open_window(qtbot, clocked_services, runner, school)
    page = window.schedule
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.week_start == date(2027, 3, 15), timeout=5000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    grid = page.grid
    labels = [grid.verticalHeaderItem(row).text() for row in range(grid.rowCount())]
    row = labels.index("11:00")
    assert grid.rowSpan(row, 3) == 2  # 11:00-12:30 reaches into the 12:00 row
    (block,) = grid.item(row, 3).data(BlocksRole)
    assert (block.top, block.bottom) == (0.0, 0.75)
    assert block.detail == "1 h 30 min · Unpaid" and not block.paid
    assert "1 h 30 min · Unpaid" in grid.item(row, 3).toolTip()
    image = grid.grab().toImage()  # the delegate paints the block without error
    assert not image.isNull()
    with qtbot.waitSignal(page.bookings_loaded, timeout=5000):
        page.this_week_button.click()
    assert page.week_start == date(2027, 3, 1) and page.model.rowCount() == 0


def test_a_week_asked_for_while_the_schedule_opens_is_the_week_it_shows(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    book(clocked_services, school, start_at=THURSDAY_10_UTC + timedelta(days=14))
    held = runner.hold()  # the opening load waits until Next is pressed
    page = TeacherSchedulePage(services=clocked_services, actor=school.teacher.actor, runner=runner)
    qtbot.addWidget(page)
    page.next_button.click()  # this week (1 Mar) + 1, before the week of 15 Mar has come
    held.release()  # the opening load answers first, then the next week's
    assert runner.wait_for_idle()
    assert page.week_start == date(2027, 3, 8)
    assert page.week_label.text().startswith("Mon 8 Mar 2027")


def test_with_nothing_coming_the_schedule_opens_on_this_week(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    window = open_window(qtbot, clocked_services, runner, school)
    page = window.schedule
    qtbot.waitUntil(lambda: page.table.showing_empty_state(), timeout=5000)
    assert page.week_start == date(2027, 3, 1)
