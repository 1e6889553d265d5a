"""Frozen DTOs of the admin reports: audit events and the revenue report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime


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
class RevenueLine:
    """Money of succeeded payments in one currency, int minor units.

    ``month`` is the first day of the calendar month in the report's zone; None on a total.
    ``net_platform_minor`` is the platform fee kept after refunds and
    ``teacher_share_after_refunds_minor`` the teachers' part kept, by the refund rule of
    ``payment_refunds.split_after_refunds``; the two add up to ``gross - refunded``.
    """

    currency: str
    sessions: int
    gross_minor: int
    fee_minor: int
    teacher_share_minor: int
    refunded_minor: int
    teacher_share_after_refunds_minor: int
    net_platform_minor: int
    month: date | None = None


@dataclass(frozen=True)
class RevenueReportDTO:
    """Revenue of payments that succeeded in ``[from_at, to_at)``, per month (in ``zone``)
    and currency, oldest month first, currencies alphabetical; ``totals`` per currency."""

    zone: str
    from_at: datetime
    to_at: datetime
    months: tuple[RevenueLine, ...]
    totals: tuple[RevenueLine, ...]
