"""The student's "Free time" filter driven through its widgets against real services: presets
and a custom window in the student's own zone, combined with the other filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.services.catalogue.free_time import FreeTime
from linguaflex_desktop.ui.free_time_filter import FreeTimeDialog
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.ui_helpers import column_texts, create_gig, register

NEW_YORK = "America/New_York"


@pytest.fixture
def window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner
) -> Iterator[StudentWindow]:
    services = clocked_services
    # Madrid 23:00-24:00 on weekdays is New York 17:00-18:00 (in March 2027 before the 14th).
    lucia = register(services, Role.TEACHER, email="lucia@example.com", time_zone="Europe/Madrid")
    late = [WeeklyRange.of(day, time(23), None) for day in range(5)]
    services.availability.set_weekly_availability(lucia.actor, late)
    create_gig(services, lucia, title="Conversational Spanish")
    kenji = register(services, Role.TEACHER, email="kenji@example.com", time_zone=NEW_YORK)
    saturday = [WeeklyRange.of(5, time(9), time(12))]
    services.availability.set_weekly_availability(kenji.actor, saturday)
    create_gig(services, kenji, title="Business Japanese", language="Japanese")
    student = register(services, Role.STUDENT, time_zone=NEW_YORK)
    student_window = StudentWindow(services=services, user=student, runner=runner)
    qtbot.addWidget(student_window)
    student_window.show()
    assert runner.wait_for_idle(60000), "the window's first loads did not finish"
    assert student_window.gig_browser.model.rowCount() == 2
    yield student_window
    runner.wait_for_idle()


def choose(qtbot: QtBot, window: StudentWindow, data: str | None) -> None:
    """Pick a Free time entry as a user does (an activation), waiting for its results."""
    combo = window.gig_browser.free_time.combo
    index = combo.findData(data)
    with qtbot.waitSignal(window.gig_browser.results_loaded, timeout=10000):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)


def test_the_filter_says_times_are_in_the_students_zone(window: StudentWindow) -> None:
    free_time = window.gig_browser.free_time
    assert NEW_YORK in free_time.zone_label.text()
    assert free_time.combo.currentText() == "Any time"
    assert free_time.combo.count() == 6


def test_presets_keep_the_teachers_free_then_in_the_students_zone(
    qtbot: QtBot, window: StudentWindow
) -> None:
    choose(qtbot, window, "weekday_evenings")
    assert column_texts(window.gig_browser.view) == ["Conversational Spanish"]
    assert window.gig_browser.pager.summary.text() == "1 gig"
    choose(qtbot, window, "saturday_morning")
    assert column_texts(window.gig_browser.view) == ["Business Japanese"]
    choose(qtbot, window, None)
    assert window.gig_browser.model.rowCount() == 2


def test_free_time_combines_with_the_language_filter_and_shows_an_empty_state(
    qtbot: QtBot, window: StudentWindow
) -> None:
    browser = window.gig_browser
    choose(qtbot, window, "weekday_evenings")
    with qtbot.waitSignal(browser.results_loaded, timeout=10000):
        browser.language_combo.setCurrentIndex(browser.language_combo.findData("Japanese"))
    assert browser.model.rowCount() == 0
    assert browser.results.showing_empty_state()
    assert "free then" in browser.results.empty_label.text()
    with qtbot.waitSignal(browser.results_loaded, timeout=10000):
        browser.clear_filters()
    assert browser.free_time.value() is None and browser.model.rowCount() == 2


def test_a_custom_window_is_searched_and_named_and_cancelling_keeps_the_last_choice(
    qtbot: QtBot, window: StudentWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tuesday_early_evening = FreeTime(frozenset({1}), 17, 18)
    monkeypatch.setattr(FreeTimeDialog, "ask", lambda *a, **k: tuesday_early_evening)
    choose(qtbot, window, "custom")
    free_time = window.gig_browser.free_time
    assert column_texts(window.gig_browser.view) == ["Conversational Spanish"]
    assert free_time.combo.currentText() == "Custom: Tue 17:00-18:00"
    monkeypatch.setattr(FreeTimeDialog, "ask", lambda *a, **k: None)
    combo = free_time.combo
    combo.setCurrentIndex(0)
    combo.activated.emit(0)  # Any time ...
    window.gig_browser.runner.wait_for_idle(10000)
    custom = combo.findData("custom")
    combo.setCurrentIndex(custom)
    combo.activated.emit(custom)  # ... then Custom… again, cancelled
    assert combo.currentIndex() == 0 and free_time.value() is None


def test_the_chooser_refuses_a_window_without_days(qtbot: QtBot) -> None:
    dialog = FreeTimeDialog(zone=NEW_YORK, initial=FreeTime(frozenset({2}), 9, 11))
    qtbot.addWidget(dialog)
    assert [check.isChecked() for check in dialog.day_checks] == [0, 0, 1, 0, 0, 0, 0]
    dialog.day_checks[2].setChecked(False)
    dialog.accept()
    assert dialog.result() != FreeTimeDialog.DialogCode.Accepted
    assert "at least one day" in dialog.error.text()
    dialog.day_checks[4].setChecked(True)
    dialog.end_hour.setValue(8)
    dialog.accept()
    assert "start before it ends" in dialog.error.text()
