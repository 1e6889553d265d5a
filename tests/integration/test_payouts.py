"""Recording payouts on SQLite and Postgres: validation in one sentence naming the field,
admins only, audited, a refused payout changes nothing, one payout per request key (also
under a race), and two admins cannot both pay what is owed once."""

from __future__ import annotations

import queue
import threading
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from linguaflex_desktop.errors import NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import AuditEvent, TeacherPayout
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.payouts import Payouts
from tests.conftest import FakeClock
from tests.integration.booking_helpers import World, make_world
from tests.integration.report_helpers import Parties, add_payment

NOW = datetime(2027, 3, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def world(ctx: ServiceContext, clock: FakeClock) -> World:
    """Tina earned 65.00 USD (75.00 share, 10.00 refunded) and 3500 JPY."""
    world = make_world(ctx)
    tina = Parties(world.student.id, world.teacher.id, world.gig_id)
    add_payment(ctx, tina, at=datetime(2027, 3, 2, tzinfo=UTC), amount=7875, fee=375, refunded=1000)
    add_payment(
        ctx, tina, at=datetime(2027, 3, 3, tzinfo=UTC), amount=3700, fee=200, currency="JPY"
    )
    clock.set(NOW)
    return world


@pytest.fixture
def payouts(ctx: ServiceContext) -> Payouts:
    return Payouts(ctx)


def pay(payouts: Payouts, world: World, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "teacher_id": world.teacher.id,
        "currency": "USD",
        "amount_minor": 2500,
        "paid_on": date(2027, 3, 19),
        "reference": "Bank transfer 7781",
        "note": "March, first part",
        "request_key": "payout-1",
    }
    values.update(changes)
    actor = values.pop("actor", world.admin)
    return payouts.record_payout(actor, **values)


def rows(ctx: ServiceContext) -> tuple[int, int]:
    """(payouts, audit events) in the database."""
    with ctx.unit_of_work(write=False) as uow:
        count = uow.session.scalar(select(func.count()).select_from(TeacherPayout))
        audits = uow.session.scalar(select(func.count()).select_from(AuditEvent))
    return int(count or 0), int(audits or 0)


def test_a_payout_is_recorded_and_audited(
    ctx: ServiceContext, world: World, payouts: Payouts
) -> None:
    payout = pay(payouts, world, currency=" usd ")
    assert (payout.teacher_name, payout.currency, payout.amount_minor) == ("Tina", "USD", 2500)
    assert (payout.paid_on, payout.reference, payout.note) == (
        date(2027, 3, 19),
        "Bank transfer 7781",
        "March, first part",
    )
    assert (payout.recorded_by_name, payout.created_at) == ("Ada", NOW)
    with ctx.unit_of_work(write=False) as uow:
        event = uow.session.scalars(select(AuditEvent)).one()
        assert (event.action, event.entity_type, event.entity_id) == (
            "payout.recorded",
            "payout",
            payout.id,
        )
        assert event.actor_id == world.admin.id
        assert event.created_at == NOW
        assert event.reason == "March, first part"
        assert event.after == {
            "teacher_id": str(world.teacher.id),
            "currency": "USD",
            "amount_minor": "2500",
            "paid_on": "2027-03-19",
            "reference": "Bank transfer 7781",
        }


def test_up_to_what_is_owed_and_not_a_cent_more(
    ctx: ServiceContext, world: World, payouts: Payouts
) -> None:
    pay(payouts, world, amount_minor=6000, request_key="first")
    with pytest.raises(ValidationError) as refused:
        pay(payouts, world, amount_minor=501, request_key="second")
    assert str(refused.value) == "That is more than the 5.00 USD Tina is owed in USD."
    assert refused.value.field == "amount"
    assert pay(payouts, world, amount_minor=500, request_key="third").amount_minor == 500
    with pytest.raises(ValidationError, match=r"more than the 0\.00 USD Tina is owed"):
        pay(payouts, world, amount_minor=1, request_key="fourth")
    assert rows(ctx) == (2, 2)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount_minor": 0}, "amount", "The amount paid out must be more than zero."),
        ({"amount_minor": -100}, "amount", "The amount paid out must be more than zero."),
        ({"amount_minor": 12.5}, "amount", "The amount must be a whole number of minor units."),
        (
            {"currency": "EUR"},
            "currency",
            "Tina has no earnings in EUR (currencies earned: JPY, USD).",
        ),
        ({"reference": "   "}, "reference", None),
        ({"reference": "x" * 121}, "reference", None),
        ({"note": "n" * 1001}, "note", None),
        ({"paid_on": date(2027, 3, 22)}, "paid_on", "A payout cannot be dated in the future."),
        ({"paid_on": datetime(2027, 3, 19, tzinfo=UTC)}, "paid_on", None),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_changes_nothing(
    ctx: ServiceContext,
    world: World,
    payouts: Payouts,
    changes: dict[str, Any],
    field: str,
    message: str | None,
) -> None:
    with pytest.raises(ValidationError) as refused:
        pay(payouts, world, **changes)
    assert refused.value.field == field
    if message is not None:
        assert str(refused.value) == message
    assert rows(ctx) == (0, 0)


def test_only_admins_record_payouts_and_only_for_teachers(
    ctx: ServiceContext, world: World, payouts: Payouts
) -> None:
    for actor in (world.teacher, world.student):
        with pytest.raises(PermissionDenied):
            pay(payouts, world, actor=actor)
    with pytest.raises(NotFound):
        pay(payouts, world, teacher_id=world.student.id)
    with pytest.raises(NotFound):
        pay(payouts, world, teacher_id=999_999)
    assert rows(ctx) == (0, 0)


def test_a_repeated_submit_records_one_payout(
    ctx: ServiceContext, world: World, payouts: Payouts
) -> None:
    first = pay(payouts, world)
    again = pay(payouts, world)
    assert again == first
    assert rows(ctx) == (1, 1)
    with pytest.raises(ValidationError, match="already used for a different payout"):
        pay(payouts, world, amount_minor=100)
    assert rows(ctx) == (1, 1)


def race(work: Any, count: int = 2) -> list[str]:
    """Run ``work(index)`` on ``count`` threads released together; their outcomes."""
    barrier = threading.Barrier(count)
    results: queue.Queue[str] = queue.Queue()

    def run(index: int) -> None:
        barrier.wait(timeout=30)
        try:
            results.put(f"paid {work(index).id}")
        except ValidationError as error:
            results.put(f"refused: {error}")
        except Exception as error:  # reported, then asserted on below
            results.put(f"error: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(results.get_nowait() for _ in range(count))


def test_a_double_submit_racing_itself_records_one_payout(
    ctx: ServiceContext, world: World, payouts: Payouts
) -> None:
    answers = race(lambda _index: pay(payouts, world))
    assert answers[0] == answers[1] and answers[0].startswith("paid "), answers
    assert rows(ctx) == (1, 1)


def test_two_admins_cannot_both_pay_what_is_owed_once(
    ctx: ServiceContext, world: World, payouts: Payouts
) -> None:
    answers = race(lambda index: pay(payouts, world, amount_minor=6500, request_key=f"k{index}"))
    assert answers[0].startswith("paid "), answers
    assert answers[1] == "refused: That is more than the 0.00 USD Tina is owed in USD.", answers
    assert rows(ctx) == (1, 1)
