"""What the benchmarks share: their sizes (tiny under ``--smoke``), where they run (a
temporary SQLite file and a throw-away database on the test Postgres server), best-of-N
timing, and the reference every query figure stands beside: the same SQL statements the app
sent, replayed on the raw driver connection in the same run.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, text
from sqlalchemy.engine import make_url

from bench.figure import Figure

POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SMOKE_VARIABLE = "LINGUAFLEX_BENCH_SMOKE"  # set by ``python -m bench --smoke``
QUICK_MS = 20.0
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
RAW_SQL = "its SQL, raw driver"  # the reference of every query figure


def smoke() -> bool:
    return os.environ.get(SMOKE_VARIABLE) == "1"


def size(full: int, tiny: int) -> int:
    """A benchmark's size: ``full``, or ``tiny`` in a smoke run (the scripts only run)."""
    return tiny if smoke() else full


def best_of(call: Callable[[], object], runs: int | None = None) -> float:
    """The fastest of ``runs`` calls (5, or 1 in a smoke run), in milliseconds."""
    times = []
    for _ in range(runs or size(5, 1)):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return min(times) * 1000


Statements = list[tuple[str, Any]]


def bulk_insert(connection: Connection, model: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` into ``model``'s table as ``connection.execute(insert(model), rows)``
    does, on Postgres through COPY: the seeds of 100,000s of rows took most of the suite's
    time there (4,700 bookings a second; about twice that through COPY). Each value goes
    through its column type's bind processing, and the Python-side defaults of the columns
    the rows leave out are applied, as the insert would."""
    if not rows:
        return
    table = model.__table__
    given = list(rows[0])
    defaults = {
        column.key: column.default
        for column in table.columns
        if column.key not in given and column.default is not None
    }
    if connection.dialect.name != "postgresql" or any(
        not (default.is_scalar or default.is_callable)  # e.g. a SQL expression
        for default in defaults.values()
    ):
        connection.execute(insert(model), list(rows))
        return
    keys = [*given, *defaults]
    process = [table.c[key].type.bind_processor(connection.dialect) for key in keys]
    names = ", ".join(f'"{table.c[key].name}"' for key in keys)
    to_json = getattr(connection.dialect, "_json_serializer", None) or json.dumps
    raw = connection.connection.dbapi_connection
    assert raw is not None
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            values = [row[key] for key in given]
            for default in defaults.values():
                values.append(default.arg(None) if default.is_callable else default.arg)
            written = [p(v) if p else v for p, v in zip(process, values, strict=True)]
            # a JSON column's value is left to the driver's parameter adaptation, which
            # COPY does not do
            copy.write_row([to_json(v) if isinstance(v, dict | list) else v for v in written])


@contextmanager
def recording(engine: Engine) -> Iterator[Statements]:
    """The SQL statements (with their driver parameters) sent on ``engine`` meanwhile, from
    any thread."""
    sent: Statements = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", note)


def replay(engine: Engine, statements: Statements) -> Callable[[], None]:
    """A call sending ``statements`` on a raw driver connection of ``engine`` and fetching
    every row: what the database and its driver alone cost, without the app's layers."""

    def run() -> None:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            for statement, parameters in statements:
                if statement.lstrip().upper().startswith(TRANSACTION_CONTROL):
                    continue  # the raw connection runs in its driver's own transaction
                cursor.execute(statement, parameters)
                if cursor.description is not None:
                    cursor.fetchall()
            cursor.close()
            connection.rollback()
        finally:
            connection.close()

    return run


def against_raw_sql(engine: Engine, cases: Mapping[str, Callable[[], object]]) -> list[Figure]:
    """A figure per case: its best time beside the best time of the SQL it sent, replayed.
    The two alternate, so a busy moment of a shared machine falls on both; calls under
    QUICK_MS get three times the runs (their ratios are the noisiest)."""
    figures = []
    for name, call in cases.items():
        with recording(engine) as sent:
            call()
        reference = replay(engine, sent)
        runs = size(5, 1)
        if best_of(call, 1) < QUICK_MS:
            runs *= 3
        app = raw = float("inf")
        for _ in range(runs):
            app, raw = min(app, best_of(call, 1)), min(raw, best_of(reference, 1))
        figures.append(Figure(name, app, "ms", RAW_SQL, raw))
    return figures


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
        print(f"postgres skipped: {error}", file=sys.stderr)
        yield None
        return
    try:
        yield make_url(POSTGRES_ADMIN).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- data seeded once per run -------------------------------------------------------------

_templates: dict[tuple[str, str], str] = {}  # (what, backend) -> the filled template's URL


def fill_from_template(url: str, what: str, fill: Callable[[str], None]) -> None:
    """Fill the new, empty database at ``url`` as ``fill(url)`` would, running ``fill`` once
    per run and backend: the first call fills a template database, every call copies it
    (SQLite's backup API into the file; ``CREATE DATABASE ... TEMPLATE`` on Postgres), with
    its planner statistics. Benchmarks that change their data each get their own copy. The
    templates go when the process exits."""
    backend = make_url(url).get_backend_name()
    key = (what, backend)
    if key not in _templates:
        _templates[key] = _new_template(backend, what)
        fill(_templates[key])
    template = _templates[key]
    if backend == "sqlite":
        _copy_sqlite(template, url)
    else:
        _copy_postgres(template, url)


def _new_template(backend: str, what: str) -> str:
    if backend == "sqlite":
        folder = tempfile.mkdtemp(prefix="lf_bench_template_")
        atexit.register(shutil.rmtree, folder, True)
        return f"sqlite:///{folder}/{what}.sqlite3"
    name = f"lf_bench_template_{uuid.uuid4().hex[:8]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    atexit.register(_admin_execute, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return make_url(POSTGRES_ADMIN).set(database=name).render_as_string(hide_password=False)


def _copy_sqlite(template: str, url: str) -> None:
    source, target = make_url(template).database, make_url(url).database
    assert source and target, "file databases only"
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


def _copy_postgres(template: str, url: str) -> None:
    """Replace the empty database at ``url`` by a copy of ``template`` (no session may be
    connected to either: the template's filling engine was disposed)."""
    name, source = make_url(url).database, make_url(template).database
    _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')


def _admin_execute(statement: str) -> None:
    admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(statement))
    finally:
        admin.dispose()
