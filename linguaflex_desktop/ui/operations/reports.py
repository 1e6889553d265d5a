"""Report operations (admin): the revenue report and the revenue chart. Any paged report
(audit) uses ``query`` through PagedTableModel. The lambdas run on a pool thread; callbacks on
the GUI thread."""

from __future__ import annotations

from datetime import datetime
from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.reports.dto import BucketKind
from linguaflex_desktop.ui.operations import Callbacks, OpContext, query


def revenue_report(
    ctx: OpContext,
    actor: Actor,
    *,
    from_at: datetime,
    to_at: datetime,
    zone: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: the RevenueReportDTO of the period."""
    reports = ctx.services.reports
    query(ctx, lambda: reports.revenue_report(actor, from_at=from_at, to_at=to_at, zone=zone), **cb)


def revenue_chart(
    ctx: OpContext,
    actor: Actor,
    *,
    from_at: datetime,
    to_at: datetime,
    zone: str,
    bucket: BucketKind,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: the RevenueChartDTO of the period, in ``bucket``s (day, week or month)."""
    reports = ctx.services.reports
    query(
        ctx,
        lambda: reports.revenue_chart(
            actor, from_at=from_at, to_at=to_at, zone=zone, bucket=bucket
        ),
        **cb,
    )
