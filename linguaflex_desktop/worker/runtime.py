"""Running the background work: the outbox worker with every handler, plus periodic upkeep.

``build_worker`` wires an ``OutboxWorker`` with the meeting, e-mail and reminder handlers.
``WorkerThread`` runs it on a thread of the GUI process (and the periodic tasks —
``DueTransitions.run_due_transitions`` and the payment reconcile — on a second one). Both
work in bounded batches that rest between them (``Pace``), so they never hold the GUI
thread's interpreter for long, and stop at the next batch boundary: ``stop(timeout)`` ends
both cleanly, or gives up waiting after ``timeout`` (a job in hand waiting on a slow peer is
taken back at the next start, as after a crash). ``run_headless`` is the ``linguaflex worker``
command: the same, until Ctrl-C or SIGTERM.
No Qt here: the GUI starts and stops a ``WorkerThread`` from app.py.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from linguaflex_desktop import bootstrap
from linguaflex_desktop.bootstrap import meeting_service_for, notification_service_for
from linguaflex_desktop.config import Settings
from linguaflex_desktop.models import Payment, PaymentAttemptStatus, Refund, RefundStatus
from linguaflex_desktop.services.booking.events import REFUND_IN_FLIGHT
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.outbox import OutboxWorker
from linguaflex_desktop.services.common.pacing import GUI_BATCH_ITEMS, GiveWay, Pace
from linguaflex_desktop.worker.handlers import build_handlers

log = logging.getLogger(__name__)

DUE_TRANSITIONS_INTERVAL = 60.0
RECONCILE_INTERVAL = 300.0
APP_START_DELAY = 3.0  # seconds between the app's start and its worker's first round


@dataclass(frozen=True)
class PeriodicTask:
    """``action(pace)`` runs every ``interval`` seconds; it asks ``pace`` between its batches
    whether to go on (the app is quitting) and rests as it says."""

    name: str
    interval: float
    action: Callable[[Pace], object]


def default_worker_id(settings: Settings, mode: str) -> str:
    """Embedded SQLite has one app per data folder: a fixed id lets a restart take back its
    own interrupted jobs at once. On a shared database every process gets its own id."""
    host = socket.gethostname()[:60]
    if settings.is_sqlite:
        return f"{host}:embedded"
    return f"{host}:{os.getpid()}:{mode}"[:120]


def build_worker(
    services_or_ctx: Any,
    settings: Settings,
    *,
    worker_id: str | None = None,
    mode: str = "app",
    **worker_options: Any,
) -> OutboxWorker:
    """An OutboxWorker with every handler. ``services_or_ctx`` is the app's ``AppServices``
    (its ``meetings`` / ``notifications`` are used when present) or a ServiceContext."""
    ctx: ServiceContext = getattr(services_or_ctx, "ctx", services_or_ctx)
    meetings = getattr(services_or_ctx, "meetings", None) or meeting_service_for(ctx, settings)
    notifications = getattr(services_or_ctx, "notifications", None) or notification_service_for(
        ctx, settings
    )
    handlers = build_handlers(ctx, meetings=meetings, notifications=notifications)
    return OutboxWorker(
        ctx, handlers, worker_id=worker_id or default_worker_id(settings, mode), **worker_options
    )


def maintenance_tasks(services_or_ctx: Any) -> list[PeriodicTask]:
    """Due booking transitions (expiry, overdue payment, completion) every minute, and the
    payment reconcile every five minutes when the app has a reconciler (its Stripe side is
    only started when a payment is actually unsettled)."""
    ctx: ServiceContext = getattr(services_or_ctx, "ctx", services_or_ctx)
    due = getattr(services_or_ctx, "due_transitions", None)
    if due is None:
        from linguaflex_desktop.services.booking.due import DueTransitions

        due = DueTransitions(ctx)
    tasks = [
        PeriodicTask("due booking transitions", DUE_TRANSITIONS_INTERVAL, due.run_due_transitions)
    ]
    # Looked up on the class too: AppServices.reconciler is a property that would start Stripe.
    if hasattr(type(services_or_ctx), "reconciler") or "reconciler" in getattr(
        services_or_ctx, "__dict__", {}
    ):

        def reconcile(pace: Pace) -> object:
            if not has_unsettled_payments(ctx):
                return None
            return services_or_ctx.reconciler.reconcile_pending(should_stop=pace.stopping)

        tasks.append(PeriodicTask("payment reconcile", RECONCILE_INTERVAL, reconcile))
    return tasks


def has_unsettled_payments(ctx: ServiceContext) -> bool:
    """Any PaymentIntent or refund whose outcome we do not know yet (worth asking Stripe),
    including refunds whose Stripe call got no answer (``creating``)."""
    active = (PaymentAttemptStatus.CREATING, PaymentAttemptStatus.PENDING)
    unsettled_refunds = (RefundStatus.CREATING, *REFUND_IN_FLIGHT)
    with ctx.unit_of_work(write=False) as uow:
        found = uow.session.scalar(select(Payment.id).where(Payment.status.in_(active)).limit(1))
        if found is None:
            found = uow.session.scalar(
                select(Refund.id).where(Refund.status.in_(unsettled_refunds)).limit(1)
            )
    return found is not None


class WorkerThread:
    """The outbox worker (and periodic tasks) on background threads of this process.

    ``rest`` (the GUI process) makes both rest between batches, ``give_way`` (the GUI's "have
    you got through the work in hand?") makes each batch wait for the GUI thread, and
    ``start_delay`` lets the first window be built before any work begins (a quit meanwhile
    ends them at once); ``start()`` once; ``stop(timeout)`` sets the stop flag and joins both
    threads, returning
    True when they ended in time. Their work stops at the next batch boundary (a few tens of
    milliseconds); only a handler inside a peer's call (Zoom, SMTP, Stripe, each with its own
    time-out) can outlast ``timeout``. Threads are daemons, so such a handler never keeps the
    process alive after ``stop`` gave up waiting: its job stays claimed and is taken back at
    the next start (the crash recovery of the outbox; handlers are idempotent), and a database
    transaction cut by the exit rolls back. Start and stop from one (e.g. the Qt) thread.
    """

    # How long quitting the app waits for the worker (app.py): its batches end within tens of
    # milliseconds; a handler inside a peer's call gets this long to finish before it is left
    # (the rest of the quit, closing the services, fits in the same second).
    QUIT_TIMEOUT = 0.5

    def __init__(
        self,
        worker: OutboxWorker,
        *,
        poll_interval: float = 1.0,
        periodic: Sequence[PeriodicTask] = (),
        rest: bool = True,
        give_way: GiveWay | None = None,
        start_delay: float = 0.0,
    ) -> None:
        self.worker = worker
        self._give_way = give_way
        self._poll_interval = poll_interval
        self._rest = rest
        self._start_delay = start_delay
        self._periodic = tuple(periodic)
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run_outbox, name="linguaflex-outbox", daemon=True),
        ]
        if self._periodic:
            self._threads.append(
                threading.Thread(target=self._run_periodic, name="linguaflex-upkeep", daemon=True)
            )

    @property
    def stop_event(self) -> threading.Event:
        return self._stop

    def start(self) -> None:
        for thread in self._threads:
            thread.start()
        log.info("background worker %s started", self.worker.worker_id)

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask both threads to end after the work in hand; wait up to ``timeout`` seconds."""
        self._stop.set()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            if thread.is_alive() or thread.ident is not None:
                thread.join(max(0.0, deadline - time.monotonic()))
        stopped = not self.is_alive()
        if stopped:
            log.info("background worker %s stopped", self.worker.worker_id)
        else:
            in_hand = self.worker.job_in_hand
            log.warning(
                "background worker %s did not stop in %.1f s (%s); left for the next start",
                self.worker.worker_id,
                timeout,
                f"job {in_hand.job_id} ({in_hand.kind}) in hand" if in_hand else "between jobs",
            )
        return stopped

    def is_alive(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def _run_outbox(self) -> None:
        if self._stop.wait(self._start_delay):
            return
        self.worker.run_forever(self._stop, self._poll_interval, pace=self._pace())

    def _pace(self) -> Pace:
        """Rests between batches where a GUI shares the interpreter; the headless worker
        only stops at the boundaries."""
        if self._rest:
            return Pace(self._stop, give_way=self._give_way, max_items=GUI_BATCH_ITEMS)
        return Pace(self._stop, rest_ratio=0.0, min_rest=0.0, max_rest=0.0)

    def _run_periodic(self) -> None:
        if self._stop.wait(self._start_delay):
            return
        pace = self._pace()
        next_run = {task.name: 0.0 for task in self._periodic}
        while not self._stop.is_set():
            now = time.monotonic()
            for task in self._periodic:
                if self._stop.is_set():
                    return
                if now >= next_run[task.name]:
                    _run_task(task, pace)
                    next_run[task.name] = time.monotonic() + task.interval
            self._stop.wait(max(0.05, min(next_run.values()) - time.monotonic()))


def _run_task(task: PeriodicTask, pace: Pace) -> None:
    try:
        task.action(pace)
    except Exception:
        log.exception("periodic task %r failed; it runs again later", task.name)


def start_app_worker(services: Any, *, give_way: GiveWay | None = None) -> WorkerThread:
    """The GUI's worker: started after sign-in screens exist, stopped by ``stop`` on quit.

    E-mail delivery was switched on (or off) by ``bootstrap.build_app_services``. The work
    begins APP_START_DELAY seconds after: the catch-up of a day away (due transitions, jobs,
    the reconcile) then no longer competes with building the first windows."""
    thread = WorkerThread(
        build_worker(services, services.settings, mode="app"),
        periodic=maintenance_tasks(services),
        give_way=give_way,
        start_delay=APP_START_DELAY,
    )
    thread.start()
    return thread


def run_headless(
    settings: Settings,
    *,
    poll_interval: float = 1.0,
    once: bool = False,
    stop_event: threading.Event | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """``linguaflex worker``: run jobs and upkeep until Ctrl-C / SIGTERM (or ``stop_event``).

    ``once`` runs every due job and the due transitions, then returns. Exit code 0.
    """
    services = bootstrap.build_app_services(settings)
    notice = bootstrap.sandbox_scope_notice(services.settings)
    if notice:  # the worker settles payments too
        print(f"linguaflex: {notice}", file=sys.stderr)
    try:
        worker = build_worker(services, services.settings, mode="headless")
        if once:
            return _run_once(services, worker, out)
        stop = stop_event or threading.Event()
        thread = WorkerThread(
            worker, poll_interval=poll_interval, periodic=maintenance_tasks(services), rest=False
        )
        restore = _install_stop_signals(stop)
        try:
            thread.start()
            out(f"LinguaFlex worker {worker.worker_id} running on {settings.describe_database()}")
            out("Press Ctrl-C to stop.")
            while not stop.wait(0.5):
                if not thread.is_alive():
                    break
        finally:
            restore()
            stopped = thread.stop(timeout=30.0)
        out("Worker stopped." if stopped else "Worker did not stop in time; exiting anyway.")
        return 0
    finally:
        services.close()


def _run_once(services: Any, worker: OutboxWorker, out: Callable[[str], None]) -> int:
    for task in maintenance_tasks(services):
        _run_task(task, Pace.unpaced())
    worker.recover_stale()
    total = 0
    while (ran := worker.run_once()) > 0:
        total += ran
    out(f"Ran {total} job(s).")
    return 0


def _install_stop_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGINT and SIGTERM set ``stop`` (only possible on the main thread; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handle(signum: int, _frame: object) -> None:
        log.info("signal %d: stopping the worker", signum)
        stop.set()

    for sig in previous:
        signal.signal(sig, handle)

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return restore
