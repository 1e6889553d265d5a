"""The windows' banner on a shared (Postgres) database without Stripe keys: besides the
sandbox's test cards it says that sandbox payments exist on this computer only."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import SANDBOX_LOCAL_ONLY_NOTICE, AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.ui.payments.format import SANDBOX_BANNER
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.ui.ui_helpers import register

SHARED = "postgresql+psycopg://school@db.example:5432/linguaflex"


def _window(qtbot: QtBot, services: AppServices, runner: TaskRunner) -> TeacherWindow:
    window = TeacherWindow(services=services, user=register(services, Role.TEACHER), runner=runner)
    qtbot.addWidget(window)
    install_payment_ui(window)
    window.show()
    return window


def test_a_shared_database_without_keys_shows_that_payments_stay_on_this_computer(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    # Only the settings say "shared database": the window reads them, not the database.
    app_services.settings = app_services.settings.with_overrides(database_url=SHARED)

    window = _window(qtbot, app_services, runner)

    assert window.banner.isVisible()
    assert window.banner.text() == f"{SANDBOX_BANNER}\n{SANDBOX_LOCAL_ONLY_NOTICE}"


def test_a_local_database_shows_the_test_cards_only(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = _window(qtbot, app_services, runner)

    assert window.banner.text() == SANDBOX_BANNER
