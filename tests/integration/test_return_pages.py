"""The loopback return page Stripe's hosted pages send the browser back to: real HTTP."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from linguaflex_desktop.adapters.return_pages import (
    OUTCOME_CANCELLED,
    OUTCOME_DONE,
    ReturnPageServer,
)


@pytest.fixture
def pages() -> Iterator[ReturnPageServer]:
    server = ReturnPageServer()
    yield server
    server.stop()


def test_the_browser_coming_back_is_recorded_with_its_outcome(pages: ReturnPageServer) -> None:
    page = pages.offer()
    assert pages.came_back(page.token) is None

    answer = httpx.get(page.url_for(OUTCOME_DONE))

    assert answer.status_code == 200
    assert "return to LinguaFlex" in answer.text
    assert answer.headers["Cache-Control"].startswith("no-store")
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    assert pages.came_back(page.token) == OUTCOME_DONE


def test_stripe_query_parameters_are_accepted_and_the_first_outcome_kept(
    pages: ReturnPageServer,
) -> None:
    page = pages.offer()
    httpx.get(f"{page.url}?payment_intent=pi_1&payment_intent_client_secret=pi_1_secret_x")
    httpx.get(page.url_for(OUTCOME_CANCELLED))
    assert pages.came_back(page.token) == ""


def test_a_foreign_host_is_refused_and_records_nothing(pages: ReturnPageServer) -> None:
    page = pages.offer()
    answer = httpx.get(page.url, headers={"Host": f"evil.example:{pages.port}"})
    assert answer.status_code == 421
    answer = httpx.get(page.url, headers={"Host": f"localhost:{pages.port}"})
    assert answer.status_code == 421
    assert pages.came_back(page.token) is None


def test_unknown_expired_and_closed_tokens_are_gone() -> None:
    now = [0.0]
    pages = ReturnPageServer(lifetime_seconds=60, clock=lambda: now[0])
    try:
        expired, closed = pages.offer(), pages.offer()
        pages.close(closed.token)
        now[0] = 61.0
        assert httpx.get(expired.url).status_code == 410
        assert httpx.get(closed.url).status_code == 410
        assert httpx.get(f"{pages.origin}/return/nope").status_code == 410
        assert httpx.get(f"{pages.origin}/other").status_code == 404
        assert httpx.post(expired.url).status_code == 405
    finally:
        pages.stop()


def test_a_waiting_poller_wakes_when_the_browser_comes_back(pages: ReturnPageServer) -> None:
    page = pages.offer()
    waiting = threading.Event()
    result: list[str | None] = []

    def wait() -> None:
        waiting.set()
        result.append(pages.wait_for_return(page.token, timeout=30))

    thread = threading.Thread(target=wait)
    thread.start()
    waiting.wait(5)
    httpx.get(page.url_for(OUTCOME_DONE))
    thread.join(10)
    assert result == [OUTCOME_DONE]


def test_waiting_without_a_return_gives_none_after_the_timeout(pages: ReturnPageServer) -> None:
    page = pages.offer()
    assert pages.wait_for_return(page.token, timeout=0.01) is None
