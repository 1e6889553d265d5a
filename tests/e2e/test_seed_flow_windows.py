"""The seed's complete booking-and-payment flow (shared/seed/booking-payment-flow.md, "Success
Criteria") through the real student, teacher and admin windows, on a fresh SQLite data folder
with the in-process localstripe sandbox and the app's own outbox worker:

demo data loaded from the login window -> the student finds a gig and requests 1 h 30 min
(PENDING/UNPAID, the price with the 5 % fee from the service) -> the teacher confirms it in
"Requests" (CONFIRMED/UNPAID, no meeting to join yet) -> the student saves a card through the
browser hand-off (headless Chromium on the sandbox's Stripe.js) and pays in the pay dialog
(CONFIRMED/PAID, one succeeded PaymentIntent for the booking's amount) -> the outbox worker
runs once -> the Jitsi meeting is ready and "Join" opens its link; both inboxes hold the "paid"
message -> the admin sees the payment in "Payments" and the audit trail in the booking detail.

Every status is checked on screen and in the store. Real peers only; no sleeps.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import (
    BookingStatus,
    MeetingStatus,
    PaymentAttemptStatus,
    PaymentStatus,
    Role,
)
from linguaflex_desktop.models.enums import MeetingProvider
from linguaflex_desktop.services.booking_dto import BookingDTO
from linguaflex_desktop.services.demo_data import (
    DEMO_PASSWORD_ADMIN,
    DEMO_PASSWORD_TEACHER,
    demo_accounts,
)
from linguaflex_desktop.services.dto import UserDTO
from linguaflex_desktop.services.payment_dto import PaymentFilter
from linguaflex_desktop.services.stripe_sandbox import StripeSandbox
from linguaflex_desktop.services.worker_runtime import build_worker
from linguaflex_desktop.ui.admin_window import AdminWindow
from linguaflex_desktop.ui.app_controller import apply_style_sheet
from linguaflex_desktop.ui.booking_format import quote_text
from linguaflex_desktop.ui.booking_table_model import BookingColumn
from linguaflex_desktop.ui.payment_pages import PaymentUI
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.e2e.conftest import browser  # noqa: F401  (the session's headless Chromium)
from tests.e2e.test_card_setup_browser import page_result, type_card
from tests.ui.conftest import clocked_services, runner  # noqa: F401  (real services, runner)
from tests.ui.payment_ui_helpers import UrlRecorder
from tests.ui.ui_helpers import click_row, type_into

from .seed_flow_steps import (
    WAIT_MS,
    cell,
    choose_demo_account,
    open_login,
    open_role_window,
    select_booking_row,
    sign_in,
    table_column,
    wait_for_state,
)

pytestmark = pytest.mark.browser

STUDENT_EMAIL = "sam.taylor@linguaflex.example"  # Europe/London: UTC in early March
TEACHER_EMAIL = "emily.carter@linguaflex.example"  # America/New_York: UTC-5 until 14 March
ADMIN_EMAIL = "admin@linguaflex.example"
GIG_TITLE = "English for Job Interviews"  # 50.00 USD / h, the seed's own example
DURATION = 90
# Wednesday 3 March 2027, 10:00 in New York = 15:00 in London (the clock: Monday 09:00 UTC)
SLOT_START = datetime(2027, 3, 3, 15, 0, tzinfo=UTC)
VISA = "4242424242424242"


@pytest.fixture
def services(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> AppServices:  # noqa: F811
    apply_style_sheet(QApplication.instance())  # type: ignore[arg-type]
    return clocked_services


@pytest.fixture
def opener() -> UrlRecorder:
    return UrlRecorder()


def test_seed_flow_books_confirms_pays_meets_and_notifies_through_the_three_windows(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,  # noqa: F811
    opener: UrlRecorder,
    browser: Any,  # noqa: F811
) -> None:
    student_user = load_demo_data_and_sign_in_as_the_student(qtbot, services, runner)
    window, payment_ui = open_role_window(qtbot, services, runner, student_user, opener)
    assert isinstance(window, StudentWindow)

    booking = student_requests_a_session(qtbot, services, window)
    teacher_confirms(qtbot, services, runner, opener, booking)
    student_sees_confirmed_without_a_meeting(qtbot, services, window, booking)
    student_adds_a_card_in_the_browser(qtbot, services, window, payment_ui, opener, browser)
    student_pays(qtbot, services, window, payment_ui, booking)

    worker = build_worker(services, services.settings, worker_id="e2e-seed-worker")
    assert worker.run_once() == 1  # the create-meeting job, which also tells both parties
    student_joins_the_meeting(qtbot, services, window, booking)
    inboxes_hold_the_paid_message(qtbot, services, runner, opener, window, booking)
    admin_sees_the_payment_and_the_audit_trail(qtbot, services, runner, opener, booking)
    runner.wait_for_idle(WAIT_MS)


# --- the steps --------------------------------------------------------------------------------


def load_demo_data_and_sign_in_as_the_student(
    qtbot: QtBot, services: AppServices, task_runner: TaskRunner
) -> UserDTO:
    login = open_login(qtbot, services, task_runner)
    offer = login.demo_offer
    assert offer.isVisible(), "a fresh data folder offers the demo data"
    with qtbot.waitSignal(offer.demo_loaded, timeout=WAIT_MS) as loaded:
        qtbot.mouseClick(offer.load_button, Qt.MouseButton.LeftButton)
    assert loaded.args[0].created and loaded.args[0].teachers == 6
    choose_demo_account(qtbot, login, STUDENT_EMAIL)
    assert login.email_edit.text() == STUDENT_EMAIL
    user = sign_in(qtbot, login)
    assert (user.email, user.role) == (STUDENT_EMAIL, Role.STUDENT)
    assert len(demo_accounts()) == 11
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
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    page = window.my_bookings
    assert window.tabs.currentWidget() is page
    assert "Request sent to Emily Carter" in page.notice_label.text()
    wait_for_state(qtbot, page, booking.id, "Waiting for teacher", "Unpaid")
    qtbot.waitUntil(lambda: getattr(page.selected_booking(), "id", 0) == booking.id)
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
    assert not login.demo_offer.isVisible(), "no demo offer once accounts exist"
    user = sign_in(qtbot, login, email=TEACHER_EMAIL, password=DEMO_PASSWORD_TEACHER)
    window, _added = open_role_window(qtbot, services, task_runner, user, opener)
    assert isinstance(window, TeacherWindow)
    requests = window.requests
    window.tabs.setCurrentWidget(requests)
    qtbot.waitUntil(lambda: requests.model.row_of(booking.id) is not None, timeout=WAIT_MS)
    assert requests.model.rowCount() == 1
    assert cell(requests, booking.id, BookingColumn.STUDENT) == "Sam Taylor"
    assert cell(requests, booking.id, BookingColumn.TOTAL) == "78.75 USD"
    select_booking_row(qtbot, requests, booking.id)
    assert requests.confirm_button.isEnabled()
    qtbot.mouseClick(requests.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: requests.model.rowCount() == 0, timeout=WAIT_MS)
    assert requests.notice_label.text() == "Confirmed. Sam Taylor can now pay for the session."
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
    with qtbot.waitSignal(panel.meeting_loaded, timeout=WAIT_MS) as loaded:
        pass
    assert loaded.args[0].status is None
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
    browser: Any,  # noqa: F811
) -> None:
    """ "Add card…" hands off to the browser, where Chromium types Stripe's test Visa."""
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
    type_card(browser, VISA)
    assert page_result(browser)[0] == "succeeded"
    with qtbot.waitSignal(cards.setup_finished, timeout=WAIT_MS) as finished:
        pass
    assert finished.args[0].state == "succeeded"
    qtbot.waitUntil(lambda: cards.model.rowCount() == 1, timeout=WAIT_MS)
    assert cards.wait_dialog is None
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
    assert dialog.notice_label.text().startswith("Payment received.")
    assert dialog.pay_button.isHidden()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # "Close"
    qtbot.waitUntil(lambda: student.pay_dialog is None or not dialog.isVisible(), timeout=WAIT_MS)
    wait_for_state(qtbot, page, booking.id, "Confirmed", "Paid")
    qtbot.waitUntil(lambda: not student.pay_button.isEnabled(), timeout=WAIT_MS)

    stored = services.bookings.get_booking(window.actor, booking.id).booking
    assert (stored.status, stored.payment_status) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)


