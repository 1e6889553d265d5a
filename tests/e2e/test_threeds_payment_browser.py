"""Paying with 3-D Secure end to end, as with live Stripe: PaymentService + localstripe (with
the sandbox's ``redirect_to_url`` answer and hosted authentication page) + the app's loopback
return page + headless Chromium. The 4000 0025 0000 3155 card is saved server-side; "Pay"
comes back ``requires_action`` with the bank's page, which the browser opens and answers; it
is then sent back to the return page, which wakes the poller on its own thread. And no dead
end: an abandoned verification is reopened, or cancelled (then another card pays), or left
for good (reconciliation cancels it 30 minutes later and the booking is payable again)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.sandbox_ext.three_ds_page import format_amount
from linguaflex_desktop.models import BookingStatus, PaymentStatus, SessionBooking
from linguaflex_desktop.services.booking.rules import can_pay
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.decline_text import AUTHENTICATION_FAILED
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from tests.conftest import FakeClock
from tests.integration.payment_helpers import (
    THREE_D_SECURE_CARD,
    PayKit,
    booking_state,
    intents_at_stripe,
    kit_fixture,
    save_raw_card,
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


def body_text(browser: Any) -> str:
    """The page's text ("" while the browser is between pages, e.g. following a redirect:
    the old body goes stale, or chromedriver answers an "inspector error" for a document that
    is being replaced)."""
    try:
        return str(browser.find_element(By.TAG_NAME, "body").text)
    except WebDriverException:  # NoSuchElement and StaleElementReference included
        return ""


def answer(browser: Any, choice: str) -> None:
    """Press a button of the bank's page ("Complete authentication" / "Fail authentication")."""
    button = (By.XPATH, f"//button[normalize-space()='{choice}']")
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.element_to_be_clickable(button))
    browser.find_element(*button).click()


def back_on_the_return_page(browser: Any) -> str:
    """The browser lands on the app's return page; returns its address (with Stripe's query)."""
    WebDriverWait(browser, WAIT_SECONDS).until(lambda b: "return to LinguaFlex" in body_text(b))
    return str(browser.current_url)


def start_paying(kit: PayKit) -> PaymentOutcome:
    """Save the 3-D Secure card and press "Pay": the attempt waits on the bank's page."""
    card_id = save_raw_card(kit, kit.world.student, THREE_D_SECURE_CARD)
    started = kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=card_id)
    assert started.state == "requires_action" and started.handoff_url
    assert started.handoff_url.startswith(f"{kit.sandbox.api_base}/3ds/")
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    return started


def follow(kit: PayKit, payment_id: int, **waiting: float) -> tuple[threading.Thread, list[Any]]:
    """The app's poller on its own thread (``wait_for_payment``)."""
    finished: list[PaymentOutcome] = []
    options = {"timeout": WAIT_SECONDS, "interval": 0.05, **waiting}
    poller = threading.Thread(
        target=lambda: finished.append(
            kit.payments.wait_for_payment(kit.world.student, payment_id, **options)
        )
    )
    poller.start()
    return poller, finished


def abandon(browser: Any, url: str) -> None:
    """The student opens the bank's page, then closes it without answering."""
    browser.get(url)
    WebDriverWait(browser, WAIT_SECONDS).until(lambda b: "test mode" in body_text(b).lower())
    browser.get("about:blank")


def payable(kit: PayKit) -> bool:
    with kit.ctx.unit_of_work(write=False) as uow:
        booking = uow.session.get(SessionBooking, kit.booking_id)
        assert booking is not None
        return can_pay(booking, kit.ctx.now())


def booking_total(kit: PayKit) -> str:
    with kit.ctx.unit_of_work(write=False) as uow:
        booking = uow.session.get(SessionBooking, kit.booking_id)
        assert booking is not None
        return format_amount(booking.total_minor, booking.currency)


def test_completed_authentication_returns_to_the_app_which_marks_the_booking_paid(
    browser: Any, kit: PayKit
) -> None:
    started = start_paying(kit)
    # a long pause between polls: only the browser's return can wake the poller in time
    poller, finished = follow(kit, started.payment_id, interval=60, max_interval=60)

    browser.get(started.handoff_url)
    page = body_text(browser)
    assert "test mode" in page.lower() and "LinguaFlex" in page and booking_total(kit) in page
    answer(browser, "Complete authentication")
    returned = back_on_the_return_page(browser)
    poller.join(timeout=WAIT_SECONDS)

    assert "payment_intent=" in returned and "payment_intent_client_secret=" in returned
    assert not poller.is_alive() and len(finished) == 1
    assert finished[0].state == "succeeded" and finished[0].payment_status is P.PAID
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert succeeded_charges(kit, kit.world.student) == 1
    browser.get(str(started.handoff_url))  # the bank's page no longer asks anything
    assert "Verification finished" in body_text(browser)


def test_failed_authentication_is_told_plainly_and_another_card_then_pays(
    browser: Any, kit: PayKit
) -> None:
    started = start_paying(kit)
    poller, finished = follow(kit, started.payment_id)

    browser.get(started.handoff_url)
    answer(browser, "Fail authentication")
    back_on_the_return_page(browser)
    poller.join(timeout=WAIT_SECONDS + 5)

    assert len(finished) == 1 and finished[0].state == "failed"
    assert finished[0].message == AUTHENTICATION_FAILED
    assert finished[0].message == (
        "Your bank could not confirm it was you. Try again or use another card."
    )
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert payable(kit)
    visa = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    retried = kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=visa.id)
    assert retried.state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert succeeded_charges(kit, kit.world.student) == 1


def test_an_abandoned_verification_is_reopened_then_completed(browser: Any, kit: PayKit) -> None:
    started = start_paying(kit)
    abandon(browser, str(started.handoff_url))  # and the app was closed: nobody polls

    reopened = kit.payments.resume_payment(kit.world.student, kit.booking_id)

    assert reopened.state == "requires_action"
    assert reopened.handoff_url == started.handoff_url  # the same page, read from Stripe
    poller, finished = follow(kit, reopened.payment_id)
    browser.get(reopened.handoff_url)
    answer(browser, "Complete authentication")
    back_on_the_return_page(browser)
    poller.join(timeout=WAIT_SECONDS + 5)
    assert len(finished) == 1 and finished[0].state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)


def test_an_abandoned_verification_is_cancelled_then_another_card_pays(
    browser: Any, kit: PayKit
) -> None:
    started = start_paying(kit)
    abandon(browser, str(started.handoff_url))

    cancelled = kit.payments.cancel_payment_attempt(kit.world.student, kit.booking_id)

    assert cancelled.state == "canceled" and cancelled.payment_status is P.FAILED
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["canceled"]
    browser.get(str(started.handoff_url))  # the old page can no longer authorise anything
    assert "Verification finished" in body_text(browser)
    assert payable(kit)
    visa = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    paid = kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=visa.id)
    assert paid.state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert succeeded_charges(kit, kit.world.student) == 1


def test_a_verification_never_finished_is_cancelled_by_reconcile_after_30_minutes(
    browser: Any, kit: PayKit, clock: FakeClock
) -> None:
    started = start_paying(kit)
    abandon(browser, str(started.handoff_url))
    clock.advance(minutes=10)
    assert kit.reconciler.reconcile_pending().still_pending == 1  # may still be on it

    clock.advance(minutes=21)
    report = kit.reconciler.reconcile_pending()

    assert (report.checked, report.canceled) == (1, 1)
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["canceled"]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert payable(kit)
    visa = kit.cards.save_test_card(kit.world.student, "pm_card_visa")
    paid = kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=visa.id)
    assert paid.state == "succeeded"
