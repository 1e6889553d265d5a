"""Inbox operations: list, mark read, save a calendar invite. The lambdas run on a pool
thread and touch no widget; callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from pathlib import Path
from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query


def save_invite_work(ics: str | None, path: Path) -> Path:
    """Pool thread: write the invite to ``path``."""
    from linguaflex_desktop.ui.inbox_page import save_invite_op

    return save_invite_op(ics, path)


def list_inbox(
    ctx: OpContext, actor: Actor, *, offset: int, limit: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: (a page of messages, how many are unread)."""
    notifications = ctx.services.notifications
    query(ctx, lambda: notifications.inbox(actor, offset=offset, limit=limit), **cb)


def unread_count(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: how many of the user's messages are unread."""
    notifications = ctx.services.notifications
    query(ctx, lambda: notifications.unread_count(actor), **cb)


def mark_read(ctx: OpContext, actor: Actor, message_id: int, **cb: Unpack[Callbacks]) -> None:
    """Change: mark a message read: (the message, how many are unread); emits "notification"."""
    notifications = ctx.services.notifications
    change(
        ctx,
        lambda: (notifications.mark_read(actor, message_id), notifications.unread_count(actor)),
        changed=Change("notification", (message_id,)),
        **cb,
    )


def save_invite(
    ctx: OpContext, actor: Actor, message_id: int, path: Path, **cb: Unpack[Callbacks]
) -> None:
    """Fetch the message's calendar invite and write it to ``path`` (the path written)."""
    notifications = ctx.services.notifications
    query(ctx, lambda: save_invite_work(notifications.get_ics(actor, message_id), path), **cb)
