"""Frozen results of the two checks against Stripe: the ledger verification (our payments and
refunds re-read at Stripe) and the key check (the configured keys, their mode and account).

Money is an int of minor units plus an upper-case ISO currency code. Plain values only: the
UI and the CLI import this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from linguaflex_desktop.services.common.pricing import format_money, money
from linguaflex_desktop.texts import Amount, tx

DifferenceKind = Literal[
    "missing_at_stripe",  # Stripe does not know the PaymentIntent (404)
    "amount",
    "currency",
    "status",
    "booking",  # the PaymentIntent's metadata names another booking
    "refund_not_recorded",  # a refund Stripe holds that we do not
    "refund_missing_at_stripe",  # a refund we hold that Stripe does not
    "refund_amount",
    "refund_status",
]
DIFFERENCE_TEXT: dict[DifferenceKind, str] = {
    "missing_at_stripe": tx("Payment unknown to Stripe"),
    "amount": tx("Amount differs"),
    "currency": tx("Currency differs"),
    "status": tx("Status differs"),
    "booking": tx("Booking differs"),
    "refund_not_recorded": tx("Refund at Stripe not recorded here"),
    "refund_missing_at_stripe": tx("Refund unknown to Stripe"),
    "refund_amount": tx("Refund amount differs"),
    "refund_status": tx("Refund status differs"),
}
# the same, inside a sentence (after a colon)
DIFFERENCE_IN_SENTENCE: dict[DifferenceKind, str] = {
    "missing_at_stripe": tx("payment unknown to Stripe"),
    "amount": tx("amount differs"),
    "currency": tx("currency differs"),
    "status": tx("status differs"),
    "booking": tx("booking differs"),
    "refund_not_recorded": tx("refund at Stripe not recorded here"),
    "refund_missing_at_stripe": tx("refund unknown to Stripe"),
    "refund_amount": tx("refund amount differs"),
    "refund_status": tx("refund status differs"),
}


@dataclass(frozen=True)
class LedgerDifference:
    """One disagreement. ``ours`` / ``stripe`` are minor units (ints, in ``currency``, ours)
    for amounts, else text; None where a side has nothing. ``refund`` names the
    refund (Stripe's id, or ours as ``#id`` before Stripe gave one)."""

    payment_id: int
    booking_id: int
    payment_intent_id: str
    kind: DifferenceKind
    currency: str
    ours: int | str | None
    stripe: int | str | None
    refund: str | None = None


def value_text(difference: LedgerDifference, value: int | str | None) -> str:
    """One side of a difference for people: money with the currency's decimals, a dash
    when that side has nothing."""
    if value is None:
        return "—"
    if isinstance(value, int):  # amounts are the only numbers
        return format_money(value, difference.currency)
    return str(value)


def value_param(difference: LedgerDifference, value: int | str | None) -> Amount | str:
    """``value_text`` for a sentence made with ``tx``: amounts as ``Amount``."""
    if isinstance(value, int):
        return money(value, difference.currency)
    return value_text(difference, value)


def difference_text(difference: LedgerDifference) -> str:
    """The whole difference in one line (the CLI's report)."""
    what = DIFFERENCE_TEXT[difference.kind]
    if difference.refund:
        what += f" ({difference.refund})"
    return (
        f"payment {difference.payment_id}, booking #{difference.booking_id}, "
        f"{difference.payment_intent_id}: {what}: ours {value_text(difference, difference.ours)}"
        f", Stripe {value_text(difference, difference.stripe)}"
    )


@dataclass(frozen=True)
class CurrencyTotals:
    """One side's totals in one currency: paid, refunded (refunds not failed or cancelled)
    and net = paid - refunded, all in minor units."""

    currency: str
    paid_minor: int = 0
    refunded_minor: int = 0

    @property
    def net_minor(self) -> int:
        return self.paid_minor - self.refunded_minor


@dataclass(frozen=True)
class LedgerVerification:
    """The outcome of ``LedgerVerifier.verify``: how many payments were compared, every
    difference, and both sides' totals per currency (sorted by currency)."""

    checked: int
    differences: tuple[LedgerDifference, ...]
    ours: tuple[CurrencyTotals, ...]
    stripe: tuple[CurrencyTotals, ...]
    cancelled: bool = False

    @property
    def agrees(self) -> bool:
        return not self.differences and not self.cancelled and self.ours == self.stripe


CheckName = Literal["keys", "account", "api_version", "checkout"]


@dataclass(frozen=True)
class KeyCheckStep:
    """One step of the key check; ``message`` is one line for the user (what to fix when
    ``ok`` is False)."""

    name: CheckName
    ok: bool
    message: str


ProblemKind = Literal[
    "missing_key",
    "wrong_key",
    "mixed_modes",
    "two_accounts",
    "revoked",
    "permission",
    "unreachable",
    "refused",
]


@dataclass(frozen=True)
class KeyCheckReport:
    """The outcome of ``StripeKeyCheck.check``. ``problem`` names the first failure (None
    when all passed); ``mode`` is "test" or "live" once the keys are known to be a pair."""

    steps: tuple[KeyCheckStep, ...]
    problem: ProblemKind | None
    mode: str | None
    sandbox: bool
    api_version: str
    account_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None
