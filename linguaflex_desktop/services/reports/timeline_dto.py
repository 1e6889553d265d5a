"""Frozen DTOs of the booking health timeline: plain values only (instants aware UTC, every
other value already in words)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from linguaflex_desktop.texts import Text, tx

# What an entry is about: the booking's own status, its payment status, a payment attempt or
# refund as we recorded it, a Stripe object, the meeting, a notification, a message between
# the parties, an outbox job, or any
# other audited action on one of them (e.g. an admin re-reading Stripe, a job retried).
TimelineKind = Literal[
    "status",
    "payment_status",
    "payment",
    "refund",
    "stripe_object",
    "meeting",
    "notification",
    "message",
    "job",
    "audit",
]
StripeObjectType = Literal["payment_intent", "refund", "checkout_session", "customer"]

SYSTEM_ACTOR = tx("System")

STRIPE_OBJECT_NAMES: dict[StripeObjectType, Text] = {
    "payment_intent": tx("PaymentIntent"),
    "refund": tx("Refund"),
    "checkout_session": tx("Card setup (Checkout Session)"),
    "customer": tx("Customer"),
}


@dataclass(frozen=True)
class StripeRef:
    """A Stripe object an entry stands for: its type, Stripe's id, and whether an admin may
    read it again now (``PaymentIntent`` and ``Refund``: "Read again now")."""

    object_type: StripeObjectType
    object_id: str
    can_read_again: bool

    @property
    def name(self) -> str:
        return STRIPE_OBJECT_NAMES[self.object_type]


@dataclass(frozen=True)
class TimelineEntry:
    """One event of the booking: when (aware UTC), what kind, a one-line title in words,
    (label, value) details in words, who did it (a name, or ``SYSTEM_ACTOR``) and, when the
    entry is a Stripe object, which one."""

    at: datetime
    kind: TimelineKind
    title: str
    details: tuple[tuple[str, str], ...] = ()
    actor: str = SYSTEM_ACTOR
    stripe: StripeRef | None = None

    def detail(self, label: str) -> str | None:
        """The value of the detail ``label``, or None when the entry has none."""
        return next((value for name, value in self.details if name == label), None)


@dataclass(frozen=True)
class BookingTimeline:
    """Every event of one booking, oldest first; ``heading`` names the booking in words and
    ``zone`` is the zone the details' times are written in (the admin's)."""

    booking_id: int
    heading: str
    zone: str
    entries: tuple[TimelineEntry, ...]
