"""Needs-attention operations (admin): the list, and one row's fix. The lambdas run on a pool
thread and touch no widget; callbacks run on the GUI thread (see ``ui.operations``)."""

from __future__ import annotations

from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.reports.attention.dto import AttentionRow
from linguaflex_desktop.ui.data_changed import Change, ChangeKind
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query

# what a fix changes, by the kind of record it acts on (the booking it concerns as well)
_CHANGED: dict[str, ChangeKind] = {
    "booking": "booking",
    "payment": "payment",
    "refund": "payment",
    "outbox_job": "job",
}


def list_attention(ctx: OpContext, actor: Actor, **cb: Unpack[Callbacks]) -> None:
    """Query: the AttentionList (every rule's rows)."""
    attention = ctx.services.attention
    query(ctx, lambda: attention.list_attention(actor), **cb)


def fix_attention(ctx: OpContext, actor: Actor, row: AttentionRow, **cb: Unpack[Callbacks]) -> None:
    """Change: run the row's fix (it may call Stripe): the FixOutcome; emits the kind of the
    record it acted on, with its booking."""
    attention = ctx.services.attention
    rule_id, subject_id = row.key
    kind = _CHANGED[row.rule.subject]
    related: frozenset[ChangeKind] = frozenset() if kind == "booking" else frozenset({"booking"})
    change(
        ctx,
        lambda: attention.fix(actor, rule_id, subject_id),
        changed=Change(kind, (subject_id,), related),
        **cb,
    )
