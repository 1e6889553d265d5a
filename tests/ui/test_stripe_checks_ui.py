"""The two Stripe checks in the admin's window, against the real services and the real
in-process localstripe: "Verify with Stripe" (Payments tab) runs in the background with
progress while the window stays usable, then fills the differences and totals tables;
Settings > Payments > Check shows the key check's outcome."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices, key_check_for
from linguaflex_desktop.models import Payment
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.payments.key_check import TWO_ACCOUNTS, StripeKeyCheck
from linguaflex_desktop.services.payments.stripe_dto import KeyCheckReport
from linguaflex_desktop.ui.admin.payments_page import AdminPaymentsPage
from linguaflex_desktop.ui.admin.settings_dialog import SettingsDialog
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.fakes import FakePaymentsGateway
from tests.fakes.stripe_keys import FakeKeyProbe
from tests.integration.key_check_helpers import SandboxCheckoutSpy
from tests.ui.booking_ui_helpers import School, make_school
from tests.ui.payment_ui_helpers import WAIT_MS, confirmed_booking
from tests.ui.ui_helpers import column_texts

Gate = Callable[..., Any]


@pytest.fixture
def services(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> AppServices:
    clocked_services.payments_gateway  # noqa: B018 - start payments on the (reset) sandbox
    return clocked_services


@pytest.fixture
def school(services: AppServices) -> School:
    return make_school(services)


def pay_one(services: AppServices, school: School) -> int:
    booking = confirmed_booking(services, school)
    services.cards.save_test_card(school.student.actor)
    outcome = services.payments.pay_booking(school.student.actor, booking.id)
    assert outcome.state == "succeeded"
    return outcome.payment_id


def test_verify_runs_in_the_background_and_fills_the_differences_and_totals(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,
    school: School,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    payment_id = pay_one(services, school)
    with services.ctx.unit_of_work() as uow:
        paid = uow.session.get(Payment, payment_id)
        assert paid is not None
        currency = paid.currency
        charged = format_money(paid.amount_minor, currency)
        ours = format_money(paid.amount_minor + 100, currency)
    with services.ctx.unit_of_work() as uow:  # our side now says 1.00 more than Stripe
        uow.session.execute(
            update(Payment)
            .where(Payment.id == payment_id)
            .values(
                amount_minor=Payment.amount_minor + 100,
                teacher_share_minor=Payment.teacher_share_minor + 100,
            )
        )
        uow.commit()
    at_stripe, release = threading.Event(), threading.Event()
    gateway = services.payments_gateway
    original = gateway.retrieve_payment_intent

    def held_at_stripe(payment_intent_id: str) -> Any:  # pool thread: Stripe is slow
        at_stripe.set()
        assert release.wait(WAIT_MS / 1000)
        return original(payment_intent_id)

    monkeypatch.setattr(gateway, "retrieve_payment_intent", held_at_stripe)
    page = AdminPaymentsPage(services=services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)

    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    dialog = page.verify_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(at_stripe.is_set, timeout=WAIT_MS)
    # Stripe has not answered, yet the window reacts: typing and reloading still work.
    assert dialog.running and dialog.stop_button.isEnabled()
    qtbot.keyClicks(page.booking_edit, "12")
    assert page.booking_edit.text() == "12"
    page.booking_edit.clear()
    assert "Comparing" in dialog.status_label.text()
    assert page.verify_with_stripe() is dialog  # a second click raises the same window
    release.set()

    with qtbot.waitSignal(dialog.finished_verification, timeout=WAIT_MS) as done:
        pass
    result = done.args[0] if done.args else dialog.verification
    assert result is not None and result.checked == 1
    assert dialog.progress.value() == 1 and dialog.progress.maximum() == 1
    assert column_texts(dialog.difference_view, 3) == ["Amount differs"]
    assert column_texts(dialog.difference_view, 4) == [ours]
    assert column_texts(dialog.difference_view, 5) == [charged]
    assert column_texts(dialog.totals_view, 0) == [currency]
    assert column_texts(dialog.totals_view, 1) == [ours]
    assert column_texts(dialog.totals_view, 2) == [charged]
    assert column_texts(dialog.totals_view, 7) == ["differs"]
    assert "1 difference(s)" in dialog.status_label.text()
    assert not dialog.running and dialog.again_button.isEnabled()


def test_verify_shows_agreement_and_closing_the_window_forgets_it(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> None:
    pay_one(services, school)
    page = AdminPaymentsPage(services=services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(page)
    page.show()

    dialog = page.verify_with_stripe()
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=WAIT_MS)

    assert dialog.difference_table.showing_empty_state()
    assert dialog.difference_table.empty_label.text() == "No differences."
    assert column_texts(dialog.totals_view, 7) == ["agrees"]
    assert "agrees with Stripe" in dialog.status_label.text()
    dialog.close()
    qtbot.waitUntil(lambda: page.verify_dialog is None, timeout=WAIT_MS)


def open_settings(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> SettingsDialog:
    dialog = SettingsDialog(services=services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def test_settings_check_shows_that_the_sandbox_keys_work(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,
    school: School,
    stripe_sandbox: StripeSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    payments = services.payment_services
    check = key_check_for(
        services.settings, services.ctx, SandboxCheckoutSpy(stripe_sandbox), payments.sandbox
    )
    monkeypatch.setattr(payments, "key_check", check)
    dialog = open_settings(qtbot, services, runner, school)

    with qtbot.waitSignal(dialog.keys_checked, timeout=WAIT_MS) as checked:
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        assert not dialog.check_button.isEnabled()

    report = checked.args[0]
    assert isinstance(report, KeyCheckReport) and report.ok
    text = dialog.check_label.text()
    assert text.startswith("The Stripe keys work (sandbox).")
    assert "✓ Both keys belong to account acct_" in text
    assert "✗" not in text and dialog.check_button.isEnabled()


def test_settings_check_says_what_to_fix_when_the_keys_are_of_two_accounts(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,
    school: School,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    probe = FakeKeyProbe()
    probe.always("token_visible", False)
    check = StripeKeyCheck(
        services.ctx,
        secret_key="sk_test_school",
        publishable_key="pk_test_elsewhere",
        sandbox=False,
        probe=lambda: probe,
        gateway=FakePaymentsGateway,
    )
    monkeypatch.setattr(services.payment_services, "key_check", check)
    dialog = open_settings(qtbot, services, runner, school)

    with qtbot.waitSignal(dialog.keys_checked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)

    assert dialog.check_label.text().splitlines() == [
        "✓ Both keys are present and test mode keys.",
        f"✗ {TWO_ACCOUNTS}",
    ]
