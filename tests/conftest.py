"""Shared fixtures: a fresh database per test on SQLite and on the Postgres server, a clock.

Postgres tests use one database per test run (``lf_test_<pid>_<hex>``), migrated once and
emptied between tests; SQLite tests get a fresh file copied from a migrated template. In CI
(``LINGUAFLEX_REQUIRE_PEERS=1``) a missing peer fails the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine, text

from linguaflex_desktop.db import create_app_engine, create_session_factory, upgrade_schema
from linguaflex_desktop.models import Base
from linguaflex_desktop.services.common.context import ServiceContext

pytest_plugins = [
    "tests.conftest_stripe",
    "tests.skip_accounting",
    "tests.stripe_contract_plugin",
    "tests.crash_table_plugin",
    "tests.qt_wait_floor",
    "tests.qt_gc_on_gui_thread",
]

POSTGRES_ADMIN_DSN = os.environ.get(
    "LINGUAFLEX_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_PEERS = os.environ.get("LINGUAFLEX_REQUIRE_PEERS") == "1"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

# Property tests: "ci" (the default) is short and derandomized so a CI failure reproduces
# exactly, and prints the blob to replay it; "thorough" searches longer, for local runs.
settings.register_profile(
    "ci", max_examples=30, derandomize=True, database=None, print_blob=True, deadline=None
)
settings.register_profile("thorough", max_examples=500, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def missing_peer(reason: str) -> None:
    """Skip locally when a peer is absent, but fail in CI where every peer must run."""
    if REQUIRE_PEERS:
        pytest.fail(f"required test peer missing: {reason}")
    pytest.skip(reason)


@dataclass
class FakeClock:
    """A settable clock for services; starts at a fixed instant, aware UTC."""

    current: datetime = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current

    def set(self, value: datetime) -> None:
        if value.tzinfo is None:
            raise ValueError("aware datetimes only")
        self.current = value


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


# --- SQLite ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = create_app_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "linguaflex.sqlite3"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite:///{target}"


# --- Postgres -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_database_url() -> Iterator[str]:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(POSTGRES_ADMIN_DSN, isolation_level="AUTOCOMMIT")
    name = f"lf_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # any failure means "no Postgres here"
        admin.dispose()
        missing_peer(f"Postgres at {make_url(POSTGRES_ADMIN_DSN).host} unavailable: {error}")
    url = make_url(POSTGRES_ADMIN_DSN).set(database=name).render_as_string(hide_password=False)
    engine = create_app_engine(url)
    upgrade_schema(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def truncate_all(engine: Engine) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


# --- Either database ------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """The same test runs on SQLite and on Postgres."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgres_database_url"))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_app_engine(database_url)
    if engine.dialect.name == "postgresql":
        truncate_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def ctx(engine: Engine, clock: FakeClock) -> ServiceContext:
    return ServiceContext(session_factory=create_session_factory(engine), clock=clock)


@pytest.fixture
def sqlite_ctx(sqlite_url: str, clock: FakeClock) -> Iterator[ServiceContext]:
    engine = create_app_engine(sqlite_url)
    yield ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    engine.dispose()
