"""Benchmark: search by free time over 2,000 teachers (in a dozen zones) with weekly
availability, days off and bookings (SQLite file and Postgres).

Usage: PYTHONPATH=. python bench/bench_free_time.py [DATABASE_URL ...] (or ``python -m bench
--only free_time``). Without arguments it uses a temporary SQLite file and, if reachable, the
test Postgres server (a throw-away database). Each teacher has 3 gigs, weekly ranges on 3-6
days, a few days off and about 10 bookings in the next two weeks (and 20 past ones); "now" is
in the weeks when New York has moved its clocks and Europe not yet. A New York student
searches with each preset and a custom window, each combined with other filters (a language,
a word, a sort); the reference is the same search without the free-time filter, call for call
in the same run. Every call is timed on its own (three times, all kept), after one warm-up
search that builds the zones' grids (its time goes to stderr); figures are p50 and p95 per
window. Goal (issue 13): p95 at most 100 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import time as clock
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert
from sqlalchemy.engine import make_url

from bench.figure import Figure
from bench.harness import size
from bench.suite import main_alone
from linguaflex_desktop.db import create_app_engine, create_session_factory, upgrade_schema
from linguaflex_desktop.models import (
    AvailabilityException,
    AvailabilityRule,
    BookingStatus,
    Gig,
    Level,
    PaymentStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking.free_time import fitting_gigs
from linguaflex_desktop.services.catalogue.free_time import FreeTime
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

TEACHERS = size(2_000, 30)
GIGS_PER_TEACHER = 3
QUERIES = size(15, 2)  # per window
TIMES = size(3, 1)
GOAL_MS = 100.0
NOW = datetime(2027, 3, 18, 14, 0, tzinfo=UTC)
ZONES = (
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Europe/Madrid",
    "America/Mexico_City",
    "Africa/Lagos",
    "UTC",
)
LANGUAGES = ["English", "Spanish", "French", "German", "Japanese", "Italian", "Portuguese"]
TOPICS = "conversation grammar business travel exam pronunciation vocabulary writing".split()
WINDOWS = {
    "weekday evenings": FreeTime.preset("weekday_evenings"),
    "weekday mornings": FreeTime.preset("weekday_mornings"),
    "Sat morning": FreeTime.preset("saturday_morning"),
    "weekend": FreeTime.preset("weekend"),
    "Tue and Thu 12-14": FreeTime(frozenset({1, 3}), 12, 14),
}
PAST = (BookingStatus.COMPLETED, PaymentStatus.PAID)
COMING = (
    (BookingStatus.PENDING, PaymentStatus.UNPAID),
    (BookingStatus.CONFIRMED, PaymentStatus.PAID),
    (BookingStatus.CANCELLED, PaymentStatus.UNPAID),
)


def _user(email: str, role: Role, zone: str) -> dict[str, object]:
    name = email.split("@")[0].title()
    return {
        "email": email,
        "password_hash": "x",
        "role": role,
        "display_name": name,
        "time_zone": zone,
    }


def _ranges(rng: random.Random) -> list[tuple[int, int, int]]:
    ranges = []
    for weekday in sorted(rng.sample(range(7), rng.randint(3, 6))):
        start = rng.randrange(6 * 60, 20 * 60, 15)
        end = min(1440, start + rng.randrange(60, 4 * 60 + 1, 15))
        ranges.append((weekday, start, end))
    return ranges


def _bookings(
    rng: random.Random, zone: str, ranges: list[tuple[int, int, int]]
) -> list[tuple[datetime, tuple[BookingStatus, PaymentStatus]]]:
    """About 10 one-hour bookings in the next two weeks and 20 past ones, inside the
    teacher's ranges, never overlapping."""
    tz, taken, found = ZoneInfo(zone), set(), []
    by_day = {weekday: (start, end) for weekday, start, end in ranges}
    for count, days, pair in ((10, range(0, 15), None), (20, range(-60, 0), PAST)):
        for _ in range(count):
            day = NOW.date() + timedelta(days=rng.choice(days))
            if day.weekday() not in by_day or day in taken:
                continue
            start, end = by_day[day.weekday()]
            minute = rng.randrange(start, max(start + 1, end - 60), 15)
            local = datetime.combine(day, time(0), tzinfo=tz) + timedelta(minutes=minute)
            taken.add(day)
            found.append((local.astimezone(UTC), pair or rng.choice(COMING)))
    return found


