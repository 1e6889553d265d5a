"""Guards against a Qt-binding defect that crashed the app: in PySide6 6.12.0,
``SignalInstance.emit()`` returns True without taking a reference, so every emit from Python
costs one reference to ``True`` and the interpreter aborts (bool_dealloc) after a few hundred
emits. pyproject.toml excludes 6.12.0; this test fails on any binding with the defect."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    happened = Signal()
    with_payload = Signal(object)


def test_emitting_from_python_keeps_the_reference_count_of_true(qtbot: QtBot) -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True) + sys.getrefcount(False)
    for _ in range(200):
        emitter.happened.emit()
        emitter.with_payload.emit(3)
    after = sys.getrefcount(True) + sys.getrefcount(False)
    # The defect loses one reference per emit (400 here). Other threads of earlier tests may
    # still be letting go of a few booleans meanwhile, so allow a small drift, not 400.
    assert before - after < 50, f"emit() dropped {before - after} references to True/False"
