"""The Statements tabs in the real AdminWindow and TeacherWindow, on real services (SQLite),
with the FakeClock set to Saturday 2027-03-20 12:00 UTC ("This month" is March).

Lucía earned 75.00 USD (a 78.75 USD payment) and 35.00 EUR (60.00 share, 25.00 refunded) in
March. The admin marks 50.00 USD paid out through the dialog (after two refusals shown inline
with the field marked): owed drops to 25.00 USD and an audit row is written. Statements save
as PDF on a pool thread and read back with QtPdf; the admin's statement lines export to CSV
(read back with ``csv``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.admin.statements_page import AdminStatementsPage
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.data_changed import Change, data_events
from linguaflex_desktop.ui.operations import statements as statements_ops
from linguaflex_desktop.ui.payments.payout_dialog import PayoutDialog
from linguaflex_desktop.ui.payments.statement_pdf import ask_pdf_path
from linguaflex_desktop.ui.payments.statements_page import TeacherStatementsPage
from linguaflex_desktop.ui.payments.statements_view import StatementsView
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.conftest import FakeClock
from tests.integration.report_helpers import Parties, add_payment
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.export_ui_helpers import SaveDialog, read_csv
from tests.ui.ui_helpers import click_row, type_into

NOW = datetime(2027, 3, 20, 12, 0, tzinfo=UTC)
MARCH_UTC = ["2027-03-01", "2027-03-31", "UTC"]  # the CSV's period columns (the admin's zone)


@pytest.fixture
def school(clocked_services: AppServices, clock: FakeClock) -> School:
    school = make_school(clocked_services)
    lucia = Parties(school.student.id, school.teacher.id, school.gig.id)
    ctx = clocked_services.ctx
    add_payment(ctx, lucia, at=datetime(2027, 3, 2, tzinfo=UTC), amount=7875, fee=375)
    add_payment(
        ctx,
        lucia,
        at=datetime(2027, 3, 4, tzinfo=UTC),
        amount=6300,
        fee=300,
        currency="EUR",
        refunded=2500,
    )
    clock.set(NOW)
    return school


@pytest.fixture
def open_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner
) -> Iterator[Callable[[type[Any], UserDTO], Any]]:
    def open_for(kind: type[Any], user: UserDTO) -> Any:
        window = kind(services=clocked_services, user=user, runner=runner)
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentWidget(window.statements)
        assert runner.wait_for_idle()  # every tab's first load has arrived
        return window

    yield open_for
    runner.wait_for_idle()


def pay_lucia(
    services: AppServices, school: School, currency: str, amount: int, day: date, reference: str
) -> None:
    """The admin records a payout to Lucía through the service (not the dialog)."""
    services.payouts.record_payout(
        school.admin.actor,
        teacher_id=school.teacher.id,
        currency=currency,
        amount_minor=amount,
        paid_on=day,
        reference=reference,
        request_key=f"{currency}-{reference}",
    )


def lines(page: StatementsView) -> list[tuple[str, ...]]:
    model = page.lines_model
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def save_pdf_from(
    qtbot: QtBot, page: StatementsView, target: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, list[str]]:
    """Click the page's PDF button, saving to ``target``; (suggested name, writing threads)."""
    suggested: list[str] = []
    threads: list[str] = []
    real_write = statements_ops.write_statement_pdf

    def ask(_parent: QWidget, name: str) -> Path:
        suggested.append(name)
        return target

    def write(*args: Any, **kwargs: Any) -> Path:
        threads.append(threading.current_thread().name)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(page, "ask_path", ask)
    monkeypatch.setattr(statements_ops, "write_statement_pdf", write)
    with qtbot.waitSignal(page.pdf_saved, timeout=10000) as saved:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert saved.args == [target]
    return suggested[0], threads


