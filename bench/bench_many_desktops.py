"""Benchmark: many desktops booking on one Postgres (8 processes at once beside 1 alone), the
race for one slot, the client's CPU per booking request beside raw psycopg, and the round
trips of a booking request and of a payment.

Usage: PYTHONPATH=. python bench/bench_many_desktops.py [DATABASE_URL ...] (or ``python -m
bench --only many_desktops``). Each desktop is a spawned process that builds its own engine,
session factory (with the change feed, as the app does) and ``BookingService`` on a fixed
clock, warms up with one request, then waits for its command: book N distinct slots (its own
teacher and student, so no request legitimately collides), starting with the others on a
shared barrier; or race the others for one slot. Each request's wall time, the process's CPU
time (``time.process_time``) and its round trips are measured in the desktop itself.

Round trips are counted from SQLAlchemy's events: every statement, every ping of a pooled
connection (the app pings one idle for 10 s before use: ``db.install_idle_ping``), every
transaction begun (psycopg sends BEGIN on its own) and ended; a libpq trace of the wire
agreed (12 for a booking request when every checkout was pinged).

The client's CPU figure: one desktop, request by request, beside the same statements with the
same parameters sent on a plain psycopg (sqlite3) connection and committed; the rows the app's
request wrote are deleted (untimed) before its statements are sent again. The psycopg
connection prepares no statement on the server, as the app's do not (``prepare_threshold``
None): with psycopg's default it would prepare each statement after its fifth run and
the reference would skip what the app pays for that choice (0.73 against 0.81 ms).

On SQLite (a desktop's own file: no other desktop shares it) only one desktop runs: its
p99 beside its median and its CPU beside raw sqlite3. The round-trip references are the
counts of the same calls, counted the same way, at the commit before round trips were cut
(bc12ac4): 19 for a booking request, 45 for a payment.
"""

from __future__ import annotations

import multiprocessing
import resource
import sqlite3
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, event, insert, select, update
from sqlalchemy.engine import make_url

