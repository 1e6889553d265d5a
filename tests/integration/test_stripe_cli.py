"""``linguaflex reconcile --verify`` and ``linguaflex stripe check`` in-process against the
real localstripe (the CLI's sandbox shares the test run's), on SQLite and Postgres: exit
codes, the printed report, one line and no traceback when Stripe is unreachable; and
``demo-flow`` refusing live keys at the command line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linguaflex_desktop import cli
from linguaflex_desktop.adapters.stripe import gateway as gateway_module
from linguaflex_desktop.adapters.stripe import keys as keys_module
from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.cli import main
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.key_check_helpers import SandboxCheckoutSpy
from tests.integration.ledger_helpers import change_our_amount, pay_in_three_currencies
from tests.integration.payment_helpers import PayKit, closed_port, dead_gateway, kit_fixture


def said(err: str) -> list[str]:
    """The lines the command wrote for the user (stderr also carries the log's warnings)."""
    return [line for line in err.splitlines() if line.startswith("linguaflex: ")]


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(ctx, stripe_gateway, stripe_sandbox)


@pytest.fixture
def args(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> list[str]:
    """The CLI on the test's database, in sandbox mode, with a fresh data folder."""
    for name in ("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return ["--data-dir", str(tmp_path), "--database-url", database_url]


def test_verify_exits_zero_and_prints_the_totals_when_all_agree(
    kit: PayKit, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    pay_in_three_currencies(kit)

    code = main([*args, "reconcile", "--verify"])

    out = capsys.readouterr().out
    assert code == cli.EXIT_OK
    assert "Compared 3 paid payment(s) with the Stripe sandbox." in out
    assert "No differences" in out
    assert "  JPY ours:   6,300 JPY / 0 JPY / 6,300 JPY" in out
    assert "  USD Stripe: 52.50 USD / 0.00 USD / 52.50 USD" in out


def test_verify_exits_with_its_own_code_and_lists_each_difference(
    kit: PayKit, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    usd = pay_in_three_currencies(kit)["USD"]
    change_our_amount(kit, usd.id, by=-50)

    code = main([*args, "reconcile", "--verify"])

    captured = capsys.readouterr()
    assert code == cli.EXIT_LEDGER_DIFFERS
    assert code not in {c for _, c in cli.EXIT_CODES if _ is not cli.LedgerDiffers}
    assert f"payment {usd.id}, booking #{usd.booking_id}" in captured.out
    assert "Amount differs: ours 52.00 USD, Stripe 52.50 USD" in captured.out
    assert "  USD ours:   52.00 USD / 0.00 USD / 52.00 USD" in captured.out
    assert said(captured.err) == ["linguaflex: 1 difference(s) between the ledger and Stripe."]


def test_verify_with_stripe_unreachable_is_one_line_and_the_failed_code(
    kit: PayKit,
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pay_in_three_currencies(kit)
    monkeypatch.setattr(
        gateway_module, "open_payments_gateway", lambda settings: (dead_gateway(), None)
    )

    code = main([*args, "reconcile", "--verify"])

    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert captured.out == ""
    (line,) = said(captured.err)
    assert "could not be reached" in line and "Traceback" not in captured.err


def test_stripe_check_passes_with_the_sandbox_pair(
    stripe_sandbox: StripeSandbox,
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stand_in = SandboxCheckoutSpy(stripe_sandbox)
    handle = StripeSandbox(tmp_path / "second-handle")  # the CLI stops its handle on exit
    monkeypatch.setattr(
        gateway_module, "open_payments_gateway", lambda settings: (stand_in, handle)
    )
    handle.start()

    code = main([*args, "stripe", "check"])

    out = capsys.readouterr().out
    assert code == cli.EXIT_OK, out
    assert "Stripe keys OK (test mode, API " in out
    assert f"API {gateway_module.STRIPE_API_VERSION})" in out
    assert "Both keys belong to account acct_" in out
    (session,) = stand_in.sessions.values()
    assert session.status == "expired"


def test_stripe_check_refuses_keys_of_two_modes_before_any_request(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_live_not_real")
    monkeypatch.setenv("STRIPE_PUBLISHABLE_KEY", "pk_test_not_real")

    def no_request(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("no request may be made")

    monkeypatch.setattr(keys_module, "StripeKeyProbe", no_request)

    code = main([*args, "stripe", "check"])

    captured = capsys.readouterr()
    assert code == cli.EXIT_STRIPE_CHECK_FAILED
    (line,) = said(captured.err)
    assert "secret key: live, publishable key: test" in line


def test_stripe_check_with_stripe_unreachable_is_the_failed_code(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dead = dead_gateway()
    base = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_dead")
    monkeypatch.setenv("STRIPE_PUBLISHABLE_KEY", "pk_test_dead")
    monkeypatch.setattr(gateway_module, "open_payments_gateway", lambda settings: (dead, None))
    real_probe = keys_module.StripeKeyProbe
    monkeypatch.setattr(
        keys_module,
        "StripeKeyProbe",
        lambda **kw: real_probe(**{**kw, "api_base": base, "max_network_retries": 0}),
    )

    code = main([*args, "stripe", "check"])

    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "Stripe could not be reached" in captured.err
    assert "Traceback" not in captured.err


def test_demo_flow_refuses_live_keys_at_the_command_line(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_live_not_real")
    monkeypatch.setenv("STRIPE_PUBLISHABLE_KEY", "pk_live_not_real")

    code = main([*args, "demo-flow"])

    assert code == cli.EXIT_CONFIGURATION
    assert "test keys" in capsys.readouterr().err
