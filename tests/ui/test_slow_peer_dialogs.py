"""A slow Stripe, seen from the dialogs that wait on it: after a second the pay and refund
dialogs say what they wait for, with a busy bar and the time waited, and let the user close
them while the call goes on; the pages show the outcome when it lands. Stripe (the real
in-process localstripe) is held on an event inside the gateway's call, never slept on."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import School
from tests.ui.payment_ui_helpers import (  # noqa: F401 - the services and school fixtures
    UrlRecorder,
    confirmed_booking,
    open_pay_dialog,
    open_refund_dialog,
    payment_school,
    payment_services,
)

WAIT = 15000


class HeldCall:
    """One gateway method held until ``answer`` is set (Stripe slow to answer)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, gateway: object, name: str) -> None:
        self.entered, self.answer = threading.Event(), threading.Event()
        real: Callable[..., Any] = getattr(gateway, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.entered.set()
            assert self.answer.wait(timeout=30)
            return real(*args, **kwargs)

        monkeypatch.setattr(gateway, name, held)


@pytest.fixture
def student_window(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> Iterator[tuple[StudentWindow, PaymentUI]]:
    window = StudentWindow(services=services, user=school.student, runner=runner)
    added = install_payment_ui(window, open_url=UrlRecorder())
    qtbot.addWidget(window)
    window.show()
    yield window, added


def test_a_slow_payment_says_what_it_waits_for_and_the_dialog_can_close_while_it_goes_on(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, added = student_window
    confirmed_booking(services, school)
    services.cards.save_test_card(school.student.actor)
    stripe = HeldCall(monkeypatch, services.payments_gateway, "confirm_payment_intent")
    dialog = open_pay_dialog(qtbot, window, added)

    dialog.pay_button.click()
    # Until a second has passed (no event has run yet) nothing flashes and Cancel waits.
    assert not dialog.peer_wait.isVisible() and not dialog.cancel_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()

    qtbot.waitUntil(dialog.peer_wait.isVisible, timeout=WAIT)
    assert stripe.entered.is_set() and not stripe.answer.is_set()  # the charge is in flight
    assert dialog.peer_wait.text_label.text().startswith("Waiting for Stripe to take the payment")
    assert dialog.peer_wait.progress.isVisible()
    assert dialog.peer_wait.elapsed_label.text().startswith("Waiting for 0:0")
    assert dialog.cancel_button.isEnabled() and dialog.cancel_button.text() == "Close"

    dialog.cancel_button.click()  # stop waiting: the payment goes on
    assert not dialog.isVisible()
    page = window.my_bookings
    cell = page.model.column_of(BookingColumn.PAYMENT)
    assert page.model.index(0, cell).data() != "Paid"
    stripe.answer.set()
    qtbot.waitUntil(lambda: page.model.index(0, cell).data() == "Paid", timeout=WAIT)


def test_a_slow_refund_can_be_left_running_and_the_payments_list_shows_it(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,
    school: School,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, dialog = open_refund_dialog(qtbot, services, runner, school)
    dialog.reason_edit.setPlainText("Teacher ill.")
    stripe = HeldCall(monkeypatch, services.payments_gateway, "create_refund")

    dialog.refund_button.click()
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(dialog.peer_wait.isVisible, timeout=WAIT)
    assert stripe.entered.is_set()
    assert dialog.peer_wait.text_label.text().startswith("Waiting for Stripe to make the refund")
    assert dialog.cancel_button.isEnabled() and dialog.cancel_button.text() == "Close"

    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert page.model.cell_text(0, "Refunded") != "31.50 USD"
    stripe.answer.set()
    qtbot.waitUntil(lambda: page.model.cell_text(0, "Refunded") == "31.50 USD", timeout=WAIT)
