"""Named UI operations and the app-wide "data changed" signal: a change emits one event after
success and none on failure; pages refresh from the signal without page-to-page wiring; no
window calls the TaskRunner directly any more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.errors import UserFacingError
from linguaflex_desktop.models.enums import BookingStatus
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.data_changed import Change, data_events
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import School, book, make_school
from tests.ui.payment_ui_helpers import paid_booking

WAIT = 10000
UI = Path(__file__).resolve().parents[2] / "linguaflex_desktop" / "ui"


@pytest.fixture
def app_services(clocked_services: AppServices) -> AppServices:
    """Real services whose clock is fixed before the bookings of the helpers."""
    return clocked_services


@pytest.fixture
def school(app_services: AppServices) -> School:
    return make_school(app_services)


def record(runner: TaskRunner) -> list[Change]:
    changes: list[Change] = []
    data_events(runner).changed.connect(changes.append)
    return changes


def test_a_change_emits_one_event_after_success_and_none_on_failure(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = book(app_services, school)
    changes = record(runner)
    ctx = OpContext(app_services, runner)
    done: list[object] = []
    with qtbot.waitSignal(data_events(runner).changed, timeout=WAIT):
        booking_ops.cancel_booking(
            ctx,
            school.student.actor,
            booking.id,
            reason="Plans changed",
            expected_version=booking.version,
            on_success=done.append,
        )
    assert len(done) == 1
    assert len(changes) == 1
    assert changes[0].kind == "booking" and changes[0].ids == (booking.id,)

    failed: list[BaseException] = []
    booking_ops.cancel_booking(  # stale version: the service refuses it
        ctx,
        school.student.actor,
        booking.id,
        reason="Again",
        expected_version=booking.version,
        on_failure=failed.append,
    )
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT)
    assert runner.wait_for_idle(WAIT)
    assert isinstance(failed[0], UserFacingError)
    assert len(changes) == 1


def test_a_read_emits_nothing(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = book(app_services, school)
    changes = record(runner)
    got: list[object] = []
    booking_ops.get_booking(
        OpContext(app_services, runner), school.student.actor, booking.id, on_success=got.append
    )
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    assert runner.wait_for_idle(WAIT)
    assert changes == []


def test_my_bookings_shows_a_cancel_made_elsewhere(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner, school: School
) -> None:
    booking = book(app_services, school)
    window = StudentWindow(services=app_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    window.show()
    page = window.my_bookings
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.model.booking_at(0).status is BookingStatus.PENDING

    booking_ops.cancel_booking(  # not from the page: no owner, no wiring to the page
        OpContext(app_services, runner),
        school.student.actor,
        booking.id,
        reason="Plans changed",
        expected_version=booking.version,
    )
    qtbot.waitUntil(
        lambda: page.model.booking_at(0).status is BookingStatus.CANCELLED, timeout=WAIT
    )
    window.close()


def test_admin_payments_shows_a_refund_made_elsewhere_without_refresh(
    qtbot: QtBot,
    stripe_sandbox: object,
    app_services: AppServices,
    runner: TaskRunner,
    school: School,
) -> None:
    booking = paid_booking(app_services, school)
    window = AdminWindow(services=app_services, user=school.admin, runner=runner)
    added = install_payment_ui(window)
    qtbot.addWidget(window)
    window.show()
    page = added.admin_payments
    assert page is not None
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    before = page.model.cell_text(0, "Refunded")

    payments_ops.refund(
        OpContext(app_services, runner),
        school.admin.actor,
        booking.id,
        amount_minor=None,
        reason="Teacher was ill",
        request_key="refund-elsewhere",
    )
    qtbot.waitUntil(lambda: page.model.cell_text(0, "Refunded") != before, timeout=WAIT)
    window.close()


def test_no_window_calls_the_task_runner_directly() -> None:
    allowed = {UI / "task_runner.py"}
    offenders = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        if path not in allowed and UI / "operations" not in path.parents
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"runner\.run\(", line)
    ]
    assert offenders == []
