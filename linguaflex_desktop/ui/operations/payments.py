"""Payment operations: paying a booking (and waiting for 3-D Secure), refunds, receipts,
the admin's payment list and the teacher's earnings. The lambdas run on a pool thread and
touch no widget; callbacks run on the GUI thread (see ``ui.operations``). A payment or a
refund changes the booking's payment state too, so those emit "payment" with "booking"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Unpack

from linguaflex_desktop.errors import PaymentDeclined
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.dto import PaymentFilter
from linguaflex_desktop.ui.data_changed import Change, ChangeKind
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

_BOOKING: frozenset[ChangeKind] = frozenset({"booking"})


def pay_booking(
    ctx: OpContext, actor: Actor, booking_id: int, *, card_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Change: charge the card (PaymentOutcome, maybe "requires_action"); emits "payment"."""
    payments = ctx.services.payments
    change(
        ctx,
        lambda: payments.pay_booking(actor, booking_id, card_id=card_id),
        changed=Change("payment", (booking_id,), _BOOKING),
        changed_on_failure=lambda error: _declined(error, booking_id),
        **cb,
    )


def _declined(error: BaseException, booking_id: int) -> Change | None:
    """A declined card is recorded as a failed payment: the booking shows "Payment failed"."""
    if isinstance(error, PaymentDeclined):
        return Change("payment", (booking_id,), _BOOKING)
    return None


def wait_for_payment(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    payment_id: int,
    *,
    interval: float,
    should_cancel: Callable[[], bool],
    **cb: Unpack[Callbacks],
) -> None:
    """Change: wait (on the pool thread, polling) until the 3-D Secure payment settles or
    ``should_cancel()``; emits "payment" when it answered."""
    payments = ctx.services.payments
    change(
        ctx,
        lambda: payments.wait_for_payment(
            actor, payment_id, interval=interval, should_cancel=should_cancel
        ),
        changed=Change("payment", (booking_id,), _BOOKING),
        changed_on_failure=lambda error: _declined(error, booking_id),
        **cb,
    )


def resume_payment(ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: "Continue verification" (PaymentOutcome: "requires_action" with the bank's page
    to reopen, or the attempt's outcome if it finished meanwhile); emits "payment"."""
    payments = ctx.services.payments
    change(
        ctx,
        lambda: payments.resume_payment(actor, booking_id),
        changed=Change("payment", (booking_id,), _BOOKING),
        **cb,
    )


def cancel_payment_attempt(
    ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Change: "Cancel payment attempt" (PaymentOutcome: "canceled", or "succeeded" if the
    bank confirmed first); emits "payment"."""
    payments = ctx.services.payments
    change(
        ctx,
        lambda: payments.cancel_payment_attempt(actor, booking_id),
        changed=Change("payment", (booking_id,), _BOOKING),
        **cb,
    )


def preview_refund(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    *,
    amount_minor: int | None,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: the RefundPreview of a (full or partial) refund."""
    payments = ctx.services.refunds
    query(ctx, lambda: payments.preview_refund(actor, booking_id, amount_minor=amount_minor), **cb)


def refund(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    *,
    amount_minor: int | None,
    reason: str,
    student_message: str = "",
    request_key: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: refund (RefundResult; ``request_key`` makes a repeat harmless; ``reason`` is
    internal, the student reads ``student_message``); emits "payment" with "booking"."""
    payments = ctx.services.refunds
    change(
        ctx,
        lambda: payments.refund(
            actor,
            booking_id,
            amount_minor=amount_minor,
            reason=reason,
            student_message=student_message,
            request_key=request_key,
        ),
        changed=Change("payment", (booking_id,), _BOOKING),
        **cb,
    )


def payment_for_booking(
    ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: the receipt (BookingPaymentDTO) of a booking."""
    payments = ctx.services.payment_views
    query(ctx, lambda: payments.payment_for_booking(actor, booking_id), **cb)


def list_payments(
    ctx: OpContext,
    actor: Actor,
    *,
    filters: PaymentFilter,
    offset: int,
    limit: int,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: a page of payments (admin)."""
    payments = ctx.services.payment_views
    query(
        ctx,
        lambda: payments.list_payments(actor, filters=filters, offset=offset, limit=limit),
        **cb,
    )


def teacher_earnings(
    ctx: OpContext,
    actor: Actor,
    *,
    from_at: datetime | None,
    to_at: datetime | None,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: the teacher's EarningsDTO for the period."""
    payments = ctx.services.payment_views
    query(ctx, lambda: payments.teacher_earnings(actor, from_at=from_at, to_at=to_at), **cb)


def verify_ledger(
    ctx: OpContext,
    actor: Actor,
    *,
    on_progress: Callable[[int, int], None],
    should_cancel: Callable[[], bool],
    **cb: Unpack[Callbacks],
) -> None:
    """Query: compare the ledger with Stripe (LedgerVerification, admin). ``on_progress`` and
    ``should_cancel`` are called on the pool thread: they must only emit a signal / read a
    flag."""
    services = ctx.services
    query(
        ctx,
        lambda: services.ledger_verifier.verify(
            actor, on_progress=on_progress, should_cancel=should_cancel
        ),
        **cb,
    )


def check_stripe_keys(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: check the configured Stripe keys (KeyCheckReport, admin)."""
    services = ctx.services
    query(ctx, lambda: services.stripe_key_check.check(actor), **cb)
