"""A days-off change in the teacher's availability editor keeps the weekly hours the teacher
has edited but not saved yet: only the days-off list is reloaded after it (real services on
SQLite with the FakeClock, Monday 2027-03-01, the threaded TaskRunner)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QTimeEdit
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.ui.availability_editor import AvailabilityEditorPage
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import School, make_school


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)  # the teacher works 09:00-18:00 every day


def test_adding_a_day_off_keeps_unsaved_weekly_hours_in_the_form_and_save_stores_them(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    teacher = school.teacher.actor
    page = AvailabilityEditorPage(services=clocked_services, actor=teacher, runner=runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.ranges_table.rowCount() == 7, timeout=5000)
    monday_end = page.ranges_table.cellWidget(0, 2)
    assert isinstance(monday_end, QTimeEdit)
    monday_end.setTime(QTime(20, 0))  # edited, not saved
    page.day_off_edit.setDate(QDate(2027, 3, 5))
    page.day_off_note.setText("Conference")
    with qtbot.waitSignal(page.days_off_loaded, timeout=5000):
        page.add_day_off_button.click()
    assert runner.wait_for_idle()
    assert page.days_off_list.item(0).text() == "Fri 5 Mar 2027 — Conference"
    assert page.add_day_off_button.isEnabled()
    assert page.ranges()[0] == WeeklyRange(0, 9 * 60, 20 * 60)  # the edit is still there
    assert page.ranges_table.cellWidget(0, 2) is monday_end  # the form was not rebuilt
    stored = clocked_services.availability.get_weekly_availability(teacher, teacher.id)
    assert stored.ranges[0] == WeeklyRange(0, 9 * 60, 18 * 60)  # nothing saved by the day off

    with qtbot.waitSignal(page.availability_saved, timeout=5000):
        page.save_button.click()
    stored = clocked_services.availability.get_weekly_availability(teacher, teacher.id)
    assert stored.ranges[0] == WeeklyRange(0, 9 * 60, 20 * 60)
    assert len(stored.ranges) == 7
    assert [day_off.local_date for day_off in stored.days_off] == [date(2027, 3, 5)]


def test_removing_a_day_off_keeps_unsaved_weekly_hours_in_the_form(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    teacher = school.teacher.actor
    clocked_services.availability.add_day_off(teacher, date(2027, 3, 5), "Conference")
    page = AvailabilityEditorPage(services=clocked_services, actor=teacher, runner=runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.ranges_table.rowCount() == 7, timeout=5000)
    page.remove_button(6).click()  # no more Sundays, not saved
    page.days_off_list.setCurrentRow(0)
    with qtbot.waitSignal(page.days_off_loaded, timeout=5000):
        page.remove_day_off_button.click()
    assert runner.wait_for_idle()
    assert page.days_off_list.item(0).text() == "No days off planned."
    assert [r.weekday for r in page.ranges()] == [0, 1, 2, 3, 4, 5]
    stored = clocked_services.availability.get_weekly_availability(teacher, teacher.id)
    assert stored.days_off == () and len(stored.ranges) == 7
