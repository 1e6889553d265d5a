"""Defects found by a review of the Qt layer's threading and error handling, each pinned by the
test that failed before its fix: real windows, real services, the threaded TaskRunner."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.admin.window import GigAdminPage, UserAdminPage
from linguaflex_desktop.ui.availability_editor import AvailabilityEditorPage
from linguaflex_desktop.ui.booking.book_session_dialog import BookSessionDialog
from linguaflex_desktop.ui.booking.detail_dialog import BookingDetailDialog
from linguaflex_desktop.ui.booking.reschedule_dialog import RescheduleDialog
from linguaflex_desktop.ui.demo_data_offer import DemoDataOffer
from linguaflex_desktop.ui.payments.cards_page import CardsPage
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.ui.booking_ui_helpers import THURSDAY_10_UTC, WEDNESDAY_10_UTC, School, book, make_school
from tests.ui.ui_helpers import click_row, column_texts, create_gig


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def teacher_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[TeacherWindow]:
    book(clocked_services, school, start_at=WEDNESDAY_10_UTC)
    window = TeacherWindow(services=clocked_services, user=school.teacher, runner=runner)
    qtbot.addWidget(window)
    window.show()
    runner.wait_for_idle()
    yield window
    runner.wait_for_idle()


def test_a_booking_transition_disables_its_buttons_until_it_answers_so_a_second_click_sends_nothing(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    runner: TaskRunner,
    clocked_services: AppServices,
    school: School,
) -> None:
    page = teacher_window.requests
    click_row(qtbot, page.view, 0)
    booking = page.selected_booking()
    assert booking is not None and page.confirm_button.isEnabled()
    page.confirm_button.click()
    assert not page.confirm_button.isEnabled()
    assert not page.decline_button.isEnabled()
    page.confirm_button.click()  # an impatient second click while the first is running
    assert runner.wait_for_idle()
    assert page.error_label.text() == ""  # no "changed meanwhile" after our own success
    assert "Confirmed." in page.notice_label.text()
    stored = clocked_services.bookings.get_booking(school.teacher.actor, booking.id).booking
    assert stored.status is BookingStatus.CONFIRMED


def test_choosing_another_slot_while_a_booking_request_runs_does_not_allow_a_second_request(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = BookSessionDialog(
        services=clocked_services, actor=school.student.actor, runner=runner, gig=school.gig
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.price is not None and bool(dialog.week.slots()), timeout=5000)
    slots = {slot.start_at: slot for slot in dialog.week.slots()}
    assert dialog.week.select_slot(slots[WEDNESDAY_10_UTC])
    dialog.request_button.click()
    assert dialog.week.select_slot(slots[WEDNESDAY_10_UTC + timedelta(hours=1)])
    assert not dialog.request_button.isEnabled()
    dialog.request_button.click()  # would request a second session
    assert runner.wait_for_idle()
    assert clocked_services.bookings.count_bookings(school.student.actor) == 1


def test_choosing_another_slot_while_a_reschedule_proposal_runs_does_not_allow_a_second_one(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = book(clocked_services, school)
    dialog = RescheduleDialog(
        services=clocked_services, actor=school.student.actor, runner=runner, booking=booking
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.week.slots()), timeout=5000)
    slots = {slot.start_at: slot for slot in dialog.week.slots()}
    assert dialog.week.select_slot(slots[THURSDAY_10_UTC])
    dialog.propose_button.click()
    assert dialog.week.select_slot(slots[THURSDAY_10_UTC + timedelta(hours=1)])
    assert not dialog.propose_button.isEnabled()
    dialog.propose_button.click()  # would replace the proposal the dialog reports as made
    assert runner.wait_for_idle()
    detail = clocked_services.bookings.get_booking(school.teacher.actor, booking.id)
    assert detail.reschedule_proposal is not None
    assert detail.reschedule_proposal.start_at == THURSDAY_10_UTC


def test_removing_a_card_turns_remove_and_make_default_off_until_stripe_has_answered(
    qtbot: QtBot,
    clocked_services: AppServices,
    stripe_sandbox: StripeSandbox,
    runner: TaskRunner,
    school: School,
) -> None:
    actor = school.student.actor
    clocked_services.cards.save_test_card(actor, "pm_card_visa")
    clocked_services.cards.save_test_card(actor, "pm_card_chargeCustomerFail")
    page = CardsPage(services=clocked_services, actor=actor, runner=runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    click_row(qtbot, page.view, 1)
    first = page.remove_selected()
    assert first is not None
    next(b for b in first.buttons() if b.text() == "Remove card").click()
    assert not page.remove_button.isEnabled() and not page.default_button.isEnabled()
    assert page.remove_selected() is None  # no second confirmation for the same card
    assert runner.wait_for_idle(15000)
    assert page.error_label.text() == ""  # no "not found" after our own removal
    assert "was removed" in page.notice_label.text()
    assert [card.last4 for card in clocked_services.cards.list_cards(actor)] == ["4242"]


def test_accepting_a_new_time_keeps_accept_and_decline_off_until_the_reload_shows_the_answer(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = book(clocked_services, school)
    clocked_services.reschedules.propose_reschedule(
        school.student.actor, booking.id, start_at=THURSDAY_10_UTC
    )
    dialog = BookingDetailDialog(
        services=clocked_services, actor=school.teacher.actor, runner=runner, booking_id=booking.id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.accept_proposal_button.isVisible(), timeout=5000)
    assert dialog.accept_proposal_button.isEnabled()
    seen_while_reloading: list[bool] = []

    def click_again_between_answer_and_reload(_changed: object) -> None:
        buttons = (dialog.accept_proposal_button, dialog.decline_proposal_button)
        seen_while_reloading.extend(button.isEnabled() for button in buttons)
        dialog.decline_proposal_button.click()  # would decline the proposal just accepted

    dialog.booking_changed.connect(click_again_between_answer_and_reload)
    with qtbot.waitSignal(dialog.detail_loaded, timeout=5000):
        dialog.accept_proposal_button.click()
    assert runner.wait_for_idle()
    assert seen_while_reloading == [False, False]
    assert dialog.error_label.text() == ""
    assert not dialog.proposal_box.isVisible()
    detail = clocked_services.bookings.get_booking(school.teacher.actor, booking.id)
    assert detail.booking.start_at == THURSDAY_10_UTC and detail.reschedule_proposal is None


def test_reactivating_a_user_turns_suspend_and_reactivate_off_until_it_answers(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    admin = school.admin.actor
    clocked_services.accounts.suspend_user(admin, school.student.id, reason="spam")
    clocked_services.accounts.suspend_user(admin, school.other_student.id, reason="spam")
    page = UserAdminPage(services=clocked_services, actor=admin, runner=runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    names = column_texts(page.view)
    click_row(qtbot, page.view, names.index(school.student.display_name))
    assert page.reactivate_button.isEnabled()
    with qtbot.waitSignal(page.user_changed, timeout=5000):
        page.reactivate_button.click()
        assert not page.reactivate_button.isEnabled() and not page.suspend_button.isEnabled()
        # choosing another suspended user while it runs must not turn the buttons back on
        click_row(qtbot, page.view, names.index(school.other_student.display_name))
        assert not page.reactivate_button.isEnabled() and not page.suspend_button.isEnabled()
    assert page.reactivate_button.isEnabled()  # the selection decides again
    assert page.error_label.text() == ""
    assert not clocked_services.accounts.get_user(admin, school.student.id).suspended_at


def test_removing_a_day_off_turns_the_day_off_buttons_off_until_the_list_has_reloaded(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    teacher = school.teacher.actor
    clocked_services.availability.add_day_off(teacher, date(2027, 3, 5), "Conference")
    page = AvailabilityEditorPage(services=clocked_services, actor=teacher, runner=runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.days_off_list.count() == 1, timeout=5000)
    page.days_off_list.setCurrentRow(0)
    assert page.remove_day_off_button.isEnabled()
    with qtbot.waitSignal(page.days_off_loaded, timeout=5000):
        page.remove_day_off_button.click()
        assert not page.remove_day_off_button.isEnabled()
        assert not page.add_day_off_button.isEnabled()
        page.remove_day_off_button.click()  # would remove it again: "not a day off"
    assert runner.wait_for_idle()
    assert page.error_label.text() == ""
    assert page.days_off_list.item(0).text() == "No days off planned."
    assert page.add_day_off_button.isEnabled() and not page.remove_day_off_button.isEnabled()
    stored = clocked_services.availability.get_weekly_availability(teacher, teacher.id)
    assert stored.days_off == ()


def test_a_gig_page_that_answers_after_a_later_request_is_not_shown(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_gig(clocked_services, school.teacher, title="Business Spanish")
    catalogue = clocked_services.catalogue
    list_all_gigs = catalogue.list_all_gigs
    release = threading.Event()

    def second_page_answers_late(actor: Actor, *, offset: int = 0, limit: int = 100) -> object:
        if offset > 0:
            release.wait(5)
        return list_all_gigs(actor, offset=offset, limit=limit)

    page = GigAdminPage(services=clocked_services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    monkeypatch.setattr(catalogue, "list_all_gigs", second_page_answers_late)
    page.refresh(1)  # paging on, then quickly back to the first page
    with qtbot.waitSignal(page.gigs_loaded, timeout=5000):
        page.refresh(0)
    release.set()
    assert runner.wait_for_idle()
    assert page.model.rowCount() == 2  # not the out-of-date one-gig page at offset 1


def test_a_failed_empty_database_check_hides_the_demo_offer_and_logs_why(
    qtbot: QtBot,
    app_services: AppServices,
    runner: TaskRunner,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with app_services.engine.begin() as connection:  # the check's query now fails for real
        connection.execute(text("ALTER TABLE users RENAME TO users_elsewhere"))
    offer = DemoDataOffer(services=app_services, runner=runner)
    qtbot.addWidget(offer)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(offer.checked, timeout=5000) as checked:
        pass
    assert checked.args == [False] and not offer.isVisible()
    logged = [r for r in caplog.records if r.name == "linguaflex_desktop.ui.demo_data_offer"]
    assert len(logged) == 1 and logged[0].exc_info is not None
    assert "users" in str(logged[0].exc_info[1])


def test_the_reason_dialog_counts_while_typing_and_never_cuts_a_long_reason(
    qtbot: QtBot,
) -> None:
    from linguaflex_desktop.ui.booking.reason_dialog import ReasonDialog

    dialog = ReasonDialog(title="Cancel booking", prompt="Why?", confirm_text="Cancel booking")
    qtbot.addWidget(dialog)
    given: list[str] = []
    dialog.reason_given.connect(given.append)
    dialog.reason_edit.setPlainText("r" * 501)
    assert not dialog.confirm_button.isEnabled()
    assert dialog.reason_edit.property("invalid") is True
    assert dialog.reason_limit.label.text() == ("The reason is 1 character too long (at most 500).")
    dialog.reason_edit.setPlainText("r" * 500)
    assert dialog.confirm_button.isEnabled()
    dialog.confirm_button.click()
    assert given == ["r" * 500]
