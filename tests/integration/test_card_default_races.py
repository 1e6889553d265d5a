"""Saved-card default races on SQLite and Postgres (``ctx``): two "Make default" calls of one
student that overlap must leave exactly one default card and never let the partial unique
index ``uq_saved_cards_one_default_per_user`` surface as a raw IntegrityError.

The overlap is forced, not hoped for: the first call is held inside its commit until the second
call has reached the database and (on Postgres) waits on a lock held by the first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.models import SavedCard
from linguaflex_desktop.services.cards.dto import SavedCardDTO
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest_stripe import add_actor

WAIT_SECONDS = 20


@pytest.fixture
def cards(ctx: ServiceContext, stripe_gateway: StripeGateway) -> Iterator[CardService]:
    service = CardService(ctx, stripe_gateway)
    yield service
    service.close()


def _wait_for_lock_wait(engine: Engine) -> None:
    """Block until some session of this Postgres database waits on a lock (bounded)."""
    gave_up = threading.Event()
    timer = threading.Timer(WAIT_SECONDS, gave_up.set)
    timer.start()
    try:
        while not gave_up.is_set():
            with engine.connect() as connection:
                waiting = connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND wait_event_type = 'Lock'"
                    )
                ).scalar_one()
            if waiting:
                return
            gave_up.wait(0.02)
        raise AssertionError("the second call never waited on a lock held by the first")
    finally:
        timer.cancel()


def overlap(engine: Engine, first: Callable[[], Any], second: Callable[[], Any]) -> list[Any]:
    """Run ``first``; inside its first database commit start ``second`` on another thread and
    let the commit go on only once ``second`` has reached the database (and, on Postgres, waits
    on a lock). Returns both outcomes (a result or the exception raised), first then second."""
    outcomes: dict[str, Any] = {}
    second_connected = threading.Event()
    held = threading.Event()
    runner: list[threading.Thread] = []

    def capture(name: str, call: Callable[[], Any]) -> None:
        try:
            outcomes[name] = call()
        except Exception as error:  # the outcome under test, asserted by the caller
            outcomes[name] = error

    def on_connect(_connection: Any) -> None:
        if runner and threading.current_thread() is runner[0]:
            second_connected.set()

    def on_commit(_connection: Any) -> None:
        if held.is_set() or runner:
            return
        held.set()
        runner.append(threading.Thread(target=capture, args=("second", second)))
        runner[0].start()
        assert second_connected.wait(WAIT_SECONDS), "the second call never reached the database"
        if engine.dialect.name == "postgresql":
            _wait_for_lock_wait(engine)

    # Connecting, not "begin": on SQLite the app's "begin" listener blocks in BEGIN IMMEDIATE.
    event.listen(engine, "engine_connect", on_connect)
    event.listen(engine, "commit", on_commit)
    try:
        capture("first", first)
    finally:
        event.remove(engine, "commit", on_commit)
        event.remove(engine, "engine_connect", on_connect)
    assert runner, "the first call never committed"
    runner[0].join(timeout=30)
    assert not runner[0].is_alive()
    return [outcomes["first"], outcomes["second"]]


def defaults(ctx: ServiceContext, student: Actor) -> list[int]:
    with ctx.unit_of_work(write=False) as uow:
        return list(
            uow.session.scalars(
                select(SavedCard.id).where(SavedCard.user_id == student.id, SavedCard.is_default)
            )
        )


@pytest.mark.timeout(90)
def test_two_overlapping_make_default_calls_leave_exactly_the_later_card_default(
    cards: CardService, ctx: ServiceContext, engine: Engine
) -> None:
    student = add_actor(ctx, email="sofia@example.com")
    first_card = cards.save_test_card(student)
    second, third = cards.save_test_card(student), cards.save_test_card(student)
    assert first_card.is_default

    outcomes = overlap(
        engine,
        lambda: cards.set_default_card(student, second.id),
        lambda: cards.set_default_card(student, third.id),
    )

    for outcome in outcomes:  # no raw IntegrityError, no error at all: both calls succeed
        assert isinstance(outcome, tuple), outcome
    later: tuple[SavedCardDTO, ...] = outcomes[1]
    assert [(c.id, c.is_default) for c in later[:1]] == [(third.id, True)]
    assert defaults(ctx, student) == [third.id]
