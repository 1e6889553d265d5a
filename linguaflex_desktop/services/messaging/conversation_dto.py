"""What the conversation of a booking looks like to one viewer: plain values, no ORM class."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from linguaflex_desktop.models.enums import Role

ADMIN_READ_ONLY = (
    "Admins can read this conversation; only the booking's student and teacher write in it."
)
CONTACTS_HIDDEN_NOTICE = (
    "Until the booking is paid, e-mail addresses, phone numbers and links in messages are "
    "hidden from the other party."
)


@dataclass(frozen=True)
class MessageDTO:
    """One message as the viewer may see it: ``body`` has contact details masked when the
    viewer is the recipient and the booking has never been paid (``masked`` says so)."""

    id: int
    booking_id: int
    author_id: int
    author_name: str
    author_role: Role
    body: str
    masked: bool
    created_at: datetime
    read_at: datetime | None  # when the recipient read it
    is_mine: bool  # written by the viewer
    is_unread: bool  # to the viewer: addressed to them and not read yet


@dataclass(frozen=True)
class ConversationDTO:
    """A booking's messages, oldest first, and what the viewer may do with them."""

    booking_id: int
    messages: tuple[MessageDTO, ...]
    unread: int  # messages addressed to the viewer and not read yet
    can_send: bool
    send_refusal: str  # why not, when ``can_send`` is False ("" otherwise)
    contacts_visible: bool  # the booking has been paid: nothing is masked any more
    max_length: int
    other_party_name: str  # who the viewer writes to ("" for an admin)


@dataclass(frozen=True)
class UnreadCounts:
    """The viewer's unread messages: in total and per booking (bookings with none left out)."""

    total: int
    by_booking: Mapping[int, int] = field(default_factory=dict)
