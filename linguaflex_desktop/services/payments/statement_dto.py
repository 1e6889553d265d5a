"""Frozen DTOs of teacher statements: what each teacher earned, was paid out and is owed,
per currency, and the payouts an admin recorded. Plain values only (int minor units, aware
UTC instants, calendar dates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class StatementLine:
    """One teacher's figures in one currency, int minor units.

    ``sessions``/``earned_minor``: payments that succeeded in the period and the teacher's
    share of them kept after refunds (a refund comes out of the teacher's share first).
    ``paid_out_minor``: payouts dated in the period. The ``*_to_date`` figures count
    everything up to the period's end; ``owed_minor`` is what was still owed then.
    """

    teacher_id: int
    teacher_name: str
    currency: str
    sessions: int
    earned_minor: int
    paid_out_minor: int
    earned_to_date_minor: int
    paid_out_to_date_minor: int

    @property
    def owed_minor(self) -> int:
        return self.earned_to_date_minor - self.paid_out_to_date_minor

    @property
    def can_pay_out(self) -> bool:
        """Something is owed at the period's end: an admin may mark (part of) it paid out
        (``record_payout`` checks what is owed now)."""
        return self.owed_minor > 0


@dataclass(frozen=True)
class PayoutDTO:
    """A payout an admin recorded: ``paid_on`` is the day the money was paid."""

    id: int
    teacher_id: int
    teacher_name: str
    currency: str
    amount_minor: int
    paid_on: date
    reference: str
    note: str
    recorded_by_name: str
    created_at: datetime


@dataclass(frozen=True)
class StatementDTO:
    """Statements of the days ``first_day`` up to (not including) ``end_day`` in ``zone``,
    i.e. the instants ``[from_at, to_at)``: a line per teacher and currency (teachers by
    name, currencies alphabetical) and the payouts dated in the period (oldest first)."""

    zone: str
    first_day: date
    end_day: date
    from_at: datetime
    to_at: datetime
    lines: tuple[StatementLine, ...]
    payouts: tuple[PayoutDTO, ...]

    def lines_of(self, teacher_id: int) -> tuple[StatementLine, ...]:
        return tuple(line for line in self.lines if line.teacher_id == teacher_id)

    def payouts_of(self, teacher_id: int) -> tuple[PayoutDTO, ...]:
        return tuple(payout for payout in self.payouts if payout.teacher_id == teacher_id)
