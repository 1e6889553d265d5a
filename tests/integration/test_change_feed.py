"""The change feed: a committed transaction announces the kinds of data it wrote (SQLite: in
this process; Postgres: to every listening app, through pg_notify, another process included);
a rolled-back one announces nothing; a UI action is left to its own window in its process."""

from __future__ import annotations

import queue
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text, update
from sqlalchemy.engine import Engine, make_url

from linguaflex_desktop.adapters.change_listener import ChangeListener
from linguaflex_desktop.change_feed import (
    CHANNEL,
    PROCESS_ORIGIN,
    TABLE_KINDS,
    UI_ACTION,
    ChangeFeed,
    Notice,
)
from linguaflex_desktop.db import create_session_factory
from linguaflex_desktop.models import Gig, Level, Role, User
from linguaflex_desktop.services.common.context import ServiceContext

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
WAIT_S = 10.0


class Heard:
    """A feed subscriber that queues what it hears (from any thread)."""

    def __init__(self, feed: ChangeFeed) -> None:
        self.kinds: queue.Queue[frozenset[str]] = queue.Queue()
        feed.subscribe(self.kinds.put)

    def next(self) -> frozenset[str]:
        return self.kinds.get(timeout=WAIT_S)

    def nothing_yet(self) -> bool:
        return self.kinds.empty()


def feed_ctx(engine: Engine) -> tuple[ServiceContext, ChangeFeed, Heard]:
    feed = ChangeFeed()
    ctx = ServiceContext(create_session_factory(engine, change_feed=feed), clock=lambda: NOW)
    return ctx, feed, Heard(feed)


def add_teacher(ctx: ServiceContext, email: str) -> int:
    with ctx.unit_of_work() as uow:
        user = User(
            email=email,
            password_hash="x",
            role=Role.TEACHER,
            display_name="Teacher",
            time_zone="UTC",
        )
        uow.session.add(user)
        uow.session.flush()
        uow.session.add(
            Gig(
                teacher_id=user.id,
                title="Spanish",
                description="",
                language="Spanish",
                level=Level.B1,
                hourly_rate_minor=3000,
                currency="USD",
            )
        )
        uow.commit()
        return user.id


# --- in this process (SQLite) --------------------------------------------------------------


def test_sqlite_a_commit_announces_its_kinds_and_a_rollback_nothing(sqlite_url: str) -> None:
    from linguaflex_desktop.db import create_app_engine

    engine = create_app_engine(sqlite_url)
    ctx, _feed, heard = feed_ctx(engine)
    teacher_id = add_teacher(ctx, "t1@example.com")
    assert heard.next() == frozenset({"user", "gig"})
    with ctx.unit_of_work() as uow:  # a Core-style ORM update counts too
        uow.session.execute(update(User).where(User.id == teacher_id).values(display_name="T"))
        uow.commit()
    assert heard.next() == frozenset({"user"})
    with ctx.unit_of_work() as uow:
        uow.session.execute(update(User).where(User.id == teacher_id).values(display_name="U"))
        uow.rollback()
    with ctx.unit_of_work() as uow:  # read-only: nothing written, nothing said
        uow.session.execute(text("SELECT 1"))
    assert heard.nothing_yet()
    token = UI_ACTION.set(True)  # a window's own action: it announces it itself
    try:
        add_teacher(ctx, "t2@example.com")
    finally:
        UI_ACTION.reset(token)
    assert heard.nothing_yet()
    engine.dispose()


def test_sqlite_a_core_write_on_the_sessions_connection_announces_its_table(
    sqlite_url: str,
) -> None:
    """run_core skips the ORM's execution layer, whose hook records a written table: it
    records it itself, so the commit still announces it; a Core read announces nothing."""
    from sqlalchemy import select

    from linguaflex_desktop.db import create_app_engine, run_core, table_of

    engine = create_app_engine(sqlite_url)
    ctx, _feed, heard = feed_ctx(engine)
    teacher_id = add_teacher(ctx, "t1@example.com")
    assert heard.next() == frozenset({"user", "gig"})
    users = table_of(User)
    with ctx.unit_of_work() as uow:
        statement = update(users).where(users.c.id == teacher_id).values(display_name="T")
        run_core(uow.session, statement, {})
        uow.commit()
    assert heard.next() == frozenset({"user"})
    with ctx.unit_of_work() as uow:
        run_core(uow.session, select(users.c.display_name), {})
        uow.commit()
    assert heard.nothing_yet()
    engine.dispose()


