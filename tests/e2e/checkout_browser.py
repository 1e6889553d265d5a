"""Driving the sandbox's hosted Checkout page in headless Chromium, as a student would."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 20


def fill_card(browser: Any, number: str, *, expiry: str = "12 / 31", cvc: str = "123") -> None:
    """Type a card into the hosted page's form, as printed, and press "Save card"."""
    WebDriverWait(browser, WAIT_SECONDS).until(
        expected_conditions.element_to_be_clickable((By.ID, "number"))
    )
    for field, value in (("number", number), ("exp", expiry), ("cvc", cvc), ("name", "Maya Test")):
        element = browser.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    browser.find_element(By.ID, "submit").click()


def authenticate(browser: Any, choice: str) -> None:
    """Answer the authentication step: "Complete" or "Fail"."""
    button = (By.XPATH, f"//button[normalize-space()='{choice}']")
    WebDriverWait(browser, WAIT_SECONDS).until(expected_conditions.element_to_be_clickable(button))
    browser.find_element(*button).click()


def page_error(browser: Any) -> str:
    """The error the hosted page shows (waits for it)."""
    WebDriverWait(browser, WAIT_SECONDS).until(lambda b: b.find_elements(By.ID, "error"))
    return str(browser.find_element(By.ID, "error").text)


def returned_heading(browser: Any) -> str:
    """The heading of the loopback return page the browser was sent back to (waits for it)."""
    WebDriverWait(browser, WAIT_SECONDS).until(lambda b: "/return/" in b.current_url)
    return str(browser.find_element(By.ID, "heading").text)


def csp_violations(browser: Any) -> list[str]:
    return [
        entry["message"]
        for entry in browser.get_log("browser")
        if "Content Security Policy" in entry["message"]
    ]
