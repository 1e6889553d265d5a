"""The teacher's "Mark completed" (DESIGN.md section 4): its button text and who may
use it. Whether a booking can be completed now is the service's rule
(``services.booking.rules.can_complete`` / ``complete_refusal``). Any thread.
"""

from __future__ import annotations

from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.texts import tx

COMPLETE_TEXT = tx("Mark completed")  # shown with ``localize``


def is_own_teacher(actor: Actor, booking: BookingDTO) -> bool:
    """The acting user teaches this booking (only they may mark it completed)."""
    return actor.id == booking.teacher_id
