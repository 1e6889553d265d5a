"""Saved-card operations: list, set default, remove, and adding a card through the browser
(start the setup, then wait for it). The lambdas run on a pool thread and touch no widget;
callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query


def list_cards(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: the saved cards."""
    cards = ctx.services.cards
    query(ctx, lambda: cards.list_cards(actor), **cb)


def set_default_card(ctx: OpContext, actor: Actor, card_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: make a card the default (the cards after it); emits "card"."""
    cards = ctx.services.cards
    change(
        ctx,
        lambda: cards.set_default_card(actor, card_id),
        changed=Change("card", (card_id,)),
        **cb,
    )


def remove_card(ctx: OpContext, actor: Actor, card_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: remove a card (the cards after it); emits "card"."""
    cards = ctx.services.cards
    change(ctx, lambda: cards.remove_card(actor, card_id), changed=Change("card", (card_id,)), **cb)


def start_card_setup(
    ctx: OpContext, actor: Actor, *, currency: str | None = None, **cb: Unpack[Callbacks]
) -> None:
    """Start adding a card: the CardSetupHandoff (Stripe's page to open); nothing saved yet."""
    cards = ctx.services.cards
    query(ctx, lambda: cards.start_card_setup(actor, currency=currency), **cb)


def wait_for_card_setup(
    ctx: OpContext,
    actor: Actor,
    checkout_session_id: str,
    *,
    interval: float,
    should_cancel: Callable[[], bool],
    **cb: Unpack[Callbacks],
) -> None:
    """Change: wait (on the pool thread, polling) until the card setup ends, or
    ``should_cancel()`` turns true (the poller then expires the Checkout Session, still on
    the pool thread); CardSetupOutcome; emits "card"."""
    cards = ctx.services.cards
    change(
        ctx,
        lambda: cards.wait_for_card_setup(
            actor, checkout_session_id, interval=interval, should_cancel=should_cancel
        ),
        changed=Change("card"),
        **cb,
    )
