"""A local HTTP server speaking Zoom's documented OAuth and meeting endpoints, for tests.

Endpoints (developers.zoom.us): ``POST /oauth/token?grant_type=account_credentials&account_id=``
with HTTP Basic client_id:client_secret (bad ones: 400 ``invalid_client``); ``POST
/v2/users/{me|email}/meetings``; ``GET /v2/meetings/{id}``; ``GET
/v2/users/{me|email}/meetings?type=upcoming`` (paged with next_page_token); ``DELETE
/v2/meetings/{id}``; ``PATCH /v2/meetings/{id}`` (time only). Bearer tokens are checked; errors
use Zoom's JSON shape ``{"code": ..., "message": ...}``: an e-mail that is not in ``users``
answers 404 code 1001; deleting a meeting in progress 400 code 3002, an ended one 400 code 3007;
creating or moving more than ``daily_limit`` meetings of one user in a UTC day answers 429 with
``Retry-After`` set to the next 00:00 UTC as an ISO 8601 timestamp. Tests can script failures
(``fail_next``, e.g. a 429 with Retry-After in seconds or none), expire every token
(``expire_tokens``) and slow a response down (``delay``) to provoke timeouts.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NoReturn
from urllib.parse import parse_qs, unquote, urlsplit

START_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@dataclass
class ScriptedFailure:
    method: str
    path_prefix: str
    status: int
    body: dict[str, Any] | None
    headers: dict[str, str]
    delay: float
    times: int


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: dict[str, Any] | None = None


@dataclass
class FakeZoom:
    account_id: str = "acct-123"
    client_id: str = "client-abc"
    client_secret: str = field(default_factory=lambda: "secret-" + secrets.token_hex(8))
    token_lifetime: int = 3600
    max_page_size: int = 300
    meetings: dict[int, dict[str, Any]] = field(default_factory=dict)
    requests: list[RecordedRequest] = field(default_factory=list)
    issued_tokens: list[str] = field(default_factory=list)
    users: set[str] = field(default_factory=set)  # e-mail addresses of the account's users
    daily_limit: int = 100  # meetings created or moved per user and UTC day
    now: Callable[[], datetime] = lambda: datetime.now(UTC)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._valid_tokens: set[str] = set()
        self._failures: list[ScriptedFailure] = []
        self._next_id = 85_000_000_000
        self._start_url_serial = 0
        self._writes_per_day: dict[tuple[str, str], int] = {}
        self.release = threading.Event()  # ends slow responses early at shutdown
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> FakeZoom:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    @property
    def oauth_base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_base(self) -> str:
        return self.oauth_base + "/v2"

    # --- test controls ----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        path_prefix: str,
        status: int,
        *,
        code: int | None = None,
        message: str = "",
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        times: int = 1,
    ) -> None:
        """The next ``times`` matching requests answer ``status`` (after ``delay`` seconds)."""
        body = None if code is None and not message else {"code": code, "message": message}
        with self._lock:
            self._failures.append(
                ScriptedFailure(method, path_prefix, status, body, headers or {}, delay, times)
            )

    def expire_tokens(self) -> None:
        with self._lock:
            self._valid_tokens.clear()

    def token_requests(self) -> int:
        return sum(1 for request in self.requests if request.path == "/oauth/token")

    def live_meeting_ids(self) -> list[int]:
        with self._lock:
            return sorted(self.meetings)

    def set_status(self, meeting_id: int | str, status: str) -> None:
        """``waiting``, ``started`` (in progress) or ``finished`` (ended)."""
        with self._lock:
            self.meetings[int(meeting_id)]["status"] = status

    def host_of(self, meeting_id: int | str) -> str:
        with self._lock:
            return str(self.meetings[int(meeting_id)]["host_email"])

    def daily_limit_reached(self, user: str) -> dict[str, str] | None:
        """Count one create/update of ``user`` today; past the limit, the 429's headers."""
        now = self.now().astimezone(UTC)
        with self._lock:
            key = (user, now.date().isoformat())
            if self._writes_per_day.get(key, 0) >= self.daily_limit:
                reset = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
                return {"Retry-After": reset.strftime("%Y-%m-%dT%H:%M:%SZ")}
            self._writes_per_day[key] = self._writes_per_day.get(key, 0) + 1
        return None

    # --- behaviour --------------------------------------------------------------------------

    def take_failure(self, method: str, path: str) -> ScriptedFailure | None:
        with self._lock:
            for failure in self._failures:
                if failure.method == method and path.startswith(failure.path_prefix):
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.remove(failure)
                    return failure
        return None

    def issue_token(self, authorization: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if authorization != f"Basic {expected}":
            return 400, {"reason": "Invalid client_id or client_secret", "error": "invalid_client"}
        if query.get("grant_type") != ["account_credentials"]:
            return 400, {"reason": "unsupported grant type", "error": "unsupported_grant_type"}
        if query.get("account_id") != [self.account_id]:
            return 400, {
                "reason": "Invalid request : Account does not exist",
                "error": "invalid_request",
            }
        token = "tok-" + secrets.token_urlsafe(24)
        with self._lock:
            self._valid_tokens.add(token)
            self.issued_tokens.append(token)
        return 200, {
            "access_token": token,
            "token_type": "bearer",
            "expires_in": self.token_lifetime,
            "scope": "meeting:write:admin meeting:read:admin",
        }

    def token_ok(self, authorization: str) -> bool:
        token = authorization.removeprefix("Bearer ")
        with self._lock:
            return authorization.startswith("Bearer ") and token in self._valid_tokens

    def create(self, body: dict[str, Any], host: str = "me") -> tuple[int, Any]:
        problems = []
        if not isinstance(body.get("topic"), str) or len(body["topic"]) > 200:
            problems.append({"field": "topic", "message": "topic must be at most 200 chars"})
        if body.get("type") != 2:
            problems.append({"field": "type", "message": "only scheduled meetings here"})
        if not START_TIME.match(str(body.get("start_time", ""))):
            problems.append({"field": "start_time", "message": "yyyy-MM-ddTHH:mm:ssZ"})
        if len(str(body.get("password", ""))) > 10 or len(str(body.get("agenda", ""))) > 2000:
            problems.append({"field": "password", "message": "too long"})
        if problems:
            return 400, {"code": 300, "message": "Validation Failed.", "errors": problems}
        with self._lock:
            self._next_id += 1
            meeting_id = self._next_id
            meeting = {
                "id": meeting_id,
                "uuid": secrets.token_urlsafe(16),
                "host_id": "host-1",
                "host_email": host,
                "status": "waiting",
                "topic": body["topic"],
                "type": 2,
                "start_time": body["start_time"],
                "duration": body.get("duration"),
                "timezone": body.get("timezone"),
                "agenda": body.get("agenda", ""),
                "password": body.get("password") or secrets.token_hex(3),
                "settings": body.get("settings", {}),
                "join_url": f"https://zoom.example/j/{meeting_id}",
            }
            self.meetings[meeting_id] = meeting
        return 201, self._with_start_url(meeting)

    def get(self, meeting_id: int) -> tuple[int, Any]:
        with self._lock:
            meeting = self.meetings.get(meeting_id)
        if meeting is None:
            return 404, {"code": 3001, "message": f"Meeting does not exist: {meeting_id}."}
        return 200, self._with_start_url(meeting)

    def update(self, meeting_id: int, body: dict[str, Any]) -> tuple[int, Any]:
        if "start_time" in body and not START_TIME.match(str(body["start_time"])):
            return 400, {"code": 300, "message": "Validation Failed."}
        with self._lock:
            meeting = self.meetings.get(meeting_id)
            if meeting is None:
                return 404, {"code": 3001, "message": f"Meeting does not exist: {meeting_id}."}
            for key in ("start_time", "duration", "timezone", "topic", "agenda"):
                if key in body:
                    meeting[key] = body[key]
        return 204, None

    def delete(self, meeting_id: int) -> tuple[int, Any]:
        with self._lock:
            meeting = self.meetings.get(meeting_id)
            if meeting is None:
                return 404, {"code": 3001, "message": f"Meeting does not exist: {meeting_id}."}
            if meeting["status"] == "started":
                message = "Sorry, you cannot delete this meeting since it's in progress."
                return 400, {"code": 3002, "message": message}
            if meeting["status"] == "finished":
                message = "Sorry, you cannot delete this meeting since it has ended."
                return 400, {"code": 3007, "message": message}
            del self.meetings[meeting_id]
        return 204, None

    def list_upcoming(self, query: dict[str, list[str]], host: str = "me") -> tuple[int, Any]:
        size = min(int(query.get("page_size", ["30"])[0]), self.max_page_size)
        offset = int(query.get("next_page_token", ["0"])[0] or 0)
        with self._lock:
            items = [
                self.meetings[key]
                for key in sorted(self.meetings)
                if self.meetings[key]["host_email"] == host
            ]
        page = items[offset : offset + size]
        more = offset + size < len(items)
        listed = [
            {key: item[key] for key in ("id", "uuid", "topic", "start_time", "agenda", "join_url")}
            for item in page
        ]
        return 200, {
            "page_size": size,
            "total_records": len(items),
            "next_page_token": str(offset + size) if more else "",
            "meetings": listed,
        }

    def _with_start_url(self, meeting: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._start_url_serial += 1
            serial = self._start_url_serial
        return {**meeting, "start_url": f"https://zoom.example/s/{meeting['id']}?zak=z{serial}"}


class _Answer(Exception):
    """A reply with headers, raised from a route."""

    def __init__(self, status: int, payload: Any, headers: dict[str, str]) -> None:
        super().__init__(status)
        self.status, self.payload, self.headers = status, payload, headers


def _handler_for(fake: FakeZoom) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            return

        def do_GET(self) -> None:
            self._dispatch("GET")

        def do_POST(self) -> None:
            self._dispatch("POST")

        def do_DELETE(self) -> None:
            self._dispatch("DELETE")

        def do_PATCH(self) -> None:
            self._dispatch("PATCH")

        def _dispatch(self, method: str) -> None:
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            fake.requests.append(
                RecordedRequest(method, parts.path, query, dict(self.headers.items()), body)
            )
            failure = fake.take_failure(method, parts.path)
            if failure is not None:
                if failure.delay:
                    fake.release.wait(failure.delay)
                self._reply(failure.status, failure.body, failure.headers)
                return
            try:
                status, payload = self._route(method, parts.path, query, body)
            except _Answer as answer:
                self._reply(answer.status, answer.payload, answer.headers)
                return
            self._reply(status, payload)

        def _route(
            self, method: str, path: str, query: dict[str, list[str]], body: Any
        ) -> tuple[int, Any]:
            authorization = self.headers.get("Authorization", "")
            if path == "/oauth/token" and method == "POST":
                return fake.issue_token(authorization, query)
            if not path.startswith("/v2/"):
                return 404, {"code": 404, "message": "Not found"}
            if not fake.token_ok(authorization):
                return 401, {"code": 124, "message": "Invalid access token."}
            meeting = re.fullmatch(r"/v2/meetings/(\d+)", path)
            if meeting and method == "GET":
                return fake.get(int(meeting.group(1)))
            if meeting and method == "DELETE":
                return fake.delete(int(meeting.group(1)))
            if meeting and method == "PATCH":
                if int(meeting.group(1)) in fake.meetings:
                    limited = fake.daily_limit_reached(fake.host_of(meeting.group(1)))
                    if limited is not None:
                        self._daily_limit(limited)
                return fake.update(int(meeting.group(1)), body or {})
            user = re.fullmatch(r"/v2/users/([^/]+)/meetings", path)
            host = unquote(user.group(1)) if user else ""
            if user and host != "me" and host not in fake.users:
                return 404, {"code": 1001, "message": f"User does not exist: {host}."}
            if user and method == "POST":
                limited = fake.daily_limit_reached(host)
                if limited is not None:
                    self._daily_limit(limited)
                return fake.create(body or {}, host)
            if user and method == "GET":
                return fake.list_upcoming(query, host)
            return 404, {"code": 404, "message": "Not found"}

        def _daily_limit(self, headers: dict[str, str]) -> NoReturn:
            message = "You have reached the maximum daily meeting create/update limit."
            raise _Answer(429, {"code": 429, "message": message}, headers)

        def _reply(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            data = b"" if payload is None else json.dumps(payload).encode()
            try:
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                if data:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

    return Handler
