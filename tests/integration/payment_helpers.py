"""Helpers of the payment tests: a confirmed booking, saved test cards, and what the sandbox's
Stripe.js would do in the browser (3-D Secure), all against the real in-process localstripe."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
import stripe
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import ExternalServiceError
from linguaflex_desktop.models import (
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    SavedCard,
    SessionBooking,
    StripeCustomer,
)
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from linguaflex_desktop.services.payments.views import PaymentViews
from tests.integration.booking_helpers import World, confirmed, make_world
from tests.stripe_stand_ins import StandIn, stand_in_client

THREE_D_SECURE_CARD = "4000002500003155"


@dataclass
class PayKit:
    """Services wired on one database and the sandbox, plus a world and a confirmed booking.
    The refund, reconcile and view collaborators are made from ``ctx`` and ``gateway``."""

    ctx: ServiceContext
    gateway: StripeGateway
    sandbox: StripeSandbox
    world: World
    bookings: BookingService
    cards: CardService
    payments: PaymentService
    booking_id: int
    refunds: Refunds = field(init=False)
    reconciler: Reconciler = field(init=False)
    payment_views: PaymentViews = field(init=False)

    def __post_init__(self) -> None:
        self.refunds = Refunds(self.ctx, self.gateway)
        self.reconciler = Reconciler(self.ctx, self.gateway)
        self.payment_views = PaymentViews(self.ctx)

    def close(self) -> None:
        self.cards.close()
        self.payments.close()


def make_kit(ctx: ServiceContext, gateway: StripeGateway, sandbox: StripeSandbox) -> PayKit:
    world = make_world(ctx)
    bookings = BookingService(ctx)
    booking = confirmed(bookings, world)
    return PayKit(
        ctx=ctx,
        gateway=gateway,
        sandbox=sandbox,
        world=world,
        bookings=bookings,
        cards=CardService(ctx, gateway),
        payments=PaymentService(ctx, gateway),
        booking_id=booking.id,
    )


def kit_fixture(
    ctx: ServiceContext, gateway: StripeGateway, sandbox: StripeSandbox
) -> Iterator[PayKit]:
    kit = make_kit(ctx, gateway, sandbox)
    yield kit
    kit.close()


def sandbox_client(sandbox: StripeSandbox, caller: StandIn = "dashboard") -> stripe.StripeClient:
    """The SDK on the sandbox, as someone else than our app (the Dashboard by default)."""
    return stand_in_client(sandbox, caller)


def save_raw_card(kit: PayKit, student: Actor, number: str) -> int:
    """Save a card by number, server-side (test only): what the card page would have saved."""
    card = {"number": number, "exp_month": 12, "exp_year": 2031, "cvc": "123"}
    method = sandbox_client(kit.sandbox, "browser").v1.payment_methods.create(
        params={"type": "card", "card": card}  # type: ignore[typeddict-item]
    )
    kit.cards.save_test_card(student)  # creates the customer (and a visa we then drop)
    with kit.ctx.unit_of_work() as uow:
        customer = uow.session.get(StripeCustomer, student.id)
        assert customer is not None
        info = kit.gateway.attach_payment_method(method.id, customer.stripe_customer_id)
        row = SavedCard(
            user_id=student.id,
            stripe_payment_method_id=info.id,
            brand=info.brand,
            last4=info.last4,
            exp_month=info.exp_month,
            exp_year=info.exp_year,
            is_default=False,
        )
        uow.session.add(row)
        uow.session.flush()
        card_id = row.id
        uow.commit()
    return card_id


def authenticate(kit: PayKit, payment_id: int, *, success: bool) -> None:
    """What the sandbox's Stripe.js does when the user answers the 3-D Secure box."""
    intent = intent_of(kit, payment_id)
    response = httpx.post(
        f"{kit.sandbox.api_base}/v1/payment_intents/{intent.id}/_authenticate",
        params={"success": str(success).lower()},
        json={"key": kit.sandbox.publishable_key, "client_secret": intent.client_secret},
        timeout=5,
    )
    response.raise_for_status()


def intent_of(kit: PayKit, payment_id: int) -> PaymentIntentInfo:
    with kit.ctx.unit_of_work(write=False) as uow:
        payment = uow.session.get(Payment, payment_id)
        assert payment is not None and payment.stripe_payment_intent_id
        intent_id = payment.stripe_payment_intent_id
    return kit.gateway.retrieve_payment_intent(intent_id)


