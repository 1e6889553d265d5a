"""Engine, session factory, unit of work and schema migration.

One sessionmaker for the app; a Session per unit of work, opened on the thread that runs it
(reads run together on one thread may share one: ``SharedReads``).
SQLite runs in WAL mode with foreign keys on; a write unit of work takes the write lock up front
(``BEGIN IMMEDIATE``, SQLAlchemy's pysqlite transaction recipe) so that a check-then-insert can
never be overtaken between its read and its write, and never fails with SQLITE_BUSY half-way.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
import time
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, Executable, Insert, Result, Table, create_engine, event, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool
from sqlalchemy.sql.dml import UpdateBase

from linguaflex_desktop.change_feed import CHANNEL, UI_ACTION, ChangeFeed, Notice, kinds_of
from linguaflex_desktop.errors import (
    DatabaseDamaged,
    DatabaseSchemaTooNew,
    DatabaseUnavailable,
    DataFolderNotWritable,
)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
WRITE_OPTION = "linguaflex_write"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# A pooled Postgres connection idle this long is pinged before use (``install_idle_ping``).
PING_AFTER_IDLE_SECONDS = 10.0
_IDLE_SINCE = "linguaflex_idle_since"


def create_app_engine(
    database_url: str, *, echo: bool = False, ping_after_idle: float = PING_AFTER_IDLE_SECONDS
) -> Engine:
    """Create the engine for ``database_url`` (SQLite file or postgresql+psycopg); on
    Postgres a pooled connection idle for ``ping_after_idle`` seconds or more is pinged
    before it is handed out (``install_idle_ping``)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            folder = Path(url.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DataFolderNotWritable(
                    f"Cannot create the database folder {folder}: {error.strerror or error}."
                ) from error
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        _install_sqlite_hooks(engine)
        return engine
    # No server-side prepared statements (psycopg prepares a statement run 5 times on a
    # connection): Postgres may then reuse one generic plan for every parameter, and the
    # free-time search's ``teacher_id = ANY(:ids)``, whose list runs from a few ids to
    # thousands, got such plans once reads ran in autocommit: its p95 went from 38 to 143 ms
    # (bench/bench_free_time.py).
    # Each statement is planned for its own parameters instead. (A pooler in transaction
    # mode, as a school may put in front of Postgres, needs this too.)
    engine = create_engine(
        url,
        echo=echo,
        pool_size=5,
        max_overflow=5,
        connect_args={"prepare_threshold": None},
    )
    install_idle_ping(engine, ping_after_idle)
    return engine


# Connections opened ahead for the first window (``open_spare_connections``): its first
# page asks for three to five things at once, each on a pool thread of its own.
SPARE_CONNECTIONS = 4


def open_spare_connections(engine: Engine, count: int = SPARE_CONNECTIONS) -> int:
    """Have the pool hold ``count`` open connections (at most its size) before they are
    needed; returns how many were opened. Signing in opens the role window, whose first
    loads run side by side: each found no idle connection and opened one, on Postgres a
    connect, authentication and session set-up of 5-15 ms each, paid by the sign-in. Run
    while the sign-in window waits for the user. Pools other than a QueuePool: nothing."""
    pool = engine.pool
    if not isinstance(pool, QueuePool):
        return 0
    opened = 0

    @event.listens_for(pool, "connect")
    def _count(_dbapi_connection: Any, _record: Any) -> None:
        nonlocal opened
        opened += 1

    try:
        with ExitStack() as held:  # all held at once, so each checkout takes another one
            for _ in range(min(count, pool.size())):
                held.enter_context(engine.connect())
    finally:
        event.remove(pool, "connect", _count)
    return opened


def install_idle_ping(engine: Engine, idle_seconds: float) -> None:
    """Ping a pooled connection before handing it out only when it has been idle for
    ``idle_seconds`` or more (SQLAlchemy's pessimistic disconnect handling through the
    checkout event). A dead one (the server restarted, the network path dropped it) is then
    replaced before the user's action uses it, as ``pool_pre_ping`` would. One handed back
    moments ago goes straight to work: a busy desktop saves the ping's round trip on each
    unit of work, which a desktop far from the school's Postgres feels. If the server went
    away within those seconds, the action that finds out fails once with "cannot reach the
    database", and the pool drops every connection older than that failure."""

    @event.listens_for(engine, "connect")
    def _fresh(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _idle(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(_IDLE_SINCE)
        if since is not None and time.monotonic() - since < idle_seconds:
            return
        dialect = engine.dialect
        # on DisconnectionError the pool drops this connection and checks out another (up
        # to 3 times)
        try:
            alive = dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            raise DisconnectionError(f"connection lost while idle: {error}") from error
        if not alive:
            raise DisconnectionError("connection lost while idle")


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (not pysqlite) emit BEGIN, so we choose its kind.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_session_factory(
    engine: Engine, *, change_feed: ChangeFeed | None = None
) -> sessionmaker[Session]:
    """The app's sessionmaker; with ``change_feed``, what each commit changed is published
    there (``install_change_hooks``)."""
    factory = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
    if change_feed is not None:
        install_change_hooks(factory, change_feed, postgres=engine.dialect.name == "postgresql")
    return factory


_CHANGED_TABLES = "linguaflex_changed_tables"
_UNANNOUNCED = "linguaflex_unannounced"
_NOTIFY = text("SELECT pg_notify(:channel, :payload)")  # built once: sent by every write


def changed_tables(session: Session) -> set[str]:
    """The tables the session's transaction has written so far (``install_change_hooks``)."""
    tables: set[str] = session.info.setdefault(_CHANGED_TABLES, set())
    return tables


def leave_unannounced(session: Session) -> None:
    """The session's transaction writes only what no view shows (a sign-in's attempt
    counter and last sign-in time): its commit tells no window, in this app or in another on
    the same database, to reload. Announced, every sign-in anywhere in a school made each
    admin's Users and Gigs pages load again, and cost the sign-in a ``pg_notify`` round trip
    in each of its two transactions."""
    session.info[_UNANNOUNCED] = True


def _kinds_to_announce(session: Session) -> frozenset[str]:
    """The kinds the committing transaction wrote (none if ``leave_unannounced``); the
    session then starts its next transaction with nothing recorded."""
    tables = session.info.pop(_CHANGED_TABLES, ())
    if session.info.pop(_UNANNOUNCED, False):
        return frozenset()
    return kinds_of(tables)


def run_core(
    session: Session,
    statement: Executable,
    parameters: Mapping[str, Any],
    *,
    autoflush: bool = False,
) -> Result[*tuple[Any, ...]]:
    """Execute a Core statement (one that builds no ORM object) on the session's connection,
    in its transaction, skipping the ORM's execution layer: for a select of mapped columns
    on Postgres, 79 against 113 µs of client CPU. A written table is recorded for the
    change hooks, as ``session.execute`` does. ``autoflush=True`` flushes pending ORM
    changes first (unless autoflush is off), as ``session.execute`` does for a statement on
    mapped classes; without it they stay pending, as for a statement on Tables.

    A booking request, which sends five such statements, took 1.37 ms of client CPU
    instead of 1.46 ms (alternating requests on one Postgres)."""
    if autoflush and session.autoflush:
        session.flush()
    if isinstance(statement, UpdateBase):
        name = getattr(statement.table, "name", None)
        if isinstance(name, str):
            changed_tables(session).add(name)
    return session.connection().execute(statement, parameters)


def install_change_hooks(
    factory: sessionmaker[Session], feed: ChangeFeed, *, postgres: bool
) -> None:
    """Record the tables each transaction writes (ORM objects flushed, and ORM-enabled
    insert / update / delete statements) and announce their kinds when it commits: on
    Postgres by ``pg_notify`` in the transaction itself, so that every app listening (see
    ``adapters.change_listener``) hears of it only if it commits; on SQLite to ``feed`` after
    the commit. A rolled-back transaction announces nothing."""

    @event.listens_for(factory, "before_flush")
    def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
        tables = changed_tables(session)
        for instance in (*session.new, *session.dirty, *session.deleted):
            name = getattr(type(instance), "__tablename__", None)
            if isinstance(name, str):
                tables.add(name)

    @event.listens_for(factory, "do_orm_execute")
    def _on_statement(state: Any) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            name = getattr(table, "name", None)
            if isinstance(name, str):
                changed_tables(state.session).add(name)

    if postgres:

        @event.listens_for(factory, "before_commit")
        def _notify_in_transaction(session: Session) -> None:
            session.flush()  # commit flushes after this hook: see every write now
            kinds = _kinds_to_announce(session)
            if kinds:
                notice = Notice(kinds=kinds, ui_action=UI_ACTION.get())
                run_core(
                    session,
                    _NOTIFY,
                    {"channel": CHANNEL, "payload": notice.encode()},
                )
    else:

        @event.listens_for(factory, "before_commit")
        def _flush_before_commit(session: Session) -> None:
            session.flush()
            session.info["linguaflex_committing"] = _kinds_to_announce(session)

        @event.listens_for(factory, "after_commit")
        def _publish_after_commit(session: Session) -> None:
            kinds = session.info.pop("linguaflex_committing", frozenset())
            if kinds:
                feed.publish(Notice(kinds=kinds, ui_action=UI_ACTION.get()))

    @event.listens_for(factory, "after_rollback")
    def _forget(session: Session) -> None:
        session.info.pop(_CHANGED_TABLES, None)
        session.info.pop(_UNANNOUNCED, None)
        session.info.pop("linguaflex_committing", None)


def insert_unless_present(
    session: Session, model: type[Any], values: Mapping[str, Any], *, unique: str
) -> int | None:
    """Insert a ``model`` row unless one with the same ``unique`` column value exists: the new
    row's id, or None. One statement (``INSERT … ON CONFLICT (unique) DO NOTHING RETURNING
    id``) where a look-up, a SAVEPOINT, the INSERT and its RELEASE took four round trips; a
    concurrent insert of the same value, committed first, wins the same way (Postgres waits
    for it), and the caller's transaction goes on. The row is inserted into the table (its
    columns are the ``values``' keys) and no ORM object is built for it: that costs the
    client more CPU than the statement does, and callers need only the id."""
    statement = _insert_or_nothing(session.get_bind().dialect.name, table_of(model), unique)
    new_id: int | None = run_core(session, statement, dict(values)).scalar()
    return new_id


def table_of(model: type[Any]) -> Table:
    """The table a mapped class is mapped to, typed as a Table (Core statements on it)."""
    table: Table = model.__table__
    return table


@functools.cache
def _insert_or_nothing(dialect: str, table: Table, unique: str) -> Insert:
    """``insert_unless_present``'s statement, built once: its values come as parameters, so
    each call skips building the statement and its cache key anew."""
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement: Insert = (
        insert(table).on_conflict_do_nothing(index_elements=[unique]).returning(table.c.id)
    )
    return statement


class UnitOfWork:
    """``with uow: ...; uow.commit()`` — leaving the block without commit rolls back.

    ``write=True`` takes the SQLite write lock at the start of the transaction; on Postgres it
    changes nothing (rows are locked where needed with SELECT ... FOR UPDATE).

    ``write=False`` (reads only; it cannot commit) runs on Postgres without a transaction
    (autocommit): under READ COMMITTED each statement sees its own snapshot either way, and a
    desktop far from the server saves the round trips of BEGIN and ROLLBACK on every read.

    ``one_statement=True`` is for a write that is one statement, atomic on its own (an
    ``UPDATE … RETURNING`` whose conditions are its checks): on Postgres it runs in
    autocommit too, its one round trip instead of three (BEGIN, the statement, COMMIT), and
    ``commit`` sends nothing; on SQLite it is a write transaction as any other.
    """

    session: Session

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        write: bool = True,
        one_statement: bool = False,
    ) -> None:
        self._session_factory = session_factory
        self._write = write
        self._one_statement = one_statement

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        postgres = self.session.get_bind().dialect.name == "postgresql"
        if postgres and (self._one_statement or not self._write):
            self.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        elif self._write:
            self.session.connection(execution_options={WRITE_OPTION: True})
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._finish(failed=exc_type is not None)

    def _finish(self, *, failed: bool) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        if not self._write:  # on Postgres its statements were never in a transaction
            raise RuntimeError("a read-only unit of work (write=False) cannot commit")
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name


class SharedReads:
    """One session for read-only units of work run one after the other on one thread (a
    window's first loads): each of them would otherwise open a session of its own and load
    its acting user again (``session.get``), on Postgres a round trip each. Here the user
    loaded by the first is found in the session's identity map by the next (loaded again
    only if a unit failed in between).

    On Postgres the session runs in autocommit, as a read unit of work does. On SQLite its
    reads share one read transaction (one snapshot, a few milliseconds long), ended by
    ``close``. A unit that fails closes the session (rolled back, emptied): the next one
    opens a new one, as it would on its own (on Postgres in autocommit again). Services hand
    out DTOs, never ORM objects, so nothing loaded here leaves the thread."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory
        self._session: Session | None = None
        self._depth = 0  # units of work open (one inside another counts twice)
        # The session's identity map holds its objects weakly: what the units load is kept
        # here, so that the next finds it there (an acting user) without a statement.
        self._kept: list[object] = []

    def unit_of_work(self) -> UnitOfWork:
        return _SharedReadUnitOfWork(self)

    def enter(self) -> Session:
        if self._session is None:
            session = self.session_factory()
            if session.get_bind().dialect.name == "postgresql":
                session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            event.listen(session, "loaded_as_persistent", self._keep)
            self._session = session
        self._depth += 1
        return self._session

    def leave(self, *, failed: bool) -> None:
        """A unit ends; the outermost one that fails closes the session (one inside it
        that fails leaves it to the outer one, which may go on with what it loaded)."""
        self._depth -= 1
        if failed and self._depth == 0:
            self.close()

    def _keep(self, _session: Session, instance: object) -> None:
        self._kept.append(instance)

    def close(self) -> None:
        self._kept.clear()
        session, self._session = self._session, None
        if session is not None:
            try:
                session.rollback()
            finally:
                session.close()


class _SharedReadUnitOfWork(UnitOfWork):
    """A read-only unit of work on a ``SharedReads`` session."""

    def __init__(self, shared: SharedReads) -> None:
        super().__init__(shared.session_factory, write=False)
        self._shared = shared

    def __enter__(self) -> UnitOfWork:
        self.session = self._shared.enter()
        return self

    def _finish(self, *, failed: bool) -> None:
        self._shared.leave(failed=failed)


def check_connection(engine: Engine) -> None:
    """Raise DatabaseUnavailable with a readable message if the database cannot be reached."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (OperationalError, SQLAlchemyError, OSError) as error:
        where = engine.url.render_as_string(hide_password=True)
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        raise DatabaseUnavailable(f"Cannot reach the database at {where}: {reason}") from error


def check_sqlite_file(database_url: str) -> None:
    """Refuse a damaged SQLite file (DatabaseDamaged) before the app opens it for writing.

    ``PRAGMA quick_check`` reads every page of the b-trees (milliseconds for this app's
    sizes; unlike integrity_check it skips index-content cross-checks). The file is opened
    read-only, so a damaged one is left exactly as it was for the user or a backup tool.
    A missing or empty file, Postgres, or a file that cannot be opened read-only (left to
    check_connection) are not checked here.
    """
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    path = Path(url.database)
    if not path.is_file() or path.stat().st_size == 0:
        return
    # Without a -wal file nobody has the database open and the file holds all of it: read it
    # as immutable, which creates no -wal/-shm beside it. Else read-only, through the WAL.
    wal_present = path.with_name(path.name + "-wal").exists()
    mode = "mode=ro" if wal_present else "immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    except sqlite3.Error as error:
        log.warning("quick_check skipped: %s cannot be opened read-only: %s", path, error)
        return
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
        problem = None if rows == ["ok"] else "; ".join(str(row) for row in rows)
    except sqlite3.DatabaseError as error:  # "file is not a database", "disk image is malformed"
        problem = str(error)
    finally:
        connection.close()
    if problem is not None:
        log.info("quick_check of %s failed: %s", path, problem)
        raise DatabaseDamaged(
            f"The database file {path} is damaged ({problem.splitlines()[0]}). It was left "
            "untouched: restore a backup, or move it away to start with an empty database."
        )


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (creates it on an empty database).

    DatabaseSchemaTooNew, with nothing changed, when the database is at a revision this
    version of the app does not know (it was migrated by a newer LinguaFlex).
    """
    if revision == "head" and _at_head(engine):
        return
    from alembic import command

    config = alembic_config(engine)
    unknown = _unknown_revisions(engine, config)
    if unknown:
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseSchemaTooNew(
            f"The database at {where} was set up by a newer version of LinguaFlex (schema "
            f"{', '.join(sorted(unknown))}); update the app to open it."
        )
    command.upgrade(config, revision)


_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*=\s*(None|"([^"]+)")\s*$', re.M)


def migration_head() -> str | None:
    """The newest migration's revision, read from the migration files' ``revision`` and
    ``down_revision`` lines (no Alembic import); None unless there is exactly one head."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, _value, quoted in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            if quoted:
                (revisions if name == "revision" else parents).add(quoted)
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """True when the database is at the newest migration: one query, and Alembic (some
    0.25 s to import and read its scripts) is not loaded. False sends the caller through
    Alembic (an empty database, an older or a newer schema, several heads)."""
    head = migration_head()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:  # no alembic_version table yet: an empty database
        return False
    return [row[0] for row in current] == [head]


def _unknown_revisions(engine: Engine, config: Any) -> set[str]:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current - known


def downgrade_schema(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def schema_is_current(engine: Engine) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    return set(current) == set(script.get_heads())
