"""The catalogue, profile, review, availability and inbox widgets in Spanish: with the Spanish
catalogue applied (and a Spanish locale), their headers, buttons and labels read in Spanish and
money, ratings and dates are written the Spanish way ("30,00 USD / h", "★ 4,5").

Real services on SQLite and the threaded runner, as the English tests of these widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.ui.availability_editor import AvailabilityEditorPage
from linguaflex_desktop.ui.gig_editor_dialog import GigEditorDialog
from linguaflex_desktop.ui.i18n import language_switch, money_text
from linguaflex_desktop.ui.review_dialogs import RateSessionDialog
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_profile_dialog import TeacherProfileDialog
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.messaging_ui_helpers import paid_booking, run_worker
from tests.ui.review_ui_helpers import completed_booking
from tests.ui.ui_helpers import click_row


@pytest.fixture(autouse=True)
def spanish(qapp: object) -> None:
    """Spanish words and Spanish conventions (the conftest puts English back afterwards)."""
    assert language_switch().apply("es", system=QLocale("es_ES")), "no Spanish catalogue"


@pytest.fixture
def school(clocked_services: AppServices) -> School:
    return make_school(clocked_services)  # one gig at 30.00 USD an hour


def headers(model: QAbstractItemModel) -> list[str]:
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def form_labels(form: QFormLayout) -> list[str]:
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel) and widget.text():
            labels.append(widget.text())
    return labels


def test_money_is_written_the_spanish_way() -> None:
    assert money_text(5000, "USD") == "50,00 USD"
    assert money_text(1234567, "EUR") == "12.345,67 EUR"


@pytest.fixture
def paid(clocked_services: AppServices, school: School) -> BookingDTO:
    booking = paid_booking(clocked_services, school)
    assert run_worker(clocked_services) >= 1  # sends "paid" with its invite
    return booking


@pytest.fixture
def student_window(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[StudentWindow]:
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    assert runner.wait_for_idle(60000), "the window's first loads did not finish"
    yield window
    runner.wait_for_idle()


def test_the_gig_table_and_detail_panel_read_in_spanish(
    qtbot: QtBot, student_window: StudentWindow
) -> None:
    browser = student_window.gig_browser
    qtbot.waitUntil(lambda: browser.model.rowCount() == 1, timeout=5000)
    shown = headers(browser.model)
    assert "Título" in shown and "Profesor" in shown and "Precio por hora" in shown
    assert "Title" not in shown and "Hourly rate" not in shown
    rate_column = shown.index("Precio por hora")
    assert browser.model.index(0, rate_column).data() == "30,00 USD / h"

    click_row(qtbot, browser.view, 0)
    panel = browser.detail
    assert panel.rate_label.text() == "30,00 USD / h"
    assert panel.teacher_label.text() == "con Lucía Ruiz"
    assert "nivel B1" in panel.meta_label.text()
    assert panel.time_zone_label.text() == "Zona horaria del profesor: Europe/Madrid"


def test_the_inbox_chrome_reads_in_spanish(
    qtbot: QtBot, paid: BookingDTO, student_window: StudentWindow
) -> None:
    inbox = student_window.inbox
    student_window.tabs.setCurrentWidget(inbox)
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 2 and not inbox._loading, timeout=5000)
    assert headers(inbox.model) == ["Asunto", "Reserva", "Recibido"]
    tab = student_window.tabs.indexOf(inbox)
    assert student_window.tabs.tabText(tab) == "Bandeja de entrada (2)"
    status = student_window.statusBar().findChild(QLabel, "unreadStatus")
    assert status is not None and status.text() == "2 mensajes sin leer"
    assert inbox.unread_label.text() == "2 sin leer"
    assert inbox.refresh_button.text() == "Actualizar"
    confirmed = next(row for row in range(2) if inbox.model.message_at(row).kind == "confirmed")
    assert inbox.model.index(confirmed, 1).data() == f"#{paid.id} · Confirmada"

    click_row(qtbot, inbox.view, confirmed)
    reader = inbox.reader
    assert reader.open_booking_button.text() == "Abrir reserva"
    assert reader.save_invite_button.text() == "Guardar invitación (.ics)…"
    assert reader.meta_label.text().startswith("Recibido el ")
    assert f"Reserva n.º {paid.id}" in reader.meta_label.text()
    qtbot.waitUntil(lambda: inbox.unread_label.text() == "1 sin leer", timeout=5000)


def test_the_gig_editor_reads_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = GigEditorDialog(
        services=clocked_services, actor=school.teacher.actor, runner=runner, gig=school.gig
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Editar oferta"
    assert dialog.save_button.text() == "Guardar cambios"
    form = dialog.findChild(QFormLayout)
    assert form is not None
    assert form_labels(form) == [
        "Título",
        "Idioma",
        "Nivel",
        "Precio por hora",
        "Duración de la clase",
        "Descripción",
    ]
    assert dialog.level_combo.itemText(0) == "A1 — Principiante"
    assert dialog.active_checkbox.text() == "Visible para los estudiantes en la búsqueda"


def test_the_teacher_profile_dialog_reads_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    dialog = TeacherProfileDialog(
        services=clocked_services,
        actor=school.student.actor,
        runner=runner,
        teacher_id=school.teacher.id,
        teacher_name="Lucía Ruiz",
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.profile_loaded, timeout=5000):
        pass
    assert dialog.windowTitle() == "Lucía Ruiz — perfil del profesor"
    assert dialog.rating_label.text() == "Aún no hay reseñas"
    assert dialog.local_time_label.text().endswith("hora local (Europe/Madrid)")
    [button] = dialog.book_buttons.values()
    assert button.text() == "Reservar…"
    sections = [label.text() for label in dialog.findChildren(QLabel, "detailSection")]
    assert sections == ["Sobre el profesor", "Ofertas", "Reseñas"]
    lines = [label.text() for label in dialog.findChildren(QLabel, "gigLine")]
    assert lines == ["Conversational Spanish\nSpanish · nivel B1 · 30,00 USD / h"]
    qtbot.waitUntil(lambda: dialog.reviews.empty_label.text() == "Aún no hay reseñas.")
    runner.wait_for_idle()


def test_the_rate_session_dialog_reads_in_spanish(
    qtbot: QtBot,
    clocked_services: AppServices,
    runner: TaskRunner,
    school: School,
    clock: FakeClock,
) -> None:
    done = completed_booking(clocked_services, school, clock)
    dialog = RateSessionDialog(
        services=clocked_services, actor=school.student.actor, runner=runner, booking=done
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Valora esta clase"
    assert dialog.submit_button.text() == "Publicar reseña"
    assert dialog.stars_label.text() == "Elige de 1 a 5 estrellas."
    # the session's day in Spanish, in the student's zone (Wednesday 3 March 2027)
    assert "«Conversational Spanish» con Lucía Ruiz el mié 3 mar 2027" in (
        dialog.prompt_label.text()
    )
    dialog.set_stars(4)
    assert dialog.stars_label.text() == "4 de 5 — Muy buena"


def test_the_availability_editor_reads_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> None:
    page = AvailabilityEditorPage(
        services=clocked_services, actor=school.teacher.actor, runner=runner
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.ranges_table.rowCount() == 7, timeout=5000)
    table = page.ranges_table
    assert [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Día",
        "Desde",
        "Hasta",
    ]
    monday = table.cellWidget(0, 0)
    assert isinstance(monday, QComboBox)
    assert monday.currentText() == "Lunes"
    assert monday.itemText(6) == "Domingo"
    assert page.save_button.text() == "Guardar horario semanal"
    assert page.add_day_off_button.text() == "Añadir día libre"
    assert page.days_off_list.item(0).text() == "No hay días libres previstos."
    runner.wait_for_idle()
