"""Saved-card rows: the queries and writes of CardService, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.stripe.types import CardInfo
from linguaflex_desktop.errors import NotFound, PermissionDenied
from linguaflex_desktop.models import Gig, PendingCardSetup, SavedCard, SessionBooking, User
from linguaflex_desktop.services.cards.dto import SavedCardDTO
from linguaflex_desktop.texts import tx


def lock_cards_of(session: Session, user_id: int) -> None:
    """Serialise changes to one student's cards: lock the student's users row (Postgres
    SELECT ... FOR UPDATE; SQLite's write transaction already holds the database lock). Call it
    before reading any card the change depends on, so the reads see the previous change."""
    session.execute(select(User.id).where(User.id == user_id).with_for_update())


def cards_of(session: Session, user_id: int) -> tuple[SavedCardDTO, ...]:
    rows = session.scalars(
        select(SavedCard)
        .where(SavedCard.user_id == user_id)
        .order_by(SavedCard.is_default.desc(), SavedCard.created_at.desc(), SavedCard.id.desc())
    )
    return tuple(SavedCardDTO.from_model(row) for row in rows)


def own_card(session: Session, user_id: int, card_id: int) -> SavedCard:
    card = session.get(SavedCard, card_id)
    if card is None or card.user_id != user_id:
        raise NotFound(tx("That card is not among your saved cards."))
    return card


def clear_default(session: Session, user_id: int) -> None:
    # A statement of its own, flushed before the new default is set: the partial unique
    # index allows only one default per user at any moment.
    session.execute(
        update(SavedCard)
        .where(SavedCard.user_id == user_id, SavedCard.is_default)
        .values(is_default=False)
        .execution_options(synchronize_session="fetch")
    )


def promote_newest(session: Session, user_id: int) -> None:
    newest = session.scalar(
        select(SavedCard)
        .where(SavedCard.user_id == user_id)
        .order_by(SavedCard.created_at.desc(), SavedCard.id.desc())
        .limit(1)
    )
    if newest is not None:
        newest.is_default = True


def store_card(
    session: Session, user_id: int, card: CardInfo, now: datetime
) -> tuple[SavedCard, bool]:
    """The row for ``card`` (inserted if new; the user's first card becomes the default) and
    whether it was inserted. A concurrent insert surfaces as IntegrityError at flush."""
    row = session.scalar(select(SavedCard).where(SavedCard.stripe_payment_method_id == card.id))
    if row is not None:
        if row.user_id != user_id:
            raise PermissionDenied(tx("That card belongs to another account."))
        return row, False
    has_default = session.scalar(
        select(SavedCard.id).where(SavedCard.user_id == user_id, SavedCard.is_default)
    )
    row = SavedCard(
        user_id=user_id,
        stripe_payment_method_id=card.id,
        brand=card.brand,
        last4=card.last4,
        exp_month=card.exp_month,
        exp_year=card.exp_year,
        is_default=has_default is None,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row, True


DEFAULT_SETUP_CURRENCY = "usd"


def setup_currency(session: Session, user_id: int) -> str:
    """The currency a new card is set up in (Checkout needs one in setup mode): the
    student's latest booking's, else the one most of the school's active gigs use."""
    latest = session.scalar(
        select(SessionBooking.currency)
        .where(SessionBooking.student_id == user_id)
        .order_by(SessionBooking.created_at.desc(), SessionBooking.id.desc())
        .limit(1)
    )
    if latest:
        return latest.lower()
    usual = session.scalar(
        select(Gig.currency)
        .where(Gig.is_active)
        .group_by(Gig.currency)
        .order_by(func.count().desc(), Gig.currency)
        .limit(1)
    )
    return (usual or DEFAULT_SETUP_CURRENCY).lower()


def abandon_unsent_setups(session: Session, user_id: int, status: str) -> None:
    """Close the student's setups whose Checkout Session was never recorded (the app
    stopped while creating it): nobody has their page, and such a session expires unused."""
    session.execute(
        update(PendingCardSetup)
        .where(
            PendingCardSetup.user_id == user_id,
            PendingCardSetup.status == "open",
            PendingCardSetup.stripe_checkout_session_id.is_(None),
        )
        .values(status=status)
    )


def set_setup_status(
    session: Session,
    checkout_session_id: str,
    status: str,
    message: str | None,
    *,
    user_id: int | None = None,
    only_from: str | None = None,
    setup_intent_id: str | None = None,
) -> None:
    """Move a PendingCardSetup (found by its Checkout Session) to ``status`` (optionally
    only the user's, only from a state), recording the SetupIntent when given."""
    statement = update(PendingCardSetup).where(
        PendingCardSetup.stripe_checkout_session_id == checkout_session_id
    )
    if user_id is not None:
        statement = statement.where(PendingCardSetup.user_id == user_id)
    if only_from is not None:
        statement = statement.where(PendingCardSetup.status == only_from)
    values: dict[str, str | None] = {"status": status, "failure_message": message}
    if setup_intent_id is not None:
        values["stripe_setup_intent_id"] = setup_intent_id
    session.execute(statement.values(**values))
