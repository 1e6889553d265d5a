"""The loopback return page: where Stripe's hosted pages send the browser back.

Card entry (Checkout in setup mode) and 3-D Secure happen on Stripe's own pages; Stripe then
redirects the browser to a URL we give it (``success_url`` / ``cancel_url`` of a Checkout
Session, ``return_url`` of a PaymentIntent). A desktop app has no web site, so the app serves
one small page on ``127.0.0.1`` (random port) that says the step is over and the student can
go back to LinguaFlex. It also tells the app that the browser came back, so the app asks
Stripe at once instead of waiting for its next poll. The page is never trusted for the
outcome: the app always reads the Checkout Session or PaymentIntent from Stripe.

Each return has a one-time, unguessable token in its URL (served while the return is open, at
most ``lifetime_seconds``). Stripe appends ids and a client secret to ``return_url``: nothing
here logs paths or query strings. Requests whose ``Host`` is not exactly ``127.0.0.1:PORT`` are
refused (DNS rebinding). Every answer carries a strict Content-Security-Policy,
``Cache-Control: no-store`` and ``Referrer-Policy: no-referrer``.

Threads: requests are served on daemon threads; every public method is thread-safe.
"""

from __future__ import annotations

import html
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from linguaflex_desktop.adapters.loopback import LOOPBACK_HOST, is_own_host

log = logging.getLogger(__name__)

DEFAULT_LIFETIME_SECONDS = 24 * 60 * 60
ROUTE_PREFIX = "/return/"
MAX_TOKEN_CHARS = 100

# What the page says for each ``outcome`` query value (unknown values read as "finished").
OUTCOME_DONE = "done"
OUTCOME_CANCELLED = "cancelled"
_HEADINGS = {
    OUTCOME_DONE: "All done",
    OUTCOME_CANCELLED: "Cancelled",
}
_DEFAULT_HEADING = "Finished"
_BODY = "You can close this tab and return to LinguaFlex, which shows the result."


@dataclass(frozen=True)
class ReturnPage:
    """One return address: give ``url`` (or ``url_for(outcome)``) to Stripe."""

    token: str
    url: str

    def url_for(self, outcome: str) -> str:
        """The address with ``?outcome=...``, e.g. a Checkout Session's success/cancel URL."""
        return f"{self.url}?outcome={outcome}"


@dataclass
class _Return:
    expires_at: float
    came_back: str | None = None


class ReturnPageServer:
    """Serves the return pages on 127.0.0.1 (see the module docstring)."""

    def __init__(
        self,
        *,
        lifetime_seconds: float = DEFAULT_LIFETIME_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lifetime = lifetime_seconds
        self._clock = clock
        self._returns: dict[str, _Return] = {}
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._httpd: _LoopbackServer | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Listen on 127.0.0.1 on a free port (idempotent)."""
        with self._lock:
            if self._httpd is not None:
                return
            httpd = _LoopbackServer((LOOPBACK_HOST, 0), _Handler)
            httpd.pages = self
            threading.Thread(
                target=httpd.serve_forever, args=(0.1,), name="return-page-server", daemon=True
            ).start()
            self._httpd = httpd
        log.info("return page server listening on %s", self.origin)

    def stop(self) -> None:
        """Stop listening and forget every return (idempotent)."""
        with self._lock:
            httpd, self._httpd = self._httpd, None
            self._returns.clear()
            self._arrived.notify_all()
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        httpd = self._httpd
        if httpd is None:
            raise RuntimeError("the return page server is not started")
        return int(httpd.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self.port}"

    # --- returns -----------------------------------------------------------------------------

    def offer(self) -> ReturnPage:
        """Open a new return address (starts the server if needed)."""
        self.start()
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._prune()
            self._returns[token] = _Return(self._clock() + self._lifetime)
        return ReturnPage(token=token, url=f"{self.origin}{ROUTE_PREFIX}{token}")

    def came_back(self, token: str) -> str | None:
        """The ``outcome`` the browser came back with ("" when none), or None if not yet."""
        with self._lock:
            entry = self._returns.get(token)
            return entry.came_back if entry else None

    def wait_for_return(self, token: str, timeout: float) -> str | None:
        """Block up to ``timeout`` seconds for the browser to come back; its outcome or None."""
        deadline = self._clock() + timeout
        with self._lock:
            while True:
                entry = self._returns.get(token)
                if entry is None or entry.came_back is not None:
                    return entry.came_back if entry else None
                left = deadline - self._clock()
                if left <= 0 or self._httpd is None:
                    return None
                self._arrived.wait(left)

    def close(self, token: str) -> None:
        """Forget a return: its page is no longer served (idempotent)."""
        with self._lock:
            self._returns.pop(token, None)

    # --- used by the request handler ---------------------------------------------------------

    def _arrive(self, token: str, outcome: str) -> bool:
        """Record that the browser came back; False if the token is unknown or expired."""
        with self._lock:
            for known, entry in self._returns.items():
                if secrets.compare_digest(known, token):
                    if self._clock() >= entry.expires_at:
                        return False
                    if entry.came_back is None:
                        entry.came_back = outcome
                    self._arrived.notify_all()
                    return True
        return False

    def _prune(self) -> None:
        """Forget expired returns (called with the lock held)."""
        now = self._clock()
        for token in [t for t, r in self._returns.items() if r.expires_at <= now]:
            del self._returns[token]


class _LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True
    pages: ReturnPageServer


class _Handler(BaseHTTPRequestHandler):
    """One request. The URL holds a token and, from Stripe, a client secret: nothing logs."""

    server_version = "LinguaFlex"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        server = cast(_LoopbackServer, self.server)
        if not is_own_host(self.headers.get("Host"), server.server_port):
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"Misdirected Request", "text/plain")
            return
        parts = urlsplit(self.path)
        token = parts.path[len(ROUTE_PREFIX) :] if parts.path.startswith(ROUTE_PREFIX) else ""
        if not token or "/" in token or len(token) > MAX_TOKEN_CHARS:
            self._send(HTTPStatus.NOT_FOUND, b"Not Found", "text/plain")
            return
        outcome = (parse_qs(parts.query).get("outcome") or [""])[0][:40]
        if not server.pages._arrive(token, outcome):
            body = "This link has expired. Return to LinguaFlex to see where things stand."
            self._send(HTTPStatus.GONE, body.encode("utf-8"), "text/plain")
            return
        self._send(HTTPStatus.OK, _page(outcome), "text/html")

    def do_POST(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"Method Not Allowed", "text/plain")

    do_PUT = do_DELETE = do_PATCH = do_POST

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'",
        )
        self.send_header("Cache-Control", "no-store, max-age=0")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.end_headers()
        self.wfile.write(body)


def _page(outcome: str) -> bytes:
    heading = html.escape(_HEADINGS.get(outcome, _DEFAULT_HEADING))
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>LinguaFlex — {heading}</title><style>"
        "body{font-family:system-ui,sans-serif;background:#f4f6fb;color:#1d2433;margin:0;"
        "display:flex;min-height:100vh;align-items:center;justify-content:center}"
        "main{background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);"
        "padding:40px 48px;max-width:420px;text-align:center}"
        "h1{font-size:1.4rem;margin:0 0 12px}p{margin:0;line-height:1.5;color:#4a5368}"
        f"</style></head><body><main><h1 id='heading'>{heading}</h1>"
        f"<p id='message'>{html.escape(_BODY)}</p></main></body></html>"
    ).encode()
