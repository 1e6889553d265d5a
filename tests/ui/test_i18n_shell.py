"""The app's shell in Spanish: the sign-in window, the student's and the teacher's windows,
Account > Language (saved per person, rebuilding the open window) and amounts typed the
Spanish way. Uses the compiled catalogue resources/translations/linguaflex_es.qm."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import Role
from linguaflex_desktop.ui.account_dialog import AccountDialog
from linguaflex_desktop.ui.app_controller import SIGNED_OUT_NOTICE, AppController
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.i18n import (
    SETTINGS_KEY,
    chosen_language,
    language_switch,
    localize,
    t,
    ui_settings,
)
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.money_input import MoneyInput, minor_to_major_text, read_amount
from linguaflex_desktop.ui.password_dialogs import ChoosePasswordDialog, ForgotPasswordDialog
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from linguaflex_desktop.ui.time_zones import TimeZoneCombo
from linguaflex_desktop.ui.wait_dialog import WaitDialog
from linguaflex_desktop.ui.widgets import Pager
from tests.ui.ui_helpers import create_gig, register


@pytest.fixture
def spanish() -> None:
    """Spanish from Spain (the autouse fixture of conftest puts English back afterwards)."""
    assert language_switch().apply("es", system=QLocale("es_ES")), "linguaflex_es.qm missing"


def tab_texts(window: StudentWindow | TeacherWindow) -> list[str]:
    return [window.tabs.tabText(index) for index in range(window.tabs.count())]


def test_the_sign_in_window_speaks_spanish(
    qtbot: QtBot, spanish: None, app_services: AppServices, runner: TaskRunner
) -> None:
    login = LoginWindow(services=app_services, runner=runner)
    qtbot.addWidget(login)
    assert login.windowTitle() == "LinguaFlex — Iniciar sesión"
    assert [login.tabs.tabText(i) for i in range(2)] == ["Iniciar sesión", "Crear cuenta"]
    assert login.sign_in_button.text() == "Iniciar sesión"
    login.tabs.setCurrentIndex(1)  # "Create account" is built when first shown
    assert login.register_button.text() == "Crear cuenta"
    assert login.forgot_button.text() == "¿Olvidaste tu contraseña?"
    assert login.register_role_combo.itemText(0) == "Estudiante — quiero aprender"
    assert login.register_password_edit.placeholderText() == "Al menos 10 caracteres"
    assert login.language_button.text() == "Español"
    login.show_notice(SIGNED_OUT_NOTICE)
    assert login.notice_label.text() == "Has cerrado sesión."


def test_the_student_window_speaks_spanish(
    qtbot: QtBot, spanish: None, app_services: AppServices, runner: TaskRunner
) -> None:
    teacher = register(app_services, Role.TEACHER, email="lucia@example.com", name="Lucía")
    create_gig(app_services, teacher, title="Conversational Spanish")
    student = register(app_services, Role.STUDENT, name="Sam")
    window = StudentWindow(services=app_services, user=student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    browser = window.gig_browser
    qtbot.waitUntil(lambda: browser.model.rowCount() == 1, timeout=5000)

    assert window.windowTitle() == "LinguaFlex — Estudiante"
    assert tab_texts(window)[:2] == ["Buscar profesor", "Mis reservas"]
    assert window.book_button.text() == "Reservar una clase…"
    assert window.profile_button.text() == "Perfil del profesor…"
    assert window.sign_out_button.text() == "Cerrar sesión"
    assert window.account_menu.title() == "&Cuenta"
    assert window.status_label.text().startswith("Sesión iniciada como Sam (estudiante) · datos:")
    assert browser.sort_combo.itemText(0) == "Más relevantes"
    assert browser.level_combo.itemText(0) == "Cualquier nivel"
    assert browser.level_combo.itemText(browser.level_combo.count() - 1) == "Todos los niveles"
    assert browser.clear_button.text() == "Quitar filtros"
    assert browser.pager.summary.text() == "1 oferta"


def test_the_teacher_window_speaks_spanish(
    qtbot: QtBot, spanish: None, app_services: AppServices, runner: TaskRunner
) -> None:
    teacher = register(app_services, Role.TEACHER, name="Lucía")
    window = TeacherWindow(services=app_services, user=teacher, runner=runner)
    qtbot.addWidget(window)
    window.show()
    manager = window.gig_manager
    qtbot.waitUntil(
        lambda: "Aún no tienes ofertas" in manager.table.empty_label.text(), timeout=5000
    )

    assert window.windowTitle() == "LinguaFlex — Profesor"
    assert tab_texts(window)[:7] == [
        "Solicitudes",
        "Agenda",
        "Disponibilidad",
        "Mis ofertas",
        "Perfil",
        "Extractos",
        "Reseñas",
    ]
    assert manager.new_button.text() == "Nueva oferta…"
    assert manager.refresh_button.text() == "Actualizar"
    window._on_queue_changed(3)
    assert window.tabs.tabText(window.tabs.indexOf(window.requests)) == "Solicitudes (3)"


def test_the_language_menu_has_three_exclusive_choices(
    qtbot: QtBot, spanish: None, app_services: AppServices, runner: TaskRunner
) -> None:
    window = StudentWindow(
        services=app_services, user=register(app_services, Role.STUDENT), runner=runner
    )
    qtbot.addWidget(window)
    menu = window.language_menu
    assert menu.title() == "&Idioma"
    actions = [action for action in menu.actions() if isinstance(action, QAction)]
    assert [action.data() for action in actions] == [None, "en", "es"]
    assert actions[0].text().startswith("Predeterminado del sistema (")
    assert [action.text() for action in actions[1:]] == ["English", "Español"]
    assert all(action.isCheckable() for action in actions)
    group = actions[0].actionGroup()
    assert group is not None and group.isExclusive()
    assert all(action.actionGroup() is group for action in actions)
    assert [action.isChecked() for action in actions] == [True, False, False]  # nothing saved


def test_choosing_spanish_rebuilds_the_window_and_is_saved(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    student = register(app_services, Role.STUDENT, name="Sam")
    english = controller.show_role_window(student)
    assert english.windowTitle() == "LinguaFlex — Student"

    controller.change_language("es")

    spanish = controller.current_window
    assert isinstance(spanish, StudentWindow) and spanish is not english
    assert spanish.user.id == student.id
    assert spanish.windowTitle() == "LinguaFlex — Estudiante"
    assert tab_texts(spanish)[0] == "Buscar profesor"
    assert chosen_language() == "es"
    assert ui_settings().value(SETTINGS_KEY) == "es"
    checked = [a.data() for a in spanish.language_menu.actions() if a.isChecked()]
    assert checked == ["es"]

    controller.change_language(None)

    assert chosen_language() is None
    assert not ui_settings().contains(SETTINGS_KEY)
    window = controller.current_window
    assert isinstance(window, StudentWindow) and window.user.id == student.id


def test_amounts_are_typed_and_shown_the_spanish_way(qtbot: QtBot, spanish: None) -> None:
    widget = MoneyInput("EUR")
    qtbot.addWidget(widget)
    widget.setText("1.234,50")
    assert widget.amount_minor() == 123450
    widget.set_amount_minor(5050)
    assert widget.text() == "50,50"
    assert widget.amount_minor() == 5050
    widget.set_amount_minor(123450)
    assert widget.text() == "1234,50"
    assert widget.amount_minor() == 123450
    assert widget.placeholderText() == "25,00 EUR"
    assert minor_to_major_text(5000, "JPY") == "5000"
    assert minor_to_major_text(5050, "USD", ".") == "50.50"


def test_a_refused_amount_says_why_in_spanish(spanish: None) -> None:
    with pytest.raises(ValidationError) as refused:
        read_amount("1,000", "EUR")
    assert localize(refused.value.message) == (
        "'1,000' es ambiguo: aquí se lee como 1,000 EUR; para 1000 EUR escribe 1000."
    )
    assert refused.value.message == (
        "'1,000' is ambiguous: here it reads as 1,000 EUR; for 1000 EUR type 1000."
    )


def test_counters_and_pagers_name_their_things_in_spanish(qtbot: QtBot, spanish: None) -> None:
    pager = Pager("payments")
    qtbot.addWidget(pager)
    assert pager.summary.text() == "Sin pagos"
    pager.set_page(offset=50, limit=50, total=12000, shown=50)
    assert pager.summary.text() == "51–100 de 12.000 pagos"  # noqa: RUF001
    assert pager.next_button.text() == "Siguiente"

    window = MoneyInput()  # any line edit will do
    qtbot.addWidget(window)
    limit = LengthLimit(window, 3, what="note")
    window.setText("hello")
    assert limit.label.text() == "«nota» tiene 2 caracteres de más (máximo 3)."


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: labels, buttons, tabs, combo items,
    placeholders and the window title."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(index) for index in range(widget.count())]
        if isinstance(widget, QComboBox) and not isinstance(widget, TimeZoneCombo):
            texts += [widget.itemText(index) for index in range(widget.count())]
    return [text for text in texts if text]


ENGLISH_WORDS = re.compile(
    r"\b(the|your|password|address|sign|code|save|change|close|cancel|new|current|name|"
    r"profile|enter|choose|repeat|least|digits|temporary|continue)\b",
    re.IGNORECASE,
)


def english_left(root: QWidget) -> list[str]:
    return [text for text in visible_texts(root) if ENGLISH_WORDS.search(text)]


def test_the_account_and_password_dialogs_speak_spanish(
    qtbot: QtBot, spanish: None, app_services: AppServices, runner: TaskRunner
) -> None:
    user = register(app_services, Role.STUDENT, name="Sam")
    account = AccountDialog(services=app_services, runner=runner, user=user)
    qtbot.addWidget(account)
    account.code_step.setVisible(True)
    assert account.windowTitle() == "Perfil y contraseña"
    assert english_left(account) == []

    forgot = ForgotPasswordDialog(services=app_services, runner=runner)
    qtbot.addWidget(forgot)
    assert forgot.windowTitle() == "Contraseña olvidada"
    assert english_left(forgot) == []

    choose = ChoosePasswordDialog(services=app_services, runner=runner, user=user)
    qtbot.addWidget(choose)
    assert choose.confirm_button.text() == "Guardar contraseña y continuar"
    assert english_left(choose) == []

    waiting = WaitDialog(title=t("Forgot password"), message=t("Loading…"))
    qtbot.addWidget(waiting)
    assert waiting.elapsed_label.text() == "Tiempo de espera: 0:00"
    assert waiting.cancel_button.text() == "Cancelar"
    assert english_left(waiting) == []


def test_the_language_button_under_the_sign_in_form_switches_the_sign_in_window(
    qtbot: QtBot, controller: AppController
) -> None:
    login = controller.show_login()
    menu = login.language_button.menu()
    spanish_action = next(a for a in menu.actions() if a.data() == "es")

    spanish_action.trigger()

    rebuilt = controller.current_window
    assert isinstance(rebuilt, LoginWindow) and rebuilt is not login
    assert rebuilt.tabs.tabText(0) == "Iniciar sesión"
    assert rebuilt.language_button.text() == "Español"
    assert chosen_language() == "es"
