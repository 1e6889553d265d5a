"""Benchmark: paged booking lists and counts over 100,000 bookings (SQLite file and Postgres).

Usage: PYTHONPATH=. python bench/bench_booking_lists.py [DATABASE_URL ...] (or ``python -m
bench --only booking_lists``). Without arguments it uses a temporary SQLite file and, if
reachable, the test Postgres server (a throw-away database). Every other confirmed booking is
paid with a ready meeting and every 20th has an open reschedule, so the lists' meeting join
and proposal EXISTS have rows to find. Each query (best of 5) stands beside the SQL it sent
replayed on the raw driver connection.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.engine import make_url

from bench.figure import Figure
from bench.harness import against_raw_sql, fill_from_template, size
from bench.suite import main_alone
from linguaflex_desktop.db import create_app_engine, create_session_factory, upgrade_schema
from linguaflex_desktop.models import (
    BookingStatus,
    Gig,
    Level,
    Meeting,
    MeetingProvider,
    MeetingStatus,
    PaymentStatus,
    RescheduleProposal,
    Role,
    User,
)
from linguaflex_desktop.models import SessionBooking as B
from linguaflex_desktop.services.booking.dto import BookingFilter
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

BOOKINGS = size(100_000, 2_000)
TEACHERS = 100
STUDENTS = 1_000
START = datetime(2026, 1, 1, tzinfo=UTC)
STATUSES = [BookingStatus.PENDING, BookingStatus.CONFIRMED, BookingStatus.CANCELLED]


ACTORS = {
    "admin": Actor(TEACHERS + STUDENTS + 1, "admin@example.com", Role.ADMIN, "Admin", "UTC"),
    "teacher": Actor(1, "u0@example.com", Role.TEACHER, "User 0", "UTC"),
    "student": Actor(TEACHERS + 1, f"u{TEACHERS}@example.com", Role.STUDENT, "U", "UTC"),
}


def seed(url: str) -> tuple[ServiceContext, dict[str, Actor]]:
    """The new database at ``url`` with the bookings below (seeded once per run, then
    copied: several benchmarks use these rows, some change them)."""
    fill_from_template(url, "bookings", _fill)
    engine = create_app_engine(url)
    return ServiceContext(create_session_factory(engine)), dict(ACTORS)


def _fill(url: str) -> None:
    engine = create_app_engine(url)
    upgrade_schema(engine)
    with engine.begin() as connection:
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
                "time_zone": "UTC",
            }
        )
        connection.execute(insert(User), users)
        connection.execute(
            insert(Gig),
            [
                {
                    "teacher_id": t + 1,
                    "title": f"Gig {t}",
                    "language": "German",
                    "level": Level.ALL,
                    "hourly_rate_minor": 5000,
                    "currency": "USD",
                }
                for t in range(TEACHERS)
            ],
        )
        rows = []
        for n in range(BOOKINGS):
            teacher = n % TEACHERS
            start = START + timedelta(hours=n // TEACHERS)
            rows.append(
                {
                    "student_id": TEACHERS + 1 + (n % STUDENTS),
                    "teacher_id": teacher + 1,
                    "gig_id": teacher + 1,
                    "start_at": start,
                    "end_at": start + timedelta(hours=1),
                    "duration_minutes": 60,
                    "status": STATUSES[n % 3],
                    "payment_status": _payment(n),
                    "currency": "USD",
                    "hourly_rate_minor": 5000,
                    "base_amount_minor": 5000,
                    "fee_minor": 250,
                    "total_minor": 5250,
                    "teacher_share_minor": 5000,
                    "refunded_minor": 0,
                    "version": 1,
                }
            )
        connection.execute(insert(B), rows)
        _seed_meetings_and_proposals(connection)
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
        else:
            connection.exec_driver_sql("ANALYZE")
    engine.dispose()


def _payment(n: int) -> PaymentStatus:
    """Every other CONFIRMED booking is paid (and gets a meeting)."""
    return PaymentStatus.PAID if n % 6 == 1 else PaymentStatus.UNPAID


def _seed_meetings_and_proposals(connection: Connection) -> None:
    """A ready meeting for each paid booking; an open reschedule for every 20th booking."""
    paid = connection.scalars(select(B.id).where(B.payment_status == PaymentStatus.PAID)).all()
    connection.execute(
        insert(Meeting),
        [
            {
                "booking_id": booking_id,
                "provider": MeetingProvider.JITSI,
                "status": MeetingStatus.READY,
                "join_url": f"https://meet.example.org/room-{booking_id}",
            }
            for booking_id in paid
        ],
    )
    moved = connection.execute(select(B.id, B.student_id, B.start_at).where(B.id % 20 == 0))
    connection.execute(
        insert(RescheduleProposal),
        [
            {
                "booking_id": booking_id,
                "proposed_by_id": student_id,
                "start_at": start + timedelta(days=1),
                "end_at": start + timedelta(days=1, hours=1),
            }
            for booking_id, student_id, start in moved
        ],
    )


def figures(url: str) -> list[Figure]:
    ctx, actors = seed(url)
    service = BookingService(ctx)
    admin, teacher, student = actors["admin"], actors["teacher"], actors["student"]
    pending = BookingFilter(statuses=(BookingStatus.PENDING,))
    window = BookingFilter(
        start_from=START + timedelta(days=10), start_to=START + timedelta(days=11)
    )
    cases = {
        "admin page 1 (all)": lambda: service.list_bookings(admin, limit=50),
        "admin page at offset 90%": lambda: service.list_bookings(admin, offset=BOOKINGS * 9 // 10),
        "admin newest first": lambda: service.list_bookings(
            admin, filters=BookingFilter(newest_first=True)
        ),
        "admin PENDING page": lambda: service.list_bookings(admin, filters=pending),
        "admin date window": lambda: service.list_bookings(admin, filters=window),
        "admin count all": lambda: service.count_bookings(admin),
        "teacher page (1,000 rows)": lambda: service.list_bookings(teacher),
        "teacher schedule (a week)": lambda: service.teacher_schedule(
            teacher, from_at=START + timedelta(days=70), to_at=START + timedelta(days=77)
        ),
        "student page (100 rows)": lambda: service.list_bookings(student),
    }
    print(f"  {make_url(url).get_backend_name()}: {BOOKINGS:,} bookings", file=sys.stderr)
    engine = ctx.session_factory.kw["bind"]
    found = against_raw_sql(engine, cases)
    engine.dispose()
    return found


if __name__ == "__main__":
    main_alone("booking_lists", figures, sys.argv[1:])
