"""The card hand-off end to end: CardService + page server + localstripe + headless Chromium.

The browser types Stripe's test cards into the sandbox's card element (five plain inputs),
clicks "Save card", and answers the 3-D Secure box; the service's poller sees the outcome.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from linguaflex_desktop.adapters.browser_pages import CardPageServer
from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.services.cards.dto import CardSetupOutcome
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest_stripe import add_actor

pytestmark = pytest.mark.browser

WAIT_SECONDS = 20


@pytest.fixture
def cards(sqlite_ctx: ServiceContext, stripe_gateway: StripeGateway) -> Iterator[CardService]:
    service = CardService(
        sqlite_ctx, stripe_gateway, lambda: CardPageServer.for_gateway(stripe_gateway)
    )
    yield service
    service.close()


@pytest.fixture
def student(sqlite_ctx: ServiceContext) -> Actor:
    return add_actor(sqlite_ctx, email="maya@example.com")


def type_card(browser: Any, number: str) -> None:
    values = {"number": number, "exp_month": "12", "exp_year": "31", "cvc": "123"}
    values["postal_code"] = "75001"
    for placeholder, value in values.items():
        browser.find_element(By.CSS_SELECTOR, f'input[placeholder="{placeholder}"]').send_keys(
            value
        )
    browser.find_element(By.ID, "save").click()


def answer_three_d_secure(browser: Any, choice: str) -> None:
    button = (By.XPATH, f"//button[normalize-space()='{choice}']")
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.element_to_be_clickable(button))
    browser.find_element(*button).click()


def page_result(browser: Any) -> tuple[str, str]:
    """Wait for the page's final outcome; return (outcome, text)."""
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda b: (
            b.find_element(By.ID, "result").get_attribute("data-outcome") in ("succeeded", "failed")
        )
    )
    result = browser.find_element(By.ID, "result")
    return str(result.get_attribute("data-outcome")), str(result.text)


def csp_violations(browser: Any) -> list[str]:
    messages = [entry["message"] for entry in browser.get_log("browser")]
    # The sandbox's Stripe.js logs itself: proof that the console is captured at all.
    assert any("localstripe" in message for message in messages), messages
    return [message for message in messages if "Content Security Policy" in message]


def save_card_in_browser(
    browser: Any, cards: CardService, student: Actor, number: str, three_d_secure: str | None
) -> tuple[tuple[str, str], CardSetupOutcome]:
    handoff = cards.start_card_setup(student)
    browser.get(handoff.url)
    type_card(browser, number)
    if three_d_secure:
        answer_three_d_secure(browser, three_d_secure)
    shown = page_result(browser)
    outcome = cards.wait_for_card_setup(
        student, handoff.setup_intent_id, timeout=WAIT_SECONDS, interval=0.05
    )
    return shown, outcome


def test_card_4242_is_saved_and_listed(browser: Any, cards: CardService, student: Actor) -> None:
    browser.get_log("browser")  # drop older entries
    shown, outcome = save_card_in_browser(browser, cards, student, "4242424242424242", None)

    assert shown[0] == "succeeded" and "Card saved" in shown[1]
    assert outcome.state == "succeeded" and outcome.card is not None
    listed = cards.list_cards(student)
    assert [(c.brand, c.last4, c.exp_month, c.exp_year, c.is_default) for c in listed] == [
        ("visa", "4242", 12, 2031, True)
    ]
    assert csp_violations(browser) == []
    browser.refresh()  # the one-time link is spent
    assert "expired or was already used" in browser.find_element(By.TAG_NAME, "body").text


def test_card_0002_is_declined_at_setup_with_stripes_message(
    browser: Any, cards: CardService, student: Actor
) -> None:
    shown, outcome = save_card_in_browser(browser, cards, student, "4000000000000002", None)

    assert shown[0] == "failed" and "Your card was declined." in shown[1]
    assert outcome.state == "failed" and outcome.message == "Your card was declined."
    assert cards.list_cards(student) == ()


def test_card_3155_with_completed_authentication_is_saved(
    browser: Any, cards: CardService, student: Actor
) -> None:
    shown, outcome = save_card_in_browser(
        browser, cards, student, "4000002500003155", "Complete authentication"
    )

    assert shown[0] == "succeeded"
    assert outcome.state == "succeeded" and outcome.card is not None
    assert outcome.card.last4 == "3155"
    assert [c.last4 for c in cards.list_cards(student)] == ["3155"]


def test_card_3155_with_failed_authentication_is_not_saved(
    browser: Any, cards: CardService, student: Actor
) -> None:
    shown, outcome = save_card_in_browser(
        browser, cards, student, "4000002500003155", "Fail authentication"
    )

    assert shown[0] == "failed" and "authentication failed" in shown[1]
    assert outcome.state == "failed" and "authentication failed" in outcome.message
    assert cards.list_cards(student) == ()
