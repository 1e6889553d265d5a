"""The payment windows with the browser hand-off driven for real: the page's "Add card…"
opens (through the injected opener) Stripe's hosted card page (the sandbox's stand-in), which
headless Chromium then fills with Stripe's test card; "Pay" on a 3-D Secure card opens the
bank's page (the sandbox's stand-in for Stripe's hosted authentication page), answered in
Chromium, which then lands on the app's return page while the dialog's poller waits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import PaymentStatus
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import apply_theme
from tests.e2e.checkout_browser import fill_card, returned_heading
from tests.e2e.conftest import browser  # noqa: F401  (the session's headless Chromium)
from tests.e2e.test_card_setup_browser import answer_three_d_secure
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.payment_ui_helpers import (
    THREE_D_SECURE_CARD,
    UrlRecorder,
    confirmed_booking,
    open_pay_dialog,
    save_card_number,
    shoot,
)

pytestmark = pytest.mark.browser

WAIT = 20000


@pytest.fixture
def services(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> AppServices:
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    return clocked_services


@pytest.fixture
def school(services: AppServices) -> School:
    return make_school(services)


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


def test_add_card_hands_off_to_the_browser_and_lists_the_saved_card(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    school: School,
    opener: UrlRecorder,
    browser: Any,  # noqa: F811
) -> None:
    window, added = student_window
    page = added.cards
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.table.showing_empty_state(), timeout=WAIT)
    page.poll_interval = 0.2
    page.add_button.click()
    qtbot.waitUntil(lambda: len(opener.urls) == 1, timeout=WAIT)
    assert page.wait_dialog is not None and page.wait_dialog.isVisible()
    assert not page.add_button.isEnabled()

    browser.get(opener.urls[0])
    with qtbot.waitSignal(page.cards_loaded, timeout=WAIT):
        fill_card(browser, "4242 4242 4242 4242")
        assert returned_heading(browser) == "All done"
        qtbot.waitUntil(lambda: page.wait_dialog is None, timeout=WAIT)
    assert page.notice_label.text() == "Visa •••• 4242, expires 12/2031 saved."
    assert [
        (page.model.cell_text(r, "Card"), page.model.cell_text(r, "Expires"))
        for r in range(page.model.rowCount())
    ] == [("Visa ending in 4242", "12/2031")]
    assert page.model.cell_text(0, "Default") == "Default"
    assert [c.last4 for c in services.cards.list_cards(school.student.actor)] == ["4242"]


def test_three_d_secure_payment_is_completed_in_the_browser_and_shown_paid(
    qtbot: QtBot,
    student_window: tuple[StudentWindow, PaymentUI],
    services: AppServices,
    stripe_sandbox: StripeSandbox,
    school: School,
    opener: UrlRecorder,
    browser: Any,  # noqa: F811
) -> None:
    window, added = student_window
    booking = confirmed_booking(services, school)
    save_card_number(services, stripe_sandbox, school.student, THREE_D_SECURE_CARD)
    dialog = open_pay_dialog(qtbot, window, added)
    dialog.pay_button.click()
    qtbot.waitUntil(lambda: len(opener.urls) == 1, timeout=WAIT)
    assert dialog.progress.isVisible() and dialog.reopen_button.isVisible()
    assert dialog.cancel_button.text() == "Cancel payment attempt"
    assert dialog.reopen_button.text() == "Continue verification"
    assert "confirm this payment" in dialog.notice_label.text()
    shoot(dialog, "student_pay_three_d_secure")

    with qtbot.waitSignal(dialog.payment_settled, timeout=WAIT) as settled:
        browser.get(opener.urls[0])
        assert "test mode" in browser.find_element(By.TAG_NAME, "body").text.lower()
        answer_three_d_secure(browser, "Complete authentication")
        # (a page being replaced answers stale elements or chromedriver "inspector errors")
        WebDriverWait(browser, 20, ignored_exceptions=(WebDriverException,)).until(
            lambda b: "return to LinguaFlex" in b.find_element(By.TAG_NAME, "body").text
        )
    assert settled.args[0].state == "succeeded"
    assert "Payment received" in dialog.notice_label.text()
    assert not dialog.progress.isVisible()
    stored = services.bookings.get_booking(school.student.actor, booking.id).booking
    assert stored.payment_status is PaymentStatus.PAID
    page = window.my_bookings
    qtbot.waitUntil(
        lambda: page.model.booking_at(0).payment_status is PaymentStatus.PAID, timeout=WAIT
    )
