"""The offline payments sandbox: one localstripe server per data folder, on 127.0.0.1.

Without Stripe keys the app runs against localstripe (PyPI), a stateful fake of Stripe's API
that also serves a Stripe.js stand-in at ``/js.stripe.com/v3/``. Every process on a data
folder (the app, ``linguaflex worker``, ``reconcile``, ``demo-flow``) uses the same server, so
a payment made by one is seen by all, and one process alone writes the saved state:

- ``StripeSandbox(data_dir).start()`` reads ``server.json`` (``sandbox_folder``) and checks,
  by a challenge the server answers with the folder's secret key, that a server is alive
  there and serves this folder; otherwise it takes the folder's start lock, looks again, and
  starts ``sandbox_server`` as a detached process (its own session, its output in
  ``stripe-sandbox/server.log``), which outlives its starter. A stale ``server.json`` (a
  crash, a reboot, another folder's file) is replaced.
- While a handle is started it sends a heartbeat, so the server's idle stop (30 minutes
  without a request) only comes once no process uses it; a server found gone is restarted on
  the same port when possible.
- The server answers only ``Host: 127.0.0.1:PORT`` and only the folder's own random keys
  (``keys.json``, mode 0600): see ``sandbox_guard``.

The test suite hosts the sandbox in its own process instead (``mode="in_process"``: fast and
resettable). That server publishes ``server.json`` for its folder too, so a child process on
the same folder joins it; and while it runs, every ``mode="auto"`` handle of the process
shares it, whatever its folder (``mode="server"`` never does).

Threads: ``start``/``stop``/``reset`` may be called from any thread; they block.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx

from linguaflex_desktop.adapters.stripe.sandbox_folder import (
    PICKLE_NAME,
    SANDBOX_FOLDER,
    SandboxFolder,
)
from linguaflex_desktop.adapters.stripe.sandbox_process import (
    SandboxConnection,
    auth_headers,
    connect,
    live_server,
    stop_server,
)
from linguaflex_desktop.adapters.stripe.sandbox_server import (
    DEFAULT_IDLE_SECONDS,
    FolderAlreadyServed,
    LocalstripeHost,
)
from linguaflex_desktop.errors import ExternalServiceError
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

__all__ = [
    "PICKLE_NAME",
    "SANDBOX_FOLDER",
    "SANDBOX_TEST_CARDS",
    "SandboxMode",
    "StripeSandbox",
    "stop_server",
]

SandboxMode = Literal["auto", "in_process", "server"]

# Stripe's test cards that the sandbox understands, for the window's "sandboxed" banner.
SANDBOX_TEST_CARDS: tuple[tuple[str, str], ...] = (
    ("4242 4242 4242 4242", "succeeds"),
    ("4000 0025 0000 3155", "asks for 3-D Secure authentication"),
    ("4000 0000 0000 0002", "is declined"),
    ("4000 0000 0000 0341", "is saved, then declined when charged"),
)


class StripeSandbox:
    """A handle on the data folder's sandbox server (see the module docstring)."""

    test_cards = SANDBOX_TEST_CARDS

    def __init__(
        self,
        data_dir: Path,
        *,
        mode: SandboxMode = "auto",
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
    ) -> None:
        self._folder = SandboxFolder(Path(data_dir))
        self._pickle_path = self._folder.pickle_path
        self._mode: SandboxMode = mode
        self._idle_seconds = idle_seconds
        self._connection: SandboxConnection | None = None
        self._hosting = False
        self._heartbeat: _Heartbeat | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._connection is not None

    @property
    def api_base(self) -> str:
        """``http://127.0.0.1:PORT`` of the server; raises if not started."""
        return self._started().record.api_base

    @property
    def js_url(self) -> str:
        """The sandbox's Stripe.js stand-in (loaded by the card page instead of js.stripe.com)."""
        return f"{self.api_base}/js.stripe.com/v3/"

    @property
    def secret_key(self) -> str:
        """The key the server answers (the folder's own); raises if not started."""
        return self._started().keys.secret_key

    @property
    def publishable_key(self) -> str:
        return self._started().keys.publishable_key

    @property
    def server_pid(self) -> int:
        return self._started().record.pid

    def start(self) -> str:
        """Join (or start) the folder's server; return its API base URL. Idempotent."""
        with self._lock:
            if self._connection is None:
                if self._mode == "in_process" or (self._mode == "auto" and _hosted is not None):
                    self._connection, self._hosting = _join_hosted(self._folder), True
                else:
                    self._connection = connect(self._folder, idle_seconds=self._idle_seconds)
                    self._heartbeat = _Heartbeat(self)
            return self._connection.record.api_base

    def stop(self) -> None:
        """Release this handle. A server of its own keeps running until idle; the in-process
        server stops with its last handle. Idempotent."""
        with self._lock:
            connection, self._connection = self._connection, None
            heartbeat, self._heartbeat = self._heartbeat, None
            hosting, self._hosting = self._hosting, False
        if heartbeat is not None:
            heartbeat.stop()
        if connection is not None and hosting:
            _leave_hosted()

    def reset(self) -> None:
        """Forget every customer, intent and card (``DELETE /_config/data``)."""
        try:
            response = httpx.delete(
                f"{self.api_base}/_config/data", headers=auth_headers(self.secret_key), timeout=5.0
            )
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise ExternalServiceError(
                tx("The Stripe sandbox could not be reset: {error}", error=str(error))
            ) from error

    def _started(self) -> SandboxConnection:
        connection = self._connection
        if connection is None:
            raise RuntimeError("the Stripe sandbox is not started")
        return connection

    def _revive(self) -> None:
        """The server is gone (killed): start another, on the same port when it is free."""
        connection = self._connection
        if connection is None:
            return
        fresh = connect(
            self._folder, idle_seconds=self._idle_seconds, preferred_port=connection.record.port
        )
        with self._lock:
            if self._connection is not None:
                self._connection = fresh
        if fresh.record.port != connection.record.port:
            log.warning("Stripe sandbox restarted on another port; restart the app to use it")

    def __enter__(self) -> StripeSandbox:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class _Heartbeat:
    """Keeps the server from its idle stop while a handle is started; revives it if gone."""

    def __init__(self, sandbox: StripeSandbox) -> None:
        self._sandbox = sandbox
        self._stopped = threading.Event()
        served = sandbox._started().record.idle_seconds  # the server's own idle time
        idle = min(sandbox._idle_seconds, served or sandbox._idle_seconds)
        self._interval = max(idle / 3, 0.05)
        threading.Thread(target=self._run, name="stripe-sandbox-heartbeat", daemon=True).start()

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            connection = self._sandbox._connection
            if connection is None or live_server(self._sandbox._folder, connection.keys):
                continue
            try:
                self._sandbox._revive()
            except ExternalServiceError as error:
                log.warning("Stripe sandbox heartbeat: %s", error)


