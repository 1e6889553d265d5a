"""The theme costs little: Fusion in the theme's palette and font, no style sheet on the
application or on any widget that has widgets below it (a sheet there would route the whole
subtree through Qt's style sheet engine, in building, polishing and painting); each name's
look is set on its widget when it is named."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.main_window_base import RoleWindow
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from linguaflex_desktop.ui.theme import (
    INVALID_BACKGROUND,
    LOOKS,
    STATE_COLOURS,
    apply_theme,
    mark_invalid,
    show_state,
    themed,
)
from tests.ui.ui_helpers import build_every_tab, register


@pytest.fixture
def themed_app(qapp: QApplication) -> Iterator[QApplication]:
    font, palette, style = qapp.font(), qapp.palette(), qapp.style().name()
    apply_theme(qapp)
    yield qapp
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def test_the_theme_is_a_palette_and_a_font_not_a_style_sheet(themed_app: QApplication) -> None:
    assert themed_app.styleSheet() == ""
    assert themed_app.style().name() == "fusion"
    assert themed_app.font().pointSize() == 10
    palette = themed_app.palette()
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#1f2933"
    assert palette.color(QPalette.ColorRole.Window).name() == "#f5f7fa"


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER, Role.ADMIN])
def test_no_widget_with_widgets_below_it_carries_a_style_sheet(
    qtbot: QtBot,
    themed_app: QApplication,
    app_services: AppServices,
    runner: TaskRunner,
    role: Role,
) -> None:
    kind = {Role.STUDENT: StudentWindow, Role.TEACHER: TeacherWindow, Role.ADMIN: AdminWindow}
    window: RoleWindow = kind[role](
        services=app_services, user=register(app_services, role), runner=runner
    )
    qtbot.addWidget(window)
    install_payment_ui(window, open_url=lambda _url: True)
    build_every_tab(window)
    window.show()
    runner.wait_for_idle()
    sheeted = [w for w in window.findChildren(QWidget) if w.styleSheet()]
    assert sheeted, "the named boxes and buttons keep their sheets"
    containers = [(type(w).__name__, w.objectName()) for w in sheeted if w.findChildren(QWidget)]
    assert containers == []
    assert window.styleSheet() == ""


def test_a_name_gives_its_widget_the_look(qtbot: QtBot, themed_app: QApplication) -> None:
    heading = themed(QLabel("Bookings"), "pageHeading")
    qtbot.addWidget(heading)
    assert heading.objectName() == "pageHeading"
    assert heading.font().pointSize() == 13
    assert heading.font().weight() == QFont.Weight.DemiBold
    assert heading.styleSheet() == ""

    note = themed(QLabel("12 / 500"), "fieldNote")
    qtbot.addWidget(note)
    assert note.palette().color(QPalette.ColorRole.WindowText).name() == LOOKS["fieldNote"].colour

    button = themed(QPushButton("Pay"), "primaryButton")
    qtbot.addWidget(button)
    assert "QPushButton:disabled" in button.styleSheet()

    plain = themed(QLabel("x"), "aNameWithoutALook")
    qtbot.addWidget(plain)
    assert plain.objectName() == "aNameWithoutALook"
    assert plain.styleSheet() == ""
    assert plain.font() == themed_app.font()


def test_a_refused_field_is_tinted_until_put_right(qtbot: QtBot, themed_app: QApplication) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    normal = field.palette().color(QPalette.ColorRole.Base).name()
    size = field.sizeHint()

    mark_invalid(field, True)
    assert field.property("invalid") is True
    assert field.palette().color(QPalette.ColorRole.Base).name() == INVALID_BACKGROUND
    assert field.sizeHint() == size  # marking moves nothing around it

    mark_invalid(field, False)
    assert field.property("invalid") is False
    assert field.palette().color(QPalette.ColorRole.Base).name() == normal


def test_a_meeting_state_shows_in_its_colour(qtbot: QtBot, themed_app: QApplication) -> None:
    label = themed(QLabel(), "meetingState")
    qtbot.addWidget(label)
    for state, colour in STATE_COLOURS.items():
        show_state(label, state)
        assert label.property("state") == state
        assert label.palette().color(QPalette.ColorRole.WindowText).name() == colour
    show_state(label, "none")
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == "#1f2933"
