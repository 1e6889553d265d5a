"""Hears the change feed's Postgres notifications (``change_feed.CHANNEL``) on a connection of
its own and publishes them to this process's ``ChangeFeed``.

A daemon thread: ``LISTEN`` in autocommit mode, then waits for notifications in short slices so
that ``stop`` returns within about ``poll_seconds``. When the connection drops (the server
restarted, the network went away) it reconnects with a growing pause and then publishes every
kind once, since notifications sent meanwhile were lost: the views reload what they show.
"""

from __future__ import annotations

import logging
import threading

import psycopg

from linguaflex_desktop.change_feed import CHANNEL, TABLE_KINDS, ChangeFeed, Notice

log = logging.getLogger(__name__)

RETRY_SECONDS = (1.0, 2.0, 5.0, 10.0, 30.0)


class ChangeListener:
    """``start`` once; ``stop`` (idempotent) ends the thread and closes its connection."""

    def __init__(self, conninfo: str, feed: ChangeFeed, *, poll_seconds: float = 0.5) -> None:
        self._conninfo = conninfo
        self._feed = feed
        self._poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()  # set while LISTEN is in force (tests wait on it)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="linguaflex-change-listener", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._listen(reconnected=failures > 0)
                failures = 0
            except psycopg.Error as error:
                self.listening.clear()
                pause = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                log.warning("Change feed: %s; listening again in %.0f s", error, pause)
                self._stop.wait(pause)

    def _listen(self, *, reconnected: bool) -> None:
        with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=10) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self.listening.set()
            if reconnected:  # what changed while we were away is unknown: reload everything
                self._feed.publish(Notice(kinds=frozenset(TABLE_KINDS.values()), origin=""))
            while not self._stop.is_set():
                for notify in connection.notifies(timeout=self._poll_seconds):
                    notice = Notice.decode(notify.payload)
                    if notice is not None:
                        self._feed.publish(notice)
            self.listening.clear()
