"""Booking operations: reads of bookings and slots, the booking transitions, reschedules and
the teacher's availability. The lambdas run on a pool thread and touch no widget; callbacks
run on the GUI thread (see ``ui.operations``). Every transition emits "booking"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Unpack

from linguaflex_desktop.services.booking.dto import BookingDTO, WeeklyRange
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change, ChangeKind
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

# A transition changes the booking and, through it, what is owed or refunded.
_PAYMENT: frozenset[ChangeKind] = frozenset({"payment"})


def _booking_change(booking_id: int) -> Change:
    return Change("booking", (booking_id,), _PAYMENT)


def get_booking(ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]) -> None:
    """Query: the BookingDetailDTO."""
    bookings = ctx.services.bookings
    query(ctx, lambda: bookings.get_booking(actor, booking_id), **cb)


def get_bookings(
    ctx: OpContext, actor: Actor, booking_ids: list[int], **cb: Unpack[Callbacks]
) -> None:
    """Query: the fresh BookingDTO of each id (the meeting-link poll)."""
    bookings = ctx.services.bookings
    query(ctx, lambda: [bookings.get_booking(actor, i).booking for i in booking_ids], **cb)


def teacher_request_queue(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: the requests waiting for the teacher."""
    bookings = ctx.services.bookings
    query(ctx, lambda: bookings.teacher_request_queue(actor), **cb)


def teacher_schedule(
    ctx: OpContext, actor: Actor, *, from_at: datetime, to_at: datetime, **cb: Unpack[Callbacks]
) -> None:
    """Query: the teacher's bookings in ``[from_at, to_at)``."""
    bookings = ctx.services.bookings
    query(ctx, lambda: bookings.teacher_schedule(actor, from_at=from_at, to_at=to_at), **cb)


def teacher_opening_week(
    ctx: OpContext,
    actor: Actor,
    *,
    week_of: Callable[[datetime | None], tuple[datetime, datetime]],
    **cb: Unpack[Callbacks],
) -> None:
    """Query: the week the teacher's schedule opens on and its bookings, in one task:
    ``week_of`` turns when the next session begins (or None when nothing is coming) into that
    week's ``[from_at, to_at)``, on the pool thread. The answer is (from_at, its bookings)."""
    bookings = ctx.services.bookings

    def work() -> tuple[datetime, list[BookingDTO]]:
        from_at, to_at = week_of(bookings.next_session_start(actor))
        return from_at, bookings.teacher_schedule(actor, from_at=from_at, to_at=to_at)

    query(ctx, work, **cb)


def quote_booking(
    ctx: OpContext, actor: Actor, gig_id: int, *, duration_minutes: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: the Price of a session."""
    quotes = ctx.services.quotes
    query(ctx, lambda: quotes.quote_booking(actor, gig_id, duration_minutes=duration_minutes), **cb)


def request_booking(
    ctx: OpContext,
    actor: Actor,
    *,
    gig_id: int,
    start_at: datetime,
    duration_minutes: int,
    note: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: request a session (BookingDTO); emits "booking"."""
    bookings = ctx.services.bookings
    change(
        ctx,
        lambda: bookings.request_booking(
            actor, gig_id=gig_id, start_at=start_at, duration_minutes=duration_minutes, note=note
        ),
        changed=lambda booking: _booking_change(booking.id),
        **cb,
    )


def confirm_booking(
    ctx: OpContext, actor: Actor, booking: BookingDTO, **cb: Unpack[Callbacks]
) -> None:
    """Change: the teacher confirms (BookingDTO); emits "booking"."""
    bookings = ctx.services.bookings
    change(
        ctx,
        lambda: bookings.confirm_booking(actor, booking.id, expected_version=booking.version),
        changed=_booking_change(booking.id),
        **cb,
    )


def decline_booking(
    ctx: OpContext, actor: Actor, booking: BookingDTO, *, reason: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: the teacher declines (BookingDTO); emits "booking"."""
    bookings = ctx.services.bookings
    change(
        ctx,
        lambda: bookings.decline_booking(
            actor, booking.id, reason=reason, expected_version=booking.version
        ),
        changed=_booking_change(booking.id),
        **cb,
    )


def cancel_booking(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    *,
    reason: str,
    expected_version: int | None,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: cancel (BookingDTO; a paid one is refunded by the service); emits "booking"."""
    bookings = ctx.services.bookings
    change(
        ctx,
        lambda: bookings.cancel_booking(
            actor, booking_id, reason=reason, expected_version=expected_version
        ),
        changed=_booking_change(booking_id),
        **cb,
    )


def complete_booking(
    ctx: OpContext, actor: Actor, booking: BookingDTO, **cb: Unpack[Callbacks]
) -> None:
    """Change: mark the session completed (BookingDTO); emits "booking"."""
    bookings = ctx.services.bookings
    change(
        ctx,
        lambda: bookings.complete_booking(actor, booking.id, expected_version=booking.version),
        changed=_booking_change(booking.id),
        **cb,
    )


def propose_reschedule(
    ctx: OpContext, actor: Actor, booking_id: int, *, start_at: datetime, **cb: Unpack[Callbacks]
) -> None:
    """Change: propose a new time (RescheduleProposalDTO); emits "booking"."""
    bookings = ctx.services.reschedules
    change(
        ctx,
        lambda: bookings.propose_reschedule(actor, booking_id, start_at=start_at),
        changed=Change("booking", (booking_id,)),
        **cb,
    )


def accept_reschedule(
    ctx: OpContext, actor: Actor, booking_id: int, proposal_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Change: accept a proposed time; emits "booking"."""
    bookings = ctx.services.reschedules
    change(
        ctx,
        lambda: bookings.accept_reschedule(actor, proposal_id),
        changed=Change("booking", (booking_id,)),
        **cb,
    )


def decline_reschedule(
    ctx: OpContext, actor: Actor, booking_id: int, proposal_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Change: decline a proposed time; emits "booking"."""
    bookings = ctx.services.reschedules
    change(
        ctx,
        lambda: bookings.decline_reschedule(actor, proposal_id),
        changed=Change("booking", (booking_id,)),
        **cb,
    )


# --- availability ---------------------------------------------------------------------------


def get_weekly_availability(
    ctx: OpContext, actor: Actor, teacher_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: the WeeklyAvailabilityDTO (weekly hours and days off)."""
    availability = ctx.services.availability
    query(ctx, lambda: availability.get_weekly_availability(actor, teacher_id), **cb)


def set_weekly_availability(
    ctx: OpContext, actor: Actor, ranges: list[WeeklyRange], **cb: Unpack[Callbacks]
) -> None:
    """Change: replace the weekly hours; emits "availability"."""
    availability = ctx.services.availability
    change(
        ctx,
        lambda: availability.set_weekly_availability(actor, ranges),
        changed=Change("availability", (actor.id,)),
        **cb,
    )


def add_day_off(
    ctx: OpContext, actor: Actor, day: date, note: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: add a day off; emits "availability"."""
    availability = ctx.services.availability
    change(
        ctx,
        lambda: availability.add_day_off(actor, day, note),
        changed=Change("availability", (actor.id,)),
        **cb,
    )


def remove_day_off(ctx: OpContext, actor: Actor, day: date, **cb: Unpack[Callbacks]) -> None:
    """Change: remove a day off; emits "availability"."""
    availability = ctx.services.availability
    change(
        ctx,
        lambda: availability.remove_day_off(actor, day),
        changed=Change("availability", (actor.id,)),
        **cb,
    )
