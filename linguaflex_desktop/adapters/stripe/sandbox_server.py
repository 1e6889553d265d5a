"""The payments sandbox server: localstripe serving one data folder on 127.0.0.1.

One server per data folder, shared by every process using that folder (the app, ``linguaflex
worker``, ``reconcile``, ``demo-flow``). It normally runs as its own process, started on
demand by the first client (``sandbox.py``), detached from it::

    python -m linguaflex_desktop.adapters.stripe.sandbox_server --data-dir D [--idle-seconds N]

It listens, then publishes ``server.json`` (``sandbox_folder``) and, with ``--ready-fd``,
writes ``ready PORT`` to that pipe. It stops after ``--idle-seconds`` without a request
(clients holding a sandbox send a heartbeat), on ``POST /_config/linguaflex/shutdown`` or on
SIGTERM/SIGINT, removing its ``server.json`` under the folder's start lock.

The same ``LocalstripeHost`` also serves in-process (the test suite's resettable sandbox).
localstripe's store and aiohttp app are module-level, so a process hosts at most one at a time.

The store is pickled to ``<data_dir>/stripe-sandbox/localstripe.pickle`` by this process
alone, atomically, once per POST/DELETE before the answer is sent.

Threads: the server runs its own event loop on a daemon thread; ``start``/``stop`` may be
called from any thread.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from linguaflex_desktop.adapters.loopback import LOOPBACK_HOST
from linguaflex_desktop.adapters.stripe import sandbox_guard
from linguaflex_desktop.adapters.stripe.sandbox_folder import (
    SandboxFolder,
    SandboxKeys,
    ServerRecord,
)

log = logging.getLogger(__name__)

START_TIMEOUT_SECONDS = 10.0
DEFAULT_IDLE_SECONDS = 30 * 60.0
LOCK_RETRY_SECONDS = 0.2


class FolderAlreadyServed(RuntimeError):
    """Another process serves this data folder's sandbox (it holds the serving lock)."""


class LocalstripeHost:
    """localstripe serving ``folder`` from this process (see the module docstring)."""

    def __init__(
        self,
        folder: SandboxFolder,
        keys: SandboxKeys,
        *,
        preferred_port: int = 0,
        idle_seconds: float | None = None,
    ) -> None:
        self.folder, self.keys = folder, keys
        self.preferred_port = preferred_port
        self.idle_seconds = idle_seconds
        self.record: ServerRecord | None = None
        self._runner: Any = None
        self._serving_lock: int | None = None

    @property
    def api_base(self) -> str:
        if self.record is None:
            raise RuntimeError("the Stripe sandbox is not started")
        return self.record.api_base

    def start(self) -> ServerRecord:
        """Load the folder's state, listen, publish ``server.json``; return the record.

        Call with the folder's start lock held, after checking that no server is alive.
        ``FolderAlreadyServed`` when another process holds the folder's serving lock."""
        serving = self.folder.take_serving_lock()
        if serving is None:
            raise FolderAlreadyServed(str(self.folder.path))
        try:
            port = asyncio.run_coroutine_threadsafe(self._serve(), _event_loop()).result(
                timeout=START_TIMEOUT_SECONDS
            )
        except BaseException:
            os.close(serving)
            raise
        self._serving_lock = serving
        self.record = ServerRecord(
            port=port,
            pid=os.getpid(),
            folder_id=self.keys.folder_id,
            idle_seconds=self.idle_seconds,
        )
        self.folder.write_server(self.record)
        log.info("Stripe sandbox listening on %s for %s", self.record.api_base, self.folder.path)
        return self.record

    def stop(self) -> None:
        """Stop listening, save the state, remove ``server.json`` if it names this process."""
        if self._runner is None:
            return
        self.folder.remove_server(pid=os.getpid())
        asyncio.run_coroutine_threadsafe(self._shutdown(), _event_loop()).result(timeout=10)
        self._runner = None
        if self._serving_lock is not None:
            os.close(self._serving_lock)  # after the last save: the next server may load it
            self._serving_lock = None
        log.info("Stripe sandbox stopped")

    async def _serve(self) -> int:
        from aiohttp import web
        from localstripe import server as localstripe_server

        from linguaflex_desktop.adapters.stripe import sandbox_ext

        app = localstripe_server.app
        _install_persistence(self.folder.pickle_path)
        sandbox_ext.install(app)
        sandbox_guard.install(app)  # after the extensions: the guard goes in front of them all
        guard = sandbox_guard.GUARD
        guard.secret_key, guard.publishable_key = self.keys.secret_key, self.keys.publishable_key
        guard.folder_id, guard.data_dir, guard.port = self.keys.folder_id, self.folder.identity, 0
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, LOOPBACK_HOST, self.preferred_port).start()
        except OSError:  # the port a client still knows is taken now: any free one
            await web.TCPSite(runner, LOOPBACK_HOST, 0).start()
        port = int(runner.addresses[0][1])
        guard.port = port
        guard.touch()
        self._runner = runner
        return port

    async def _shutdown(self) -> None:
        current = asyncio.current_task()
        for task in asyncio.all_tasks():  # pending webhook deliveries
            if task is not current:
                task.cancel()
        await self._runner.cleanup()
        sandbox_guard.GUARD.port = 0
        _flush(self.folder.pickle_path)


