"""Sign-in race helpers: a hasher that counts password checks, and the child process of the
Postgres process race (spawned children import this module by name)."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from linguaflex_desktop.db import create_app_engine, create_session_factory
from linguaflex_desktop.errors import AccountLocked, AuthenticationFailed
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.common.context import ServiceContext


class CountingHasher(PasswordHasher):
    """A real hasher that counts the password checks it ran (thread-safe)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self.checks = 0

    def verify(self, stored_hash: str, password: str) -> bool:
        with self._lock:
            self.checks += 1
        return super().verify(stored_hash, password)


def outcome_of(call: Any) -> str:
    """ "ok", "locked", "wrong", or "error: ..." for a sign-in attempt."""
    try:
        call()
        return "ok"
    except AccountLocked:
        return "locked"
    except AuthenticationFailed:
        return "wrong"
    except Exception as error:
        return f"error: {type(error).__name__}: {error}"


def guess_in_child(
    database_url: str, now: datetime, email: str, password: str, barrier: Any, results: Any
) -> None:
    """Child process: wait for all siblings, guess once, report (outcome, checks run)."""
    engine = create_app_engine(database_url)
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=lambda: now)
    hasher = CountingHasher()
    accounts = AccountService(ctx, password_hasher=hasher)
    try:
        barrier.wait(timeout=60)
        outcome = outcome_of(lambda: accounts.authenticate(email=email, password=password))
        results.put((outcome, hasher.checks))
    finally:
        engine.dispose()
