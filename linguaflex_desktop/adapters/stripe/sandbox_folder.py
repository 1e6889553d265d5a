"""The payments sandbox's files in a data folder: its keys, its server record, its start lock.

``<data_dir>/stripe-sandbox/`` holds:

- ``keys.json`` (mode 0600): the folder's random sandbox keys (``sk_test_...``/``pk_test_...``)
  and ``folder_id``, the identity a sandbox server proves it serves this folder with. Made
  once, on first use; never logged.
- ``server.json``: the running server's ``port``, ``pid``, ``folder_id`` and idle time, written
  atomically once it listens and removed when it stops. After a crash it may be stale: a
  client trusts it only after an authenticated identity request (``sandbox.py``).
- ``start.lock``: ``fcntl.flock``-ed by whoever starts or stops a server, so two starters never
  start two. The kernel drops a flock when its holder dies: a SIGKILL never leaves it held.
- ``serving.lock``: flock-ed by the serving process for its whole life, before it loads the
  state: even if a starter dies half-way and another one starts a second server, that one
  finds the lock taken and steps back, so the state has one writer.
- ``localstripe.pickle``: the sandbox's state, written by the server alone.

Any thread; blocking file I/O only.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from linguaflex_desktop.errors import ConfigurationError
from linguaflex_desktop.texts import tx

SANDBOX_FOLDER = "stripe-sandbox"
PICKLE_NAME = "localstripe.pickle"
KEYS_NAME = "keys.json"
SERVER_NAME = "server.json"
LOCK_NAME = "start.lock"
SERVING_LOCK_NAME = "serving.lock"
LOG_NAME = "server.log"
KEY_LENGTH = 40  # random letters and digits after the prefix (about 238 bits)
# Letters and digits only, as Stripe's own keys: the log redaction recognises them whole.
KEY_ALPHABET = string.ascii_letters + string.digits


@dataclass(frozen=True)
class SandboxKeys:
    """The folder's sandbox keys and identity (see the module docstring)."""

    secret_key: str = field(repr=False)
    publishable_key: str
    folder_id: str

    @classmethod
    def generate(cls) -> SandboxKeys:
        return cls(
            secret_key="sk_test_" + _random_text(),
            publishable_key="pk_test_" + _random_text(),
            folder_id=secrets.token_urlsafe(16),
        )


def _unreadable(path: Path) -> ConfigurationError:
    return ConfigurationError(
        tx(
            "The payments sandbox's keys in {path} cannot be read. Delete that file: new keys "
            "are made on the next start.",
            path=str(path),
        )
    )


def _random_text() -> str:
    return "".join(secrets.choice(KEY_ALPHABET) for _ in range(KEY_LENGTH))


@dataclass(frozen=True)
class ServerRecord:
    """What ``server.json`` says about the folder's running server."""

    port: int
    pid: int
    folder_id: str
    idle_seconds: float | None = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class SandboxFolder:
    """The sandbox's files in one data folder (see the module docstring)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / SANDBOX_FOLDER

    @property
    def identity(self) -> str:
        """The folder's resolved path: a server proves it serves this path (a copy of the
        folder carries the same keys and ``server.json``, but must get its own server)."""
        return str(self.data_dir.resolve())

    @property
    def pickle_path(self) -> Path:
        return self.path / PICKLE_NAME

    @property
    def keys_path(self) -> Path:
        return self.path / KEYS_NAME

    @property
    def server_path(self) -> Path:
        return self.path / SERVER_NAME

    @property
    def log_path(self) -> Path:
        return self.path / LOG_NAME

    # --- keys --------------------------------------------------------------------------------

    def ensure_keys(self) -> SandboxKeys:
        """The folder's keys, made on first use (0600; the first of two racing makers wins)."""
        existing = self._read_keys()
        if existing is not None:
            return existing
        self.path.mkdir(parents=True, exist_ok=True)
        fresh = SandboxKeys.generate()
        temporary = self.path / f".keys.{os.getpid()}.{secrets.token_hex(4)}"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(asdict(fresh), handle)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, self.keys_path)  # fails if another process made them first
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
        keys = self._read_keys()
        if keys is None:
            raise _unreadable(self.keys_path)
        return keys

    def _read_keys(self) -> SandboxKeys | None:
        try:
            data = json.loads(self.keys_path.read_text(encoding="utf-8"))
            return SandboxKeys(
                secret_key=str(data["secret_key"]),
                publishable_key=str(data["publishable_key"]),
                folder_id=str(data["folder_id"]),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise _unreadable(self.keys_path) from error

    # --- the server record -------------------------------------------------------------------

    def read_server(self) -> ServerRecord | None:
        """``server.json``, or None when absent or unreadable (a stale or torn record)."""
        try:
            data = json.loads(self.server_path.read_text(encoding="utf-8"))
            idle = data.get("idle_seconds")
            return ServerRecord(
                port=int(data["port"]),
                pid=int(data["pid"]),
                folder_id=str(data["folder_id"]),
                idle_seconds=None if idle is None else float(idle),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write_server(self, record: ServerRecord) -> None:
        """Publish ``record`` atomically (readers see the old file or the whole new one)."""
        self.path.mkdir(parents=True, exist_ok=True)
        temporary = self.path / f".server.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(asdict(record)), encoding="utf-8")
        os.replace(temporary, self.server_path)

    def remove_server(self, *, pid: int | None = None) -> None:
        """Remove ``server.json`` (only if it names ``pid``, when given)."""
        if pid is not None:
            current = self.read_server()
            if current is None or current.pid != pid:
                return
        self.server_path.unlink(missing_ok=True)

    # --- the start lock ----------------------------------------------------------------------

    @contextmanager
    def start_lock(self) -> Iterator[None]:
        """Hold the folder's start lock (blocking) for the block."""
        descriptor = self._open_lock()
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the flock

    @contextmanager
    def try_start_lock(self) -> Iterator[bool]:
        """Hold the start lock for the block if it is free now; yields whether it is held."""
        descriptor = self._open_lock()
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            os.close(descriptor)

    def take_serving_lock(self) -> int | None:
        """Take the serving lock for this process's life: its descriptor (close it to let go),
        or None when another process serves the folder."""
        descriptor = self._open_lock(SERVING_LOCK_NAME)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return None
        return descriptor

    def _open_lock(self, name: str = LOCK_NAME) -> int:
        self.path.mkdir(parents=True, exist_ok=True)
        return os.open(self.path / name, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
