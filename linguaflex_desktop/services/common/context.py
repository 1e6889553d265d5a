"""What every service needs: the session factory and a clock (injectable for tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from linguaflex_desktop.db import UnitOfWork

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    session_factory: sessionmaker[Session]
    clock: Clock = field(default=system_clock)

    def unit_of_work(self, *, write: bool = True, one_statement: bool = False) -> UnitOfWork:
        return UnitOfWork(self.session_factory, write=write, one_statement=one_statement)

    def now(self) -> datetime:
        value = self.clock()
        if value.tzinfo is None:
            raise ValueError("the clock must return aware datetimes")
        return value.astimezone(UTC)
