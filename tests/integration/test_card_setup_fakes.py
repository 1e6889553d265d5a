"""Adding a card through a Checkout Session, the card service on ``FakePaymentsGateway`` (no
localstripe), on SQLite and Postgres: start (row first, then the session, with the row's
idempotency key), a retry after the answer was lost, the poller (complete, expired, woken by
the return page, left by the Back link), and Cancel (expires the session; keeps a card saved
meanwhile). What Stripe itself does is proven against the sandbox in test_card_service.py
and test_payments_gateway.py."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.types import CardInfo, CheckoutSessionInfo
from linguaflex_desktop.errors import ExternalServiceError
from linguaflex_desktop.models import PendingCardSetup, SavedCard
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest_stripe import add_actor
from tests.fakes import FakePaymentsGateway

WAIT = 10.0


@pytest.fixture
def gateway() -> FakePaymentsGateway:
    return FakePaymentsGateway()


@pytest.fixture
def cards(ctx: ServiceContext, gateway: FakePaymentsGateway) -> Iterator[CardService]:
    service = CardService(ctx, gateway)
    yield service
    service.close()


@pytest.fixture
def student(ctx: ServiceContext) -> Actor:
    return add_actor(ctx, email="sofia@example.com")


def setup_rows(ctx: ServiceContext) -> list[tuple[str | None, str, str | None]]:
    """(checkout session id, status, setup intent id) of every PendingCardSetup, by id."""
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(PendingCardSetup).order_by(PendingCardSetup.id))
        return [
            (r.stripe_checkout_session_id, r.status, r.stripe_setup_intent_id) for r in rows.all()
        ]


def test_start_records_the_setup_first_then_opens_a_setup_session_on_the_return_page(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor, ctx: ServiceContext
) -> None:
    seen_before_stripe: list[list[tuple[str | None, str, str | None]]] = []

    def stripe_creates(**request: object) -> CheckoutSessionInfo:
        seen_before_stripe.append(setup_rows(ctx))
        return gateway._create_session(**request)  # type: ignore[arg-type]

    gateway.script("create_checkout_setup_session", stripe_creates)

    handoff = cards.start_card_setup(student)

    assert seen_before_stripe == [[(None, "open", None)]]  # the row exists before the call
    (call,) = gateway.calls_to("create_checkout_setup_session")
    (stored,) = gateway.checkout_sessions.values()
    assert handoff.url == stored.url and handoff.checkout_session_id == stored.id
    assert call.kwargs["currency"] == "usd"  # no booking, no gig: the default
    assert call.kwargs["idempotency_key"].startswith("linguaflex-card-setup-")
    assert call.kwargs["success_url"].startswith("http://127.0.0.1:")
    assert call.kwargs["success_url"].endswith("?outcome=done")
    assert call.kwargs["cancel_url"].endswith("?outcome=cancelled")
    assert setup_rows(ctx) == [(stored.id, "open", None)]


def test_start_uses_the_currency_asked_for(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor
) -> None:
    cards.start_card_setup(student, currency="JPY")

    assert gateway.calls_to("create_checkout_setup_session")[0].kwargs["currency"] == "jpy"


def test_retry_after_a_lost_answer_gets_the_same_session_with_the_same_key(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor, ctx: ServiceContext
) -> None:
    gateway.script("create_checkout_setup_session", gateway.session_made_answer_lost)
    with pytest.raises(ExternalServiceError):
        cards.start_card_setup(student)

    handoff = cards.start_card_setup(student)

    first, second = gateway.calls_to("create_checkout_setup_session")
    assert first.kwargs == second.kwargs  # same key, same request: Stripe replays it
    assert list(gateway.checkout_sessions) == [handoff.checkout_session_id]
    assert setup_rows(ctx) == [(handoff.checkout_session_id, "open", None)]


def test_a_setup_left_unsent_by_an_earlier_run_is_closed_by_the_next_start(
    ctx: ServiceContext, gateway: FakePaymentsGateway, student: Actor
) -> None:
    crashed = CardService(ctx, gateway)
    gateway.script("create_checkout_setup_session", gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        crashed.start_card_setup(student)
    crashed.close()  # the app stopped here

    handoff = CardService(ctx, gateway).start_card_setup(student)

    assert setup_rows(ctx) == [
        (None, "canceled", None),
        (handoff.checkout_session_id, "open", None),
    ]


def test_poll_waits_while_the_session_is_open_then_saves_the_card(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor, ctx: ServiceContext
) -> None:
    handoff = cards.start_card_setup(student)
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "waiting"

    card = gateway.card_saved_on_page(handoff.checkout_session_id, last4="1881", attached=False)

    def attach(pm_id: str, customer: str) -> CardInfo:
        gateway.cards[pm_id] = replace(card, customer_id=customer)
        return gateway.cards[pm_id]

    gateway.script("attach_payment_method", attach)
    outcome = cards.poll_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "succeeded" and outcome.card is not None
    assert (outcome.card.last4, outcome.card.is_default) == ("1881", True)
    assert outcome.message == "Visa •••• 1881, expires 12/2031 saved."
    assert len(gateway.calls_to("attach_payment_method")) == 1  # not attached yet: attached
    seti = gateway.checkout_sessions[handoff.checkout_session_id].setup_intent_id
    assert setup_rows(ctx) == [(handoff.checkout_session_id, "succeeded", seti)]
    assert cards.poll_card_setup(student, handoff.checkout_session_id).card == outcome.card
    with ctx.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(SavedCard.stripe_payment_method_id)).all() == [card.id]


def test_an_expired_session_ends_the_setup_expired(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor, ctx: ServiceContext
) -> None:
    handoff = cards.start_card_setup(student)
    gateway.session_expired(handoff.checkout_session_id)

    outcome = cards.poll_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "expired" and outcome.finished
    assert outcome.message.startswith("Stripe's card page expired")
    assert setup_rows(ctx)[0][1] == "expired"
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "expired"


def test_cancel_expires_the_session_and_closes_the_setup(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor, ctx: ServiceContext
) -> None:
    handoff = cards.start_card_setup(student)

    outcome = cards.cancel_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "canceled" and outcome.message.startswith("Card setup cancelled")
    assert gateway.checkout_sessions[handoff.checkout_session_id].status == "expired"
    assert setup_rows(ctx)[0][1] == "canceled"
    assert cards.poll_card_setup(student, handoff.checkout_session_id).state == "canceled"


def test_a_card_saved_while_cancelling_is_kept(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor
) -> None:
    handoff = cards.start_card_setup(student)

    def saved_first(session_id: str) -> CheckoutSessionInfo:
        gateway.card_saved_on_page(session_id)  # the page finished just before Cancel
        return gateway.retrieve_checkout_session(session_id)  # Stripe: no longer open

    gateway.script("expire_checkout_session", saved_first)

    outcome = cards.cancel_card_setup(student, handoff.checkout_session_id)

    assert outcome.state == "succeeded" and outcome.card is not None
    assert [c.last4 for c in cards.list_cards(student)] == ["4242"]


def test_cancel_while_stripe_is_unreachable_raises_and_keeps_the_setup_open(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor, ctx: ServiceContext
) -> None:
    handoff = cards.start_card_setup(student)
    gateway.script("expire_checkout_session", gateway.unreachable())

    with pytest.raises(ExternalServiceError):
        cards.cancel_card_setup(student, handoff.checkout_session_id)

    assert setup_rows(ctx)[0][1] == "open"
    assert cards.cancel_card_setup(student, handoff.checkout_session_id).state == "canceled"


def test_the_browser_coming_back_wakes_the_poller_at_once(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor
) -> None:
    handoff = cards.start_card_setup(student)
    success_url = gateway.checkout_requests[handoff.checkout_session_id].success_url
    first_poll = threading.Event()
    gateway.script(
        "retrieve_checkout_session", lambda session_id: _after(first_poll, gateway, session_id)
    )
    results: list[str] = []
    waiter = threading.Thread(
        target=lambda: results.append(
            cards.wait_for_card_setup(
                student, handoff.checkout_session_id, timeout=120, interval=60
            ).state
        )
    )
    waiter.start()
    assert first_poll.wait(WAIT)  # the poller is now waiting its 60 s
    gateway.card_saved_on_page(handoff.checkout_session_id)
    started = time.monotonic()

    assert httpx.get(success_url).status_code == 200  # Stripe sends the browser back
    waiter.join(WAIT)

    assert results == ["succeeded"]
    assert time.monotonic() - started < WAIT  # woken, not after the 60 s interval


def test_the_back_link_on_stripes_page_cancels_the_setup(
    cards: CardService, gateway: FakePaymentsGateway, student: Actor
) -> None:
    handoff = cards.start_card_setup(student)
    cancel_url = gateway.checkout_requests[handoff.checkout_session_id].cancel_url
    first_poll = threading.Event()
    gateway.script(
        "retrieve_checkout_session", lambda session_id: _after(first_poll, gateway, session_id)
    )
    results: list[str] = []
    waiter = threading.Thread(
        target=lambda: results.append(
            cards.wait_for_card_setup(
                student, handoff.checkout_session_id, timeout=120, interval=60
            ).state
        )
    )
    waiter.start()
    assert first_poll.wait(WAIT)

    assert httpx.get(cancel_url).status_code == 200
    waiter.join(WAIT)

    assert results == ["canceled"]
    assert gateway.checkout_sessions[handoff.checkout_session_id].status == "expired"


def _after(
    event: threading.Event, gateway: FakePaymentsGateway, session_id: str
) -> CheckoutSessionInfo:
    """A retrieve that signals the test once it has answered."""
    info = gateway.checkout_sessions[session_id]
    event.set()
    return info