# --- the event loop (one per process) ---------------------------------------------------------

_loop: asyncio.AbstractEventLoop | None = None
_loop_lock = threading.Lock()


def _event_loop() -> asyncio.AbstractEventLoop:
    """The sandbox's loop, on a daemon thread that lives as long as the process.

    aiohttp binds localstripe's module-level app to the first loop that serves it, so the loop
    outlives a stop/start cycle; only the listening site is torn down by ``stop``.
    """
    global _loop
    with _loop_lock:
        if _loop is None:
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="stripe-sandbox", daemon=True).start()
            _loop = loop
        return _loop


# --- persistence -------------------------------------------------------------------------------


def _install_persistence(pickle_path: Path) -> None:
    """Point localstripe's store at our pickle and load it (patches its Store class)."""
    from localstripe import resources

    def try_load_from_disk(store: Any) -> None:
        dict.clear(store)  # a restart in this process must not keep another folder's state
        try:
            with pickle_path.open("rb") as handle:
                saved = pickle.load(handle)  # our own file, in our data folder
        except FileNotFoundError:
            return
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
            log.warning("Stripe sandbox state unreadable, starting empty: %s", error)
            return
        dict.update(store, saved)

    def dump_to_disk(store: Any) -> None:
        _flush(pickle_path)

    # localstripe dumps on every single store write *and* after every POST/DELETE: keep only
    # the latter (one synchronous write per request, done before the answer is sent).
    resources.Store.__setitem__ = dict.__setitem__
    resources.Store.__delitem__ = dict.__delitem__
    resources.Store.try_load_from_disk = try_load_from_disk
    resources.Store.dump_to_disk = dump_to_disk
    resources.store.try_load_from_disk()


def _flush(pickle_path: Path) -> None:
    from localstripe import resources

    temporary = pickle_path.with_suffix(".tmp")
    try:
        with temporary.open("wb") as handle:
            pickle.dump(dict(resources.store), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, pickle_path)
    except OSError as error:
        log.warning("Stripe sandbox state not saved: %s", error)


# --- the server process --------------------------------------------------------------------


def serve_until_stopped(host: LocalstripeHost, *, ready_fd: int | None = None) -> None:
    """Start ``host``, report readiness, then serve until idle, asked to stop, or signalled."""
    stop = threading.Event()
    sandbox_guard.GUARD.on_shutdown_request = stop.set
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        record = host.start()
    except FolderAlreadyServed:
        log.info("Stripe sandbox: another process serves %s; stepping back", host.folder.path)
        _signal_ready(ready_fd, "busy")
        return
    _signal_ready(ready_fd, f"ready {record.port}")
    idle = host.idle_seconds

    def idle_over() -> bool:
        return idle is not None and sandbox_guard.GUARD.idle_for() >= idle

    while True:
        wait = None if idle is None else max(idle - sandbox_guard.GUARD.idle_for(), 0.0)
        requested = stop.wait(wait)
        if not (requested or idle_over()):
            continue  # a request came in meanwhile
        # Stop under the start lock: a client then either saw this server alive (and its
        # request reset the idle clock) or finds no server.json and starts another.
        with host.folder.try_start_lock() as locked:
            if not locked:  # a client is starting or joining right now: look again soon
                time.sleep(LOCK_RETRY_SECONDS)
                continue
            if requested or idle_over():
                log.info("Stripe sandbox stopping (%s)", "asked" if requested else "idle")
                host.stop()
                return


def _signal_ready(ready_fd: int | None, line: str) -> None:
    """Tell the starter ``line`` ("ready PORT" or "busy") through its pipe, if any."""
    if ready_fd is None:
        return
    try:
        os.write(ready_fd, f"{line}\n".encode())
    except OSError:  # the starter is gone (killed): serve all the same, server.json says it
        log.info("Stripe sandbox: nobody waits for the ready signal")
    finally:
        os.close(ready_fd)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="linguaflex-stripe-sandbox")
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--idle-seconds", type=float, default=DEFAULT_IDLE_SECONDS)
    parser.add_argument("--port", type=int, default=0, help="port to try first (0: any)")
    parser.add_argument("--ready-fd", type=int, help="pipe to write 'ready PORT' to")
    parser.add_argument("--detach", action="store_true", help="fork; the parent exits at once")
    args = parser.parse_args(argv)
    if args.detach and os.fork() > 0:
        os._exit(0)  # the starter reaps this parent; the server is nobody's child
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(message)s"
    )
    folder = SandboxFolder(args.data_dir)
    host = LocalstripeHost(
        folder,
        folder.ensure_keys(),
        preferred_port=args.port,
        idle_seconds=args.idle_seconds if args.idle_seconds > 0 else None,
    )
    serve_until_stopped(host, ready_fd=args.ready_fd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
