"""The sandbox guard's rules over real HTTP, without localstripe's sandbox: a small aiohttp app
with only the guard in front of a handler that records what reached it.

``Host`` must be exactly ``127.0.0.1:PORT`` (else 421 and nothing runs); ``/v1`` and
``/_config`` need the folder's secret key (Bearer or Basic), else Stripe's 401; the publishable
key opens only the browser routes of the Stripe.js stand-in; pages need no key; the identity
answer proves the key without showing it. (tests/integration/test_sandbox_guard.py checks the
same guard in front of the real sandbox.)
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer, make_mocked_request

from linguaflex_desktop.adapters.stripe import sandbox_guard
from linguaflex_desktop.adapters.stripe.sandbox_guard import (
    GUARD,
    IDENTITY_PATH,
    SHUTDOWN_PATH,
    GuardState,
    identity_proof,
)

SECRET = "sk_test_" + secrets.token_urlsafe(32)
PUBLISHABLE = "pk_test_" + secrets.token_urlsafe(32)
FOLDER_ID = "folder_" + secrets.token_hex(8)
DATA_DIR = "/home/student/LinguaFlex/stripe-sandbox"
OLD_CONSTANT_KEY = "sk_test_linguaflex_sandbox"
INVALID_KEY = "Invalid API Key provided."
PUBLISHABLE_REFUSED = (
    "This API call cannot be made with a publishable API key. Please use a secret API key."
)
# the handler's routes: the API, one browser route of the Stripe.js stand-in, the reset, pages
ROUTES = (
    "/v1/customers",
    "/v1/tokens",
    "/v1/setup_intents/{id}/confirm",
    "/_config/data",
    "/checkout/{id}",
    "/js.stripe.com/v3/",
)
OWN = "own"  # the Host header the client sends by itself: 127.0.0.1:PORT


@dataclass
class Answer:
    status: int
    text: str
    content_type: str
    handled: list[str]  # the paths the handler behind the guard answered

    def stripe_error(self) -> Any:
        return json.loads(self.text)


@pytest.fixture(autouse=True)
def guard() -> Iterator[GuardState]:
    """The guard's keys for this test; the process-wide state is put back afterwards."""
    saved = dataclasses.replace(GUARD)
    GUARD.secret_key, GUARD.publishable_key = SECRET, PUBLISHABLE
    GUARD.folder_id, GUARD.data_dir = FOLDER_ID, DATA_DIR
    GUARD.on_shutdown_request = None
    yield GUARD
    for spec in dataclasses.fields(GuardState):
        setattr(GUARD, spec.name, getattr(saved, spec.name))


def call(
    method: str,
    path: str,
    *,
    host: str | None = OWN,
    headers: Mapping[str, str] | None = None,
    data: Any = None,
    json_body: Any = None,
    guard_port: int | None = None,
) -> Answer:
    """One request to a fresh app guarded by ``sandbox_guard.add_guard``. ``host`` is a
    template for the Host header (``{port}``: the server's port), None to send none;
    ``guard_port`` overrides the port the guard believes it serves."""
    handled: list[str] = []

    async def handler(request: web.Request) -> web.Response:
        handled.append(request.path)
        return web.Response(text="handled")

    async def exchange() -> Answer:
        app = web.Application()
        for route in ROUTES:
            app.router.add_route("*", route, handler)
        sandbox_guard.add_guard(app)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            port = client.port
            assert port is not None
            GUARD.port = port if guard_port is None else guard_port
            sent = dict(headers or {})
            if host is None:
                return await without_host(port, method, path, sent, handled)
            if host != OWN:
                sent["Host"] = host.format(port=port)
            response = await client.request(method, path, headers=sent, data=data, json=json_body)
            text = await response.text()
            return Answer(response.status, text, response.content_type, handled)

    return asyncio.run(exchange())


