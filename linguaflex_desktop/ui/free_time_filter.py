"""The student's "Free time" filter: a combo of Any time, the presets and "Custom…", which
opens a small chooser of days and hours. Times are the student's own zone's (the label says
which); the search itself (``catalogue.free_time``) runs on the TaskRunner with the others."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.catalogue.free_time import FreeTime
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t, weekday_name
from linguaflex_desktop.ui.widgets import make_message_label, set_message

CUSTOM = "custom"
# (label, preset name); None is any time.
CHOICES = (
    (tx("Any time"), None),
    (tx("Weekday evenings (Mon-Fri 17:00-21:00)"), "weekday_evenings"),
    (tx("Weekday mornings (Mon-Fri 8:00-12:00)"), "weekday_mornings"),
    (tx("Saturday morning (8:00-12:00)"), "saturday_morning"),
    (tx("Weekend (all day)"), "weekend"),
    (tx("Custom…"), CUSTOM),
)


def describe(free_time: FreeTime) -> str:
    """'Tue, Thu 12:00-14:00' in the current language."""
    days = ", ".join(weekday_name(day + 1, short=True) for day in sorted(free_time.weekdays))
    return t(
        "{days} {start}:00-{end}:00", days=days, start=free_time.start_hour, end=free_time.end_hour
    )


class FreeTimeDialog(QDialog):
    """Days (Monday to Sunday) and an hour window [from, to) in the student's zone."""

    def __init__(self, *, zone: str, initial: FreeTime | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("Choose your free time"))
        initial = initial or FreeTime.preset("weekday_evenings")
        self.day_checks = [QCheckBox(weekday_name(day + 1)) for day in range(7)]
        days = QGridLayout()
        for day, check in enumerate(self.day_checks):
            check.setChecked(day in initial.weekdays)
            days.addWidget(check, day // 4, day % 4)
        self.start_hour, self.end_hour = QSpinBox(), QSpinBox()
        for spin, value, low in (
            (self.start_hour, initial.start_hour, 0),
            (self.end_hour, initial.end_hour, 1),
        ):
            spin.setRange(low, 23 + low)
            spin.setValue(value)
            spin.setSuffix(":00")
        hours = QHBoxLayout()
        for widget in (QLabel(t("From")), self.start_hour, QLabel(t("to")), self.end_hour):
            hours.addWidget(widget)
        hours.addStretch(1)
        self.error = make_message_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t("Days and hours in your time zone ({zone}):", zone=zone)))
        layout.addLayout(days)
        layout.addLayout(hours)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def free_time(self) -> FreeTime:
        """The chosen window; ValidationError if it has no day or ends before it starts."""
        days = frozenset(day for day, check in enumerate(self.day_checks) if check.isChecked())
        return FreeTime(days, self.start_hour.value(), self.end_hour.value()).checked()

    def accept(self) -> None:
        try:
            self.free_time()
        except ValidationError as error:
            set_message(self.error, error.message)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget, *, zone: str, initial: FreeTime | None) -> FreeTime | None:
        """The chosen window, or None if cancelled (tests replace this)."""
        dialog = cls(zone=zone, initial=initial, parent=parent)
        return dialog.free_time() if dialog.exec() == QDialog.DialogCode.Accepted else None


class FreeTimeFilter(QWidget):
    """A combo and a note of the zone; ``value()`` is the FreeTime to search with."""

    changed = Signal()

    def __init__(self, *, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._custom: FreeTime | None = None
        self._index = 0
        self.combo = QComboBox()
        for label, name in CHOICES:
            self.combo.addItem(localize(label), name)
        self.combo.setToolTip(t("When you are free, in your time zone ({zone})", zone=zone))
        self.combo.activated.connect(self._on_activated)
        # as wide as a short choice: the search words keep the room (the list opens wider)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self.zone_label = QLabel(t("your time zone: {zone}", zone=zone))
        self.zone_label.setEnabled(False)  # a quiet note
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(t("Free time")))
        layout.addWidget(self.combo)
        layout.addWidget(self.zone_label)

    def value(self) -> FreeTime | None:
        name = self.combo.currentData()
        if name is None:
            return None
        return self._custom if name == CUSTOM else FreeTime.preset(name)

    def clear(self) -> None:
        """Back to Any time, without a signal."""
        self._set_index(0)

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        if self.combo.itemData(index) == CUSTOM:
            chosen = FreeTimeDialog.ask(self, zone=self.zone, initial=self._custom)
            if chosen is None:
                self._set_index(self._index)  # cancelled: keep what was chosen before
                return
            self._custom = chosen
            self.combo.setItemText(index, t("Custom: {window}", window=describe(chosen)))
        elif index == self._index:
            return
        self._index = index
        self.changed.emit()

    def _set_index(self, index: int) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self._index = index
