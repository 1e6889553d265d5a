"""The child processes of the crash suite (tests/e2e/test_crash_recovery.py).

    python -m tests.e2e.crash_driver setup   DATA_DIR
    python -m tests.e2e.crash_driver crash   DATA_DIR STEP
    python -m tests.e2e.crash_driver recover DATA_DIR

Each command is a whole app process on the SQLite file and the Stripe sandbox of DATA_DIR,
built by ``bootstrap.build_app_services`` as the app builds itself. The sandbox (localstripe)
is the folder's own server process, which the first child starts and which outlives it (as
Stripe outlives the app): a killed child leaves at the sandbox exactly what Stripe had
answered, and the next process of the same folder finds it there. Each test's folder is a copy
of the template, so it gets a server of its own (loaded from the copied state). Zoom and SMTP
are the parent's fake Zoom server and aiosmtpd inbox, named in DATA_DIR/peers.json.

- ``setup``: the world of the booking tests (a student, a teacher, an admin), one CONFIRMED
  booking and the student's saved test card (no Zoom, no SMTP: nothing to send yet).
- ``crash``: pays the booking; a refund step then drains the worker and refunds it in full; a
  meeting or mail step drains the worker (create the meeting, send the "paid" mails). The
  environment names the crash point (``LINGUAFLEX_CRASH_AT``), so the process should die by
  SIGKILL on the way; if it comes back, it prints ``survived`` and exits 0.
- ``recover``: a restart ten minutes later (past the reconcile grace of 2 minutes, the refund
  retry delay and the outbox lease of 5 minutes): the payment reconcile, then the worker until
  nothing is due, then both again (which must change nothing); a booking left payable is paid
  again once. Prints one JSON object: the snapshots (``crash_snapshot``).

Clocks are fixed (the booking tests' instant), so the booking is always two days ahead.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from linguaflex_desktop import bootstrap
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.config import (
    Settings,
    SmtpSettings,
    StripeSettings,
    ZoomSettings,
    load_settings,
)
from linguaflex_desktop.models import BookingStatus, PaymentStatus, User
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.worker.runtime import build_worker
from tests.e2e.crash_snapshot import snapshot
from tests.integration.booking_helpers import confirmed, make_world

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
CRASH_AT = T0 + timedelta(minutes=1)
RECOVER_AT = T0 + timedelta(minutes=10)
PEERS_FILE = "peers.json"
WORLD_FILE = "world.json"
REFUND_KEY = "crash-suite-refund"
SURVIVED = "survived"


def settings_for(data_dir: Path) -> Settings:
    """The app's settings for the folder; the developer's environment is ignored on purpose."""
    settings = load_settings(data_dir=data_dir, environ={})
    peers_file = data_dir / PEERS_FILE
    peers = json.loads(peers_file.read_text()) if peers_file.exists() else {}
    zoom, smtp = settings.zoom, settings.smtp
    if "zoom" in peers:
        zoom = ZoomSettings(**peers["zoom"])
    if "smtp_port" in peers:
        smtp = SmtpSettings(host="127.0.0.1", port=int(peers["smtp_port"]), security="plain")
    stripe = StripeSettings(max_network_retries=0, timeout_seconds=10.0)
    return settings.with_overrides(zoom=zoom, smtp=smtp, stripe=stripe)


def open_services(data_dir: Path, at: datetime) -> AppServices:
    return bootstrap.build_app_services(settings_for(data_dir), clock=lambda: at)


def actor_of(services: AppServices, user_id: int) -> Actor:
    with services.ctx.unit_of_work(write=False) as uow:
        user = uow.session.get(User, user_id)
        assert user is not None
        return Actor(user.id, user.email, user.role, user.display_name, user.time_zone)


def drain(services: AppServices) -> int:
    """Run every due job until none is left (a failed job backs off past the fixed clock);
    interrupted jobs whose lease expired are taken back first, as the worker does."""
    worker = build_worker(services, services.settings, mode="headless")
    worker.recover_stale()
    total = 0
    while (ran := worker.run_once()) > 0:
        total += ran
    return total


def setup(data_dir: Path) -> None:
    services = open_services(data_dir, T0)
    try:
        world = make_world(services.ctx)
        booking = confirmed(services.bookings, world)
        services.cards.save_test_card(world.student)
        facts = {
            "booking_id": booking.id,
            "student_id": world.student.id,
            "teacher_id": world.teacher.id,
            "admin_id": world.admin.id,
        }
        (data_dir / WORLD_FILE).write_text(json.dumps(facts))
    finally:
        services.close()


def world_of(data_dir: Path) -> dict[str, int]:
    facts: dict[str, int] = json.loads((data_dir / WORLD_FILE).read_text())
    return facts


def crash(data_dir: Path, step: str) -> None:
    facts = world_of(data_dir)
    services = open_services(data_dir, CRASH_AT)
    try:
        booking_id = facts["booking_id"]
        services.payments.pay_booking(actor_of(services, facts["student_id"]), booking_id)
        if step.startswith("refund."):
            drain(services)
            services.refunds.refund(
                actor_of(services, facts["admin_id"]),
                booking_id,
                reason="Crash suite: full refund.",
                request_key=REFUND_KEY,
            )
        elif step.startswith(("meeting.", "mail.")):
            drain(services)
    finally:
        services.close()
    print(SURVIVED)


def recover(data_dir: Path) -> None:
    facts = world_of(data_dir)
    booking_id = facts["booking_id"]
    services = open_services(data_dir, RECOVER_AT)
    try:
        result: dict[str, Any] = {"reconcile": asdict(services.reconciler.reconcile_pending())}
        result["jobs_run"] = drain(services)
        result["recovered"] = snapshot(services, booking_id)
        services.reconciler.reconcile_pending()
        drain(services)
        result["second_pass"] = snapshot(services, booking_id)
        booking = result["recovered"]["booking"]
        if booking["status"] == BookingStatus.CONFIRMED.value and booking["payment_status"] in (
            PaymentStatus.UNPAID.value,
            PaymentStatus.FAILED.value,
        ):
            services.payments.pay_booking(actor_of(services, facts["student_id"]), booking_id)
            drain(services)
            result["after_retry"] = snapshot(services, booking_id)
    finally:
        services.close()
    print(json.dumps(result, default=str))


def main(argv: list[str]) -> int:
    command, data_dir = argv[0], Path(argv[1])
    if command == "setup":
        setup(data_dir)
    elif command == "crash":
        crash(data_dir, argv[2])
    elif command == "recover":
        recover(data_dir)
    else:
        raise SystemExit(f"unknown command {command!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
