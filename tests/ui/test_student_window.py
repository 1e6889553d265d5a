"""The student's gig browser driven through its widgets against real services."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Level, Role
from linguaflex_desktop.services.common.dto import GigDTO
from linguaflex_desktop.ui.cell_table_model import Cell
from linguaflex_desktop.ui.gig_table_model import GigTableModel
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.ui_helpers import click_row, column_texts, create_gig, register, type_into


@pytest.fixture
def window(qtbot: QtBot, app_services: AppServices, runner: TaskRunner) -> Iterator[StudentWindow]:
    lucia = register(app_services, Role.TEACHER, email="lucia@example.com", name="Lucía Ruiz")
    kenji = register(app_services, Role.TEACHER, email="kenji@example.com", name="Kenji Sato")
    create_gig(
        app_services,
        lucia,
        title="Conversational Spanish",
        level=Level.A2,
        rate_minor=3000,
        description="Travel phrases and small talk.",
    )
    create_gig(
        app_services,
        lucia,
        title="DELE exam preparation",
        level=Level.B2,
        rate_minor=4500,
        description="Mock exams with feedback.",
    )
    create_gig(
        app_services,
        kenji,
        title="Business Japanese",
        language="Japanese",
        level=Level.B2,
        rate_minor=4000,
        description="Keigo for meetings.",
    )
    create_gig(
        app_services,
        kenji,
        title="Japanese for anime fans",
        language="Japanese",
        level=Level.A1,
        rate_minor=2000,
        currency="EUR",
    )
    student = register(app_services, Role.STUDENT)
    student_window = StudentWindow(services=app_services, user=student, runner=runner)
    qtbot.addWidget(student_window)
    student_window.show()
    browser = student_window.gig_browser
    # Wait for the window's own first loads to deliver (however long a loaded machine takes),
    # then check what they showed: no deadline races the search and the language list.
    assert runner.wait_for_idle(60000), "the window's first loads did not finish"
    assert browser.model.rowCount() == 4
    assert browser.language_combo.count() == 3
    yield student_window
    runner.wait_for_idle()


def titles(window: StudentWindow) -> list[str]:
    return column_texts(window.gig_browser.view)


def test_all_searchable_gigs_are_listed_with_price_and_teacher(window: StudentWindow) -> None:
    browser = window.gig_browser
    rows = {
        browser.model.gig_at(row).title: (
            browser.model.index(row, 1).data(),
            browser.model.index(row, 4).data(),
        )
        for row in range(browser.model.rowCount())
    }
    assert rows["Conversational Spanish"] == ("Lucía Ruiz", "30.00 USD / h")
    assert rows["Japanese for anime fans"] == ("Kenji Sato", "20.00 EUR / h")
    assert browser.pager.summary.text() == "4 gigs"
    assert [browser.language_combo.itemText(i) for i in range(3)] == [
        "Any language",
        "Japanese",
        "Spanish",
    ]


def test_text_search_finds_words_in_descriptions(qtbot: QtBot, window: StudentWindow) -> None:
    browser = window.gig_browser
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        type_into(qtbot, browser.text_edit, "mock exams")
        qtbot.keyClick(browser.text_edit, Qt.Key.Key_Return)
    assert titles(window) == ["DELE exam preparation"]


def test_language_and_level_filters_narrow_the_results(qtbot: QtBot, window: StudentWindow) -> None:
    browser = window.gig_browser
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.language_combo.setCurrentIndex(browser.language_combo.findData("Japanese"))
    assert sorted(titles(window)) == ["Business Japanese", "Japanese for anime fans"]
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.level_combo.setCurrentIndex(browser.level_combo.findData(Level.A1))
    assert titles(window) == ["Japanese for anime fans"]


def test_price_range_in_a_currency_and_sort_by_price(qtbot: QtBot, window: StudentWindow) -> None:
    browser = window.gig_browser
    assert not browser.min_price.isEnabled()  # no currency chosen yet
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.currency_combo.setCurrentIndex(browser.currency_combo.findData("USD"))
    assert browser.min_price.isEnabled()
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.sort_combo.setCurrentIndex(browser.sort_combo.findData("price_desc"))
    assert titles(window) == [
        "DELE exam preparation",
        "Business Japanese",
        "Conversational Spanish",
    ]
    type_into(qtbot, browser.min_price, "35")
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        type_into(qtbot, browser.max_price, "40.00")
        qtbot.keyClick(browser.max_price, Qt.Key.Key_Return)
    assert titles(window) == ["Business Japanese"]


def test_a_price_range_upside_down_is_refused_inline(qtbot: QtBot, window: StudentWindow) -> None:
    browser = window.gig_browser
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.currency_combo.setCurrentIndex(browser.currency_combo.findData("USD"))
    type_into(qtbot, browser.min_price, "50")
    type_into(qtbot, browser.max_price, "10")
    browser.search()
    assert browser.filter_error.text() == "The lowest price is above the highest price."
    assert not browser.filter_error.isHidden()


def test_no_match_shows_the_empty_state_and_clear_restores(
    qtbot: QtBot, window: StudentWindow
) -> None:
    browser = window.gig_browser
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        type_into(qtbot, browser.text_edit, "klingon")
        qtbot.keyClick(browser.text_edit, Qt.Key.Key_Return)
    assert browser.results.showing_empty_state()
    assert "No gigs match" in browser.results.empty_label.text()
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        qtbot.mouseClick(browser.clear_button, Qt.MouseButton.LeftButton)
    assert browser.model.rowCount() == 4 and browser.text_edit.text() == ""


def test_selecting_a_gig_shows_its_details(qtbot: QtBot, window: StudentWindow) -> None:
    browser = window.gig_browser
    assert browser.detail.currentWidget() is browser.detail.empty_label
    row = titles(window).index("Business Japanese")
    with qtbot.waitSignal(browser.gig_selected, timeout=2000) as selected:
        click_row(qtbot, browser.view, row)
    assert selected.args[0].title == "Business Japanese"
    assert browser.detail.title_label.text() == "Business Japanese"
    assert browser.detail.teacher_label.text() == "with Kenji Sato"
    assert browser.detail.rate_label.text() == "40.00 USD / h"
    assert browser.detail.description_label.text() == "Keigo for meetings."
    assert "Japanese · level B2" in browser.detail.meta_label.text()


def test_search_results_are_formatted_on_the_pool_thread_that_found_them(
    qtbot: QtBot, window: StudentWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI thread only puts the results' cells in the table (while the student types,
    and while a window opens at sign-in): none of them is formatted on it."""
    browser = window.gig_browser
    formatting: list[tuple[str, str]] = []  # (gig title, thread)
    answer = GigTableModel.row_cells

    def recording(model: GigTableModel, row: GigDTO) -> list[Cell]:
        formatting.append((row.title, threading.current_thread().name))
        return answer(model, row)

    monkeypatch.setattr(GigTableModel, "row_cells", recording)
    with qtbot.waitSignal(browser.results_loaded, timeout=10000):
        type_into(qtbot, browser.text_edit, "japanese")
        qtbot.keyClick(browser.text_edit, Qt.Key.Key_Return)
    browser.view.viewport().repaint()
    # (a search started by the typing's pause, if the machine was slow, formats its own)
    assert {title for title, _thread in formatting} == {
        "Business Japanese",
        "Japanese for anime fans",
    }
    assert threading.main_thread().name not in {thread for _title, thread in formatting}
    assert titles(window) == ["Business Japanese", "Japanese for anime fans"]
