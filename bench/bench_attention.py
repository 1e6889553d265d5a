"""Benchmark: the admin's needs-attention list over 100,000 bookings (SQLite file and Postgres).

Usage: PYTHONPATH=. python bench/bench_attention.py [DATABASE_URL ...] (or ``python -m bench
--only attention``). Without arguments it uses a temporary SQLite file and, if reachable, the
test Postgres server (a throw-away database). The mix: the first half of the bookings lie in the
past (completed and paid, one in ten cancelled unpaid, one in ten refunded), the rest ahead
(requests, unpaid confirmations before their deadline, failed payments, and paid sessions with a
ready meeting); every paid booking has its succeeded payment and a finished meeting job, plus
100,000 audit events and 5,000 refunds. Among them ``TRIPS`` records trip each rule. Times the
whole list (``AttentionService.list_attention``, all six rules) and each rule alone, best of 5,
each beside the SQL it sent replayed on the raw driver connection.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, text
from sqlalchemy.engine import make_url

from bench.bench_reports import ADMIN_ID, STUDENTS, TEACHERS, _gigs, _users
from bench.figure import Figure
from bench.harness import against_raw_sql, bulk_insert, size
from bench.suite import main_alone
from linguaflex_desktop.db import create_app_engine, create_session_factory, upgrade_schema
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Gig,
    JobKind,
    JobState,
    Meeting,
    MeetingProvider,
    MeetingStatus,
    OutboxJob,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    RefundStatus,
    Role,
    User,
)
from linguaflex_desktop.models import SessionBooking as B
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.reports.attention.rules import RULE_QUERIES
from linguaflex_desktop.services.reports.attention.service import AttentionService

BOOKINGS = size(100_000, 2_000)
AUDIT_EVENTS = size(100_000, 2_000)
REFUNDS = size(5_000, 100)
TRIPS = 40  # records tripping each rule
START = datetime(2027, 5, 11, 8, tzinfo=UTC)
NOW = START + timedelta(hours=BOOKINGS // TEACHERS // 2)  # half the bookings lie before it
CHUNK = 20_000
PRICE = {
    "hourly_rate_minor": 5000,
    "base_amount_minor": 5000,
    "fee_minor": 250,
    "total_minor": 5250,
    "teacher_share_minor": 5000,
}


def _kind(n: int) -> str:
    """What booking ``n`` is (its start is ``START`` + n // TEACHERS hours)."""
    ahead = n >= BOOKINGS // 2
    slot = n % 20
    if not ahead:
        if slot in (0, 1):
            return "charged_after_close" if slot == 0 and n < 20 * TRIPS else "cancelled"
        return "refunded" if slot == 2 else "completed"
    first = (n - BOOKINGS // 2) < 20 * TRIPS  # the first TRIPS of each kind ahead trip
    return {
        0: "requested",
        1: "requested",
        2: "overdue" if first else "unpaid",
        3: "stuck" if first else "paying",
        4: "no_meeting" if first else "paid",
    }.get(slot, "paid")


def _booking(n: int) -> dict[str, Any]:
    kind, teacher = _kind(n), n % TEACHERS
    start = START + timedelta(hours=n // TEACHERS)
    status, payment = {
        "completed": (BookingStatus.COMPLETED, PaymentStatus.PAID),
        "cancelled": (BookingStatus.CANCELLED, PaymentStatus.UNPAID),
        "charged_after_close": (BookingStatus.CANCELLED, PaymentStatus.FAILED),
        "refunded": (BookingStatus.CANCELLED, PaymentStatus.REFUNDED),
        "requested": (BookingStatus.PENDING, PaymentStatus.UNPAID),
        "overdue": (BookingStatus.CONFIRMED, PaymentStatus.UNPAID),
        "unpaid": (BookingStatus.CONFIRMED, PaymentStatus.UNPAID),
        "stuck": (BookingStatus.CONFIRMED, PaymentStatus.PENDING),
        "paying": (BookingStatus.CONFIRMED, PaymentStatus.PENDING),
    }.get(kind, (BookingStatus.CONFIRMED, PaymentStatus.PAID))
    paid = payment in (PaymentStatus.PAID, PaymentStatus.REFUNDED)
    return {
        "student_id": TEACHERS + 1 + (n % STUDENTS),
        "teacher_id": teacher + 1,
        "gig_id": teacher + 1,
        "start_at": start,
        "end_at": start + timedelta(hours=1),
        "duration_minutes": 60,
        "status": status,
        "payment_status": payment,
        "currency": "USD",
        **PRICE,
        "refunded_minor": 5250 if kind == "refunded" else 0,
        "payment_due_by": NOW - timedelta(hours=1) if kind == "overdue" else start,
        "paid_at": start - timedelta(days=2)
        if paid and start < NOW
        else (NOW - timedelta(hours=1) if paid else None),
        "version": 1,
    }


def _payment(n: int) -> dict[str, Any] | None:
    kind = _kind(n)
    if kind in ("cancelled", "requested", "overdue", "unpaid"):
        return None
    active = kind in ("stuck", "paying")
    created = NOW - (timedelta(hours=1) if kind == "stuck" else timedelta(minutes=5))
    if not active:
        created = START + timedelta(hours=n // TEACHERS) - timedelta(days=2)
    return {
        "booking_id": n + 1,
        "idempotency_key": f"bench-{n}",
        "stripe_payment_intent_id": f"pi_bench_{n}",
        "amount_minor": 5250,
        "fee_minor": 250,
        "teacher_share_minor": 5000,
        "currency": "USD",
        "status": PaymentAttemptStatus.PENDING if active else PaymentAttemptStatus.SUCCEEDED,
        "refunded_minor": 5250 if kind == "refunded" else 0,
        "created_at": created,
        "succeeded_at": None if active else created,
    }


def _paid_ids() -> list[int]:
    """The bookings paid (and not returned before the session): each has a meeting job."""
    paid = ("completed", "refunded", "paid", "no_meeting")
    return [n for n in range(BOOKINGS) if _kind(n) in paid]


def _job(booking_id: int) -> dict[str, Any]:
    dead = _kind(booking_id - 1) == "no_meeting"  # the provider was down: a dead letter
    return {
        "kind": JobKind.CREATE_MEETING,
        "payload": {"booking_id": booking_id},
        "dedupe_key": f"meeting-create-{booking_id}",
        "state": JobState.DEAD if dead else JobState.DONE,
        "attempts": 8 if dead else 1,
        "max_attempts": 8,
        "next_attempt_at": NOW - timedelta(days=1),
        "last_error": "ConnectionError: meeting provider unreachable" if dead else None,
        "created_at": NOW - timedelta(days=1),
        "updated_at": NOW - timedelta(days=1),
    }


def _meeting(booking_id: int) -> dict[str, Any]:
    return {
        "booking_id": booking_id,
        "provider": MeetingProvider.JITSI,
        "status": MeetingStatus.READY,
        "external_id": f"room-{booking_id}",
        "join_url": f"https://meet.example.org/room-{booking_id}",
    }


def _refund(i: int, payment_id: int) -> dict[str, Any]:
    held = i < TRIPS  # waiting behind a refund at Stripe we cannot attribute
    return {
        "payment_id": payment_id,
        "idempotency_key": f"refund-{i}",
        "stripe_refund_id": None if held else f"re_bench_{i}",
        "amount_minor": 1000,
        "currency": "USD",
        "status": RefundStatus.CREATING if held else RefundStatus.SUCCEEDED,
        "created_by_id": ADMIN_ID,
        "created_at": NOW - timedelta(days=3),
        "updated_at": NOW - timedelta(days=3),
    }


def _event(n: int) -> dict[str, Any]:
    flag = n < TRIPS  # the refund recovery's flag on the held-back refunds
    return {
        "actor_id": None,
        "action": "refund.needs_attention" if flag else "booking.confirmed",
        "entity_type": "refund" if flag else "booking",
        "entity_id": n + 1 if flag else 1 + n % BOOKINGS,
        "reason": "",
        "created_at": NOW - timedelta(days=2) + timedelta(seconds=n),
    }


def _insert(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for first in range(0, len(rows), CHUNK):
        bulk_insert(connection, table, rows[first : first + CHUNK])


def seed(url: str) -> tuple[Engine, ServiceContext, Actor]:
    engine = create_app_engine(url)
    upgrade_schema(engine)
    paid = _paid_ids()
    with_meeting = [n for n in paid if _kind(n) == "paid"]
    with engine.begin() as connection:
        connection.execute(insert(User), _users())
        connection.execute(insert(Gig), _gigs())
        _insert(connection, B, [_booking(n) for n in range(BOOKINGS)])
        payments = [row for n in range(BOOKINGS) if (row := _payment(n)) is not None]
        _insert(connection, Payment, payments)
        _insert(connection, OutboxJob, [_job(n + 1) for n in paid])
        _insert(connection, Meeting, [_meeting(n + 1) for n in with_meeting])
        refunded = [n + 1 for n in paid[:REFUNDS]]  # payment ids follow the booking ids
        ids = {row["booking_id"]: i + 1 for i, row in enumerate(payments)}
        _insert(connection, Refund, [_refund(i, ids[b]) for i, b in enumerate(refunded)])
        _insert(connection, AuditEvent, [_event(n) for n in range(AUDIT_EVENTS)])
        connection.execute(text("ANALYZE"))
    admin = Actor(ADMIN_ID, "admin@example.com", Role.ADMIN, "Admin", "Europe/Berlin")
    return engine, ServiceContext(create_session_factory(engine), clock=lambda: NOW), admin


def cases(
    ctx: ServiceContext, service: AttentionService, admin: Actor
) -> dict[str, Callable[[], object]]:
    def alone(rule: str) -> Callable[[], object]:
        def run() -> object:
            with ctx.unit_of_work(write=False) as uow:
                return RULE_QUERIES[rule](uow.session, NOW, None, 201)  # type: ignore[index]

        return run

    return {
        "needs attention: the whole list": lambda: service.list_attention(admin),
        **{f"rule {rule}": alone(rule) for rule in RULE_QUERIES},
    }


def figures(url: str) -> list[Figure]:
    began = time.perf_counter()
    engine, ctx, admin = seed(url)
    seeded = time.perf_counter() - began
    service = AttentionService(
        ctx,
        due=DueTransitions(ctx),
        jobs=JobAdminService(ctx),
        stripe=lambda: None,  # type: ignore[arg-type,return-value]
    )
    found = service.list_attention(admin)
    per_rule: dict[str, int] = {}
    for row in found.rows:
        per_rule[row.rule.id] = per_rule.get(row.rule.id, 0) + 1
    print(
        f"  {make_url(url).get_backend_name()}: {BOOKINGS:,} bookings, {AUDIT_EVENTS:,} audit "
        f"events (seeded in {seeded:.1f} s); {found.count} rows: "
        + ", ".join(f"{rule} {count}" for rule, count in per_rule.items()),
        file=sys.stderr,
    )
    timed = against_raw_sql(engine, cases(ctx, service, admin))
    engine.dispose()
    return timed


if __name__ == "__main__":
    main_alone("attention", figures, sys.argv[1:])
