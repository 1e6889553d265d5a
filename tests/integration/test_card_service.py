"""CardService against the sandbox, on SQLite and Postgres (``ctx``) where the database matters.

The browser's part (typing a card on the sandbox's hosted Checkout page) is played here over
HTTP; the real browser hand-off runs in tests/e2e/test_card_setup_browser.py.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator, Mapping

import httpx
import pytest
from sqlalchemy import func, select

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import (
    ExternalServiceError,
    NotFound,
    PaymentDeclined,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import PendingCardSetup, Role, SavedCard, StripeCustomer
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest_stripe import add_actor
from tests.integration.checkout_helpers import submit_card


def make_service(ctx: ServiceContext, gateway: StripeGateway) -> CardService:
    return CardService(ctx, gateway)


@pytest.fixture
def cards(ctx: ServiceContext, stripe_gateway: StripeGateway) -> Iterator[CardService]:
    service = make_service(ctx, stripe_gateway)
    yield service
    service.close()


@pytest.fixture
def student(ctx: ServiceContext) -> Actor:
    return add_actor(ctx, email="sofia@example.com")


def count(ctx: ServiceContext, model: type) -> int:
    with ctx.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


# --- adding a card ---------------------------------------------------------------------------


def test_card_confirmed_in_the_browser_is_attached_saved_and_default(
    cards: CardService,
    student: Actor,
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    ctx: ServiceContext,
) -> None:
    handoff = cards.start_card_setup(student)
    submit_card(handoff.url, "4242 4242 4242 4242")

    outcome = cards.poll_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "succeeded" and outcome.card is not None
    assert (outcome.card.brand, outcome.card.last4, outcome.card.exp_month) == ("visa", "4242", 11)
    assert outcome.card.exp_year == 2031 and outcome.card.is_default
    assert "4242" in outcome.message
    assert cards.list_cards(student) == (outcome.card,)
    with ctx.unit_of_work(write=False) as uow:
        customer_id = uow.session.get(StripeCustomer, student.id).stripe_customer_id  # type: ignore[union-attr]
        pending = uow.session.scalar(select(PendingCardSetup))
        assert pending is not None and pending.status == "succeeded"
    assert [c.last4 for c in stripe_gateway.list_cards(customer_id)] == ["4242"]


def test_polling_a_finished_setup_twice_saves_the_card_once(
    cards: CardService, student: Actor, stripe_sandbox: StripeSandbox, ctx: ServiceContext
) -> None:
    handoff = cards.start_card_setup(student)
    submit_card(handoff.url, "4242 4242 4242 4242")

    first = cards.poll_card_setup(student, handoff.checkout_session_id)
    second = cards.poll_card_setup(student, handoff.checkout_session_id)

    assert first.card == second.card
    assert count(ctx, SavedCard) == 1


def test_setup_still_open_in_the_browser_is_waiting(cards: CardService, student: Actor) -> None:
    handoff = cards.start_card_setup(student)

    outcome = cards.poll_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "waiting" and not outcome.finished and outcome.card is None


def test_card_declined_on_the_page_leaves_the_setup_open_for_another_card(
    cards: CardService, student: Actor, ctx: ServiceContext
) -> None:
    handoff = cards.start_card_setup(student)
    where = submit_card(handoff.url, "4000 0000 0000 0002")

    outcome = cards.poll_card_setup(student, handoff.checkout_session_id)

    assert where.endswith("?error=card_declined")  # the page shows Stripe's decline
    assert outcome.state == "waiting" and count(ctx, SavedCard) == 0
    submit_card(handoff.url, "4242424242424242")
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "succeeded"


def test_failed_authentication_then_completed_saves_the_3155_card(
    cards: CardService, student: Actor
) -> None:
    handoff = cards.start_card_setup(student)
    assert submit_card(handoff.url, "4000002500003155", authenticate="fail").endswith(
        "?error=authentication_failed"
    )
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "waiting"

    submit_card(handoff.url, "4000002500003155", authenticate="complete")

    outcome = cards.poll_card_setup(student, handoff.checkout_session_id)
    assert outcome.state == "succeeded" and outcome.card is not None
    assert outcome.card.last4 == "3155"


def test_setup_is_created_in_the_students_booking_currency_with_its_return_page(
    cards: CardService, student: Actor, stripe_gateway: StripeGateway
) -> None:
    handoff = cards.start_card_setup(student, currency="EUR")

    body = stripe_gateway._v1.checkout.sessions.retrieve(handoff.checkout_session_id).to_dict()

    assert (body["mode"], body["currency"], body["status"]) == ("setup", "eur", "open")
    assert body["success_url"].startswith("http://127.0.0.1:")
    assert body["success_url"].endswith("?outcome=done")
    assert body["cancel_url"].endswith("?outcome=cancelled")
    assert body["metadata"]["linguaflex_user_id"] == str(student.id)


def test_customer_is_created_once_per_student(
    cards: CardService, student: Actor, ctx: ServiceContext
) -> None:
    first = cards.start_card_setup(student)
    second = cards.start_card_setup(student)

    assert first.checkout_session_id != second.checkout_session_id
    assert first.url != second.url
    assert count(ctx, StripeCustomer) == 1
    assert count(ctx, PendingCardSetup) == 2


class RacingGateway(StripeGateway):
    """The sandbox gateway, holding two customer creations until both have started."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.barrier = threading.Barrier(2, timeout=10)
        self.created: list[str] = []

    def create_customer(
        self,
        *,
        email: str,
        name: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> str:
        self.barrier.wait()  # both threads have seen "no customer row" by now
        customer_id = super().create_customer(
            email=email, name=name, metadata=metadata, idempotency_key=idempotency_key
        )
        self.created.append(customer_id)
        return customer_id


def test_two_threads_creating_the_customer_keep_one_and_delete_the_other(
    ctx: ServiceContext, student: Actor, stripe_sandbox: StripeSandbox
) -> None:
    gateway = RacingGateway.for_sandbox(stripe_sandbox)
    service = make_service(ctx, gateway)
    results: list[str] = []

    def start() -> None:
        results.append(service.start_card_setup(student).checkout_session_id)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    service.close()

    assert len(results) == 2
    assert count(ctx, StripeCustomer) == 1
    with ctx.unit_of_work(write=False) as uow:
        winner = uow.session.scalar(select(StripeCustomer.stripe_customer_id))
    assert len(set(gateway.created)) == 2 and winner in gateway.created
    (loser,) = set(gateway.created) - {winner}
    assert gateway.list_cards(winner) == ()
    with pytest.raises(ExternalServiceError, match="Not Found"):
        gateway.list_cards(loser)  # the duplicate was deleted at Stripe


def test_cancelled_setup_expires_its_session_and_its_return_page_closes(
    cards: CardService, student: Actor, stripe_gateway: StripeGateway
) -> None:
    handoff = cards.start_card_setup(student)
    body = stripe_gateway._v1.checkout.sessions.retrieve(handoff.checkout_session_id).to_dict()

    outcome = cards.cancel_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "canceled"
    info = stripe_gateway.retrieve_checkout_session(handoff.checkout_session_id)
    assert info.status == "expired"
    assert httpx.get(body["success_url"]).status_code == 410  # the return page is closed
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "canceled"


def test_session_expired_at_stripe_ends_the_setup_expired(
    cards: CardService, student: Actor, stripe_gateway: StripeGateway, ctx: ServiceContext
) -> None:
    handoff = cards.start_card_setup(student)
    stripe_gateway.expire_checkout_session(handoff.checkout_session_id)  # e.g. 24 hours passed

    outcome = cards.poll_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "expired" and "expired" in outcome.message
    with ctx.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(PendingCardSetup.status)).one() == "expired"


