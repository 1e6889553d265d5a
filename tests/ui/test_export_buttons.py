"""The "Export CSV…" buttons of the admin's payments and audit pages and of the teacher's
earnings, clicked in real pages on real services (SQLite, the FakeClock on Monday
2027-03-01 09:00 UTC) with the save dialog answered by the test; each file read back with the
``csv`` module. The audit detail shows amounts as money. A 5,000-event export shows its
progress while the window's event loop keeps running, and Cancel leaves no file."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.errors import UserCancelled
from linguaflex_desktop.models import AuditAction, PaymentAttemptStatus
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.ui.admin.audit_page import AdminAuditPage
from linguaflex_desktop.ui.admin.bookings_page import AdminBookingsPage
from linguaflex_desktop.ui.admin.payments_page import PAGE_SIZE, AdminPaymentsPage
from linguaflex_desktop.ui.export import CsvExport
from linguaflex_desktop.ui.payments.earnings_page import EarningsPage
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.integration.report_helpers import Parties, add_event, add_payment
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.export_ui_helpers import SaveDialog, read_csv, wait_for_outcome, wait_for_rows
from tests.ui.ui_helpers import click_row

WAIT = 15000
WINTER = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)
LARGE = 5000


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def parties(school: School) -> Parties:
    return Parties(school.student.id, school.teacher.id, school.gig.id)


def click_export(qtbot: QtBot, button: QPushButton, page: Any) -> CsvExport[Any]:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    export = page.export
    assert export is not None, "the export did not start"
    return export


def finish(qtbot: QtBot, export: CsvExport[Any]) -> None:
    wait_for_rows(qtbot, export)


# --- payments -------------------------------------------------------------------------------


@pytest.fixture
def payments_page(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[AdminPaymentsPage]:
    page = AdminPaymentsPage(services=clocked_services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(page)
    yield page
    runner.wait_for_idle()


def show(qtbot: QtBot, page: AdminPaymentsPage) -> None:
    with qtbot.waitSignal(page.payments_loaded, timeout=WAIT):
        page.show()


def test_payments_export_writes_money_in_major_units_beside_each_currency(
    qtbot: QtBot,
    clocked_services: AppServices,
    parties: Parties,
    payments_page: AdminPaymentsPage,
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    ctx = clocked_services.ctx
    usd = add_payment(ctx, parties, at=WINTER, amount=5250, fee=250, refunded=1000)
    jpy = add_payment(
        ctx, parties, at=WINTER + timedelta(hours=1), amount=6300, fee=300, currency="JPY"
    )
    show(qtbot, payments_page)
    target = tmp_path / "payments.csv"
    save_dialog.answer(target)

    export = click_export(qtbot, payments_page.export_button, payments_page)
    finish(qtbot, export)

    rows = read_csv(target)
    assert rows[0][:3] == ["Payment", "Created", "Succeeded"]
    assert [row[0] for row in rows[1:]] == [str(jpy), str(usd)]
    assert rows[1][1] == "2027-02-01 13:00:00+00:00"  # the admin's zone is UTC
    assert rows[1][4:13] == [
        "Sam Taylor", "Lucía Ruiz", "Conversational Spanish",
        "6300", "300", "6000", "0", "JPY", "Succeeded",
    ]  # fmt: skip
    assert rows[2][7:13] == ["52.50", "2.50", "50.00", "10.00", "USD", "Succeeded"]
    assert payments_page.notice_label.text() == f"Exported 2 rows to {target}."
    assert save_dialog.suggested[-1].endswith("payments-2027-03-01.csv")


def test_payments_export_has_every_page_of_the_filter_not_only_the_page_shown(
    qtbot: QtBot,
    clocked_services: AppServices,
    parties: Parties,
    payments_page: AdminPaymentsPage,
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    ctx = clocked_services.ctx
    for minute in range(PAGE_SIZE + 5):
        add_payment(ctx, parties, at=WINTER + timedelta(minutes=minute), amount=1000, fee=100)
    failed = add_payment(ctx, parties, at=WINTER, status=PaymentAttemptStatus.FAILED)
    show(qtbot, payments_page)
    assert payments_page.model.rowCount() == PAGE_SIZE
    combo = payments_page.status_combo
    with qtbot.waitSignal(payments_page.payments_loaded, timeout=WAIT):
        combo.setCurrentIndex(combo.findData(PaymentAttemptStatus.SUCCEEDED))
    target = tmp_path / "succeeded.csv"
    save_dialog.answer(target)

    finish(qtbot, click_export(qtbot, payments_page.export_button, payments_page))

    rows = read_csv(target)
    assert len(rows) == 1 + PAGE_SIZE + 5
    assert {row[12] for row in rows[1:]} == {"Succeeded"}
    assert str(failed) not in {row[0] for row in rows[1:]}
    assert rows[1][1] == "2027-02-01 13:44:00+00:00"  # newest first: minute 104


# --- audit ----------------------------------------------------------------------------------


OpenAuditPage = Callable[[], AdminAuditPage]


@pytest.fixture
def audit_page(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[OpenAuditPage]:
    """Opens the audit page once the test's events are in; waits for its first page."""

    def make() -> AdminAuditPage:
        page = AdminAuditPage(services=clocked_services, actor=school.admin.actor, runner=runner)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.events_loaded, timeout=WAIT):
            page.show()
        return page

    yield make
    runner.wait_for_idle()


