"""How a teacher's earnings per month read in the chart of the Earnings tab: per currency, a
bar per calendar month (in the teacher's zone) from the first month with sessions to the last,
stacked from what they earned, their upcoming income (PAID sessions not started yet) and what
refunds took from their share — together their share of the month. Pure functions over
``EarningsDTO`` (no widgets); the amounts come from the service, written in the current
language and locale.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from linguaflex_desktop.services.payments.dto import EarningsDTO, MonthEarnings, UpcomingIncome
from linguaflex_desktop.ui.charts import ChartBar, Segment
from linguaflex_desktop.ui.i18n import number_text, t
from linguaflex_desktop.ui.payments.format import money


def segments() -> tuple[Segment, ...]:
    """The parts of every bar, named in the current language."""
    return (
        Segment(t("Earned"), "#54a24b"),
        Segment(t("Upcoming"), "#4c78a8"),
        Segment(t("Refunded from your share"), "#e45756"),
    )


def month_label(month: date) -> str:
    """'Mar 2027' / 'mar 2027'."""
    name = QLocale().monthName(month.month, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{name} {month.year}"


def _months_from(first: date, last: date) -> list[date]:
    months = [first]
    while months[-1] < last:
        month = months[-1]
        months.append(date(month.year + month.month // 12, month.month % 12 + 1, 1))
    return months


def earnings_bars(earnings: EarningsDTO) -> dict[str, list[ChartBar]]:
    """The bars of each currency, one per month from the first to the last with sessions."""
    if not earnings.months:
        return {}
    found = {(line.month, line.currency): line for line in earnings.months}
    months = _months_from(earnings.months[0].month, earnings.months[-1].month)
    currencies = sorted({line.currency for line in earnings.months})
    return {
        currency: [_bar(month, currency, found.get((month, currency))) for month in months]
        for currency in currencies
    }


def _bar(month: date, currency: str, line: MonthEarnings | None) -> ChartBar:
    label = month_label(month)
    if line is None:
        nothing = t("No paid sessions")
        return ChartBar(label, (0, 0, 0), f"{label} · {currency}\n{nothing}")
    values = (line.earned_minor, line.upcoming_minor, line.refunded_from_share_minor)
    return ChartBar(label, values, month_tooltip(line))


def month_tooltip(line: MonthEarnings) -> str:
    """The figures of one month and currency, one per line: 'Your share: 45.00 USD'."""
    figures = (
        (t("Your share"), line.share_minor),
        (t("Refunded from your share"), line.refunded_from_share_minor),
        (t("You keep"), line.share_after_refunds_minor),
        (t("Earned"), line.earned_minor),
        (
            t("Upcoming ({sessions})", sessions=_sessions(line.upcoming_sessions)),
            line.upcoming_minor,
        ),
    )
    lines = [
        f"{month_label(line.month)} · {line.currency}",
        t("Sessions: {count}", count=number_text(line.sessions)),
    ]
    lines += [
        t("{name}: {amount}", name=name, amount=money(amount, line.currency))
        for name, amount in figures
    ]
    return "\n".join(lines)


def upcoming_text(upcoming: tuple[UpcomingIncome, ...]) -> str:
    """'Upcoming income: 45.00 USD (1 session) · 10,000 JPY (2 sessions)', or none."""
    if not upcoming:
        return t("No upcoming income: no paid session ahead in this period.")
    parts = (
        f"{money(item.share_minor, item.currency)} ({_sessions(item.sessions)})"
        for item in upcoming
    )
    return t("Upcoming income: {amounts}", amounts=" · ".join(parts))


def _sessions(count: int) -> str:
    return t("1 session") if count == 1 else t("{n} sessions", n=number_text(count))
