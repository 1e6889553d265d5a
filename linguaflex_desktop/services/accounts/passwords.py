"""Password hashing with argon2id at OWASP's minimum or above (m=19 MiB, t=2, p=1).

The same parameters run in production and in tests (about 30 ms per hash). Hashing is CPU
work: callers run it outside their database transaction so a SQLite write lock is never held
while a hash is computed. Thread-safe.
"""

from __future__ import annotations

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

OWASP_MIN_MEMORY_KIB = 19_456
OWASP_MIN_TIME_COST = 2
PARALLELISM = 1


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
        return self._hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        """True when ``password`` matches; False for a mismatch or an unreadable hash."""
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
