"""What the crash suite compares: our rows for one booking and what the sandbox holds for it.

``snapshot`` returns plain JSON values (it is printed by a child process and read by the
test): the booking, its payment attempts, refunds, meeting, the outbox jobs and notifications,
and, from the Stripe sandbox, every PaymentIntent whose metadata names the booking with the
refunds Stripe holds for each.
"""

from __future__ import annotations

from typing import Any

import stripe
from sqlalchemy import select

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import (
    AuditEvent,
    JobState,
    Meeting,
    Notification,
    OutboxJob,
    Payment,
    Refund,
    SessionBooking,
)


def snapshot(services: AppServices, booking_id: int) -> dict[str, Any]:
    result = _rows(services, booking_id)
    result["stripe_intents"] = _intents_at_stripe(services, booking_id)
    return result


def _rows(services: AppServices, booking_id: int) -> dict[str, Any]:
    now = services.ctx.now()
    with services.ctx.unit_of_work(write=False) as uow:
        session = uow.session
        booking = session.get(SessionBooking, booking_id)
        assert booking is not None
        payments = session.scalars(
            select(Payment).where(Payment.booking_id == booking_id).order_by(Payment.id)
        ).all()
        refunds = session.scalars(
            select(Refund)
            .where(Refund.payment_id.in_([payment.id for payment in payments]))
            .order_by(Refund.id)
        ).all()
        meeting = session.scalar(select(Meeting).where(Meeting.booking_id == booking_id))
        jobs = session.scalars(select(OutboxJob).order_by(OutboxJob.id)).all()
        notifications = session.scalars(select(Notification).order_by(Notification.id)).all()
        refund_audit = session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.entity_type == "refund")
            .order_by(AuditEvent.id)
        ).all()
        return {
            "booking": {
                "status": booking.status.value,
                "payment_status": booking.payment_status.value,
                "refunded_minor": booking.refunded_minor,
                "total_minor": booking.total_minor,
            },
            "payments": [
                {
                    "id": row.id,
                    "status": row.status.value,
                    "intent": row.stripe_payment_intent_id,
                    "amount": row.amount_minor,
                    "refunded_minor": row.refunded_minor,
                }
                for row in payments
            ],
            "refunds": [
                {
                    "id": row.id,
                    "status": row.status.value,
                    "stripe_id": row.stripe_refund_id,
                    "amount": row.amount_minor,
                }
                for row in refunds
            ],
            "refund_audit": [str(action) for action in refund_audit],
            "meeting": None
            if meeting is None
            else {
                "status": meeting.status.value,
                "provider": meeting.provider.value,
                "external_id": meeting.external_id,
            },
            "jobs": [
                {
                    "id": row.id,
                    "kind": str(row.kind),
                    "dedupe_key": row.dedupe_key,
                    "state": row.state.value,
                    "attempts": row.attempts,
                    "due": row.state is JobState.PENDING and row.next_attempt_at <= now,
                    "last_error": row.last_error,
                }
                for row in jobs
            ],
            "notifications": [
                {
                    "message_id": row.message_id,
                    "kind": row.kind,
                    "emailed": row.emailed_at is not None,
                    "handed": row.email_handed_at is not None,
                    "has_ics": row.ics is not None,
                }
                for row in notifications
            ],
        }


def _intents_at_stripe(services: AppServices, booking_id: int) -> list[dict[str, Any]]:
    """Every PaymentIntent at the sandbox made for the booking, with its refunds."""
    sandbox = services.payment_services.sandbox
    assert sandbox is not None, "the crash suite runs on the Stripe sandbox"
    client = stripe.StripeClient(sandbox.secret_key, base_addresses={"api": sandbox.api_base})
    page = client.v1.payment_intents.list(params={"limit": 100})
    gateway = services.payments_gateway
    found = []
    for intent in (item.to_dict() for item in page.data):
        metadata = intent.get("metadata") or {}
        if metadata.get("booking_id") != str(booking_id):
            continue
        # localstripe cannot list the refunds of an intent that has no charge (HTTP 500)
        refunds = gateway.list_refunds(intent["id"]) if intent.get("latest_charge") else []
        found.append(
            {
                "id": intent["id"],
                "status": intent["status"],
                "amount": intent["amount"],
                "payment_id": metadata.get("payment_id"),
                "refunds": [
                    {
                        "id": refund.id,
                        "status": refund.status,
                        "amount": refund.amount,
                        "refund_id": refund.metadata.get("refund_id"),
                    }
                    for refund in refunds
                ],
            }
        )
    return sorted(found, key=lambda item: str(item["payment_id"]))
