"""Helpers of the ledger verification tests: paid bookings in three currencies (one of them
zero-decimal) on the real sandbox, and the tamperings a test applies to our side."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update

from linguaflex_desktop.models import Payment, PaymentAttemptStatus, Refund
from tests.integration.booking_helpers import SLOT, add_gig
from tests.integration.payment_helpers import PayKit


def pay_in_three_currencies(kit: PayKit) -> dict[str, Payment]:
    """The kit's USD booking, a EUR and a JPY booking, each paid with the test card; returns
    the payment rows (detached) by currency."""
    world, ctx = kit.world, kit.ctx
    kit.cards.save_test_card(world.student)
    booking_ids = [kit.booking_id]
    for day, (currency, rate) in enumerate((("EUR", 4000), ("JPY", 6000)), start=1):
        gig = add_gig(
            ctx,
            world.teacher,
            title=f"Lessons in {currency}",
            currency=currency,
            hourly_rate_minor=rate,
        )
        booking = kit.bookings.request_booking(
            world.student, gig_id=gig, start_at=SLOT + timedelta(days=day), duration_minutes=60
        )
        kit.bookings.confirm_booking(world.teacher, booking.id)
        booking_ids.append(booking.id)
    for booking_id in booking_ids:
        outcome = kit.payments.pay_booking(world.student, booking_id)
        assert outcome.state == "succeeded"
    return paid_payments(kit)


def paid_payments(kit: PayKit) -> dict[str, Payment]:
    with kit.ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(
            select(Payment).where(Payment.status == PaymentAttemptStatus.SUCCEEDED)
        ).all()
        uow.session.expunge_all()
        return {row.currency: row for row in rows}


def change_our_amount(kit: PayKit, payment_id: int, by: int) -> None:
    """Our row says another amount (the teacher's share absorbs it, keeping the split valid)."""
    with kit.ctx.unit_of_work() as uow:
        uow.session.execute(
            update(Payment)
            .where(Payment.id == payment_id)
            .values(
                amount_minor=Payment.amount_minor + by,
                teacher_share_minor=Payment.teacher_share_minor + by,
            )
        )
        uow.commit()


def point_at(kit: PayKit, payment_id: int, payment_intent_id: str) -> None:
    with kit.ctx.unit_of_work() as uow:
        uow.session.execute(
            update(Payment)
            .where(Payment.id == payment_id)
            .values(stripe_payment_intent_id=payment_intent_id)
        )
        uow.commit()


def remove_refund_rows(kit: PayKit, payment_id: int) -> None:
    with kit.ctx.unit_of_work() as uow:
        uow.session.execute(delete(Refund).where(Refund.payment_id == payment_id))
        uow.commit()
