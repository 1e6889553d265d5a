"""The meeting panel in the real booking detail dialog: Join (student) and Start (teacher)
open the service's links through the injected opener, only when the booking is PAID and its
meeting ready; pending / failed states are shown with their reason.

Real services on SQLite; the app's own outbox worker (Jitsi by default) makes the meeting.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.booking.meeting_panel import MeetingPanel
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.messaging_ui_helpers import paid_booking, run_until_dead, run_worker


class Browser:
    """The injected opener: records the URLs instead of starting a browser."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url.toString())
        return True


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def browser() -> Browser:
    return Browser()


@pytest.fixture
def make_panel(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, browser: Browser
) -> Iterator[object]:
    """A panel for ``user`` and a booking, loaded (``pending_poll_ms`` 0: no polling)."""

    def build(user: UserDTO, booking: BookingDTO, *, poll_ms: int = 0) -> MeetingPanel:
        panel = MeetingPanel(
            services=clocked_services,
            actor=user.actor,
            runner=runner,
            booking_id=booking.id,
            opener=browser,
            pending_poll_ms=poll_ms,
        )
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitUntil(lambda: panel.meeting is not None, timeout=5000)
        return panel

    yield build
    runner.wait_for_idle()


def test_student_joins_the_paid_session_from_the_booking_detail(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    browser: Browser,
) -> None:
    booking = paid_booking(clocked_services, school)
    run_worker(clocked_services)
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    dialog = window.my_bookings.open_detail(booking.id)
    panel = dialog.meeting_panel
    panel.opener = browser
    qtbot.waitUntil(lambda: panel.join_button.isEnabled(), timeout=5000)
    assert panel.state_label.text() == "Meeting ready · Jitsi Meet"
    assert not panel.join_button.isHidden() and panel.start_button.isHidden()

    with qtbot.waitSignal(panel.link_opened, timeout=5000):
        panel.join_button.click()
    expected = clocked_services.meetings.join_url(school.student.actor, booking.id)
    assert browser.opened == [expected]
    assert expected.startswith(clocked_services.settings.jitsi_base_url + "/")
    runner.wait_for_idle()


def test_start_is_the_teachers_and_opens_a_fresh_host_link(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    browser: Browser,
    make_panel: object,
) -> None:
    booking = paid_booking(clocked_services, school)
    run_worker(clocked_services)
    window = TeacherWindow(services=clocked_services, user=school.teacher, runner=runner)
    qtbot.addWidget(window)
    dialog = window.schedule.open_detail(booking.id)
    panel = dialog.meeting_panel
    panel.opener = browser
    qtbot.waitUntil(lambda: panel.start_button.isEnabled(), timeout=5000)
    assert panel.join_button.isHidden() and not panel.start_button.isHidden()
    with qtbot.waitSignal(panel.link_opened, timeout=5000):
        panel.start_button.click()
    host = clocked_services.meetings.fresh_start_url(school.teacher.actor, booking.id)
    assert browser.opened == [host]

    student_panel = make_panel(school.student, booking)  # type: ignore[operator]
    assert student_panel.start_button.isHidden()
    student_panel.start()  # even when forced, the service refuses a student the host link
    qtbot.waitUntil(lambda: student_panel.error_label.isVisible(), timeout=5000)
    assert student_panel.error_label.text() == "Your role does not allow this."
    assert browser.opened == [host]

    admin_panel = make_panel(school.admin, booking)  # type: ignore[operator]
    assert admin_panel.action_button is None
    assert admin_panel.join_button.isHidden() and admin_panel.start_button.isHidden()
    assert admin_panel.state_label.text() == "Meeting ready · Jitsi Meet"


def test_meeting_pending_while_the_job_has_not_run_then_ready_by_polling(
    qtbot: QtBot, clocked_services: AppServices, school: School, make_panel: object
) -> None:
    booking = paid_booking(clocked_services, school)
    panel = make_panel(school.student, booking, poll_ms=50)  # type: ignore[operator]
    assert panel.state_label.text() == "Meeting pending"
    assert not panel.join_button.isEnabled()
    assert "being set up" in panel.join_button.toolTip()
    assert "being set up" in panel.reason_label.text()

    run_worker(clocked_services)  # the app's worker makes the room; the panel looks again
    qtbot.waitUntil(lambda: panel.join_button.isEnabled(), timeout=5000)
    assert panel.state_label.text() == "Meeting ready · Jitsi Meet"
    assert panel.join_button.toolTip() == ""


def test_no_join_before_payment_and_failed_meeting_shows_its_reason(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    clock: FakeClock,
    make_panel: object,
) -> None:
    confirmed = book(clocked_services, school)
    clocked_services.bookings.confirm_booking(school.teacher.actor, confirmed.id)
    unpaid = make_panel(school.student, confirmed)  # type: ignore[operator]
    assert unpaid.state_label.text() == "No meeting yet"
    assert not unpaid.join_button.isEnabled()
    assert "when the session is paid" in unpaid.reason_label.text()

    paid = paid_booking(clocked_services, school, start_at=confirmed.start_at.replace(hour=14))
    run_until_dead(clocked_services, clock)
    failed = make_panel(school.teacher, paid)  # type: ignore[operator]
    assert failed.state_label.text() == "Meeting failed"
    assert not failed.start_button.isEnabled()
    assert "meeting provider unreachable" in failed.reason_label.text()
    assert "An admin can retry it" in failed.start_button.toolTip()


def test_a_ready_meeting_shows_its_link_clickable_and_copyable_for_both_parties_only(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    browser: Browser,
    make_panel: object,
) -> None:
    booking = paid_booking(clocked_services, school)
    run_worker(clocked_services)
    join_url = clocked_services.meetings.join_url(school.student.actor, booking.id)
    student = make_panel(school.student, booking)  # type: ignore[operator]
    assert student.link_label.isVisible() and student.copy_button.isVisible()
    assert f'href="{join_url}"' in student.link_label.text()
    student.copy_button.click()
    assert QGuiApplication.clipboard().text() == join_url
    assert student.copy_button.text() == "Link copied"
    with qtbot.waitSignal(student.link_opened, timeout=5000):
        student.link_label.linkActivated.emit(join_url)  # a click on the link
    assert browser.opened == [join_url]

    teacher = make_panel(school.teacher, booking)  # type: ignore[operator]
    assert teacher.shared_link == join_url  # the participants' link, not the host's
    with qtbot.waitSignal(teacher.link_opened, timeout=5000):
        teacher.link_label.linkActivated.emit(join_url)  # the teacher's click starts as host
    host = clocked_services.meetings.fresh_start_url(school.teacher.actor, booking.id)
    assert browser.opened[-1] == host

    admin = make_panel(school.admin, booking)  # type: ignore[operator]
    assert admin.shared_link is None
    assert not admin.link_label.isVisible() and not admin.copy_button.isVisible()


def test_no_link_is_shown_before_the_booking_is_paid(
    clocked_services: AppServices, school: School, make_panel: object
) -> None:
    booking = book(clocked_services, school)
    panel = make_panel(school.student, booking)  # type: ignore[operator]
    assert panel.shared_link is None and not panel.link_label.isVisible()
    assert not panel.copy_button.isVisible()
