"""What the needs-attention list carries: plain values only (no ORM class).

A row names its rule (``AttentionRule``: a stable id, a plain-language name, what its fix
does), the record the fix acts on (``subject_id``: a booking, payment, job or refund, by
``AttentionRule.subject``), the booking concerned when there is one, since when the rule
holds, and one sentence saying what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus
from linguaflex_desktop.texts import tx

RuleId = Literal[
    "meeting_missing",
    "payment_overdue",
    "payment_stuck",
    "job_dead",
    "stripe_disagrees",
    "refund_unattributed",
    "ledger_differs",
    "stripe_refund_unrecorded",
]
Subject = Literal["booking", "payment", "outbox_job", "refund"]


@dataclass(frozen=True)
class AttentionRule:
    """One thing that can be wrong, and what its fix does."""

    id: RuleId
    name: str
    subject: Subject
    fix_label: str
    fix_text: str


RULES: dict[RuleId, AttentionRule] = {
    rule.id: rule
    for rule in (
        AttentionRule(
            "meeting_missing",
            tx("Paid, no meeting"),
            "booking",
            tx("Retry meeting"),
            tx("Queue the meeting's creation again, due now."),
        ),
        AttentionRule(
            "payment_overdue",
            tx("Unpaid past its deadline"),
            "booking",
            tx("Run due transitions"),
            tx("Apply what is due to this booking now (an unpaid one is cancelled)."),
        ),
        AttentionRule(
            "payment_stuck",
            tx("Payment pending too long"),
            "payment",
            tx("Re-read from Stripe"),
            tx("Ask Stripe where the payment stands and record it."),
        ),
        AttentionRule(
            "job_dead",
            tx("Background job gave up"),
            "outbox_job",
            tx("Retry job"),
            tx("Queue the job again with fresh attempts."),
        ),
        AttentionRule(
            "stripe_disagrees",
            tx("Stripe disagrees"),
            "payment",
            tx("Re-read and refund"),
            tx("Re-read the payment at Stripe and return the money the closed booking holds."),
        ),
        AttentionRule(
            "refund_unattributed",
            tx("Refund at Stripe not ours"),
            "refund",
            tx("Re-read from Stripe"),
            tx("List the payment's refunds at Stripe again and record ours when it can be told."),
        ),
        AttentionRule(
            "ledger_differs",
            tx("Differs from Stripe"),
            "payment",
            tx("Re-read from Stripe"),
            tx("Compare the payment with Stripe again, settling its refunds Stripe has finished."),
        ),
        AttentionRule(
            "stripe_refund_unrecorded",
            tx("Refund at Stripe not recorded"),
            "payment",
            tx("Re-read from Stripe"),
            tx(
                "Compare the payment with Stripe again; a refund made in the Stripe Dashboard "
                "stays listed until it is recorded or cancelled there."
            ),
        ),
    )
}


@dataclass(frozen=True)
class AttentionRow:
    """One thing wrong. The booking fields are None for a job tied to no booking."""

    rule: AttentionRule
    subject_id: int
    since: datetime
    problem: str
    booking_id: int | None = None
    student_name: str | None = None
    teacher_name: str | None = None
    start_at: datetime | None = None
    status: BookingStatus | None = None
    payment_status: PaymentStatus | None = None

    @property
    def key(self) -> tuple[RuleId, int]:
        """What ``AttentionService.fix`` takes: the rule and the record it acts on."""
        return self.rule.id, self.subject_id


@dataclass(frozen=True)
class AttentionList:
    """The rows, rule by rule in the order of ``RULES``, oldest first within a rule.
    ``truncated``: a rule had more than the per-rule limit (the rest shows once these are
    fixed)."""

    rows: tuple[AttentionRow, ...]
    truncated: bool = False

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class FixOutcome:
    """What a fix did: ``resolved`` when the rule no longer holds for the record."""

    rule_id: RuleId
    subject_id: int
    resolved: bool
    message: str
