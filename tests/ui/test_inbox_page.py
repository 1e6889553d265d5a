"""The in-app inbox in the real role windows: unread count in the tab and status bar, bold
unread rows, reading marks read, the .ics invite saved to a file, new messages polled in.

Real services on SQLite; the booking is paid through the payment hook and the app's own
outbox worker runs once, so the inbox holds what the glue really writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.messaging.notifications import NotificationDTO
from linguaflex_desktop.ui.inbox_page import InboxPage, body_html
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.messaging_ui_helpers import paid_booking, run_worker
from tests.ui.ui_helpers import click_row


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def paid(clocked_services: AppServices, school: School) -> BookingDTO:
    booking = paid_booking(clocked_services, school)
    assert run_worker(clocked_services) >= 1  # the meeting job, which sends "paid" + .ics
    return booking


@pytest.fixture
def student_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[StudentWindow]:
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.inbox)
    yield window
    runner.wait_for_idle()


def inbox_of(services: AppServices, school: School) -> list[NotificationDTO]:
    notifications = services.notifications
    return list(notifications.list_inbox(school.student.actor).items)


def loaded(qtbot: QtBot, page: InboxPage, rows: int) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == rows and not page._loading, timeout=5000)


def is_bold(page: InboxPage, row: int) -> bool:
    font = page.model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def row_with_invite(page: InboxPage) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.message_at(r).has_ics)


def test_inbox_tab_counts_unread_and_reading_a_message_marks_it_read(
    qtbot: QtBot,
    paid: BookingDTO,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    expected = inbox_of(clocked_services, school)
    assert [m.kind for m in expected] == ["paid", "confirmed"]  # newest first
    inbox = student_window.inbox
    tab = student_window.tabs.indexOf(inbox)
    loaded(qtbot, inbox, 2)
    assert student_window.tabs.tabText(tab) == "Inbox (2)"
    status = student_window.statusBar().findChild(type(inbox.unread_label), "unreadStatus")
    assert status is not None and status.text() == "2 unread messages" and status.isVisible()
    assert is_bold(inbox, 0) and is_bold(inbox, 1)
    assert inbox.model.index(0, 0).data() == "Session with Lucía Ruiz is booked"

    click_row(qtbot, inbox.view, 1)  # the "confirmed" message
    qtbot.waitUntil(lambda: inbox.unread_count == 1, timeout=5000)
    assert student_window.tabs.tabText(tab) == "Inbox (1)"
    assert status.text() == "1 unread message"
    assert not is_bold(inbox, 1) and is_bold(inbox, 0)
    assert inbox.reader.subject_label.text() == expected[1].subject
    assert inbox.reader.body.toPlainText() == expected[1].body_text
    assert "Received" in inbox.reader.meta_label.text()
    assert f"Booking #{paid.id}" in inbox.reader.meta_label.text()
    stored = inbox_of(clocked_services, school)
    assert [m.is_read for m in stored] == [False, True]

    click_row(qtbot, inbox.view, 0)
    qtbot.waitUntil(lambda: inbox.unread_count == 0, timeout=5000)
    assert student_window.tabs.tabText(tab) == "Inbox"
    assert not status.isVisible()


@pytest.fixture
def counted_on_its_tab(
    qtbot: QtBot,
    paid: BookingDTO,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
) -> tuple[StudentWindow, int]:
    """The student's window shown, the Inbox tab (its index) counting the 2 unread notices
    of the paid booking; the Inbox page not opened."""
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    tab = window.tabs.indexOf(window._inbox.tab_widget)
    qtbot.waitUntil(lambda: window.tabs.tabText(tab) == "Inbox (2)", timeout=5000)
    return window, tab


def test_the_inbox_tab_counts_unread_messages_before_its_page_is_built_and_then_from_it(
    qtbot: QtBot,
    counted_on_its_tab: tuple[StudentWindow, int],
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
) -> None:
    window, tab = counted_on_its_tab
    assert window.findChildren(InboxPage) == []  # counted without building the page
    status = window.statusBar().findChild(QLabel, "unreadStatus")
    assert status is not None and status.text() == "2 unread messages"
    notices = window.unread_notices
    assert notices.poll_timer.isActive()
    elsewhere = inbox_of(clocked_services, school)[0]  # read on another desktop
    clocked_services.notifications.mark_read(school.student.actor, elsewhere.id)
    notices.poll_timer.timeout.emit()  # its poll
    qtbot.waitUntil(lambda: window.tabs.tabText(tab) == "Inbox (1)", timeout=5000)
    assert window.findChildren(InboxPage) == []

    window.tabs.setCurrentIndex(tab)  # the page, built in the tab's place
    inbox = window.inbox
    assert window.tabs.indexOf(inbox) == tab
    loaded(qtbot, inbox, 2)
    assert window.tabs.tabText(tab) == "Inbox (1)"
    assert not notices.poll_timer.isActive()  # the page polls from now on
    unread_row = next(r for r in range(2) if not inbox.model.message_at(r).is_read)
    click_row(qtbot, inbox.view, unread_row)  # read there: its count is the tab's
    qtbot.waitUntil(lambda: window.tabs.tabText(tab) == "Inbox", timeout=5000)
    assert not status.isVisible()
    runner.wait_for_idle()


def test_a_count_that_fails_keeps_the_last_one_and_the_next_poll_counts_again(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    counted_on_its_tab: tuple[StudentWindow, int],
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
) -> None:
    window, tab = counted_on_its_tab
    notices = window.unread_notices
    count = clocked_services.notifications.unread_count

    def failing(_actor: object) -> int:
        raise OperationalError("SELECT count", {}, Exception("the database is gone"))

    monkeypatch.setattr(clocked_services.notifications, "unread_count", failing)
    notices.poll_timer.timeout.emit()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert window.tabs.tabText(tab) == "Inbox (2)"  # the last count stays
    assert "the inbox's unread messages not counted" in caplog.text

    monkeypatch.setattr(clocked_services.notifications, "unread_count", count)
    clocked_services.notifications.mark_read(
        school.student.actor, inbox_of(clocked_services, school)[0].id
    )
    notices.poll_timer.timeout.emit()  # the next poll is not refused as one under way
    qtbot.waitUntil(lambda: window.tabs.tabText(tab) == "Inbox (1)", timeout=5000)


def test_save_invite_writes_the_paid_messages_ics_to_the_chosen_file(
    qtbot: QtBot,
    paid: BookingDTO,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox = student_window.inbox
    loaded(qtbot, inbox, 2)
    click_row(qtbot, inbox.view, row_with_invite(inbox))
    assert inbox.reader.save_invite_button.isEnabled()
    suggested: list[Path] = []

    def choose(_page: InboxPage, proposal: Path) -> Path:
        suggested.append(proposal)
        return tmp_path / "my session"  # no suffix: the page adds .ics

    monkeypatch.setattr(InboxPage, "ask_save_path", choose)
    with qtbot.waitSignal(inbox.invite_saved, timeout=5000) as saved:
        inbox.reader.save_invite_button.click()
    target = tmp_path / "my session.ics"
    assert saved.args == [str(target)]
    assert suggested[0].name == f"linguaflex-booking-{paid.id}.ics"
    message = next(m for m in inbox_of(clocked_services, school) if m.has_ics)
    ics = clocked_services.notifications.get_ics(school.student.actor, message.id)
    assert ics is not None
    content = target.read_bytes()
    assert content == ics.encode("utf-8")  # byte for byte, CRLF line ends kept
    assert content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"METHOD:REQUEST" in content
    assert str(target) in inbox.reader.notice_label.text()


def test_a_message_without_invite_cannot_be_saved_and_cancel_writes_nothing(
    qtbot: QtBot,
    paid: BookingDTO,
    student_window: StudentWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox = student_window.inbox
    loaded(qtbot, inbox, 2)
    plain = next(r for r in range(2) if not inbox.model.message_at(r).has_ics)
    click_row(qtbot, inbox.view, plain)
    assert not inbox.reader.save_invite_button.isEnabled()
    assert "no calendar invitation" in inbox.reader.save_invite_button.toolTip()

    click_row(qtbot, inbox.view, row_with_invite(inbox))
    asked: list[Path] = []
    monkeypatch.setattr(InboxPage, "ask_save_path", lambda _page, path: asked.append(path))
    assert inbox.runner.wait_for_idle(5000)  # marking read is done
    with qtbot.assertNotEmitted(inbox.invite_saved):
        inbox.reader.save_invite_button.click()  # the user cancels the file dialog
        assert asked and inbox.runner.in_flight == 0  # nothing fetched, nothing written
    assert list(tmp_path.glob("*.ics")) == []
    assert not inbox.reader.notice_label.isVisible()


def test_new_messages_arrive_through_the_poll_timer(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    window = TeacherWindow(services=clocked_services, user=school.teacher, runner=runner)
    qtbot.addWidget(window)
    window.show()
    window.inbox.poll_timer.setInterval(50)
    inbox = window.inbox
    loaded(qtbot, inbox, 0)
    assert inbox.table.showing_empty_state()
    assert "No messages yet" in inbox.table.empty_label.text()

    book(clocked_services, school)  # the teacher is told of the request
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(inbox)) == "Inbox (1)")
    assert inbox.model.index(0, 0).data() == "New session request from Sam Taylor"
    assert inbox.unread_label.text() == "1 unread"
    runner.wait_for_idle()


def test_a_messages_links_are_clickable_and_open_booking_shows_its_booking(
    qtbot: QtBot,
    paid: BookingDTO,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    inbox = student_window.inbox
    loaded(qtbot, inbox, 2)
    opened: list[str] = []
    inbox.reader.open_link = opened.append
    click_row(qtbot, inbox.view, 0)  # "paid": carries the meeting link
    join_url = clocked_services.meetings.join_url(school.student.actor, paid.id)
    assert join_url in inbox.reader.body.toPlainText()
    html = inbox.reader.body.toHtml()
    assert f'href="{join_url}"' in html
    inbox.reader.body.anchorClicked.emit(QUrl(join_url))  # what a click on the link emits
    assert opened == [join_url]
    assert inbox.reader.open_booking_button.isVisible()
    inbox.reader.open_booking_button.click()
    dialog = inbox.booking_dialog
    assert dialog is not None and dialog.windowTitle() == f"Booking #{paid.id}"
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)  # type: ignore[attr-defined]
    dialog.close()


def test_body_html_escapes_text_and_links_only_web_addresses() -> None:
    text = "Join: https://meet.example/a-1?x=1&y=2.\n<b>bold</b> & mailto:x@example.com"
    assert body_html(text) == (
        '<div style="white-space: pre-wrap">Join: '
        '<a href="https://meet.example/a-1?x=1&amp;y=2">https://meet.example/a-1?x=1&amp;y=2</a>.'
        "\n&lt;b&gt;bold&lt;/b&gt; &amp; mailto:x@example.com</div>"
    )


def test_the_invite_dialog_starts_in_a_folder_that_exists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QStandardPaths

    from linguaflex_desktop.ui import inbox_page

    folders = {
        QStandardPaths.StandardLocation.DownloadLocation: str(tmp_path / "no-downloads-here"),
        QStandardPaths.StandardLocation.DocumentsLocation: str(tmp_path),
    }
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda where: folders[where])
    assert inbox_page._default_folder() == tmp_path  # not a missing folder (the dialog's cwd)
    folders[QStandardPaths.StandardLocation.DocumentsLocation] = str(tmp_path / "none")
    assert inbox_page._default_folder() == Path.home()
