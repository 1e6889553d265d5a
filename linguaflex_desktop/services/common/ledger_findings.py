"""What the last ledger verification found, kept for the needs-attention list.

The ledger verification (``payments.verify``) changes nothing and stores nothing in the
database; it puts its differences here (the whole set after a complete run, one payment's
after that payment is verified again), and the needs-attention rules read them. One holder
per process (``AppServices.ledger_findings``); empty until a verification has run. Plain
values only, so that reports may read what payments wrote. Thread-safe.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class LedgerFinding:
    """One difference the verification found (``payments.stripe_dto.LedgerDifference``, and
    when): amounts are minor units of ``currency``, other values text, None for nothing."""

    payment_id: int
    booking_id: int
    payment_intent_id: str
    kind: str
    currency: str
    ours: int | str | None
    stripe: int | str | None
    refund: str | None
    found_at: datetime


class LedgerFindings:
    """The last verification's differences (module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._findings: tuple[LedgerFinding, ...] = ()

    def replace_all(self, findings: Iterable[LedgerFinding]) -> None:
        """A complete verification ran: these are all the differences there are."""
        fresh = tuple(findings)
        with self._lock:
            self._findings = fresh

    def replace_payment(self, payment_id: int, findings: Iterable[LedgerFinding]) -> None:
        """One payment was verified again: its differences are now these."""
        fresh = tuple(findings)
        with self._lock:
            kept = tuple(f for f in self._findings if f.payment_id != payment_id)
            self._findings = kept + fresh

    def current(self) -> tuple[LedgerFinding, ...]:
        with self._lock:
            return self._findings
