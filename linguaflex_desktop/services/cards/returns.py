"""The loopback return pages of open card setups, and the poller's wait on them.

Each card setup's Checkout Session sends the browser back to a return page of its own
(``adapters.return_pages``); the poller waits between polls on that page, so the browser
coming back ends the wait at once. Thread-safe; the waits block the calling (worker) thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from linguaflex_desktop.adapters.return_pages import ReturnPage, ReturnPageServer

ReturnPagesFactory = Callable[[], ReturnPageServer]
STEP_SECONDS = 0.1


class SetupReturns:
    """Return pages by Checkout Session id, on one lazily started ``ReturnPageServer``."""

    def __init__(
        self,
        factory: ReturnPagesFactory,
        *,
        sleep: Callable[[float], None] | None,
        monotonic: Callable[[], float],
    ) -> None:
        """``sleep`` replaces the waits (tests with a fake clock); by default a wait blocks on
        the return page itself."""
        self._factory = factory
        self._sleep = sleep
        self._monotonic = monotonic
        self._server: ReturnPageServer | None = None
        self._pages: dict[str, ReturnPage] = {}
        self._lock = threading.Lock()

    def offer(self) -> ReturnPage:
        """A new return address (starts the server on first use)."""
        with self._lock:
            if self._server is None:
                self._server = self._factory()
            server = self._server
        return server.offer()

    def remember(self, checkout_session_id: str, page: ReturnPage) -> None:
        with self._lock:
            self._pages[checkout_session_id] = page

    def came_back(self, checkout_session_id: str) -> str | None:
        """How the browser came back to the session's page ("done", "cancelled"), or None."""
        server, page = self._lookup(checkout_session_id)
        return server.came_back(page.token) if server and page else None

    def forget(self, checkout_session_id: str) -> None:
        """The setup is over: its page is no longer served (idempotent)."""
        with self._lock:
            page, server = self._pages.pop(checkout_session_id, None), self._server
        if server is not None and page is not None:
            server.close(page.token)

    def pause(
        self,
        seconds: float,
        should_cancel: Callable[[], bool],
        checkout_session_id: str,
        *,
        wake_on_return: bool,
    ) -> None:
        """Wait up to ``seconds`` in steps of 0.1 s (to honour a cancel request); the
        browser coming back ends the wait at once when ``wake_on_return``."""
        end = self._monotonic() + seconds
        server, page = self._lookup(checkout_session_id)
        watch = server if wake_on_return and page is not None else None
        while not should_cancel():
            left = end - self._monotonic()
            if left <= 0:
                return
            step = min(left, STEP_SECONDS)
            if watch is not None and page is not None:
                if self._sleep is None:
                    if watch.wait_for_return(page.token, step) is not None:
                        return
                    continue
                if watch.came_back(page.token) is not None:
                    return
            (self._sleep or time.sleep)(step)

    def close(self) -> None:
        """Stop the server and forget every page (idempotent)."""
        with self._lock:
            server, self._server = self._server, None
            self._pages.clear()
        if server is not None:
            server.stop()

    def _lookup(
        self, checkout_session_id: str
    ) -> tuple[ReturnPageServer | None, ReturnPage | None]:
        with self._lock:
            return self._server, self._pages.get(checkout_session_id)
