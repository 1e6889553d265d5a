"""Needs-attention test data (the bookings come from ``report_helpers.add_booking``): payment
attempts with a PaymentIntent held by the fake gateway, refunds waiting for Stripe, dead and
waiting jobs, all inserted through the ORM; and what the tests read back. Shared by the
service and the UI tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from linguaflex_desktop.models import (
    AuditEvent,
    JobKind,
    JobState,
    OutboxJob,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    RefundStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.common.ledger_findings import LedgerFindings
from linguaflex_desktop.services.payments.attention_fixes import StripeAttentionFixes
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.services.payments.verify import LedgerVerifier
from linguaflex_desktop.services.reports.attention.service import AttentionService
from tests.fakes.payments import FakePaymentsGateway
from tests.integration.report_helpers import Parties, add_booking

AMOUNT, FEE = 5250, 250  # report_helpers.add_booking's price: 52.50 USD, 2.50 of it the fee


def attention_on(
    ctx: ServiceContext, gateway: FakePaymentsGateway, *, due: DueTransitions | None = None
) -> tuple[AttentionService, LedgerVerifier]:
    """The needs-attention service wired as ``AppServices.attention`` is, on the fake
    gateway, and the ledger verifier whose findings it reads."""
    findings = LedgerFindings()
    verifier = LedgerVerifier(ctx, gateway, findings)
    fixes = StripeAttentionFixes(ctx, gateway, Reconciler(ctx, gateway), verifier)
    service = AttentionService(
        ctx,
        due=due or DueTransitions(ctx),
        jobs=JobAdminService(ctx),
        stripe=lambda: fixes,
        findings=findings,
    )
    return service, verifier


def set_booking(ctx: ServiceContext, booking_id: int, **values: Any) -> None:
    with ctx.unit_of_work() as uow:
        uow.session.execute(
            update(SessionBooking).where(SessionBooking.id == booking_id).values(**values)
        )
        uow.commit()


def add_attempt(
    ctx: ServiceContext,
    gateway: FakePaymentsGateway,
    booking_id: int,
    *,
    status: PaymentAttemptStatus,
    created_at: datetime,
    stripe_status: str,
) -> tuple[int, str]:
    """A payment attempt of the booking with its PaymentIntent at the fake Stripe (status
    ``stripe_status``; a succeeded one has a charge): (payment id, PaymentIntent id)."""
    with ctx.unit_of_work() as uow:
        payment = Payment(
            booking_id=booking_id,
            idempotency_key=uuid.uuid4().hex,
            amount_minor=AMOUNT,
            fee_minor=FEE,
            teacher_share_minor=AMOUNT - FEE,
            currency="USD",
            status=status,
            created_at=created_at,
            updated_at=created_at,
            succeeded_at=created_at if status is PaymentAttemptStatus.SUCCEEDED else None,
        )
        uow.session.add(payment)
        uow.session.flush()
        payment_id = payment.id
        uow.commit()
    info = gateway.create_payment_intent(
        amount_minor=AMOUNT,
        currency="usd",
        customer_id="cus_fake",
        payment_method_id="pm_fake",
        metadata={"booking_id": str(booking_id), "payment_id": str(payment_id)},
        idempotency_key=f"pay-{payment_id}",
    )
    if stripe_status == "requires_action":
        info = gateway.needs_3ds(info.id)
    elif stripe_status != info.status:
        info = gateway.with_status(info.id, stripe_status)
    with ctx.unit_of_work() as uow:
        uow.session.execute(
            update(Payment).where(Payment.id == payment_id).values(stripe_payment_intent_id=info.id)
        )
        uow.commit()
    return payment_id, info.id


@dataclass(frozen=True)
class Attempt:
    """A booking of its own with one payment attempt and its PaymentIntent at the fake Stripe."""

    booking_id: int
    payment_id: int
    intent_id: str


def charged(
    ctx: ServiceContext,
    gateway: FakePaymentsGateway,
    world: Parties,
    *,
    at: datetime,
    payment_status: PaymentStatus = PaymentStatus.PAID,
    **booking: Any,
) -> Attempt:
    """A payment that succeeded at ``at``, here and at Stripe, on a new booking (PAID unless
    ``payment_status`` and ``booking`` say otherwise)."""
    booking_id = add_booking(ctx, world, payment_status=payment_status, **booking)
    payment_id, intent_id = add_attempt(
        ctx,
        gateway,
        booking_id,
        status=PaymentAttemptStatus.SUCCEEDED,
        created_at=at,
        stripe_status="succeeded",
    )
    return Attempt(booking_id, payment_id, intent_id)


def waiting(
    ctx: ServiceContext,
    gateway: FakePaymentsGateway,
    world: Parties,
    *,
    since: datetime,
    stripe_status: str,
) -> Attempt:
    """A payment attempt started at ``since`` and still pending here (Stripe says
    ``stripe_status``), on a new booking whose payment is PENDING."""
    booking_id = add_booking(ctx, world, payment_status=PaymentStatus.PENDING)
    payment_id, intent_id = add_attempt(
        ctx,
        gateway,
        booking_id,
        status=PaymentAttemptStatus.PENDING,
        created_at=since,
        stripe_status=stripe_status,
    )
    return Attempt(booking_id, payment_id, intent_id)


def add_refund(ctx: ServiceContext, payment_id: int, *, by: int, amount: int = 1000) -> int:
    """Our refund of ``amount`` still ``creating`` (Stripe's answer never came)."""
    with ctx.unit_of_work() as uow:
        refund = Refund(
            payment_id=payment_id,
            idempotency_key=uuid.uuid4().hex,
            amount_minor=amount,
            currency="USD",
            status=RefundStatus.CREATING,
            reason="Lesson cut short",
            created_by_id=by,
            created_at=ctx.now(),
            updated_at=ctx.now(),
        )
        uow.session.add(refund)
        uow.session.flush()
        refund_id = refund.id
        uow.commit()
    return refund_id


def add_job(
    ctx: ServiceContext,
    *,
    state: JobState,
    booking_id: int | None,
    attempts: int = 8,
    error: str = "ConnectionError: meeting provider unreachable",
) -> int:
    payload = {"booking_id": booking_id} if booking_id is not None else {"notification_id": 9}
    with ctx.unit_of_work() as uow:
        job = OutboxJob(
            kind=JobKind.CREATE_MEETING if booking_id is not None else JobKind.SEND_EMAIL,
            payload=payload,
            dedupe_key=uuid.uuid4().hex,
            state=state,
            attempts=attempts,
            max_attempts=8,
            next_attempt_at=ctx.now(),
            last_error=error,
            created_at=ctx.now(),
            updated_at=ctx.now(),
        )
        uow.session.add(job)
        uow.session.flush()
        job_id = job.id
        uow.commit()
    return job_id


def job_state(ctx: ServiceContext, job_id: int) -> JobState:
    with ctx.unit_of_work(write=False) as uow:
        job = uow.session.get(OutboxJob, job_id)
        assert job is not None
        return job.state


def audit_trail(ctx: ServiceContext, *, entity_type: str, entity_id: int) -> list[tuple[str, ...]]:
    """(action, actor id, the "outcome" after, reason) of the record's events, oldest first."""
    with ctx.unit_of_work(write=False) as uow:
        events = uow.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
            .order_by(AuditEvent.id)
        ).all()
        return [
            (
                event.action,
                str(event.actor_id),
                str((event.after or {}).get("outcome")),
                event.reason,
            )
            for event in events
        ]
