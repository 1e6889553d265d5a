"""Connections opened ahead (while the sign-in window waits): the pool then holds them, and
the first window's loads, side by side, open none of their own. SQLite and Postgres."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine, event, text

from linguaflex_desktop.db import SPARE_CONNECTIONS, open_spare_connections


def counting_connects(engine: Engine) -> list[int]:
    opened: list[int] = []
    event.listen(engine.pool, "connect", lambda _conn, _record: opened.append(1))
    return opened


def test_the_pool_holds_the_spare_connections_and_parallel_loads_open_no_more(
    engine: Engine,
) -> None:
    engine.dispose()  # nothing open yet
    assert open_spare_connections(engine) == SPARE_CONNECTIONS
    assert engine.pool.checkedin() == SPARE_CONNECTIONS  # type: ignore[attr-defined]
    assert open_spare_connections(engine) == 0  # held already: nothing more opened

    opened = counting_connects(engine)
    side_by_side = threading.Barrier(SPARE_CONNECTIONS)

    def load() -> int:
        with engine.connect() as connection:
            side_by_side.wait(10)  # all checked out at once, as the first loads are
            return int(connection.execute(text("SELECT 1")).scalar_one())

    with ThreadPoolExecutor(SPARE_CONNECTIONS) as threads:
        answers = list(threads.map(lambda _i: load(), range(SPARE_CONNECTIONS)))
    assert answers == [1] * SPARE_CONNECTIONS
    assert opened == []


def test_no_more_than_the_pool_keeps_are_opened(engine: Engine) -> None:
    engine.dispose()
    size = engine.pool.size()  # type: ignore[attr-defined]
    assert open_spare_connections(engine, size + 3) == size
    assert engine.pool.checkedin() == size  # type: ignore[attr-defined]
