"""The booking lists in the real windows: each row's
meeting state (— / pending / ready / failed with its reason / cancelled) for the student, the
teacher and the admin; "Join session" on My bookings and "Start session" (a fresh host link)
on the teacher's schedule, enabled only for a PAID booking whose meeting is ready, opening the
injected browser; a "New time proposed" marker while a reschedule waits for an answer.

Real services on SQLite, the app's own outbox worker (Jitsi by default) makes the meetings.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.services.booking.state import cancel_for_refund, load_booking
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.booking.teacher_schedule_page import TeacherSchedulePage
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import THURSDAY_10_UTC, WEDNESDAY_10_UTC, School, book, make_school
from tests.ui.messaging_ui_helpers import paid_booking, run_until_dead, run_worker


class Browser:
    """The injected opener: records the URLs instead of starting a browser."""

    def __init__(self, *, works: bool = True) -> None:
        self.opened: list[str] = []
        self.works = works

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url.toString())
        return self.works


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def student_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[StudentWindow]:
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.my_bookings)
    yield window
    runner.wait_for_idle()


@pytest.fixture
def teacher_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[TeacherWindow]:
    window = TeacherWindow(services=clocked_services, user=school.teacher, runner=runner)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.schedule)
    window.schedule.agenda_button.click()
    yield window
    runner.wait_for_idle()


def cell(page: BookingListPage, booking_id: int, column: BookingColumn, role: int = 0) -> str:
    row = page.model.row_of(booking_id)
    assert row is not None, f"booking {booking_id} is not listed"
    return str(page.model.index(row, page.model.column_of(column)).data(role))


def reload_and_wait(qtbot: QtBot, page: BookingListPage, rows: int) -> None:
    with qtbot.waitSignal(page.bookings_loaded, timeout=5000):
        page.reload()
    assert page.model.rowCount() == rows


def select(page: BookingListPage, booking_id: int) -> None:
    assert page.select_booking(booking_id)
    selected = page.selected_booking()
    assert selected is not None and selected.id == booking_id


def test_my_bookings_shows_the_meeting_state_and_join_opens_the_paid_ready_session(
    qtbot: QtBot,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    unpaid = book(clocked_services, school, start_at=THURSDAY_10_UTC)
    clocked_services.bookings.confirm_booking(school.teacher.actor, unpaid.id)
    paid = paid_booking(clocked_services, school)
    page = student_window.my_bookings
    browser = Browser()
    assert page.meeting_links is not None
    page.meeting_links.opener = browser
    reload_and_wait(qtbot, page, 2)
    assert cell(page, unpaid.id, BookingColumn.MEETING) == "—"
    assert cell(page, paid.id, BookingColumn.MEETING) == "Pending"  # the job has not run yet
    select(page, paid.id)
    assert not page.join_button.isEnabled()
    assert "being set up" in page.join_button.toolTip()
    assert page.join_button.text() == "Join session"

    run_worker(clocked_services)
    reload_and_wait(qtbot, page, 2)
    assert cell(page, paid.id, BookingColumn.MEETING) == "Ready"
    select(page, unpaid.id)
    assert not page.join_button.isEnabled()
    assert page.join_button.toolTip() == "A meeting room is created when the session is paid."
    select(page, paid.id)
    assert page.join_button.isEnabled() and page.join_button.toolTip() == ""
    with qtbot.waitSignal(page.meeting_links.opened, timeout=5000):
        page.join_button.click()
    assert browser.opened == [clocked_services.meetings.join_url(school.student.actor, paid.id)]
    assert page.notice_label.text() == "The session was opened in your browser."


def test_join_after_a_refund_meanwhile_shows_why_and_refreshes_the_row(
    qtbot: QtBot,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    paid = paid_booking(clocked_services, school)
    run_worker(clocked_services)
    page = student_window.my_bookings
    browser = Browser()
    assert page.meeting_links is not None
    page.meeting_links.opener = browser
    reload_and_wait(qtbot, page, 1)
    select(page, paid.id)
    assert page.join_button.isEnabled()
    ctx = clocked_services.ctx
    with ctx.unit_of_work() as uow:  # an admin refunds in full meanwhile (the booking side)
        booking = load_booking(uow.session, paid.id, for_update=True)
        cancel_for_refund(
            uow.session, booking, actor_id=school.admin.id, reason="Ill", at=ctx.now()
        )
        uow.commit()
    page.join_button.click()
    qtbot.waitUntil(lambda: cell(page, paid.id, BookingColumn.MEETING) == "Cancelled", timeout=5000)
    assert page.error_label.text() == "The meeting is not available: meeting cancelled."
    assert browser.opened == []
    assert cell(page, paid.id, BookingColumn.STATUS) == "Cancelled"
    assert not page.join_button.isEnabled()


def test_a_browser_that_does_not_open_leaves_the_link_to_copy(
    qtbot: QtBot,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    paid = paid_booking(clocked_services, school)
    run_worker(clocked_services)
    page = student_window.my_bookings
    assert page.meeting_links is not None
    page.meeting_links.opener = Browser(works=False)
    reload_and_wait(qtbot, page, 1)
    select(page, paid.id)
    with qtbot.waitSignal(page.meeting_links.failed, timeout=5000):
        page.join_button.click()
    link = clocked_services.meetings.join_url(school.student.actor, paid.id)
    assert page.error_label.text() == f"The browser could not be opened. The link is {link}"
    assert page.join_button.isEnabled()  # free to try again


def test_a_failed_meeting_shows_its_reason_to_the_teacher_and_start_stays_off(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    clocked_services: AppServices,
    school: School,
    clock: FakeClock,
) -> None:
    paid = paid_booking(clocked_services, school)
    run_until_dead(clocked_services, clock)
    page = teacher_window.schedule
    reload_and_wait(qtbot, page, 1)
    assert cell(page, paid.id, BookingColumn.MEETING) == "Failed"
    tooltip = cell(page, paid.id, BookingColumn.MEETING, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Meeting failed: Gave up after 8 attempts")
    assert "meeting provider unreachable" in tooltip
    select(page, paid.id)
    assert not page.start_button.isEnabled()
    assert "An admin can retry it" in page.start_button.toolTip()


def test_start_on_the_schedule_opens_a_fresh_host_link_for_the_paid_session_only(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    paid = paid_booking(clocked_services, school)
    waiting = book(clocked_services, school, start_at=THURSDAY_10_UTC)
    run_worker(clocked_services)
    page = teacher_window.schedule
    browser = Browser()
    assert page.meeting_links is not None
    page.meeting_links.opener = browser
    reload_and_wait(qtbot, page, 2)
    assert cell(page, paid.id, BookingColumn.MEETING) == "Ready"
    assert cell(page, waiting.id, BookingColumn.MEETING) == "—"
    assert page.start_button.text() == "Start session"
    select(page, waiting.id)
    assert not page.start_button.isEnabled()
    select(page, paid.id)
    assert page.start_button.isEnabled()
    with qtbot.waitSignal(page.meeting_links.opened, timeout=5000):
        page.start_button.click()
    host = clocked_services.meetings.fresh_start_url(school.teacher.actor, paid.id)
    assert browser.opened == [host]
    page.week_button.click()  # the week grid: the same button follows the grid's selection
    assert page.select_in_grid(paid.id)
    assert page.start_button.isEnabled()
    grid_tip = page.grid.currentItem().toolTip()
    assert "Meeting ready" in grid_tip


def test_admin_bookings_list_shows_each_meeting_state(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
) -> None:
    paid = paid_booking(clocked_services, school)
    unpaid = book(clocked_services, school, start_at=THURSDAY_10_UTC)
    run_worker(clocked_services)
    window = AdminWindow(services=clocked_services, user=school.admin, runner=runner)
    qtbot.addWidget(window)
    window.show()
    page = window.booking_admin
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and not page.model.is_loading)
    assert cell(page, paid.id, BookingColumn.MEETING) == "Ready"
    assert cell(page, unpaid.id, BookingColumn.MEETING) == "—"
    assert page.meeting_button is None  # admins see the state; only the parties join
    runner.wait_for_idle()


def test_a_proposed_new_time_is_marked_in_both_lists_until_it_is_accepted(
    qtbot: QtBot,
    student_window: StudentWindow,
    teacher_window: TeacherWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    booking = book(clocked_services, school)
    page = student_window.my_bookings
    reload_and_wait(qtbot, page, 1)
    assert cell(page, booking.id, BookingColumn.STATUS) == "Waiting for teacher"
    select(page, booking.id)
    page.reschedule_button.click()
    dialog = page.reschedule_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.week.slots()), timeout=5000)
    slot = next(s for s in dialog.week.slots() if s.start_at == THURSDAY_10_UTC)
    assert dialog.week.select_slot(slot)
    dialog.propose_button.click()
    marked = "Waiting for teacher · New time proposed"
    qtbot.waitUntil(lambda: cell(page, booking.id, BookingColumn.STATUS) == marked, timeout=5000)
    tooltip = cell(page, booking.id, BookingColumn.STATUS, Qt.ItemDataRole.ToolTipRole)
    assert "A new time was proposed" in tooltip

    schedule = teacher_window.schedule
    reload_and_wait(qtbot, schedule, 1)
    assert cell(schedule, booking.id, BookingColumn.STATUS) == marked
    detail = clocked_services.bookings.get_booking(school.teacher.actor, booking.id)
    assert detail.reschedule_proposal is not None
    clocked_services.reschedules.accept_reschedule(
        school.teacher.actor, detail.reschedule_proposal.id
    )
    reload_and_wait(qtbot, schedule, 1)
    assert cell(schedule, booking.id, BookingColumn.STATUS) == "Waiting for teacher"
    reload_and_wait(qtbot, page, 1)
    assert cell(page, booking.id, BookingColumn.STATUS) == "Waiting for teacher"
    assert page.model.booking_at(0).start_at == THURSDAY_10_UTC


def schedule_row_state(page: TeacherSchedulePage, booking_id: int) -> str:
    return cell(page, booking_id, BookingColumn.STATUS)


def test_mark_completed_is_offered_once_the_paid_session_has_ended(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    clocked_services: AppServices,
    school: School,
    clock: FakeClock,
) -> None:
    paid = paid_booking(clocked_services, school)
    unpaid = book(clocked_services, school, start_at=WEDNESDAY_10_UTC - timedelta(hours=1))
    clocked_services.bookings.confirm_booking(school.teacher.actor, unpaid.id)
    page = teacher_window.schedule
    reload_and_wait(qtbot, page, 2)
    select(page, paid.id)
    assert not page.complete_button.isEnabled()
    assert page.complete_button.toolTip() == "The session has not ended yet."

    clock.set(paid.end_at + timedelta(minutes=5))
    reload_and_wait(qtbot, page, 2)
    select(page, unpaid.id)
    assert not page.complete_button.isEnabled()
    assert "once it has been paid" in page.complete_button.toolTip()
    select(page, paid.id)
    assert page.complete_button.isEnabled()
    with qtbot.waitSignal(page.bookings_loaded, timeout=5000):  # the week is redrawn
        page.complete_button.click()
    assert schedule_row_state(page, paid.id) == "Completed"
    assert page.notice_label.text() == "Marked completed: Conversational Spanish with Sam Taylor."
    stored = clocked_services.bookings.get_booking(school.admin.actor, paid.id).booking
    assert stored.status.value == "COMPLETED" and stored.payment_status.value == "PAID"
    select(page, paid.id)
    assert not page.complete_button.isEnabled()


def test_mark_completed_on_a_booking_refunded_meanwhile_shows_the_conflict(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    clocked_services: AppServices,
    school: School,
    clock: FakeClock,
) -> None:
    paid = paid_booking(clocked_services, school)
    clock.set(paid.end_at + timedelta(minutes=5))
    page = teacher_window.schedule
    reload_and_wait(qtbot, page, 1)
    select(page, paid.id)
    assert page.complete_button.isEnabled()
    ctx = clocked_services.ctx
    with ctx.unit_of_work() as uow:  # an admin refunds in full meanwhile
        booking = load_booking(uow.session, paid.id, for_update=True)
        cancel_for_refund(
            uow.session, booking, actor_id=school.admin.id, reason="Ill", at=ctx.now()
        )
        uow.commit()
    page.complete_button.click()
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=5000)
    assert "Someone else changed this booking first" in page.error_label.text()
    qtbot.waitUntil(lambda: page.model.row_of(paid.id) is None, timeout=5000)  # cancelled
    stored = clocked_services.bookings.get_booking(school.admin.actor, paid.id).booking
    assert stored.status.value == "CANCELLED"


def test_teacher_marks_the_session_completed_in_the_booking_detail(
    qtbot: QtBot,
    teacher_window: TeacherWindow,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
    clock: FakeClock,
) -> None:
    paid = paid_booking(clocked_services, school)
    page = teacher_window.schedule
    reload_and_wait(qtbot, page, 1)
    early = page.open_detail(paid.id)
    qtbot.waitUntil(lambda: early.detail is not None, timeout=5000)
    assert early.complete_button.isVisible() and not early.complete_button.isEnabled()
    assert early.complete_button.toolTip() == "The session has not ended yet."
    early.close()

    clock.set(paid.end_at + timedelta(minutes=1))
    dialog = page.open_detail(paid.id)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    assert dialog.complete_button.isEnabled()
    with qtbot.waitSignal(dialog.booking_changed, timeout=5000):
        dialog.complete_button.click()
    qtbot.waitUntil(lambda: "Completed" in dialog.state_label.text(), timeout=5000)
    assert not dialog.complete_button.isVisible()
    actions = [dialog.history.item(row, 2).text() for row in range(dialog.history.rowCount())]
    assert actions[-1] == "Completed"
    qtbot.waitUntil(lambda: schedule_row_state(page, paid.id) == "Completed", timeout=5000)

    student_detail = student_window.my_bookings.open_detail(paid.id)
    qtbot.waitUntil(lambda: student_detail.detail is not None, timeout=5000)
    assert student_detail.complete_button.isHidden()  # the teacher's action only


def test_a_pending_meeting_row_turns_ready_by_itself_and_join_follows(
    qtbot: QtBot,
    student_window: StudentWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    paid = paid_booking(clocked_services, school)
    other = book(clocked_services, school, start_at=THURSDAY_10_UTC)
    page = student_window.my_bookings
    page.meeting_poll_ms = 50
    reload_and_wait(qtbot, page, 2)
    select(page, paid.id)
    assert cell(page, paid.id, BookingColumn.MEETING) == "Pending"
    assert page.pending_meeting_ids() == [paid.id]  # only rows waiting for their meeting
    assert not page.join_button.isEnabled()

    run_worker(clocked_services)  # the app's worker makes the room; the list looks again
    qtbot.waitUntil(lambda: cell(page, paid.id, BookingColumn.MEETING) == "Ready", timeout=5000)
    assert page.join_button.isEnabled()  # still the selected row, now joinable
    assert page.pending_meeting_ids() == []
    assert cell(page, other.id, BookingColumn.MEETING) == "—"
