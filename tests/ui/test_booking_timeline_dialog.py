"""The admin's "Health timeline" dialog on real services (SQLite, the in-process localstripe):
the entries of a paid booking listed newest last with the admin's zone, a "Read again now"
button for the PaymentIntent that reads it in the background and reloads the view, a reload
when data changes elsewhere, and the Bookings page's "Timeline…" button. A screenshot is
written under the test's temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.admin.booking_timeline import (
    READ_AGAIN_TEXT,
    BookingTimelineDialog,
    open_booking_timeline,
)
from linguaflex_desktop.ui.admin.bookings_page import AdminBookingsPage
from linguaflex_desktop.ui.data_changed import Change, data_events
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.ui_helpers import click_row, column_texts

WAIT_MS = 20000


@pytest.fixture
def school(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> School:
    return make_school(clocked_services)


def paid_booking(services: AppServices, school: School, clock: FakeClock) -> int:
    """Requested at 09:00, confirmed at 09:05, paid at 09:10 (UTC)."""
    booking = book(services, school)
    clock.advance(minutes=5)
    services.bookings.confirm_booking(school.teacher.actor, booking.id)
    clock.advance(minutes=5)
    services.cards.save_test_card(school.student.actor)
    outcome = services.payments.pay_booking(school.student.actor, booking.id)
    assert outcome.state == "succeeded"
    return booking.id


def titles(dialog: BookingTimelineDialog) -> list[str]:
    return column_texts(dialog.view, dialog.model.column_of("What"))


def test_the_dialog_lists_the_events_newest_last_with_a_read_again_button(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    runner: TaskRunner,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    services = clocked_services
    booking_id = paid_booking(services, school, clock)
    dialog = open_booking_timeline(None, services, school.admin.actor, runner, booking_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.timeline is not None, timeout=WAIT_MS)
    assert dialog.timeline is not None
    (intent,) = [e for e in dialog.timeline.entries if e.stripe and e.stripe.can_read_again]
    assert intent.stripe is not None
    intent_id = intent.stripe.object_id

    shown = titles(dialog)
    assert shown[:2] == [
        "Booking requested",
        "Message to Lucía Ruiz: “New session request from Sam Taylor”",
    ]
    for title in (
        "Teacher confirmed the booking",
        f"Stripe PaymentIntent {intent_id}: succeeded",
        "Payment started",
        "Booking paid",
        "Stripe confirmed the payment",
        "Job “Create the meeting”: waiting",
    ):
        assert title in shown
    assert shown.index("Booking requested") < shown.index("Booking paid")  # oldest first
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "When (UTC)"
    first_row = dialog.model.cell_text(0, "When (UTC)")
    assert first_row == "Mon 1 Mar 2027, 09:00:00"
    assert dialog.model.cell_text(0, "Who") == "Sam Taylor"
    row = shown.index(f"Stripe PaymentIntent {intent_id}: succeeded")
    assert "Amount: 31.50 USD" in dialog.model.cell_text(row, "Details").splitlines()
    assert list(dialog.read_buttons) == [intent_id]
    button = dialog.read_buttons[intent_id]
    assert button.text() == READ_AGAIN_TEXT and button.isVisible()
    cell = dialog.view.indexWidget(dialog.model.index(row, dialog.model.column_of("")))
    assert cell is not None and cell.findChild(QPushButton) is button
    shot = tmp_path / "booking-timeline.png"
    assert dialog.grab().save(str(shot))
    assert not QImage(str(shot)).isNull()

    count = dialog.model.rowCount()
    clock.advance(minutes=30)
    with qtbot.waitSignal(dialog.read_done, timeout=WAIT_MS) as read:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert read.args[0].message == "Stripe says succeeded; our record agrees."
    qtbot.waitUntil(lambda: dialog.model.rowCount() == count + 1, timeout=WAIT_MS)
    assert titles(dialog)[-1] == "PaymentIntent read again from Stripe"  # newest last
    assert dialog.model.cell_text(count, "When (UTC)") == "Mon 1 Mar 2027, 09:40:00"
    assert dialog.model.cell_text(count, "Who") == "Ada Admin"
    assert dialog.notice_label.text() == "Stripe says succeeded; our record agrees."
    fresh = dialog.read_buttons[intent_id]
    assert fresh.isEnabled() and fresh.text() == READ_AGAIN_TEXT


def test_a_change_made_elsewhere_reloads_the_dialog(
    qtbot: QtBot, clocked_services: AppServices, school: School, runner: TaskRunner
) -> None:
    booking = book(clocked_services, school)
    dialog = open_booking_timeline(None, clocked_services, school.admin.actor, runner, booking.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.timeline is not None, timeout=WAIT_MS)
    assert titles(dialog)[-1].startswith("Message to Lucía Ruiz")

    clocked_services.bookings.confirm_booking(school.teacher.actor, booking.id)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        data_events(runner).emit_change(Change("booking", (booking.id,)))

    assert "Teacher confirmed the booking" in titles(dialog)
    assert dialog.read_buttons == {}


def test_the_bookings_page_opens_the_timeline_of_the_selected_booking(
    qtbot: QtBot, clocked_services: AppServices, school: School, runner: TaskRunner
) -> None:
    booking = book(clocked_services, school)
    page = AdminBookingsPage(services=clocked_services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert not page.timeline_button.isEnabled()

    click_row(qtbot, page.view, 0)
    assert page.timeline_button.isEnabled()
    qtbot.mouseClick(page.timeline_button, Qt.MouseButton.LeftButton)

    dialog = page.timeline_dialog
    assert dialog is not None and dialog.isVisible() and dialog.booking_id == booking.id
    qtbot.waitUntil(lambda: dialog.timeline is not None, timeout=WAIT_MS)
    assert titles(dialog)[0] == "Booking requested"
    dialog.close()


def test_a_non_admin_sees_the_refusal_inline_and_no_entries(
    qtbot: QtBot, clocked_services: AppServices, school: School, runner: TaskRunner
) -> None:
    booking = book(clocked_services, school)
    dialog = BookingTimelineDialog(
        services=clocked_services,
        actor=school.teacher.actor,
        runner=runner,
        booking_id=booking.id,
    )
    qtbot.addWidget(dialog)

    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS):
        dialog.show()

    assert dialog.error_label.text() == "Your role does not allow this."
    assert dialog.model.rowCount() == 0 and dialog.read_buttons == {}
    assert dialog.table.empty_label.text() == "The timeline could not be loaded."
