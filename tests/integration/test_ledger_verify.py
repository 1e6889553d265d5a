"""Ledger verification against the real localstripe, on SQLite and Postgres: when all agrees
there is no difference and both sides' totals match per currency (USD, EUR and zero-decimal
JPY); each tampering of our side (or of Stripe's, behind our back) is reported as what it is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import ExternalServiceError, PermissionDenied
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.stripe_dto import (
    CurrencyTotals,
    LedgerVerification,
    difference_text,
)
from linguaflex_desktop.services.payments.verify import LedgerVerifier
from tests.integration.ledger_helpers import (
    change_our_amount,
    paid_payments,
    pay_in_three_currencies,
    point_at,
    remove_refund_rows,
)
from tests.integration.payment_helpers import PayKit, dead_gateway, kit_fixture, sandbox_client


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(ctx, stripe_gateway, stripe_sandbox)


def verify(kit: PayKit) -> LedgerVerification:
    return LedgerVerifier(kit.ctx, kit.gateway).verify(kit.world.admin)


def kinds(result: LedgerVerification) -> list[tuple[int, str]]:
    return [(d.payment_id, d.kind) for d in result.differences]


def test_all_agree_in_three_currencies_with_the_totals_of_both_sides(kit: PayKit) -> None:
    payments = pay_in_three_currencies(kit)
    usd = payments["USD"]
    kit.refunds.refund(
        kit.world.admin, usd.booking_id, amount_minor=2000, reason="late", request_key="r1"
    )
    progress: list[tuple[int, int]] = []

    result = LedgerVerifier(kit.ctx, kit.gateway).verify(
        kit.world.admin, on_progress=lambda done, total: progress.append((done, total))
    )

    assert result.differences == ()
    assert result.agrees and result.checked == 3
    assert progress == [(1, 3), (2, 3), (3, 3)]
    expected = (
        CurrencyTotals("EUR", 4200, 0),
        CurrencyTotals("JPY", payments["JPY"].amount_minor, 0),
        CurrencyTotals("USD", 5250, 2000),
    )
    assert result.ours == expected
    assert result.stripe == expected
    assert result.ours[2].net_minor == 3250
    assert payments["JPY"].amount_minor == 6300  # 6,000 JPY + 5 % fee, no minor unit


def test_our_amount_changed_is_reported_with_both_amounts(kit: PayKit) -> None:
    usd = pay_in_three_currencies(kit)["USD"]
    change_our_amount(kit, usd.id, by=100)

    result = verify(kit)

    assert kinds(result) == [(usd.id, "amount")]
    (difference,) = result.differences
    assert (difference.ours, difference.stripe) == (5350, 5250)
    assert "ours 53.50 USD, Stripe 52.50 USD" in difference_text(difference)
    usd_ours = next(t for t in result.ours if t.currency == "USD")
    usd_stripe = next(t for t in result.stripe if t.currency == "USD")
    assert (usd_ours.paid_minor, usd_stripe.paid_minor) == (5350, 5250)
    assert not result.agrees


def test_our_refund_row_removed_shows_a_refund_only_stripe_holds(kit: PayKit) -> None:
    jpy = pay_in_three_currencies(kit)["JPY"]
    made = kit.refunds.refund(
        kit.world.admin, jpy.booking_id, amount_minor=1000, reason="x", request_key="r"
    )
    remove_refund_rows(kit, jpy.id)

    result = verify(kit)

    assert kinds(result) == [(jpy.id, "refund_not_recorded")]
    (difference,) = result.differences
    assert difference.refund == made.refund.stripe_refund_id
    assert "Stripe 1,000 JPY" in difference_text(difference)  # zero-decimal: no ".00"
    jpy_ours = next(t for t in result.ours if t.currency == "JPY")
    jpy_stripe = next(t for t in result.stripe if t.currency == "JPY")
    assert (jpy_ours.refunded_minor, jpy_stripe.refunded_minor) == (0, 1000)


def test_a_refund_made_at_stripe_behind_our_back_is_reported(kit: PayKit) -> None:
    eur = pay_in_three_currencies(kit)["EUR"]
    assert eur.stripe_payment_intent_id is not None
    refund = sandbox_client(kit.sandbox).v1.refunds.create(
        params={"payment_intent": eur.stripe_payment_intent_id, "amount": 700}
    )

    result = verify(kit)

    assert kinds(result) == [(eur.id, "refund_not_recorded")]
    assert result.differences[0].refund == refund.id
    assert result.differences[0].stripe == 700


def test_a_payment_intent_stripe_does_not_know_is_a_difference(kit: PayKit) -> None:
    usd = pay_in_three_currencies(kit)["USD"]
    point_at(kit, usd.id, "pi_unknown_to_stripe")

    result = verify(kit)

    assert kinds(result) == [(usd.id, "missing_at_stripe")]
    usd_stripe = next(t for t in result.stripe if t.currency == "USD")
    assert usd_stripe.paid_minor == 0
    assert result.checked == 3


def test_a_status_stripe_disagrees_with_is_reported(kit: PayKit) -> None:
    payments = pay_in_three_currencies(kit)
    usd = payments["USD"]
    paid_intent = kit.gateway.retrieve_payment_intent(str(usd.stripe_payment_intent_id))
    unconfirmed = sandbox_client(kit.sandbox).v1.payment_intents.create(
        params={
            "amount": usd.amount_minor,
            "currency": "usd",
            "metadata": dict(paid_intent.metadata),
        },
        options={"idempotency_key": f"ledger-test-unconfirmed-{usd.id}"},
    )
    point_at(kit, usd.id, unconfirmed.id)

    result = verify(kit)

    assert kinds(result) == [(usd.id, "status")]
    assert (result.differences[0].ours, result.differences[0].stripe) == (
        "succeeded",
        unconfirmed.status,
    )


def test_only_admins_verify_and_nothing_is_changed(kit: PayKit) -> None:
    pay_in_three_currencies(kit)
    before = {c: (p.amount_minor, p.refunded_minor) for c, p in paid_payments(kit).items()}
    for actor in (kit.world.student, kit.world.teacher):
        with pytest.raises(PermissionDenied):
            LedgerVerifier(kit.ctx, kit.gateway).verify(actor)
    verify(kit)
    assert {c: (p.amount_minor, p.refunded_minor) for c, p in paid_payments(kit).items()} == before


def test_stripe_unreachable_raises_instead_of_a_partial_report(kit: PayKit) -> None:
    pay_in_three_currencies(kit)
    with pytest.raises(ExternalServiceError, match="could not be reached"):
        LedgerVerifier(kit.ctx, dead_gateway()).verify(kit.world.admin)