def test_cancelling_after_the_card_was_saved_keeps_the_card(
    cards: CardService, student: Actor, stripe_sandbox: StripeSandbox
) -> None:
    handoff = cards.start_card_setup(student)
    submit_card(handoff.url, "4242 4242 4242 4242")  # saved just before Cancel was pressed

    outcome = cards.cancel_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "succeeded"
    assert len(cards.list_cards(student)) == 1


# --- the poller ------------------------------------------------------------------------------


class FakeTime:
    """Deterministic time for the poller: sleeping advances the clock."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_poller_returns_as_soon_as_the_card_is_saved(
    sqlite_ctx: ServiceContext, stripe_sandbox: StripeSandbox, stripe_gateway: StripeGateway
) -> None:
    student = add_actor(sqlite_ctx, email="ines@example.com")
    fake = FakeTime()
    service = CardService(
        sqlite_ctx,
        stripe_gateway,
        sleep=fake.sleep,
        monotonic=fake.monotonic,
    )
    handoff = service.start_card_setup(student)
    polls = 0

    def should_cancel() -> bool:
        nonlocal polls
        polls += 1
        if polls == 3:  # the user finishes in the browser while we wait
            submit_card(handoff.url, "4242424242424242", follow_to_return_page=False)
        return False

    outcome = service.wait_for_card_setup(
        student, handoff.checkout_session_id, timeout=60, interval=0.5, should_cancel=should_cancel
    )
    service.close()

    assert outcome.state == "succeeded"
    assert fake.now < 60


def test_poller_backs_off_then_times_out_still_waiting(
    sqlite_ctx: ServiceContext, stripe_gateway: StripeGateway
) -> None:
    student = add_actor(sqlite_ctx, email="ines@example.com")
    fake = FakeTime()
    service = CardService(
        sqlite_ctx,
        stripe_gateway,
        sleep=fake.sleep,
        monotonic=fake.monotonic,
    )
    handoff = service.start_card_setup(student)

    outcome = service.wait_for_card_setup(
        student, handoff.checkout_session_id, timeout=30, interval=1, max_interval=4
    )
    service.close()

    assert outcome.state == "waiting" and "stays open" in outcome.message
    assert fake.now == pytest.approx(30)
    assert max(fake.sleeps) <= 0.1  # sleeps in slices so that a cancel is honoured quickly
    assert service.poll_card_setup(student, handoff.checkout_session_id).state == "waiting"


def test_poller_cancels_when_the_user_asks(
    sqlite_ctx: ServiceContext, stripe_gateway: StripeGateway
) -> None:
    student = add_actor(sqlite_ctx, email="ines@example.com")
    fake = FakeTime()
    service = CardService(
        sqlite_ctx,
        stripe_gateway,
        sleep=fake.sleep,
        monotonic=fake.monotonic,
    )
    handoff = service.start_card_setup(student)

    outcome = service.wait_for_card_setup(
        student, handoff.checkout_session_id, timeout=60, should_cancel=lambda: fake.now > 2
    )
    service.close()

    assert outcome.state == "canceled"
    assert stripe_gateway.retrieve_checkout_session(handoff.checkout_session_id).status == "expired"


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_stripe_unreachable_while_waiting_raises_and_loses_nothing(
    sqlite_ctx: ServiceContext,
    stripe_sandbox: StripeSandbox,
    stripe_gateway: StripeGateway,
    closed_port: int,
) -> None:
    student = add_actor(sqlite_ctx, email="ines@example.com")
    service = make_service(sqlite_ctx, stripe_gateway)
    handoff = service.start_card_setup(student)
    submit_card(handoff.url, "4242424242424242")
    dead = StripeGateway(
        secret_key="sk_test_x",
        publishable_key="pk_test_x",
        api_base=f"http://127.0.0.1:{closed_port}",
        max_network_retries=0,
        timeout_seconds=0.5,
    )
    fake = FakeTime()
    offline = CardService(
        sqlite_ctx,
        dead,
        sleep=fake.sleep,
        monotonic=fake.monotonic,
    )

    with pytest.raises(ExternalServiceError, match="could not be reached"):
        offline.wait_for_card_setup(student, handoff.checkout_session_id, timeout=10)

    assert offline.list_cards(student) == ()
    outcome = service.poll_card_setup(student, handoff.checkout_session_id)  # back online
    service.close()
    assert outcome.state == "succeeded" and len(service.list_cards(student)) == 1


# --- the saved cards -------------------------------------------------------------------------


def test_first_card_is_default_and_later_ones_are_not(cards: CardService, student: Actor) -> None:
    first = cards.save_test_card(student)
    second = cards.save_test_card(student, "pm_card_chargeCustomerFail")

    assert first.is_default and not second.is_default
    assert second.last4 == "0341"
    assert [c.id for c in cards.list_cards(student)] == [first.id, second.id]


def test_choosing_another_default_moves_the_flag(cards: CardService, student: Actor) -> None:
    first = cards.save_test_card(student)
    second = cards.save_test_card(student)

    listed = cards.set_default_card(student, second.id)

    assert [(c.id, c.is_default) for c in listed] == [(second.id, True), (first.id, False)]
    assert cards.set_default_card(student, second.id) == listed  # already default: no change


def test_removing_the_default_card_detaches_it_and_promotes_the_newest(
    cards: CardService, student: Actor, stripe_gateway: StripeGateway, ctx: ServiceContext, clock
) -> None:
    first = cards.save_test_card(student)
    clock.advance(minutes=1)
    second = cards.save_test_card(student)
    clock.advance(minutes=1)
    third = cards.save_test_card(student)

    remaining = cards.remove_card(student, first.id)

    assert [(c.id, c.is_default) for c in remaining] == [(third.id, True), (second.id, False)]
    with ctx.unit_of_work(write=False) as uow:
        customer_id = uow.session.get(StripeCustomer, student.id).stripe_customer_id  # type: ignore[union-attr]
    assert len(stripe_gateway.list_cards(customer_id)) == 2


def test_removing_a_card_while_stripe_is_unreachable_keeps_it(
    ctx: ServiceContext, student: Actor, stripe_gateway: StripeGateway, closed_port: int
) -> None:
    card = make_service(ctx, stripe_gateway).save_test_card(student)
    dead = StripeGateway(
        secret_key="sk_test_x",
        publishable_key="pk_test_x",
        api_base=f"http://127.0.0.1:{closed_port}",
        max_network_retries=0,
        timeout_seconds=0.5,
    )

    with pytest.raises(ExternalServiceError):
        make_service(ctx, dead).remove_card(student, card.id)

    assert make_service(ctx, stripe_gateway).list_cards(student) == (card,)


def test_another_students_card_cannot_be_seen_removed_or_chosen(
    cards: CardService, student: Actor, ctx: ServiceContext
) -> None:
    card = cards.save_test_card(student)
    other = add_actor(ctx, email="omar@example.com")

    assert cards.list_cards(other) == ()
    with pytest.raises(NotFound):
        cards.remove_card(other, card.id)
    with pytest.raises(NotFound):
        cards.set_default_card(other, card.id)
    with pytest.raises(NotFound):
        cards.poll_card_setup(other, "cs_test_unknown")


def test_only_students_have_cards(cards: CardService, ctx: ServiceContext) -> None:
    teacher = add_actor(ctx, email="tom@example.com", role=Role.TEACHER)

    with pytest.raises(PermissionDenied):
        cards.start_card_setup(teacher)
    with pytest.raises(PermissionDenied):
        cards.list_cards(teacher)
    assert count(ctx, StripeCustomer) == 0


def test_test_cards_need_test_mode_and_a_test_card_id(
    cards: CardService, student: Actor, sqlite_ctx: ServiceContext
) -> None:
    live = StripeGateway(secret_key="sk_live_x", publishable_key="pk_live_x")
    live_student = add_actor(sqlite_ctx, email="lia@example.com")

    with pytest.raises(PermissionDenied, match="Test cards"):
        make_service(sqlite_ctx, live).save_test_card(live_student)
    with pytest.raises(ValidationError):
        cards.save_test_card(student, "pm_1234")


def test_test_card_declined_when_attached_raises_stripes_message_and_saves_nothing(
    cards: CardService, student: Actor, ctx: ServiceContext
) -> None:
    with pytest.raises(PaymentDeclined, match="Your card was declined"):
        cards.save_test_card(student, "pm_card_visa_chargeDeclined")

    assert count(ctx, SavedCard) == 0
