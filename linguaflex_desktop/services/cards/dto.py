"""Frozen DTOs of the saved-card use cases (returned to the UI, never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from linguaflex_desktop.texts import tx

if TYPE_CHECKING:
    # ORM classes only as the type of from_model's argument: none is imported at run time.
    from linguaflex_desktop.models import SavedCard

SetupState = Literal["waiting", "succeeded", "failed", "canceled", "expired"]


@dataclass(frozen=True)
class SavedCardDTO:
    id: int
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    is_default: bool
    created_at: datetime

    @property
    def label(self) -> str:
        """E.g. "Visa •••• 4242, expires 12/2030"."""
        brand = self.brand.replace("_", " ").title()
        return tx(
            "{brand} •••• {last4}, expires {month}/{year}",
            brand=brand,
            last4=self.last4,
            month=f"{self.exp_month:02d}",
            year=self.exp_year,
        )

    @classmethod
    def from_model(cls, card: SavedCard) -> SavedCardDTO:
        return cls(
            id=card.id,
            brand=card.brand,
            last4=card.last4,
            exp_month=card.exp_month,
            exp_year=card.exp_year,
            is_default=card.is_default,
            created_at=card.created_at,
        )


@dataclass(frozen=True)
class CardSetupHandoff:
    """Open ``url`` (Stripe's hosted card page) in the system browser; follow
    ``checkout_session_id`` with the poller."""

    url: str
    checkout_session_id: str


@dataclass(frozen=True)
class CardSetupOutcome:
    """Where a card setup stands. ``message`` is written for the user."""

    state: SetupState
    card: SavedCardDTO | None
    message: str

    @property
    def finished(self) -> bool:
        return self.state != "waiting"
