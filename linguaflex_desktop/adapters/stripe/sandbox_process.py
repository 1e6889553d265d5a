"""Finding or starting a data folder's sandbox server process (see ``sandbox.py``).

``connect`` joins the folder's live server, or starts one detached under the folder's start
lock; ``live_server`` trusts ``server.json`` only after the server answered an identity
challenge; ``stop_server`` asks a folder's server to stop. Blocking; any thread.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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
)
from linguaflex_desktop.errors import ExternalServiceError
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

SERVER_MODULE = "linguaflex_desktop.adapters.stripe.sandbox_server"
PACKAGE_ROOT = Path(__file__).resolve().parents[3]  # where ``linguaflex_desktop`` is importable
IDENTITY_TIMEOUT_SECONDS = 3.0
AWAIT_STEP_SECONDS = 0.1


@dataclass(frozen=True)
class SandboxConnection:
    """The server a started handle talks to, and the keys it answers."""

    record: ServerRecord
    keys: SandboxKeys


def connect(
    folder: SandboxFolder, *, idle_seconds: float = DEFAULT_IDLE_SECONDS, preferred_port: int = 0
) -> SandboxConnection:
    """The folder's live server, started (detached) under the start lock when there is none."""
    keys = folder.ensure_keys()
    record = live_server(folder, keys)
    if record is None:
        log.info("Stripe sandbox: no live server for %s; waiting for its start lock", folder.path)
        with folder.start_lock():
            record = live_server(folder, keys)
            if record is None:  # the new server replaces a stale server.json when it listens
                record = _spawn(folder, keys, idle_seconds, preferred_port)
    return SandboxConnection(record=record, keys=keys)


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
            f"{record.api_base}{SHUTDOWN_PATH}", headers=auth_headers(keys.secret_key), timeout=5.0
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
    if ready.startswith("busy"):  # another server holds the folder: its starter died, or slow
        record = _await_other_server(folder, keys)
    else:
        record = live_server(folder, keys) if ready.startswith("ready ") else None
    if record is None:
        raise _start_failed(folder)
    log.info("Stripe sandbox server started (pid %s, %s)", record.pid, record.api_base)
    return record


def _await_other_server(folder: SandboxFolder, keys: SandboxKeys) -> ServerRecord | None:
    """The record of the server that holds the serving lock, once it publishes it."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        record = live_server(folder, keys)
        if record is not None:
            return record
        time.sleep(AWAIT_STEP_SECONDS)
    return None


def _read_line(descriptor: int, timeout: float) -> str:
    """The first line written to the pipe, or "" at end of file or timeout."""
    ready, _, _ = select.select([descriptor], [], [], timeout)
    return os.read(descriptor, 256).decode(errors="replace") if ready else ""


def _start_failed(folder: SandboxFolder) -> ExternalServiceError:
    return ExternalServiceError(
        tx(
            "The payments sandbox could not start; the details are in {path}.",
            path=str(folder.log_path),
        )
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's: the identity check decides
    return True


def auth_headers(secret_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret_key}"}
