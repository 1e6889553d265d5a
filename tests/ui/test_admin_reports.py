"""The admin's Audit and Revenue tabs in the real AdminWindow, on real services (SQLite) with
the FakeClock (Monday 2027-03-01 09:00 UTC).

Audit: newest first with the actor's name, the selected event's fields before and after,
filters (kind of record and its number, action prefix, dates), more pages fetched as the
table scrolls. Revenue: months per currency with bold totals, months in the admin's own zone,
refunds lowering the net, the period picker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.admin.audit_page import AdminAuditPage
from linguaflex_desktop.ui.admin.revenue_page import AdminRevenuePage
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.payments.earnings_period import LAST_YEAR
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.integration.report_helpers import Parties, add_event, add_payment
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.ui_helpers import build_every_tab, click_row, column_texts, register, type_into

OpenWindow = Callable[[UserDTO], AdminWindow]


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def parties(school: School) -> Parties:
    return Parties(school.student.id, school.teacher.id, school.gig.id)


@pytest.fixture
def open_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner
) -> Iterator[OpenWindow]:
    """Open the admin window for an admin once the test data is in; waits for first loads."""

    def open_for(admin: UserDTO) -> AdminWindow:
        window = AdminWindow(services=clocked_services, user=admin, runner=runner)
        qtbot.addWidget(window)
        window.show()
        build_every_tab(window)
        assert runner.wait_for_idle()  # every tab's first load has arrived
        return window

    yield open_for
    runner.wait_for_idle()


def actions(page: AdminAuditPage) -> list[str]:
    return column_texts(page.view, 2)


def wait_reload(qtbot: QtBot, page: AdminAuditPage, change: Callable[[], None]) -> None:
    with qtbot.waitSignal(page.events_loaded, timeout=5000):
        change()


# --- audit ----------------------------------------------------------------------------------


def test_audit_tab_lists_events_newest_first_and_shows_the_fields_before_and_after(
    qtbot: QtBot, clocked_services: AppServices, school: School, open_window: OpenWindow
) -> None:
    booking = book(clocked_services, school)
    clocked_services.bookings.confirm_booking(school.teacher.actor, booking.id)
    clocked_services.accounts.suspend_user(
        school.admin.actor, school.other_student.id, reason="Spam messages"
    )
    window = open_window(school.admin)
    page = window.audit
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Audit"
    assert actions(page) == ["user.suspended", "booking.confirmed", "booking.requested"]
    assert column_texts(page.view, 1) == ["Ada Admin", "Lucía Ruiz", "Sam Taylor"]
    assert column_texts(page.view, 3)[1] == f"Booking #{booking.id}"
    assert page.model.cell_text(0, "Reason") == "Spam messages"
    assert page.summary_label.text() == "3 events"
    assert not page.detail.body.isVisible()

    click_row(qtbot, page.view, 1)
    detail = page.detail
    assert detail.body.isVisible()
    assert detail.title_label.text() == f"Booking #{booking.id} · Confirmed"
    assert detail.title_label.toolTip() == "booking.confirmed"
    assert detail.who_label.text() == "Lucía Ruiz (lucia@example.com)"
    assert detail.when_label.text() == "Mon 1 Mar 2027, 09:00 (UTC)"
    fields = column_texts(detail.changes_view)
    assert fields == ["Status", "Payment"]  # in words, not "status", "payment_status"
    status = fields.index("Status")
    assert detail.changes_model.cell_text(status, "Before") == "Waiting for teacher"
    assert detail.changes_model.cell_text(status, "After") == "Confirmed"
    unchanged = fields.index("Payment")
    assert detail.changes_model.cell_text(unchanged, "After") == "Unpaid"
    assert detail.recorded_label.text() == "Status: Confirmed; Payment: Unpaid"
    font = Qt.ItemDataRole.FontRole
    assert detail.changes_model.index(status, 0).data(font).bold()
    assert detail.changes_model.index(unchanged, 0).data(font) is None


def test_audit_filters_by_record_kind_and_number_action_prefix_and_dates(
    qtbot: QtBot, clocked_services: AppServices, school: School, open_window: OpenWindow
) -> None:
    first = book(clocked_services, school)
    second = book(clocked_services, school, start_at=first.start_at + timedelta(days=1))
    clocked_services.bookings.confirm_booking(school.teacher.actor, second.id)
    clocked_services.accounts.suspend_user(school.admin.actor, school.other_student.id)
    window = open_window(school.admin)
    page = window.audit
    assert len(actions(page)) == 4
    assert not page.entity_id_edit.isEnabled()

    wait_reload(
        qtbot, page, lambda: page.entity_combo.setCurrentIndex(page.entity_combo.findData("user"))
    )
    assert actions(page) == ["user.suspended"]
    wait_reload(
        qtbot,
        page,
        lambda: page.entity_combo.setCurrentIndex(page.entity_combo.findData("booking")),
    )
    assert page.entity_id_edit.isEnabled()
    type_into(qtbot, page.entity_id_edit, str(second.id))
    wait_reload(qtbot, page, lambda: qtbot.keyClick(page.entity_id_edit, Qt.Key.Key_Return))
    assert actions(page) == ["booking.confirmed", "booking.requested"]
    assert set(column_texts(page.view, 3)) == {f"Booking #{second.id}"}

    wait_reload(qtbot, page, page.clear_filters)
    type_into(qtbot, page.action_edit, "booking.req")
    wait_reload(qtbot, page, lambda: qtbot.keyClick(page.action_edit, Qt.Key.Key_Return))
    assert actions(page) == ["booking.requested", "booking.requested"]

    page.from_edit.setDate(page.from_edit.date().addDays(31))  # tomorrow; not applied yet
    wait_reload(qtbot, page, lambda: page.from_check.setChecked(True))
    assert page.model.rowCount() == 0 and page.table.showing_empty_state()
    assert page.table.empty_label.text() == "No audit events match these filters."
    assert page.summary_label.text() == "No events"

    wait_reload(qtbot, page, page.clear_filters)
    assert len(actions(page)) == 4 and page.action_edit.text() == ""


def test_audit_table_fetches_the_next_page_when_scrolled_to_the_bottom(
    qtbot: QtBot, clocked_services: AppServices, school: School, open_window: OpenWindow
) -> None:
    at = datetime(2027, 2, 1, tzinfo=UTC)
    for number in range(230):
        add_event(
            clocked_services.ctx,
            action="job.retry",
            entity_type="outbox_job",
            entity_id=number + 1,
            actor_id=school.admin.id,
            at=at + timedelta(minutes=number),
        )
    window = open_window(school.admin)
    window.tabs.setCurrentWidget(window.audit)
    page = window.audit
    assert page.model.rowCount() == 100 and page.model.total == 230
    assert page.summary_label.text() == "100 of 230 events loaded (scroll for more)"
    assert page.model.cell_text(0, "Record") == "Job #230"  # the newest first

    with qtbot.waitSignal(page.events_loaded, timeout=5000):
        page.view.scrollToBottom()
    assert page.model.rowCount() == 200
    with qtbot.waitSignal(page.events_loaded, timeout=5000):
        page.view.scrollToBottom()
    assert page.model.rowCount() == 230 and not page.model.canFetchMore()
    assert page.summary_label.text() == "230 events"
    numbers = [int(text.split("#")[1]) for text in column_texts(page.view, 3)]
    assert numbers == list(range(230, 0, -1))


# --- revenue --------------------------------------------------------------------------------


def revenue_rows(page: AdminRevenuePage) -> list[tuple[str, ...]]:
    model = page.model
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_revenue_tab_shows_months_per_currency_and_bold_totals(
    clocked_services: AppServices, school: School, parties: Parties, open_window: OpenWindow
) -> None:
    ctx = clocked_services.ctx
    add_payment(ctx, parties, at=datetime(2027, 1, 10, tzinfo=UTC), amount=5250, fee=250)
    add_payment(
        ctx, parties, at=datetime(2027, 2, 10, tzinfo=UTC), amount=5250, fee=250, refunded=5250
    )
    add_payment(
        ctx, parties, at=datetime(2027, 2, 12, tzinfo=UTC), amount=3150, fee=150, currency="EUR"
    )
    window = open_window(school.admin)
    page = window.revenue
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Revenue"
    assert page.model.rowCount() == 5
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "Month",
        "Currency",
        "Sessions",
        "Gross",
        "Platform fees",
        "Teacher shares",
        "Refunded",
        "Net revenue",
    ]
    assert revenue_rows(page) == [
        ("Jan 2027", "USD", "1", "52.50 USD", "2.50 USD", "50.00 USD", "0.00 USD", "2.50 USD"),
        ("Feb 2027", "EUR", "1", "31.50 EUR", "1.50 EUR", "30.00 EUR", "0.00 EUR", "1.50 EUR"),
        ("Feb 2027", "USD", "1", "52.50 USD", "2.50 USD", "50.00 USD", "52.50 USD", "0.00 USD"),
        ("Total", "EUR", "1", "31.50 EUR", "1.50 EUR", "30.00 EUR", "0.00 EUR", "1.50 EUR"),
        ("Total", "USD", "2", "105.00 USD", "5.00 USD", "100.00 USD", "52.50 USD", "2.50 USD"),
    ]
    bold = [page.model.index(row, 0).data(Qt.ItemDataRole.FontRole) for row in range(5)]
    assert [font is not None and font.bold() for font in bold] == [False] * 3 + [True] * 2
    assert page.caption_label.text().startswith(
        "Payments that succeeded from Fri 1 Jan 2027 to Fri 31 Dec 2027, by month in UTC."
    )


def test_revenue_months_are_calendar_months_in_the_admins_own_zone(
    clocked_services: AppServices, school: School, parties: Parties, open_window: OpenWindow
) -> None:
    add_payment(clocked_services.ctx, parties, at=datetime(2027, 1, 31, 23, 30, tzinfo=UTC))
    berlin_admin = register(
        clocked_services,
        Role.ADMIN,
        email="bea@example.com",
        name="Bea Berlin",
        time_zone="Europe/Berlin",
    )
    in_utc = open_window(school.admin).revenue
    in_berlin = open_window(berlin_admin).revenue
    assert [row[0] for row in revenue_rows(in_utc)] == ["Jan 2027", "Total"]
    assert [row[0] for row in revenue_rows(in_berlin)] == ["Feb 2027", "Total"]
    assert "by month in Europe/Berlin" in in_berlin.caption_label.text()


def test_revenue_period_picker_reloads_and_refuses_reversed_dates(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    parties: Parties,
    open_window: OpenWindow,
) -> None:
    ctx = clocked_services.ctx
    add_payment(ctx, parties, at=datetime(2027, 1, 10, tzinfo=UTC))
    add_payment(ctx, parties, at=datetime(2027, 2, 10, tzinfo=UTC))
    add_payment(ctx, parties, at=datetime(2026, 12, 10, tzinfo=UTC), amount=2100, fee=100)
    window = open_window(school.admin)
    page = window.revenue
    window.tabs.setCurrentWidget(page)
    assert page.period.combo.findText("All time") == -1  # a report needs bounds
    assert [row[0] for row in revenue_rows(page)] == ["Jan 2027", "Feb 2027", "Total"]

    with qtbot.waitSignal(page.report_loaded, timeout=5000):
        page.period.set_period(LAST_YEAR)
    assert revenue_rows(page)[0][:4] == ("Dec 2026", "USD", "1", "21.00 USD")

    with qtbot.waitSignal(page.report_loaded, timeout=5000):
        page.period.set_dates(date(2027, 2, 1), date(2027, 2, 28))
    assert [row[0] for row in revenue_rows(page)] == ["Feb 2027", "Total"]

    with qtbot.waitSignal(page.report_loaded, timeout=5000):
        page.period.set_dates(date(2027, 3, 1), date(2027, 3, 31))
    assert page.model.rowCount() == 0 and page.table.showing_empty_state()
    assert page.table.empty_label.text() == "No payments succeeded in this period."

    page.period.set_dates(date(2027, 2, 10), date(2027, 2, 1))
    assert page.error_label.isVisible()
    assert page.error_label.text() == "Choose a first day on or before the last day."
    assert page.model.rowCount() == 0
