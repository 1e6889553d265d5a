"""The messages of a booking's conversation between its student and its teacher.

Each message has exactly one reader besides its author (the booking's other party; admins
read conversations but write in none), so read tracking is the recipient's ``read_at`` on the
message itself: unread for a user = their messages with no ``read_at``. The body is stored as
written; contact details are masked when it is read (``services.messaging.contact_mask``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from linguaflex_desktop.models.base import Base, utcnow

# The longest message a party may write; the database holds the same bound.
MAX_MESSAGE_LENGTH = 2000


class BookingMessage(Base):
    __tablename__ = "booking_messages"
    __table_args__ = (
        CheckConstraint("author_id <> recipient_id", name="not_to_self"),
        CheckConstraint(f"length(body) BETWEEN 1 AND {MAX_MESSAGE_LENGTH}", name="body_length"),
        # a booking's messages in order
        Index("ix_booking_messages_booking_created", "booking_id", "created_at"),
        # a user's unread messages (the counts per booking and in total)
        Index("ix_booking_messages_recipient_read", "recipient_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("session_bookings.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]  # when the recipient read it
