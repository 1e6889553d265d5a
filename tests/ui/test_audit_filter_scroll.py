"""A filter change on the admin's Audit tab shows the new first page from its top: the view
kept its old scroll position, so an admin scrolled down saw the end of the new results and the
next page was fetched at once (real services on SQLite, the threaded TaskRunner)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import AuditEvent
from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.ui.admin.audit_page import AdminAuditPage
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import School, make_school

JOB_EVENTS = 250  # three pages of 100
BOOKING_EVENTS = 150  # older, so "Any record" has four pages


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    school = make_school(clocked_services)
    at = datetime(2027, 2, 1, tzinfo=UTC)
    rows = [
        _event(school, "booking.note", "booking", number, at - timedelta(days=1))
        for number in range(BOOKING_EVENTS)
    ] + [_event(school, "job.retry", "outbox_job", number, at) for number in range(JOB_EVENTS)]
    with clocked_services.ctx.unit_of_work() as uow:
        uow.session.execute(insert(AuditEvent), rows)
        uow.commit()
    return school


def _event(school: School, action: str, kind: str, number: int, at: datetime) -> dict[str, object]:
    return {
        "actor_id": school.admin.id,
        "action": action,
        "entity_type": kind,
        "entity_id": number + 1,
        "reason": "",
        "created_at": at + timedelta(minutes=number),
    }


@pytest.fixture
def page(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[AdminAuditPage]:
    """The Audit tab, shown, scrolled down until every event is loaded."""
    audit = AdminAuditPage(services=clocked_services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(audit)
    audit.resize(1000, 700)
    audit.show()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=5000)
    while audit.model.canFetchMore():
        with qtbot.waitSignal(audit.events_loaded, timeout=5000):
            audit.view.scrollToBottom()
    yield audit
    runner.wait_for_idle()


def test_a_filter_change_shows_the_new_first_page_from_its_top_without_the_next_page(
    qtbot: QtBot, page: AdminAuditPage, runner: TaskRunner
) -> None:
    assert page.model.rowCount() == JOB_EVENTS + BOOKING_EVENTS
    assert page.view.verticalScrollBar().value() > 0
    pages: list[Page[AuditEventDTO]] = []
    page.events_loaded.connect(pages.append)
    with qtbot.waitSignal(page.events_loaded, timeout=5000):
        page.entity_combo.setCurrentIndex(page.entity_combo.findData("outbox_job"))
    QApplication.processEvents()  # the view lays the new rows out (and would fetch more)
    assert runner.wait_for_idle()
    assert page.view.verticalScrollBar().value() == 0
    assert [loaded.offset for loaded in pages] == [0]  # only the first page was loaded
    assert page.model.rowCount() == page.model.page_size
    assert page.model.total == JOB_EVENTS
    assert page.model.cell_text(0, "Record") == f"Job #{JOB_EVENTS}"  # the newest at the top
    assert page.summary_label.text() == f"100 of {JOB_EVENTS} events loaded (scroll for more)"
