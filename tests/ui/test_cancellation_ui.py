"""The cancellation policy through real windows, real services and the in-process localstripe:
the student's "Cancel booking…" on a paid booking on both sides of the 24 hours (an automatic
full refund, or a request), the teacher answering a request with a partial refund, the
admin's refund dialog asking for an internal reason and a message to the student (the student
sees only the message) with a layout that does not move when an error shows, and the policy
text before paying and on the booking."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus, CancellationAnswer, PaymentStatus
from linguaflex_desktop.services.booking.policy import POLICY_TEXT
from linguaflex_desktop.ui.booking.detail_dialog import BookingDetailDialog
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.cancellations.requests_page import CancellationRequestsPage
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.payments.receipt_panel import receipt_rows
from linguaflex_desktop.ui.payments.refund_dialog import RefundDialog
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from linguaflex_desktop.ui.theme import apply_theme
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.payment_ui_helpers import UrlRecorder, confirmed_booking, paid_booking
from tests.ui.ui_helpers import click_row

WAIT = 15000
PAID = 3150  # 60 minutes at 30.00 USD/h + the 1.50 platform fee


@pytest.fixture
def services(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> AppServices:
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    return clocked_services


@pytest.fixture
def school(services: AppServices) -> School:
    return make_school(services)


@pytest.fixture
def student_window(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> Iterator[tuple[StudentWindow, PaymentUI]]:
    window = StudentWindow(services=services, user=school.student, runner=runner)
    added = install_payment_ui(window, open_url=UrlRecorder())
    qtbot.addWidget(window)
    window.show()
    yield window, added
    runner.wait_for_idle()


def _select_only_booking(qtbot: QtBot, window: StudentWindow) -> None:
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    qtbot.waitUntil(lambda: not page.model.is_loading and page.model.rowCount() == 1, timeout=WAIT)
    click_row(qtbot, page.view, 0)


def _cell(window: StudentWindow, column: BookingColumn) -> str:
    page = window.my_bookings
    return str(page.model.index(0, page.model.column_of(column)).data())


def _texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


# --- the student's cancel, both sides of 24 hours ----------------------------------------------


def test_student_cancel_more_than_24h_ahead_refunds_in_full_automatically(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
    clock: FakeClock,
) -> None:
    window, _added = student_window
    booking = paid_booking(services, school)
    clock.set(booking.start_at - timedelta(hours=24, seconds=1))
    _select_only_booking(qtbot, window)
    page = window.my_bookings

    assert page.cancel_button.isEnabled()
    assert "full refund automatically" in page.cancel_button.toolTip()
    page.cancel_button.click()
    dialog = page.reason_dialog
    assert dialog is not None and dialog.windowTitle() == "Cancel booking"
    assert any("you get a full refund automatically" in text for text in _texts(dialog))
    dialog.reason_edit.setPlainText("My exam moved")
    with qtbot.waitSignal(page.booking_changed, timeout=WAIT):
        dialog.confirm_button.click()

    assert page.notice_label.text() == (
        "The booking was cancelled and your payment is refunded in full."
    )
    qtbot.waitUntil(lambda: _cell(window, BookingColumn.STATUS) == "Cancelled", timeout=WAIT)
    receipt = services.payment_views.payment_for_booking(school.student.actor, booking.id)
    assert (receipt.booking_status, receipt.payment_status) == (
        BookingStatus.CANCELLED,
        PaymentStatus.REFUNDED,
    )
    assert [(r.amount_minor, r.reason) for r in receipt.refunds] == [(PAID, None)]
    assert not page.cancel_button.isEnabled()


def test_student_cancel_at_exactly_24h_sends_a_request_and_refunds_nothing(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
    clock: FakeClock,
) -> None:
    window, _added = student_window
    booking = paid_booking(services, school)
    clock.set(booking.start_at - timedelta(hours=24))
    _select_only_booking(qtbot, window)
    page = window.my_bookings

    assert "the cancellation must be requested" in page.cancel_button.toolTip()
    page.cancel_button.click()
    dialog = page.reason_dialog
    assert dialog is not None and dialog.windowTitle() == "Ask to cancel"
    assert dialog.confirm_button.text() == "Ask to cancel"
    dialog.reason_edit.setPlainText("I have the flu")
    with qtbot.waitSignal(page.booking_changed, timeout=WAIT):
        dialog.confirm_button.click()

    assert "sent to the teacher" in page.notice_label.text()
    (request,) = services.cancellation_requests.list_requests(school.teacher.actor)
    assert (request.booking_id, request.reason, request.answer) == (
        booking.id,
        "I have the flu",
        None,
    )
    receipt = services.payment_views.payment_for_booking(school.student.actor, booking.id)
    assert receipt.refunds == () and receipt.payment_status is PaymentStatus.PAID


# --- the teacher answers ----------------------------------------------------------------------


def teacher_sees_a_request(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, clock: FakeClock
) -> tuple[CancellationRequestsPage, int]:
    """A paid booking 3 h away whose student asked to cancel ("Flu"): the teacher's window
    open on its Cancellation requests page, showing that request, and the booking's id."""
    booking = paid_booking(services, school)
    clock.set(booking.start_at - timedelta(hours=3))
    services.cancellation_requests.ask(school.student.actor, booking.id, reason="Flu")
    window = TeacherWindow(services=services, user=school.teacher, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = added.cancellation_requests
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    return page, booking.id


def test_teacher_answers_a_request_with_a_partial_refund(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, clock: FakeClock
) -> None:
    page, booking_id = teacher_sees_a_request(qtbot, services, runner, school, clock)
    assert page.model.cell_text(0, "Answer") == "Waiting for an answer"
    assert page.model.cell_text(0, "Reason") == "Flu"

    click_row(qtbot, page.table, 0)
    assert page.answer_button.isEnabled()
    page.answer_button.click()
    dialog = page.answer_dialog
    assert dialog is not None
    dialog.choose(CancellationAnswer.PART, amount="10.00", note="Half the fee back; get well")
    with qtbot.waitSignal(dialog.answered, timeout=WAIT):
        dialog.answer_button.click()

    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT)  # open ones only
    page.open_only.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.model.cell_text(0, "Answer") == "Partial refund 10.00 USD"
    receipt = services.payment_views.payment_for_booking(school.student.actor, booking_id)
    assert [(r.amount_minor, r.student_message) for r in receipt.refunds] == [
        (1000, "Half the fee back; get well")
    ]
    assert receipt.payment_status is PaymentStatus.PAID  # the session stays booked
    detail = BookingDetailDialog(
        services=services, actor=school.student.actor, runner=runner, booking_id=booking_id
    )
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: detail.cancellation_label.isVisible(), timeout=WAIT)
    assert detail.cancellation_label.text().endswith(
        "Answered: Partial refund 10.00 USD. Note: Half the fee back; get well"
    )
    # the refund's internal reason names the request: the student's views never show it
    assert not any("answered: partial refund." in text for text in _texts(detail))
    runner.wait_for_idle()


