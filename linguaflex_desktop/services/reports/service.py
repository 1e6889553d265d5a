"""Admin reports (DESIGN.md section 2): the audit trail and the revenue report. Pure reads,
admins only; each call is one read transaction on the calling (worker) thread.

Audit trail: newest first, ordered by ``(created_at, id)`` so the ``created_at`` index (or the
``(entity_type, entity_id)`` index when a record is asked for) serves the ORDER BY; the actor's
name comes from the same query (outer join: the system acts without a user).

Revenue: payments with status ``succeeded`` whose ``succeeded_at`` lies in ``[from_at, to_at)``,
grouped in SQL by calendar month in the admin's zone and by currency. The month of a payment is
found portably (SQLite has no time zones): the UTC instants where months begin in that zone are
computed here and compared in a ``CASE`` inside the query, so daylight-saving changes are
exact. Refunds are counted against the month of the payment they return (``refunded_minor``:
refunds Stripe accepted), split between platform fee and teacher share by the rule of
``payment_refunds.split_after_refunds`` (teacher's share first; a full refund returns the fee).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, literal_column, select
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import AuditEvent, Payment, PaymentAttemptStatus, Role, User
from linguaflex_desktop.services.booking.availability import local_midnight_utc
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.validation import (
    check_instant,
    check_optional_id,
    check_paging,
    clean_line,
    validate_time_zone,
)
from linguaflex_desktop.services.reports.dto import AuditEventDTO, RevenueLine, RevenueReportDTO

MAX_REPORT_MONTHS = 120
MAX_FILTER_LENGTH = 100  # audit actions and record kinds are short identifiers
_FIGURES = (
    "sessions",
    "gross_minor",
    "fee_minor",
    "teacher_share_minor",
    "refunded_minor",
    "teacher_share_after_refunds_minor",
    "net_platform_minor",
)


class ReportService:
    """The admin's audit trail and revenue report (module docstring). Thread-safe."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list_audit_events(
        self,
        actor: Actor,
        *,
        entity_type: str | None = None,
        entity_id: int | None = None,
        actor_id: int | None = None,
        action_prefix: str | None = None,
        from_at: datetime | None = None,
        to_at: datetime | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> Page[AuditEventDTO]:
        """A page of audit events, newest first, with the total matching the filters.

        ``action_prefix`` matches literally ("booking." or "refund.succeeded"); ``from_at`` /
        ``to_at`` bound ``created_at`` as ``[from_at, to_at)`` and must be aware. An
        ``entity_id`` needs its ``entity_type``. Admins only (PermissionDenied otherwise).
        """
        check_paging(offset, limit)
        conditions = _audit_conditions(
            entity_type=entity_type,
            entity_id=check_optional_id(entity_id, what="record"),
            actor_id=check_optional_id(actor_id, what="user"),
            action_prefix=action_prefix,
            from_at=_aware(from_at, "from"),
            to_at=_aware(to_at, "to"),
        )
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            total = uow.session.scalar(
                select(func.count()).select_from(AuditEvent).where(*conditions)
            )
            rows = uow.session.execute(
                select(AuditEvent, User.display_name, User.email)
                .outerjoin(User, User.id == AuditEvent.actor_id)
                .where(*conditions)
                .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
                .offset(offset)
                .limit(limit)
            )
            items = tuple(_audit_dto(event, name, email) for event, name, email in rows)
        return Page(items=items, total=int(total or 0), offset=offset, limit=limit)

    def revenue_report(
        self, actor: Actor, *, from_at: datetime, to_at: datetime, zone: str
    ) -> RevenueReportDTO:
        """Revenue of the payments that succeeded in ``[from_at, to_at)`` (aware instants),
        per calendar month in ``zone`` and per currency, with totals per currency. Months
        without payments are left out. At most ``MAX_REPORT_MONTHS`` months. Admins only."""
        from_at = check_instant(from_at, what="The 'from' time")
        to_at = check_instant(to_at, what="The 'to' time")
        if from_at >= to_at:
            raise ValidationError("Choose a period whose start comes before its end.")
        where = ZoneInfo(validate_time_zone(zone))
        months = _months_between(from_at, to_at, where)
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            lines = _month_lines(uow.session, from_at, to_at, months, where)
        return RevenueReportDTO(
            zone=where.key,
            from_at=from_at,
            to_at=to_at,
            months=lines,
            totals=_totals(lines),
        )


# --- audit ----------------------------------------------------------------------------------


def _aware(value: datetime | None, which: str) -> datetime | None:
    """An optional bound of the audit filter: None, or an aware instant (in UTC)."""
    return None if value is None else check_instant(value, what=f"The '{which}' time")


