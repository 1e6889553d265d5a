"""What the benchmarks share: where they run (the URLs given, or a temporary SQLite file and a
throw-away database on the test Postgres server), best-of-N timing, and the printed lines.

A benchmark gives ``main`` its ``run(url)``, which seeds that database and prints its timings
with ``print_timings``.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def best_of(call: Callable[[], object], runs: int = 5) -> float:
    """The fastest of ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return min(times) * 1000


def print_timings(cases: Mapping[str, Callable[[], object]], *, width: int) -> None:
    """One line a case: its name padded to ``width`` and its best-of-5 time."""
    for name, call in cases.items():
        print(f"  {name:{width}} {best_of(call):8.1f} ms")


@contextmanager
def postgres_database() -> Iterator[str | None]:
    """The URL of a new, empty database on the test server (dropped afterwards), or None
    (with a printed reason) when the server cannot be reached."""
    admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"lf_bench_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"postgres skipped: {error}")
        yield None
        return
    try:
        yield make_url(POSTGRES_ADMIN).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(run: Callable[[str], None], urls: list[str]) -> None:
    """``run`` each URL given; without any, a temporary SQLite file and then Postgres."""
    if urls:
        for url in urls:
            run(url)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.sqlite3")
    with postgres_database() as postgres_url:
        if postgres_url:
            run(postgres_url)
