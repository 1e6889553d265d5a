"""The payment pages in Spanish: with Spanish applied (Spain's conventions), the pay dialog's
price breakdown, fee and cancellation policy, the minimum-fee explanation, the refund dialog
and its preview, the cards page and the teacher's earnings and statements read in Spanish,
with money written "78,75 USD". Needs resources/translations/linguaflex_es.qm (compiled by
the install step; ``scripts/translations.py compile`` locally)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.i18n import language_switch
from linguaflex_desktop.ui.payments.format import fee_amount_text, fee_text, price_line
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.payments.statement_pdf import period_text, statement_html
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.ui.booking_ui_helpers import School, book
from tests.ui.payment_ui_helpers import (  # noqa: F401 - the services and school fixtures
    UrlRecorder,
    open_pay_dialog,
    open_refund_dialog,
    paid_booking,
    payment_school,
    payment_services,
)

WAIT = 15000


@pytest.fixture
def spanish() -> Iterator[None]:
    """Spanish with Spain's conventions (the autouse fixture puts English back)."""
    assert language_switch().apply("es", system=QLocale("es_ES")), "linguaflex_es.qm missing"
    yield


def headers(model: object) -> list[str]:
    from PySide6.QtCore import QAbstractItemModel

    assert isinstance(model, QAbstractItemModel)
    return [str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(model.columnCount())]


def test_the_fee_and_the_price_line_are_spanish_with_spanish_money(spanish: None) -> None:
    assert fee_text(7500, 375, "USD") == "3,75 USD de comisión de la plataforma"
    assert fee_text(1500, 100, "USD") == (
        "1,00 USD de comisión de la plataforma (el mínimo; el 5 % sería 0,75 USD)"
    )
    assert fee_amount_text(1500, 100, "USD") == "1,00 USD (el mínimo; el 5 % sería 0,75 USD)"
    assert price_line(7500, 375, 7875, "USD") == (
        "75,00 USD + 3,75 USD de comisión de la plataforma = 78,75 USD"
    )


def test_the_pay_dialog_reads_in_spanish(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, spanish: None
) -> None:
    booking = book(services, school, duration=150)  # 75.00 + 3.75 fee
    services.bookings.confirm_booking(school.teacher.actor, booking.id)
    services.cards.save_test_card(school.student.actor)
    window = StudentWindow(services=services, user=school.student, runner=runner)
    added = install_payment_ui(window, open_url=UrlRecorder())
    qtbot.addWidget(window)
    window.show()
    assert added.student is not None and added.cards is not None
    assert added.student.pay_button.text() == "Pagar…"
    assert window.tabs.tabText(window.tabs.indexOf(added.cards)) == "Métodos de pago"
    assert window.banner.text().startswith("Pagos en entorno de pruebas, sin dinero real.")

    dialog = open_pay_dialog(qtbot, window, added)
    assert dialog.windowTitle() == "Paga tu clase"
    assert dialog.total_label.text() == "78,75 USD"
    assert dialog.fee_label.text() == "3,75 USD"
    assert dialog.pay_button.text() == "Pagar 78,75 USD"
    assert dialog.cancel_button.text() == "Cancelar"
    assert dialog.policy_label.text().startswith("Política de cancelación: puedes cancelar")
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Clase", "Comisión de la plataforma", "Total", "Tarjeta"} <= labels
    assert "Conversational Spanish con Lucía Ruiz" in labels
    assert "caduca 12/" in dialog.card_combo.currentText()
    dialog.reject()


def test_the_cards_page_reads_in_spanish(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, spanish: None
) -> None:
    services.cards.save_test_card(school.student.actor)
    window = StudentWindow(services=services, user=school.student, runner=runner)
    added = install_payment_ui(window, open_url=UrlRecorder())
    qtbot.addWidget(window)
    window.show()
    page = added.cards
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert headers(page.model) == ["Tarjeta", "Caduca", "Predeterminada", "Añadida"]
    assert page.model.cell_text(0, "Tarjeta") == "Visa terminada en 4242"
    assert page.model.cell_text(0, "Predeterminada") == "Predeterminada"
    assert page.model.cell_text(0, "Añadida").endswith(" mar 2027")
    assert [page.add_button.text(), page.default_button.text(), page.remove_button.text()] == [
        "Añadir tarjeta…",
        "Hacer predeterminada",
        "Eliminar…",
    ]


def test_the_refund_dialog_and_its_preview_read_in_spanish(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, spanish: None
) -> None:
    _page, dialog = open_refund_dialog(qtbot, services, runner, school)
    assert dialog.windowTitle() == "Reembolso"
    assert dialog.refund_button.text() == "Reembolsar 31,50 USD"
    assert dialog.full_radio.text() == "Todo lo que queda (31,50 USD)"
    assert dialog.partial_radio.text() == "Una parte:"
    assert dialog.paid_label.text() == "Pagado 31,50 USD · ya reembolsado 0,00 USD"
    shown = {str(label): value.text() for label, value in dialog.preview_values.items()}
    assert shown["Back to the student"] == "31,50 USD"
    assert shown["Platform fee"] == "1,50 USD devueltos (1,50 USD → 0,00 USD)"
    assert shown["Teacher's share"] == "30,00 USD → 0,00 USD (-30,00 USD)"
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Devuelto al estudiante", "Parte del profesor", "Qué hace este reembolso"} <= labels
    assert dialog.reason_edit.placeholderText().startswith("Motivo interno (obligatorio)")
    dialog.reject()


def test_the_teachers_earnings_and_statements_read_in_spanish(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School, spanish: None
) -> None:
    paid_booking(services, school)
    window = TeacherWindow(services=services, user=school.teacher, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = added.earnings
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Ingresos"
    assert headers(page.model)[:3] == ["Clase", "Estudiante", "Oferta"]
    assert page.model.cell_text(0, "Clase") == "mié 3 mar 2027, 11:00"
    assert page.model.cell_text(0, "Bruto") == "31,50 USD"
    assert page.total_rows() == [
        ("USD", "1", "31,50 USD", "1,50 USD", "30,00 USD", "—", "30,00 USD")
    ]
    assert page.period.combo.currentText() == "Todo"
    assert page.refresh_button.text() == "Actualizar"
    assert page.export_button.text() == "Exportar CSV…"
    assert page.upcoming_label.text().startswith("Ingresos próximos: 30,00 USD (1 clase)")

    statements = window.statements
    window.tabs.setCurrentWidget(statements)
    qtbot.waitUntil(lambda: statements.statement is not None, timeout=WAIT)
    assert statements.pdf_button.text() == "Guardar como PDF…"
    assert statements.payouts_heading.text() == "Pagos que has recibido"
    assert headers(statements.lines_model) == [
        "Moneda",
        "Clases",
        "Ganado",
        "Pagado al profesor",
        "Adeudado",
    ]
    assert headers(statements.payouts_model)[0] == "Pagado el"
    assert statements.period.combo.currentText() == "Este mes"
    statement = statements.statement
    assert statement is not None
    assert period_text(statement) == "lun 1 mar 2027 a mié 31 mar 2027 (Europe/Madrid)"
    html = statement_html(statement, teacher_id=school.teacher.id, teacher_name="Lucía Ruiz")
    assert "Extracto del profesor" in html and "Pagos al profesor en el periodo" in html
    assert "Adeudado al final" in html and "30,00 USD" in html