def test_admin_marks_a_payout_through_the_dialog_and_owed_drops(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    open_window: Callable[[type[Any], UserDTO], AdminWindow],
) -> None:
    window = open_window(AdminWindow, school.admin)
    page = window.statements
    assert isinstance(page, AdminStatementsPage)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Statements"
    assert lines(page) == [
        ("Lucía Ruiz", "EUR", "1", "35.00 EUR", "0.00 EUR", "35.00 EUR"),
        ("Lucía Ruiz", "USD", "1", "75.00 USD", "0.00 USD", "75.00 USD"),
    ]
    assert not page.pay_button.isEnabled()
    click_row(qtbot, page.lines_view, 1)
    assert page.pay_button.isEnabled()
    qtbot.mouseClick(page.pay_button, Qt.MouseButton.LeftButton)
    dialog = page.payout_dialog
    assert isinstance(dialog, PayoutDialog) and dialog.isVisible()
    assert dialog.amount_input.text() == "75.00"  # prefilled with what is owed
    assert dialog.paid_on() == date(2027, 3, 20)

    # No reference: refused by the service, the reference field marked.
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error_label.text()), timeout=5000)
    assert dialog.reference_edit.property("invalid") is True
    assert not dialog.amount_input.property("invalid")

    # More than owed: the amount marked, with the sentence.
    type_into(qtbot, dialog.reference_edit, "TR-2027-03")
    assert not dialog.reference_edit.property("invalid")
    type_into(qtbot, dialog.amount_input, "80")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            dialog.error_label.text()
            == "That is more than the 75.00 USD Lucía Ruiz is owed in USD."
        ),
        timeout=5000,
    )
    assert dialog.amount_input.property("invalid") is True
    assert clocked_services.statements.list_payouts(school.admin.actor) == ()

    # 50.00: a double click records one payout; the table reloads from the change feed.
    type_into(qtbot, dialog.amount_input, "50")
    type_into(qtbot, dialog.reference_edit, "TR-2027-03")
    dialog.note_edit.setPlainText("First half of March")
    with qtbot.waitSignal(page.statement_loaded, timeout=5000):
        dialog.submit()
        assert not dialog.submit_button.isEnabled()  # off while the payout is recorded
        dialog.submit()
    assert lines(page)[1] == ("Lucía Ruiz", "USD", "1", "75.00 USD", "50.00 USD", "25.00 USD")
    payouts = clocked_services.statements.list_payouts(school.admin.actor)
    assert [(p.amount_minor, p.currency, p.reference) for p in payouts] == [
        (5000, "USD", "TR-2027-03")
    ]
    events = clocked_services.reports.list_audit_events(
        school.admin.actor, action_prefix="payout."
    ).items
    assert [(e.action, e.actor_name, e.entity_id) for e in events] == [
        ("payout.recorded", "Ada Admin", payouts[0].id)
    ]
    assert events[0].after is not None and events[0].after["amount_minor"] == "5000"
    assert events[0].reason == "First half of March"


