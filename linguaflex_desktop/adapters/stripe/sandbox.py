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

import hmac
import logging
import os
import secrets
import select
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx

from linguaflex_desktop.adapters.stripe.sandbox_folder import (
    SandboxFolder,
    SandboxKeys,
    ServerRecord,
)
from linguaflex_desktop.adapters.stripe.sandbox_guard import (
    IDENTITY_PATH,
    SHUTDOWN_PATH,
    identity_proof,
)
from linguaflex_desktop.adapters.stripe.sandbox_server import (
    DEFAULT_IDLE_SECONDS,
    START_TIMEOUT_SECONDS,
    LocalstripeHost,
)
from linguaflex_desktop.errors import ExternalServiceError

log = logging.getLogger(__name__)

SandboxMode = Literal["auto", "in_process", "server"]
SERVER_MODULE = "linguaflex_desktop.adapters.stripe.sandbox_server"
PACKAGE_ROOT = Path(__file__).resolve().parents[3]  # where ``linguaflex_desktop`` is importable
IDENTITY_TIMEOUT_SECONDS = 3.0

# Stripe's test cards that the sandbox understands, for the window's "sandboxed" banner.
SANDBOX_TEST_CARDS: tuple[tuple[str, str], ...] = (
    ("4242 4242 4242 4242", "succeeds"),
    ("4000 0025 0000 3155", "asks for 3-D Secure authentication"),
    ("4000 0000 0000 0002", "is declined"),
    ("4000 0000 0000 0341", "is saved, then declined when charged"),
)


@dataclass(frozen=True)
class _Connection:
    """The server a started handle talks to, and the keys it answers."""

    record: ServerRecord
    keys: SandboxKeys


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
        self._connection: _Connection | None = None
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
                f"{self.api_base}/_config/data", headers=_auth(self.secret_key), timeout=5.0
            )
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise ExternalServiceError(f"The Stripe sandbox could not be reset: {error}") from error

    def _started(self) -> _Connection:
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


# --- the folder's server process ---------------------------------------------------------------


def connect(
    folder: SandboxFolder, *, idle_seconds: float = DEFAULT_IDLE_SECONDS, preferred_port: int = 0
) -> _Connection:
    """The folder's live server, started (detached) under the start lock when there is none."""
    keys = folder.ensure_keys()
    record = live_server(folder, keys)
    if record is None:
        log.info("Stripe sandbox: no live server for %s; waiting for its start lock", folder.path)
        with folder.start_lock():
            record = live_server(folder, keys)
            if record is None:
                folder.remove_server()  # stale: a crash, a reboot, or another folder's file
                record = _spawn(folder, keys, idle_seconds, preferred_port)
    return _Connection(record=record, keys=keys)


def live_server(folder: SandboxFolder, keys: SandboxKeys) -> ServerRecord | None:
    """``server.json``'s server if it is alive and proves it serves this folder, else None.

    The proof is an HMAC of a fresh challenge and the folder's path under the folder's secret
    key: the key is never sent to whatever now listens on a stale record's port, and a copy
    of the folder (same keys, same ``server.json``) does not join the original's server."""
    record = folder.read_server()
    if record is None or record.folder_id != keys.folder_id or not _pid_alive(record.pid):
        return None
    challenge = secrets.token_urlsafe(24)
    try:
        response = httpx.get(
            f"{record.api_base}{IDENTITY_PATH}",
            params={"challenge": challenge},
            timeout=IDENTITY_TIMEOUT_SECONDS,
        )
        answer = response.json() if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError):
        return None
    expected = identity_proof(keys.secret_key, challenge, folder.identity)
    proof = str(answer.get("proof", "")) if isinstance(answer, dict) else ""
    if not hmac.compare_digest(proof, expected) or answer.get("pid") != record.pid:
        return None
    return record


def stop_server(data_dir: Path) -> bool:
    """Ask the folder's live server (if any) to stop; True when one was asked."""
    folder = SandboxFolder(Path(data_dir))
    if not folder.keys_path.exists():
        return False
    keys = folder.ensure_keys()
    record = live_server(folder, keys)
    if record is None:
        return False
    try:
        httpx.post(
            f"{record.api_base}{SHUTDOWN_PATH}", headers=_auth(keys.secret_key), timeout=5.0
        ).raise_for_status()
    except httpx.HTTPError:
        return False
    return True


def _spawn(
    folder: SandboxFolder, keys: SandboxKeys, idle_seconds: float, preferred_port: int
) -> ServerRecord:
    """Start the server process detached, wait until it listens; its record."""
    read_end, write_end = os.pipe()
    command = [
        sys.executable,
        "-m",
        SERVER_MODULE,
        "--data-dir",
        str(folder.data_dir),
        "--idle-seconds",
        repr(float(idle_seconds)),
        "--port",
        str(preferred_port),
        "--ready-fd",
        str(write_end),
        "--detach",
    ]
    try:
        with folder.log_path.open("ab") as output:
            starter = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=output,
                pass_fds=(write_end,),
                start_new_session=True,  # not in the starter's session: a Ctrl-C spares it
                cwd=PACKAGE_ROOT,
            )
        os.close(write_end)
        write_end = -1
        starter.wait(timeout=START_TIMEOUT_SECONDS)  # exits as soon as it has forked
        ready = _read_line(read_end, START_TIMEOUT_SECONDS * 3)
    except (OSError, subprocess.SubprocessError) as error:
        raise _start_failed(folder) from error
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)
    record = live_server(folder, keys) if ready.startswith("ready ") else None
    if record is None:
        raise _start_failed(folder)
    log.info("Stripe sandbox server started (pid %s, %s)", record.pid, record.api_base)
    return record


def _read_line(descriptor: int, timeout: float) -> str:
    """The first line written to the pipe, or "" at end of file or timeout."""
    ready, _, _ = select.select([descriptor], [], [], timeout)
    return os.read(descriptor, 256).decode(errors="replace") if ready else ""


def _start_failed(folder: SandboxFolder) -> ExternalServiceError:
    return ExternalServiceError(
        f"The payments sandbox could not start; the details are in {folder.log_path}."
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's: the identity check decides
    return True


def _auth(secret_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret_key}"}


class _Heartbeat:
    """Keeps the server from its idle stop while a handle is started; revives it if gone."""

    def __init__(self, sandbox: StripeSandbox) -> None:
        self._sandbox = sandbox
        self._stopped = threading.Event()
        self._interval = max(sandbox._idle_seconds / 3, 0.05)
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


def _join_hosted(folder: SandboxFolder) -> _Connection:
    """Host the folder's sandbox in this process, or share the one already hosted here."""
    global _hosted
    with _hosted_lock:
        if _hosted is None:
            keys = folder.ensure_keys()
            with folder.start_lock():
                if live_server(folder, keys) is not None:
                    raise ExternalServiceError(
                        "Another process already serves this folder's payments sandbox."
                    )
                host = LocalstripeHost(folder, keys)
                host.start()
            _hosted = _Hosted(host)
        elif _hosted.host.folder.path != folder.path:
            log.info("Stripe sandbox already hosted in this process; sharing it")
        _hosted.users += 1
        record = _hosted.host.record
        assert record is not None
        return _Connection(record=record, keys=_hosted.host.keys)


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
