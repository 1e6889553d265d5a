"""Benchmark: the window stays live while every peer is slow (3 s a call).

Usage: PYTHONPATH=. python bench/bench_slow_peers.py [DATABASE_URL ...] (or ``python -m bench
--only slow_peers``). It runs on SQLite only: the peers are what is slowed, not the database.

The student's window (with its payment pages) is open while, in each round, the student adds
a card (Add card…: the setup is started, the hand-off dialog polls the hosted page until it
is completed, the card is saved) and pays a confirmed booking with it (the pay dialog: the
PaymentIntent is made and confirmed); meanwhile the app's worker thread creates the meeting
and sends the e-mails that each payment queues (during the next round; the last round waits
for them). Stripe, Zoom and the mail server are the
suite's scripted fakes (``tests/fakes``) behind ``SlowPeer``, which makes every call wait
PEER_SECONDS first, on the thread that makes it, so a call made on the GUI thread would show
as a gap of at least that long.

A 10 ms timer on the GUI thread keeps its longest gap over each round (every step, the
worker's jobs included), beside the same timer over an idle event loop; goal 50 ms, worst
of 3 rounds. How long each round took, and how many peer calls it waited on, go to stderr.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bench.bench_booking_windows import GAP_GOAL_MS, ensure_application
from bench.figure import Figure
from bench.gui_probe import (
    StallMonitor,
    collecting_as_the_app_does,
    idle_gap,
    settle,
    wait_for,
)
from bench.harness import size
from bench.suite import main_alone
from linguaflex_desktop.adapters.stripe import gateway as stripe_gateway
from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.models import JobState, OutboxJob, PaymentStatus
from linguaflex_desktop.models import SessionBooking as B
from linguaflex_desktop.services.common.outbox import OutboxWorker
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.messaging.notifications import NotificationService
from linguaflex_desktop.ui.payments.pages import PaymentUI, install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.worker.handlers import build_handlers
from linguaflex_desktop.worker.runtime import WorkerThread, default_worker_id
from tests.fakes.mail import FakeMailer
from tests.fakes.meetings import FakeMeetingProvider
from tests.fakes.payments import FakePaymentsGateway
from tests.ui.booking_ui_helpers import WEDNESDAY_10_UTC, School, book, make_school

ROUNDS = size(3, 1)
PEER_SECONDS = size(3000, 20) / 1000  # each call to Stripe, Zoom or the mail server
POLL_SECONDS = 0.2  # the card hand-off's and the pay dialog's polling (tests use the same)
NOW = WEDNESDAY_10_UTC - timedelta(days=2)  # the app's clock: the bookings are ahead


class SlowPeer:
    """``peer`` answering every method call PEER_SECONDS late, on the calling thread (and
    counting the calls); its other attributes (``is_sandbox`` and the like) answer at once."""

    def __init__(self, peer: object, seconds: float) -> None:
        self._peer, self._seconds = peer, seconds
        self._lock = threading.Lock()
        self.calls = 0
        self.on_gui_thread = 0

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._peer, name)
        if name.startswith("_") or not callable(value):
            return value

        def slowed(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self.calls += 1
                self.on_gui_thread += threading.current_thread() is threading.main_thread()
            time.sleep(self._seconds)
            return value(*args, **kwargs)

        return slowed


class SlowWorld:
    """The app's services with Stripe, Zoom and mail slowed, and the app's worker thread."""

    def __init__(self, folder: Path) -> None:
        self.stripe = FakePaymentsGateway()
        self.zoom = FakeMeetingProvider()
        self.mail = FakeMailer()
        self.peers = [SlowPeer(peer, PEER_SECONDS) for peer in (self.stripe, self.zoom, self.mail)]
        slow_stripe, slow_zoom, slow_mail = self.peers
        settings = load_settings(
            data_dir=folder, database_url=f"sqlite:///{folder}/slow.sqlite3", environ={}
        )
        opened = stripe_gateway.open_payments_gateway

        def slow_gateway(_settings: object) -> Any:
            return slow_stripe, None

        # the Stripe side starts on first use: it gets the slowed fake instead of the sandbox
        stripe_gateway.open_payments_gateway = slow_gateway  # type: ignore[assignment]
        try:
            services = build_app_services(settings, clock=lambda: NOW)
            services.payment_services  # noqa: B018 - started now, with the fake
        finally:
            stripe_gateway.open_payments_gateway = opened
        self.services = replace(
            services,
            meetings=MeetingService(services.ctx, slow_zoom),
            notifications=NotificationService(
                services.ctx,
                mailer=slow_mail,
                sender=settings.smtp.sender,
            ),
        )
        self.school = make_school(self.services)
        handlers = build_handlers(
            self.services.ctx,
            meetings=self.services.meetings,
            notifications=self.services.notifications,
        )
        worker = OutboxWorker(
            self.services.ctx, handlers, worker_id=default_worker_id(settings, "app")
        )
        self.worker = WorkerThread(worker, poll_interval=POLL_SECONDS)

    @property
    def peer_calls(self) -> int:
        return sum(peer.calls for peer in self.peers)

    @property
    def gui_thread_calls(self) -> int:
        return sum(peer.on_gui_thread for peer in self.peers)

    def jobs_left(self) -> int:
        """Jobs due by the app's clock (meetings, e-mails) not yet done; reminders wait."""
        with self.services.ctx.unit_of_work(write=False) as uow:
            jobs = select(func.count()).select_from(OutboxJob)
            left = jobs.where(OutboxJob.state != JobState.DONE, OutboxJob.next_attempt_at <= NOW)
            return int(uow.session.scalar(left) or 0)

    def jobs(self) -> list[tuple[str, str, str, str | None]]:
        with self.services.ctx.unit_of_work(write=False) as uow:
            columns = (OutboxJob.kind, OutboxJob.state, OutboxJob.next_attempt_at)
            rows = uow.session.execute(select(*columns, OutboxJob.last_error))
            return [(kind, str(state), str(at), error) for kind, state, at, error in rows]

    def paid(self, booking_id: int) -> bool:
        with self.services.ctx.unit_of_work(write=False) as uow:
            status = uow.session.scalar(select(B.payment_status).where(B.id == booking_id))
            return status is PaymentStatus.PAID


