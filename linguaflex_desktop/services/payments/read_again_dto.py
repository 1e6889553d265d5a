"""Frozen DTO of "Read again now": a Stripe object re-read by an admin (plain values only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RereadType = Literal["payment_intent", "refund"]


@dataclass(frozen=True)
class ReadAgainResult:
    """What reading a Stripe object again found: Stripe's status now, our record's status
    before and after, whether our records moved, and one sentence for the admin."""

    booking_id: int
    object_type: RereadType
    object_id: str
    stripe_status: str
    held_before: str
    held_after: str
    changed: bool
    message: str