def _audit_conditions(
    *,
    entity_type: str | None,
    entity_id: int | None,
    actor_id: int | None,
    action_prefix: str | None,
    from_at: datetime | None,
    to_at: datetime | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    entity_type = clean_line(entity_type, what="record kind", limit=MAX_FILTER_LENGTH)
    action_prefix = clean_line(action_prefix, what="action filter", limit=MAX_FILTER_LENGTH)
    if entity_id is not None and not entity_type:
        raise ValidationError("Choose the kind of record to look up a record by its number.")
    if entity_type:
        conditions.append(AuditEvent.entity_type == entity_type)
    if entity_id is not None:
        conditions.append(AuditEvent.entity_id == entity_id)
    if actor_id is not None:
        conditions.append(AuditEvent.actor_id == actor_id)
    if action_prefix:
        conditions.append(AuditEvent.action.startswith(action_prefix, autoescape=True))
    if from_at is not None:
        conditions.append(AuditEvent.created_at >= from_at)
    if to_at is not None:
        conditions.append(AuditEvent.created_at < to_at)
    return conditions


def _audit_dto(event: AuditEvent, name: str | None, email: str | None) -> AuditEventDTO:
    return AuditEventDTO(
        id=event.id,
        created_at=event.created_at,
        actor_id=event.actor_id,
        actor_name=name,
        actor_email=email,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        before=dict(event.before) if event.before is not None else None,
        after=dict(event.after) if event.after is not None else None,
        reason=event.reason or "",
    )


# --- revenue --------------------------------------------------------------------------------


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months_between(from_at: datetime, to_at: datetime, where: ZoneInfo) -> tuple[date, ...]:
    """First days (in ``where``) of the months that ``[from_at, to_at)`` touches."""
    month = from_at.astimezone(where).date().replace(day=1)
    last = (to_at - timedelta(microseconds=1)).astimezone(where).date().replace(day=1)
    months = [month]
    while month < last:
        month = _month_after(month)
        months.append(month)
        if len(months) > MAX_REPORT_MONTHS:
            raise ValidationError(
                f"A revenue report covers at most {MAX_REPORT_MONTHS // 12} years."
            )
    return tuple(months)


def _month_index(months: Sequence[date], where: ZoneInfo) -> ColumnElement[Any]:
    """SQL: the position in ``months`` of the month a payment succeeded in."""
    starts = [local_midnight_utc(month, where) for month in months[1:]]
    if not starts:
        return literal_column("0")
    whens = [(Payment.succeeded_at < start, index) for index, start in enumerate(starts)]
    return case(*whens, else_=len(starts))


def _month_lines(
    session: Session,
    from_at: datetime,
    to_at: datetime,
    months: Sequence[date],
    where: ZoneInfo,
) -> tuple[RevenueLine, ...]:
    remaining = Payment.amount_minor - Payment.refunded_minor
    fee_kept = case(
        (Payment.refunded_minor >= Payment.amount_minor, 0),
        (remaining < Payment.fee_minor, remaining),
        else_=Payment.fee_minor,
    )
    per_payment = (
        select(
            _month_index(months, where).label("month_index"),
            Payment.currency.label("currency"),
            Payment.amount_minor.label("gross"),
            Payment.fee_minor.label("fee"),
            Payment.teacher_share_minor.label("share"),
            Payment.refunded_minor.label("refunded"),
            fee_kept.label("fee_kept"),
        )
        .where(
            and_(
                Payment.status == PaymentAttemptStatus.SUCCEEDED,
                Payment.succeeded_at >= from_at,
                Payment.succeeded_at < to_at,
            )
        )
        .subquery()
    )
    paid = per_payment.c
    rows = session.execute(
        select(
            paid.month_index,
            paid.currency,
            func.count(),
            func.sum(paid.gross),
            func.sum(paid.fee),
            func.sum(paid.share),
            func.sum(paid.refunded),
            func.sum(paid.fee_kept),
        )
        .group_by(paid.month_index, paid.currency)
        .order_by(paid.month_index, paid.currency)
    )
    return tuple(_line(months, *row) for row in rows)


def _line(
    months: Sequence[date],
    month_index: int,
    currency: str,
    sessions: int,
    gross: int,
    fee: int,
    share: int,
    refunded: int,
    fee_kept: int,
) -> RevenueLine:
    gross, refunded, fee_kept = int(gross), int(refunded), int(fee_kept)
    return RevenueLine(
        currency=currency,
        sessions=int(sessions),
        gross_minor=gross,
        fee_minor=int(fee),
        teacher_share_minor=int(share),
        refunded_minor=refunded,
        teacher_share_after_refunds_minor=gross - refunded - fee_kept,
        net_platform_minor=fee_kept,
        month=months[int(month_index)],
    )


def _totals(lines: Sequence[RevenueLine]) -> tuple[RevenueLine, ...]:
    sums: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(_FIGURES, 0))
    for line in lines:
        for name in _FIGURES:
            sums[line.currency][name] += getattr(line, name)
    return tuple(
        RevenueLine(
            currency=currency,
            sessions=figures["sessions"],
            gross_minor=figures["gross_minor"],
            fee_minor=figures["fee_minor"],
            teacher_share_minor=figures["teacher_share_minor"],
            refunded_minor=figures["refunded_minor"],
            teacher_share_after_refunds_minor=figures["teacher_share_after_refunds_minor"],
            net_platform_minor=figures["net_platform_minor"],
        )
        for currency, figures in sorted(sums.items())
    )