def add_card(world: SlowWorld, added: PaymentUI) -> None:
    """Add card…: the hand-off dialog polls until the page is done, then the card is saved."""
    cards = added.cards
    assert cards is not None
    cards.poll_interval = POLL_SECONDS
    sessions = len(world.stripe.checkout_sessions)
    cards.add_card()
    wait_for(lambda: len(world.stripe.checkout_sessions) > sessions, "card setup started")
    wait_for(lambda: cards.wait_dialog is not None, "hand-off dialog")
    session_id = list(world.stripe.checkout_sessions)[-1]
    world.stripe.card_saved_on_page(session_id)  # the student finished the hosted page
    wait_for(lambda: cards.wait_dialog is None, "card saved")


def pay(world: SlowWorld, window: StudentWindow, added: PaymentUI, booking_id: int) -> None:
    """Pay… on the booking's row with the saved card, until the payment has settled."""
    page = window.my_bookings
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    wait_for(lambda: row_of(page, booking_id) is not None, "booking listed")
    page.view.selectRow(row_of(page, booking_id) or 0)
    assert added.student is not None
    dialog = added.student.pay_selected()
    assert dialog is not None
    dialog.poll_interval = POLL_SECONDS
    wait_for(dialog.pay_button.isEnabled, "pay dialog ready")
    dialog.pay_button.click()
    wait_for(lambda: world.paid(booking_id), "payment settled")
    dialog.close()


def row_of(page: Any, booking_id: int) -> int | None:
    for row in range(page.model.rowCount()):
        if page.model.booking_at(row).id == booking_id:
            return int(row)
    return None


def one_round(
    world: SlowWorld, window: StudentWindow, added: PaymentUI, booking_id: int, *, last: bool
) -> tuple[dict[str, float], float]:
    """The longest GUI gap (ms) of each step (adding a card, paying, and in the last round
    waiting for the worker's jobs), and how long the round took (s). The worker makes the
    meeting and sends the mail of one round while the next round adds its card."""
    monitor = StallMonitor()
    started = time.perf_counter()
    gaps: dict[str, float] = {}
    monitor.start()
    assert added.cards is not None
    window.tabs.setCurrentWidget(added.cards)
    add_card(world, added)
    gaps["card"] = monitor.take()
    window.tabs.setCurrentWidget(window.my_bookings)
    pay(world, window, added, booking_id)
    gaps["pay"] = monitor.take()
    if last:
        try:
            wait_for(lambda: world.jobs_left() == 0, "meetings made and mail sent")
        except TimeoutError:
            print(world.jobs(), file=sys.stderr)
            raise
        settle(window.runner)
        gaps["meetings and mail"] = monitor.take()
    monitor.stop()
    return gaps, time.perf_counter() - started


def figures(url: str) -> list[Figure]:
    if make_url(url).get_backend_name() != "sqlite":
        return []  # the peers are slowed, not the database: one database is enough
    ensure_application()
    with tempfile.TemporaryDirectory() as folder, ExitStack() as app_like:
        world = SlowWorld(Path(folder))
        services: AppServices = world.services
        school: School = world.school
        bookings = [
            services.bookings.confirm_booking(
                school.teacher.actor,
                book(services, school, start_at=WEDNESDAY_10_UTC + timedelta(hours=2 * n)).id,
            ).id
            for n in range(ROUNDS)
        ]
        app_like.enter_context(collecting_as_the_app_does())  # before the first window
        runner = TaskRunner()
        window = StudentWindow(services=services, user=school.student, runner=runner)
        added = install_payment_ui(window, open_url=lambda _url: True)
        window.resize(1280, 800)
        window.show()
        settle(runner)
        idle = idle_gap()
        world.worker.start()
        rounds: list[tuple[dict[str, float], float]] = []
        try:
            rounds = [
                one_round(world, window, added, booking, last=booking == bookings[-1])
                for booking in bookings
            ]
        finally:
            world.worker.stop(5.0)
            window.close()
            window.deleteLater()
            settle(runner)
            services.close()
    print(
        f"  sqlite: slow peers ({PEER_SECONDS:.2f} s a call), GUI gap per round (ms) "
        f"{[{step: round(gap) for step, gap in gaps.items()} for gaps, _ in rounds]}, "
        "round took (s) "
        f"{[round(took, 1) for _, took in rounds]}; {world.peer_calls} peer calls, "
        f"{world.gui_thread_calls} of them on the GUI thread",
        file=sys.stderr,
    )
    return [
        Figure(
            "card, payment, meeting and mail with every peer 3 s a call: longest GUI gap",
            max(max(gaps.values()) for gaps, _ in rounds),
            "ms",
            "idle 10 ms timer",
            idle,
            goal_value=GAP_GOAL_MS,
        )
    ]


if __name__ == "__main__":
    main_alone("slow_peers", figures, sys.argv[1:])
