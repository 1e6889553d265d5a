"""Once the UI package is loaded, PySide6 no longer reads the source of every module imported
after it (its ``__feature__`` scan): the app uses no PySide6 feature."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import linguaflex_desktop.ui  # noqa: F401  (what every window module imports first)
from linguaflex_desktop.ui.pyside_imports import skip_feature_scan


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
