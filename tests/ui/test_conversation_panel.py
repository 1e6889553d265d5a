"""The conversation in the booking detail dialog, with real windows and services (SQLite):
the teacher writes, the student reads it with contact details masked until the booking is
paid, unread counts in the dialog's tab and the role window's status bar, the inbox notice
opening the booking on its messages, the admin reading only, the length limit while typing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import PaymentStatus
from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.messaging.contact_mask import CONTACT_MASK
from linguaflex_desktop.services.messaging.conversation_dto import ADMIN_READ_ONLY
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.booking.detail_dialog import BookingDetailDialog, open_booking_detail
from linguaflex_desktop.ui.data_changed import Change, data_events
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.integration.booking_helpers import set_payment
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.ui_helpers import click_row

NUMBER_AND_MAIL = "Call me on +44 20 7946 0958 or write to lucia@example.com"


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def confirmed(clocked_services: AppServices, school: School) -> BookingDTO:
    booking = book(clocked_services, school)
    return clocked_services.bookings.confirm_booking(school.teacher.actor, booking.id)


@pytest.fixture
def student_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[StudentWindow]:
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    yield window
    runner.wait_for_idle()


OpenDetail = Callable[..., BookingDetailDialog]


@pytest.fixture
def open_detail(qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner) -> OpenDetail:
    """Open a booking's detail as ``actor`` (over ``parent``, else a bare widget) and wait
    for its conversation."""
    parents: list[QWidget] = []

    def open_as(
        actor: Actor, booking_id: int, parent: QWidget | None = None
    ) -> BookingDetailDialog:
        if parent is None:
            parent = QWidget()
            qtbot.addWidget(parent)
            parents.append(parent)  # kept alive: the dialog is its child
        dialog = open_booking_detail(
            parent, services=clocked_services, actor=actor, runner=runner, booking_id=booking_id
        )
        qtbot.waitUntil(lambda: dialog.conversation_panel.conversation is not None, timeout=5000)
        return dialog

    return open_as


def messages_tab_text(dialog: BookingDetailDialog) -> str:
    return dialog.sections.tabText(dialog.sections.indexOf(dialog.conversation_panel))


def test_teacher_sends_and_the_student_sees_it_masked_until_the_booking_is_paid(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    confirmed: BookingDTO,
    open_detail: OpenDetail,
    student_window: StudentWindow,
    tmp_path: Path,
) -> None:
    teacher = open_detail(school.teacher.actor, confirmed.id)
    panel = teacher.conversation_panel
    teacher.show_messages()
    assert "hidden from the other party" in panel.notice_label.text()
    assert not panel.send_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(panel.edit, NUMBER_AND_MAIL)
    assert panel.limit.label.text() == f"{len(NUMBER_AND_MAIL)} / 2000"
    assert panel.send_button.isEnabled()
    with qtbot.waitSignal(panel.sent, timeout=5000):
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
        assert not panel.send_button.isEnabled()  # off while sending
    qtbot.waitUntil(
        lambda: panel.conversation is not None and len(panel.conversation.messages) == 1,
        timeout=5000,
    )
    assert panel.edit.toPlainText() == ""
    assert NUMBER_AND_MAIL in panel.view.toPlainText()  # the author reads their own words
    qtbot.keyClicks(panel.edit, "See you!")
    with qtbot.waitSignal(panel.sent, timeout=5000):  # Ctrl+Enter sends too
        qtbot.keyClick(panel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: panel.conversation is not None and len(panel.conversation.messages) == 2,
        timeout=5000,
    )
    assert "Lucía Ruiz (you) · Mon 1 Mar 2027, 10:00" in panel.view.toPlainText()  # Madrid

    # the student's window counts the unread message in its status bar, its inbox the notice
    status = student_window.message_count
    qtbot.waitUntil(lambda: status.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: status.text() == "2 unread messages in your bookings", timeout=5000)
    inbox = student_window.inbox
    qtbot.waitUntil(lambda: inbox.unread_count == 2, timeout=5000)  # "confirmed" + the notice

    student = open_detail(school.student.actor, confirmed.id, student_window)
    assert student.sections.currentWidget() is student.conversation_panel  # opened on it
    shown = student.conversation_panel.view.toPlainText()
    assert "See you!" in shown
    assert f"Call me on {CONTACT_MASK} or write to {CONTACT_MASK}" in shown
    assert "7946" not in shown and "lucia@" not in shown
    assert "Lucía Ruiz · Mon 1 Mar 2027, 09:00 · New" in shown  # London time, unread
    # shown, so read: the tab's count and the status bar's label go
    qtbot.waitUntil(lambda: messages_tab_text(student) == "Messages", timeout=5000)
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: inbox.unread_count == 1, timeout=5000)  # the notice is read too
    # the teacher's open conversation follows: their messages are seen
    qtbot.waitUntil(lambda: "· Seen" in panel.view.toPlainText(), timeout=5000)
    assert clocked_services.conversations.unread_counts(school.student.actor).total == 0
    assert student.grab().save(str(tmp_path / "conversation_masked.png"))

    # paid: the change feed reloads the conversation, unmasked
    set_payment(clocked_services.ctx, confirmed.id, PaymentStatus.PENDING, PaymentStatus.PAID)
    data_events(runner).emit_change(Change("payment", (confirmed.id,)))
    qtbot.waitUntil(
        lambda: NUMBER_AND_MAIL in student.conversation_panel.view.toPlainText(), timeout=5000
    )
    assert not student.conversation_panel.notice_label.isVisible()
    assert student.grab().save(str(tmp_path / "conversation_paid.png"))


def test_a_new_message_reloads_the_other_partys_open_dialog_with_its_count(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    confirmed: BookingDTO,
    open_detail: OpenDetail,
) -> None:
    student = open_detail(school.student.actor, confirmed.id)
    assert student.sections.currentWidget() is student.history  # nothing unread yet
    clocked_services.conversations.send_message(school.teacher.actor, confirmed.id, "Hola Sam")
    data_events(runner).emit_change(Change("message", (confirmed.id,)))
    qtbot.waitUntil(lambda: messages_tab_text(student) == "Messages (1)", timeout=5000)
    assert student.conversation_panel.unread_label.text() == "1 new"
    student.show_messages()  # reading it marks it read
    qtbot.waitUntil(lambda: messages_tab_text(student) == "Messages", timeout=5000)
    assert clocked_services.conversations.unread_counts(school.student.actor).total == 0


def test_the_inbox_notice_of_a_message_opens_the_booking_on_its_messages(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    confirmed: BookingDTO,
    student_window: StudentWindow,
) -> None:
    clocked_services.conversations.send_message(
        school.teacher.actor, confirmed.id, "Bring your questions"
    )
    inbox = student_window.inbox
    student_window.tabs.setCurrentWidget(inbox)
    inbox.refresh()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 2 and not inbox._loading, timeout=5000)
    assert inbox.model.index(0, 0).data() == "New message from Lucía Ruiz"
    assert inbox.model.index(0, 1).data() == f"#{confirmed.id} · Message"
    click_row(qtbot, inbox.view, 0)
    assert inbox.reader.open_booking_button.isVisible()
    inbox.reader.open_booking_button.click()
    dialog = inbox.booking_dialog
    assert isinstance(dialog, BookingDetailDialog)
    qtbot.waitUntil(
        lambda: dialog.sections.currentWidget() is dialog.conversation_panel, timeout=5000
    )
    assert "Bring your questions" in dialog.conversation_panel.view.toPlainText()


def test_an_admin_reads_the_conversation_from_the_bookings_page_and_cannot_write(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    confirmed: BookingDTO,
) -> None:
    clocked_services.conversations.send_message(school.student.actor, confirmed.id, NUMBER_AND_MAIL)
    assert school.admin.role is Role.ADMIN
    window = AdminWindow(services=clocked_services, user=school.admin, runner=runner)
    qtbot.addWidget(window)
    window.show()
    page = window.booking_admin
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    admin = page.open_detail(confirmed.id)
    qtbot.waitUntil(lambda: admin.conversation_panel.conversation is not None, timeout=5000)
    assert admin.sections.currentWidget() is admin.history  # nothing is unread for an admin
    admin.show_messages()
    panel = admin.conversation_panel
    assert NUMBER_AND_MAIL in panel.view.toPlainText()
    assert panel.notice_label.text() == ADMIN_READ_ONLY
    assert not panel.compose_box.isVisible() and not panel.send_button.isEnabled()


def test_an_over_long_message_is_marked_while_typing_and_cannot_be_sent(
    school: School,
    confirmed: BookingDTO,
    open_detail: OpenDetail,
) -> None:
    dialog = open_detail(school.student.actor, confirmed.id)
    dialog.show_messages()
    panel = dialog.conversation_panel
    panel.edit.setPlainText("x" * 2001)
    assert panel.limit.label.text() == "The message is 1 character too long (at most 2000)."
    assert panel.edit.property("invalid") is True
    assert not panel.send_button.isEnabled()
    panel.edit.setPlainText("x" * 2000)
    assert panel.send_button.isEnabled()
    assert panel.limit.label.text() == "2000 / 2000"


def test_the_status_bar_count_opens_the_booking_with_the_most_unread_messages(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    confirmed: BookingDTO,
    student_window: StudentWindow,
) -> None:
    later = book(clocked_services, school, start_at=confirmed.start_at + timedelta(days=1))
    chat = clocked_services.conversations
    chat.send_message(school.teacher.actor, confirmed.id, "One")
    for text in ("Two", "Three"):
        chat.send_message(school.teacher.actor, later.id, text)
    status = student_window.message_count
    status.reload()
    qtbot.waitUntil(lambda: status.text() == "3 unread messages in your bookings", timeout=5000)
    assert dict(status.counts.by_booking) == {confirmed.id: 1, later.id: 2}
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)
    dialog = status.booking_dialog
    assert dialog is not None and dialog.booking_id == later.id
    qtbot.waitUntil(
        lambda: dialog.sections.currentWidget() is dialog.conversation_panel, timeout=5000
    )
    qtbot.waitUntil(lambda: status.text() == "1 unread message in your bookings", timeout=5000)


def test_the_status_bar_counts_once_at_opening_and_again_after_each_later_inbox_count(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    confirmed: BookingDTO,
) -> None:
    counted: list[int] = []
    count_for = clocked_services.conversations.unread_counts

    def counting(actor: Actor) -> object:
        counted.append(actor.id)
        return count_for(actor)

    monkeypatch.setattr(clocked_services.conversations, "unread_counts", counting)
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert counted == [school.student.id]  # the inbox's first count did not count again

    # a message written elsewhere (no change in this app): the inbox's poll brings its notice
    clocked_services.conversations.send_message(school.teacher.actor, confirmed.id, "Hola")
    window.unread_notices.count()
    status = window.message_count
    qtbot.waitUntil(lambda: status.text() == "1 unread message in your bookings", timeout=5000)
    assert counted == [school.student.id] * 2

    # its page, once opened, tells from then on: each of its loads counts again
    inbox = window.inbox
    qtbot.waitUntil(lambda: not inbox._loading and runner.in_flight == 0, timeout=5000)
    assert counted == [school.student.id] * 3
    inbox.refresh()
    qtbot.waitUntil(lambda: len(counted) == 4 and runner.in_flight == 0, timeout=5000)
