"""Playing the browser on the sandbox's hosted Checkout page over plain HTTP (the real
browser, headless Chromium, drives it in tests/e2e/test_card_setup_browser.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def submit_card(
    page_url: str,
    number: str,
    *,
    authenticate: str | None = None,
    follow_to_return_page: bool = True,
) -> str:
    """Type ``number`` into the hosted page (and answer authentication with "complete" or
    "fail" when asked); return where the page sent the browser last. With
    ``follow_to_return_page`` the browser then loads that address, as a real one would."""
    origin = origin_of(page_url)
    headers = {"Origin": origin}
    form = {"number": number, "exp": "11 / 31", "cvc": "123", "name": "Sofia Test"}
    with httpx.Client(timeout=10) as client:
        answer = client.post(page_url, data=form, headers=headers)
        assert answer.status_code == 303, answer.text
        location = answer.headers["location"]
        if location.endswith("/authenticate"):
            assert authenticate is not None, "the page asked for authentication"
            answer = client.post(origin + location, data={"answer": authenticate}, headers=headers)
            assert answer.status_code == 303, answer.text
            location = answer.headers["location"]
        if follow_to_return_page and location.startswith("http"):
            client.get(location)
    return location
