"""First start: an empty database makes the login window offer demo data; loading it lists
the demo accounts, and choosing one signs in with it. The accounts stay listed at later starts
while they exist; a database without them lists nothing. The sign-in window says "sandbox"."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot
from sqlalchemy import update

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.demo.data import demo_accounts, seed_demo_data
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.ui.app_controller import AppController
from linguaflex_desktop.ui.login_window import SIGN_IN_SANDBOX_TEXT, LoginWindow
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.ui_helpers import register


def test_an_empty_database_offers_demo_data_which_lists_the_accounts_and_signs_in(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    login = controller.show_login()
    offer = login.demo_offer
    qtbot.waitUntil(offer.isVisible, timeout=5000)
    assert offer.load_button.isEnabled() and not offer.accounts_table.isVisible()
    with qtbot.waitSignal(offer.demo_loaded, timeout=20000) as loaded:
        offer.load_button.click()
    assert loaded.args[0].created and loaded.args[0].teachers == 6
    assert offer.accounts_table.isVisible() and not offer.load_button.isVisible()
    accounts = demo_accounts()
    assert offer.accounts_table.rowCount() == len(accounts)
    student_row = next(row for row, account in enumerate(accounts) if account[2] is Role.STUDENT)
    assert offer.accounts_table.item(student_row, 0).text() == "Student"
    offer.accounts_table.selectRow(student_row)
    email, password, _role = accounts[student_row]
    assert login.email_edit.text() == email and login.password_edit.text() == password
    login.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(controller.current_window, StudentWindow), timeout=10000)
    assert controller.user is not None and controller.user.email == email
    window = controller.current_window
    assert isinstance(window, StudentWindow)
    qtbot.waitUntil(lambda: window.gig_browser.model.rowCount() > 0, timeout=5000)


def test_a_database_with_accounts_does_not_offer_demo_data(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    register(app_services, Role.STUDENT)
    login = controller.show_login()
    with qtbot.waitSignal(login.demo_offer.checked, timeout=5000) as checked:
        pass
    assert checked.args == [False]
    assert not login.demo_offer.isVisible()


def test_the_demo_accounts_stay_listed_at_the_next_start_while_they_exist(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    seed_demo_data(app_services.ctx)
    suspended = demo_accounts()[-1][0]  # a suspended demo student cannot sign in: not listed
    with app_services.ctx.unit_of_work(write=True) as uow:
        uow.session.execute(
            update(User).where(User.email == suspended).values(suspended_at=app_services.ctx.now())
        )
        uow.commit()
    login = controller.show_login()
    offer = login.demo_offer
    with qtbot.waitSignal(offer.checked, timeout=5000) as checked:
        pass
    assert checked.args == [False]  # not empty: nothing to load
    assert offer.isVisible() and not offer.load_button.isVisible()
    assert offer.accounts_table.isVisible()
    listed = [
        offer.accounts_table.item(row, 1).text() for row in range(offer.accounts_table.rowCount())
    ]
    assert listed == [email for email, _, _ in demo_accounts() if email != suspended]
    offer.accounts_table.selectRow(0)
    assert login.email_edit.text() == demo_accounts()[0][0]
    assert login.password_edit.text() == demo_accounts()[0][1]
    assert login.width() >= 640  # room for the table


def test_the_sign_in_window_says_sandbox_only_when_payments_are_sandboxed(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    login = LoginWindow(services=app_services, runner=runner)
    qtbot.addWidget(login)
    login.show()
    assert app_services.settings.stripe.sandbox
    assert login.sandbox_banner.isVisible()
    assert login.sandbox_banner.text() == SIGN_IN_SANDBOX_TEXT
    live = dataclasses.replace(
        app_services.settings,
        stripe=dataclasses.replace(
            app_services.settings.stripe, secret_key="sk_test_x", publishable_key="pk_test_x"
        ),
    )
    other = LoginWindow(
        services=dataclasses.replace(app_services, settings=live),
        runner=runner,
    )
    qtbot.addWidget(other)
    other.show()
    assert not other.sandbox_banner.isVisible()
