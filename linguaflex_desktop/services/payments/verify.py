"""Ledger verification: every payment we hold as paid (partly refunded or not) re-read at Stripe.

``linguaflex reconcile --verify`` and the admin's "Verify with Stripe" ask this. It changes
nothing, here or at Stripe: it reads our succeeded payments and their refunds in one short
read transaction, then, outside any transaction, asks Stripe for each PaymentIntent (with its
charge) and its refunds, and reports every difference (``stripe_dto.LedgerDifference``):

- the PaymentIntent unknown to Stripe (404);
- its amount, currency or status (ours is "succeeded") differing, or its ``booking_id``
  metadata (which ``PaymentService`` sends) naming another booking;
- refunds, matched by Stripe's refund id (or, for one of ours that never got Stripe's id,
  by the ``refund_id`` metadata we send): one at Stripe we do not hold, one we hold that
  Stripe does not, amounts or statuses differing. Our ``creating`` refunds that Stripe does
  not hold are not differences: they never reached Stripe (reconcile resumes them).

Totals per currency on both sides: paid (the payments, at Stripe only those that
succeeded there), refunded (refunds pending, needing action or succeeded) and net.

Stripe unreachable (or refusing the read) raises ``ExternalServiceError``: a partial report
would read as "all agree". ``on_progress(done, total)`` is called after each payment (on
the calling thread) and ``should_cancel()`` is asked before each: a cancelled run returns
what it compared so far with ``cancelled`` set.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.errors import StripeObjectMissing
from linguaflex_desktop.adapters.stripe.gateway import (
    PaymentIntentInfo,
    PaymentsGateway,
    RefundInfo,
)
from linguaflex_desktop.models import Payment, PaymentAttemptStatus, Refund, Role
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.ledger_findings import LedgerFinding, LedgerFindings
from linguaflex_desktop.services.payments.refund_recovery import METADATA_KEY
from linguaflex_desktop.services.payments.stripe_dto import (
    CurrencyTotals,
    DifferenceKind,
    LedgerDifference,
    LedgerVerification,
)

log = logging.getLogger(__name__)

COUNTED = frozenset({"pending", "requires_action", "succeeded"})  # refunds that move money
NOT_SENT = "creating"


@dataclass(frozen=True)
class _HeldRefund:
    id: int
    stripe_refund_id: str | None
    amount_minor: int
    status: str


@dataclass(frozen=True)
class _Held:
    payment_id: int
    booking_id: int
    payment_intent_id: str
    amount_minor: int
    currency: str
    refunds: tuple[_HeldRefund, ...]


class LedgerVerifier:
    """Compares our ledger with Stripe (module docstring). Thread-safe; blocks on Stripe:
    call it from a worker thread."""

    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        findings: LedgerFindings | None = None,
    ) -> None:
        self._ctx = ctx
        self._gateway = gateway
        self._findings = findings

    def verify(
        self,
        actor: Actor | None,
        *,
        on_progress: Callable[[int, int], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> LedgerVerification:
        """Compare every paid payment with Stripe. ``actor`` None is the system (the CLI);
        otherwise an admin (PermissionDenied else)."""
        held = self._held(actor)
        differences: list[LedgerDifference] = []
        ours: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        theirs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        checked = 0
        for payment in held:
            if should_cancel is not None and should_cancel():
                log.info("ledger verification cancelled after %s payment(s)", checked)
                return _result(checked, differences, ours, theirs, cancelled=True)
            differences.extend(self._compare(payment, ours, theirs))
            checked += 1
            if on_progress is not None:
                on_progress(checked, len(held))
        log.info("ledger verified: %s payment(s), %s difference(s)", checked, len(differences))
        if self._findings is not None:
            self._findings.replace_all(self._as_findings(differences))
        return _result(checked, differences, ours, theirs)

    def verify_payment(self, payment_id: int) -> tuple[LedgerDifference, ...]:
        """Compare one payment with Stripe again (the caller has checked who asks) and keep
        what is found in place of what the last verification found for it; a payment no
        longer held as paid has nothing to compare."""
        differences: list[LedgerDifference] = []
        for held in self._held(None, payment_id=payment_id):
            differences.extend(
                self._compare(held, defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0]))
            )
        if self._findings is not None:
            self._findings.replace_payment(payment_id, self._as_findings(differences))
        return tuple(differences)

    def _as_findings(self, differences: Iterable[LedgerDifference]) -> list[LedgerFinding]:
        now = self._ctx.now()
        return [
            LedgerFinding(
                d.payment_id,
                d.booking_id,
                d.payment_intent_id,
                d.kind,
                d.currency,
                d.ours,
                d.stripe,
                d.refund,
                now,
            )
            for d in differences
        ]

    def _held(self, actor: Actor | None, *, payment_id: int | None = None) -> list[_Held]:
        with self._ctx.unit_of_work(write=False) as uow:
            if actor is not None:
                load_acting_user(uow.session, actor, Role.ADMIN)
            query = select(Payment).where(
                Payment.status == PaymentAttemptStatus.SUCCEEDED,
                Payment.stripe_payment_intent_id.is_not(None),
            )
            if payment_id is not None:
                query = query.where(Payment.id == payment_id)
            payments = uow.session.scalars(query.order_by(Payment.id)).all()
            refunds: dict[int, list[_HeldRefund]] = defaultdict(list)
            refund_query = (
                select(Refund)
                .join(Payment, Payment.id == Refund.payment_id)
                .where(Payment.status == PaymentAttemptStatus.SUCCEEDED)
            )
            if payment_id is not None:
                refund_query = refund_query.where(Refund.payment_id == payment_id)
            for refund in uow.session.scalars(refund_query.order_by(Refund.id)):
                refunds[refund.payment_id].append(
                    _HeldRefund(
                        refund.id,
                        refund.stripe_refund_id,
                        refund.amount_minor,
                        str(refund.status.value),
                    )
                )
            return [
                _Held(
                    payment_id=p.id,
                    booking_id=p.booking_id,
                    payment_intent_id=str(p.stripe_payment_intent_id),
                    amount_minor=p.amount_minor,
                    currency=p.currency.upper(),
                    refunds=tuple(refunds.get(p.id, ())),
                )
                for p in payments
            ]

    def _compare(
        self, held: _Held, ours: dict[str, list[int]], theirs: dict[str, list[int]]
    ) -> list[LedgerDifference]:
        ours[held.currency][0] += held.amount_minor
        ours[held.currency][1] += sum(r.amount_minor for r in held.refunds if r.status in COUNTED)

        def diff(
            kind: DifferenceKind,
            mine: int | str | None,
            stripe: int | str | None,
            refund: str | None = None,
        ) -> LedgerDifference:
            return LedgerDifference(
                held.payment_id,
                held.booking_id,
                held.payment_intent_id,
                kind,
                held.currency,
                mine,
                stripe,
                refund,
            )

        try:
            info = self._gateway.retrieve_payment_intent(held.payment_intent_id)
        except StripeObjectMissing:
            return [diff("missing_at_stripe", "succeeded", None)]
        # Without a charge there is nothing to refund (and nothing to list).
        at_stripe = (
            self._gateway.list_refunds(held.payment_intent_id) if info.latest_charge_id else ()
        )
        currency = info.currency.upper()
        if info.status == "succeeded":
            theirs[currency][0] += info.amount
        theirs[currency][1] += sum(r.amount for r in at_stripe if r.status in COUNTED)
        found = list(_intent_differences(held, info, diff))
        found.extend(_refund_differences(held, at_stripe, diff))
        return found


def _intent_differences(
    held: _Held, info: PaymentIntentInfo, diff: Callable[..., LedgerDifference]
) -> Iterable[LedgerDifference]:
    if info.amount != held.amount_minor:
        yield diff("amount", held.amount_minor, info.amount)
    if info.currency.upper() != held.currency:
        yield diff("currency", held.currency, info.currency.upper())
    if info.status != "succeeded":
        yield diff("status", "succeeded", info.status)
    named = info.metadata.get("booking_id")
    if named != str(held.booking_id):
        yield diff("booking", f"#{held.booking_id}", f"#{named}" if named else None)


def _refund_differences(
    held: _Held, at_stripe: tuple[RefundInfo, ...], diff: Callable[..., LedgerDifference]
) -> Iterable[LedgerDifference]:
    by_stripe_id = {r.stripe_refund_id: r for r in held.refunds if r.stripe_refund_id}
    unsent = {str(r.id): r for r in held.refunds if not r.stripe_refund_id}
    seen: set[int] = set()
    for theirs in at_stripe:
        mine = by_stripe_id.get(theirs.id) or unsent.get(theirs.metadata.get(METADATA_KEY, ""))
        if mine is None:
            yield diff("refund_not_recorded", None, theirs.amount, theirs.id)
            continue
        seen.add(mine.id)
        if mine.amount_minor != theirs.amount:
            yield diff("refund_amount", mine.amount_minor, theirs.amount, theirs.id)
        if mine.status != theirs.status:
            yield diff("refund_status", mine.status, theirs.status, theirs.id)
    for mine in held.refunds:
        if mine.id in seen or (mine.stripe_refund_id is None and mine.status == NOT_SENT):
            continue
        if mine.stripe_refund_id is None and mine.status not in COUNTED:
            continue  # refused before Stripe made anything: nothing to find there
        name = mine.stripe_refund_id or f"#{mine.id}"
        yield diff("refund_missing_at_stripe", mine.amount_minor, None, name)


def _result(
    checked: int,
    differences: list[LedgerDifference],
    ours: dict[str, list[int]],
    theirs: dict[str, list[int]],
    *,
    cancelled: bool = False,
) -> LedgerVerification:
    def totals(side: dict[str, list[int]]) -> tuple[CurrencyTotals, ...]:
        currencies = sorted(set(ours) | set(theirs))
        return tuple(CurrencyTotals(c, side[c][0], side[c][1]) for c in currencies)

    return LedgerVerification(
        checked=checked,
        differences=tuple(differences),
        ours=totals(ours),
        stripe=totals(theirs),
        cancelled=cancelled,
    )