def test_admin_lists_the_selected_teachers_payouts_and_saves_their_pdf_off_the_gui_thread(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    open_window: Callable[[type[Any], UserDTO], AdminWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pay_lucia(clocked_services, school, "EUR", 1000, date(2027, 3, 10), "SEPA 4411")
    window = open_window(AdminWindow, school.admin)
    page = window.statements
    assert lines(page)[0] == ("Lucía Ruiz", "EUR", "1", "35.00 EUR", "10.00 EUR", "25.00 EUR")
    assert page.payouts_model.rowCount() == 1  # the period's payouts, none selected
    with qtbot.waitSignal(page.payouts_loaded, timeout=5000):
        click_row(qtbot, page.lines_view, 1)
    assert page.payouts_heading.text() == "Payouts to Lucía Ruiz"
    assert page.payouts_model.cell_text(0, "Reference") == "SEPA 4411"
    assert page.payouts_model.cell_text(0, "Amount") == "10.00 EUR"

    target = tmp_path / "admin-statement.pdf"
    suggested, threads = save_pdf_from(qtbot, page, target, monkeypatch)
    assert suggested == "Statement Lucía Ruiz 2027-03-01 to 2027-03-31.pdf"
    assert threads and threads[0] != threading.main_thread().name
    text = pdf_text(target)
    assert "Lucía Ruiz" in text
    assert "75.00 USD" in text and "25.00 EUR" in text and "SEPA 4411" in text
    assert page.pdf_button.isEnabled()


def test_teacher_sees_their_statement_and_payouts_and_reloads_on_a_payout(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    open_window: Callable[[type[Any], UserDTO], TeacherWindow],
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(TeacherWindow, school.teacher)
    page = window.statements
    assert isinstance(page, TeacherStatementsPage)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Statements"
    assert lines(page) == [
        ("EUR", "1", "35.00 EUR", "0.00 EUR", "35.00 EUR"),
        ("USD", "1", "75.00 USD", "0.00 USD", "75.00 USD"),
    ]
    assert page.payouts_model.rowCount() == 0

    # An admin elsewhere records a payout; the change feed reloads the teacher's tab.
    pay_lucia(clocked_services, school, "USD", 7500, date(2027, 3, 19), "TR-ALL")
    with qtbot.waitSignal(page.payouts_loaded, timeout=5000):
        data_events(runner).emit_change(Change("payout", (school.teacher.id,)))
    assert lines(page)[1] == ("USD", "1", "75.00 USD", "75.00 USD", "0.00 USD")
    assert page.payouts_model.cell_text(0, "Reference") == "TR-ALL"

    target = tmp_path / "my-statement.pdf"
    suggested, _threads = save_pdf_from(qtbot, page, target, monkeypatch)
    assert suggested == "Statement Lucía Ruiz 2027-03-01 to 2027-03-31.pdf"
    text = pdf_text(target)
    assert "Lucía Ruiz" in text and "75.00" in text and "TR-ALL" in text


def test_a_pdf_that_cannot_be_written_is_said_inline(
    qtbot: QtBot,
    school: School,
    open_window: Callable[[type[Any], UserDTO], TeacherWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_window(TeacherWindow, school.teacher).statements
    target = tmp_path / "no such folder" / "statement.pdf"
    monkeypatch.setattr(page, "ask_path", lambda _parent, _name: target)
    with qtbot.waitSignal(page.pdf_failed, timeout=10000):
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert page.error_label.text() == f"The statement could not be written to {target}."
    assert not target.exists()
    assert page.pdf_button.isEnabled()


def test_cancelling_the_save_dialog_writes_nothing(
    qtbot: QtBot,
    school: School,
    open_window: Callable[[type[Any], UserDTO], TeacherWindow],
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_window(TeacherWindow, school.teacher).statements
    asked: list[str] = []
    monkeypatch.setattr(page, "ask_path", lambda _parent, name: asked.append(name))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert asked and runner.wait_for_idle()
    assert page.error_label.text() == "" and page.notice_label.text() == ""


def test_the_save_dialog_starts_in_documents_and_the_file_ends_in_pdf(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[tuple[str, str]] = []

    def get_save_file_name(
        _parent: QWidget, _caption: str, start: str, filters: str
    ) -> tuple[str, str]:
        asked.append((start, filters))
        return str(tmp_path / "march"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    parent = QWidget()
    qtbot.addWidget(parent)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert ask_pdf_path(parent, "Statement X.pdf") == tmp_path / "march.pdf"
    assert asked == [(str(Path(documents) / "Statement X.pdf"), "PDF files (*.pdf)")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("", "")))
    assert ask_pdf_path(parent, "Statement X.pdf") is None


def test_admin_exports_the_statement_lines_to_csv(
    qtbot: QtBot,
    clocked_services: AppServices,
    school: School,
    open_window: Callable[[type[Any], UserDTO], AdminWindow],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    pay_lucia(clocked_services, school, "EUR", 1000, date(2027, 3, 10), "SEPA 4411")
    page = open_window(AdminWindow, school.admin).statements
    target = tmp_path / "march.csv"
    save_dialog.answer(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.notice_label.text()), timeout=10000)
    assert Path(save_dialog.suggested[0]).name == "Statements 2027-03-01 to 2027-03-31.csv"
    assert read_csv(target) == [
        [
            "First day",
            "Last day",
            "Zone",
            "Teacher",
            "Currency",
            "Sessions",
            "Earned",
            "Paid out",
            "Earned up to the end",
            "Paid out up to the end",
            "Owed at the end",
        ],
        [*MARCH_UTC, "Lucía Ruiz", "EUR", "1", "35.00", "10.00", "35.00", "10.00", "25.00"],
        [*MARCH_UTC, "Lucía Ruiz", "USD", "1", "75.00", "0.00", "75.00", "0.00", "75.00"],
    ]
    assert page.notice_label.text() == f"Exported 2 rows to {target}."
