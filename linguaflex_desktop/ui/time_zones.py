"""IANA time-zone choice for forms: the list, a guess of the local zone, and a combo box.

``zoneinfo`` is loaded when a zone is first looked up: the sign-in window imports this module
for its registration form, which is built only when the user opens it, and zoneinfo reads
its search path through sysconfig (with ``decimal``, 2-4 ms of the start)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from linguaflex_desktop.ui.pyside_imports import set_enum_property


@functools.cache
def all_time_zones() -> tuple[str, ...]:
    """Region/City zones plus UTC, sorted (legacy aliases like 'EST5EDT' left out)."""
    from zoneinfo import available_timezones

    zones = {zone for zone in available_timezones() if "/" in zone and not zone.startswith("Etc/")}
    return ("UTC", *sorted(zones))


def _is_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


UTC_ALIASES = frozenset({"Etc/UTC", "Etc/UCT", "Etc/GMT", "Etc/Universal", "Etc/Zulu", "GMT"})


def guess_local_time_zone() -> str:
    """The machine's IANA zone from $TZ or /etc/localtime, else 'UTC'."""
    zone = _local_zone_name()
    return "UTC" if zone in UTC_ALIASES else zone


def _local_zone_name() -> str:
    candidate = os.environ.get("TZ", "").lstrip(":")
    if candidate and _is_zone(candidate):
        return candidate
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "UTC"
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if _is_zone(name):
            return name
    return "UTC"


class TimeZoneCombo(QComboBox):
    """Editable combo over ``all_time_zones()`` with type-to-filter completion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(all_time_zones()))
        completer = QCompleter(list(all_time_zones()), self)
        set_enum_property(completer, "filterMode", "MatchContains")
        set_enum_property(completer, "caseSensitivity", "CaseInsensitive")
        self.setCompleter(completer)
        self.set_time_zone(guess_local_time_zone())

    def time_zone(self) -> str:
        return self.currentText().strip()

    def set_time_zone(self, name: str) -> None:
        index = self.findText(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)
