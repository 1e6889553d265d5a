"""The offline payments sandbox: localstripe served in-process on 127.0.0.1.

Without Stripe keys the app runs against localstripe (PyPI), a stateful fake of Stripe's API
that also serves a Stripe.js stand-in at ``/js.stripe.com/v3/``. localstripe keeps its store
in a module-level object and its aiohttp ``app`` is module-level too, so the server is a
process-wide singleton: every ``StripeSandbox.start()`` in one process shares it (reference
counted), and the last ``stop()`` shuts it down.

Its store is pickled to ``<data_dir>/stripe-sandbox/localstripe.pickle`` (never the shared
file in the system temp folder), atomically, once per POST/DELETE request before the answer
is sent (localstripe itself would rewrite it on every single store write as well).

Threads: the server runs its own event loop on a daemon thread; ``start``/``stop``/``reset``
may be called from any thread.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from linguaflex_desktop.errors import ExternalServiceError

log = logging.getLogger(__name__)

SANDBOX_SECRET_KEY = "sk_test_linguaflex_sandbox"
SANDBOX_PUBLISHABLE_KEY = "pk_test_linguaflex_sandbox"
SANDBOX_FOLDER = "stripe-sandbox"
PICKLE_NAME = "localstripe.pickle"
START_TIMEOUT_SECONDS = 10.0

# Stripe's test cards that the sandbox understands, for the window's "sandboxed" banner.
SANDBOX_TEST_CARDS: tuple[tuple[str, str], ...] = (
    ("4242 4242 4242 4242", "succeeds"),
    ("4000 0025 0000 3155", "asks for 3-D Secure authentication"),
    ("4000 0000 0000 0002", "is declined"),
    ("4000 0000 0000 0341", "is saved, then declined when charged"),
)


@dataclass
class _Server:
    """The running localstripe: its loop, aiohttp runner, address and handle count."""

    loop: asyncio.AbstractEventLoop
    runner: Any
    base_url: str
    pickle_path: Path
    users: int = 0


_lock = threading.Lock()
_server: _Server | None = None


class StripeSandbox:
    """A handle on the process-wide localstripe server (see the module docstring)."""

    secret_key = SANDBOX_SECRET_KEY
    publishable_key = SANDBOX_PUBLISHABLE_KEY
    test_cards = SANDBOX_TEST_CARDS

    def __init__(self, data_dir: Path) -> None:
        self._pickle_path = Path(data_dir) / SANDBOX_FOLDER / PICKLE_NAME
        self._started = False

    @property
    def running(self) -> bool:
        return self._started

    @property
    def api_base(self) -> str:
        """``http://127.0.0.1:PORT`` of the running server; raises if not started."""
        if not self._started or _server is None:
            raise RuntimeError("the Stripe sandbox is not started")
        return _server.base_url

    @property
    def js_url(self) -> str:
        """The sandbox's Stripe.js stand-in (loaded by the card page instead of js.stripe.com)."""
        return f"{self.api_base}/js.stripe.com/v3/"

    def start(self) -> str:
        """Start (or join) the process-wide server; return its API base URL. Idempotent."""
        global _server
        with _lock:
            if self._started and _server is not None:
                return _server.base_url
            if _server is None:
                _server = _start_server(self._pickle_path)
            elif _server.pickle_path != self._pickle_path:
                log.warning("Stripe sandbox already running in this process; sharing it")
            _server.users += 1
            self._started = True
            return _server.base_url

    def stop(self) -> None:
        """Release this handle; the last handle stops the server. Idempotent."""
        global _server
        with _lock:
            if not self._started or _server is None:
                self._started = False
                return
            self._started = False
            _server.users -= 1
            if _server.users > 0:
                return
            server, _server = _server, None
        _stop_server(server)

    def reset(self) -> None:
        """Forget every customer, intent and card (``DELETE /_config/data``)."""
        try:
            response = httpx.delete(f"{self.api_base}/_config/data", timeout=5.0)
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise ExternalServiceError(f"The Stripe sandbox could not be reset: {error}") from error

    def __enter__(self) -> StripeSandbox:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


# --- the server (runs on its own thread) -----------------------------------------------------

_loop: asyncio.AbstractEventLoop | None = None


def _event_loop() -> asyncio.AbstractEventLoop:
    """The sandbox's loop, on a daemon thread that lives as long as the process.

    aiohttp binds localstripe's module-level app to the first loop that serves it, so the loop
    outlives a stop/start cycle; only the listening site is torn down by ``stop``.
    """
    global _loop
    if _loop is None:
        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="stripe-sandbox", daemon=True).start()
        _loop = loop
    return _loop


def _start_server(pickle_path: Path) -> _Server:
    from aiohttp import web
    from localstripe import server as localstripe_server

    from linguaflex_desktop.adapters.stripe import sandbox_ext

    pickle_path.parent.mkdir(parents=True, exist_ok=True)
    loop = _event_loop()
    server = _Server(loop=loop, runner=None, base_url="", pickle_path=pickle_path)

    async def serve() -> None:
        _install_persistence(server)
        sandbox_ext.install(localstripe_server.app)
        runner = web.AppRunner(localstripe_server.app, handle_signals=False, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        server.runner, server.base_url = runner, f"http://{host}:{port}"

    asyncio.run_coroutine_threadsafe(serve(), loop).result(timeout=START_TIMEOUT_SECONDS)
    log.info("Stripe sandbox listening on %s", server.base_url)
    return server


def _stop_server(server: _Server) -> None:
    async def shutdown() -> None:
        current = asyncio.current_task()
        for task in asyncio.all_tasks():  # pending webhook deliveries
            if task is not current:
                task.cancel()
        await server.runner.cleanup()
        _flush(server)

    asyncio.run_coroutine_threadsafe(shutdown(), server.loop).result(timeout=10)
    log.info("Stripe sandbox stopped")


def _install_persistence(server: _Server) -> None:
    """Point localstripe's store at our pickle and load it (patches its Store class)."""
    from localstripe import resources

    def try_load_from_disk(store: Any) -> None:
        dict.clear(store)  # a restart in this process must not keep another folder's state
        try:
            with server.pickle_path.open("rb") as handle:
                saved = pickle.load(handle)  # our own file, in our data folder
        except FileNotFoundError:
            return
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
            log.warning("Stripe sandbox state unreadable, starting empty: %s", error)
            return
        dict.update(store, saved)

    def dump_to_disk(store: Any) -> None:
        _flush(server)

    # localstripe dumps on every single store write *and* after every POST/DELETE: keep only
    # the latter (one synchronous write per request, done before the answer is sent).
    resources.Store.__setitem__ = dict.__setitem__
    resources.Store.__delitem__ = dict.__delitem__
    resources.Store.try_load_from_disk = try_load_from_disk
    resources.Store.dump_to_disk = dump_to_disk
    resources.store.try_load_from_disk()


def _flush(server: _Server) -> None:
    from localstripe import resources

    temporary = server.pickle_path.with_suffix(".tmp")
    try:
        with temporary.open("wb") as handle:
            pickle.dump(dict(resources.store), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, server.pickle_path)
    except OSError as error:
        log.warning("Stripe sandbox state not saved: %s", error)