from bench.figure import Figure
from bench.harness import TRANSACTION_CONTROL, size
from bench.suite import main_alone
from linguaflex_desktop.change_feed import ChangeFeed
from linguaflex_desktop.db import create_app_engine, create_session_factory, upgrade_schema
from linguaflex_desktop.errors import SlotTaken
from linguaflex_desktop.models import (
    AvailabilityRule,
    BookingStatus,
    Gig,
    Level,
    Notification,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

DESKTOPS = size(8, 3)  # 3 in a smoke run: the script runs, soon
REQUESTS = size(100, 3)  # per desktop, in each run
CPU_PAIRS = size(40, 2)  # app request / raw statements pairs for the CPU figure
RACES = size(3, 1)
P99_GOAL = 3.0  # issue 13: 8 desktops' p99 at most 3x their median
CPU_GOAL = 4.0  # issue 13: the client's CPU at most 4x raw psycopg
# the same calls counted the same way at bc12ac4, the commit before round trips were cut
ROUND_TRIPS_BEFORE = {"booking request": 19, "payment": 45}
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # a Monday; every slot is at least a day later
FIRST_DAY = datetime(2027, 3, 2, tzinfo=UTC)
HOURS = range(6, 22)  # every teacher is free every day 06:00-22:00 UTC: 16 one-hour slots
RACE_SLOT = datetime(2027, 4, 20, 12, 0, tzinfo=UTC)  # after every desktop's own slots
TIMEOUT = 300


def slot(index: int) -> datetime:
    """The index-th one-hour slot from FIRST_DAY (16 a day)."""
    day, hour = divmod(index, len(HOURS))
    return FIRST_DAY + timedelta(days=day, hours=HOURS[0] + hour)


# --- the seed -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Seat:
    """One desktop's own student and gig (of its own teacher)."""

    student: Actor
    teacher: Actor
    gig_id: int


@dataclass(frozen=True)
class World:
    seats: list[Seat]  # one per desktop, and one more for the CPU and payment figures
    race_gig_id: int


def seed(engine: Engine) -> World:
    """A teacher with a gig and a student per desktop (and one more), and a race teacher;
    every teacher free every day 06:00-22:00 UTC."""
    upgrade_schema(engine)
    count = DESKTOPS + 1
    with engine.begin() as connection:
        people = [(f"s{i}@example.com", Role.STUDENT) for i in range(count)]
        people += [(f"t{i}@example.com", Role.TEACHER) for i in range(count + 1)]
        ids = connection.scalars(
            insert(User).returning(User.id, sort_by_parameter_order=True),
            [
                {
                    "email": email,
                    "password_hash": "x",
                    "role": role,
                    "display_name": email.split("@")[0],
                    "time_zone": "UTC",
                }
                for email, role in people
            ],
        ).all()
        actors = [
            Actor(id_, email, role, email.split("@")[0], "UTC")
            for id_, (email, role) in zip(ids, people, strict=True)
        ]
        students, teachers = actors[:count], actors[count:]
        gig_ids = connection.scalars(
            insert(Gig).returning(Gig.id, sort_by_parameter_order=True),
            [_gig(teacher.id) for teacher in teachers],
        ).all()
        connection.execute(
            insert(AvailabilityRule),
            [
                {
                    "teacher_id": teacher.id,
                    "weekday": weekday,
                    "start_minute": HOURS[0] * 60,
                    "end_minute": (HOURS[-1] + 1) * 60,
                }
                for teacher in teachers
                for weekday in range(7)
            ],
        )
    seats = [Seat(students[i], teachers[i], gig_ids[i]) for i in range(count)]
    return World(seats, gig_ids[-1])


def _gig(teacher_id: int) -> dict[str, object]:
    return {
        "teacher_id": teacher_id,
        "title": "Conversational German",
        "language": "German",
        "description": "Talk about everything.",
        "level": Level.ALL,
        "hourly_rate_minor": 5000,
        "currency": "USD",
    }


# --- counting and recording -----------------------------------------------------------------


@dataclass
class RoundTrips:
    """Round trips to the database seen from SQLAlchemy's events."""

    statements: int = 0
    pings: int = 0  # of a pooled connection idle long enough to be checked before use
    begins: int = 0  # psycopg sends BEGIN on its own before the first statement
    ends: int = 0  # COMMIT or ROLLBACK

    @property
    def total(self) -> int:
        return self.statements + self.pings + self.begins + self.ends


Statements = list[tuple[str, Any]]


@contextmanager
def counting(engine: Engine) -> Iterator[tuple[RoundTrips, Statements]]:
    """The round trips on ``engine`` meanwhile, and the statements sent (with parameters)."""
    counts, sent = RoundTrips(), []

    def statement(_c: Any, _cur: Any, sql: str, parameters: Any, *_rest: Any) -> None:
        counts.statements += 1
        sent.append((sql, parameters))

    ping = engine.dialect.do_ping

    def pinged(dbapi_connection: Any) -> bool:
        counts.pings += 1
        return ping(dbapi_connection)

    def begin(*_args: Any) -> None:
        counts.begins += 1

    def end(*_args: Any) -> None:
        counts.ends += 1

    hooks: list[tuple[str, Callable[..., None]]] = [
        ("before_cursor_execute", statement),
        ("begin", begin),
        ("commit", end),
        ("rollback", end),
    ]
    for name, hook in hooks:
        event.listen(engine, name, hook)
    engine.dialect.do_ping = pinged  # type: ignore[method-assign]
    try:
        yield counts, sent
    finally:
        del engine.dialect.do_ping  # the class's own again
        for name, hook in hooks:
            event.remove(engine, name, hook)


# --- a desktop (a spawned process) ----------------------------------------------------------


@dataclass
class Timings:
    """What one desktop measured over its requests."""

    wall_ms: list[float] = field(default_factory=list)
    started: list[float] = field(default_factory=list)  # each request's perf_counter
    preempted: list[int] = field(default_factory=list)  # involuntary context switches
    cpu_ms: list[float] = field(default_factory=list)
    raw_cpu_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    round_trips: int = 0
    began: float = 0.0  # time.perf_counter (CLOCK_MONOTONIC: comparable across processes)
    ended: float = 0.0


class Desktop:
    """What one app process holds: its engine, services on a fixed clock."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_app_engine(url)
        factory = create_session_factory(self.engine, change_feed=ChangeFeed())
        self.service = BookingService(ServiceContext(factory, clock=lambda: NOW))

    def request(self, seat: Seat, start_at: datetime) -> int:
        booking = self.service.request_booking(
            seat.student, gig_id=seat.gig_id, start_at=start_at, duration_minutes=60
        )
        return booking.id

    def book(self, seat: Seat, slots: list[datetime], barrier: Any | None) -> Timings:
        """Request every slot in turn (after the barrier, if any), each one measured."""
        done = Timings()
        if barrier is not None:
            barrier.wait(timeout=TIMEOUT)
        done.began = time.perf_counter()
        for start_at in slots:
            with counting(self.engine) as (counts, _sent):
                switches = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw
                wall, cpu = time.perf_counter(), time.process_time()
                done.started.append(wall)
                try:
                    self.request(seat, start_at)
                except Exception as error:  # counted: the goal is none
                    done.errors.append(f"{type(error).__name__}: {error}")
                done.cpu_ms.append((time.process_time() - cpu) * 1000)
                done.wall_ms.append((time.perf_counter() - wall) * 1000)
                now_switches = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw
                done.preempted.append(now_switches - switches)
            done.round_trips += counts.total
        done.ended = time.perf_counter()
        return done

    def race(self, student: Actor, gig_id: int, barrier: Any) -> str:
        """Request the one slot everybody wants, released with the others."""
        barrier.wait(timeout=TIMEOUT)
        try:
            self.service.request_booking(
                student, gig_id=gig_id, start_at=RACE_SLOT, duration_minutes=60
            )
            return "won"
        except SlotTaken:
            return "taken"
        except Exception as error:
            return f"{type(error).__name__}: {error}"

    def cpu_against_raw(self, seat: Seat, slots: list[datetime]) -> Timings:
        """Each request's CPU, then (its rows deleted) the CPU of its statements sent again
        with the same parameters on a plain driver connection, and committed."""
        done = Timings()
        raw = RawConnection(self.url)
        try:
            for start_at in slots:
                with counting(self.engine) as (_counts, sent):
                    cpu = time.process_time()
                    booking_id = self.request(seat, start_at)
                    done.cpu_ms.append((time.process_time() - cpu) * 1000)
                free_slot(self.engine, booking_id)
                cpu = time.process_time()
                raw.send(sent)
                done.raw_cpu_ms.append((time.process_time() - cpu) * 1000)
        finally:
            raw.close()
        return done


class RawConnection:
    """A plain psycopg (or sqlite3) connection: the reference without the app's layers."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.postgres = parsed.get_backend_name() == "postgresql"
        self.connection: Any
        if self.postgres:
            import psycopg

            conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
            # as the app's connections are (db.create_app_engine): no server-side prepared
            # statements, which would save the reference the parsing the app pays for
            self.connection = psycopg.connect(conninfo, prepare_threshold=None)
        else:
            self.connection = sqlite3.connect(parsed.database or "", isolation_level=None)
            self.connection.execute("PRAGMA foreign_keys=ON")

    def send(self, statements: Statements) -> None:
        cursor = self.connection.cursor()
        for sql, parameters in statements:
            if self.postgres and sql.lstrip().upper().startswith(TRANSACTION_CONTROL):
                continue  # psycopg begins its own transaction, as it does for the app
            cursor.execute(sql, parameters)
            if cursor.description is not None:
                cursor.fetchall()
        cursor.close()
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()


def free_slot(engine: Engine, booking_id: int) -> None:
    """Move a booking out of the way (CANCELLED holds no slot) and delete its notification,
    whose Message-ID is unique: its request's statements can then run again as they ran."""
    with engine.begin() as connection:
        connection.execute(delete(Notification).where(Notification.booking_id == booking_id))
        connection.execute(
            update(SessionBooking)
            .where(SessionBooking.id == booking_id)
            .values(status=BookingStatus.CANCELLED)
        )


def desktop_main(url: str, barrier: Any, inbox: Any, outbox: Any) -> None:
    """A spawned desktop: build the app's engine and services, warm up, then run commands
    (``book``, ``race``, ``cpu``) from ``inbox`` until None, each answer on ``outbox``."""
    desktop = Desktop(url)
    try:
        while (command := inbox.get(timeout=TIMEOUT)) is not None:
            kind, arguments = command
            try:
                if kind == "book":
                    seat, slots, together = arguments
                    outbox.put(desktop.book(seat, slots, barrier if together else None))
                elif kind == "race":
                    student, gig_id = arguments
                    outbox.put(desktop.race(student, gig_id, barrier))
                else:
                    outbox.put(desktop.cpu_against_raw(*arguments))
            except Exception as error:  # the suite stops with it rather than wait
                outbox.put(RuntimeError(f"a desktop failed: {type(error).__name__}: {error}"))
    finally:
        desktop.engine.dispose()


class Desktops:
    """``count`` desktop processes started with the spawn method, as separate apps are."""

    def __init__(self, url: str, count: int) -> None:
        self.url = url
        spawn = multiprocessing.get_context("spawn")
        self.barrier = spawn.Barrier(count)
        self.inboxes = [spawn.Queue() for _ in range(count)]
        self.outbox = spawn.Queue()
        self.processes = [
            spawn.Process(target=desktop_main, args=(url, self.barrier, inbox, self.outbox))
            for inbox in self.inboxes
        ]
        for process in self.processes:
            process.start()

    def ask(self, commands: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        """One command to each of the first len(commands) desktops; their answers."""
        for inbox, command in zip(self.inboxes, commands, strict=False):
            inbox.put(command)
        answers = [self.outbox.get(timeout=TIMEOUT) for _ in commands]
        for answer in answers:
            if isinstance(answer, Exception):
                raise answer
        return answers

    def close(self) -> None:
        for inbox in self.inboxes:
            inbox.put(None)
        for process in self.processes:
            process.join(timeout=60)
            if process.is_alive():
                process.terminate()


# --- figures --------------------------------------------------------------------------------


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def _together(runs: list[Timings]) -> tuple[list[float], float]:
    """Every request's wall time, and requests per second over the whole run."""
    walls = [ms for run in runs for ms in run.wall_ms]
    seconds = max(run.ended for run in runs) - min(run.began for run in runs)
    return walls, len(walls) / seconds


def figures(url: str) -> list[Figure]:
    engine = create_app_engine(url)
    world = seed(engine)
    postgres = engine.dialect.name == "postgresql"
    count = DESKTOPS if postgres else 1
    desktops = Desktops(url, count)
    try:
        found = _run(desktops, engine, world)
        if postgres:
            found.append(_payment_round_trips(engine, world.seats[-1]))
    finally:
        desktops.close()
        engine.dispose()
    return found


def _run(desktops: Desktops, engine: Engine, world: World) -> list[Figure]:
    postgres = engine.dialect.name == "postgresql"
    # each desktop warms up with one request, then 1 alone, then all at once, later slots
    seats = world.seats
    count = len(desktops.processes)
    desktops.ask([("book", (seats[i], [slot(0)], False)) for i in range(count)])
    alone = desktops.ask([("book", (seats[0], [slot(1 + k) for k in range(REQUESTS)], False))])
    cpu_slots = [slot(1 + REQUESTS + k) for k in range(CPU_PAIRS)]
    cpu = desktops.ask([("cpu", (seats[-1], cpu_slots))])[0]
    later = 1 + REQUESTS + CPU_PAIRS
    alone_walls, alone_rate = _together(alone)
    raw_name = "raw psycopg, same statements" if postgres else "raw sqlite3, same statements"
    found = [
        Figure(
            "1 desktop: p99 per booking request",
            _p99(alone_walls),
            "ms",
            "its median",
            statistics.median(alone_walls),
        ),
        Figure(
            "client CPU per booking request",
            statistics.median(cpu.cpu_ms),
            "ms",
            raw_name,
            statistics.median(cpu.raw_cpu_ms),
            # issue 13's goal is against psycopg; beside in-process sqlite3: 1.2x today
            goal_ratio=CPU_GOAL if postgres else None,
        ),
    ]
    print(
        f"  1 desktop: {alone_rate:.0f} requests/s, p50 {statistics.median(alone_walls):.1f}"
        f" ms, p99 {_p99(alone_walls):.1f} ms, CPU p50"
        f" {statistics.median(alone[0].cpu_ms):.2f} ms per request",
        file=sys.stderr,
    )
    if not postgres:
        print("  SQLite: one desktop only (no other desktop shares its file)", file=sys.stderr)
        return found
    with sampling_waits(desktops.url) as waits:
        crowd = desktops.ask(
            [
                ("book", (seats[i], [slot(later + k) for k in range(REQUESTS)], True))
                for i in range(count)
            ]
        )
    print(f"  what the desktops' Postgres sessions were doing: {waits}", file=sys.stderr)
    found[1:1] = _crowd_figures(crowd, alone_walls, alone_rate)
    found.append(_race_figure(desktops, engine, world))
    found.append(_round_trips_figure("booking request", crowd[0].round_trips / REQUESTS))
    return found


@contextmanager
def sampling_waits(url: str) -> Iterator[dict[str, int]]:
    """How often (every 5 ms, meanwhile) the database's other sessions were seen in each
    state and wait event (pg_stat_activity): lock waits, WAL flushes, the client's turn."""
    import psycopg

    seen: dict[str, int] = {}
    stop = threading.Event()
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    def sample() -> None:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            while not stop.wait(0.005):
                for state, kind, name in connection.execute(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    " AND backend_type = 'client backend'"
                ):
                    key = f"{state}:{kind}:{name}" if kind else f"{state}:running"
                    seen[key] = seen.get(key, 0) + 1

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield seen
    finally:
        stop.set()
        sampler.join(timeout=10)
        ordered = sorted(seen.items(), key=lambda item: -item[1])
        seen.clear()
        seen.update(ordered)


def _crowd_figures(
    crowd: list[Timings], alone_walls: list[float], alone_rate: float
) -> list[Figure]:
    walls, rate = _together(crowd)
    errors = [error for run in crowd for error in run.errors]
    cpu = [ms for run in crowd for ms in run.cpu_ms]
    median = statistics.median(walls)
    print(
        f"  {len(crowd)} desktops: {rate:.0f} requests/s, p50 {median:.1f} ms, p99"
        f" {_p99(walls):.1f} ms, max {max(walls):.1f} ms, CPU p50 {statistics.median(cpu):.2f}"
        f" ms per request; {len(errors)} errors {errors[:3]}",
        file=sys.stderr,
    )
    began = min(run.began for run in crowd)
    slowest = sorted(
        (
            (wall, (start - began) * 1000, cpu, preempted, desktop)
            for desktop, run in enumerate(crowd)
            for wall, start, cpu, preempted in zip(
                run.wall_ms, run.started, run.cpu_ms, run.preempted, strict=True
            )
        ),
        reverse=True,
    )[:5]
    preempted = [n for run in crowd for n in run.preempted]
    print(
        "  slowest requests (wall ms, started at ms, its CPU ms, times preempted, desktop): "
        + ", ".join(f"({w:.0f}, {at:.0f}, {c:.1f}, {p}, {d})" for w, at, c, p, d in slowest)
        + f"; a request is preempted {statistics.mean(preempted):.1f} times on average",
        file=sys.stderr,
    )
    return [
        Figure(
            f"{len(crowd)} desktops: booking requests/s",
            rate,
            "req/s",
            "1 desktop",
            alone_rate,
            lower_is_better=False,
        ),
        Figure(
            f"{len(crowd)} desktops: p50 per booking request",
            median,
            "ms",
            "1 desktop p50",
            statistics.median(alone_walls),
        ),
        Figure(
            f"{len(crowd)} desktops: p99 per booking request",
            _p99(walls),
            "ms",
            "its median",
            median,
            goal_ratio=P99_GOAL,
        ),
        Figure(
            f"{len(crowd)} desktops: requests failed",
            len(errors),
            "requests",
            "requests made",
            len(walls),
            goal_value=0,
        ),
    ]


def _race_figure(desktops: Desktops, engine: Engine, world: World) -> Figure:
    """Every desktop's student asks for the same slot of one teacher at once, RACES times
    (the slot freed between races); the worst round's winners."""
    count = len(desktops.processes)
    rounds = []
    for _ in range(RACES):
        outcomes = desktops.ask(
            [("race", (world.seats[i].student, world.race_gig_id)) for i in range(count)]
        )
        rounds.append(outcomes)
        _free_race_slot(engine, world)
    odd = [o for outcomes in rounds for o in outcomes if o not in ("won", "taken")]
    winners = max((outcomes.count("won") for outcomes in rounds), key=lambda n: abs(n - 1))
    print(f"  race for one slot, {RACES} rounds: {rounds}", file=sys.stderr)
    if odd:
        print(f"  race: outcomes neither won nor SlotTaken: {odd}", file=sys.stderr)
    return Figure(
        "race for one slot: desktops winning",
        winners if not odd else winners + len(odd),
        "desktops",
        "desktops racing",
        count,
        goal_value=1,
        goal_exact=True,
    )


def _free_race_slot(engine: Engine, world: World) -> None:
    with engine.connect() as connection:
        taken = connection.scalars(
            select(SessionBooking.id).where(SessionBooking.gig_id == world.race_gig_id)
        ).all()
    for booking_id in taken:
        free_slot(engine, booking_id)


def _round_trips_figure(what: str, value: float) -> Figure:
    print(f"  round trips per {what}: {value:g}", file=sys.stderr)
    return Figure(
        f"round trips per {what}",
        value,
        "round trips",
        "bc12ac4",
        ROUND_TRIPS_BEFORE[what],
        goal_ratio=1.0,  # cut: never more than before
    )


def _payment_round_trips(engine: Engine, seat: Seat) -> Figure:
    """Round trips of paying a confirmed booking with a saved card (Stripe faked: its two
    calls are not database round trips)."""
    from linguaflex_desktop.services.cards.service import CardService
    from linguaflex_desktop.services.payments.service import PaymentService
    from tests.fakes import FakePaymentsGateway

    ctx = ServiceContext(
        create_session_factory(engine, change_feed=ChangeFeed()), clock=lambda: NOW
    )
    teacher_view = BookingService(ctx)
    booking = teacher_view.request_booking(
        seat.student,
        gig_id=seat.gig_id,
        start_at=RACE_SLOT + timedelta(days=1),
        duration_minutes=60,
    )
    teacher_view.confirm_booking(seat.teacher, booking.id)
    gateway = FakePaymentsGateway()
    cards, payments = CardService(ctx, gateway), PaymentService(ctx, gateway)
    try:
        cards.save_test_card(seat.student)
        with counting(engine) as (counts, _sent):
            payments.pay_booking(seat.student, booking.id)
    finally:
        cards.close()
        payments.close()
    print(f"  payment: {counts}", file=sys.stderr)
    return _round_trips_figure("payment", counts.total)


if __name__ == "__main__":
    main_alone("many_desktops", figures, sys.argv[1:])
