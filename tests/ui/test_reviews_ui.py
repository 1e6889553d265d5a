"""Reviews in the real windows (pytest-qt, real services on SQLite, the threaded runner): the
student rates a completed session from "My bookings" (the limit shown while typing), the
teacher answers in their "Reviews" tab, the admin hides a review with a reason in theirs, and
the student's search shows, sorts and filters by rating. A screenshot of the ReviewsList is
written under tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.review_dto import MAX_COMMENT_LENGTH
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.booking.rate_action import RATED_TEXT
from linguaflex_desktop.ui.gig_table_model import GigColumn
from linguaflex_desktop.ui.reviews import ReviewCard, ReviewsList
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.review_ui_helpers import completed_booking, completed_bookings
from tests.ui.ui_helpers import click_row, create_gig, register


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


def _shown(qtbot: QtBot, window: StudentWindow | TeacherWindow | AdminWindow) -> None:
    qtbot.addWidget(window)
    window.show()


def _cards_loaded(qtbot: QtBot, reviews: ReviewsList, count: int) -> None:
    qtbot.waitUntil(lambda: len(reviews.cards) == count, timeout=5000)


def _reviewed(services: AppServices, school: School, clock: FakeClock, **review: Any) -> None:
    """A completed session of ``school``'s student, reviewed (``stars``, ``comment``)."""
    done = completed_booking(services, school, clock)
    services.reviews.rate_booking(school.student.actor, done.id, **review)


def _first_card_of_reviews_tab(qtbot: QtBot, window: TeacherWindow | AdminWindow) -> ReviewCard:
    _shown(qtbot, window)
    window.tabs.setCurrentWidget(window.reviews)
    _cards_loaded(qtbot, window.reviews, 1)
    return window.reviews.cards[0]


def test_the_student_rates_a_completed_session_from_my_bookings(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
) -> None:
    done = completed_booking(clocked_services, school, clock)
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    _shown(qtbot, window)
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.show_combo.setCurrentIndex(page.show_combo.findData("past"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.is_loading)
    button = page.rate_action.button
    assert button.text() == "Rate this session…" and not button.isEnabled()
    click_row(qtbot, page.view, 0)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.rate_action.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.submit_button.isEnabled()  # no stars chosen yet
    dialog.text_edit.setPlainText("x" * (MAX_COMMENT_LENGTH + 3))
    assert dialog.text_limit.label.text() == (
        f"The review is 3 characters too long (at most {MAX_COMMENT_LENGTH})."
    )
    dialog.set_stars(4)
    assert dialog.stars_label.text() == "4 of 5 — Very good"
    assert not dialog.submit_button.isEnabled()  # still too long
    dialog.text_edit.setPlainText("Patient and clear.")
    assert dialog.text_limit.label.text() == f"18 / {MAX_COMMENT_LENGTH}"
    assert dialog.submit_button.isEnabled()
    with qtbot.waitSignal(dialog.rated, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice_label.text() == RATED_TEXT)
    qtbot.waitUntil(lambda: page.model.booking_at(0).has_review, timeout=5000)
    assert not button.isEnabled()
    [review] = clocked_services.reviews.list_reviews(
        school.other_student.actor, school.teacher.id
    ).items
    assert (review.booking_id, review.stars, review.comment) == (done.id, 4, "Patient and clear.")
    assert review.student_first_name == "Sam"
    runner.wait_for_idle()


def test_the_rate_button_stays_off_for_a_session_not_completed(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    book(clocked_services, school)
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    _shown(qtbot, window)
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.is_loading)
    click_row(qtbot, page.view, 0)
    assert not page.rate_action.button.isEnabled()
    assert page.rate_action.open_dialog() is None
    runner.wait_for_idle()


def test_the_teacher_answers_a_review_in_their_reviews_tab(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
) -> None:
    _reviewed(clocked_services, school, clock, stars=3, comment="A bit fast.")
    window = TeacherWindow(services=clocked_services, user=school.teacher, runner=runner)
    card = _first_card_of_reviews_tab(qtbot, window)
    assert card.answer_button.isVisibleTo(card) and not card.hide_button.isVisibleTo(card)
    qtbot.mouseClick(card.answer_button, Qt.MouseButton.LeftButton)
    dialog = window.reviews.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.submit_button.isEnabled()  # an empty answer
    dialog.text_edit.setPlainText("Thank you, I will slow down.")
    with qtbot.waitSignal(window.reviews.review_changed, timeout=5000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            bool(window.reviews.cards)
            and window.reviews.cards[0].review.answer == "Thank you, I will slow down."
        ),
        timeout=5000,
    )
    fresh = window.reviews.cards[0]
    assert not fresh.answer_button.isVisibleTo(fresh)
    assert fresh.answer_label is not None
    assert fresh.answer_label.text() == (
        "Answer from Lucía Ruiz (Wed 3 Mar 2027):\nThank you, I will slow down."
    )
    runner.wait_for_idle()