def add_refund_event(services: AppServices, school: School, *, reason: str = "") -> int:
    """Refund #4 of 10.00 USD succeeded, by the admin at WINTER (as refunds record it)."""
    return add_event(
        services.ctx,
        action="refund.succeeded",
        entity_type="refund",
        entity_id=4,
        actor_id=school.admin.id,
        at=WINTER,
        after={"amount_minor": "1000", "currency": "USD", "status": "succeeded"},
        reason=reason,
    )


def test_the_audit_detail_shows_a_refund_amount_as_money(
    qtbot: QtBot, clocked_services: AppServices, school: School, audit_page: OpenAuditPage
) -> None:
    add_refund_event(clocked_services, school)
    page = audit_page()
    click_row(qtbot, page.view, 0)
    detail = page.detail
    assert detail.title_label.text() == "Refund #4 · Succeeded"
    assert detail.recorded_label.text() == "Amount: 10.00 USD; Status: Refunded"
    assert detail.changes_model.cell_text(0, "Field") == "Amount"
    assert detail.changes_model.cell_text(0, "After") == "10.00 USD"
    assert detail.changes_model.cell_text(1, "After") == "Refunded"
    assert "amount_minor" not in detail.recorded_label.text()


def test_audit_export_has_the_fields_in_words(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    audit_page: OpenAuditPage,
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    refund = add_refund_event(clocked_services, school, reason="Late start")
    page = audit_page()
    target = tmp_path / "audit.csv"
    save_dialog.answer(target)

    finish(qtbot, click_export(qtbot, page.export_button, page))

    assert read_csv(target) == [
        ["Event", "When", "Who", "Email", "Action", "Action code", "Record", "Reason",
         "Before", "After"],
        [str(refund), "2027-02-01 12:00:00+00:00", "Ada Admin", "ada@example.com",
         "Succeeded", "refund.succeeded", "Refund #4", "Late start", "",
         "Amount: 10.00 USD; Status: Refunded"],
    ]  # fmt: skip
    assert page.notice_label.text() == f"Exported 1 row to {target}."


def add_many_events(services: AppServices, count: int) -> None:
    """``count`` booking confirmations, one second apart, in one transaction."""
    with services.ctx.unit_of_work() as uow:
        for number in range(count):
            record_audit(
                uow.session,
                actor_id=None,
                action=AuditAction.BOOKING_CONFIRMED,
                entity_type="booking",
                entity_id=number + 1,
                at=WINTER + timedelta(seconds=number),
                before={"status": "PENDING"},
                after={"status": "CONFIRMED"},
            )
        uow.commit()


class HeldPage:
    """Holds the export's fetch of the page at ``offset`` until the test releases it (the
    table's own page loads, of another size, pass)."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, services: AppServices, *, offset: int
    ) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        real = services.reports.list_audit_events

        def held(*args: Any, **kwargs: Any) -> Page[AuditEventDTO]:
            if kwargs.get("offset") == offset and kwargs.get("limit") != 100:
                self.reached.set()
                assert self.release.wait(WAIT / 1000), "the test never released the export"
            return real(*args, **kwargs)

        monkeypatch.setattr(services.reports, "list_audit_events", held)


@pytest.fixture
def large_audit(
    monkeypatch: pytest.MonkeyPatch, clocked_services: AppServices, audit_page: OpenAuditPage
) -> tuple[AdminAuditPage, HeldPage]:
    """The audit page over 5,000 events; the export's fetch of rows 400+ waits for the test
    (by then 400 rows are written and progress says 250)."""
    add_many_events(clocked_services, LARGE)
    page = audit_page()
    return page, HeldPage(monkeypatch, clocked_services, offset=400)


def test_a_large_audit_export_shows_progress_and_the_window_keeps_running(
    qtbot: QtBot,
    large_audit: tuple[AdminAuditPage, HeldPage],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    page, held = large_audit
    ticks: list[int] = []
    timer = QTimer(page)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    target = tmp_path / "audit-large.csv"
    save_dialog.answer(target)

    export = click_export(qtbot, page.export_button, page)

    dialog = export.progress_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.maximum() == LARGE
    qtbot.waitUntil(held.reached.is_set, timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.value() == 250, timeout=WAIT)  # 400 rows written so far
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 3, timeout=WAIT)  # the GUI thread runs
    assert page.refresh_button.isEnabled() and not target.exists()
    held.release.set()
    finish(qtbot, export)
    timer.stop()

    rows = read_csv(target)
    assert len(rows) == 1 + LARGE
    assert rows[1][1] == "2027-02-01 13:23:19+00:00"  # the newest: 4,999 s after 12:00
    assert rows[-1][1] == "2027-02-01 12:00:00+00:00"
    assert rows[-1][8:] == ["Status: Waiting for teacher", "Status: Confirmed"]
    assert page.notice_label.text() == f"Exported 5,000 rows to {target}."


def test_cancelling_a_large_audit_export_leaves_no_file(
    qtbot: QtBot,
    large_audit: tuple[AdminAuditPage, HeldPage],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    page, held = large_audit
    folder = tmp_path / "exports"
    folder.mkdir()
    save_dialog.answer(folder / "audit.csv")

    export = click_export(qtbot, page.export_button, page)
    assert export.progress_dialog is not None
    qtbot.waitUntil(held.reached.is_set, timeout=WAIT)
    cancel = export.progress_dialog.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    held.release.set()
    assert isinstance(wait_for_outcome(qtbot, export), UserCancelled)

    assert list(folder.iterdir()) == []
    assert page.notice_label.isHidden() and page.error_label.isHidden()


# --- teacher earnings -----------------------------------------------------------------------


def test_earnings_export_writes_the_sessions_shown_in_the_teachers_zone(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    parties: Parties,
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    ctx = clocked_services.ctx
    add_payment(ctx, parties, at=WINTER, amount=3150, fee=150, refunded=1000)
    add_payment(ctx, parties, at=WINTER, amount=6300, fee=300, currency="JPY")
    page = EarningsPage(services=clocked_services, actor=school.teacher.actor, runner=runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.show()
    assert page.export_button.isEnabled()
    target = tmp_path / "earnings.csv"
    save_dialog.answer(target)

    finish(qtbot, click_export(qtbot, page.export_button, page))

    rows = read_csv(target)
    assert rows[0] == [
        "Booking", "Session", "Student", "Gig", "Status", "Gross", "Platform fee",
        "Your share", "Refunded", "You keep", "Currency",
    ]  # fmt: skip
    # the sessions start at 10:00 and 12:00 UTC on 3 March: 11:00 and 13:00 in Madrid
    assert [row[1:] for row in rows[1:]] == [
        ["2027-03-03 11:00:00+01:00", "Sam Taylor", "Conversational Spanish", "Confirmed",
         "31.50", "1.50", "30.00", "10.00", "20.00", "USD"],
        ["2027-03-03 13:00:00+01:00", "Sam Taylor", "Conversational Spanish", "Confirmed",
         "6300", "300", "6000", "0", "6000", "JPY"],
    ]  # fmt: skip
    assert page.notice_label.text() == f"Exported 2 rows to {target}."
    runner.wait_for_idle()


# --- admin bookings -------------------------------------------------------------------------


def test_bookings_export_writes_each_booking_with_its_price(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    parties: Parties,
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    add_payment(clocked_services.ctx, parties, at=WINTER, amount=3150, fee=150, refunded=500)
    page = AdminBookingsPage(services=clocked_services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.bookings_loaded, timeout=WAIT):
        page.show()
    target = tmp_path / "bookings.csv"
    save_dialog.answer(target)

    assert wait_for_rows(qtbot, click_export(qtbot, page.export_button, page)) == 1

    rows = read_csv(target)
    assert rows[0][:10] == [
        "Booking", "Starts", "Ends", "Student", "Teacher", "Gig", "Status", "Payment",
        "Meeting", "Total",
    ]  # fmt: skip
    # add_payment books 3 March 10:00-11:00 UTC, confirmed and paid: its meeting is pending
    assert rows[1][1:14] == [
        "2027-03-03 10:00:00+00:00", "2027-03-03 11:00:00+00:00", "Sam Taylor", "Lucía Ruiz",
        "Conversational Spanish", "Confirmed", "Paid", "Pending", "31.50", "1.50", "30.00", "5.00",
        "USD",
    ]  # fmt: skip
    assert page.notice_label.text() == f"Exported 1 row to {target}."
    runner.wait_for_idle()
