"""The admin's other tabs follow a refund made in the Payments tab without a Refresh: the
Revenue chart counts it and the Audit trail lists it (they were stale until Refresh)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import apply_theme
from tests.ui.booking_ui_helpers import make_school
from tests.ui.payment_ui_helpers import paid_booking

WAIT = 15_000


def test_revenue_and_audit_reload_after_a_refund_in_the_payments_tab(
    qtbot: QtBot,
    clocked_services: AppServices,
    stripe_sandbox: StripeSandbox,
    runner: TaskRunner,
) -> None:
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    services = clocked_services
    school = make_school(services)
    booking = paid_booking(services, school)
    window = AdminWindow(services=services, user=school.admin, runner=runner)
    install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    revenue, audit = window.revenue, window.audit
    for page in (revenue, audit):  # each tab shown once, as the admin would look at it
        window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: revenue.report is not None, timeout=WAIT)
    assert revenue.report is not None
    assert sum(line.refunded_minor for line in revenue.report.totals) == 0
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=WAIT)
    assert not any(
        audit.model.event_at(row).action.startswith("refund.")
        for row in range(audit.model.rowCount())
    )
    refunded: list[object] = []
    payments_ops.refund(
        OpContext.of(window),
        school.admin.actor,
        booking.id,
        amount_minor=1000,
        reason="Late start",
        request_key=uuid.uuid4().hex,
        on_success=refunded.append,
    )
    qtbot.waitUntil(lambda: bool(refunded), timeout=WAIT)
    # a hidden tab reloads when it is shown next (and a shown one at once)
    window.tabs.setCurrentWidget(revenue)
    qtbot.waitUntil(
        lambda: (
            revenue.report is not None
            and [line.refunded_minor for line in revenue.report.totals] == [1000]
        ),
        timeout=WAIT,
    )
    window.tabs.setCurrentWidget(audit)
    qtbot.waitUntil(
        lambda: any(
            audit.model.event_at(row).action == "refund.succeeded"
            for row in range(audit.model.rowCount())
        ),
        timeout=WAIT,
    )
