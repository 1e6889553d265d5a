"""The admin's Jobs tab in the real AdminWindow: state filter, dead letters with their last
error, Retry puts a dead job back to pending (and the app's worker then makes the meeting).

Real services on SQLite; the dead letter comes from the real outbox worker running the
meeting job against a provider that is down until it gives up.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import JobState, MeetingStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.ui.admin.job_table_model import COLUMNS
from linguaflex_desktop.ui.admin.jobs_page import AdminJobsPage
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.messaging_ui_helpers import paid_booking, run_until_dead, run_worker
from tests.ui.ui_helpers import click_row, column_texts


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def dead_booking(clocked_services: AppServices, school: School, clock: FakeClock) -> BookingDTO:
    booking = paid_booking(clocked_services, school)
    run_until_dead(clocked_services, clock)
    return booking


@pytest.fixture
def window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[AdminWindow]:
    admin_window = AdminWindow(services=clocked_services, user=school.admin, runner=runner)
    qtbot.addWidget(admin_window)
    admin_window.show()
    admin_window.tabs.setCurrentWidget(admin_window.jobs)
    yield admin_window
    runner.wait_for_idle()


def cell(page: AdminJobsPage, row: int, name: str) -> str:
    return str(page.model.index(row, COLUMNS.index(name)).data())


def shown(qtbot: QtBot, page: AdminJobsPage, state: JobState | None, rows: int) -> None:
    page.show_state(state)
    qtbot.waitUntil(
        lambda: page.state_filter() is state and page.model.rowCount() == rows, timeout=5000
    )


def test_admin_retries_a_dead_job_and_sees_it_pending_again(
    qtbot: QtBot,
    dead_booking: BookingDTO,
    window: AdminWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    page = window.jobs
    tab = window.tabs.indexOf(page)
    qtbot.waitUntil(lambda: window.tabs.tabText(tab) == "Jobs (1 dead)", timeout=5000)
    assert page.dead_label.text() == "1 dead letter waiting for a retry."
    shown(qtbot, page, JobState.DEAD, 1)
    assert cell(page, 0, "Kind") == "Create meeting"
    assert cell(page, 0, "State") == "Dead letter"
    assert cell(page, 0, "Attempts") == "8 of 8"
    assert cell(page, 0, "Last error") == "ConnectionError: meeting provider unreachable"
    assert not page.retry_button.isEnabled()  # nothing selected yet

    click_row(qtbot, page.view, 0)
    assert page.retry_button.isEnabled()
    assert page.detail.error_text.toPlainText() == "ConnectionError: meeting provider unreachable"
    assert f'"booking_id": {dead_booking.id}' in page.detail.payload_label.text()
    with qtbot.waitSignal(page.job_retried, timeout=5000):
        page.retry_button.click()
    assert cell(page, 0, "State") == "Pending"
    assert cell(page, 0, "Attempts") == "0 of 8"
    assert not page.retry_button.isEnabled()  # a pending job cannot be retried again
    assert "queued again" in page.notice_label.text()
    assert window.tabs.tabText(tab) == "Jobs"
    job_admin = clocked_services.job_admin
    assert job_admin.list_jobs(school.admin.actor, state=JobState.DEAD).total == 0

    run_worker(clocked_services)  # the provider is back: the retried job makes the meeting
    meeting = clocked_services.meetings.meeting_for_booking(school.admin.actor, dead_booking.id)
    assert meeting.status is MeetingStatus.READY
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert "No dead letters" in page.table.empty_label.text()


def test_state_filter_lists_only_jobs_in_that_state(
    qtbot: QtBot, dead_booking: BookingDTO, window: AdminWindow, clocked_services: AppServices
) -> None:
    page = window.jobs
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)  # meeting + 2 reminders
    assert sorted(column_texts(page.view, COLUMNS.index("State"))) == [
        "Dead letter",
        "Pending",
        "Pending",
    ]
    shown(qtbot, page, JobState.PENDING, 2)
    assert column_texts(page.view, COLUMNS.index("Kind")) == ["Reminder", "Reminder"]
    assert all(text != "—" for text in column_texts(page.view, COLUMNS.index("Next attempt")))
    click_row(qtbot, page.view, 0)
    assert not page.retry_button.isEnabled()
    assert page.retry_button.toolTip() == "Select a dead letter to retry it."
    shown(qtbot, page, JobState.DONE, 0)
    assert page.table.showing_empty_state()


def test_retrying_a_job_someone_else_retried_shows_the_refusal_and_the_fresh_state(
    qtbot: QtBot,
    dead_booking: BookingDTO,
    window: AdminWindow,
    clocked_services: AppServices,
    school: School,
) -> None:
    page = window.jobs
    shown(qtbot, page, JobState.DEAD, 1)
    click_row(qtbot, page.view, 0)
    job = page.selected_job()
    assert job is not None
    clocked_services.job_admin.retry_dead(school.admin.actor, job.id)

    page.retry_button.click()  # the row still says dead here
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=5000)
    assert page.error_label.text() == (f"Only a dead job can be retried; job #{job.id} is pending.")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)  # reloaded: no dead
    assert page.dead_count == 0