def seed(url: str, rng: random.Random) -> tuple[Engine, ServiceContext, Actor]:
    engine = create_app_engine(url)
    upgrade_schema(engine)
    zones = [rng.choice(ZONES) for _ in range(TEACHERS)]
    users = [_user(f"t{i}@example.com", Role.TEACHER, zones[i]) for i in range(TEACHERS)]
    users += [_user(f"s{i}@example.com", Role.STUDENT, "UTC") for i in range(TEACHERS)]
    users.append(_user("student@example.com", Role.STUDENT, "America/New_York"))
    rules, days_off, gigs, bookings = [], [], [], []
    for index in range(TEACHERS):
        teacher_id, booker_id = index + 1, TEACHERS + index + 1
        ranges = _ranges(rng)
        rules += [
            {"teacher_id": teacher_id, "weekday": w, "start_minute": s, "end_minute": e}
            for w, s, e in ranges
        ]
        for offset in rng.sample(range(-90, 15), rng.randint(2, 6)):
            days_off.append(
                {"teacher_id": teacher_id, "local_date": NOW.date() + timedelta(days=offset)}
            )
        gig_ids = []
        for _ in range(GIGS_PER_TEACHER):
            gig_ids.append(len(gigs) + 1)
            gigs.append(_gig(teacher_id, rng))
        for start, (status, paid) in _bookings(rng, zones[index], ranges):
            bookings.append(_booking(teacher_id, booker_id, rng.choice(gig_ids), start))
            bookings[-1].update(status=status, payment_status=paid)
    with engine.begin() as connection:
        for model, rows in (
            (User, users),
            (Gig, gigs),
            (AvailabilityRule, rules),
            (AvailabilityException, _distinct_days(days_off)),
            (SessionBooking, bookings),
        ):
            connection.execute(insert(model), rows)
        connection.exec_driver_sql("ANALYZE")
    print(
        f"  {make_url(url).get_backend_name()}: {TEACHERS:,} teachers, {len(gigs):,} gigs, "
        f"{len(rules):,} weekly ranges, {len(days_off):,} days off, {len(bookings):,} bookings",
        file=sys.stderr,
    )
    student = Actor(len(users), "student@example.com", Role.STUDENT, "S", "America/New_York")
    context = ServiceContext(create_session_factory(engine), clock=lambda: NOW)
    return engine, context, student


def _distinct_days(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return list({(row["teacher_id"], row["local_date"]): row for row in rows}.values())


def _gig(teacher_id: int, rng: random.Random) -> dict[str, object]:
    language, topic = rng.choice(LANGUAGES), rng.choice(TOPICS)
    return {
        "teacher_id": teacher_id,
        "title": f"{language} {topic}",
        "language": language,
        "description": f"Lessons of {language} {topic} with a patient teacher.",
        "level": Level.ALL,
        "hourly_rate_minor": rng.randrange(1000, 9000, 50),
        "currency": "USD",
        "min_duration_minutes": rng.choice((30, 45, 60, 90)),
        "max_duration_minutes": 180,
        "duration_step_minutes": 15,
    }


def _booking(teacher_id: int, student_id: int, gig_id: int, start: datetime) -> dict[str, Any]:
    return {
        "student_id": student_id,
        "teacher_id": teacher_id,
        "gig_id": gig_id,
        "start_at": start,
        "end_at": start + timedelta(hours=1),
        "duration_minutes": 60,
        "currency": "USD",
        "hourly_rate_minor": 3000,
        "base_amount_minor": 3000,
        "fee_minor": 150,
        "total_minor": 3150,
        "teacher_share_minor": 3000,
        "refunded_minor": 0,
        "version": 1,
    }


def _criteria(rng: random.Random) -> dict[str, object]:
    """Other filters a student combines with free time: a language, a word, a sort."""
    criteria: dict[str, object] = {"sort": rng.choice(("relevance", "price_asc", "rating"))}
    if rng.random() < 0.6:
        criteria["language"] = rng.choice(LANGUAGES)
    if rng.random() < 0.3:
        criteria["text"] = rng.choice(TOPICS)[:5]
    return criteria


def _ms(call: Callable[[], object]) -> float:
    began = clock.perf_counter()
    call()
    return (clock.perf_counter() - began) * 1000


def _p95(values: list[float]) -> float:
    return (
        statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]
    )


def figures(url: str) -> list[Figure]:
    rng = random.Random(13)
    engine, ctx, student = seed(url, rng)
    search = CatalogueService(ctx, free_time=fitting_gigs).search_gigs
    cold = _ms(lambda: search(student, free_time=WINDOWS["weekday evenings"]))
    found = []
    for name, window in WINDOWS.items():
        app_ms, plain_ms, matches = [], [], []
        for criteria in (_criteria(rng) for _ in range(QUERIES)):
            for _ in range(TIMES):
                plain_ms.append(_ms(lambda c=criteria: search(student, **c)))
                app_ms.append(_ms(lambda c=criteria, w=window: search(student, free_time=w, **c)))
            matches.append(search(student, free_time=window, **criteria).total)
        print(f"  {name}: {statistics.median(matches):,.0f} gigs found (median)", file=sys.stderr)
        reference = "the same search without it"
        found += [
            Figure(
                f"free time '{name}', p50",
                statistics.median(app_ms),
                "ms",
                reference,
                statistics.median(plain_ms),
            ),
            Figure(
                f"free time '{name}', p95",
                _p95(app_ms),
                "ms",
                reference,
                _p95(plain_ms),
                goal_value=GOAL_MS,
            ),
        ]
    engine.dispose()
    print(f"  first search of the day (zone grids built): {cold:.0f} ms", file=sys.stderr)
    return found


if __name__ == "__main__":
    main_alone("free_time", figures, sys.argv[1:])