def intents_at_stripe(kit: PayKit, student: Actor) -> list[dict[str, Any]]:
    """Every PaymentIntent localstripe holds for the student's customer."""
    with kit.ctx.unit_of_work(write=False) as uow:
        customer = uow.session.get(StripeCustomer, student.id)
        customer_id = customer.stripe_customer_id if customer else None
    page = sandbox_client(kit.sandbox).v1.payment_intents.list(params={"limit": 100})
    intents = [dict(item.to_dict()) for item in page.data]
    return [intent for intent in intents if intent.get("customer") == customer_id]


def succeeded_charges(kit: PayKit, student: Actor) -> int:
    return sum(1 for intent in intents_at_stripe(kit, student) if intent["status"] == "succeeded")


def booking_state(ctx: ServiceContext, booking_id: int) -> tuple[BookingStatus, PaymentStatus]:
    with ctx.unit_of_work(write=False) as uow:
        booking = uow.session.get(SessionBooking, booking_id)
        assert booking is not None
        return booking.status, booking.payment_status


def payment_rows(
    ctx: ServiceContext, booking_id: int
) -> list[tuple[PaymentAttemptStatus, str | None]]:
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(
            select(Payment).where(Payment.booking_id == booking_id).order_by(Payment.id)
        )
        return [(row.status, row.stripe_payment_intent_id) for row in rows]


def refund_rows(ctx: ServiceContext) -> list[tuple[int, str | None]]:
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(Refund).order_by(Refund.id))
        return [(row.amount_minor, row.stripe_refund_id) for row in rows]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dead_gateway() -> StripeGateway:
    """A gateway pointed at a closed port: every call fails fast as unreachable."""
    return StripeGateway(
        secret_key="sk_test_dead",
        publishable_key="pk_test_dead",
        api_base=f"http://127.0.0.1:{closed_port()}",
        max_network_retries=0,
        timeout_seconds=0.5,
    )


class ConfirmNeverAnswers(StripeGateway):
    """The sandbox gateway, except that ``confirm`` is lost on the way (Stripe never sees it)."""

    def confirm_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, return_url: str | None = None
    ) -> PaymentIntentInfo:
        raise ExternalServiceError("Stripe could not be reached (test: confirm lost).")


class ConfirmAnswerLost(StripeGateway):
    """The sandbox gateway, except that the answer to ``confirm`` is lost (Stripe did it)."""

    def confirm_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, return_url: str | None = None
    ) -> PaymentIntentInfo:
        super().confirm_payment_intent(
            payment_intent_id, idempotency_key=idempotency_key, return_url=return_url
        )
        raise ExternalServiceError("Stripe could not be reached (test: answer lost).")


def gateway_like(cls: type[StripeGateway], sandbox: StripeSandbox) -> StripeGateway:
    return cls(
        secret_key=sandbox.secret_key,
        publishable_key=sandbox.publishable_key,
        api_base=sandbox.api_base,
        max_network_retries=0,
        timeout_seconds=5,
    )


# --- process races (spawned children import this module by name) ----------------------------


def pay_in_child(
    database_url: str,
    now: datetime,
    api_base: str,
    keys: tuple[str, str],
    actor: Actor,
    booking_id: int,
    barrier: Any,
    results: Any,
) -> None:
    """Child process: its own engine and gateway on the shared sandbox (its address and its
    (secret, publishable) ``keys``); wait for the siblings, press "Pay", report "paid" /
    "conflict" / the error."""
    from linguaflex_desktop.db import create_app_engine, create_session_factory
    from linguaflex_desktop.errors import Conflict

    engine = create_app_engine(database_url)
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=lambda: now)
    gateway = StripeGateway(
        secret_key=keys[0],
        publishable_key=keys[1],
        api_base=api_base,
        max_network_retries=0,
        timeout_seconds=10,
    )
    service = PaymentService(ctx, gateway)
    try:
        barrier.wait(timeout=60)
        outcome = service.pay_booking(actor, booking_id)
        results.put("paid" if outcome.state == "succeeded" else outcome.state)
    except Conflict:
        results.put("conflict")
    except Exception as error:
        results.put(f"error: {type(error).__name__}: {error}")
    finally:
        service.close()
        engine.dispose()
