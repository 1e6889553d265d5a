"""The charts of the admin's Revenue tab and the teacher's Earnings tab, on real services
(SQLite) with the FakeClock (Monday 2027-03-01 09:00 UTC): the bars drawn for one currency at a
time, switching currency, bucket and view, the tooltip of a hovered bar, the empty state, a
refused period shown inline, a screenshot of each chart under the test's temp folder, and the
revenue table exported to CSV as shown (read back with the ``csv`` module).

Payments (gross / fee / refunded; every segment below is written out by hand):
  USD  5250 / 250 /    0   Sun 10 Jan 2027, Spanish   -> kept 5000, net 250
  USD  7875 / 375 / 1000   Fri 12 Feb 2027, Spanish   -> kept 6500, net 375, refunded 1000
  EUR  4200 / 200 / 4200   Fri 12 Feb 2027, Spanish   -> refunded in full
  JPY  6300 / 300 / 6100   Sat 20 Feb 2027, Portuguese -> kept 0, net 200, refunded 6100
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.admin.revenue_figures import BY_LANGUAGE, BY_TEACHER
from linguaflex_desktop.ui.admin.revenue_page import AdminRevenuePage
from linguaflex_desktop.ui.charts import MoneyBarChart
from linguaflex_desktop.ui.payments.earnings_page import NO_EARNINGS_IN_PERIOD_TEXT, EarningsPage
from linguaflex_desktop.ui.payments.earnings_period import LAST_YEAR
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.integration.report_helpers import Parties, add_payment
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.export_ui_helpers import SaveDialog, read_csv
from tests.ui.ui_helpers import create_gig

WAIT = 10000
WEEK_OF_15_FEB = 7  # weeks of "this year" start on Mon 28 Dec 2026


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def paid(clocked_services: AppServices, school: School) -> School:
    ctx = clocked_services.ctx
    spanish = Parties(school.student.id, school.teacher.id, school.gig.id)
    portuguese_gig = create_gig(
        clocked_services, school.teacher, title="Portuguese", language="Portuguese"
    )
    portuguese = Parties(school.student.id, school.teacher.id, portuguese_gig.id)
    add_payment(ctx, spanish, at=datetime(2027, 1, 10, tzinfo=UTC), amount=5250, fee=250)
    february = datetime(2027, 2, 12, tzinfo=UTC)
    add_payment(ctx, spanish, at=february, amount=7875, fee=375, refunded=1000)
    add_payment(ctx, spanish, at=february, amount=4200, fee=200, currency="EUR", refunded=4200)
    add_payment(
        ctx,
        portuguese,
        at=datetime(2027, 2, 20, tzinfo=UTC),
        amount=6300,
        fee=300,
        currency="JPY",
        refunded=6100,
    )
    return school


@pytest.fixture
def revenue_page(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, paid: School
) -> Iterator[AdminRevenuePage]:
    page = AdminRevenuePage(services=clocked_services, actor=paid.admin.actor, runner=runner)
    qtbot.addWidget(page)
    page.resize(1400, 600)
    page.show()
    assert runner.wait_for_idle()
    yield page
    runner.wait_for_idle()


def values(chart: MoneyBarChart) -> list[tuple[int, ...]]:
    return [bar.values for bar in chart.shown_bars()]


def drawn(chart: MoneyBarChart, index: int) -> list[float]:
    """What Qt draws for the bar at ``index``: each segment in major units."""
    return [bar_set.at(index) for bar_set in chart.bar_sets]


def assert_screenshot(widget: QWidget, path: Path, colors: tuple[str, ...]) -> None:
    """Save a screenshot of ``widget`` and check it holds a drawn chart: a real image with
    pixels of each colour in ``colors`` (the bars' segments). The chart lays itself out on
    posted events, so those run first."""
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 5000
    image = QImage(str(path))
    assert image.width() > 300 and image.height() > 200
    seen = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    for color in colors:
        assert QColor(color).name() in seen, f"no {color} pixel in {path.name}"


def test_revenue_chart_stacks_one_currency_at_a_time_and_switches_currency(
    revenue_page: AdminRevenuePage, tmp_path: Path
) -> None:
    chart = revenue_page.chart
    assert chart.currency() == "EUR" and chart.currency_combo.isVisible()
    assert [chart.currency_combo.itemText(i) for i in range(3)] == ["EUR", "JPY", "USD"]
    assert [bar.label for bar in chart.shown_bars()][:3] == ["Jan 2027", "Feb 2027", "Mar 2027"]
    assert len(chart.shown_bars()) == 12  # every month of the year, empty ones at zero
    assert values(chart)[:3] == [(0, 0, 0), (0, 0, 4200), (0, 0, 0)]
    assert drawn(chart, 1) == [0.0, 0.0, 42.0]

    chart.set_currency("USD")
    assert values(chart)[:3] == [(5000, 250, 0), (6500, 375, 1000), (0, 0, 0)]
    assert drawn(chart, 1) == [65.0, 3.75, 10.0]
    assert chart.amounts.labelFormat() == "%.2f USD"
    assert_screenshot(chart, tmp_path / "revenue_chart_usd.png", ("#4c78a8", "#f58518", "#e45756"))

    chart.set_currency("JPY")  # no minor unit: drawn as is
    assert drawn(chart, 1) == [0.0, 200.0, 6100.0]
    assert chart.amounts.labelFormat() == "%.0f JPY"
    assert chart.chart.axes(Qt.Orientation.Vertical) == [chart.amounts]


def test_revenue_week_buckets_reload_keep_the_currency_and_show_figures_on_hover(
    qtbot: QtBot, revenue_page: AdminRevenuePage
) -> None:
    page, chart = revenue_page, revenue_page.chart
    chart.set_currency("JPY")
    with qtbot.waitSignal(page.report_loaded, timeout=WAIT):
        page.bucket_combo.setCurrentIndex(page.bucket_combo.findData("week"))
    assert chart.currency() == "JPY"
    assert len(chart.shown_bars()) == 53
    assert chart.shown_bars()[0].label == "Week of 28 Dec 2026"
    assert chart.shown_bars()[WEEK_OF_15_FEB].label == "Week of 15 Feb 2027"
    assert values(chart)[WEEK_OF_15_FEB] == (0, 200, 6100)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Week"
    assert [page.model.cell_text(row, "Week") for row in range(page.model.rowCount())] == [
        "Week of 4 Jan 2027",
        "Week of 8 Feb 2027",
        "Week of 8 Feb 2027",
        "Week of 15 Feb 2027",
        "Total",
        "Total",
        "Total",
    ]
    assert "by week (from Monday) in UTC" in page.caption_label.text()

    chart.bar_sets[2].hovered.emit(True, WEEK_OF_15_FEB)
    assert chart.last_tooltip == (
        "Week of 15 Feb 2027 · JPY\n"
        "Sessions: 1\n"
        "Gross: 6,300 JPY\n"
        "Platform fees: 300 JPY\n"
        "Refunds: 6,100 JPY\n"
        "Net revenue: 200 JPY\n"
        "Teacher shares kept: 0 JPY"
    )
    chart.bar_sets[0].hovered.emit(True, 0)
    assert chart.last_tooltip == "Week of 28 Dec 2026 · JPY\nNo payments"

    with qtbot.waitSignal(page.report_loaded, timeout=WAIT):
        page.bucket_combo.setCurrentIndex(page.bucket_combo.findData("day"))
    assert len(chart.shown_bars()) == 365
    assert chart.shown_bars()[50].label == "Sat 20 Feb 2027"
    assert values(chart)[50] == (0, 200, 6100)


def test_revenue_by_teacher_and_by_language_redraw_without_reloading(
    revenue_page: AdminRevenuePage, tmp_path: Path
) -> None:
    page, chart = revenue_page, revenue_page.chart
    report = page.report
    page.view_combo.setCurrentIndex(page.view_combo.findData(BY_TEACHER))
    assert page.report is report and not page.bucket_combo.isEnabled()
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Teacher"
    chart.set_currency("USD")
    assert [(bar.label, bar.values) for bar in chart.shown_bars()] == [
        ("Lucía Ruiz", (11500, 625, 1000))
    ]
    assert chart.shown_bars()[0].tooltip.splitlines()[:3] == [
        "Lucía Ruiz · USD",
        "Sessions: 2",
        "Gross: 131.25 USD",
    ]

    page.view_combo.setCurrentIndex(page.view_combo.findData(BY_LANGUAGE))
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Language"
    assert [page.model.cell_text(row, "Language") for row in range(3)] == [
        "Portuguese",
        "Spanish",
        "Spanish",
    ]
    chart.set_currency("JPY")
    assert [(bar.label, bar.values) for bar in chart.shown_bars()] == [
        ("Portuguese", (0, 200, 6100))
    ]
    assert_screenshot(page, tmp_path / "revenue_by_language.png", ("#f58518", "#e45756"))


def test_revenue_chart_shows_its_empty_state_for_a_period_without_payments(
    qtbot: QtBot, revenue_page: AdminRevenuePage
) -> None:
    page = revenue_page
    with qtbot.waitSignal(page.report_loaded, timeout=WAIT):
        page.period.set_period(LAST_YEAR)
    assert page.chart.showing_empty_state()
    assert page.chart.empty_label.text() == "No payments succeeded in this period."
    assert not page.chart.currency_combo.isVisible()


# --- the teacher's earnings -----------------------------------------------------------------


@pytest.fixture
def earnings_page(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[EarningsPage]:
    """Lucía (Madrid): a held session in February, and two PAID sessions ahead: 10 March (a
    partial refund of 10.00 USD) and 1 April 00:30 in Madrid (still 31 March in UTC)."""
    ctx = clocked_services.ctx
    lucia = Parties(school.student.id, school.teacher.id, school.gig.id)
    paid_at = datetime(2027, 1, 20, tzinfo=UTC)
    add_payment(ctx, lucia, at=paid_at, start_at=datetime(2027, 2, 10, 10, tzinfo=UTC))
    add_payment(
        ctx,
        lucia,
        at=paid_at,
        start_at=datetime(2027, 3, 10, 10, tzinfo=UTC),
        amount=7875,
        fee=375,
        refunded=1000,
    )
    add_payment(
        ctx,
        lucia,
        at=paid_at,
        start_at=datetime(2027, 3, 31, 22, 30, tzinfo=UTC),
        amount=10500,
        fee=500,
        currency="JPY",
    )
    page = EarningsPage(services=clocked_services, actor=school.teacher.actor, runner=runner)
    qtbot.addWidget(page)
    page.resize(1400, 600)
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.show()
    yield page
    runner.wait_for_idle()


def test_earnings_chart_per_month_with_upcoming_income_and_hover(
    earnings_page: EarningsPage, tmp_path: Path
) -> None:
    page, chart = earnings_page, earnings_page.chart
    assert chart.currency() == "JPY"
    assert [(bar.label, bar.values) for bar in chart.shown_bars()] == [
        ("Feb 2027", (0, 0, 0)),
        ("Mar 2027", (0, 0, 0)),
        ("Apr 2027", (0, 10000, 0)),
    ]
    assert page.upcoming_label.text() == (
        "Upcoming income: 10,000 JPY (1 session) · 65.00 USD (1 session)"
    )

    chart.set_currency("USD")
    assert values(chart) == [(5000, 0, 0), (0, 6500, 1000), (0, 0, 0)]
    assert drawn(chart, 1) == [0.0, 65.0, 10.0]
    chart.bar_sets[1].hovered.emit(True, 1)
    assert chart.last_tooltip == (
        "Mar 2027 · USD\n"
        "Sessions: 1\n"
        "Your share: 75.00 USD\n"
        "Refunded from your share: 10.00 USD\n"
        "You keep: 65.00 USD\n"
        "Earned: 0.00 USD\n"
        "Upcoming (1 session): 65.00 USD"
    )
    assert page.model.rowCount() == 3  # the table stays beside the chart
    assert_screenshot(chart, tmp_path / "earnings_chart_usd.png", ("#54a24b", "#4c78a8"))


def test_earnings_chart_empty_state_for_a_period_without_sessions(
    qtbot: QtBot, earnings_page: EarningsPage
) -> None:
    with qtbot.waitSignal(earnings_page.earnings_loaded, timeout=WAIT):
        earnings_page.period.set_period(LAST_YEAR)
    assert earnings_page.chart.showing_empty_state()
    assert earnings_page.chart.empty_label.text() == NO_EARNINGS_IN_PERIOD_TEXT
    assert earnings_page.upcoming_label.text().startswith("No upcoming income")


def test_too_many_day_buckets_are_refused_inline_and_the_chart_says_so(
    qtbot: QtBot, revenue_page: AdminRevenuePage, runner: TaskRunner
) -> None:
    page = revenue_page
    with qtbot.waitSignal(page.report_loaded, timeout=WAIT):
        page.bucket_combo.setCurrentIndex(page.bucket_combo.findData("day"))
    page.period.set_dates(date(2026, 1, 1), date(2027, 6, 30))  # 546 days
    assert runner.wait_for_idle()
    assert page.error_label.isVisible()
    assert page.error_label.text() == (
        "A revenue chart shows at most 400 days: choose a shorter period or longer buckets."
    )
    assert page.chart.showing_empty_state() and page.model.rowCount() == 0
    assert page.chart.empty_label.text() == "The revenue report could not be made."

    with qtbot.waitSignal(page.report_loaded, timeout=WAIT):
        page.bucket_combo.setCurrentIndex(page.bucket_combo.findData("month"))
    assert not page.error_label.isVisible()
    assert len(page.chart.shown_bars()) == 18


def test_revenue_table_exports_to_csv_as_shown_with_amounts_in_major_units(
    qtbot: QtBot, revenue_page: AdminRevenuePage, save_dialog: SaveDialog, tmp_path: Path
) -> None:
    page = revenue_page
    with qtbot.waitSignal(page.report_loaded, timeout=WAIT):
        page.bucket_combo.setCurrentIndex(page.bucket_combo.findData("week"))
    assert page.export_button.isEnabled()
    save_dialog.answer(tmp_path / "revenue.csv")
    page.export_button.click()
    assert page.export is not None
    with qtbot.waitSignal(page.export.finished, timeout=WAIT):
        pass
    header = ["Week", "Currency", "Sessions", "Gross", "Platform fees", "Teacher shares"]
    header += ["Refunded", "Teacher shares kept", "Net revenue"]
    assert read_csv(tmp_path / "revenue.csv") == [
        header,
        ["2027-01-04", "USD", "1", "52.50", "2.50", "50.00", "0.00", "50.00", "2.50"],
        ["2027-02-08", "EUR", "1", "42.00", "2.00", "40.00", "42.00", "0.00", "0.00"],
        ["2027-02-08", "USD", "1", "78.75", "3.75", "75.00", "10.00", "65.00", "3.75"],
        ["2027-02-15", "JPY", "1", "6300", "300", "6000", "6100", "0", "200"],
        ["Total", "EUR", "1", "42.00", "2.00", "40.00", "42.00", "0.00", "0.00"],
        ["Total", "JPY", "1", "6300", "300", "6000", "6100", "0", "200"],
        ["Total", "USD", "2", "131.25", "6.25", "125.00", "10.00", "115.00", "6.25"],
    ]
    assert page.notice_label.text() == f"Exported 7 rows to {tmp_path / 'revenue.csv'}."
    assert save_dialog.suggested[0].endswith("revenue-time-2027-01-01.csv")

    page.view_combo.setCurrentIndex(page.view_combo.findData(BY_LANGUAGE))
    save_dialog.answer(tmp_path / "languages.csv")
    page.export_button.click()
    assert page.export is not None
    with qtbot.waitSignal(page.export.finished, timeout=WAIT):
        pass
    rows = read_csv(tmp_path / "languages.csv")
    assert rows[0][:2] == ["Language", "Currency"]
    assert [row[:2] for row in rows[1:4]] == [
        ["Portuguese", "JPY"],
        ["Spanish", "EUR"],
        ["Spanish", "USD"],
    ]
