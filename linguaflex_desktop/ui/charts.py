"""A stacked bar chart of money on Qt Charts, one currency at a time (amounts of different
currencies are never added up or drawn on one axis; a currency selector appears when there
are several). Each bar is made of segments that add up to a whole (e.g. teacher share, platform
net and refunded make the gross); the value axis is labelled in the currency; hovering a bar
shows its figures as a tooltip; with no bars the chart gives way to an empty-state text.

The pages hand it plain ``ChartBar`` values (int minor units, texts already written); only the
drawing converts minor units to major units for Qt's axis. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.currency import minor_unit_exponent
from linguaflex_desktop.ui.i18n import localize, money_text, number_text, t
from linguaflex_desktop.ui.theme import themed

ANGLED_LABELS_FROM = 7  # from this many bars on, category labels are turned upright


@dataclass(frozen=True)
class Segment:
    """One part of every bar: its legend name (a ``Text`` or words already translated)
    and colour ("#rrggbb")."""

    name: str
    color: str


@dataclass(frozen=True)
class ChartBar:
    """One bar: its category label, a value per segment (int minor units, none negative) and
    the tooltip text shown on hover."""

    label: str
    values: tuple[int, ...]
    tooltip: str


def figures_tooltip(
    title: str, currency: str, sessions: int, amounts: Sequence[tuple[str, int]]
) -> str:
    """A bar's tooltip: its title, the number of sessions, then one named amount of
    ``currency`` per line ('Gross: 52.50 USD'), in the current language and locale (the
    title and names may be ``Text``)."""
    lines = [localize(title), t("Sessions: {count}", count=number_text(sessions))]
    lines += [
        t("{name}: {amount}", name=localize(name), amount=money_text(amount, currency))
        for name, amount in amounts
    ]
    return "\n".join(lines)


class MoneyBarChart(QWidget):
    """Stacked bars of one currency at a time (module docstring). ``set_bars`` takes the bars
    of each currency; ``currency_changed`` is emitted when another currency is shown."""

    currency_changed = Signal(str)

    def __init__(
        self,
        segments: Sequence[Segment],
        *,
        empty_text: str,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.segments = tuple(segments)
        self.bar_sets: list[QBarSet] = []
        self.last_tooltip = ""
        self._bars: dict[str, tuple[ChartBar, ...]] = {}
        self._shown: tuple[ChartBar, ...] = ()
        self.currency_label = QLabel(t("Currency"))
        self.currency_combo = QComboBox()
        self.currency_combo.currentIndexChanged.connect(self._on_currency_chosen)
        self.chart_view = self._make_chart_view(title)
        self.empty_label = QLabel(localize(empty_text))
        themed(self.empty_label, "emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart_view)
        self.stack.addWidget(self.empty_label)
        self.stack.setCurrentWidget(self.empty_label)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.currency_label)
        top.addWidget(self.currency_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._show_selector(False)

    # --- what the pages call ----------------------------------------------------------------

    def set_bars(
        self, bars: Mapping[str, Sequence[ChartBar]], *, empty_text: str | None = None
    ) -> None:
        """Show ``bars`` per currency; the currency shown stays when it still has bars, else
        the first (alphabetical). No currency, or only empty bars: the empty-state text."""
        if empty_text is not None:
            self.empty_label.setText(localize(empty_text))
        self._bars = {currency: tuple(bars[currency]) for currency in sorted(bars)}
        keep = self.currency()
        self.currency_combo.blockSignals(True)
        self.currency_combo.clear()
        self.currency_combo.addItems(list(self._bars))
        if keep in self._bars:
            self.currency_combo.setCurrentText(keep)
        self.currency_combo.blockSignals(False)
        self._show_selector(len(self._bars) > 1)
        self._draw()

    def currency(self) -> str | None:
        """The currency shown (None: nothing to show)."""
        return self.currency_combo.currentText() or None

    def set_currency(self, currency: str) -> None:
        """Show the bars of ``currency`` (one of those given to ``set_bars``)."""
        self.currency_combo.setCurrentIndex(self.currency_combo.findText(currency))

    def shown_bars(self) -> tuple[ChartBar, ...]:
        """The bars drawn now (those of the currency shown)."""
        return self._shown

    def showing_empty_state(self) -> bool:
        return self.stack.currentWidget() is self.empty_label

    # --- drawing ----------------------------------------------------------------------------

    def _make_chart_view(self, title: str) -> QChartView:
        self.chart = QChart()
        self.chart.setTitle(localize(title))
        # axis labels in the current locale ("1.250,00 EUR" in Spanish)
        self.chart.setLocale(QLocale())
        self.chart.setLocalizeNumbers(True)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # One series and one pair of axes for the chart's life, refilled on each draw: axes
        # removed and added again leave their old drawings behind until the next event loop.
        self.series = QStackedBarSeries()
        self.categories = QBarCategoryAxis()
        self.amounts = QValueAxis()
        self.chart.addSeries(self.series)
        self.chart.addAxis(self.categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.amounts, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.amounts)
        view = QChartView(self.chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(320, 240)
        return view

    def _show_selector(self, visible: bool) -> None:
        self.currency_label.setVisible(visible)
        self.currency_combo.setVisible(visible)

    def _draw(self) -> None:
        self.series.clear()  # deletes the bar sets of the currency shown before
        self.bar_sets = []
        currency = self.currency()
        self._shown = self._bars.get(currency, ()) if currency else ()
        if currency is None or not any(any(bar.values) for bar in self._shown):
            self.stack.setCurrentWidget(self.empty_label)
            return
        digits = minor_unit_exponent(currency)
        scale = 10**digits
        for position, segment in enumerate(self.segments):
            bar_set = QBarSet(localize(segment.name))
            bar_set.setColor(QColor(segment.color))
            bar_set.append([bar.values[position] / scale for bar in self._shown])
            bar_set.hovered.connect(self._on_hovered)
            self.series.append(bar_set)
            self.bar_sets.append(bar_set)
        self.categories.clear()
        self.categories.append([bar.label for bar in self._shown])
        self.categories.setLabelsAngle(-90 if len(self._shown) >= ANGLED_LABELS_FROM else 0)
        highest = max(sum(bar.values) for bar in self._shown)
        self.amounts.setRange(0, highest / scale)
        self.amounts.applyNiceNumbers()
        self.amounts.setLabelFormat(f"%.{digits}f {currency}")
        self.stack.setCurrentWidget(self.chart_view)

    @Slot(int)
    def _on_currency_chosen(self, _index: int) -> None:
        self._draw()
        currency = self.currency()
        if currency is not None:
            self.currency_changed.emit(currency)

    @Slot(bool, int)
    def _on_hovered(self, status: bool, index: int) -> None:
        if not status or not 0 <= index < len(self._shown):
            QToolTip.hideText()
            return
        self.last_tooltip = self._shown[index].tooltip
        QToolTip.showText(QCursor.pos(), self.last_tooltip, self.chart_view)
