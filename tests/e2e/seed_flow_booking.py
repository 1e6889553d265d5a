"""The seed flow up to the payment, through the real windows (see test_seed_flow_windows.py):
demo data from the login window, the student's request, the teacher's confirmation, the card
saved through the browser hand-off, the payment in the pay dialog. Each step checks the
screen and the store.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.demo.data import DEMO_PASSWORD_TEACHER, demo_accounts
from linguaflex_desktop.models import BookingStatus, PaymentStatus, Role
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.booking.format import quote_text
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.payments.pages import PaymentUI
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.e2e.checkout_browser import fill_card, returned_heading
from tests.e2e.seed_flow_steps import (
    DURATION,
    GIG_TITLE,
    SLOT_START,
    STUDENT_EMAIL,
    TEACHER_EMAIL,
    VISA,
    WAIT_MS,
    cell,
    choose_demo_account,
    is_closed,
    open_login,
    open_role_window,
    select_booking_row,
    sign_in,
    wait_for_state,
)
from tests.ui.payment_ui_helpers import UrlRecorder
from tests.ui.ui_helpers import click_row, type_into


def load_demo_data_and_sign_in_as_the_student(
    qtbot: QtBot, services: AppServices, task_runner: TaskRunner
) -> UserDTO:
    login = open_login(qtbot, services, task_runner)
    offer = login.demo_offer
    assert offer.isVisible(), "a fresh data folder offers the demo data"
    with qtbot.waitSignal(offer.demo_loaded, timeout=WAIT_MS) as loaded:
        qtbot.mouseClick(offer.load_button, Qt.MouseButton.LeftButton)
    assert loaded.args[0].created and loaded.args[0].teachers == 6
    assert offer.accounts_table.rowCount() == len(demo_accounts())
    choose_demo_account(qtbot, login, STUDENT_EMAIL)
    assert login.email_edit.text() == STUDENT_EMAIL
    user = sign_in(qtbot, login)
    assert (user.email, user.role) == (STUDENT_EMAIL, Role.STUDENT)
    return user


def student_requests_a_session(
    qtbot: QtBot, services: AppServices, window: StudentWindow
) -> BookingDTO:
    """Search, open "Book a session…", pick 1 h 30 min and Wednesday 15:00, request."""
    browser_page = window.gig_browser
    qtbot.waitUntil(lambda: browser_page.model.rowCount() > 0, timeout=WAIT_MS)
    with qtbot.waitSignal(browser_page.results_loaded, timeout=WAIT_MS):
        type_into(qtbot, browser_page.text_edit, "job interviews")
        qtbot.keyClick(browser_page.text_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: browser_page.model.rowCount() == 1, timeout=WAIT_MS)
    click_row(qtbot, browser_page.view, 0)
    gig = browser_page.detail.gig
    assert gig is not None and (gig.title, gig.teacher_name) == (GIG_TITLE, "Emily Carter")
    assert window.book_button.isEnabled()
    qtbot.mouseClick(window.book_button, Qt.MouseButton.LeftButton)
    dialog = window.book_dialog
    assert dialog is not None and dialog.isVisible()

    combo = dialog.duration_combo
    with qtbot.waitSignal(dialog.quote_loaded, timeout=WAIT_MS) as quoted:
        combo.setCurrentIndex(combo.findData(DURATION))  # as picking it in the list does
    price = quoted.args[0]
    # the seed's example: 50.00 USD/h x 1.5 h = 75.00 + 5 % fee 3.75 (at least 1.00) = 78.75
    expected = services.quotes.quote_booking(window.actor, gig.id, duration_minutes=DURATION)
    assert price == expected
    assert (price.base_minor, price.fee_minor, price.total_minor) == (7500, 375, 7875)
    assert price.fee_minor == max(round(price.base_minor * 0.05), 100)
    assert dialog.price_label.text() == quote_text(price)
    assert (
        dialog.price_label.text()
        == "1 h 30 min at 50.00 USD / h: 75.00 USD + 3.75 USD platform fee"
    )
    assert dialog.total_label.text() == "78.75 USD"
    assert not dialog.request_button.isEnabled(), "no slot chosen yet"

    week = dialog.week
    qtbot.waitUntil(lambda: any(s.start_at == SLOT_START for s in week.slots()), timeout=WAIT_MS)
    slot = next(s for s in week.slots() if s.start_at == SLOT_START)
    assert slot.end_at - slot.start_at == timedelta(minutes=DURATION)
    position = week.cell_of(slot)
    assert position is not None
    item = week.table.item(*position)
    assert item is not None
    rect = week.table.visualItemRect(item)
    qtbot.mouseClick(week.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected_slot() == slot
    assert "Wed 3 Mar 2027, 15:00–16:30 (Europe/London)" in dialog.slot_label.text()  # noqa: RUF001
    assert "For Emily Carter: Wed 3 Mar 2027, 10:00–11:30 (America/New_York)" in (  # noqa: RUF001
        dialog.slot_label.text()
    )
    assert dialog.request_button.isEnabled()
    with qtbot.waitSignal(dialog.booking_requested, timeout=WAIT_MS) as requested:
        qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton)
    booking = requested.args[0]
    assert isinstance(booking, BookingDTO)
    assert is_closed(dialog)

    page = window.my_bookings
    assert window.tabs.currentWidget() is page
    assert "Request sent to Emily Carter" in page.notice_label.text()
    wait_for_state(qtbot, page, booking.id, "Waiting for teacher", "Unpaid")
    qtbot.waitUntil(
        lambda: getattr(page.selected_booking(), "id", 0) == booking.id, timeout=WAIT_MS
    )
    assert cell(page, booking.id, BookingColumn.TOTAL) == "78.75 USD"
    assert cell(page, booking.id, BookingColumn.DURATION) == "1 h 30 min"
    stored = services.bookings.get_booking(window.actor, booking.id).booking
    assert (stored.status, stored.payment_status) == (BookingStatus.PENDING, PaymentStatus.UNPAID)
    assert (stored.start_at, stored.duration_minutes) == (SLOT_START, DURATION)
    assert (stored.base_amount_minor, stored.fee_minor, stored.total_minor) == (7500, 375, 7875)
    return stored


def teacher_confirms(
    qtbot: QtBot,
    services: AppServices,
    task_runner: TaskRunner,
    opener: UrlRecorder,
    booking: BookingDTO,
) -> None:
    """Emily signs in, confirms the request in "Requests"; her schedule shows it confirmed."""
    login = open_login(qtbot, services, task_runner)
    assert not login.demo_offer.load_button.isVisible(), "no offer to load once accounts exist"
    user = sign_in(qtbot, login, email=TEACHER_EMAIL, password=DEMO_PASSWORD_TEACHER)
    window, _added = open_role_window(qtbot, services, task_runner, user, opener)
    assert isinstance(window, TeacherWindow)
    requests = window.requests
    window.tabs.setCurrentWidget(requests)
    qtbot.waitUntil(lambda: requests.model.row_of(booking.id) is not None, timeout=WAIT_MS)
    assert requests.model.rowCount() == 1
    requests_tab = window.tabs.indexOf(requests)
    assert window.tabs.tabText(requests_tab) == "Requests (1)"
    qtbot.waitUntil(lambda: window.inbox.unread_count == 1, timeout=WAIT_MS)  # "requested"
    assert window.inbox.model.index(0, 0).data() == "New session request from Sam Taylor"
    assert cell(requests, booking.id, BookingColumn.STUDENT) == "Sam Taylor"
    assert cell(requests, booking.id, BookingColumn.TOTAL) == "78.75 USD"
    select_booking_row(qtbot, requests, booking.id)
    assert requests.confirm_button.isEnabled()
    qtbot.mouseClick(requests.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: requests.model.rowCount() == 0, timeout=WAIT_MS)
    assert requests.notice_label.text() == "Confirmed. Sam Taylor can now pay for the session."
    assert window.tabs.tabText(requests_tab) == "Requests"
    stored = services.bookings.get_booking(user.actor, booking.id).booking
    assert (stored.status, stored.payment_status) == (
        BookingStatus.CONFIRMED,
        PaymentStatus.UNPAID,
    )

    schedule = window.schedule
    window.tabs.setCurrentWidget(schedule)
    schedule.reload()
    wait_for_state(qtbot, schedule, booking.id, "Confirmed", "Unpaid")


def student_sees_confirmed_without_a_meeting(
    qtbot: QtBot, services: AppServices, window: StudentWindow, booking: BookingDTO
) -> None:
    """Confirmed but unpaid: "Pay…" is offered, and there is no meeting to join yet."""
    page = window.my_bookings
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    wait_for_state(qtbot, page, booking.id, "Confirmed", "Unpaid")
    select_booking_row(qtbot, page, booking.id)
    qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    dialog = page.detail_dialog
    assert dialog is not None
    panel = dialog.meeting_panel
    qtbot.waitUntil(lambda: panel.meeting is not None, timeout=WAIT_MS)
    assert panel.meeting is not None and panel.meeting.status is None
    assert panel.state_label.text() == "No meeting yet"
    assert not panel.join_button.isEnabled()
    assert panel.reason_label.text() == "A meeting room is created when the session is paid."
    dialog.reject()
    assert services.meetings.meeting_for_booking(window.actor, booking.id).join_url is None


def student_adds_a_card_in_the_browser(
    qtbot: QtBot,
    services: AppServices,
    window: StudentWindow,
    payment_ui: PaymentUI,
    opener: UrlRecorder,
    browser: Any,
) -> None:
    """ "Add card…" hands off to Stripe's hosted page in the browser, where Chromium types
    Stripe's test Visa."""
    cards = payment_ui.cards
    assert cards is not None
    window.tabs.setCurrentWidget(cards)
    qtbot.waitUntil(cards.table.showing_empty_state, timeout=WAIT_MS)
    cards.poll_interval = 0.2
    qtbot.mouseClick(cards.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opener.urls) == 1, timeout=WAIT_MS)
    assert opener.urls[0].startswith("http://127.0.0.1:")
    assert cards.wait_dialog is not None and cards.wait_dialog.isVisible()

    browser.get(opener.urls[0])
    assert "/checkout/pay/cs_test_" in opener.urls[0]
    fill_card(browser, VISA)
    assert returned_heading(browser) == "All done"
    qtbot.waitUntil(
        lambda: cards.wait_dialog is None and cards.model.rowCount() == 1, timeout=WAIT_MS
    )
    assert cards.notice_label.text() == "Visa •••• 4242, expires 12/2031 saved."
    assert cards.model.cell_text(0, "Card") == "Visa ending in 4242"
    assert cards.model.cell_text(0, "Default") == "Default"
    saved = services.cards.list_cards(window.actor)
    assert [(c.brand, c.last4, c.is_default) for c in saved] == [("visa", "4242", True)]