def test_the_admin_hides_a_review_with_a_reason_and_its_author_is_told(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
) -> None:
    _reviewed(clocked_services, school, clock, stars=1, comment="Rude")
    window = AdminWindow(services=clocked_services, user=school.admin, runner=runner)
    card = _first_card_of_reviews_tab(qtbot, window)
    assert card.hide_button.isVisibleTo(card) and not card.answer_button.isVisibleTo(card)
    qtbot.mouseClick(card.hide_button, Qt.MouseButton.LeftButton)
    dialog = window.reviews.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reason_edit.setPlainText("Insulting language.")
    with qtbot.waitSignal(window.reviews.review_changed, timeout=5000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(window.reviews.cards) and window.reviews.cards[0].review.is_hidden,
        timeout=5000,
    )
    hidden = window.reviews.cards[0]
    assert not hidden.hide_button.isVisibleTo(hidden)
    assert hidden.review.hidden_reason == "Insulting language."
    assert clocked_services.reviews.list_reviews(school.student.actor, school.teacher.id).total == 0
    inbox = clocked_services.notifications.list_inbox(school.student.actor).items
    assert [n.kind for n in inbox if n.kind == "review_hidden"] == ["review_hidden"]
    runner.wait_for_idle()


def test_search_shows_the_rating_sorts_best_rated_first_and_filters_four_and_up(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
) -> None:
    newcomer = register(clocked_services, Role.TEACHER, email="nina@example.com", name="Nina New")
    create_gig(clocked_services, newcomer, title="Spanish for beginners", rate_minor=2000)
    done = completed_booking(clocked_services, school, clock)
    clocked_services.reviews.rate_booking(school.student.actor, done.id, stars=5)
    window = StudentWindow(services=clocked_services, user=school.other_student, runner=runner)
    _shown(qtbot, window)
    browser = window.gig_browser
    qtbot.waitUntil(lambda: browser.model.rowCount() == 2, timeout=5000)

    def rows() -> list[tuple[str, str]]:
        column = browser.model.column_of(GigColumn.RATING)
        return [
            (browser.model.gig_at(row).teacher_name, browser.model.index(row, column).data())
            for row in range(browser.model.rowCount())
        ]

    assert (
        browser.model.headerData(
            browser.model.column_of(GigColumn.RATING), Qt.Orientation.Horizontal
        )
        == "Rating"
    )
    assert rows() == [("Nina New", "New"), ("Lucía Ruiz", "★ 5.0 (1)")]  # cheapest first
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.sort_combo.setCurrentIndex(browser.sort_combo.findData("rating"))
    assert browser.sort_combo.currentText() == "Best rated"
    assert rows() == [("Lucía Ruiz", "★ 5.0 (1)"), ("Nina New", "New")]
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.top_rated_check.setChecked(True)
    assert browser.top_rated_check.text() == "Rating 4+ only"
    assert rows() == [("Lucía Ruiz", "★ 5.0 (1)")]
    with qtbot.waitSignal(browser.results_loaded, timeout=5000):
        browser.clear_button.click()
    assert not browser.top_rated_check.isChecked() and browser.model.rowCount() == 2
    runner.wait_for_idle()


def test_a_screenshot_of_the_reviews_list(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    first, second = completed_bookings(clocked_services, school, clock, count=2)
    reviews = clocked_services.reviews
    reviews.rate_booking(
        school.student.actor, first.id, stars=5, comment="Lucía explains grammar so clearly."
    )
    answered = reviews.rate_booking(
        school.student.actor, second.id, stars=4, comment="Good pace, lots of speaking."
    )
    reviews.answer_review(school.teacher.actor, answered.id, "Thank you, Sam! See you soon.")
    widget = ReviewsList(
        services=clocked_services,
        actor=school.other_student.actor,
        runner=runner,
        teacher_id=school.teacher.id,
    )
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    widget.show()
    _cards_loaded(qtbot, widget, 2)
    assert [card.review.stars for card in widget.cards] == [4, 5]  # newest first
    qtbot.waitUntil(lambda: widget.summary_label.text() == "★ 4.5 · 2 reviews", timeout=5000)
    assert not any(card.answer_button.isVisibleTo(card) for card in widget.cards)
    path = tmp_path / "reviews_list.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (640, 420)
    runner.wait_for_idle()


def test_a_page_emptied_by_a_hidden_review_falls_back_to_the_last_page_left(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("linguaflex_desktop.ui.reviews.PAGE_SIZE", 1)
    first, second = completed_bookings(clocked_services, school, clock, count=2)
    reviews = clocked_services.reviews
    older = reviews.rate_booking(school.student.actor, first.id, stars=2, comment="Meh")
    clock.advance(minutes=5)
    reviews.rate_booking(school.student.actor, second.id, stars=5, comment="Great")
    widget = ReviewsList(
        services=clocked_services,
        actor=school.other_student.actor,
        runner=runner,
        teacher_id=school.teacher.id,
    )
    qtbot.addWidget(widget)
    widget.show()
    _cards_loaded(qtbot, widget, 1)
    with qtbot.waitSignal(widget.reviews_loaded, timeout=5000):
        widget.pager.next_button.click()
    assert [card.review.comment for card in widget.cards] == ["Meh"]  # page 2 of 2
    reviews.hide_review(school.admin.actor, older.id, reason="Off topic.")
    with qtbot.waitSignal(widget.reviews_loaded, timeout=5000) as loaded:
        widget.load(1)  # as a "review" change reloads the page shown
    assert loaded.args[0].offset == 0
    assert [card.review.comment for card in widget.cards] == ["Great"]
    runner.wait_for_idle()
