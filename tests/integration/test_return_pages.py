"""The loopback return page Stripe's hosted pages send the browser back to: real HTTP."""

from __future__ import annotations

import socket
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


def _get_without_host(pages: ReturnPageServer, path: str) -> bytes:
    """An HTTP/1.0 request with no Host header at all (httpx always sends one)."""
    with socket.create_connection(("127.0.0.1", pages.port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.0\r\n\r\n".encode())
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:{port}",
        "localhost:{port}",
        "127.0.0.1",
        "127.0.0.1:1",
        "[::1]:{port}",
        "127.0.0.1.:{port}",
        "LOCALHOST:{port}",
    ],
)
def test_only_the_exact_own_host_is_answered(pages: ReturnPageServer, host: str) -> None:
    page = pages.offer()

    answer = httpx.get(page.url_for(OUTCOME_DONE), headers={"Host": host.format(port=pages.port)})

    assert (answer.status_code, answer.text) == (421, "Misdirected Request")
    assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert pages.came_back(page.token) is None
    assert httpx.get(page.url, headers={"Host": f"127.0.0.1:{pages.port}"}).status_code == 200


def test_a_request_without_host_is_refused(pages: ReturnPageServer) -> None:
    page = pages.offer()

    answer = _get_without_host(pages, f"/return/{page.token}?outcome=done")

    assert answer.startswith(b"HTTP/1.1 421 ")
    assert answer.endswith(b"\r\n\r\nMisdirected Request")
    assert pages.came_back(page.token) is None


@pytest.mark.parametrize(
    ("outcome", "heading"),
    [(OUTCOME_DONE, "All done"), (OUTCOME_CANCELLED, "Cancelled"), ("other", "Finished")],
)
def test_the_page_says_how_the_step_ended(
    pages: ReturnPageServer, outcome: str, heading: str
) -> None:
    answer = httpx.get(pages.offer().url_for(outcome))

    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert f"<h1 id='heading'>{heading}</h1>" in answer.text


def test_a_long_outcome_is_cut_to_40_characters(pages: ReturnPageServer) -> None:
    page = pages.offer()
    httpx.get(page.url_for("x" * 39 + "yz"))
    assert pages.came_back(page.token) == "x" * 39 + "y"


@pytest.mark.parametrize(
    "path", ["/return/", "/return/a/b", "/return/" + "t" * 101, "/other", "/", "/returnx"]
)
def test_paths_that_hold_no_token_are_not_found(pages: ReturnPageServer, path: str) -> None:
    pages.offer()
    answer = httpx.get(f"{pages.origin}{path}")
    assert (answer.status_code, answer.text) == (404, "Not Found")
    assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_a_token_under_another_prefix_is_not_found(pages: ReturnPageServer) -> None:
    page = pages.offer()
    answer = httpx.get(f"{pages.origin}/RETURN/{page.token}?outcome=done")  # same length
    assert answer.status_code == 404
    assert pages.came_back(page.token) is None


def test_an_unknown_token_of_the_longest_length_is_gone(pages: ReturnPageServer) -> None:
    pages.start()
    answer = httpx.get(f"{pages.origin}/return/{'t' * 100}")
    assert answer.status_code == 410
    assert answer.text == "This link has expired. Return to LinguaFlex to see where things stand."
    assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_a_return_expires_at_its_lifetime_exactly() -> None:
    now = [0.0]
    pages = ReturnPageServer(lifetime_seconds=60, clock=lambda: now[0])
    try:
        early, late = pages.offer(), pages.offer()
        now[0] = 59.5
        assert httpx.get(early.url).status_code == 200
        now[0] = 60.0
        assert httpx.get(late.url).status_code == 410
        assert pages.came_back(late.token) is None
    finally:
        pages.stop()


def test_an_expired_return_is_forgotten_when_the_next_one_opens() -> None:
    now = [0.0]
    pages = ReturnPageServer(lifetime_seconds=60, clock=lambda: now[0])
    try:
        first = pages.offer()
        httpx.get(first.url_for(OUTCOME_DONE))
        now[0] = 59.0
        pages.offer()
        assert pages.came_back(first.token) == OUTCOME_DONE  # not expired yet: kept
        now[0] = 60.0
        pages.offer()
        assert pages.came_back(first.token) is None
    finally:
        pages.stop()


def test_returns_are_separate_and_closing_is_idempotent(pages: ReturnPageServer) -> None:
    first, second = pages.offer(), pages.offer()
    assert first.token != second.token
    assert len(first.token) == 43  # 32 random bytes, URL-safe
    assert first.url == f"http://127.0.0.1:{pages.port}/return/{first.token}"

    httpx.get(second.url_for(OUTCOME_CANCELLED))
    pages.close(first.token)
    pages.close(first.token)
    pages.close("never-offered")

    assert pages.came_back(first.token) is None
    assert pages.came_back(second.token) == OUTCOME_CANCELLED
    assert pages.came_back("never-offered") is None
    assert httpx.get(first.url).status_code == 410
