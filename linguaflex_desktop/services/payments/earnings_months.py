"""A teacher's earnings per calendar month of the session's start (in the teacher's zone) and
currency, and their upcoming income: their share, after refunds, of the sessions still PAID
that have not started yet. Pure functions over the earnings lines that ``teacher_earnings``
already read (a teacher's own sessions: few enough to group here, exactly, with zoneinfo).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from linguaflex_desktop.services.payments.dto import EarningsLine, MonthEarnings, UpcomingIncome


@dataclass(frozen=True)
class DatedLine:
    """An earnings line and whether it is upcoming income (PAID, not started yet)."""

    line: EarningsLine
    upcoming: bool


@dataclass
class _Sums:
    sessions: int = 0
    share: int = 0
    kept: int = 0
    upcoming_sessions: int = 0
    upcoming: int = 0

    def add(self, dated: DatedLine) -> None:
        line = dated.line
        self.sessions += 1
        self.share += line.share_minor
        self.kept += line.share_after_refunds_minor
        if dated.upcoming:
            self.upcoming_sessions += 1
            self.upcoming += line.share_after_refunds_minor


def month_earnings(lines: Sequence[DatedLine], where: ZoneInfo) -> tuple[MonthEarnings, ...]:
    """Per month of the session's start in ``where`` and currency, oldest month first, then
    currency."""
    sums: dict[tuple[date, str], _Sums] = defaultdict(_Sums)
    for dated in lines:
        month = dated.line.start_at.astimezone(where).date().replace(day=1)
        sums[(month, dated.line.currency)].add(dated)
    return tuple(
        MonthEarnings(
            month=month,
            currency=currency,
            sessions=figures.sessions,
            share_minor=figures.share,
            refunded_from_share_minor=figures.share - figures.kept,
            share_after_refunds_minor=figures.kept,
            earned_minor=figures.kept - figures.upcoming,
            upcoming_sessions=figures.upcoming_sessions,
            upcoming_minor=figures.upcoming,
        )
        for (month, currency), figures in sorted(sums.items())
    )


def upcoming_income(months: Sequence[MonthEarnings]) -> tuple[UpcomingIncome, ...]:
    """The upcoming income of ``months`` per currency (alphabetical); currencies without
    upcoming sessions are left out."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for month in months:
        if month.upcoming_sessions:
            sums[month.currency][0] += month.upcoming_sessions
            sums[month.currency][1] += month.upcoming_minor
    return tuple(
        UpcomingIncome(currency=currency, sessions=sessions, share_minor=share)
        for currency, (sessions, share) in sorted(sums.items())
    )
