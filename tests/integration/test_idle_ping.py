"""Pooled Postgres connections are pinged before use only after sitting idle: a dead idle one
is replaced before the user's action needs it; one handed back moments ago goes straight to
work (no ping, one round trip fewer per unit of work)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from linguaflex_desktop.db import create_app_engine

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(60)]


@pytest.fixture
def other(postgres_database_url: str) -> Iterator[Engine]:
    """A connection outside the app's pool, to end the app's server sessions."""
    engine = create_engine(postgres_database_url, poolclass=NullPool)
    yield engine
    engine.dispose()


def app_engine(
    url: str, monkeypatch: pytest.MonkeyPatch, *, ping_after_idle: float
) -> tuple[Engine, list[int]]:
    """The app's engine on one pooled connection, with its pings counted."""
    engine = create_app_engine(url, ping_after_idle=ping_after_idle)
    pings: list[int] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_connection: object) -> bool:
        pings.append(1)
        return ping(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return engine, pings


def backend_pid(engine: Engine) -> int:
    with engine.connect() as connection:
        pid: int = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    return pid


def end_session(other: Engine, pid: int) -> None:
    """Terminate the server session ``pid`` and wait (up to 5 s) until it has ended."""
    with other.connect() as connection:
        ended = connection.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
        assert ended.scalar_one() is True


def test_a_connection_used_moments_ago_is_not_pinged(
    postgres_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, pings = app_engine(postgres_database_url, monkeypatch, ping_after_idle=3600)
    try:
        first = backend_pid(engine)
        assert backend_pid(engine) == first  # the same pooled connection, handed out again
        assert backend_pid(engine) == first
        assert pings == []
    finally:
        engine.dispose()


def test_an_idle_connection_is_pinged_and_a_dead_one_replaced_before_use(
    postgres_database_url: str, other: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, pings = app_engine(postgres_database_url, monkeypatch, ping_after_idle=0)
    try:
        first = backend_pid(engine)
        end_session(other, first)  # the server restarted, say, while the desktop was idle
        second = backend_pid(engine)  # no error: the ping found it dead, a new one served
        assert second != first
        assert len(pings) >= 2  # the first use's ping and the one that found it dead
    finally:
        engine.dispose()


def test_a_connection_lost_moments_after_use_fails_one_action_then_the_pool_recovers(
    postgres_database_url: str, other: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The price of skipping the ping: the server going away within the idle time costs the
    next action one error (which the app shows as "cannot reach the database"); the pool
    then drops the dead connection and the action after it works."""
    engine, pings = app_engine(postgres_database_url, monkeypatch, ping_after_idle=3600)
    try:
        first = backend_pid(engine)
        end_session(other, first)
        with pytest.raises(OperationalError):
            backend_pid(engine)
        assert backend_pid(engine) != first
        assert pings == []
    finally:
        engine.dispose()


def test_a_ping_answering_not_alive_also_gets_the_connection_replaced(
    postgres_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dialect may answer a failed ping with False rather than an error: the connection is
    replaced all the same."""
    engine, _pings = app_engine(postgres_database_url, monkeypatch, ping_after_idle=0)
    try:
        first = backend_pid(engine)
        answers = iter([False])  # "not alive" once, then the real ping
        ping = engine.dialect.do_ping

        def not_alive_once(dbapi_connection: object) -> bool:
            return next(answers, True) and ping(dbapi_connection)

        monkeypatch.setattr(engine.dialect, "do_ping", not_alive_once)
        assert backend_pid(engine) != first
    finally:
        engine.dispose()
