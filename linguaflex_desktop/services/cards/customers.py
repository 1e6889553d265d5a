"""The student's Stripe customer: created once, on the first card setup."""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError

from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway
from linguaflex_desktop.errors import ExternalServiceError
from linguaflex_desktop.models import Role, StripeCustomer
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

log = logging.getLogger(__name__)


def ensure_customer(ctx: ServiceContext, gateway: PaymentsGateway, actor: Actor) -> str:
    """The student's Stripe customer id, created once (the row's primary key settles a
    race between two threads; the loser's extra Stripe customer is deleted)."""
    with ctx.unit_of_work(write=False) as uow:
        user = load_acting_user(uow.session, actor, Role.STUDENT)
        row = uow.session.get(StripeCustomer, user.id)
        if row is not None:
            return row.stripe_customer_id
        email, name, user_id = user.email, user.display_name, user.id
        key = f"linguaflex-customer-{user.id}-{int(user.created_at.timestamp() * 1e6)}"
    customer_id = gateway.create_customer(
        email=email,
        name=name,
        metadata={"linguaflex_user_id": str(user_id)},
        idempotency_key=key,
    )
    try:
        with ctx.unit_of_work() as uow:
            uow.session.add(
                StripeCustomer(
                    user_id=user_id, stripe_customer_id=customer_id, created_at=ctx.now()
                )
            )
            uow.commit()
        return customer_id
    except IntegrityError:
        with ctx.unit_of_work(write=False) as uow:
            existing = uow.session.get(StripeCustomer, user_id)
            if existing is None:
                raise
            winner = existing.stripe_customer_id
    if winner != customer_id:
        try:
            gateway.delete_customer(customer_id)
        except ExternalServiceError:
            log.warning("duplicate Stripe customer %s left in place", customer_id)
    return winner
