"""Paying with 3-D Secure end to end: PaymentService + loopback page server + localstripe +
headless Chromium. The 4000 0025 0000 3155 card is saved on the hosted Checkout page, the payment
comes back ``requires_action``, the browser opens the hand-off page (``confirmCardPayment``)
and answers the 3-D Secure box while the service's poller, on its own thread, follows the
PaymentIntent to the outcome."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.models import BookingStatus, PaymentStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from tests.e2e.checkout_browser import authenticate, fill_card, returned_heading
from tests.integration.payment_helpers import (
    THREE_D_SECURE_CARD,
    PayKit,
    booking_state,
    kit_fixture,
    succeeded_charges,
)

pytestmark = pytest.mark.browser

WAIT_SECONDS = 20
S, P = BookingStatus, PaymentStatus


@pytest.fixture
def kit(
    sqlite_ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(sqlite_ctx, stripe_gateway, stripe_sandbox)


def answer_three_d_secure(browser: Any, choice: str) -> None:
    button = (By.XPATH, f"//button[normalize-space()='{choice}']")
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.element_to_be_clickable(button))
    browser.find_element(*button).click()


def page_result(browser: Any) -> tuple[str, str]:
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda b: (
            b.find_element(By.ID, "result").get_attribute("data-outcome") in ("succeeded", "failed")
        )
    )
    result = browser.find_element(By.ID, "result")
    return str(result.get_attribute("data-outcome")), str(result.text)


def save_3155_in_browser(browser: Any, kit: PayKit) -> int:
    """The student saves the 3-D Secure test card on the hosted Checkout page."""
    student = kit.world.student
    handoff = kit.cards.start_card_setup(student)
    browser.get(handoff.url)
    fill_card(browser, THREE_D_SECURE_CARD)
    authenticate(browser, "Complete")
    assert returned_heading(browser) == "All done"
    outcome = kit.cards.wait_for_card_setup(
        student, handoff.checkout_session_id, timeout=WAIT_SECONDS, interval=0.05
    )
    assert outcome.card is not None and outcome.card.last4 == "3155"
    return outcome.card.id


def pay_with_three_d_secure(
    browser: Any, kit: PayKit, card_id: int, choice: str
) -> tuple[PaymentOutcome, PaymentOutcome, tuple[str, str]]:
    """Pay; while the poller waits on its thread, the browser answers the 3-D Secure box."""
    student = kit.world.student
    started = kit.payments.pay_booking(student, kit.booking_id, card_id=card_id)
    assert started.state == "requires_action" and started.handoff_url
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    finished: list[PaymentOutcome] = []
    poller = threading.Thread(
        target=lambda: finished.append(
            kit.payments.wait_for_payment(
                student, started.payment_id, timeout=WAIT_SECONDS, interval=0.05
            )
        )
    )
    poller.start()
    browser.get(started.handoff_url)
    answer_three_d_secure(browser, choice)
    shown = page_result(browser)
    poller.join(timeout=WAIT_SECONDS + 5)
    assert len(finished) == 1, "the poller did not finish"
    return started, finished[0], shown


def test_completed_authentication_is_seen_by_the_poller_and_the_booking_is_paid(
    browser: Any, kit: PayKit
) -> None:
    card_id = save_3155_in_browser(browser, kit)

    started, finished, shown = pay_with_three_d_secure(
        browser, kit, card_id, "Complete authentication"
    )

    assert shown[0] == "succeeded" and "Payment confirmed" in shown[1]
    assert finished.state == "succeeded" and finished.payment_status is P.PAID
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert succeeded_charges(kit, kit.world.student) == 1
    browser.get(started.handoff_url)  # the one-time page is spent
    assert "expired or was already used" in browser.find_element(By.TAG_NAME, "body").text


def test_failed_authentication_ends_failed_then_another_card_pays(
    browser: Any, kit: PayKit
) -> None:
    card_id = save_3155_in_browser(browser, kit)

    _started, finished, shown = pay_with_three_d_secure(
        browser, kit, card_id, "Fail authentication"
    )

    assert shown[0] == "failed" and "failed authentication" in shown[1]
    assert finished.state == "failed"
    assert finished.message == "The provided PaymentMethod has failed authentication."
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)

    visa = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    retried = kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=visa.id)

    assert retried.state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert succeeded_charges(kit, kit.world.student) == 1
