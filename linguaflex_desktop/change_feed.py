"""The change feed: which kinds of data a committed transaction changed, for views to reload.

Windows of one app already tell each other through ``ui.data_changed`` when an action of theirs
succeeds. What they cannot see that way is a change made elsewhere: by the app's own worker
thread (a booking expiring, a meeting created), by ``linguaflex worker``, or by another desktop
on the same Postgres. ``db.install_change_hooks`` records the tables each transaction writes and,
when it commits, publishes their kinds here:

- SQLite: to the subscribers in this process (one app per data folder: nobody else writes);
- Postgres: with ``pg_notify`` inside the transaction (delivered only if it commits), which
  ``adapters.change_listener`` receives on its own connection in every app, this one included,
  and publishes here.

A transaction run for a UI action is marked (``UI_ACTION``): that window has announced it
already, so the feed leaves it out in the process that ran it. No Qt and no SQLAlchemy here:
the UI subscribes to a ``ChangeFeed`` and receives kinds on whatever thread published them.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass

log = logging.getLogger(__name__)

CHANNEL = "linguaflex_changes"
# One id per process, so a process knows the notifications it sent itself.
PROCESS_ORIGIN = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
# Set while a pool thread runs a UI action (ui.operations.change): its window announces it.
UI_ACTION: ContextVar[bool] = ContextVar("linguaflex_ui_action", default=False)

# The kinds of ui.data_changed.ChangeKind that each table's rows are shown as.
TABLE_KINDS: dict[str, str] = {
    "users": "user",
    "teacher_profiles": "profile",
    "gigs": "gig",
    "availability_rules": "availability",
    "availability_exceptions": "availability",
    "session_bookings": "booking",
    "reschedule_proposals": "booking",
    "meetings": "booking",  # the meeting state is a column of every booking list
    "ratings": "review",
    "booking_messages": "message",
    "cancellation_requests": "cancellation",
    "payments": "payment",
    "refunds": "payment",
    "teacher_payouts": "payout",
    "stripe_customers": "card",
    "saved_cards": "card",
    "pending_card_setups": "card",
    "outbox_jobs": "job",
    "notifications": "notification",
}


def kinds_of(tables: Iterable[str]) -> frozenset[str]:
    """The kinds shown for rows of ``tables`` (tables no view shows are left out)."""
    return frozenset(TABLE_KINDS[table] for table in tables if table in TABLE_KINDS)


@dataclass(frozen=True)
class Notice:
    """One committed transaction's change: its kinds, the process that made it, and whether
    it was a UI action (announced by its window in that process)."""

    kinds: frozenset[str]
    origin: str = PROCESS_ORIGIN
    ui_action: bool = False

    def encode(self) -> str:
        return json.dumps({"k": sorted(self.kinds), "o": self.origin, "u": self.ui_action})

    @classmethod
    def decode(cls, payload: str) -> Notice | None:
        """The notice in ``payload``, or None for a payload that is not one of ours."""
        try:
            data = json.loads(payload)
            kinds = frozenset(str(kind) for kind in data["k"])
            return cls(kinds=kinds, origin=str(data["o"]), ui_action=bool(data["u"]))
        except (ValueError, KeyError, TypeError):
            return None

    def announced_here(self) -> bool:
        """A UI action of this process: its window has told the others already."""
        return self.ui_action and self.origin == PROCESS_ORIGIN


Subscriber = Callable[[frozenset[str]], None]


class ChangeFeed:
    """Subscribers called with the kinds of each change, on the publishing thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Add ``subscriber``; returns the call that removes it."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, notice: Notice) -> None:
        """Hand ``notice``'s kinds to every subscriber, unless its window announced it."""
        if not notice.kinds or notice.announced_here():
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(notice.kinds)
            except Exception:  # one broken view must not stop the others, nor the commit
                log.exception("A change-feed subscriber failed")
