"""Conversation operations: a booking's messages, sending, marking read, the unread counts.
The lambdas run on a pool thread and touch no widget; callbacks run on the GUI thread (see
``ui.operations``). Sending and reading emit "message" (the inbox's notices change with them).
"""

from __future__ import annotations

from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change, ChangeKind
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

# A message writes the other party's inbox notice; reading marks one's own notices read.
_NOTIFICATION: frozenset[ChangeKind] = frozenset({"notification"})


def message_change(booking_id: int) -> Change:
    return Change("message", (booking_id,), _NOTIFICATION)


def load_conversation(
    ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: the ConversationDTO of the booking, as ``actor`` may read it."""
    conversations = ctx.services.conversations
    query(ctx, lambda: conversations.list_messages(actor, booking_id), **cb)


def send_message(
    ctx: OpContext, actor: Actor, booking_id: int, body: str, **cb: Unpack[Callbacks]
) -> None:
    """Change: send ``body`` (the MessageDTO stored); emits "message"."""
    conversations = ctx.services.conversations
    change(
        ctx,
        lambda: conversations.send_message(actor, booking_id, body),
        changed=message_change(booking_id),
        **cb,
    )


def mark_read(ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: mark the actor's messages of the booking read (how many); emits "message"."""
    conversations = ctx.services.conversations
    change(
        ctx,
        lambda: conversations.mark_read(actor, booking_id),
        changed=message_change(booking_id),
        **cb,
    )


def unread_counts(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: the actor's UnreadCounts (total and per booking)."""
    conversations = ctx.services.conversations
    query(ctx, lambda: conversations.unread_counts(actor), **cb)
