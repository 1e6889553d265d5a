"""The Stripe objects of a booking's health timeline: each PaymentIntent, Refund, the student's
Stripe customer and card setups, with Stripe's id, its state as last read by us and when that
was recorded. Pure (reads the rows ``timeline_rows`` loaded), no I/O.
"""

from __future__ import annotations

from datetime import datetime

from linguaflex_desktop.models import Payment, PendingCardSetup, Refund, StripeCustomer
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.reports import timeline_words as words
from linguaflex_desktop.services.reports.timeline_dto import (
    StripeObjectType,
    StripeRef,
    TimelineEntry,
)
from linguaflex_desktop.services.reports.timeline_rows import TimelineRows
from linguaflex_desktop.texts import Text, tx


def _money(amount_minor: int, currency: str) -> Text:
    """An amount as a detail's value, written in the reader's locale by the UI."""
    return tx("{amount}", amount=money(amount_minor, currency))


def _read_details(state: str, last_read: datetime | None, zone: str) -> list[tuple[str, str]]:
    return [
        (tx("State as last read"), words.state_words(state)),
        (tx("Last read"), words.when(last_read, zone) if last_read else words.NOT_RECORDED),
    ]


def payment_entry(
    rows: TimelineRows, payment: Payment, student: str, last_read: datetime | None, zone: str
) -> TimelineEntry:
    state = payment.status.value
    details: list[tuple[str, str]] = [
        (tx("Amount"), _money(payment.amount_minor, payment.currency))
    ]
    details += _read_details(state, last_read or payment.succeeded_at, zone)
    card = rows.cards.get(payment.stripe_payment_method_id or "")
    if card is not None:
        brand = words.capitalised(card.brand)
        details.append((tx("Card"), tx("{brand} ending {last4}", brand=brand, last4=card.last4)))
    if payment.refunded_minor:
        details.append((tx("Refunded"), _money(payment.refunded_minor, payment.currency)))
    if payment.failure_message:
        details.append((tx("Problem"), payment.failure_message))
    ref = _rereadable("payment_intent", payment.stripe_payment_intent_id)
    title = _object_title(ref, state, unsent=tx("Payment attempt not created at Stripe"))
    return TimelineEntry(payment.created_at, "stripe_object", title, tuple(details), student, ref)


def refund_entry(
    refund: Refund, creator: str, last_read: datetime | None, zone: str
) -> TimelineEntry:
    state = refund.status.value
    details: list[tuple[str, str]] = [(tx("Amount"), _money(refund.amount_minor, refund.currency))]
    details += _read_details(state, last_read, zone)
    if refund.reason:
        details.append((tx("Reason"), refund.reason))
    ref = _rereadable("refund", refund.stripe_refund_id)
    title = _object_title(ref, state, unsent=tx("Refund not yet answered by Stripe"))
    return TimelineEntry(refund.created_at, "stripe_object", title, tuple(details), creator, ref)


def _rereadable(object_type: StripeObjectType, stripe_id: str | None) -> StripeRef | None:
    """A PaymentIntent or Refund Stripe knows (its id recorded): it can be read again."""
    return StripeRef(object_type, stripe_id, can_read_again=True) if stripe_id else None


def _object_title(ref: StripeRef | None, state: str, *, unsent: Text) -> str:
    """ "Stripe Refund re_123: succeeded"; ``unsent`` when Stripe never gave us its id."""
    if ref is None:
        return tx("{what}: {state}", what=unsent, state=words.state_words(state))
    return tx(
        "Stripe {object} {id}: {state}",
        object=ref.name,
        id=ref.object_id,
        state=words.state_words(state),
    )


def customer_entry(customer: StripeCustomer, student: str) -> TimelineEntry:
    return TimelineEntry(
        at=customer.created_at,
        kind="stripe_object",
        title=tx(
            "Stripe Customer {id} of {student}", id=customer.stripe_customer_id, student=student
        ),
        details=((tx("Student"), student),),
        actor=student,
        stripe=StripeRef("customer", customer.stripe_customer_id, can_read_again=False),
    )


def card_setup_entry(setup: PendingCardSetup, student: str, zone: str) -> TimelineEntry:
    state = words.state_words(setup.status)
    details: list[tuple[str, str]] = [(tx("State as last read"), state)]
    if setup.stripe_setup_intent_id:
        details.append(("SetupIntent", setup.stripe_setup_intent_id))
    if setup.failure_message:
        details.append((tx("Problem"), setup.failure_message))
    session_id = setup.stripe_checkout_session_id
    title = (
        tx("Card setup {id}: {state}", id=session_id, state=state)
        if session_id
        else tx("Card setup not created at Stripe: {state}", state=state)
    )
    return TimelineEntry(
        at=setup.created_at,
        kind="stripe_object",
        title=title,
        details=tuple(details),
        actor=student,
        stripe=StripeRef("checkout_session", session_id, False) if session_id else None,
    )
