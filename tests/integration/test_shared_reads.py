"""``ServiceContext.reads_together``: read-only units of work run one after the other on one
thread (a window's first loads) share one session, so the acting user each of them checks
is loaded once; writes, other threads and other contexts are not drawn in, and a unit that
fails leaves the next one a clean session. On both databases."""

from __future__ import annotations

import re
import threading

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker

from linguaflex_desktop.db import UnitOfWork
from linguaflex_desktop.errors import PermissionDenied
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest_stripe import add_actor
from tests.integration.test_round_trips import statements_of

USER_BY_ID = re.compile(r"^SELECT users\.id, .* FROM users WHERE users\.id = \S+$")


@pytest.fixture
def student(ctx: ServiceContext) -> Actor:
    return add_actor(ctx, email="ana@example.com")


def user_lookups(sent: list[str]) -> int:
    """How many statements read one user's row by its id (``session.get(User, id)``)."""
    return sum(1 for each in sent if USER_BY_ID.search(each))


def test_reads_together_load_the_acting_user_once(
    engine: Engine, ctx: ServiceContext, student: Actor
) -> None:
    catalogue = CatalogueService(ctx)
    with statements_of(engine) as apart:
        first = catalogue.list_languages(student)
        catalogue.list_languages(student)
    with statements_of(engine) as together, ctx.reads_together():
        second = catalogue.list_languages(student)
        catalogue.list_languages(student)
        catalogue.list_languages(student)
    assert user_lookups(apart) == 2
    assert user_lookups(together) == 1
    assert first == second
    assert engine.pool.checkedout() == 0  # the shared session gave its connection back


def test_a_unit_that_fails_leaves_the_next_a_clean_session(
    engine: Engine, ctx: ServiceContext, student: Actor
) -> None:
    catalogue = CatalogueService(ctx)
    with statements_of(engine) as sent, ctx.reads_together():
        catalogue.list_languages(student)
        with pytest.raises(DBAPIError), ctx.unit_of_work(write=False) as uow:
            uow.session.execute(text("SELECT * FROM no_such_table"))
        # the failed unit's session is closed: the next one works in a new one, which
        # trusts nothing the failed one left (it loads its user again)
        assert catalogue.list_languages(student) == []
        if engine.dialect.name == "postgresql":  # and reads in autocommit again
            with ctx.unit_of_work(write=False) as uow:
                assert uow.session.connection().connection.driver_connection.autocommit
    assert user_lookups(sent) == 2


def test_a_refused_actor_is_refused_inside_too(ctx: ServiceContext, student: Actor) -> None:
    catalogue = CatalogueService(ctx)
    nobody = Actor(student.id + 1000, "nobody@example.com", Role.STUDENT, "Nobody", "UTC")
    with ctx.reads_together():
        with pytest.raises(PermissionDenied):
            catalogue.list_languages(nobody)
        assert catalogue.list_languages(student) == []


def test_writes_inside_get_their_own_unit_and_commit(ctx: ServiceContext, student: Actor) -> None:
    with ctx.reads_together():
        with ctx.unit_of_work(write=False) as read:
            shared = read.session
        with ctx.unit_of_work() as write:
            assert write.session is not shared
            write.session.execute(
                text("UPDATE users SET display_name = 'Ana M' WHERE id = :id"), {"id": student.id}
            )
            write.commit()
        with ctx.unit_of_work(write=False) as again:
            assert again.session is shared  # the reads still share theirs
    with ctx.unit_of_work(write=False) as after:
        name = after.session.scalar(
            text("SELECT display_name FROM users WHERE id = :id"), {"id": student.id}
        )
    assert name == "Ana M"


def test_only_this_thread_and_this_context_share(ctx: ServiceContext, engine: Engine) -> None:
    other_ctx = ServiceContext(sessionmaker(bind=engine), clock=ctx.clock)
    kinds: dict[str, type] = {}

    def read_elsewhere() -> None:
        with ctx.unit_of_work(write=False) as uow:
            kinds["other thread"] = type(uow)

    with ctx.reads_together():
        with ctx.unit_of_work(write=False) as uow:
            kinds["this thread"] = type(uow)
        with other_ctx.unit_of_work(write=False) as uow:
            kinds["other context"] = type(uow)
        thread = threading.Thread(target=read_elsewhere)
        thread.start()
        thread.join()
        with (
            ctx.reads_together(),  # nested: the outer one goes on serving
            ctx.unit_of_work(write=False) as inner,
            ctx.unit_of_work(write=False) as uow,
        ):
            assert inner.session is uow.session
    assert kinds["this thread"] is not UnitOfWork
    assert kinds["other thread"] is UnitOfWork
    assert kinds["other context"] is UnitOfWork
