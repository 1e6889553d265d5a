"""The admin's "Needs attention" tab in the real AdminWindow: the count in the tab title
(following the app's data-changed feed), Fix on a dead job's row (disabled while it runs,
then the row is gone), the row's booking timeline, a fix that fails shown inline with the
row kept, and a screenshot.

Real services on SQLite with the test clock; the dead letter comes from the real outbox
worker running the meeting job against a provider that is down. Stripe is the fake gateway,
unreachable for the failing fix (so no sandbox starts).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import JobState
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.ui.admin.attention_page import COLUMNS, AdminAttentionPage
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.data_changed import Change, data_events
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.conftest import FakeClock
from tests.fakes.payments import UNREACHABLE, FakePaymentsGateway
from tests.integration.attention_helpers import add_job, attention_on, job_state, waiting
from tests.integration.report_helpers import Parties
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.messaging_ui_helpers import paid_booking, run_until_dead
from tests.ui.ui_helpers import click_row


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def gateway() -> FakePaymentsGateway:
    return FakePaymentsGateway()


@pytest.fixture
def services(
    clocked_services: AppServices, gateway: FakePaymentsGateway, monkeypatch: pytest.MonkeyPatch
) -> AppServices:
    """The app's services with the Stripe fixes on the fake gateway."""
    attention, _verifier = attention_on(
        clocked_services.ctx, gateway, due=clocked_services.due_transitions
    )
    monkeypatch.setattr(clocked_services, "_attention", attention)
    return clocked_services


@pytest.fixture
def dead_booking(services: AppServices, school: School, clock: FakeClock) -> BookingDTO:
    booking = paid_booking(services, school)
    run_until_dead(services, clock)  # 16 s of backoff: the meeting rule waits 10 minutes
    return booking


@pytest.fixture
def window(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> Iterator[AdminWindow]:
    admin_window = AdminWindow(services=services, user=school.admin, runner=runner)
    qtbot.addWidget(admin_window)
    admin_window.show()
    admin_window.tabs.setCurrentWidget(admin_window.attention)
    yield admin_window
    runner.wait_for_idle()


def title(window: AdminWindow) -> str:
    return window.tabs.tabText(window.tabs.indexOf(window.attention))


def cell(page: AdminAttentionPage, row: int, name: str) -> str:
    return str(page.model.index(row, COLUMNS.index(name)).data())


def test_fix_retries_the_dead_job_and_its_row_and_the_count_go(
    qtbot: QtBot,
    dead_booking: BookingDTO,
    window: AdminWindow,
    services: AppServices,
    tmp_path: Path,
) -> None:
    page = window.attention
    qtbot.waitUntil(lambda: title(window) == "Needs attention (1)", timeout=5000)
    assert page.model.rowCount() == 1
    assert cell(page, 0, "Rule") == "Background job gave up"
    assert cell(page, 0, "Booking") == f"#{dead_booking.id} · Sam Taylor with Lucía Ruiz"
    assert cell(page, 0, "Status") == "Confirmed · Paid"
    assert cell(page, 0, "What's wrong") == (
        "The background job “meeting.create” gave up after 8 attempts: "
        "ConnectionError: meeting provider unreachable"
    )
    assert page.summary_label.text() == "1 to look at."
    assert not page.fix_button.isEnabled()  # nothing selected yet
    page.grab().save(str(tmp_path / "needs_attention.png"))
    assert (tmp_path / "needs_attention.png").stat().st_size > 0

    click_row(qtbot, page.view, 0)
    assert page.fix_button.text() == "Fix: Retry job"
    assert page.fix_text.text() == "Queue the job again with fresh attempts."
    (job_id,) = [row.subject_id for row in page.model.rows()]
    assert page.timeline_button.isEnabled()
    qtbot.mouseClick(page.timeline_button, Qt.MouseButton.LeftButton)
    dialog = page.timeline_dialog
    assert dialog is not None and dialog.booking_id == dead_booking.id
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    assert dialog.heading.text().startswith(f"Booking #{dead_booking.id}")
    dialog.close()
    with qtbot.waitSignal(page.fixed, timeout=5000) as fixed:
        qtbot.mouseClick(page.fix_button, Qt.MouseButton.LeftButton)
        assert not page.fix_button.isEnabled()  # while the fix runs
        assert page.fix_text.text() == "Fixing…"
    assert fixed.args[0].resolved
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert title(window) == "Needs attention (0)"
    assert page.notice_label.text() == f"Job #{job_id} is queued again with fresh attempts."
    assert page.error_label.isHidden()
    assert job_state(services.ctx, job_id) is JobState.PENDING


def test_the_count_follows_the_apps_data_changed_feed(
    qtbot: QtBot, window: AdminWindow, services: AppServices, school: School
) -> None:
    qtbot.waitUntil(lambda: title(window) == "Needs attention (0)", timeout=5000)
    add_job(services.ctx, state=JobState.DEAD, booking_id=None)
    add_job(services.ctx, state=JobState.DEAD, booking_id=None)
    data_events(window.runner).emit_change(Change("job"))  # as a retry elsewhere would
    qtbot.waitUntil(lambda: title(window) == "Needs attention (2)", timeout=5000)
    assert window.attention.table.currentWidget() is window.attention.view
    click_row(qtbot, window.attention.view, 0)
    assert window.attention.fix_button.isEnabled()
    assert not window.attention.timeline_button.isEnabled()  # an e-mail job: no booking


def test_a_fix_that_fails_shows_its_error_inline_and_keeps_the_row(
    qtbot: QtBot,
    window: AdminWindow,
    services: AppServices,
    school: School,
    clock: FakeClock,
    gateway: FakePaymentsGateway,
) -> None:
    parties = Parties(school.student.id, school.teacher.id, school.gig.id)
    since = clock() - timedelta(minutes=31)
    waiting(services.ctx, gateway, parties, since=since, stripe_status="processing")
    gateway.always("retrieve_payment_intent", gateway.unreachable())
    page = window.attention
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert cell(page, 0, "Rule") == "Payment pending too long"
    click_row(qtbot, page.view, 0)
    assert page.fix_button.text() == "Fix: Re-read from Stripe"
    qtbot.mouseClick(page.fix_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error_label.text() == UNREACHABLE, timeout=5000)
    qtbot.waitUntil(lambda: page.fix_button.isEnabled(), timeout=5000)
    assert page.model.rowCount() == 1
    assert page.notice_label.isHidden()
    assert title(window) == "Needs attention (1)"


def test_the_apps_own_attention_service_lists_without_starting_stripe(
    clocked_services: AppServices, school: School
) -> None:
    """The wiring of ``AppServices.attention``: reading the list needs no Stripe side."""
    result = clocked_services.attention.list_attention(school.admin.actor)
    assert (result.count, result.truncated) == (0, False)
    assert clocked_services._payment_services is None