def student_joins_the_meeting(
    qtbot: QtBot, services: AppServices, window: StudentWindow, booking: BookingDTO
) -> None:
    """The booking detail's meeting panel: ready on Jitsi; "Join" opens the join link."""
    page = window.my_bookings
    select_booking_row(qtbot, page, booking.id)
    qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    dialog = page.detail_dialog
    assert dialog is not None
    panel = dialog.meeting_panel
    joined = UrlRecorder()
    panel.opener = joined  # the injected browser
    qtbot.waitUntil(panel.join_button.isEnabled, timeout=WAIT_MS)
    assert panel.state_label.text() == "Meeting ready · Jitsi Meet"
    with qtbot.waitSignal(panel.link_opened, timeout=WAIT_MS):
        qtbot.mouseClick(panel.join_button, Qt.MouseButton.LeftButton)
    meeting = services.meetings.meeting_for_booking(window.actor, booking.id)
    assert (meeting.status, meeting.provider) == (MeetingStatus.READY, MeetingProvider.JITSI)
    assert joined.urls == [meeting.join_url]
    assert joined.urls[0].startswith(services.settings.jitsi_base_url + "/")
    dialog.reject()


def inboxes_hold_the_paid_message(
    qtbot: QtBot,
    services: AppServices,
    task_runner: TaskRunner,
    opener: UrlRecorder,
    window: StudentWindow,
    booking: BookingDTO,
) -> None:
    """Both parties have "Session with … is booked" unread, with the join link and an .ics."""
    join_url = services.meetings.join_url(window.actor, booking.id)
    student_inbox = window.inbox
    window.tabs.setCurrentWidget(student_inbox)
    qtbot.mouseClick(student_inbox.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: student_inbox.model.rowCount() == 2, timeout=WAIT_MS)
    assert student_inbox.unread_count == 2
    assert window.tabs.tabText(window.tabs.indexOf(student_inbox)) == "Inbox (2)"
    stored = services.notifications.list_inbox(window.actor).items
    assert [(m.kind, m.is_read) for m in stored] == [("paid", False), ("confirmed", False)]
    assert student_inbox.model.index(0, 0).data() == "Session with Emily Carter is booked"
    click_row(qtbot, student_inbox.view, 0)
    qtbot.waitUntil(lambda: student_inbox.unread_count == 1, timeout=WAIT_MS)
    assert "Your payment of 78.75 USD went through." in student_inbox.reader.body.toPlainText()
    assert join_url in student_inbox.reader.body.toPlainText()
    assert student_inbox.reader.save_invite_button.isEnabled()
    assert window.tabs.tabText(window.tabs.indexOf(student_inbox)) == "Inbox (1)"
    assert services.notifications.unread_count(window.actor) == 1

    login = open_login(qtbot, services, task_runner)
    user = sign_in(qtbot, login, email=TEACHER_EMAIL, password=DEMO_PASSWORD_TEACHER)
    teacher_window, _added = open_role_window(qtbot, services, task_runner, user, opener)
    assert isinstance(teacher_window, TeacherWindow)
    teacher_inbox = teacher_window.inbox
    teacher_window.tabs.setCurrentWidget(teacher_inbox)
    qtbot.waitUntil(lambda: teacher_inbox.model.rowCount() == 2, timeout=WAIT_MS)
    assert teacher_inbox.unread_count == 2
    tab = teacher_window.tabs.indexOf(teacher_inbox)
    assert teacher_window.tabs.tabText(tab) == "Inbox (2)"
    assert teacher_inbox.model.index(0, 0).data() == "Session with Sam Taylor is booked"
    kinds = [m.kind for m in services.notifications.list_inbox(user.actor).items]
    assert kinds == ["paid", "requested"]
    assert all(m.has_ics for m in services.notifications.list_inbox(user.actor).items[:1])


