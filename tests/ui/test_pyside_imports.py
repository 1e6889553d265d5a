"""Once the UI package is loaded, PySide6 no longer reads the source of every module imported
after it (its ``__feature__`` scan): the app uses no PySide6 feature. Enum properties are set
by their key names, without the ``Qt`` namespace."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import linguaflex_desktop.ui  # noqa: F401  (what every window module imports first)
from linguaflex_desktop.ui.pyside_imports import set_enum_property, skip_feature_scan


def test_a_module_imported_after_pyside_is_not_read_for_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert skip_feature_scan()  # the hook of this PySide6 was found
    module_file = tmp_path / "freshly_imported_module.py"
    module_file.write_text("from PySide6.QtCore import QObject\nVALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.checkcache()
    try:
        module = __import__("freshly_imported_module")  # as an import statement does
    finally:
        sys.modules.pop("freshly_imported_module", None)
    assert module.VALUE == 1
    assert str(module_file) not in linecache.cache  # inspect.getsource would have put it there


def test_an_enum_property_is_set_by_its_key_names(qapp: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCompleter, QLabel

    label = QLabel("x")
    set_enum_property(label, "alignment", "AlignCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    set_enum_property(label, "alignment", "AlignLeft|AlignTop")
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    set_enum_property(label, "textFormat", "PlainText")
    assert label.textFormat() == Qt.TextFormat.PlainText
    completer = QCompleter(["Europe/Madrid"])
    set_enum_property(completer, "filterMode", "MatchContains")
    assert completer.filterMode() == Qt.MatchFlag.MatchContains


def test_an_unknown_property_or_key_is_refused_and_changes_nothing(qapp: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = QLabel("x")
    set_enum_property(label, "alignment", "AlignRight")
    with pytest.raises(ValueError, match="'alignment' taking 'AlignMiddle'"):
        set_enum_property(label, "alignment", "AlignMiddle")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight
    with pytest.raises(ValueError, match="'alinement'"):
        set_enum_property(label, "alinement", "AlignCenter")
    assert label.dynamicPropertyNames() == []  # no stray property left behind