# --- the in-process server (the test suite's) ------------------------------------------------


@dataclass
class _Hosted:
    host: LocalstripeHost
    users: int = 0


_hosted_lock = threading.Lock()
_hosted: _Hosted | None = None


def _join_hosted(folder: SandboxFolder) -> SandboxConnection:
    """Host the folder's sandbox in this process, or share the one already hosted here."""
    global _hosted
    with _hosted_lock:
        if _hosted is None:
            keys = folder.ensure_keys()
            with folder.start_lock():
                host = LocalstripeHost(folder, keys)
                try:
                    host.start()
                except FolderAlreadyServed as error:
                    raise ExternalServiceError(
                        tx("Another process already serves this folder's payments sandbox.")
                    ) from error
            _hosted = _Hosted(host)
        elif _hosted.host.folder.path != folder.path:
            log.info("Stripe sandbox already hosted in this process; sharing it")
        _hosted.users += 1
        record = _hosted.host.record
        assert record is not None
        return SandboxConnection(record=record, keys=_hosted.host.keys)


def _leave_hosted() -> None:
    global _hosted
    with _hosted_lock:
        if _hosted is None:
            return
        _hosted.users -= 1
        if _hosted.users > 0:
            return
        hosted, _hosted = _hosted, None
        with hosted.host.folder.start_lock():
            hosted.host.stop()
