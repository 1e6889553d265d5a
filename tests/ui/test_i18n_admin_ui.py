"""The admin's window in Spanish: every tab (and the dialogs it opens) shows its titles,
headers and buttons in Spanish, and money is written the Spanish way ("78,75 USD").

Needs the compiled Spanish catalogue (resources/translations/linguaflex_es.qm).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.admin.booking_timeline import open_booking_timeline
from linguaflex_desktop.ui.admin.ledger_dialog import LedgerVerifyDialog
from linguaflex_desktop.ui.admin.temporary_password import TemporaryPasswordDialog
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.i18n import language_switch
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.integration.report_helpers import Parties, add_payment
from tests.ui.booking_ui_helpers import School, make_school

# English texts of the admin's buttons and labels: none may be left on screen in Spanish.
ENGLISH = {
    "Refresh",
    "Export CSV…",
    "Clear filters",
    "Timeline…",
    "Suspend…",
    "Reactivate",
    "Retry",
    "Fix",
    "From",
    "Cancel booking…",
    "Refund…",
    "Verify with Stripe",
    "Mark paid out…",
    "Statement PDF…",
    "Set temporary password…",
    "Sessions starting",
    "Audit trail",
    "Background jobs",
    "Needs attention",
    "Revenue",
    "Show",
    "View",
}


def headers(model: QAbstractItemModel) -> list[str]:
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def tab_titles(tabs: QTabWidget) -> list[str]:
    return [tabs.tabText(index) for index in range(tabs.count())]


def english_left(widget: QWidget) -> set[str]:
    """The texts of ``widget``'s buttons and labels that are still the English ones."""
    texts = {button.text() for button in widget.findChildren(QAbstractButton)}
    texts |= {label.text() for label in widget.findChildren(QLabel)}
    return texts & ENGLISH


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)


@pytest.fixture
def booking_id(clocked_services: AppServices, school: School) -> int:
    """A paid booking of 78.75 USD (3.75 of it the platform's fee) this year."""
    parties = Parties(school.student.id, school.teacher.id, school.gig.id)
    at = datetime(2027, 2, 20, 10, tzinfo=UTC)
    add_payment(clocked_services.ctx, parties, at=at, amount=7875, fee=375)
    actor = school.admin.actor
    page = clocked_services.bookings.list_bookings(actor, offset=0, limit=10)
    return page.items[0].id


@pytest.fixture
def window(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    booking_id: int,
) -> Iterator[tuple[AdminWindow, PaymentUI]]:
    """The admin's window (with the payment pages, as the app adds them) built in Spanish."""
    assert language_switch().apply("es", system=QLocale("es_ES")), "linguaflex_es.qm missing"
    admin_window = AdminWindow(services=clocked_services, user=school.admin, runner=runner)
    added = install_payment_ui(admin_window, open_url=lambda _url: True)
    qtbot.addWidget(admin_window)
    admin_window.show()
    assert runner.wait_for_idle()
    for index in range(admin_window.tabs.count()):  # visit every tab (some load when shown)
        admin_window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert runner.wait_for_idle()
    yield admin_window, added
    runner.wait_for_idle()