async def without_host(
    port: int, method: str, path: str, headers: dict[str, str], handled: list[str]
) -> Answer:
    """A request with no Host header at all: HTTP/1.0 (aiohttp's client always sends a Host,
    and its server refuses an HTTP/1.1 request without one before any middleware runs)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    lines = [f"{method} {path} HTTP/1.0", *(f"{k}: {v}" for k, v in headers.items())]
    writer.write(("\r\n".join([*lines, "Connection: close", "", ""])).encode())
    raw = await reader.read()
    writer.close()
    await writer.wait_closed()
    head, _, body = raw.decode().partition("\r\n\r\n")
    status = int(head.split(" ", 2)[1])
    fields = dict(line.split(": ", 1) for line in head.split("\r\n")[1:])
    return Answer(status, body, fields["Content-Type"].split(";")[0], handled)


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def basic(userinfo: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(userinfo.encode()).decode()}


def assert_refused(answer: Answer, message: str) -> None:
    assert answer.status == 401
    assert answer.content_type == "application/json"
    assert answer.stripe_error() == {"error": {"type": "invalid_request_error", "message": message}}
    assert answer.handled == []


# --- Host --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/v1/customers", "/checkout/cs_test_unguessable", IDENTITY_PATH, "/nowhere"]
)
@pytest.mark.parametrize(
    "host",
    [
        "evil.example:{port}",
        "localhost:{port}",
        "127.0.0.1",
        "127.0.0.1:1",
        "[::1]:{port}",
        "127.0.0.1.:{port}",
        None,
    ],
)
def test_a_foreign_or_missing_host_gets_421_and_nothing_runs(
    guard: GuardState, host: str | None, path: str
) -> None:
    guard.last_activity = 0.0
    answer = call("GET", path, host=host, headers=bearer(SECRET))

    assert (answer.status, answer.text) == (421, "Misdirected Request")
    assert answer.content_type == "text/plain"
    assert answer.handled == []
    assert guard.last_activity == 0.0  # a refused request is no activity for the idle stop


def test_a_guard_not_serving_yet_answers_no_host() -> None:
    answer = call("GET", "/checkout/cs_1", host="127.0.0.1:0", guard_port=0)
    assert answer.status == 421
    assert answer.handled == []


def test_the_own_host_with_the_secret_key_reaches_the_handler_and_counts_as_activity(
    guard: GuardState,
) -> None:
    guard.last_activity = 0.0
    answer = call("GET", "/v1/customers", headers=bearer(SECRET))

    assert (answer.status, answer.text) == (200, "handled")
    assert answer.handled == ["/v1/customers"]
    assert guard.last_activity > 0.0


def test_the_own_host_written_out_is_answered() -> None:
    answer = call("GET", "/checkout/cs_1", host="127.0.0.1:{port}")
    assert answer.handled == ["/checkout/cs_1"]


# --- the secret key -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v1/customers"), ("POST", "/v1/tokens"), ("DELETE", "/_config/data")],
)
@pytest.mark.parametrize(
    "headers",
    [
        bearer(SECRET),
        basic(f"{SECRET}:"),
        basic(SECRET),
        basic(f"{SECRET}:ignored:password"),
        {"Authorization": f"Bearer  {SECRET}"},  # extra blanks around the key, as Stripe reads it
    ],
    ids=["bearer", "basic", "basic-no-colon", "basic-password", "bearer-blanks"],
)
def test_the_folders_secret_key_opens_the_api(
    method: str, path: str, headers: dict[str, str]
) -> None:
    answer = call(method, path, headers=headers)
    assert (answer.status, answer.handled) == (200, [path])


@pytest.mark.parametrize(
    "headers",
    [
        {},
        bearer(OLD_CONSTANT_KEY),
        bearer("sk_test_" + secrets.token_urlsafe(32)),
        bearer(SECRET[:-1]),
        bearer(SECRET + "x"),
        bearer(""),
        {"Authorization": f"bearer {SECRET}"},  # the scheme is spelled as Stripe spells it
        {"Authorization": f"Token {SECRET}"},
        {"Authorization": SECRET},
        basic(f":{SECRET}"),  # the key is the user name, not the password
        basic("sk_test_x:"),
        {"Authorization": "Basic " + base64.b64encode(f"{SECRET}:".encode())[:-2].decode() + "!!"},
        {"Authorization": "Basic %%%"},
        {"Authorization": "Basic " + base64.b64encode(b"\xff\xfe:").decode()},  # not UTF-8
    ],
    ids=[
        "missing",
        "old-constant",
        "random",
        "prefix",
        "longer",
        "empty",
        "lowercase-scheme",
        "other-scheme",
        "no-scheme",
        "key-as-password",
        "basic-other",
        "basic-not-base64",
        "basic-garbage",
        "basic-not-utf8",
    ],
)
@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/v1/customers"), ("DELETE", "/_config/data")]
)
def test_any_other_key_gets_stripes_401_and_nothing_runs(
    headers: dict[str, str], method: str, path: str
) -> None:
    assert_refused(call(method, path, headers=headers), INVALID_KEY)


def test_a_basic_value_with_characters_outside_base64_is_refused_even_if_the_rest_decodes() -> None:
    encoded = base64.b64encode(f"{SECRET}:".encode()).decode()
    tampered = encoded[:4] + "!" + encoded[4:]  # a lenient decoder would drop the "!"

    assert_refused(
        call("GET", "/v1/customers", headers={"Authorization": f"Basic {tampered}"}), INVALID_KEY
    )


def test_no_key_matches_a_guard_without_keys(guard: GuardState) -> None:
    guard.secret_key = guard.publishable_key = ""
    assert_refused(call("GET", "/v1/customers"), INVALID_KEY)
    assert_refused(
        call("GET", "/v1/customers", headers={"Authorization": "Basic Og=="}), INVALID_KEY
    )


# --- the publishable key ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/tokens", {"key": PUBLISHABLE, "card[number]": "4242424242424242"}),
        ("/v1/setup_intents/seti_1/confirm", {"key": PUBLISHABLE}),
    ],
)
def test_the_publishable_key_in_the_form_opens_the_browser_routes(
    path: str, body: dict[str, str]
) -> None:
    answer = call("POST", path, data=body)
    assert (answer.status, answer.handled) == (200, [path])


def test_the_publishable_key_in_json_or_in_the_header_opens_the_browser_routes() -> None:
    as_json = call("POST", "/v1/tokens", json_body={"key": PUBLISHABLE, "card": {"cvc": "1"}})
    as_header = call("POST", "/v1/tokens", headers=bearer(PUBLISHABLE))

    assert as_json.handled == ["/v1/tokens"]
    assert as_header.handled == ["/v1/tokens"]


@pytest.mark.parametrize(
    ("method", "path", "headers", "body"),
    [
        ("GET", "/v1/customers", bearer(PUBLISHABLE), None),
        ("POST", "/v1/customers", {}, {"key": PUBLISHABLE}),
        ("DELETE", "/_config/data", bearer(PUBLISHABLE), None),
        ("GET", "/v1/tokens", bearer(PUBLISHABLE), None),  # the browser routes are POSTs only
        ("POST", SHUTDOWN_PATH, bearer(PUBLISHABLE), None),
    ],
)
def test_the_publishable_key_elsewhere_gets_stripes_publishable_key_401(
    method: str, path: str, headers: dict[str, str], body: dict[str, str] | None
) -> None:
    assert_refused(call(method, path, headers=headers, data=body), PUBLISHABLE_REFUSED)


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({}, {"key": "pk_test_someone_else"}),
        ({}, {"key": SECRET}),  # the secret key is not taken from the body
        ({}, {"card[number]": "4242424242424242"}),
        ({}, None),
        (bearer("sk_test_wrong"), {"key": PUBLISHABLE}),  # a wrong header is not excused
    ],
    ids=["other-publishable", "secret-in-body", "no-key", "empty", "wrong-header"],
)
def test_a_browser_route_without_the_folders_publishable_key_gets_401(
    headers: dict[str, str], body: dict[str, str] | None
) -> None:
    assert_refused(call("POST", "/v1/tokens", headers=headers, data=body), INVALID_KEY)


def test_a_key_that_is_not_text_is_no_key() -> None:
    answer = call("POST", "/v1/tokens", json_body={"key": 42})
    assert_refused(answer, INVALID_KEY)
    assert_refused(call("POST", "/v1/tokens", json_body=[PUBLISHABLE]), INVALID_KEY)


# --- pages and our routes ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/checkout/cs_test_unguessable", "/js.stripe.com/v3/"])
def test_the_pages_need_no_key(path: str) -> None:
    answer = call("GET", path)
    assert (answer.status, answer.handled) == (200, [path])


def test_the_identity_answer_proves_the_key_without_showing_it() -> None:
    challenge = secrets.token_urlsafe(24)

    answer = call("GET", f"{IDENTITY_PATH}?challenge={challenge}")

    assert answer.status == 200
    assert json.loads(answer.text) == {
        "folder_id": FOLDER_ID,
        "pid": os.getpid(),
        "proof": identity_proof(SECRET, challenge, DATA_DIR),
    }
    assert SECRET not in answer.text


def test_the_proof_is_an_hmac_of_the_challenge_and_the_folder_under_the_secret_key() -> None:
    expected = hmac.new(SECRET.encode(), b"challenge-1234567\n/data/a", hashlib.sha256).hexdigest()

    assert identity_proof(SECRET, "challenge-1234567", "/data/a") == expected
    assert identity_proof(SECRET, "challenge-1234567", "/data/b") != expected  # a copied folder
    assert identity_proof("sk_test_other", "challenge-1234567", "/data/a") != expected


@pytest.mark.parametrize("challenge", ["", "c" * 15, "c" * 129])
def test_the_identity_route_refuses_a_short_or_long_challenge(challenge: str) -> None:
    answer = call("GET", f"{IDENTITY_PATH}?challenge={challenge}")
    assert (answer.status, answer.text) == (400, "Bad Request")


@pytest.mark.parametrize("challenge", ["c" * 16, "c" * 128])
def test_the_identity_route_takes_challenges_of_16_to_128_characters(challenge: str) -> None:
    answer = call("GET", f"{IDENTITY_PATH}?challenge={challenge}")
    assert json.loads(answer.text)["proof"] == identity_proof(SECRET, challenge, DATA_DIR)


def test_the_shutdown_route_needs_the_secret_key(guard: GuardState) -> None:
    requests: list[str] = []
    guard.on_shutdown_request = lambda: requests.append("stop")

    assert_refused(call("POST", SHUTDOWN_PATH), INVALID_KEY)
    assert requests == []
    answer = call("POST", SHUTDOWN_PATH, headers=bearer(SECRET))
    assert (answer.status, json.loads(answer.text)) == (200, {"stopping": True})
    assert requests == ["stop"]


# --- the pieces, directly ---------------------------------------------------------------------


def _key_in(authorization: str) -> str | None:
    request = make_mocked_request("GET", "/v1/customers", headers={"Authorization": authorization})
    return sandbox_guard._secret_key_of(request)


def test_the_secret_key_is_read_as_stripe_reads_it() -> None:
    assert _key_in(f"Bearer {SECRET}") == SECRET
    assert _key_in(f"Bearer  {SECRET} ") == SECRET
    assert _key_in("Bearer ") is None
    assert _key_in("Bearer") is None
    assert _key_in(f"Basic {base64.b64encode(b'sk_1:pw:x').decode()}") == "sk_1"
    assert _key_in(f"Basic  {base64.b64encode(b'sk_1:').decode()} ") == "sk_1"
    assert _key_in(f"Basic {base64.b64encode(b':pw').decode()}") is None
    assert _key_in("Basic !!!!") is None
    assert sandbox_guard._secret_key_of(make_mocked_request("GET", "/v1/customers")) is None


def test_nothing_matches_an_empty_key_or_a_missing_one() -> None:
    assert sandbox_guard._matches("sk_1", "sk_1")
    assert not sandbox_guard._matches("sk_1", "sk_2")
    assert not sandbox_guard._matches("", "")
    assert not sandbox_guard._matches(None, "")
    assert not sandbox_guard._matches(None, "None")
    assert not sandbox_guard._matches("sk_1", "")
    assert not sandbox_guard._matches("", "sk_1")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"json": {"key": PUBLISHABLE}}, PUBLISHABLE),
        ({"data": {"key": PUBLISHABLE, "card[cvc]": "123"}}, PUBLISHABLE),
        ({"json": {"key": 42}}, None),
        ({"json": {"key": [PUBLISHABLE]}}, None),
        ({"json": [PUBLISHABLE]}, None),
        ({"data": {"card[cvc]": "123"}}, None),
        ({}, None),
    ],
    ids=["json", "form", "number", "list", "not-an-object", "no-key", "no-body"],
)
def test_the_publishable_key_is_read_from_the_body_only_as_text(
    body: dict[str, Any], expected: str | None
) -> None:
    async def read_key(request: web.Request) -> web.Response:
        return web.json_response({"key": await sandbox_guard._publishable_key_of(request)})

    async def exchange() -> Any:
        app = web.Application()
        app.router.add_post("/v1/tokens", read_key)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            response = await client.post("/v1/tokens", **body)
            return await response.json()

    assert asyncio.run(exchange()) == {"key": expected}


def test_install_guards_an_app_once() -> None:
    # the process-wide app may already be guarded (an in-process sandbox in this session)
    saved = sandbox_guard._installed
    try:
        sandbox_guard._installed = False
        first, second = web.Application(), web.Application()
        sandbox_guard.install(first)
        sandbox_guard.install(second)
        assert list(first.middlewares) == [sandbox_guard._host_guard, sandbox_guard._key_guard]
        assert list(second.middlewares) == []
    finally:
        sandbox_guard._installed = saved
