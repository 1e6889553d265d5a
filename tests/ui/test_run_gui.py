"""run_gui --screenshot: renders the login window or a demo user's role window to a PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.ui.app_controller import run_gui


def open_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER, Role.ADMIN, None])
def test_screenshot_renders_the_window_and_returns_zero(
    qtbot: QtBot, app_services: AppServices, tmp_path: Path, role: Role | None
) -> None:
    target = tmp_path / "shots" / f"{role or 'login'}.png"
    assert run_gui(app_services, screenshot=target, screenshot_role=role) == 0
    image = QImage(str(target))
    assert not image.isNull()
    if role is None:
        assert image.width() >= 400 and image.height() >= 400
    else:
        assert (image.width(), image.height()) == (1120, 720)
    assert not [w for w in open_windows() if isinstance(w, QMainWindow)]
    assert QApplication.instance() is not None
    assert QApplication.instance().style().name() == "fusion"  # type: ignore[union-attr]
