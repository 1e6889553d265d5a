"""Exactly once: two "Pay" clicks (threads) or two app instances (processes on one Postgres)
paying the same booking end with one charge; the unique indexes hold even past our checks."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import IntegrityError

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.db import create_app_engine, create_session_factory
from linguaflex_desktop.errors import Conflict
from linguaflex_desktop.models import Payment, PaymentAttemptStatus, PaymentStatus
from linguaflex_desktop.services.common.context import ServiceContext
from tests.conftest import FakeClock, truncate_all
from tests.integration.booking_helpers import spawn_context
from tests.integration.payment_helpers import (
    PayKit,
    booking_state,
    kit_fixture,
    make_kit,
    pay_in_child,
    payment_rows,
    succeeded_charges,
)

A = PaymentAttemptStatus


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(ctx, stripe_gateway, stripe_sandbox)


def test_two_threads_paying_the_same_booking_make_one_charge(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    barrier = threading.Barrier(2)
    results: queue.Queue[str] = queue.Queue()

    def pay() -> None:
        barrier.wait(timeout=30)
        try:
            outcome = kit.payments.pay_booking(kit.world.student, kit.booking_id)
            results.put(outcome.state)
        except Conflict as error:
            results.put(f"conflict: {error}")
        except Exception as error:  # reported, then asserted on below
            results.put(f"error: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=pay) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    answers = sorted(results.get_nowait() for _ in range(2))
    assert answers[1] == "succeeded", answers
    assert answers[0].startswith("conflict: "), answers
    assert succeeded_charges(kit, kit.world.student) == 1
    assert [status for status, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.SUCCEEDED]
    assert booking_state(kit.ctx, kit.booking_id)[1] is PaymentStatus.PAID


@pytest.fixture
def postgres_ctx(postgres_database_url: str, clock: FakeClock) -> Iterator[ServiceContext]:
    engine = create_app_engine(postgres_database_url)
    truncate_all(engine)
    yield ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    engine.dispose()


@pytest.mark.postgres
def test_four_app_instances_on_one_postgres_make_one_charge(
    postgres_database_url: str,
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    postgres_ctx: ServiceContext,
) -> None:
    ctx = postgres_ctx
    kit = make_kit(ctx, stripe_gateway, stripe_sandbox)
    kit.cards.save_test_card(kit.world.student)
    spawn = spawn_context()
    barrier = spawn.Barrier(4)
    results = spawn.Queue()
    children = [
        spawn.Process(
            target=pay_in_child,
            args=(
                postgres_database_url,
                ctx.now(),
                stripe_sandbox.api_base,
                (stripe_sandbox.secret_key, stripe_sandbox.publishable_key),
                kit.world.student,
                kit.booking_id,
                barrier,
                results,
            ),
        )
        for _ in range(4)
    ]
    for child in children:
        child.start()
    answers = sorted(results.get(timeout=120) for _ in children)
    for child in children:
        child.join(timeout=30)
    kit.close()

    assert answers == ["conflict", "conflict", "conflict", "paid"], answers
    assert succeeded_charges(kit, kit.world.student) == 1
    assert len(payment_rows(ctx, kit.booking_id)) == 1


def test_the_database_refuses_a_second_active_payment_even_past_our_checks(kit: PayKit) -> None:
    def insert(key: str, status: PaymentAttemptStatus) -> None:
        with kit.ctx.unit_of_work() as uow:
            uow.session.add(
                Payment(
                    booking_id=kit.booking_id,
                    idempotency_key=key,
                    amount_minor=5250,
                    fee_minor=250,
                    teacher_share_minor=5000,
                    currency="USD",
                    status=status,
                )
            )
            uow.commit()

    insert("first", A.PENDING)
    with pytest.raises(IntegrityError):
        insert("second", A.CREATING)
    insert("closed", A.FAILED)  # closed attempts do not count
    with kit.ctx.unit_of_work() as uow:
        uow.session.query(Payment).filter_by(idempotency_key="first").update(
            {"status": A.SUCCEEDED}
        )
        uow.commit()
    with pytest.raises(IntegrityError):
        insert("another-success", A.SUCCEEDED)
    assert len(payment_rows(kit.ctx, kit.booking_id)) == 2
