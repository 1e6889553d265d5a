"""The loopback card page server: token, Host check, CSP, loopback only, one-time use."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from linguaflex_desktop.adapters.browser_pages import CardPageServer, Handoff
from linguaflex_desktop.errors import ConfigurationError

SANDBOX_JS = "http://127.0.0.1:45999/js.stripe.com/v3/"
SECRET = "seti_abc_secret_xyz"


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


@pytest.fixture
def clock() -> Clock:  # a monotonic-seconds clock, not the services' FakeClock
    return Clock()


@pytest.fixture
def pages(clock: Clock) -> Iterator[CardPageServer]:
    server = CardPageServer(
        publishable_key="pk_test_sandbox",
        stripe_js_url=SANDBOX_JS,
        lifetime_seconds=600,
        clock=clock,
    )
    server.start()
    yield server
    server.stop()


def request(
    server: CardPageServer,
    path: str,
    *,
    method: str = "GET",
    host: str | None = None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        connection.putrequest(method, path, skip_host=True)
        connection.putheader("Host", host or f"127.0.0.1:{server.port}")
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(body or b"")))
        connection.endheaders(body)
        response = connection.getresponse()
        return Answer(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read().decode("utf-8"),
        )
    finally:
        connection.close()


def parse_policy(header: str) -> dict[str, str]:
    directives = (part.strip().partition(" ") for part in header.split(";"))
    return {name: value for name, _, value in directives}


def path_of(handoff: Handoff) -> str:
    return urlsplit(handoff.url).path


def report(server: CardPageServer, handoff: Handoff, outcome: str, message: str = "") -> Answer:
    return request(
        server,
        path_of(handoff) + "/report",
        method="POST",
        body=json.dumps({"outcome": outcome, "message": message}).encode(),
        headers={"Origin": server.origin, "Content-Type": "application/json"},
    )


def test_card_page_is_served_only_with_its_token(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    page = request(pages, path_of(handoff))

    assert handoff.url.startswith(f"http://127.0.0.1:{pages.port}/handoff/")
    assert page.status == 200
    assert "Save card" in page.body and 'id="result"' in page.body
    assert "pk_test_sandbox" in page.body and SECRET in page.body
    assert request(pages, "/handoff/" + "x" * 43).status == 404
    assert request(pages, "/").status == 404
    assert request(pages, "/handoff/").status == 404


def test_wrong_host_header_is_refused(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    for host in (
        f"localhost:{pages.port}",
        "evil.example",
        "127.0.0.1",
        f"127.0.0.1:{pages.port + 1}",
    ):
        answer = request(pages, path_of(handoff), host=host)
        assert answer.status == 421, host
        assert SECRET not in answer.body


def test_page_carries_a_strict_csp_allowing_only_itself_and_the_stripe_js_origin(
    pages: CardPageServer,
) -> None:
    page = request(pages, path_of(pages.offer_card_setup(client_secret=SECRET)))
    policy = parse_policy(page.headers["content-security-policy"])

    assert policy["default-src"] == "'none'"
    script_sources = policy["script-src"].split()
    assert script_sources[0].startswith("'nonce-")
    assert script_sources[1:] == ["http://127.0.0.1:45999"]
    assert f'nonce="{script_sources[0][7:-1]}"' in page.body
    assert (
        "'unsafe-inline'" not in policy["script-src"]
        and "'unsafe-eval'" not in policy["script-src"]
    )
    assert policy["connect-src"] == "'self' http://127.0.0.1:45999"
    assert policy["frame-src"] == "http://127.0.0.1:45999"
    assert policy["frame-ancestors"] == "'none'"
    assert page.headers["cache-control"].startswith("no-store")
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-content-type-options"] == "nosniff"


def test_real_stripe_pages_load_stripe_js_from_js_stripe_com_only() -> None:
    server = CardPageServer(publishable_key="pk_live_x", stripe_js_url="https://js.stripe.com/v3/")
    try:
        page = request(server, path_of(server.offer_card_setup(client_secret=SECRET)))
    finally:
        server.stop()
    policy = page.headers["content-security-policy"]

    assert '<script src="https://js.stripe.com/v3/">' in page.body
    assert (
        "https://js.stripe.com" in policy and "connect-src 'self' https://api.stripe.com" in policy
    )
    assert "127.0.0.1" not in policy


def test_server_listens_on_loopback_only(pages: CardPageServer) -> None:
    assert pages._httpd is not None
    assert pages._httpd.server_address[0] == "127.0.0.1"
    assert pages.origin == f"http://127.0.0.1:{pages.port}"


def test_report_with_a_wrong_host_header_is_refused_and_leaves_the_handoff_open(
    pages: CardPageServer,
) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    for host in (f"localhost:{pages.port}", "evil.example", f"127.0.0.1:{pages.port + 1}"):
        answer = request(
            pages,
            path_of(handoff) + "/report",
            method="POST",
            host=host,
            body=json.dumps({"outcome": "succeeded"}).encode(),
            headers={"Origin": pages.origin, "Content-Type": "application/json"},
        )
        assert answer.status == 421, host

    assert pages.report_for(handoff.token) is None
    assert pages.is_open(handoff.token)


def test_reported_outcome_closes_the_handoff(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    assert report(pages, handoff, "failed", "Your card was declined.").status == 204

    assert pages.report_for(handoff.token) is not None
    assert pages.report_for(handoff.token).message == "Your card was declined."  # type: ignore[union-attr]
    assert not pages.is_open(handoff.token)
    gone = request(pages, path_of(handoff))
    assert gone.status == 410 and SECRET not in gone.body
    assert report(pages, handoff, "succeeded").status == 410  # one report only


def test_report_needs_our_origin_and_a_valid_body(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)
    body = json.dumps({"outcome": "succeeded"}).encode()
    report_path = path_of(handoff) + "/report"

    no_origin = request(
        pages, report_path, method="POST", body=body, headers={"Content-Type": "application/json"}
    )
    foreign = request(
        pages,
        report_path,
        method="POST",
        body=body,
        headers={"Origin": "http://evil.example", "Content-Type": "application/json"},
    )
    bad_outcome = request(
        pages,
        report_path,
        method="POST",
        body=b'{"outcome": "maybe"}',
        headers={"Origin": pages.origin, "Content-Type": "application/json"},
    )

    assert (no_origin.status, foreign.status, bad_outcome.status) == (403, 403, 400)
    assert pages.is_open(handoff.token)


def test_handoff_expires_after_its_lifetime(pages: CardPageServer, clock: Clock) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    clock.now += 599
    assert request(pages, path_of(handoff)).status == 200
    clock.now += 2
    assert request(pages, path_of(handoff)).status == 410


def test_revoked_handoff_is_no_longer_served(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)
    other = pages.offer_card_setup(client_secret="seti_other_secret_1")

    pages.revoke(handoff.token)

    assert request(pages, path_of(handoff)).status == 410
    assert request(pages, path_of(other)).status == 200
    assert handoff.token != other.token


def test_client_secret_cannot_break_out_of_the_page(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret='x</script><script>alert(1)</script>"&')

    page = request(pages, path_of(handoff))

    assert "<script>alert(1)" not in page.body
    assert "\\u003c/script\\u003e" in page.body


def test_other_methods_are_refused(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    assert request(pages, path_of(handoff), method="PUT").status == 405
    assert request(pages, path_of(handoff), method="DELETE").status == 405


def test_a_secret_key_is_never_accepted_as_the_page_key() -> None:
    with pytest.raises(ConfigurationError):
        CardPageServer(publishable_key="sk_test_oops", stripe_js_url=SANDBOX_JS)


def test_the_page_is_utf8_html_and_posts_its_report_to_its_own_token(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    page = request(pages, path_of(handoff))

    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert f'"reportUrl": "/handoff/{handoff.token}/report"' in page.body


def test_each_page_gets_a_fresh_nonce_of_16_random_bytes(pages: CardPageServer) -> None:
    path = path_of(pages.offer_card_setup(client_secret=SECRET))

    nonces = [
        parse_policy(request(pages, path).headers["content-security-policy"])["script-src"].split()[
            0
        ][7:-1]
        for _ in range(2)
    ]

    # secrets.token_urlsafe(16): 16 bytes are 22 URL-safe base64 characters
    assert all(len(nonce) == 22 for nonce in nonces)
    assert nonces[0] != nonces[1]


def test_an_accepted_report_is_answered_204_with_an_empty_body(pages: CardPageServer) -> None:
    handoff = pages.offer_card_setup(client_secret=SECRET)

    answer = report(pages, handoff, "succeeded")

    assert (answer.status, answer.body, answer.headers["content-length"]) == (204, "", "0")
