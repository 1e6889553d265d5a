"""Password hashing with argon2id at OWASP's minimum or above (m=19 MiB, t=2, p=1).

The same parameters run in production and in tests (about 30 ms per hash). Hashing is CPU
work: callers run it outside their database transaction so a SQLite write lock is never held
while a hash is computed. Thread-safe.

Every hash and verification of a process runs on one long-lived thread (the caller waits for
it): argon2 works in 19 MiB of fresh memory, which the C allocator keeps per thread. On a
thread that never hashed, faulting those pages in made the check take about twice as long
(40-50 ms against 20-25 ms on this machine); a sign-in came on whichever pool thread was free.
One thread also bounds the memory and CPU that parallel attempts can take. ``warm_up`` pays
the first use ahead, while the sign-in window waits for the user.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

T = TypeVar("T")

OWASP_MIN_MEMORY_KIB = 19_456
OWASP_MIN_TIME_COST = 2
PARALLELISM = 1
HASHING_THREAD_NAME = "linguaflex-argon2"
WARM_UP_PASSWORD = "linguaflex-warm-up"  # hashed and checked once, never stored


class _HashingThread:
    """The process's one thread for argon2, started on first use; made anew in a forked
    child (the parent's thread does not exist there)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = 0
        self._executor: ThreadPoolExecutor | None = None

    def run(self, work: Callable[[], T]) -> T:
        if threading.current_thread().name.startswith(HASHING_THREAD_NAME):
            return work()  # already on it
        return self._get().submit(work).result()

    def _get(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None or self._pid != os.getpid():
                self._pid = os.getpid()
                self._executor = ThreadPoolExecutor(1, thread_name_prefix=HASHING_THREAD_NAME)
            return self._executor


_hashing_thread = _HashingThread()


class PasswordHasher:
    """argon2id hashing; refuses parameters below OWASP's minimum."""

    def __init__(
        self,
        *,
        time_cost: int = OWASP_MIN_TIME_COST,
        memory_cost_kib: int = OWASP_MIN_MEMORY_KIB,
        parallelism: int = PARALLELISM,
    ) -> None:
        if time_cost < OWASP_MIN_TIME_COST or memory_cost_kib < OWASP_MIN_MEMORY_KIB:
            raise ValueError("argon2id parameters below the OWASP minimum (m=19 MiB, t=2)")
        if parallelism < 1:
            raise ValueError("argon2id parallelism must be at least 1")
        self._hasher = argon2.PasswordHasher(
            time_cost=time_cost,
            memory_cost=memory_cost_kib,
            parallelism=parallelism,
            type=argon2.Type.ID,
        )
        self._dummy_hash: str | None = None

    def hash(self, password: str) -> str:
        return _hashing_thread.run(lambda: self._hasher.hash(password))

    def verify(self, stored_hash: str, password: str) -> bool:
        """True when ``password`` matches; False for a mismatch or an unreadable hash."""
        return _hashing_thread.run(lambda: self._verify_here(stored_hash, password))

    def warm_up(self) -> None:
        """Hash and check a throw-away password on the hashing thread: its first use (the
        working memory faulted in) is paid now rather than by the next sign-in."""
        self.verify(self.hash(WARM_UP_PASSWORD), WARM_UP_PASSWORD)

    def _verify_here(self, stored_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        """True when the hash was made with other (e.g. older, weaker) parameters."""
        try:
            return self._hasher.check_needs_rehash(stored_hash)
        except InvalidHashError:
            return True

    def burn_time(self, password: str) -> None:
        """Spend the time of one verification, so an unknown email takes as long as a known
        one with a wrong password (no account enumeration by timing)."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hash("linguaflex-dummy-password")
        self.verify(self._dummy_hash, password)
