"""The needs-attention rules that read what the last ledger verification found
(``common.ledger_findings``), since the verification stores nothing in the database:

- ``ledger_differs``: a payment whose record here differs from Stripe's (unknown to Stripe,
  amount, currency, status, booking, or one of its refunds);
- ``stripe_refund_unrecorded``: a refund Stripe holds on a payment that we never recorded.

One row per payment (the first difference named, the count of the others); the bookings'
names come from one query by primary key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from linguaflex_desktop.models import SessionBooking
from linguaflex_desktop.services.common.ledger_findings import LedgerFinding, LedgerFindings
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.reports.attention.dto import AttentionRow, RuleId
from linguaflex_desktop.services.reports.attention.rules import Rule, row_of, with_booking
from linguaflex_desktop.texts import Text, tx

UNRECORDED = "refund_not_recorded"
FINDING_TEXT: dict[str, Text] = {
    "missing_at_stripe": tx("Stripe does not know its PaymentIntent"),
    "amount": tx("its amount differs"),
    "currency": tx("its currency differs"),
    "status": tx("its status differs"),
    "booking": tx("Stripe names another booking for it"),
    "refund_missing_at_stripe": tx("a refund held here is unknown to Stripe"),
    "refund_amount": tx("a refund's amount differs"),
    "refund_status": tx("a refund's status differs"),
    UNRECORDED: tx("Stripe holds a refund on it that was never recorded here"),
}


def ledger_rule(findings: LedgerFindings, rule: RuleId) -> Rule:
    """The rule ``rule`` ("ledger_differs" or "stripe_refund_unrecorded") over ``findings``."""

    def query(
        session: Session, now: datetime, subject_id: int | None, limit: int
    ) -> list[AttentionRow]:
        wanted = [
            finding
            for finding in findings.current()
            if (finding.kind == UNRECORDED) == (rule == "stripe_refund_unrecorded")
            and (subject_id is None or finding.payment_id == subject_id)
        ]
        by_payment: dict[int, list[LedgerFinding]] = {}
        for finding in wanted:
            by_payment.setdefault(finding.payment_id, []).append(finding)
        chosen = list(by_payment.items())[:limit]
        if not chosen:
            return []
        ids = {found[0].booking_id for _payment, found in chosen}
        bookings = {
            booking[0]: booking
            for booking in session.execute(with_booking().where(SessionBooking.id.in_(ids)))
        }
        none = (None,) * 6
        return [
            row_of(
                rule,
                payment_id,
                found[0].found_at,
                _problem(found),
                *bookings.get(found[0].booking_id, none),
            )
            for payment_id, found in chosen
        ]

    return query


def _problem(found: list[LedgerFinding]) -> str:
    """One sentence per variant (with or without a refund; no, one or more other
    differences), so that each can be translated whole."""
    first = found[0]
    values: dict[str, Any] = {
        "number": first.payment_id,
        "refund": first.refund or "",
        "finding": FINDING_TEXT.get(first.kind) or first.kind,
        "ours": _side(first, first.ours),
        "theirs": _side(first, first.stripe),
        "more": len(found) - 1,
    }
    if first.refund:
        if len(found) == 1:
            return tx(
                "The last check with Stripe found payment #{number} (refund {refund}) "
                "differing: {finding} (here {ours}, at Stripe {theirs}).",
                **values,
            )
        if len(found) == 2:
            return tx(
                "The last check with Stripe found payment #{number} (refund {refund}) "
                "differing: {finding} (here {ours}, at Stripe {theirs}) (1 more difference).",
                **values,
            )
        return tx(
            "The last check with Stripe found payment #{number} (refund {refund}) "
            "differing: {finding} (here {ours}, at Stripe {theirs}) ({more} more differences).",
            **values,
        )
    if len(found) == 1:
        return tx(
            "The last check with Stripe found payment #{number} differing: {finding} "
            "(here {ours}, at Stripe {theirs}).",
            **values,
        )
    if len(found) == 2:
        return tx(
            "The last check with Stripe found payment #{number} differing: {finding} "
            "(here {ours}, at Stripe {theirs}) (1 more difference).",
            **values,
        )
    return tx(
        "The last check with Stripe found payment #{number} differing: {finding} "
        "(here {ours}, at Stripe {theirs}) ({more} more differences).",
        **values,
    )


def _side(finding: LedgerFinding, value: int | str | None) -> str:
    if value is None:
        return tx("nothing")
    if isinstance(value, int):
        return tx("{amount}", amount=money(value, finding.currency))
    return value
