"""Report operations (admin): the revenue report and the revenue chart, and writing CSV
exports. Any paged report (audit) uses ``query`` through PagedTableModel. The lambdas run on
a pool thread; callbacks on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar, Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.reports.csv_export import CsvColumn, write_csv
from linguaflex_desktop.services.reports.dto import BucketKind
from linguaflex_desktop.ui.operations import Callbacks, OpContext, load, query
from linguaflex_desktop.ui.task_runner import TaskRunner

T = TypeVar("T")


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


def export_rows(
    runner: TaskRunner,
    path: Path,
    columns: Sequence[CsvColumn[T]],
    fetch_rows: Callable[[], Iterable[T]],
    *,
    total: int | None,
    progress: Callable[[int, int | None], None],
    cancelled: Callable[[], bool],
    **cb: Unpack[Callbacks],
) -> None:
    """Write a CSV export: ``fetch_rows()`` (it may page through the database) and the file
    writing both run on a pool thread; success delivers the number of rows written."""
    load(
        runner,
        lambda: write_csv(
            path, columns, fetch_rows(), total=total, progress=progress, cancelled=cancelled
        ),
        **cb,
    )
