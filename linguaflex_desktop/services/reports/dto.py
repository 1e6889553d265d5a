"""Frozen DTOs of the admin reports: audit events, the revenue report and the revenue chart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

BucketKind = Literal["day", "week", "month"]  # ISO weeks start on Monday


@dataclass(frozen=True)
class FieldChange:
    """One field of an audited record, before and after the action (None: not recorded)."""

    name: str
    before: str | None
    after: str | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class AuditEventDTO:
    """Who did what to which record, when, and the record's fields before and after.

    ``actor_name``/``actor_email`` are None when the system acted (the worker, reconcile).
    ``before``/``after`` hold the recorded fields as text (values stored by ``record_audit``).
    """

    id: int
    created_at: datetime
    actor_id: int | None
    actor_name: str | None
    actor_email: str | None
    action: str
    entity_type: str
    entity_id: int | None
    before: Mapping[str, str | None] | None
    after: Mapping[str, str | None] | None
    reason: str

    def changes(self) -> tuple[FieldChange, ...]:
        """Every field recorded before or after, in recorded order (before's keys first)."""
        before, after = self.before or {}, self.after or {}
        names = list(before) + [name for name in after if name not in before]
        return tuple(FieldChange(name, before.get(name), after.get(name)) for name in names)


@dataclass(frozen=True)
class RevenueFigures:
    """Money of succeeded payments in one currency, int minor units.

    ``net_platform_minor`` is the platform fee kept after refunds and
    ``teacher_share_after_refunds_minor`` the teachers' part kept, by the refund rule of
    ``payments.refunds.split_after_refunds``; the two add up to ``gross - refunded``.
    """

    currency: str
    sessions: int
    gross_minor: int
    fee_minor: int
    teacher_share_minor: int
    refunded_minor: int
    teacher_share_after_refunds_minor: int
    net_platform_minor: int


@dataclass(frozen=True)
class RevenueLine(RevenueFigures):
    """The figures of one calendar month (its first day in the report's zone) and currency;
    ``month`` is None on a total."""

    month: date | None = None


@dataclass(frozen=True)
class BucketRevenue(RevenueFigures):
    """The figures of one bucket (a day, week or month; ``start`` is its first day in the
    report's zone) and currency."""

    start: date


@dataclass(frozen=True)
class TeacherRevenue(RevenueFigures):
    """The figures of one teacher's sessions in one currency over the period."""

    teacher_id: int
    teacher_name: str


@dataclass(frozen=True)
class LanguageRevenue(RevenueFigures):
    """The figures of the sessions of gigs in one language, in one currency, over the
    period."""

    language: str


@dataclass(frozen=True)
class RevenueReportDTO:
    """Revenue of payments that succeeded in ``[from_at, to_at)``, per month (in ``zone``)
    and currency, oldest month first, currencies alphabetical; ``totals`` per currency."""

    zone: str
    from_at: datetime
    to_at: datetime
    months: tuple[RevenueLine, ...]
    totals: tuple[RevenueLine, ...]


@dataclass(frozen=True)
class RevenueChartDTO:
    """Revenue of payments that succeeded in ``[from_at, to_at)``, by bucket (``bucket``:
    day, ISO week from Monday, or month, in ``zone``), by teacher and by language, each per
    currency (never summed across currencies).

    ``starts`` holds every bucket of the period, oldest first, those without payments too;
    ``by_bucket`` only the buckets with payments (oldest first, then currency); ``by_teacher``
    is ordered by name, ``by_language`` by language, then currency; ``totals`` per currency.
    """

    zone: str
    from_at: datetime
    to_at: datetime
    bucket: BucketKind
    starts: tuple[date, ...]
    by_bucket: tuple[BucketRevenue, ...]
    by_teacher: tuple[TeacherRevenue, ...]
    by_language: tuple[LanguageRevenue, ...]
    totals: tuple[RevenueFigures, ...]

    @property
    def currencies(self) -> tuple[str, ...]:
        """The currencies with payments in the period, alphabetical."""
        return tuple(total.currency for total in self.totals)
