"""What a piece of work runs on the database: each compiled statement, with whether its
compiled form came from the engine's cache (``CacheStats.CACHE_HIT``) or was compiled then.
For the tests of the warm-ups that compile a sign-in's statements ahead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine.interfaces import CacheStats

from linguaflex_desktop.services.common.context import ServiceContext


def statements_run(
    ctx: ServiceContext, work: Callable[[], object]
) -> list[tuple[str, CacheStats | None]]:
    """Run ``work`` (its statements may run on any thread) and return, in order, each
    compiled statement it ran on ``ctx``'s engine with its cache outcome."""
    with ctx.unit_of_work(write=False) as uow:
        engine = uow.session.get_bind()
    seen: list[tuple[str, CacheStats | None]] = []

    def record(*args: Any) -> None:
        statement, context = args[2], args[4]
        if context.compiled is not None:
            seen.append((statement, context.cache_hit))

    event.listen(engine, "before_cursor_execute", record)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def compiled_anew(seen: list[tuple[str, CacheStats | None]]) -> list[str]:
    """The statements of ``seen`` that were not found compiled already."""
    return [text for text, hit in seen if hit is not CacheStats.CACHE_HIT]
