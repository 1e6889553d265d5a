"""Meeting operations: a booking's meeting, its join link and the host's fresh start link.
The lambdas run on a pool thread and touch no widget; callbacks run on the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.operations import Callbacks, OpContext, load, query
from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.services.meetings.service import MeetingService


def meeting_for_booking(
    ctx: OpContext, actor: Actor, booking_id: int, **cb: Unpack[Callbacks]
) -> None:
    """Query: the booking's MeetingDTO."""
    meetings = ctx.services.meetings
    query(ctx, lambda: meetings.meeting_for_booking(actor, booking_id), **cb)


def join_url(
    runner: TaskRunner,
    meetings: MeetingService,
    actor: Actor,
    booking_id: int,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: the join link (MeetingLinks holds only the meeting service and the runner)."""
    load(runner, lambda: meetings.join_url(actor, booking_id), **cb)


def fresh_start_url(
    runner: TaskRunner,
    meetings: MeetingService,
    actor: Actor,
    booking_id: int,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: a fresh host (start) link for the teacher."""
    load(runner, lambda: meetings.fresh_start_url(actor, booking_id), **cb)
