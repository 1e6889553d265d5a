"""The card hand-off end to end: CardService + the sandbox's hosted Checkout page + headless
Chromium. The browser types Stripe's test cards as printed on Stripe's page (the sandbox's
stand-in), answers the authentication step, and comes back to the app's return page, while the
service's poller follows the Checkout Session on its own thread. (The last test drives the
3-D Secure page of a PaymentIntent, on the loopback page server.)
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.services.cards.dto import CardSetupHandoff, CardSetupOutcome
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest_stripe import add_actor
from tests.e2e.checkout_browser import (
    authenticate,
    csp_violations,
    fill_card,
    page_error,
    returned_heading,
)

pytestmark = pytest.mark.browser

WAIT_SECONDS = 20


@pytest.fixture
def cards(sqlite_ctx: ServiceContext, stripe_gateway: StripeGateway) -> Iterator[CardService]:
    service = CardService(sqlite_ctx, stripe_gateway)
    yield service
    service.close()


@pytest.fixture
def student(sqlite_ctx: ServiceContext) -> Actor:
    return add_actor(sqlite_ctx, email="maya@example.com")


class Poller:
    """The service's poller on its own thread, as the app runs it; ``cancel()`` is the
    dialog's Cancel button."""

    def __init__(self, cards: CardService, student: Actor, handoff: CardSetupHandoff) -> None:
        self.cancelled = threading.Event()
        self.outcome: CardSetupOutcome | None = None
        self._thread = threading.Thread(
            target=self._run, args=(cards, student, handoff.checkout_session_id), daemon=True
        )
        self._thread.start()

    def _run(self, cards: CardService, student: Actor, session_id: str) -> None:
        self.outcome = cards.wait_for_card_setup(
            student,
            session_id,
            timeout=WAIT_SECONDS,
            interval=0.5,
            should_cancel=self.cancelled.is_set,
        )

    def result(self) -> CardSetupOutcome:
        self._thread.join(WAIT_SECONDS + 5)
        assert self.outcome is not None, "the poller did not finish"
        return self.outcome


def start(browser: Any, cards: CardService, student: Actor) -> tuple[CardSetupHandoff, Poller]:
    handoff = cards.start_card_setup(student)
    poller = Poller(cards, student, handoff)
    browser.get(handoff.url)
    return handoff, poller


def test_card_4242_typed_with_spaces_is_saved_and_listed(
    browser: Any, cards: CardService, student: Actor
) -> None:
    browser.get_log("browser")  # drop older entries
    _, poller = start(browser, cards, student)
    assert "Save your card for future lessons" in browser.page_source
    assert browser.find_element(By.ID, "test-mode").text.lower() == "test mode"

    fill_card(browser, "4242 4242 4242 4242")

    assert returned_heading(browser) == "All done"
    outcome = poller.result()
    assert outcome.state == "succeeded" and outcome.card is not None
    assert outcome.message == "Visa •••• 4242, expires 12/2031 saved."
    listed = cards.list_cards(student)
    assert [(c.brand, c.last4, c.exp_month, c.exp_year, c.is_default) for c in listed] == [
        ("visa", "4242", 12, 2031, True)
    ]
    assert csp_violations(browser) == []


def test_card_0002_is_declined_on_the_page_then_4242_is_saved_on_the_same_session(
    browser: Any, cards: CardService, student: Actor
) -> None:
    handoff, poller = start(browser, cards, student)

    fill_card(browser, "4000 0000 0000 0002")

    assert page_error(browser) == "Your card was declined. Try another card."
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "waiting"
    fill_card(browser, "4242424242424242")
    assert returned_heading(browser) == "All done"
    outcome = poller.result()
    assert outcome.state == "succeeded" and outcome.card is not None
    assert [c.last4 for c in cards.list_cards(student)] == ["4242"]


def test_card_3155_with_completed_authentication_is_saved(
    browser: Any, cards: CardService, student: Actor
) -> None:
    _, poller = start(browser, cards, student)

    fill_card(browser, "4000 0025 0000 3155")
    authenticate(browser, "Complete")

    assert returned_heading(browser) == "All done"
    outcome = poller.result()
    assert outcome.state == "succeeded" and outcome.card is not None
    assert outcome.card.last4 == "3155"
    assert [c.last4 for c in cards.list_cards(student)] == ["3155"]


def test_card_3155_with_failed_authentication_is_not_saved_and_another_try_is_offered(
    browser: Any, cards: CardService, student: Actor
) -> None:
    handoff, poller = start(browser, cards, student)

    fill_card(browser, "4000 0025 0000 3155")
    authenticate(browser, "Fail")

    assert "unable to authenticate" in page_error(browser)
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "waiting"
    assert cards.list_cards(student) == ()
    fill_card(browser, "4000 0025 0000 3155")
    authenticate(browser, "Complete")
    assert poller.result().state == "succeeded"


def test_cancel_in_the_app_expires_the_session_and_the_page_says_so(
    browser: Any, cards: CardService, student: Actor, stripe_gateway: StripeGateway
) -> None:
    handoff, poller = start(browser, cards, student)
    WebDriverWait(browser, WAIT_SECONDS).until(
        expected_conditions.presence_of_element_located((By.ID, "number"))
    )

    poller.cancelled.set()

    outcome = poller.result()
    assert outcome.state == "canceled" and cards.list_cards(student) == ()
    assert stripe_gateway.retrieve_checkout_session(handoff.checkout_session_id).status == "expired"
    browser.refresh()
    assert browser.find_element(By.ID, "status").text == "This checkout session has expired"


def test_back_link_on_the_page_cancels_the_setup_in_the_app(
    browser: Any, cards: CardService, student: Actor
) -> None:
    _, poller = start(browser, cards, student)

    WebDriverWait(browser, WAIT_SECONDS).until(
        expected_conditions.element_to_be_clickable((By.ID, "back"))
    ).click()

    assert returned_heading(browser) == "Cancelled"
    assert poller.result().state == "canceled"


def answer_three_d_secure(browser: Any, choice: str) -> None:
    button = (By.XPATH, f"//button[normalize-space()='{choice}']")
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.element_to_be_clickable(button))
    browser.find_element(*button).click()


def page_result(browser: Any) -> tuple[str, str]:
    """Wait for the 3-D Secure page's final outcome; return (outcome, text)."""
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda b: (
            b.find_element(By.ID, "result").get_attribute("data-outcome") in ("succeeded", "failed")
        )
    )
    result = browser.find_element(By.ID, "result")
    return str(result.get_attribute("data-outcome")), str(result.text)