def test_sqlite_an_unannounced_transaction_leaves_the_next_one_announced(
    sqlite_url: str,
) -> None:
    """leave_unannounced holds for one transaction of the session, committed or rolled
    back: the session's next write is announced as any other."""
    from linguaflex_desktop.db import create_app_engine, leave_unannounced

    engine = create_app_engine(sqlite_url)
    ctx, _feed, heard = feed_ctx(engine)
    teacher_id = add_teacher(ctx, "t1@example.com")
    assert heard.next() == frozenset({"user", "gig"})
    rename = update(User).where(User.id == teacher_id)
    with ctx.unit_of_work() as uow:
        session = uow.session
        leave_unannounced(session)
        session.execute(rename.values(display_name="T"))
        session.commit()
        assert heard.nothing_yet()
        session.execute(rename.values(display_name="U"))
        session.commit()
        assert heard.next() == frozenset({"user"})
        leave_unannounced(session)
        session.execute(rename.values(display_name="V"))
        session.rollback()
        session.execute(rename.values(display_name="W"))
        session.commit()
        assert heard.next() == frozenset({"user"})
    engine.dispose()


def test_notices_survive_the_wire_and_strangers_are_ignored() -> None:
    notice = Notice(kinds=frozenset({"booking", "payment"}), origin="other", ui_action=True)
    assert Notice.decode(notice.encode()) == notice
    assert Notice.decode("not json") is None and Notice.decode('{"k": 1}') is None
    assert not notice.announced_here()  # another process's UI action still concerns us
    assert Notice(kinds=frozenset({"gig"}), ui_action=True).announced_here()
    assert set(TABLE_KINDS.values()) <= {
        "availability", "booking", "card", "gig", "job", "notification", "payment",
        "cancellation", "message", "payout", "profile", "review", "user",
    }  # fmt: skip


# --- across processes (Postgres) ----------------------------------------------------------


@pytest.fixture
def pg_engine(postgres_database_url: str) -> Iterator[Engine]:
    from linguaflex_desktop.db import create_app_engine

    engine = create_app_engine(postgres_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def listening(pg_engine: Engine) -> Iterator[tuple[ServiceContext, Heard]]:
    ctx, feed, heard = feed_ctx(pg_engine)
    conninfo = pg_engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    listener = ChangeListener(conninfo, feed, poll_seconds=0.1)
    listener.start()
    assert listener.listening.wait(WAIT_S)
    yield ctx, heard
    listener.stop()


def sentinel(engine: Engine) -> frozenset[str]:
    """Send a notice of a kind no test writes and return it: once heard, every earlier
    notification has been delivered (Postgres keeps their order)."""
    marker = Notice(kinds=frozenset({"sentinel"}), origin="test")
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": marker.encode()})
    return marker.kinds


@pytest.mark.postgres
def test_postgres_commits_are_heard_by_the_listener_rollbacks_and_own_ui_actions_not(
    pg_engine: Engine, listening: tuple[ServiceContext, Heard]
) -> None:
    ctx, heard = listening
    teacher_id = add_teacher(ctx, "pg1@example.com")  # as the app's worker thread would
    assert heard.next() == frozenset({"user", "gig"})
    with ctx.unit_of_work() as uow:
        uow.session.execute(update(User).where(User.id == teacher_id).values(display_name="U"))
        uow.rollback()
    token = UI_ACTION.set(True)
    try:
        add_teacher(ctx, "pg2@example.com")
    finally:
        UI_ACTION.reset(token)
    marker = sentinel(pg_engine)
    assert heard.next() == marker  # nothing came before the sentinel
    other = Notice(kinds=frozenset({"booking"}), origin="another-desktop", ui_action=True)
    with pg_engine.begin() as connection:
        connection.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": other.encode()})
    assert heard.next() == frozenset({"booking"})


@pytest.mark.postgres
def test_postgres_a_change_made_by_another_process_reaches_this_one(
    postgres_database_url: str, listening: tuple[ServiceContext, Heard]
) -> None:
    _ctx, heard = listening
    script = textwrap.dedent(
        f"""
        from linguaflex_desktop.change_feed import ChangeFeed, PROCESS_ORIGIN
        from linguaflex_desktop.db import create_app_engine, create_session_factory
        from linguaflex_desktop.change_feed import UI_ACTION
        from tests.integration.test_change_feed import add_teacher, NOW
        from linguaflex_desktop.services.common.context import ServiceContext
        engine = create_app_engine({postgres_database_url!r})
        factory = create_session_factory(engine, change_feed=ChangeFeed())
        UI_ACTION.set(True)  # a window's action there: still news here
        add_teacher(ServiceContext(factory, clock=lambda: NOW), "elsewhere@example.com")
        assert PROCESS_ORIGIN != {PROCESS_ORIGIN!r}
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    assert heard.next() == frozenset({"user", "gig"})


@pytest.mark.postgres
def test_postgres_listener_reconnects_and_asks_for_a_full_reload(
    pg_engine: Engine, listening: tuple[ServiceContext, Heard]
) -> None:
    _ctx, heard = listening
    database = make_url(str(pg_engine.url)).database
    with pg_engine.begin() as connection:  # the server drops the listening connection
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :db AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"
            ),
            {"db": database},
        )
    assert heard.next() == frozenset(TABLE_KINDS.values())  # missed notices: reload all
