"""What ``linguaflex reconcile --verify`` and ``linguaflex stripe check`` print: plain text
on stdout, money with each currency's decimals (``services.common.pricing.format_money``)."""

from __future__ import annotations

from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.payments.stripe_dto import (
    CurrencyTotals,
    KeyCheckReport,
    LedgerVerification,
    difference_text,
)


def print_verification(result: LedgerVerification, *, sandboxed: bool) -> None:
    where = "the Stripe sandbox" if sandboxed else "Stripe"
    print(f"Compared {result.checked} paid payment(s) with {where}.")
    if result.differences:
        print(f"Differences ({len(result.differences)}):")
        for difference in result.differences:
            print(f"  {difference_text(difference)}")
    else:
        print("No differences: every payment and refund agrees with Stripe.")
    if result.ours:
        print("Totals per currency (paid / refunded / net):")
        stripe = {totals.currency: totals for totals in result.stripe}
        for ours in result.ours:
            theirs = stripe.get(ours.currency, CurrencyTotals(ours.currency))
            print(f"  {ours.currency} ours:   {_totals_text(ours)}")
            print(f"  {ours.currency} Stripe: {_totals_text(theirs)}")


def _totals_text(totals: CurrencyTotals) -> str:
    return " / ".join(
        format_money(value, totals.currency)
        for value in (totals.paid_minor, totals.refunded_minor, totals.net_minor)
    )


def print_key_check(report: KeyCheckReport) -> None:
    if report.sandbox:
        print("Payments run in the built-in sandbox (no Stripe keys configured).")
    for step in report.steps:
        print(f"  {'ok  ' if step.ok else 'FAIL'} {step.message}")
    if report.problem is None:
        print(f"Stripe keys OK ({report.mode} mode, API {report.api_version}).")
