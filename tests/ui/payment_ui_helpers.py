"""Helpers of the payment window tests: a school with a confirmed booking, saved cards and
payments made through the real services on the real in-process localstripe, and a browser
opener that records the hand-off URLs instead of opening a browser."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import SavedCard, StripeCustomer
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui.admin.payments_page import AdminPaymentsPage
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.payments.pay_dialog import PayDialog
from linguaflex_desktop.ui.payments.refund_dialog import RefundDialog
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import apply_theme
from tests.stripe_stand_ins import stand_in_client
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.ui_helpers import click_row

SHOTS = "/tmp/payment-shots"
THREE_D_SECURE_CARD = "4000002500003155"
WAIT_MS = 20000


# The payment window tests' ``services`` and ``school``: a test module imports these two
# (``from tests.ui.payment_ui_helpers import payment_school, payment_services``) to use them.


@pytest.fixture(name="services")
def payment_services(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> AppServices:
    """Real services on a fresh SQLite file, payments on the (reset) shared localstripe, and
    the app's theme (the windows look as in the app)."""
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    return clocked_services


@pytest.fixture(name="school")
def payment_school(services: AppServices) -> School:
    return make_school(services)


@dataclass
class UrlRecorder:
    """Stands in for QDesktopServices.openUrl: records each URL, reports success."""

    urls: list[str] = field(default_factory=list)
    opens: bool = True

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url.toString())
        return self.opens


def confirmed_booking(services: AppServices, school: School) -> BookingDTO:
    booking = book(services, school)
    return services.bookings.confirm_booking(school.teacher.actor, booking.id)


def save_card_number(
    services: AppServices, sandbox: StripeSandbox, student: UserDTO, number: str
) -> int:
    """Save a card by its number, server-side (tests only: what the card page would save).
    Returns the saved card's id."""
    client = stand_in_client(sandbox, "browser")
    card = {"number": number, "exp_month": 12, "exp_year": 2031, "cvc": "123"}
    method = client.v1.payment_methods.create(params={"type": "card", "card": card})  # type: ignore[typeddict-item]
    services.cards.save_test_card(student.actor)  # creates the customer (a visa, dropped below)
    gateway = services.payments_gateway
    with services.ctx.unit_of_work() as uow:
        customer = uow.session.get(StripeCustomer, student.id)
        assert customer is not None
        info = gateway.attach_payment_method(method.id, customer.stripe_customer_id)
        for existing in uow.session.scalars(
            select(SavedCard).where(SavedCard.user_id == student.id)
        ):
            uow.session.delete(existing)
        uow.session.flush()
        row = SavedCard(
            user_id=student.id,
            stripe_payment_method_id=info.id,
            brand=info.brand,
            last4=info.last4,
            exp_month=info.exp_month,
            exp_year=info.exp_year,
            is_default=True,
            created_at=services.ctx.now(),
        )
        uow.session.add(row)
        uow.session.flush()
        card_id = row.id
        uow.commit()
    return card_id


def paid_booking(services: AppServices, school: School) -> BookingDTO:
    """A confirmed booking paid with a saved visa (through the real services)."""
    booking = confirmed_booking(services, school)
    services.cards.save_test_card(school.student.actor)
    outcome = services.payments.pay_booking(school.student.actor, booking.id)
    assert outcome.state == "succeeded", outcome
    return services.bookings.get_booking(school.student.actor, booking.id).booking


def open_pay_dialog(qtbot: QtBot, window: StudentWindow, added: PaymentUI) -> PayDialog:
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and not page.model.is_loading, timeout=WAIT_MS
    )
    click_row(qtbot, page.view, 0)
    assert added.student is not None
    dialog = added.student.pay_selected()
    assert dialog is not None
    dialog.poll_interval = 0.2
    qtbot.waitUntil(lambda: dialog.pay_button.isEnabled(), timeout=WAIT_MS)
    return dialog


def open_refund_dialog(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> tuple[AdminPaymentsPage, RefundDialog]:
    """A paid booking, the admin's Payments tab with it selected, and its refund dialog
    opened with the preview in."""
    paid_booking(services, school)
    window = AdminWindow(services=services, user=school.admin, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = added.admin_payments
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    click_row(qtbot, page.view, 0)
    dialog = page.refund_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    return page, dialog


def shoot(widget: QWidget, name: str) -> None:
    """Save a screenshot for a human to look at (not an assertion)."""
    import os

    os.makedirs(SHOTS, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(f"{SHOTS}/{name}.png")
