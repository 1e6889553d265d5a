"""Admin reports (DESIGN.md section 2): the audit trail and the revenue report. Pure reads,
admins only; each call is one read transaction on the calling (worker) thread.

Audit trail: newest first, ordered by ``(created_at, id)`` so the ``created_at`` index (or the
``(entity_type, entity_id)`` index when a record is asked for) serves the ORDER BY; the actor's
name comes from the same query (outer join: the system acts without a user).

Revenue: payments with status ``succeeded`` whose ``succeeded_at`` lies in ``[from_at, to_at)``,
per currency and per calendar bucket in the admin's zone — a month for the revenue report; a
day, an ISO week (from Monday) or a month for the revenue chart, which also gives the figures
per teacher and per language. The bucket boundaries and the SQL live in ``buckets.py`` and
``revenue.py`` (daylight-saving exact on SQLite and Postgres; refunds split by the refund rule).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import AuditEvent, Gig, Payment, Role, SessionBooking, User
from linguaflex_desktop.services.booking.rules import shown_reason
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.stored_texts import recall
from linguaflex_desktop.services.common.validation import (
    check_instant,
    check_optional_id,
    check_paging,
    clean_line,
    validate_time_zone,
)
from linguaflex_desktop.services.reports.buckets import (
    bucket_index,
    bucket_starts,
    check_bucket_kind,
)
from linguaflex_desktop.services.reports.dto import (
    AuditEventDTO,
    BucketKind,
    BucketRevenue,
    LanguageRevenue,
    RevenueChartDTO,
    RevenueFigures,
    RevenueLine,
    RevenueReportDTO,
    TeacherRevenue,
)
from linguaflex_desktop.services.reports.revenue import (
    BOOKING,
    GIG,
    TEACHER,
    Figures,
    grouped_revenue,
    totals_by_currency,
)
from linguaflex_desktop.texts import Text, tx

MAX_REPORT_MONTHS = 120
MAX_CHART_BUCKETS = 400
MAX_FILTER_LENGTH = 100  # audit actions and record kinds are short identifiers


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
            from_at=_aware(from_at, tx("The 'from' time")),
            to_at=_aware(to_at, tx("The 'to' time")),
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
        from_at, to_at, where = _checked_period(from_at, to_at, zone)
        months = bucket_starts(
            from_at,
            to_at,
            where,
            "month",
            limit=MAX_REPORT_MONTHS,
            too_many=tx(
                "A revenue report covers at most {years} years.", years=MAX_REPORT_MONTHS // 12
            ),
        )
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            rows = _by_bucket(uow.session, from_at, to_at, months, where)
        lines = tuple(RevenueLine(**figures, month=months[index]) for (index,), figures in rows)
        totals = tuple(RevenueLine(**figures) for figures in totals_by_currency(lines))
        return RevenueReportDTO(
            zone=where.key, from_at=from_at, to_at=to_at, months=lines, totals=totals
        )

    def revenue_chart(
        self,
        actor: Actor,
        *,
        from_at: datetime,
        to_at: datetime,
        zone: str,
        bucket: BucketKind = "month",
    ) -> RevenueChartDTO:
        """Revenue of the payments that succeeded in ``[from_at, to_at)`` (aware instants)
        per ``bucket`` ("day", "week": ISO weeks from Monday, "month"; in ``zone``), per
        teacher and per language, each per currency, with totals per currency. At most
        ``MAX_CHART_BUCKETS`` buckets. Admins only; one read transaction."""
        from_at, to_at, where = _checked_period(from_at, to_at, zone)
        kind = check_bucket_kind(bucket)
        starts = bucket_starts(
            from_at,
            to_at,
            where,
            kind,
            limit=MAX_CHART_BUCKETS,
            too_many=_too_many_buckets(kind),
        )
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            buckets = _by_bucket(uow.session, from_at, to_at, starts, where)
            teachers = grouped_revenue(
                uow.session,
                from_at=from_at,
                to_at=to_at,
                keys=(User.display_name, SessionBooking.teacher_id),
                joins=(BOOKING, TEACHER),
            )
            languages = grouped_revenue(
                uow.session, from_at=from_at, to_at=to_at, keys=(Gig.language,), joins=(GIG,)
            )
        by_bucket = tuple(BucketRevenue(**figures, start=starts[i]) for (i,), figures in buckets)
        return RevenueChartDTO(
            zone=where.key,
            from_at=from_at,
            to_at=to_at,
            bucket=kind,
            starts=starts,
            by_bucket=by_bucket,
            by_teacher=tuple(
                TeacherRevenue(**figures, teacher_id=int(teacher_id), teacher_name=name)
                for (name, teacher_id), figures in teachers
            ),
            by_language=tuple(
                LanguageRevenue(**figures, language=language) for (language,), figures in languages
            ),
            totals=tuple(RevenueFigures(**figures) for figures in totals_by_currency(by_bucket)),
        )


def _too_many_buckets(kind: BucketKind) -> Text:
    if kind == "day":
        return tx(
            "A revenue chart shows at most {most} days: choose a shorter period or longer buckets.",
            most=MAX_CHART_BUCKETS,
        )
    if kind == "week":
        return tx(
            "A revenue chart shows at most {most} weeks: choose a shorter period or longer "
            "buckets.",
            most=MAX_CHART_BUCKETS,
        )
    return tx(
        "A revenue chart shows at most {most} months: choose a shorter period or longer buckets.",
        most=MAX_CHART_BUCKETS,
    )


# --- audit ----------------------------------------------------------------------------------


def _aware(value: datetime | None, what: str) -> datetime | None:
    """An optional bound of the audit filter: None, or an aware instant (in UTC)."""
    return None if value is None else check_instant(value, what=what)


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
    entity_type = clean_line(entity_type, what=tx("record kind"), limit=MAX_FILTER_LENGTH)
    action_prefix = clean_line(action_prefix, what=tx("action filter"), limit=MAX_FILTER_LENGTH)
    if entity_id is not None and not entity_type:
        raise ValidationError(tx("Choose the kind of record to look up a record by its number."))
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
        # the app's own sentences in the reader's language, a person's words as written
        reason=shown_reason(recall(event.reason or "")),
    )


# --- revenue --------------------------------------------------------------------------------


def _checked_period(
    from_at: datetime, to_at: datetime, zone: str
) -> tuple[datetime, datetime, ZoneInfo]:
    """The period's bounds as aware UTC instants and the zone, or ValidationError."""
    from_at = check_instant(from_at, what=tx("The 'from' time"))
    to_at = check_instant(to_at, what=tx("The 'to' time"))
    if from_at >= to_at:
        raise ValidationError(tx("Choose a period whose start comes before its end."))
    return from_at, to_at, ZoneInfo(validate_time_zone(zone))


def _by_bucket(
    session: Session,
    from_at: datetime,
    to_at: datetime,
    starts: tuple[date, ...],
    where: ZoneInfo,
) -> list[tuple[tuple[Any, ...], Figures]]:
    """The figures per bucket position (in ``starts``) and currency."""
    index = bucket_index(Payment.succeeded_at, starts, where)
    return grouped_revenue(session, from_at=from_at, to_at=to_at, keys=(index,))
