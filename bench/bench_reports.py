"""Benchmark: the admin's revenue report and revenue chart (by day, week and month, with the
figures per teacher and per language) over 100,000 payments, one teacher's earnings with their
months and upcoming income, and audit-trail paging over 200,000 audit events (SQLite file and
Postgres).

Usage: PYTHONPATH=. python bench/bench_reports.py [DATABASE_URL ...] (or ``python -m bench
--only reports``). Without arguments it uses a temporary SQLite file and, if reachable, the
test Postgres server (a throw-away database). Each call through ReportService (best of 5)
stands beside the SQL it sent replayed on the raw driver connection.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, text
from sqlalchemy.engine import make_url

from bench.figure import Figure
from bench.harness import against_raw_sql, bulk_insert, size
from bench.suite import main_alone
from linguaflex_desktop.db import create_app_engine, create_session_factory, upgrade_schema
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Gig,
    Level,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Role,
    User,
)
from linguaflex_desktop.models import SessionBooking as B
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.views import PaymentViews
from linguaflex_desktop.services.reports.service import ReportService

PAYMENTS = size(100_000, 2_000)
AUDIT_EVENTS = size(200_000, 4_000)
TEACHERS = 100
STUDENTS = 1_000
CURRENCIES = ("USD", "EUR", "JPY")
LANGUAGES = ("German", "French", "Spanish", "Japanese")
START = datetime(2026, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=730)  # payments and events spread over 2026 and 2027
ADMIN_ID = TEACHERS + STUDENTS + 1
CHUNK = 20_000
ENTITIES = ("booking", "payment", "refund", "user")
ACTIONS = {
    "booking": ("booking.requested", "booking.confirmed", "booking.cancelled"),
    "payment": ("payment.succeeded", "payment.needs_attention"),
    "refund": ("refund.requested", "refund.succeeded"),
    "user": ("user.suspended", "user.reactivated"),
}


def _users() -> list[dict[str, Any]]:
    users = [
        {
            "email": f"u{i}@example.com",
            "password_hash": "x",
            "role": Role.TEACHER if i < TEACHERS else Role.STUDENT,
            "display_name": f"User {i}",
            "time_zone": "UTC",
        }
        for i in range(TEACHERS + STUDENTS)
    ]
    users.append(
        {
            "email": "admin@example.com",
            "password_hash": "x",
            "role": Role.ADMIN,
            "display_name": "Admin",
            "time_zone": "Europe/Berlin",
        }
    )
    return users


def _gigs() -> list[dict[str, Any]]:
    return [
        {
            "teacher_id": t + 1,
            "title": f"Gig {t}",
            "language": LANGUAGES[t % len(LANGUAGES)],
            "level": Level.ALL,
            "hourly_rate_minor": 5000,
            "currency": CURRENCIES[t % len(CURRENCIES)],
        }
        for t in range(TEACHERS)
    ]


def _booking(n: int) -> dict[str, Any]:
    teacher = n % TEACHERS
    start = START + timedelta(hours=n // TEACHERS)
    return {
        "student_id": TEACHERS + 1 + (n % STUDENTS),
        "teacher_id": teacher + 1,
        "gig_id": teacher + 1,
        "start_at": start,
        "end_at": start + timedelta(hours=1),
        "duration_minutes": 60,
        "status": BookingStatus.CONFIRMED,
        "payment_status": PaymentStatus.PAID,
        "currency": CURRENCIES[teacher % len(CURRENCIES)],
        "hourly_rate_minor": 5000,
        "base_amount_minor": 5000,
        "fee_minor": 250,
        "total_minor": 5250,
        "teacher_share_minor": 5000,
        "refunded_minor": 0,
        "version": 1,
    }


def _payment(n: int) -> dict[str, Any]:
    """Nine in ten succeeded (one in twenty of those partly refunded), the rest failed."""
    at = START + SPAN * n / PAYMENTS
    succeeded = n % 10 != 0
    return {
        "booking_id": n + 1,
        "idempotency_key": f"bench-{n}",
        "amount_minor": 5250,
        "fee_minor": 250,
        "teacher_share_minor": 5000,
        "currency": CURRENCIES[(n % TEACHERS) % len(CURRENCIES)],
        "status": PaymentAttemptStatus.SUCCEEDED if succeeded else PaymentAttemptStatus.FAILED,
        "refunded_minor": 1000 if succeeded and n % 20 == 1 else 0,
        "created_at": at,
        "succeeded_at": at if succeeded else None,
    }


def _event(n: int) -> dict[str, Any]:
    entity = ENTITIES[n % len(ENTITIES)]
    actions = ACTIONS[entity]
    return {
        "actor_id": None if n % 7 == 0 else 1 + n % (TEACHERS + STUDENTS),
        "action": actions[(n // len(ENTITIES)) % len(actions)],
        "entity_type": entity,
        "entity_id": 1 + (n // len(ENTITIES)) % PAYMENTS,
        "before": {"status": "PENDING"},
        "after": {"status": "CONFIRMED"},
        "reason": "",
        "created_at": START + SPAN * n / AUDIT_EVENTS,
    }


def _insert(
    connection: Connection, table: Any, make: Callable[[int], dict[str, Any]], n: int
) -> None:
    for first in range(0, n, CHUNK):
        bulk_insert(connection, table, [make(i) for i in range(first, min(n, first + CHUNK))])


def seed(url: str) -> tuple[Engine, ServiceContext, Actor]:
    engine = create_app_engine(url)
    upgrade_schema(engine)
    with engine.begin() as connection:
        connection.execute(insert(User), _users())
        connection.execute(insert(Gig), _gigs())
        _insert(connection, B, _booking, PAYMENTS)
        _insert(connection, Payment, _payment, PAYMENTS)
        _insert(connection, AuditEvent, _event, AUDIT_EVENTS)
        connection.execute(text("ANALYZE"))
    admin = Actor(ADMIN_ID, "admin@example.com", Role.ADMIN, "Admin", "Europe/Berlin")
    return engine, ServiceContext(create_session_factory(engine)), admin


def cases(service: ReportService, admin: Actor) -> dict[str, Callable[[], object]]:
    year = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    month = (datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 4, 1, tzinfo=UTC))
    day = (datetime(2027, 3, 10, tzinfo=UTC), datetime(2027, 3, 11, tzinfo=UTC))

    def revenue(bounds: tuple[datetime, datetime]) -> Callable[[], object]:
        return lambda: service.revenue_report(
            admin, from_at=bounds[0], to_at=bounds[1], zone="Europe/Berlin"
        )

    def chart(bounds: tuple[datetime, datetime], bucket: Any) -> Callable[[], object]:
        return lambda: service.revenue_chart(
            admin, from_at=bounds[0], to_at=bounds[1], zone="Europe/Berlin", bucket=bucket
        )

    def audit(**filters: Any) -> Callable[[], object]:
        return lambda: service.list_audit_events(admin, **filters)

    return {
        "revenue: one month": revenue(month),
        "revenue: one year (12 months)": revenue(year),
        "revenue: two years (24 months)": revenue((START, START + SPAN)),
        "chart: one month by day (31)": chart(month, "day"),
        "chart: one year by day (365)": chart(year, "day"),
        "chart: one year by week (53)": chart(year, "week"),
        "chart: two years by week (105)": chart((START, START + SPAN), "week"),
        "chart: two years by month (24)": chart((START, START + SPAN), "month"),
        "audit page 1 (all)": audit(),
        "audit page 2 (fetchMore)": audit(offset=100),
        "audit page at offset 100,000": audit(offset=100_000),
        "audit page at offset 199,900": audit(offset=199_900),
        "audit one booking's events": audit(entity_type="booking", entity_id=4242),
        "audit action prefix 'refund.'": audit(action_prefix="refund."),
        "audit kind 'user', page 1": audit(entity_type="user"),
        "audit one day": audit(from_at=day[0], to_at=day[1]),
    }


def earnings_cases(views: PaymentViews) -> dict[str, Callable[[], object]]:
    """One teacher's earnings (1,000 paid sessions) with their months and upcoming income.
    (User 0's payments are every hundredth, all among the tenth that fail.)"""
    teacher = Actor(2, "u1@example.com", Role.TEACHER, "User 1", "UTC")
    return {"earnings: one teacher, all time": lambda: views.teacher_earnings(teacher)}


def figures(url: str) -> list[Figure]:
    began = time.perf_counter()
    engine, ctx, admin = seed(url)
    seeded = time.perf_counter() - began
    service = ReportService(ctx)
    report = service.revenue_report(admin, from_at=START, to_at=START + SPAN, zone="Europe/Berlin")
    print(
        f"  {make_url(url).get_backend_name()}: {PAYMENTS:,} payments, {AUDIT_EVENTS:,} audit "
        f"events (seeded in {seeded:.1f} s; {len(report.months)} month x currency lines, "
        f"{sum(line.sessions for line in report.totals):,} paid sessions)",
        file=sys.stderr,
    )
    found = against_raw_sql(engine, cases(service, admin) | earnings_cases(PaymentViews(ctx)))
    engine.dispose()
    return found


if __name__ == "__main__":
    main_alone("reports", figures, sys.argv[1:])
