"""Benchmark: search gigs by words as a student types, over 20,000 gigs of 2,000 teachers (SQLite
file and Postgres).

Usage: PYTHONPATH=. python bench/bench_search.py [DATABASE_URL ...] (or ``python -m bench --only
search``). Without arguments it uses a temporary SQLite file and, if reachable, the test
Postgres server (a throw-away database). 75 queries of one or two words, the last one cut short
as if still being typed, each with a language filter and the price sort, go through
``CatalogueService.search_gigs`` (count and first page with the teachers' summaries); the
reference is the bare full-text query of the same words (the 50 most relevant gig ids) in the
same run. Each query's time is the best of 5 (``harness.best_of``); the figures are p50 and p95
of both (goal: the service's p95 within 2x the raw query's p95).
"""

from __future__ import annotations

import random
import statistics
import sys
from functools import partial

from sqlalchemy import Connection, Engine, TextClause, insert, text
from sqlalchemy.engine import make_url

from bench.figure import Figure
from bench.harness import best_of, size
from bench.suite import main_alone
from linguaflex_desktop.db import create_app_engine, create_session_factory, upgrade_schema
from linguaflex_desktop.models import Gig, Level, Role, User
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.catalogue.text_search import Words, raw_match_sql
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

GIGS = size(20_000, 400)
TEACHERS = size(2_000, 40)
QUERIES = size(75, 5)
GOAL_RATIO = 2.0
LANGUAGES = ["English", "Spanish", "French", "German", "Japanese", "Italian", "Portuguese"]
TOPICS = (
    "conversation grammar business travel exam preparation pronunciation vocabulary "
    "writing reading listening beginners advanced children culture literature interview "
    "medical legal tourism cooking music history idioms slang phonetics podcast"
).split()
FILLER = (
    "lessons with a friendly patient teacher who adapts every session to your goals and "
    "pace practice real situations homework feedback materials included online video calls"
).split()
FIRST = "Ana Ben Carla David Elena Farid Grace Hugo Ines Jonas Kenji Lucia Marta Nadia Omar".split()
LAST = "Garcia Sato Muller Rossi Dubois Silva Novak Kowalski Smith Jensen Costa Ivanova".split()


def seed(url: str, rng: random.Random) -> tuple[Engine, ServiceContext, Actor]:
    engine = create_app_engine(url)
    upgrade_schema(engine)
    with engine.begin() as connection:
        users = [
            {
                "email": f"t{i}@example.com",
                "password_hash": "x",
                "role": Role.TEACHER,
                "display_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "time_zone": "UTC",
            }
            for i in range(TEACHERS)
        ]
        users.append(
            {
                "email": "student@example.com",
                "password_hash": "x",
                "role": Role.STUDENT,
                "display_name": "Student",
                "time_zone": "UTC",
            }
        )
        connection.execute(insert(User), users)
        connection.execute(insert(Gig), [_gig(n, rng) for n in range(GIGS)])
        connection.exec_driver_sql("ANALYZE")
    student = Actor(TEACHERS + 1, "student@example.com", Role.STUDENT, "Student", "UTC")
    return engine, ServiceContext(create_session_factory(engine)), student


def _gig(n: int, rng: random.Random) -> dict[str, object]:
    language = rng.choice(LANGUAGES)
    topics = rng.sample(TOPICS, 2)
    words = rng.sample(FILLER, 12) + rng.sample(TOPICS, 3)
    rng.shuffle(words)
    return {
        "teacher_id": n % TEACHERS + 1,
        "title": f"{language} {topics[0]} and {topics[1]}".capitalize(),
        "language": language,
        "description": " ".join(words).capitalize() + ".",
        "level": Level.ALL,
        "hourly_rate_minor": rng.randrange(1000, 9000, 50),
        "currency": "USD",
    }


def _queries(rng: random.Random) -> list[tuple[str, str]]:
    """(search text, language): one or two words, the last cut short as if being typed."""
    queries = []
    for _ in range(QUERIES):
        words = rng.sample(TOPICS + LAST, rng.choice((1, 2)))
        words[-1] = words[-1][: rng.randint(2, len(words[-1]))]
        queries.append((" ".join(words), rng.choice(LANGUAGES)))
    return queries


def _fetch_all(connection: Connection, raw: TextClause, match: str) -> None:
    connection.execute(raw, {"match": match}).all()


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def figures(url: str) -> list[Figure]:
    rng = random.Random(13)
    engine, ctx, student = seed(url, rng)
    catalogue = CatalogueService(ctx)
    raw = text(raw_match_sql(engine.dialect.name))
    postgres = engine.dialect.name == "postgresql"
    app_ms, raw_ms = [], []
    with engine.connect() as connection:
        for search, language in _queries(rng):
            words = Words.of(search)
            match = words.tsquery() if postgres else words.fts5_query()
            raw_ms.append(best_of(partial(_fetch_all, connection, raw, match)))
            search_gigs = partial(catalogue.search_gigs, student, text=search)
            app_ms.append(best_of(partial(search_gigs, language=language, sort="price_asc")))
    engine.dispose()
    name = make_url(url).get_backend_name()
    print(f"  {name}: {GIGS:,} gigs, {TEACHERS:,} teachers", file=sys.stderr)
    raw_name = "raw full-text query"
    return [
        Figure(
            "search as you type, p50",
            statistics.median(app_ms),
            "ms",
            raw_name,
            statistics.median(raw_ms),
        ),
        Figure(
            "search as you type, p95",
            _p95(app_ms),
            "ms",
            raw_name,
            _p95(raw_ms),
            goal_ratio=GOAL_RATIO,
        ),
    ]


if __name__ == "__main__":
    main_alone("search", figures, sys.argv[1:])
