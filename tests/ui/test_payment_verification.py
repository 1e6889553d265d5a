"""No dead end in the student's window: a booking whose payment waits for the bank's 3-D Secure
check (the browser or the app was closed meanwhile) offers "Continue verification" (the pay
dialog reopens Stripe's page and follows it) and "Cancel payment attempt" (cancelled at
Stripe; "Pay…" works again at once). Real services, the real in-process localstripe and its
hosted authentication page; the browser opener records URLs."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from linguaflex_desktop.services.payments.follow import TIMED_OUT_MESSAGE
from linguaflex_desktop.ui.payments.pages import PaymentUI, StudentPayments, install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import School
from tests.ui.payment_ui_helpers import (  # noqa: F401 - the services and school fixtures
    THREE_D_SECURE_CARD,
    UrlRecorder,
    confirmed_booking,
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
def waiting(services: AppServices, stripe_sandbox: StripeSandbox, school: School) -> str:
    """A confirmed booking whose payment waits in 3-D Secure (as left by a closed app):
    returns the bank page's URL."""
    booking = confirmed_booking(services, school)
    save_card_number(services, stripe_sandbox, school.student, THREE_D_SECURE_CARD)
    outcome = services.payments.pay_booking(school.student.actor, booking.id)
    assert outcome.state == "requires_action" and outcome.handoff_url
    return outcome.handoff_url


@pytest.fixture
def student_window(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,
    school: School,
    opener: UrlRecorder,
    waiting: str,
) -> Iterator[tuple[StudentWindow, StudentPayments]]:
    window = StudentWindow(services=services, user=school.student, runner=runner)
    added: PaymentUI = install_payment_ui(window, open_url=opener)
    qtbot.addWidget(window)
    window.show()
    assert added.student is not None
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.is_loading, timeout=WAIT)
    click_row(qtbot, page.view, 0)
    yield window, added.student
    runner.wait_for_idle()


def selected(window: StudentWindow) -> BookingDTO:
    booking = window.my_bookings.selected_booking()
    assert booking is not None
    return booking


def test_the_waiting_booking_offers_continue_and_cancel_but_not_pay(
    student_window: tuple[StudentWindow, StudentPayments],
) -> None:
    window, hooks = student_window

    assert selected(window).payment_status is PaymentStatus.PENDING
    assert hooks.continue_button.isEnabled() and hooks.cancel_attempt_button.isEnabled()
    assert not hooks.pay_button.isEnabled()
    shoot(window, "student_booking_waiting_for_verification")


def test_continue_verification_reopens_the_same_page_and_follows_it_to_paid(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, StudentPayments],
    services: AppServices,
    stripe_sandbox: StripeSandbox,
    opener: UrlRecorder,
    waiting: str,
) -> None:
    window, hooks = student_window

    dialog = hooks.continue_selected()

    assert dialog is not None
    dialog.poll_interval = 0.1
    qtbot.waitUntil(lambda: opener.urls == [waiting], timeout=WAIT)  # the same bank page
    assert dialog.reopen_button.text() == "Continue verification"
    assert dialog.cancel_button.text() == "Cancel payment attempt"
    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT) as settled:
        answered = httpx.post(  # the student presses "Complete authentication"
            waiting,
            data={"outcome": "complete"},
            headers={"Origin": stripe_sandbox.api_base},
            follow_redirects=False,
        )
        assert answered.status_code == 303
    assert settled.args[0].state == "succeeded"
    assert "Payment received" in dialog.notice_label.text()
    qtbot.waitUntil(
        lambda: window.my_bookings.model.booking_at(0).payment_status is PaymentStatus.PAID,
        timeout=WAIT,
    )


def test_cancel_payment_attempt_makes_the_booking_payable_at_once(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, StudentPayments],
    services: AppServices,
    school: School,
) -> None:
    window, hooks = student_window
    # while the attempt waits for the bank, its two buttons stand where "Pay…" was, and the
    # row of actions still fits the window's default width
    assert hooks.cancel_attempt_button.isVisibleTo(window)
    assert hooks.continue_button.isVisibleTo(window)
    assert not hooks.pay_button.isVisibleTo(window)
    assert window.minimumSizeHint().width() <= 1120

    hooks.cancel_attempt_button.click()

    assert not hooks.cancel_attempt_button.isEnabled()  # one click, one cancel
    page = window.my_bookings
    qtbot.waitUntil(
        lambda: page.model.booking_at(0).payment_status is PaymentStatus.FAILED, timeout=WAIT
    )
    click_row(qtbot, page.view, 0)
    qtbot.waitUntil(lambda: hooks.pay_button.isEnabled(), timeout=WAIT)
    assert "nothing was charged" in page.notice_label.text()
    assert not hooks.continue_button.isEnabled()
    assert not hooks.cancel_attempt_button.isEnabled()
    booking_id = selected(window).id
    admin_view = services.payment_views.payment_for_booking(school.admin.actor, booking_id)
    intent_id = admin_view.attempts[-1].stripe_payment_intent_id
    assert intent_id is not None
    assert services.payments_gateway.retrieve_payment_intent(intent_id).status == "canceled"


def test_the_dialog_keeps_following_after_its_poller_gives_up(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, StudentPayments],
    services: AppServices,
    school: School,
    stripe_sandbox: StripeSandbox,
    opener: UrlRecorder,
    waiting: str,
) -> None:
    window, hooks = student_window
    dialog = hooks.continue_selected()
    assert dialog is not None
    dialog.poll_interval = 0.1
    qtbot.waitUntil(lambda: opener.urls == [waiting], timeout=WAIT)
    booking = selected(window)
    receipt = services.payment_views.payment_for_booking(school.student.actor, booking.id)
    timed_out = PaymentOutcome(
        "requires_action",
        receipt.attempts[-1].id,
        booking.id,
        PaymentStatus.PENDING,
        TIMED_OUT_MESSAGE,
        waiting,
    )

    dialog._waited(timed_out)  # what the poller answers after its time-out

    assert dialog.notice_label.text() == TIMED_OUT_MESSAGE
    assert dialog.reopen_button.isVisible() and dialog.progress.isVisible()
    assert dialog.cancel_button.text() == "Cancel payment attempt"
    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT) as settled:
        httpx.post(
            waiting,
            data={"outcome": "complete"},
            headers={"Origin": stripe_sandbox.api_base},
            follow_redirects=False,
        )
    assert settled.args[0].state == "succeeded"
