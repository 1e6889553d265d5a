"""The account remembers the language the app is shown in, so notifications and e-mails are
written in it: recorded in the background when a role window opens and when the user picks
another language."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.ui.app_controller import AppController
from tests.ui.ui_helpers import register


def account_language(services: AppServices, user_id: int) -> str | None:
    with services.ctx.unit_of_work(write=False) as uow:
        return uow.session.scalar(select(User.language).where(User.id == user_id))


def test_the_shown_language_is_recorded_on_the_account(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    student = register(app_services, Role.STUDENT, name="Sam")
    controller.show_role_window(student)
    assert controller.runner.wait_for_idle(10000)
    assert account_language(app_services, student.id) is None  # English, nothing to record

    controller.change_language("es")
    assert controller.runner.wait_for_idle(10000)
    assert account_language(app_services, student.id) == "es"

    controller.change_language("en")
    assert controller.runner.wait_for_idle(10000)
    assert account_language(app_services, student.id) == "en"
