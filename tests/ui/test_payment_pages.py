"""The payment windows against the real services and the real in-process localstripe: saved
cards (default, remove, cancel a hand-off), paying a confirmed booking (paid, declined then
paid with another card), the receipt, the admin's partial then full refund with its preview,
the teacher's earnings, and the sandbox banner on every role window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import BookingStatus, PaymentStatus, PendingCardSetup, Refund
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.payments.format import SANDBOX_BANNER
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.ui.booking_ui_helpers import School, book
from tests.ui.payment_ui_helpers import (  # noqa: F401 - the services and school fixtures
    THREE_D_SECURE_CARD,
    UrlRecorder,
    confirmed_booking,
    open_pay_dialog,
    paid_booking,
    payment_school,
    payment_services,
    save_card_number,
    shoot,
)
from tests.ui.ui_helpers import click_row

WAIT = 15000


@pytest.fixture
def opener() -> UrlRecorder:
    return UrlRecorder()


@pytest.fixture
def student_window(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, opener: UrlRecorder
) -> Iterator[tuple[StudentWindow, PaymentUI]]:
    window = StudentWindow(services=services, user=school.student, runner=runner)
    added = install_payment_ui(window, open_url=opener)
    qtbot.addWidget(window)
    window.show()
    yield window, added
    runner.wait_for_idle()


def open_my_bookings(qtbot: QtBot, window: StudentWindow, rows: int = 1) -> None:
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    qtbot.waitUntil(
        lambda: not page.model.is_loading and page.model.rowCount() == rows, timeout=WAIT
    )


def payment_cell(window: StudentWindow) -> str:
    page = window.my_bookings
    return str(page.model.index(0, page.model.column_of(BookingColumn.PAYMENT)).data())


# --- saved cards -----------------------------------------------------------------------------


def test_cards_page_lists_cards_and_moves_the_default_and_removes_one(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
) -> None:
    window, added = student_window
    actor = school.student.actor
    services.cards.save_test_card(actor, "pm_card_visa")
    services.cards.save_test_card(actor, "pm_card_chargeCustomerFail")
    page = added.cards
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    rows = [(page.model.cell_text(r, "Card"), page.model.cell_text(r, "Default")) for r in range(2)]
    assert rows == [("Visa ending in 4242", "Default"), ("Visa ending in 0341", "")]
    assert page.model.cell_text(0, "Expires") == "12/2030"
    assert not page.remove_button.isEnabled() and not page.default_button.isEnabled()
    shoot(window, "student_cards")

    click_row(qtbot, page.view, 1)
    assert page.default_button.isEnabled()
    with qtbot.waitSignal(page.cards_loaded, timeout=WAIT):
        page.default_button.click()
    assert page.model.cell_text(0, "Card") == "Visa ending in 0341"
    assert "0341 is now your default card" in page.notice_label.text()
    assert [c.last4 for c in services.cards.list_cards(actor) if c.is_default] == ["0341"]

    page.view.selectRow(page.model.row_of(services.cards.list_cards(actor)[1].id) or 0)
    box = page.remove_selected()
    assert box is not None and "4242" in box.text()
    remove = next(b for b in box.buttons() if b.text() == "Remove card")
    with qtbot.waitSignal(page.cards_loaded, timeout=WAIT):
        remove.click()
    assert [c.last4 for c in services.cards.list_cards(actor)] == ["0341"]
    assert page.model.rowCount() == 1


def test_cancel_while_waiting_for_the_browser_expires_the_checkout_session(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    opener: UrlRecorder,
) -> None:
    window, added = student_window
    page = added.cards
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.table.showing_empty_state(), timeout=WAIT)
    page.poll_interval = 0.1
    page.add_button.click()
    qtbot.waitUntil(lambda: page.wait_dialog is not None, timeout=WAIT)
    assert opener.urls and opener.urls[0].startswith("http://127.0.0.1:")
    dialog = page.wait_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.address_edit.text() == opener.urls[0]
    shoot(dialog, "student_card_wait")
    with qtbot.waitSignal(page.setup_finished, timeout=WAIT) as finished:
        dialog.cancel_button.click()
        assert dialog.message_label.text() == "Cancelling…"
    assert finished.args[0].state == "canceled"
    assert page.wait_dialog is None
    assert page.notice_label.text() == "Card setup cancelled; no card was saved."
    with services.ctx.unit_of_work(write=False) as uow:
        setup = uow.session.scalars(select(PendingCardSetup)).one()
        session_id, status = setup.stripe_checkout_session_id, setup.status
    assert status == "canceled" and session_id is not None
    assert services.payments_gateway.retrieve_checkout_session(session_id).status == "expired"
    assert page.add_button.isEnabled()


# --- paying ----------------------------------------------------------------------------------


def test_student_pays_a_confirmed_booking_and_sees_it_paid_with_the_receipt(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
) -> None:
    window, added = student_window
    booking = confirmed_booking(services, school)
    services.cards.save_test_card(school.student.actor)
    hooks = added.student
    assert hooks is not None
    open_my_bookings(qtbot, window)
    assert not hooks.pay_button.isEnabled()
    click_row(qtbot, window.my_bookings.view, 0)
    assert hooks.pay_button.isEnabled()
    assert hooks.receipt.text_of("Status") == "Unpaid"
    hooks.pay_button.click()
    dialog = hooks.pay_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pay_button.isEnabled(), timeout=WAIT)
    assert dialog.total_label.text() == "31.50 USD"
    assert dialog.card_combo.currentText() == "Visa •••• 4242 · expires 12/2030 · default"
    shoot(dialog, "student_pay_dialog")
    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT) as settled:
        dialog.pay_button.click()
    assert settled.args[0].state == "succeeded"
    assert dialog.notice_label.text() == "Payment received: 31.50 USD."  # said once
    assert not dialog.pay_button.isVisible()
    shoot(dialog, "student_pay_dialog_paid")
    dialog.cancel_button.click()  # "Close"
    qtbot.waitUntil(lambda: payment_cell(window) == "Paid", timeout=WAIT)
    qtbot.waitUntil(lambda: hooks.receipt.text_of("Status") == "Paid", timeout=WAIT)
    assert "with Visa •••• 4242" in (hooks.receipt.text_of("Paid") or "")
    assert hooks.receipt.text_of("Price") == "31.50 USD including 1.50 USD platform fee"
    assert not hooks.pay_button.isEnabled()
    shoot(window, "student_bookings_paid")
    stored = services.bookings.get_booking(school.student.actor, booking.id).booking
    assert (stored.status, stored.payment_status) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)


def test_declined_card_shows_stripes_message_then_another_card_pays(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
) -> None:
    window, added = student_window
    booking = confirmed_booking(services, school)
    actor = school.student.actor
    services.cards.save_test_card(actor, "pm_card_chargeCustomerFail")  # 0341, the default
    services.cards.save_test_card(actor, "pm_card_visa")
    hooks = added.student
    assert hooks is not None
    open_my_bookings(qtbot, window)
    click_row(qtbot, window.my_bookings.view, 0)
    dialog = hooks.pay_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pay_button.isEnabled(), timeout=WAIT)
    assert "0341" in dialog.card_combo.currentText()
    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT):
        dialog.pay_button.click()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Your card was declined. Try again, or choose another card."
    )
    assert dialog.pay_button.text() == "Try again" and dialog.pay_button.isEnabled()
    shoot(dialog, "student_pay_declined")
    qtbot.waitUntil(lambda: payment_cell(window) == "Payment failed", timeout=WAIT)
    qtbot.waitUntil(
        lambda: "Your card was declined." in (hooks.receipt.text_of("Last attempt") or ""),
        timeout=WAIT,
    )

    dialog.card_combo.setCurrentIndex(
        dialog.card_combo.findText("4242", Qt.MatchFlag.MatchContains)
    )
    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT) as settled:
        dialog.pay_button.click()
    assert settled.args[0].state == "succeeded"
    assert not dialog.error_label.isVisible()
    qtbot.waitUntil(lambda: payment_cell(window) == "Paid", timeout=WAIT)
    stored = services.bookings.get_booking(actor, booking.id).booking
    assert stored.payment_status is PaymentStatus.PAID


def test_pay_is_offered_only_for_a_confirmed_unpaid_booking(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
) -> None:
    window, added = student_window
    book(services, school)  # waiting for the teacher
    hooks = added.student
    assert hooks is not None
    open_my_bookings(qtbot, window)
    click_row(qtbot, window.my_bookings.view, 0)
    assert not hooks.pay_button.isEnabled()
    assert hooks.pay_selected() is None


def test_pay_dialog_without_a_saved_card_offers_to_add_one(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
) -> None:
    window, added = student_window
    confirmed_booking(services, school)
    hooks = added.student
    assert hooks is not None
    open_my_bookings(qtbot, window)
    click_row(qtbot, window.my_bookings.view, 0)
    dialog = hooks.pay_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.add_card_button.isVisible(), timeout=WAIT)
    assert not dialog.pay_button.isEnabled()
    assert "no saved card" in dialog.notice_label.text()
    dialog.add_card_button.click()
    assert window.tabs.currentWidget() is added.cards


# --- admin refunds ---------------------------------------------------------------------------


def test_admin_refunds_partially_with_the_preview_then_fully(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = paid_booking(services, school)
    window = AdminWindow(services=services, user=school.admin, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = added.admin_payments
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.model.cell_text(0, "PaymentIntent").startswith("pi_")
    assert page.model.cell_text(0, "Amount") == "31.50 USD"
    assert not page.refund_button.isEnabled()
    click_row(qtbot, page.view, 0)
    assert page.refund_button.isEnabled()
    qtbot.waitUntil(lambda: page.receipt.text_of("Status") == "Paid", timeout=WAIT)
    assert (page.receipt.text_of("PaymentIntent") or "").startswith("pi_")
    shoot(window, "admin_payments")

    dialog = page.refund_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    assert dialog.preview_values["Back to the student"].text() == "31.50 USD"
    dialog.set_partial_amount("10.00")
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.preview.amount_minor == 1000, timeout=WAIT
    )
    shown = {label: value.text() for label, value in dialog.preview_values.items()}
    assert shown == {
        "Back to the student": "10.00 USD",
        "Platform fee": "kept by the platform (1.50 USD)",
        "Teacher's share": "30.00 USD → 20.00 USD (-10.00 USD)",
        "Left to refund after": "21.50 USD",
        "Booking after": "Confirmed · Paid",
    }
    assert not dialog.refund_button.isEnabled()  # no reason yet
    dialog.reason_edit.setPlainText("Teacher was 20 minutes late.")
    assert dialog.refund_button.text() == "Refund 10.00 USD"
    shoot(dialog, "admin_refund_partial")
    key = dialog.request_key
    with qtbot.waitSignal(page.refund_made, timeout=WAIT) as made:
        for _click in range(2):  # a double click: the second lands while the first runs
            qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    assert made.args[0].refund.amount_minor == 1000 and not made.args[0].duplicate
    assert made.args[0].refund.stripe_refund_id.startswith("re_")
    assert "Refunded 10.00 USD (Stripe refund re_" in page.notice_label.text()
    qtbot.waitUntil(lambda: page.model.cell_text(0, "Refunded") == "10.00 USD", timeout=WAIT)
    with services.ctx.unit_of_work(write=False) as uow:
        refunds = list(uow.session.scalars(select(Refund)))
        assert [(r.amount_minor, r.idempotency_key) for r in refunds] == [(1000, key)]

    click_row(qtbot, page.view, 0)
    qtbot.waitUntil(lambda: page.refund_button.isEnabled(), timeout=WAIT)
    dialog = page.refund_selected()
    assert dialog is not None and dialog.request_key != key
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    shown = {label: value.text() for label, value in dialog.preview_values.items()}
    assert shown["Back to the student"] == "21.50 USD"
    assert shown["Platform fee"] == "1.50 USD returned (1.50 USD → 0.00 USD)"
    assert shown["Teacher's share"] == "20.00 USD → 0.00 USD (-20.00 USD)"
    assert shown["Booking after"] == "Cancelled · Refunded"
    dialog.reason_edit.setPlainText("Session cancelled by the admin.")
    shoot(dialog, "admin_refund_full")
    with qtbot.waitSignal(page.refund_made, timeout=WAIT):
        dialog.refund_button.click()
    qtbot.waitUntil(lambda: page.model.cell_text(0, "Refunded") == "31.50 USD", timeout=WAIT)
    qtbot.waitUntil(lambda: page.receipt.text_of("Status") == "Refunded", timeout=WAIT)
    assert not page.refund_button.isEnabled()
    refunds_shown = [text for label, text in page.receipt.rows() if label == "Refund"]
    assert len(refunds_shown) == 2 and all(" · re_" in text for text in refunds_shown)
    shoot(window, "admin_payments_refunded")
    stored = services.bookings.get_booking(school.admin.actor, booking.id).booking
    assert (stored.status, stored.payment_status) == (
        BookingStatus.CANCELLED,
        PaymentStatus.REFUNDED,
    )
    assert stored.refunded_minor == 3150


def test_refund_over_what_remains_is_refused_in_the_preview(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = paid_booking(services, school)
    payment = services.payment_views.list_payments(school.admin.actor).items[0]
    from linguaflex_desktop.ui.payments.refund_dialog import RefundDialog

    dialog = RefundDialog(
        services=services, actor=school.admin.actor, runner=runner, payment=payment
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    dialog.set_partial_amount("40.00")
    dialog.reason_edit.setPlainText("Too much")
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT)
    assert dialog.error_label.text().startswith("At most 31.50 USD can be refunded")
    assert not dialog.refund_button.isEnabled()
    dialog.submit()  # ignored without a valid preview
    runner.wait_for_idle()
    assert services.payment_views.payment_for_booking(school.admin.actor, booking.id).refunds == ()


# --- teacher earnings ------------------------------------------------------------------------


def test_teacher_sees_earnings_per_booking_and_totals(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = paid_booking(services, school)
    services.refunds.refund(
        school.admin.actor, booking.id, amount_minor=500, reason="Late", request_key="r-1"
    )
    window = TeacherWindow(services=services, user=school.teacher, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = added.earnings
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    row = {
        header: page.model.cell_text(0, header)
        for header in ("Session", "Student", "Gross", "Platform fee", "Your share", "Refunded")
    }
    assert row == {
        "Session": "Wed 3 Mar 2027, 11:00",  # Madrid time
        "Student": "Sam Taylor",
        "Gross": "31.50 USD",
        "Platform fee": "1.50 USD",
        "Your share": "30.00 USD",
        "Refunded": "5.00 USD",
    }
    assert page.model.cell_text(0, "You keep") == "25.00 USD"
    assert page.total_rows() == [
        ("USD", "1", "31.50 USD", "1.50 USD", "30.00 USD", "5.00 USD", "25.00 USD")
    ]
    shoot(window, "teacher_earnings")


def test_teacher_without_paid_sessions_sees_the_empty_state(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> None:
    window = TeacherWindow(services=services, user=school.teacher, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = added.earnings
    assert page is not None
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        window.tabs.setCurrentWidget(page)
    assert page.table.showing_empty_state()
    assert "No paid sessions yet" in page.table.empty_label.text()
    assert not page.totals_box.isVisible()


# --- the sandbox banner ----------------------------------------------------------------------


def test_every_role_window_shows_the_sandbox_banner_after_sign_in(
    qtbot: QtBot, controller: object, app_services: AppServices
) -> None:
    from linguaflex_desktop.models import Role
    from linguaflex_desktop.ui.app_controller import AppController
    from tests.ui.ui_helpers import register

    assert isinstance(controller, AppController)
    for role, tab in (
        (Role.STUDENT, "Payment methods"),
        (Role.TEACHER, "Earnings"),
        (Role.ADMIN, "Payments"),
    ):
        user = register(app_services, role)
        window = controller.show_role_window(user)
        assert window.banner.isVisible()
        assert window.banner.text() == SANDBOX_BANNER
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tab in titles


def test_no_banner_when_stripe_keys_are_configured(
    qtbot: QtBot, tmp_path: object, runner: TaskRunner
) -> None:
    from pathlib import Path

    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.config import load_settings
    from linguaflex_desktop.models import Role
    from tests.ui.ui_helpers import register

    assert isinstance(tmp_path, Path)
    environ = {"STRIPE_SECRET_KEY": "sk_test_x", "STRIPE_PUBLISHABLE_KEY": "pk_test_x"}
    keyed = build_app_services(load_settings(data_dir=tmp_path, environ=environ))
    try:
        user = register(keyed, Role.TEACHER)
        window = TeacherWindow(services=keyed, user=user, runner=runner)
        qtbot.addWidget(window)
        install_payment_ui(window)
        window.show()
        assert not window.banner.isVisible()
        sandboxed = TeacherWindow(services=keyed, user=user, runner=runner)
        qtbot.addWidget(sandboxed)
        assert not sandboxed.banner.isVisible()
    finally:
        keyed.close()


def test_cancel_payment_while_waiting_for_three_d_secure_cancels_it(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    stripe_sandbox: StripeSandbox,
    school: School,
    opener: UrlRecorder,
) -> None:
    window, added = student_window
    booking = confirmed_booking(services, school)
    save_card_number(services, stripe_sandbox, school.student, THREE_D_SECURE_CARD)
    dialog = open_pay_dialog(qtbot, window, added)
    dialog.pay_button.click()
    qtbot.waitUntil(lambda: len(opener.urls) == 1, timeout=WAIT)
    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT) as settled:
        dialog.cancel_button.click()
        assert dialog.isVisible()  # stays until the poller has cancelled at Stripe
        assert not dialog.cancel_button.isEnabled()
    outcome = settled.args[0]
    assert outcome.state in ("canceled", "failed")
    assert dialog.pay_button.isEnabled()  # pay again, before the deadline
    receipt = services.payment_views.payment_for_booking(school.student.actor, booking.id)
    assert receipt.payment_status is PaymentStatus.FAILED
    intent_id = receipt.attempts[-1].stripe_payment_intent_id
    assert intent_id is None  # students do not see Stripe ids
    admin_view = services.payment_views.payment_for_booking(school.admin.actor, booking.id)
    pi = admin_view.attempts[-1].stripe_payment_intent_id
    assert pi is not None
    assert services.payments_gateway.retrieve_payment_intent(pi).status == "canceled"
