"""Teacher statement operations: the statement of a period, the payout list, recording a
payout (admin) and saving a statement as PDF. The lambdas run on a pool thread and touch no
widget; callbacks run on the GUI thread (see ``ui.operations``). Recording a payout emits
"payout"."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Unpack

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.statement_dto import StatementDTO
from linguaflex_desktop.ui.data_changed import Change
from linguaflex_desktop.ui.operations import Callbacks, OpContext, change, query
from linguaflex_desktop.ui.payments.statement_pdf import write_statement_pdf


def statement(
    ctx: OpContext,
    actor: Actor,
    *,
    first_day: date,
    end_day: date,
    zone: str,
    teacher_id: int | None = None,
    **cb: Unpack[Callbacks],
) -> None:
    """Query: the StatementDTO of the days ``[first_day, end_day)`` in ``zone``."""
    services = ctx.services
    query(
        ctx,
        lambda: services.statements.statement(
            actor, first_day=first_day, end_day=end_day, zone=zone, teacher_id=teacher_id
        ),
        **cb,
    )


def list_payouts(
    ctx: OpContext, actor: Actor, *, teacher_id: int | None = None, **cb: Unpack[Callbacks]
) -> None:
    """Query: the payouts (tuple of PayoutDTO), newest first."""
    services = ctx.services
    query(ctx, lambda: services.statements.list_payouts(actor, teacher_id=teacher_id), **cb)


def record_payout(
    ctx: OpContext,
    actor: Actor,
    *,
    teacher_id: int,
    currency: str,
    amount_minor: int,
    paid_on: date,
    reference: str,
    note: str,
    request_key: str,
    **cb: Unpack[Callbacks],
) -> None:
    """Change: record a payout (PayoutDTO; ``request_key`` makes a repeat harmless); emits
    "payout"."""
    services = ctx.services
    change(
        ctx,
        lambda: services.payouts.record_payout(
            actor,
            teacher_id=teacher_id,
            currency=currency,
            amount_minor=amount_minor,
            paid_on=paid_on,
            reference=reference,
            note=note,
            request_key=request_key,
        ),
        changed=Change("payout", (teacher_id,)),
        **cb,
    )


def save_statement_pdf(
    ctx: OpContext,
    statement: StatementDTO,
    *,
    teacher_id: int,
    teacher_name: str,
    path: Path,
    **cb: Unpack[Callbacks],
) -> None:
    """Query (writes a file, nothing in the database): lay the teacher's statement out and
    write it to ``path`` as PDF on a pool thread (Path written)."""
    query(
        ctx,
        lambda: write_statement_pdf(
            statement, teacher_id=teacher_id, teacher_name=teacher_name, path=path
        ),
        **cb,
    )
