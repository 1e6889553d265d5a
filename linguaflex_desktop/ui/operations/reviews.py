"""Review operations: list a teacher's reviews (or, for admins, everyone's) and their rating
summary, rate a completed session, answer a review, hide one (admin). The lambdas run on a
pool thread and touch no widget; callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query


def list_reviews(
    ctx: OpContext,
    actor: Actor,
    teacher_id: int | None,
    *,
    offset: int,
    limit: int,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: a page of a teacher's reviews, newest first (``None``: every teacher, admins)."""
    reviews = ctx.services.reviews
    query(
        ctx,
        lambda: reviews.list_reviews(actor, teacher_id, offset=offset, limit=limit),
        **cb,
    )


def rating_summary(ctx: OpContext, actor: Actor, teacher_id: int, **cb: Unpack[Callbacks]) -> None:
    """Query: one teacher's RatingSummary (average, count) over visible reviews."""
    reviews = ctx.services.reviews
    query(ctx, lambda: reviews.rating_summary(actor, [teacher_id])[teacher_id], **cb)


def rate_booking(
    ctx: OpContext,
    actor: Actor,
    booking_id: int,
    *,
    stars: int,
    comment: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: the student rates a completed session (ReviewDTO); emits "booking" (the
    booking is now reviewed), with "review" and "gig" (its teacher's rating) related."""
    reviews = ctx.services.reviews
    change(
        ctx,
        lambda: reviews.rate_booking(actor, booking_id, stars=stars, comment=comment),
        changed=Change("booking", (booking_id,), frozenset({"review", "gig"})),
        **cb,
    )


def answer_review(
    ctx: OpContext, actor: Actor, review_id: int, text: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: the reviewed teacher answers (ReviewDTO); emits "review"."""
    reviews = ctx.services.reviews
    change(
        ctx,
        lambda: reviews.answer_review(actor, review_id, text),
        changed=Change("review", (review_id,)),
        **cb,
    )


def hide_review(
    ctx: OpContext, actor: Actor, review_id: int, *, reason: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: an admin hides a review (ReviewDTO); emits "review" (the ratings shown with
    gigs, the audit trail and the author's inbox change too)."""
    reviews = ctx.services.reviews
    change(
        ctx,
        lambda: reviews.hide_review(actor, review_id, reason=reason),
        changed=Change("review", (review_id,), frozenset({"gig", "notification"})),
        **cb,
    )