def admin_sees_the_payment_and_the_audit_trail(
    qtbot: QtBot,
    services: AppServices,
    task_runner: TaskRunner,
    opener: UrlRecorder,
    booking: BookingDTO,
) -> None:
    """ "Payments" lists the succeeded charge with Stripe's PaymentIntent id (one intent, for
    the booking's amount, succeeded on Stripe); the booking detail under "Bookings" shows
    every transition with who made it."""
    login = open_login(qtbot, services, task_runner)
    user = sign_in(qtbot, login, email=ADMIN_EMAIL, password=DEMO_PASSWORD_ADMIN)
    window, added = open_role_window(qtbot, services, task_runner, user, opener)
    assert isinstance(window, AdminWindow)
    stored = services.payments.list_payments(
        user.actor, filters=PaymentFilter(booking_id=booking.id)
    ).items
    assert [(p.status, p.amount_minor, p.fee_minor, p.teacher_share_minor) for p in stored] == [
        (PaymentAttemptStatus.SUCCEEDED, 7875, 375, 7500)
    ]
    payment_intent = stored[0].stripe_payment_intent_id
    assert payment_intent is not None
    intent = services.payments_gateway.retrieve_payment_intent(payment_intent)
    assert (intent.status, intent.amount, intent.currency) == ("succeeded", 7875, "usd")
    assert intent.metadata["booking_id"] == str(booking.id)
    payments = added.admin_payments
    assert payments is not None
    window.tabs.setCurrentWidget(payments)
    qtbot.waitUntil(lambda: payments.model.rowCount() == 1, timeout=WAIT_MS)
    headers = ("Booking", "Student", "Teacher", "Amount", "Status", "PaymentIntent")
    assert [payments.model.cell_text(0, header) for header in headers] == [
        f"#{booking.id}",
        "Sam Taylor",
        "Emily Carter",
        "78.75 USD",
        "Succeeded",
        payment_intent,
    ]
    assert "4242" in payments.model.cell_text(0, "Card")
    click_row(qtbot, payments.view, 0)
    qtbot.waitUntil(payments.refund_button.isEnabled, timeout=WAIT_MS)

    bookings = window.booking_admin
    window.tabs.setCurrentWidget(bookings)
    wait_for_state(qtbot, bookings, booking.id, "Confirmed", "Paid")
    select_booking_row(qtbot, bookings, booking.id)
    qtbot.mouseClick(bookings.details_button, Qt.MouseButton.LeftButton)
    dialog = bookings.detail_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=WAIT_MS)
    audit = services.bookings.get_booking(user.actor, booking.id).audit
    assert [entry.action for entry in audit] == [
        "booking.requested",
        "booking.confirmed",
        "booking.payment_pending",
        "booking.payment_paid",
    ]
    history = dialog.history
    assert table_column(history, "Who")[:2] == ["Sam Taylor", "Emily Carter"]
    assert table_column(history, "Change") == [
        "Waiting for teacher · Unpaid",
        "Waiting for teacher · Unpaid → Confirmed · Unpaid",
        "Confirmed · Unpaid → Confirmed · Payment in progress",
        "Confirmed · Payment in progress → Confirmed · Paid",
    ]
    assert table_column(history, "What")[:2] == ["Requested", "Confirmed"]
    assert dialog.meeting_panel.state_label.text().startswith("Meeting ready")
    dialog.reject()
