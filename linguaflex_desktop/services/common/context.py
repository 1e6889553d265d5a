"""What every service needs: the session factory and a clock (injectable for tests)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from linguaflex_desktop.db import SharedReads, UnitOfWork

Clock = Callable[[], datetime]

# The SharedReads of ``ServiceContext.reads_together`` on the thread inside it.
_together = threading.local()


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    session_factory: sessionmaker[Session]
    clock: Clock = field(default=system_clock)

    def unit_of_work(self, *, write: bool = True, one_statement: bool = False) -> UnitOfWork:
        if not write:
            shared: SharedReads | None = getattr(_together, "reads", None)
            if shared is not None and shared.session_factory is self.session_factory:
                return shared.unit_of_work()
        return UnitOfWork(self.session_factory, write=write, one_statement=one_statement)

    @contextmanager
    def reads_together(self) -> Iterator[None]:
        """Within it, on this thread, the read-only units of work (``write=False``) share
        one session (``db.SharedReads``); writes still get their own. For calls run one
        after the other that each load the same acting user: a window's first loads."""
        if getattr(_together, "reads", None) is not None:  # the outer one serves
            yield
            return
        shared = SharedReads(self.session_factory)
        _together.reads = shared
        try:
            yield
        finally:
            _together.reads = None
            shared.close()

    def now(self) -> datetime:
        value = self.clock()
        if value.tzinfo is None:
            raise ValueError("the clock must return aware datetimes")
        return value.astimezone(UTC)
