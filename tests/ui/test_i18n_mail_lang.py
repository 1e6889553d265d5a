"""The account remembers the language the app is shown in, so notifications and e-mails are
written in it: recorded in the background when a role window opens and when the user picks
another language."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.common.dto import Actor, UserDTO
from linguaflex_desktop.ui.app_controller import AppController
from linguaflex_desktop.ui.main_window_base import RoleWindow
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


def test_a_role_window_in_the_recorded_language_records_nothing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: AppController,
    app_services: AppServices,
) -> None:
    """Most sign-ins are in the language the account has: no write for it then."""
    student = register(app_services, Role.STUDENT, name="Sam")
    recorded: list[str] = []
    set_language = app_services.own_account.set_language

    def recording(actor: Actor, code: str) -> UserDTO:
        recorded.append(code)
        return set_language(actor, code)

    monkeypatch.setattr(app_services.own_account, "set_language", recording)
    assert student.language == "en"  # never recorded: English
    controller.show_role_window(student)
    assert controller.runner.wait_for_idle(10000)
    assert recorded == []

    controller.change_language("es")
    assert controller.runner.wait_for_idle(10000)
    assert recorded == ["es"]
    window = controller.current_window
    assert isinstance(window, RoleWindow) and window.user.language == "es"
    spanish = app_services.accounts.get_user(window.user.actor, student.id)
    assert spanish.language == "es"
    controller.show_role_window(spanish)  # a later sign-in, in Spanish
    assert controller.runner.wait_for_idle(10000)
    assert recorded == ["es"]
