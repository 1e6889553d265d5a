"""``linguaflex demo-flow`` against the real localstripe: ends CONFIRMED/PAID with every
transition printed, a declining card ends FAILED with Stripe's message, it runs again and
again on the same data, live keys are refused; the CLI's exit codes and ``reconcile``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.cli import EXIT_FAILED, EXIT_OK, main
from linguaflex_desktop.demo.flow import DemoFlowResult, run_demo_flow
from linguaflex_desktop.errors import ConfigurationError
from linguaflex_desktop.models import BookingStatus, PaymentStatus, User
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.service import PaymentService

S, P = BookingStatus, PaymentStatus


class Demo:
    def __init__(self, ctx: ServiceContext, gateway: StripeGateway) -> None:
        self.ctx, self.gateway = ctx, gateway
        self.cards = CardService(ctx, gateway)
        self.payments = PaymentService(ctx, gateway)
        self.lines: list[str] = []

    def run(self, card: str = "pm_card_visa") -> DemoFlowResult:
        return run_demo_flow(
            self.ctx, self.gateway, self.cards, self.payments, card=card, emit=self.lines.append
        )

    def close(self) -> None:
        self.cards.close()
        self.payments.close()


@pytest.fixture
def demo(ctx: ServiceContext, stripe_gateway: StripeGateway) -> Iterator[Demo]:
    demo = Demo(ctx, stripe_gateway)
    yield demo
    demo.close()


def test_demo_flow_books_confirms_saves_a_card_pays_and_prints_each_transition(
    demo: Demo,
) -> None:
    result = demo.run()

    assert result.ok and (result.status, result.payment_status) == (S.CONFIRMED, P.PAID)
    transitions = [line.split(": ", 1)[1].split("  [")[0] for line in demo.lines if "->" in line]
    assert transitions == [
        "(new) -> PENDING/UNPAID",
        "PENDING/UNPAID -> CONFIRMED/UNPAID",
        "CONFIRMED/UNPAID -> CONFIRMED/PENDING",
        "CONFIRMED/PENDING -> CONFIRMED/PAID",
    ]
    assert any("Visa •••• 4242" in line for line in demo.lines)
    assert demo.lines[-1].endswith("Payment received: 31.50 USD.")


def test_demo_flow_with_a_declining_card_ends_failed_with_stripes_message(demo: Demo) -> None:
    result = demo.run("pm_card_chargeCustomerFail")

    assert not result.ok
    assert (result.status, result.payment_status) == (S.CONFIRMED, P.FAILED)
    assert result.message == "Your card was declined."
    assert "CONFIRMED/PENDING -> CONFIRMED/FAILED" in "\n".join(demo.lines)


def test_demo_flow_runs_again_and_again_each_time_on_the_next_free_slot(demo: Demo) -> None:
    results = [demo.run(), demo.run("pm_card_chargeCustomerFail"), demo.run()]

    assert [r.ok for r in results] == [True, False, True]
    assert len({r.booking_id for r in results}) == 3
    booked = [line for line in demo.lines if " books " in line]
    assert len(booked) == 3 and len(set(booked)) == 3
    with demo.ctx.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(User)) == 11  # seeded once


def test_demo_flow_refuses_live_keys_before_writing_anything(sqlite_ctx: ServiceContext) -> None:
    live = StripeGateway(secret_key="sk_live_not_real", publishable_key="pk_live_not_real")
    demo = Demo(sqlite_ctx, live)

    with pytest.raises(ConfigurationError, match="test keys"):
        demo.run()

    demo.close()
    with sqlite_ctx.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(User)) == 0


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stripe_sandbox: StripeSandbox) -> Path:
    """A fresh data folder on SQLite in sandbox mode (the sandbox is shared in-process)."""
    for name in ("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LINGUAFLEX_DATA_DIR", str(tmp_path))
    return tmp_path


def test_cli_demo_flow_exits_zero_when_paid_and_non_zero_when_declined(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paid = main(["demo-flow"])
    paid_out = capsys.readouterr().out
    declined = main(["demo-flow", "--card", "pm_card_chargeCustomerFail"])
    declined_out = capsys.readouterr().out

    assert paid == EXIT_OK and "CONFIRMED/PENDING -> CONFIRMED/PAID" in paid_out
    assert declined == EXIT_FAILED
    assert "CONFIRMED/FAILED — Your card was declined." in declined_out


def test_cli_reconcile_reports_what_it_checked(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["reconcile"])

    assert code == EXIT_OK
    assert "Checked 0 payment(s)" in capsys.readouterr().out
