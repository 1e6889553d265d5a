"""First start: an empty database makes the login window offer demo data; loading it lists
the demo accounts, and choosing one signs in with it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.demo.data import demo_accounts
from linguaflex_desktop.models import Role
from linguaflex_desktop.ui.app_controller import AppController
from linguaflex_desktop.ui.student_window import StudentWindow
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
