"""The booking screens in Spanish: the student's "My bookings", the teacher's requests and
schedule, a booking's detail and the book-session dialog show Spanish words (statuses,
headers, buttons), Spanish day names and money written the Spanish way ("78,75 USD").

Needs the compiled catalogue resources/translations/linguaflex_es.qm (the install step makes
it from the .ts files)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import GigDTO
from linguaflex_desktop.ui.booking.book_session_dialog import BookSessionDialog
from linguaflex_desktop.ui.booking.detail_dialog import BookingDetailDialog
from linguaflex_desktop.ui.booking.format import STATUS_TEXT
from linguaflex_desktop.ui.booking.my_bookings_page import MyBookingsPage
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.booking.teacher_requests_page import TeacherRequestsPage
from linguaflex_desktop.ui.booking.teacher_schedule_page import TeacherSchedulePage
from linguaflex_desktop.ui.i18n import language_switch
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import THURSDAY_10_UTC, WEDNESDAY_10_UTC, School, book, make_school
from tests.ui.ui_helpers import column_texts, create_gig

WAIT_MS = 10000


@dataclass(frozen=True)
class Bookings:
    school: School
    gig: GigDTO  # 75.00 USD an hour: an hour costs 75.00 + 3.75 fee = 78.75 USD
    confirmed: BookingDTO  # Wednesday 3 March, on ``gig``
    waiting: BookingDTO  # Thursday 4 March, on the school's gig, not answered yet


@pytest.fixture
def bookings(clocked_services: AppServices) -> Bookings:
    school = make_school(clocked_services)
    gig = create_gig(clocked_services, school.teacher, title="Business Spanish", rate_minor=7500)
    requested = clocked_services.bookings.request_booking(
        school.student.actor, gig_id=gig.id, start_at=WEDNESDAY_10_UTC, duration_minutes=60
    )
    confirmed = clocked_services.bookings.confirm_booking(school.teacher.actor, requested.id)
    waiting = book(clocked_services, school, start_at=THURSDAY_10_UTC)
    return Bookings(school=school, gig=gig, confirmed=confirmed, waiting=waiting)


@pytest.fixture(autouse=True)
def spanish(qapp: object) -> Iterator[None]:
    """Spanish from Spain (the english_ui fixture of conftest.py puts English back after)."""
    assert language_switch().apply("es", system=QLocale("es_ES")), "linguaflex_es.qm missing"
    yield


def headers(model: QAbstractItemModel) -> list[str]:
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def table_headers(table: QTableWidget) -> list[str]:
    items = [table.horizontalHeaderItem(column) for column in range(table.columnCount())]
    return [item.text() if item is not None else "" for item in items]


def column_items(table: QTableWidget, column: int) -> list[str]:
    items = [table.item(row, column) for row in range(table.rowCount())]
    return [item.text() if item is not None else "" for item in items]


def form_texts(dialog: BookingDetailDialog, role: QFormLayout.ItemRole) -> list[str]:
    texts = []
    for row in range(dialog.fields.rowCount()):
        item = dialog.fields.itemAt(row, role)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            texts.append(widget.text())
    return texts


def test_my_bookings_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, bookings: Bookings
) -> None:
    page = MyBookingsPage(
        services=clocked_services, actor=bookings.school.student.actor, runner=runner
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(
        lambda: not page.model.is_loading and page.model.rowCount() == 2, timeout=WAIT_MS
    )

    def cell(column: BookingColumn) -> str:
        row = page.model.row_of(bookings.confirmed.id)
        assert row is not None
        return str(page.model.index(row, page.model.column_of(column)).data())

    assert headers(page.model) == [
        "Cuándo",
        "Oferta",
        "Profesor",
        "Duración",
        "Estado",
        "Pago",
        "Reunión",
        "Total",
    ]
    assert cell(BookingColumn.WHEN) == "mié 3 mar 2027, 10:00"  # London time
    assert cell(BookingColumn.DURATION) == "1 h"
    assert cell(BookingColumn.STATUS) == "Confirmada"
    assert cell(BookingColumn.PAYMENT) == "Sin pagar"
    assert cell(BookingColumn.TOTAL) == "78,75 USD"
    assert page.summary_label.text() == "2 reservas"
    # "Upcoming" is left out: one English word, other screens translate it differently
    assert [page.show_combo.itemText(i) for i in (1, 2)] == ["Pasadas", "Todas las reservas"]
    assert page.details_button.text() == "Detalles…"
    assert page.cancel_button.text() == "Cancelar reserva…"
    assert page.join_button.text() == "Unirse a la clase"
    # a paid session with part of its payment returned
    partly = dataclasses.replace(
        bookings.confirmed, payment_status=PaymentStatus.PAID, refunded_minor=1000
    )
    page.model.replace_booking(partly)
    assert cell(BookingColumn.PAYMENT) == "Reembolsado en parte"
    # the English words stay the str value (CSV files and logs read them)
    assert STATUS_TEXT[bookings.confirmed.status] == "Confirmed"


def test_teacher_requests_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, bookings: Bookings
) -> None:
    page = TeacherRequestsPage(
        services=clocked_services, actor=bookings.school.teacher.actor, runner=runner
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert headers(page.model) == [
        "Cuándo",
        "Estudiante",
        "Oferta",
        "Duración",
        "Total",
        "Responder antes de",
    ]
    when = page.model.index(0, page.model.column_of(BookingColumn.WHEN)).data()
    assert when == "jue 4 mar 2027, 11:00"  # the teacher's Madrid time
    assert page.model.index(0, page.model.column_of(BookingColumn.TOTAL)).data() == "31,50 USD"
    assert (page.confirm_button.text(), page.decline_button.text()) == ("Confirmar", "Rechazar…")
    assert page.summary_label.text() == "1 reserva"


def test_teacher_schedule_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, bookings: Bookings
) -> None:
    page = TeacherSchedulePage(
        services=clocked_services, actor=bookings.school.teacher.actor, runner=runner
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    days = table_headers(page.grid)
    assert days[:3] == ["lun\n1 mar", "mar\n2 mar", "mié\n3 mar"]
    assert page.week_label.text().startswith("lun 1 mar 2027 – dom 7 mar 2027")  # noqa: RUF001
    assert (page.week_button.text(), page.agenda_button.text()) == ("Semana", "Lista")
    assert page.this_week_button.text() == "Esta semana"
    assert page.complete_button.text() == "Marcar como completada"
    assert page.start_button.text() == "Iniciar la clase"
    texts = column_texts(page.view, page.model.column_of(BookingColumn.STATUS))
    assert sorted(texts) == ["Confirmada", "Esperando al profesor"]
    assert "Estado" in headers(page.model)


def test_booking_detail_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, bookings: Bookings
) -> None:
    dialog = BookingDetailDialog(
        services=clocked_services,
        actor=bookings.school.student.actor,
        runner=runner,
        booking_id=bookings.confirmed.id,
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.detail_loaded, timeout=WAIT_MS):
        pass
    booking_id = bookings.confirmed.id
    assert dialog.windowTitle() == f"Reserva n.º {booking_id}"
    assert dialog.state_label.text() == f"Reserva n.º {booking_id} · Confirmada · Sin pagar"
    labels = form_texts(dialog, QFormLayout.ItemRole.LabelRole)
    assert labels[:2] == ["Estudiante", "Profesor"]
    assert "Hora de Sam Taylor" in labels and "Duración" in labels and "Precio" in labels
    values = form_texts(dialog, QFormLayout.ItemRole.FieldRole)
    assert "75,00 USD + 3,75 USD de comisión de la plataforma = 78,75 USD" in values
    assert "mié 3 mar 2027, 10:00–11:00 (Europe/London)" in values  # noqa: RUF001
    history_headers = table_headers(dialog.history)
    assert history_headers[:3] == ["Cuándo", "Quién", "Qué"] and history_headers[4] == "Motivo"
    assert dialog.sections.tabText(0) == "Historial"
    assert dialog.sections.tabText(1).startswith("Mensajes")
    actions = column_items(dialog.history, 2)
    assert "Solicitada" in actions and "Confirmada" in actions
    assert dialog.meeting_panel.join_button.text() == "Unirse a la clase"


def test_book_session_dialog_in_spanish(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, bookings: Bookings
) -> None:
    dialog = BookSessionDialog(
        services=clocked_services,
        actor=bookings.school.student.actor,
        runner=runner,
        gig=bookings.gig,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.price is not None and bool(dialog.week.slots()), timeout=WAIT_MS)
    assert dialog.windowTitle() == "Reservar “Business Spanish”"
    assert dialog.request_button.text() == "Solicitar reserva"
    assert dialog.duration_combo.currentText() == "1 h"
    assert dialog.price_label.text().startswith("1 h a 75,00 USD / h: 75,00 USD + 3,75 USD")
    assert dialog.total_label.text() == "78,75 USD"
    days = table_headers(dialog.week.table)
    assert days[2] == "mié\n3 mar"
    assert dialog.week.previous_button.text() == "← Semana anterior"
    assert dialog.slot_label.text() == "Elige una hora libre en la semana de arriba."
