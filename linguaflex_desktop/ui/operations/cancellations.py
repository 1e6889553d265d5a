"""Cancellation operations: a student's or teacher's cancel of a paid booking (a refund), and
the cancellation requests (ask, list, answer). The lambdas run on a pool thread and touch no
widget; callbacks run on the GUI thread (see ``ui.operations``). A cancel that refunds changes
the booking's payment, so it emits "payment" with "booking" and "cancellation"."""

from __future__ import annotations

from typing import Unpack

from linguaflex_desktop.models.enums import CancellationAnswer
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change, ChangeKind
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

_ALSO: frozenset[ChangeKind] = frozenset({"booking", "cancellation"})


def _changed(booking_id: int) -> Change:
    return Change("payment", (booking_id,), _ALSO)


def cancel_paid_as_student(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    *,
    reason: str,
    request_key: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: the student cancels a paid booking more than 24 hours ahead and is refunded in
    full (the booking's fresh BookingDTO); emits "payment"."""
    _cancel_paid(
        ctx, actor, booking_id, as_teacher=False, reason=reason, request_key=request_key, **cb
    )


def cancel_paid_as_teacher(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    *,
    reason: str,
    request_key: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: the teacher cancels a paid booking, refunding the student in full (the
    booking's fresh BookingDTO); emits "payment"."""
    _cancel_paid(
        ctx, actor, booking_id, as_teacher=True, reason=reason, request_key=request_key, **cb
    )


def _cancel_paid(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    *,
    as_teacher: bool,
    reason: str,
    request_key: str,
    **cb: Unpack[Callbacks],
) -> None:
    services = ctx.services

    def work() -> BookingDTO:
        # on the pool thread: the first use of the refund side starts the payments gateway
        cancellations = services.cancellations
        cancel = cancellations.cancel_as_teacher if as_teacher else cancellations.cancel_as_student
        cancel(actor, booking_id, reason=reason, request_key=request_key)
        return services.bookings.get_booking(actor, booking_id).booking

    change(ctx, work, changed=_changed(booking_id), **cb)


def ask_to_cancel(
    ctx: OpContext, actor: Actor, booking_id: int, *, reason: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: the student asks to cancel inside 24 hours (the booking's BookingDTO, not
    changed yet); emits "cancellation"."""
    services = ctx.services

    def work() -> BookingDTO:
        services.cancellation_requests.ask(actor, booking_id, reason=reason)
        return services.bookings.get_booking(actor, booking_id).booking

    change(ctx, work, changed=Change("cancellation", (booking_id,)), **cb)


def list_requests(
    ctx: OpContext, actor: Actor, *, open_only: bool, **cb: Unpack[Callbacks]
) -> None:
    """Query: the reader's cancellation requests (list of CancellationRequestDTO)."""
    requests = ctx.services.cancellation_requests
    query(ctx, lambda: requests.list_requests(actor, open_only=open_only), **cb)


def requests_for_booking(
    ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: the cancellation requests of one booking the reader may see, newest first."""
    requests = ctx.services.cancellation_requests
    query(ctx, lambda: requests.list_requests(actor, booking_id=booking_id), **cb)


def answer_request(
    ctx: OpContext,
    actor: Actor,
    request_id: int,
    booking_id: int,
    *,
    answer: CancellationAnswer,
    amount_minor: int | None,
    note: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: answer a request (CancellationRequestDTO; a refund through Stripe for a full or
    partial answer); emits "payment" with "booking" and "cancellation"."""
    requests = ctx.services.cancellation_requests
    change(
        ctx,
        lambda: requests.answer(
            actor, request_id, answer=answer, amount_minor=amount_minor, note=note
        ),
        changed=_changed(booking_id),
        **cb,
    )
