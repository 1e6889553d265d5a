"""The seed flow after the payment, through the real windows (see test_seed_flow_windows.py):
the meeting panel's "Join", both inboxes, the admin's payments and audit trail, and (with SMTP
configured) the e-mails both parties receive. Each step checks the screen and the store.
"""

from __future__ import annotations

from email.message import EmailMessage

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.demo.data import DEMO_PASSWORD_ADMIN, DEMO_PASSWORD_TEACHER
from linguaflex_desktop.models import MeetingStatus, PaymentAttemptStatus
from linguaflex_desktop.models.enums import MeetingProvider
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.payments.dto import PaymentFilter
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.booking.format import action_text
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.e2e.seed_flow_steps import (
    ADMIN_EMAIL,
    STUDENT_EMAIL,
    TEACHER_EMAIL,
    WAIT_MS,
    open_login,
    open_role_window,
    select_booking_row,
    sign_in,
    table_column,
    wait_for_state,
)
from tests.ui.payment_ui_helpers import UrlRecorder
from tests.ui.ui_helpers import click_row


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
    stored_for_teacher = services.notifications.list_inbox(user.actor).items
    assert [(m.kind, m.is_read) for m in stored_for_teacher] == [
        ("paid", False),
        ("requested", False),
    ]
    assert stored_for_teacher[0].has_ics

    schedule = teacher_window.schedule
    teacher_window.tabs.setCurrentWidget(schedule)
    schedule.reload()
    wait_for_state(qtbot, schedule, booking.id, "Confirmed", "Paid")
    dialog = schedule.open_detail(booking.id)
    started = UrlRecorder()
    dialog.meeting_panel.opener = started
    qtbot.waitUntil(dialog.meeting_panel.start_button.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.meeting_panel.link_opened, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.meeting_panel.start_button, Qt.MouseButton.LeftButton)
    assert started.urls == [services.meetings.fresh_start_url(user.actor, booking.id)]
    dialog.reject()


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
    stored = services.payment_views.list_payments(
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
    assert table_column(history, "Who") == [
        "Sam Taylor",
        "Emily Carter",
        "Sam Taylor",
        "Sam Taylor",
    ]
    assert table_column(history, "What") == [action_text(entry.action) for entry in audit]
    assert table_column(history, "Change") == [
        "Waiting for teacher · Unpaid",
        "Waiting for teacher · Unpaid → Confirmed · Unpaid",
        "Confirmed · Unpaid → Confirmed · Payment in progress",
        "Confirmed · Payment in progress → Confirmed · Paid",
    ]
    assert table_column(history, "What")[:2] == ["Requested", "Confirmed"]  # in words
    assert table_column(history, "Reason")[2:] == [
        "Paying with visa •••• 4242.",
        "Stripe confirmed the payment.",
    ]
    # the meeting panel loads on its own, after the detail: wait for its answer
    qtbot.waitUntil(
        lambda: dialog.meeting_panel.state_label.text().startswith("Meeting ready"),
        timeout=WAIT_MS,
    )
    dialog.reject()


def both_parties_were_emailed(messages: list[EmailMessage], join_url: str) -> None:
    """With SMTP configured: the teacher got "requested", the student "confirmed", both "paid"
    with the join link and a calendar invite, each with the session in their own zone."""
    sent = sorted((str(m["To"]), str(m["Subject"])) for m in messages)
    student_to, teacher_to = STUDENT_EMAIL, TEACHER_EMAIL
    assert sent == [
        (teacher_to, "New session request from Sam Taylor"),
        (teacher_to, "Session with Sam Taylor is booked"),
        (student_to, "Emily Carter confirmed your session — pay now"),
        (student_to, "Session with Emily Carter is booked"),
    ]
    paid = {str(m["To"]): m for m in messages if "is booked" in str(m["Subject"])}
    # the session in each reader's own zone, the zone named: 15:00 in London, 10:00 in New York
    when = {student_to: ("15:00", "(Europe/London)"), teacher_to: ("10:00", "(America/New_York)")}
    for to, message in paid.items():
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        text = body.get_content()
        when_line = next(line for line in text.splitlines() if line.startswith("When: "))
        assert "Mar 2027" in when_line and all(part in when_line for part in when[to]), when_line
        assert f"Meeting link: {join_url}" in text, text
        invites = [part for part in message.iter_attachments()]
        assert [part.get_content_type() for part in invites] == ["text/calendar"]
        assert invites[0].get_param("method") == "REQUEST"