def test_every_admin_tab_speaks_spanish(
    qtbot: QtBot, window: tuple[AdminWindow, PaymentUI]
) -> None:
    admin_window, added = window
    titles = tab_titles(admin_window.tabs)
    for title in ("Usuarios", "Ofertas", "Reservas", "Auditoría", "Ingresos", "Extractos"):
        assert title in titles
    assert "Reseñas" in titles
    assert any(title.startswith("Tareas") for title in titles)
    assert any(title.startswith("Requiere atención") for title in titles)

    users = admin_window.user_admin
    qtbot.waitUntil(lambda: users.model.rowCount() == 4, timeout=5000)
    assert headers(users.model) == [
        "Nombre",
        "Correo electrónico",
        "Rol",
        "Zona horaria",
        "Estado",
        "Alta",
    ]
    assert users.suspend_button.text() == "Suspender…"
    assert users.reactivate_button.text() == "Reactivar"
    assert users.role_combo.itemText(0) == "Todos los roles"
    roles = {users.model.index(row, 2).data() for row in range(users.model.rowCount())}
    assert roles == {"Profesor", "Estudiante", "Administrador"}
    assert users.temporary_password_button.text() == "Poner contraseña temporal…"

    bookings = admin_window.booking_admin
    assert bookings.cancel_button.text() == "Cancelar reserva…"
    assert bookings.timeline_button.text() == "Cronología…"
    assert bookings.status_combo.itemText(0) == "Cualquier estado"

    jobs = admin_window.jobs
    assert headers(jobs.model)[:4] == ["Tarea", "Tipo", "Estado", "Intentos"]
    assert jobs.retry_button.text() == "Reintentar"
    assert jobs.state_combo.itemText(1) == "Tareas fallidas"

    attention = admin_window.attention
    assert headers(attention.model)[:3] == ["Qué falla", "Regla", "Reserva"]
    assert attention.fix_button.text() == "Solucionar"

    audit = admin_window.audit
    assert headers(audit.model) == ["Cuándo", "Quién", "Acción", "Registro", "Motivo"]
    assert audit.export_button.text() == "Exportar CSV…"
    assert audit.clear_button.text() == "Quitar filtros"
    assert audit.summary_label.text().endswith("eventos") or audit.summary_label.text() in (
        "Ningún evento",
        "1 evento",
    )

    revenue = admin_window.revenue
    qtbot.waitUntil(lambda: revenue.model.rowCount() > 0, timeout=5000)
    assert headers(revenue.model)[:4] == ["Mes", "Moneda", "Clases", "Bruto"]
    gross = revenue.model.column_of("Gross")  # columns are found by their English name
    assert revenue.model.index(0, gross).data() == "78,75 USD"
    assert revenue.caption_label.text().startswith("Pagos completados del ")

    assert admin_window.statements.pay_button.text() == "Marcar como pagado…"

    payments = added.admin_payments
    assert payments is not None
    qtbot.waitUntil(lambda: payments.model.rowCount() == 1, timeout=5000)
    assert headers(payments.model)[:5] == ["Creado", "Reserva", "Estudiante", "Profesor", "Importe"]
    assert payments.model.index(0, 4).data() == "78,75 USD"
    assert payments.refund_button.text() == "Reembolsar…"
    assert payments.verify_button.text() == "Verificar con Stripe"

    for page in (users, bookings, jobs, attention, audit, revenue, payments):
        assert english_left(page) == set(), type(page).__name__


def test_the_admin_dialogs_speak_spanish(
    qtbot: QtBot,
    window: tuple[AdminWindow, PaymentUI],
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    booking_id: int,
) -> None:
    admin_window, _added = window
    admin_window.open_settings()
    settings = admin_window.settings_dialog
    assert settings is not None
    assert settings.windowTitle() == "Ajustes"
    assert tab_titles(settings.tabs) == ["Pagos", "Reuniones", "Correo electrónico"]
    assert settings.check_button.text() == "Comprobar"
    settings.reject()

    timeline = open_booking_timeline(
        admin_window, clocked_services, school.admin.actor, runner, booking_id
    )
    qtbot.addWidget(timeline)
    with qtbot.waitSignal(timeline.loaded, timeout=5000):
        pass
    assert timeline.windowTitle() == f"Cronología de estado — reserva n.º {booking_id}"
    assert headers(timeline.model)[1:4] == ["Quién", "Qué", "Detalles"]
    assert timeline.reload_button.text() == "Volver a cargar"
    timeline.close()

    ledger = LedgerVerifyDialog(
        services=clocked_services, actor=school.admin.actor, runner=runner, parent=admin_window
    )
    qtbot.addWidget(ledger)
    assert ledger.windowTitle() == "Verificar con Stripe"
    assert headers(ledger.totals)[:2] == ["Moneda", "Pagado (nuestro)"]
    assert ledger.again_button.text() == "Verificar de nuevo"

    password = TemporaryPasswordDialog(
        services=clocked_services,
        runner=runner,
        actor=school.admin.actor,
        user=school.student,
        parent=admin_window,
    )
    qtbot.addWidget(password)
    assert password.windowTitle() == "Poner contraseña temporal"
    assert password.set_button.text() == "Poner contraseña temporal"
