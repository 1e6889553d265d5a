"""Booking timeline operations (admin): load a booking's health timeline, read one of its
Stripe objects again. The lambdas run on a pool thread and touch no widget; callbacks run on
the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query


def booking_timeline(
    ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: the BookingTimeline of the booking."""
    timelines = ctx.services.booking_timelines
    query(ctx, lambda: timelines.booking_timeline(actor, booking_id), **cb)


def read_stripe_again(
    ctx: OpContext, actor: Actor, booking_id: int, stripe_id: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: ask Stripe about one PaymentIntent or Refund of the booking and apply what
    follows (the ReadAgainResult); emits "payment" for the booking (its status may move)."""
    services = ctx.services
    change(
        ctx,
        lambda: services.stripe_rereads.read_again(actor, booking_id, stripe_id),
        changed=Change("payment", (booking_id,), frozenset({"booking"})),
        **cb,
    )
