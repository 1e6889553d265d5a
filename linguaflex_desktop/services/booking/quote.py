"""The price a student sees before requesting a session.

The UI never computes amounts: it asks ``quote_booking`` and shows the answer. The same
``pricing.quote`` is applied when the booking is requested, so the quote and the snapshotted
price agree as long as the gig's rate does not change in between. Called on worker threads.
"""

from __future__ import annotations

from linguaflex_desktop.errors import NotFound
from linguaflex_desktop.models import Gig
from linguaflex_desktop.services.booking.availability import check_duration, check_gig_bookable
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.pricing import Price, quote
from linguaflex_desktop.services.common.validation import check_id
from linguaflex_desktop.texts import tx


class BookingQuoteService:
    """Quotes for gigs. Thread-safe: one read-only Session per call."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def quote_booking(self, actor: Actor, gig_id: int, *, duration_minutes: int) -> Price:
        """Base, platform fee and total of ``duration_minutes`` of this gig at its current
        rate. ValidationError for a duration the gig does not offer or a gig that cannot be
        booked; NotFound for an unknown gig."""
        gig_id = check_id(gig_id, what=tx("gig"))
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor)
            gig = uow.session.get(Gig, gig_id)
            if gig is None:
                raise NotFound(tx("That gig does not exist."))
            check_gig_bookable(gig)
            check_duration(gig, duration_minutes)
            return quote(
                hourly_rate_minor=gig.hourly_rate_minor,
                duration_minutes=duration_minutes,
                currency=gig.currency,
            )