def student_pays(
    qtbot: QtBot,
    services: AppServices,
    window: StudentWindow,
    payment_ui: PaymentUI,
    booking: BookingDTO,
) -> None:
    """ "Pay…" on the confirmed booking, the total from the service, "Pay 78.75 USD" ->
    CONFIRMED/PAID on screen and in the store (the payment row and Stripe: the admin step)."""
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    select_booking_row(qtbot, page, booking.id)
    student = payment_ui.student
    assert student is not None and student.pay_button.isEnabled()
    qtbot.mouseClick(student.pay_button, Qt.MouseButton.LeftButton)
    dialog = student.pay_dialog
    assert dialog is not None
    dialog.poll_interval = 0.2
    qtbot.waitUntil(dialog.pay_button.isEnabled, timeout=WAIT_MS)
    assert dialog.total_label.text() == "78.75 USD"
    assert dialog.pay_button.text() == "Pay 78.75 USD"
    assert "4242" in dialog.card_combo.currentText()
    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT_MS) as settled:
        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    outcome = settled.args[0]
    assert outcome is not None and outcome.state == "succeeded", outcome
    assert dialog.notice_label.text() == "Payment received: 78.75 USD."  # said once
    assert dialog.pay_button.isHidden()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # "Close"
    assert is_closed(dialog)
    wait_for_state(qtbot, page, booking.id, "Confirmed", "Paid")
    qtbot.waitUntil(lambda: not student.pay_button.isEnabled(), timeout=WAIT_MS)

    stored = services.bookings.get_booking(window.actor, booking.id).booking
    assert (stored.status, stored.payment_status) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)
