"""Booking a session from a gig: week of free slots, duration, price from the service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus
from linguaflex_desktop.services.booking.dto import SlotDTO
from linguaflex_desktop.ui.booking.book_session_dialog import BookSessionDialog
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import WEDNESDAY_10_UTC, School, book, make_school


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


def open_dialog(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> BookSessionDialog:
    dialog = BookSessionDialog(
        services=services, actor=school.student.actor, runner=runner, gig=school.gig
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.price is not None and bool(dialog.week.slots()), timeout=5000)
    return dialog


def slot_at(dialog: BookSessionDialog, start_at: object) -> SlotDTO:
    return next(slot for slot in dialog.week.slots() if slot.start_at == start_at)


def test_week_shows_free_slots_in_the_students_zone_from_the_lead_time_on(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = open_dialog(qtbot, clocked_services, runner, school)
    slots = dialog.week.slots()
    # 09:00 UTC now + 12 h lead time: nothing before 21:00 UTC; Madrid 09-18 = 08-17 UTC/London
    assert min(slot.start_at for slot in slots).isoformat() == "2027-03-02T08:00:00+00:00"
    row, column = dialog.week.cell_of(slot_at(dialog, WEDNESDAY_10_UTC)) or (-1, -1)
    assert dialog.week.table.item(row, column).text() == "10:00"  # London wall time
    assert dialog.week.table.horizontalHeaderItem(column).text() == "Wed\n3 Mar"
    assert "Europe/London" in dialog.week.week_label.text()


def test_price_with_fee_comes_from_the_service_and_follows_the_duration(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = open_dialog(qtbot, clocked_services, runner, school)
    assert dialog.total_label.text() == "31.50 USD"  # 1 h at 30.00 + 5 % fee (min 1.00)
    assert "1.50 USD platform fee" in dialog.price_label.text()
    with qtbot.waitSignal(dialog.quote_loaded, timeout=5000):
        dialog.duration_combo.setCurrentIndex(dialog.duration_combo.findData(90))
    assert dialog.total_label.text() == "47.25 USD"
    assert not dialog.request_button.isEnabled()  # no slot chosen yet


def test_requesting_a_slot_creates_a_pending_booking_at_that_time_with_the_note(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = open_dialog(qtbot, clocked_services, runner, school)
    assert dialog.week.select_slot(slot_at(dialog, WEDNESDAY_10_UTC))
    assert "Wed 3 Mar 2027, 10:00–11:00 (Europe/London)" in dialog.slot_label.text()  # noqa: RUF001
    assert "11:00–12:00 (Europe/Madrid)" in dialog.slot_label.text()  # noqa: RUF001
    dialog.note_edit.setPlainText("I want to practise for a trip.")
    with qtbot.waitSignal(dialog.booking_requested, timeout=5000) as requested:
        dialog.request_button.click()
    booking = requested.args[0]
    assert booking.start_at == WEDNESDAY_10_UTC
    assert booking.status is BookingStatus.PENDING
    assert booking.total_minor == 3150
    detail = clocked_services.bookings.get_booking(school.student.actor, booking.id)
    assert detail.student_note == "I want to practise for a trip."


def test_a_slot_taken_meanwhile_shows_the_message_and_reloads_the_week(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = open_dialog(qtbot, clocked_services, runner, school)
    assert dialog.week.select_slot(slot_at(dialog, WEDNESDAY_10_UTC))
    book(clocked_services, school, student=school.other_student)  # someone else is faster
    with qtbot.waitSignal(dialog.week.slots_loaded, timeout=5000):
        dialog.request_button.click()
    assert dialog.error_label.isVisible()
    assert "taken" in dialog.error_label.text().lower()
    starts = {slot.start_at for slot in dialog.week.slots()}
    assert WEDNESDAY_10_UTC not in starts
    assert WEDNESDAY_10_UTC + timedelta(hours=1) in starts
    assert dialog.isVisible()


def test_next_week_loads_the_following_seven_days(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = open_dialog(qtbot, clocked_services, runner, school)
    assert not dialog.week.previous_button.isEnabled()
    with qtbot.waitSignal(dialog.week.slots_loaded, timeout=5000):
        dialog.week.next_button.click()
    first = min(slot.start_at for slot in dialog.week.slots())
    assert first.date().isoformat() == "2027-03-08"
    assert dialog.week.previous_button.isEnabled()


def test_a_too_long_note_is_counted_while_typing_and_keeps_request_off(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = open_dialog(qtbot, clocked_services, runner, school)
    assert dialog.week.select_slot(slot_at(dialog, WEDNESDAY_10_UTC))
    assert dialog.request_button.isEnabled()
    dialog.note_edit.setPlainText("x" * 1001)
    assert dialog.note_limit.label.text() == "The note is 1 character too long (at most 1000)."
    assert dialog.note_edit.property("invalid") is True
    assert not dialog.request_button.isEnabled()
    dialog.note_edit.setPlainText("x" * 1000)
    assert dialog.note_limit.label.text() == "1000 / 1000"
    assert dialog.request_button.isEnabled()
