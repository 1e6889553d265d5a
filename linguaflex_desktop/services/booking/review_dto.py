"""Frozen DTOs of reviews (services return these, never ORM objects), and who may rate.

Instants are aware UTC; the UI shows them in the viewer's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from linguaflex_desktop.models.enums import BookingStatus
from linguaflex_desktop.services.booking.dto import BookingDTO

MAX_COMMENT_LENGTH = 2000
MAX_ANSWER_LENGTH = 2000
# as every reason an admin writes (booking.rules.MAX_REASON_LENGTH): the ReasonDialog counts
# against that limit while the admin types
MAX_HIDE_REASON_LENGTH = 500
STARS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class ReviewDTO:
    """One review as a viewer sees it. ``student_first_name`` is all students and teachers
    learn of its author; ``hidden_reason`` is empty for everyone but admins. ``can_answer``
    (the reviewed teacher, once) and ``can_hide`` (admins, once) are the service's rules for
    the viewer the DTO was made for."""

    id: int
    booking_id: int
    teacher_id: int
    teacher_name: str
    student_first_name: str
    gig_title: str
    stars: int
    comment: str
    created_at: datetime
    answer: str | None
    answered_at: datetime | None
    is_hidden: bool
    hidden_at: datetime | None
    hidden_reason: str
    can_answer: bool
    can_hide: bool


def can_rate(booking: BookingDTO) -> bool:
    """Whether the student of ``booking`` may rate it now: a COMPLETED session they have not
    reviewed yet (the service checks again, and that the actor is its student)."""
    return booking.status is BookingStatus.COMPLETED and not booking.has_review
