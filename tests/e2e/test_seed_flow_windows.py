"""The seed's complete booking-and-payment flow (shared/seed/booking-payment-flow.md, "Success
Criteria") through the real student, teacher and admin windows, on a fresh SQLite data folder
with the in-process localstripe sandbox and the app's own outbox worker:

demo data loaded from the login window -> the student finds a gig and requests 1 h 30 min
(PENDING/UNPAID, the price with the 5 % fee from the service) -> the teacher confirms it in
"Requests" (CONFIRMED/UNPAID, no meeting to join yet) -> the student saves a card through the
browser hand-off (headless Chromium on the sandbox's Stripe.js) and pays in the pay dialog
(CONFIRMED/PAID) -> the outbox worker runs -> the Jitsi meeting is ready, "Join" (student) and
"Start" (teacher) open its links; both inboxes hold the "paid" message -> the admin sees the
payment (one succeeded PaymentIntent for the booking's amount) and the audit trail.

The variant configures SMTP (an aiosmtpd server): the same flow also e-mails both parties.
Every status is checked on screen and in the store. Real peers only; no sleeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import apply_theme
from linguaflex_desktop.worker.runtime import build_worker
from tests.conftest import FakeClock
from tests.e2e.conftest import browser  # noqa: F401  (the session's headless Chromium)
from tests.e2e.seed_flow_after_payment import (
    admin_sees_the_payment_and_the_audit_trail,
    both_parties_were_emailed,
    inboxes_hold_the_paid_message,
    student_joins_the_meeting,
)
from tests.e2e.seed_flow_booking import (
    load_demo_data_and_sign_in_as_the_student,
    student_adds_a_card_in_the_browser,
    student_pays,
    student_requests_a_session,
    student_sees_confirmed_without_a_meeting,
    teacher_confirms,
)
from tests.e2e.seed_flow_steps import WAIT_MS, open_role_window
from tests.integration.booking_follow_up_helpers import SmtpPeer, start_smtp
from tests.ui.conftest import clocked_services, runner  # noqa: F401  (real services, runner)
from tests.ui.messaging_ui_helpers import drain
from tests.ui.payment_ui_helpers import UrlRecorder

pytestmark = pytest.mark.browser

RunWorker = Callable[[AppServices], None]


@pytest.fixture
def services(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> AppServices:  # noqa: F811
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    return clocked_services


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    peer = start_smtp()
    yield peer
    peer.controller.stop()


@pytest.fixture
def smtp_services(
    tmp_path: Path, clock: FakeClock, stripe_sandbox: StripeSandbox, smtp: SmtpPeer
) -> Iterator[AppServices]:
    """Like ``clocked_services``, with SMTP configured through the environment."""
    environ = {
        "SMTP_HOST": smtp.settings.host or "",
        "SMTP_PORT": str(smtp.settings.port),
        "SMTP_SECURITY": "plain",
    }
    built = build_app_services(load_settings(data_dir=tmp_path, environ=environ), clock=clock)
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    yield built
    built.close()


def run_seed_flow(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,  # noqa: F811
    browser: Any,  # noqa: F811
    run_worker: RunWorker,
) -> str:
    """The whole flow; ``run_worker`` runs the outbox after the payment. Returns the
    student's join link."""
    opener = UrlRecorder()
    student = load_demo_data_and_sign_in_as_the_student(qtbot, services, runner)
    window, payment_ui = open_role_window(qtbot, services, runner, student, opener)
    assert isinstance(window, StudentWindow)

    booking = student_requests_a_session(qtbot, services, window)
    teacher_confirms(qtbot, services, runner, opener, booking)
    student_sees_confirmed_without_a_meeting(qtbot, services, window, booking)
    student_adds_a_card_in_the_browser(qtbot, services, window, payment_ui, opener, browser)
    student_pays(qtbot, services, window, payment_ui, booking)

    run_worker(services)
    student_joins_the_meeting(qtbot, services, window, booking)
    inboxes_hold_the_paid_message(qtbot, services, runner, opener, window, booking)
    admin_sees_the_payment_and_the_audit_trail(qtbot, services, runner, opener, booking)
    runner.wait_for_idle(WAIT_MS)
    return services.meetings.join_url(window.actor, booking.id)


def test_seed_flow_books_confirms_pays_meets_and_notifies_through_the_three_windows(
    qtbot: QtBot,
    services: AppServices,
    runner: TaskRunner,  # noqa: F811
    browser: Any,  # noqa: F811
) -> None:
    def run_once(app: AppServices) -> None:
        worker = build_worker(app, app.settings, worker_id="e2e-seed-worker")
        assert worker.run_once() == 1  # the create-meeting job, which also tells both parties

    run_seed_flow(qtbot, services, runner, browser, run_once)


def test_seed_flow_with_smtp_also_emails_both_parties_in_their_own_time_zones(
    qtbot: QtBot,
    smtp_services: AppServices,
    smtp: SmtpPeer,
    runner: TaskRunner,  # noqa: F811
    browser: Any,  # noqa: F811
) -> None:
    def run_until_done(app: AppServices) -> None:
        worker = build_worker(app, app.settings, worker_id="e2e-seed-mail-worker")
        # requested + confirmed e-mails, the create-meeting job, then its two "paid" e-mails
        assert drain(worker) == 5

    join_url = run_seed_flow(qtbot, smtp_services, runner, browser, run_until_done)
    both_parties_were_emailed(smtp.inbox.messages(), join_url)