# --- the refund dialog: two texts, a layout that holds still ----------------------------------


def _geometries(dialog: RefundDialog) -> dict[str, QRect]:
    widgets = {
        "reason": dialog.reason_edit,
        "message": dialog.message_edit,
        "error": dialog.error_label,
        "refund": dialog.refund_button,
        "cancel": dialog.cancel_button,
    }
    geometries = {name: QRect(widget.geometry()) for name, widget in widgets.items()}
    geometries["dialog"] = QRect(0, 0, dialog.width(), dialog.height())
    return geometries


def test_refund_dialog_asks_two_texts_and_keeps_its_layout_when_an_error_shows(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = paid_booking(services, school)
    payment = services.payment_views.list_payments(school.admin.actor).items[0]
    dialog = RefundDialog(
        services=services, actor=school.admin.actor, runner=runner, payment=payment
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    assert dialog.reason_limit.label.text() == "0 / 500"
    assert dialog.message_limit.label.text() == "0 / 500"
    dialog.reason_edit.setPlainText("Chargeback risk; teacher late twice")
    dialog.message_edit.setPlainText("x" * 501)
    assert "1 character too long" in dialog.message_limit.label.text()
    assert dialog.message_edit.property("invalid") is True
    assert not dialog.refund_button.isEnabled()
    dialog.message_edit.setPlainText("Sorry about the late start")
    dialog.set_partial_amount("5.00")
    qtbot.waitUntil(lambda: dialog.refund_button.isEnabled(), timeout=WAIT)
    before = _geometries(dialog)

    dialog.set_partial_amount("400.00")
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT)
    assert dialog.error_label.text().startswith("At most 31.50 USD can be refunded")
    assert _geometries(dialog) == before

    dialog.set_partial_amount("5.00")
    qtbot.waitUntil(lambda: dialog.refund_button.isEnabled(), timeout=WAIT)
    assert not dialog.error_label.isVisible() and _geometries(dialog) == before
    with qtbot.waitSignal(dialog.refunded, timeout=WAIT):
        dialog.refund_button.click()

    student = services.payment_views.payment_for_booking(school.student.actor, booking.id)
    admin = services.payment_views.payment_for_booking(school.admin.actor, booking.id)
    assert [(r.reason, r.student_message) for r in student.refunds] == [
        (None, "Sorry about the late start")
    ]
    assert admin.refunds[0].reason == "Chargeback risk; teacher late twice"
    shown = " ".join(text for _label, text in receipt_rows(student, "Europe/London"))
    assert "Sorry about the late start" in shown and "Chargeback" not in shown


# --- the policy, before paying and on the booking ---------------------------------------------


def test_policy_shows_before_paying_and_in_the_booking_detail(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> None:
    from linguaflex_desktop.ui.payments.pay_dialog import PayDialog

    booking = confirmed_booking(services, school)
    pay = PayDialog(services=services, actor=school.student.actor, runner=runner, booking=booking)
    qtbot.addWidget(pay)
    assert pay.policy_label.text() == POLICY_TEXT
    detail = BookingDetailDialog(
        services=services, actor=school.student.actor, runner=runner, booking_id=booking.id
    )
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: POLICY_TEXT in _texts(detail), timeout=WAIT)
    runner.wait_for_idle()


# --- the teacher cancels a paid session -------------------------------------------------------


def test_teacher_cancel_on_the_schedule_refunds_the_student_in_full(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, clock: FakeClock
) -> None:
    booking = paid_booking(services, school)
    clock.set(booking.start_at - timedelta(hours=2))  # inside 24 h: still a full refund
    window = TeacherWindow(services=services, user=school.teacher, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = window.schedule
    window.tabs.setCurrentWidget(page)
    page.agenda_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert added.teacher_cancel is not None
    cancel = added.teacher_cancel.button
    assert not cancel.isEnabled()

    click_row(qtbot, page.view, 0)
    assert cancel.isEnabled()
    cancel.click()
    dialog = page.reason_dialog
    assert dialog is not None and dialog.confirm_button.text() == "Cancel and refund"
    assert any("refunded in full" in text for text in _texts(dialog))
    dialog.reason_edit.setPlainText("I lost my voice")
    with qtbot.waitSignal(page.booking_changed, timeout=WAIT):
        dialog.confirm_button.click()

    assert page.notice_label.text() == (
        "The session was cancelled and the student refunded in full."
    )
    receipt = services.payment_views.payment_for_booking(school.student.actor, booking.id)
    assert receipt.payment_status is PaymentStatus.REFUNDED
    assert [(r.amount_minor, r.student_message) for r in receipt.refunds] == [
        (
            PAID,
            "Your teacher cancelled the session, so you get a full refund. Reason: I lost my voice",
        )
    ]
    runner.wait_for_idle()


def test_an_older_answer_never_replaces_the_latest_list(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The "open requests only" load is held until the load for all of them has been
    shown; its answer, older, then changes nothing."""
    page, _booking_id = teacher_sees_a_request(qtbot, services, runner, school, clock)
    service_class = type(services.cancellation_requests)
    listed = service_class.list_requests
    open_only_asked, newer_shown = threading.Event(), threading.Event()

    def listing(service: object, actor: object, **options: object) -> object:
        answer = listed(service, actor, **options)  # type: ignore[arg-type]
        if options.get("open_only"):
            open_only_asked.set()
            assert newer_shown.wait(30), "the newer load was never shown"
            return []  # what a list made before the newer one may say
        return answer

    monkeypatch.setattr(service_class, "list_requests", listing)
    shown: list[int] = []
    on_loaded = page._on_loaded
    monkeypatch.setattr(page, "_on_loaded", lambda rows: (shown.append(len(rows)), on_loaded(rows)))
    try:
        page.reload()  # open requests only: held
        qtbot.waitUntil(open_only_asked.is_set, timeout=WAIT)
        page.open_only.setChecked(False)  # all of them: answered first
        qtbot.waitUntil(lambda: shown == [1], timeout=WAIT)
    finally:
        newer_shown.set()
    runner.wait_for_idle(30000)  # the older answer delivered...
    assert shown == [1] and page.model.rowCount() == 1  # ...and dropped
