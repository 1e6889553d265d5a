"""The "Add card…" hand-off in the cards page with pytest-qt, on the real services and the
sandbox: the Checkout Session's hosted page is opened through QDesktopServices.openUrl
(intercepted here), the waiting dialog shows progress and the time elapsed and can open the
page again, Cancel expires the session, an expired session says so, and a card saved on the
page (played over HTTP) appears with brand, last 4 and expiry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.payments.cards_page import CardsPage
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.wait_dialog import WaitDialog, elapsed_text
from tests.integration.checkout_helpers import submit_card
from tests.ui.booking_ui_helpers import School, make_school

WAIT = 15000


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL given to QDesktopServices.openUrl (no browser is started)."""
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


@pytest.fixture
def school(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> School:
    return make_school(clocked_services)


@pytest.fixture
def page(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner, school: School
) -> Iterator[CardsPage]:
    cards_page = CardsPage(services=clocked_services, actor=school.student.actor, runner=runner)
    qtbot.addWidget(cards_page)
    cards_page.show()
    qtbot.waitUntil(lambda: cards_page.table.showing_empty_state(), timeout=WAIT)
    cards_page.poll_interval = 0.1
    yield cards_page
    runner.wait_for_idle()


def start_adding(qtbot: QtBot, page: CardsPage, opened: list[str]) -> WaitDialog:
    page.add_button.click()
    qtbot.waitUntil(lambda: page.wait_dialog is not None and len(opened) == 1, timeout=WAIT)
    dialog = page.wait_dialog
    assert dialog is not None
    return dialog


def session_id_of(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_add_card_opens_stripes_page_waits_with_progress_and_lists_the_saved_card(
    qtbot: QtBot,
    page: CardsPage,
    opened: list[str],
    stripe_sandbox: StripeSandbox,
    clocked_services: AppServices,
) -> None:
    dialog = start_adding(qtbot, page, opened)

    assert opened[0].startswith(f"{stripe_sandbox.api_base}/checkout/pay/cs_test_")
    assert dialog.isVisible() and dialog.progress.isVisible()
    assert "Waiting for you to finish on Stripe's page" in dialog.message_label.text()
    assert dialog.elapsed_label.text() == elapsed_text(0) == "Waiting for 0:00"
    assert dialog.address_edit.text() == opened[0]
    assert not page.add_button.isEnabled()
    dialog.reopen_button.click()
    assert opened == [opened[0], opened[0]]  # "Open the page again"

    with qtbot.waitSignal(page.setup_finished, timeout=WAIT) as finished:
        submit_card(opened[0], "4242 4242 4242 4242")  # the student, in the browser
    assert finished.args[0].state == "succeeded"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.wait_dialog is None and page.add_button.isEnabled()
    assert page.notice_label.text() == "Visa •••• 4242, expires 11/2031 saved."
    assert (page.model.cell_text(0, "Card"), page.model.cell_text(0, "Expires")) == (
        "Visa ending in 4242",
        "11/2031",
    )
    assert (
        clocked_services.payments_gateway.retrieve_checkout_session(session_id_of(opened[0])).status
        == "complete"
    )


def test_cancel_expires_the_session_and_says_nothing_was_saved(
    qtbot: QtBot, page: CardsPage, opened: list[str], clocked_services: AppServices
) -> None:
    dialog = start_adding(qtbot, page, opened)

    with qtbot.waitSignal(page.setup_finished, timeout=WAIT) as finished:
        dialog.cancel_button.click()
        assert dialog.message_label.text() == "Cancelling…"  # the GUI did not wait for Stripe
    assert finished.args[0].state == "canceled"
    assert page.notice_label.text() == "Card setup cancelled; no card was saved."
    session = clocked_services.payments_gateway.retrieve_checkout_session(session_id_of(opened[0]))
    assert session.status == "expired"


def test_a_session_expired_at_stripe_is_reported_as_an_error(
    qtbot: QtBot, page: CardsPage, opened: list[str], clocked_services: AppServices
) -> None:
    start_adding(qtbot, page, opened)

    with qtbot.waitSignal(page.setup_finished, timeout=WAIT) as finished:
        clocked_services.payments_gateway.expire_checkout_session(session_id_of(opened[0]))
    assert finished.args[0].state == "expired"
    assert page.error_label.text().startswith("Stripe's card page expired")
    assert page.model.rowCount() == 0


def test_elapsed_time_reads_minutes_and_seconds() -> None:
    assert [elapsed_text(s) for s in (5, 65, 600)] == [
        "Waiting for 0:05",
        "Waiting for 1:05",
        "Waiting for 10:00",
    ]
