"""How the revenue chart's figures read in the admin's Revenue tab: the labels of buckets, the
table's rows and the chart's bars for each view (over time, by teacher, by language), each per
currency. Pure functions over ``RevenueChartDTO`` (no widgets); every amount comes from the
service, nothing is added up here.

A bar's segments are the teachers' shares kept, the platform's net and the refunded amount:
by the refund rule they add up to the gross of the bar.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QLocale

from linguaflex_desktop.services.reports.csv_export import CsvColumn, major_units
from linguaflex_desktop.services.reports.dto import (
    BucketKind,
    RevenueChartDTO,
    RevenueFigures,
    TeacherRevenue,
)
from linguaflex_desktop.texts import Text, tx
from linguaflex_desktop.ui.charts import ChartBar, Segment, figures_tooltip
from linguaflex_desktop.ui.i18n import day_text, localize, t

OVER_TIME = "time"
BY_TEACHER = "teacher"
BY_LANGUAGE = "language"
VIEWS = (
    (tx("Over time"), OVER_TIME),
    (tx("By teacher"), BY_TEACHER),
    (tx("By language"), BY_LANGUAGE),
)
BUCKETS: tuple[tuple[str, BucketKind], ...] = (
    (tx("Day"), "day"),
    (tx("Week"), "week"),
    (tx("Month"), "month"),
)
TOTAL = tx("Total")
SEGMENTS = (
    Segment(tx("Teacher shares kept"), "#4c78a8"),
    Segment(tx("Platform net"), "#f58518"),
    Segment(tx("Refunded"), "#e45756"),
)
# English (the CSV's first column is named by them); the table shows them with ``localize``.
FIRST_HEADERS: dict[str, Text] = {BY_TEACHER: tx("Teacher"), BY_LANGUAGE: tx("Language")}
BUCKET_HEADERS: dict[BucketKind, Text] = {
    "day": tx("Day"),
    "week": tx("Week"),
    "month": tx("Month"),
}


def localized_segments() -> tuple[Segment, ...]:
    """SEGMENTS with their legend names in the current language."""
    return tuple(replace(segment, name=localize(segment.name)) for segment in SEGMENTS)


def _month_year(start: date) -> str:
    """'Mar 2027' / 'mar 2027' in the current locale."""
    month = QLocale().standaloneMonthName(start.month, QLocale.FormatType.ShortFormat)
    return f"{month.rstrip('.')} {start.year}"


@dataclass(frozen=True)
class RevenueRow:
    """A row of the revenue table: what it is about (a bucket, a teacher, a language, or
    'Total'), its figures in one currency, whether it is a currency's total, and the first
    day of its bucket (over time; the CSV gives it as an ISO date)."""

    label: str
    figures: RevenueFigures
    total: bool = False
    start: date | None = None


def bucket_label(start: date, kind: BucketKind) -> str:
    """'Mon 29 Mar 2027', 'Week of 29 Mar 2027' (ISO weeks start on Monday), 'Mar 2027'."""
    if kind == "day":
        return day_text(start)
    if kind == "week":
        return t("Week of {day}", day=f"{start.day} {_month_year(start)}")
    return _month_year(start)


def first_header(view: str, kind: BucketKind) -> Text:
    """The header of the table's first column for ``view`` (and bucket kind over time)."""
    return FIRST_HEADERS.get(view, BUCKET_HEADERS[kind])


def _teacher_labels(lines: Sequence[TeacherRevenue]) -> dict[int, str]:
    """Teachers' names; a name two teachers share gets each one's number."""
    names = {line.teacher_id: line.teacher_name for line in lines}
    repeated = Counter(names.values())
    return {
        teacher: name if repeated[name] == 1 else f"{name} (#{teacher})"
        for teacher, name in names.items()
    }


def view_rows(report: RevenueChartDTO, view: str) -> list[RevenueRow]:
    """The lines of ``view`` as labelled rows, in the service's order."""
    if view == BY_TEACHER:
        labels = _teacher_labels(report.by_teacher)
        return [RevenueRow(labels[line.teacher_id], line) for line in report.by_teacher]
    if view == BY_LANGUAGE:
        return [RevenueRow(line.language, line) for line in report.by_language]
    return [
        RevenueRow(bucket_label(line.start, report.bucket), line, start=line.start)
        for line in report.by_bucket
    ]


def table_rows(report: RevenueChartDTO, view: str) -> tuple[RevenueRow, ...]:
    """The lines of ``view`` (only those with payments), then a total row per currency."""
    totals = [RevenueRow(TOTAL, figures, total=True) for figures in report.totals]
    return tuple(view_rows(report, view) + totals)


def chart_bars(report: RevenueChartDTO, view: str) -> dict[str, list[ChartBar]]:
    """The bars of each currency. Over time every bucket of the period has a bar (empty ones
    at zero, so time reads evenly); by teacher or language, one bar per line."""
    bars: dict[str, list[ChartBar]] = {currency: [] for currency in report.currencies}
    if view != OVER_TIME:
        for row in view_rows(report, view):
            bars[row.figures.currency].append(bar(row.label, row.figures))
        return bars
    found = {(line.start, line.currency): line for line in report.by_bucket}
    for currency in report.currencies:
        for start in report.starts:
            label = bucket_label(start, report.bucket)
            line = found.get((start, currency))
            empty = ChartBar(label, (0, 0, 0), f"{label} · {currency}\n{t('No payments')}")
            bars[currency].append(bar(label, line) if line else empty)
    return bars


def bar(label: str, figures: RevenueFigures) -> ChartBar:
    """A bar of SEGMENTS, with the figures in its tooltip."""
    values = (
        figures.teacher_share_after_refunds_minor,
        figures.net_platform_minor,
        figures.refunded_minor,
    )
    return ChartBar(label, values, tooltip_text(label, figures))


def tooltip_text(label: str, figures: RevenueFigures) -> str:
    """The figures of one bar, one per line, amounts with their currency."""
    return figures_tooltip(
        f"{localize(label)} · {figures.currency}",
        figures.currency,
        figures.sessions,
        (
            (t("Gross"), figures.gross_minor),
            (t("Platform fees"), figures.fee_minor),
            (t("Refunds"), figures.refunded_minor),
            (t("Net revenue"), figures.net_platform_minor),
            (t("Teacher shares kept"), figures.teacher_share_after_refunds_minor),
        ),
    )


def revenue_csv_columns(first: str) -> tuple[CsvColumn[RevenueRow], ...]:
    """The revenue table as CSV: ``first`` names the first column (a bucket's first day as
    an ISO date, a teacher, a language, or 'Total'); amounts in major units beside their
    currency, never summed across currencies."""

    def amount(name: str) -> CsvColumn[RevenueRow]:
        return CsvColumn(
            _CSV_AMOUNTS[name],
            lambda row: major_units(getattr(row.figures, name), row.figures.currency),
        )

    return (
        CsvColumn(first, lambda row: row.start.isoformat() if row.start else row.label),
        CsvColumn("Currency", lambda row: row.figures.currency),
        CsvColumn("Sessions", lambda row: str(row.figures.sessions)),
        *(amount(name) for name in _CSV_AMOUNTS),
    )


_CSV_AMOUNTS = {
    "gross_minor": "Gross",
    "fee_minor": "Platform fees",
    "teacher_share_minor": "Teacher shares",
    "refunded_minor": "Refunded",
    "teacher_share_after_refunds_minor": "Teacher shares kept",
    "net_platform_minor": "Net revenue",
}
