"""The revenue figures in SQL: payments with status ``succeeded`` whose ``succeeded_at`` lies
in ``[from_at, to_at)``, grouped by the caller's keys (a bucket's position, a teacher, a
language) and by currency, summed in the database.

Refunds count against the payment they return (``refunded_minor``: refunds Stripe accepted),
split between platform fee and teacher share by the rule of
``payments.refunds.split_after_refunds`` (teacher's share first; a full refund returns the
fee), written here as a ``CASE`` so the database adds it up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Select, SQLColumnExpression, and_, case, func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import Gig, Payment, PaymentAttemptStatus, SessionBooking, User
from linguaflex_desktop.services.reports.dto import RevenueFigures

Figures = dict[str, Any]  # the keyword arguments of RevenueFigures
FIGURE_NAMES = tuple(field.name for field in fields(RevenueFigures) if field.name != "currency")
# The tables a grouping key may come from, joined to the payment only when a key needs them.
BOOKING = "booking"
TEACHER = "teacher"
GIG = "gig"


def grouped_revenue(
    session: Session,
    *,
    from_at: datetime,
    to_at: datetime,
    keys: Sequence[SQLColumnExpression[Any]],
    joins: Sequence[str] = (),
) -> list[tuple[tuple[Any, ...], Figures]]:
    """``(key values, figures)`` per group of ``keys`` and currency, ordered by the keys then
    the currency. ``joins`` names the tables the keys read (BOOKING, TEACHER, GIG)."""
    remaining = Payment.amount_minor - Payment.refunded_minor
    fee_kept = case(
        (Payment.refunded_minor >= Payment.amount_minor, 0),
        (remaining < Payment.fee_minor, remaining),
        else_=Payment.fee_minor,
    )
    per_payment: Select[*tuple[Any, ...]] = select(
        *(key.label(f"key{position}") for position, key in enumerate(keys)),
        Payment.currency.label("currency"),
        Payment.amount_minor.label("gross"),
        Payment.fee_minor.label("fee"),
        Payment.teacher_share_minor.label("share"),
        Payment.refunded_minor.label("refunded"),
        fee_kept.label("fee_kept"),
    ).where(
        and_(
            Payment.status == PaymentAttemptStatus.SUCCEEDED,
            Payment.succeeded_at >= from_at,
            Payment.succeeded_at < to_at,
        )
    )
    if joins:
        per_payment = per_payment.join(SessionBooking, SessionBooking.id == Payment.booking_id)
    if TEACHER in joins:
        per_payment = per_payment.join(User, User.id == SessionBooking.teacher_id)
    if GIG in joins:
        per_payment = per_payment.join(Gig, Gig.id == SessionBooking.gig_id)
    paid = per_payment.subquery().c
    groups = [paid[f"key{position}"] for position in range(len(keys))]
    rows = session.execute(
        select(
            *groups,
            paid.currency,
            func.count(),
            func.sum(paid.gross),
            func.sum(paid.fee),
            func.sum(paid.share),
            func.sum(paid.refunded),
            func.sum(paid.fee_kept),
        )
        .group_by(*groups, paid.currency)
        .order_by(*groups, paid.currency)
    )
    return [(tuple(row[: len(keys)]), _figures(*row[len(keys) :])) for row in rows]


def _figures(
    currency: str, sessions: int, gross: int, fee: int, share: int, refunded: int, fee_kept: int
) -> Figures:
    gross, refunded, fee_kept = int(gross), int(refunded), int(fee_kept)
    return {
        "currency": currency,
        "sessions": int(sessions),
        "gross_minor": gross,
        "fee_minor": int(fee),
        "teacher_share_minor": int(share),
        "refunded_minor": refunded,
        "teacher_share_after_refunds_minor": gross - refunded - fee_kept,
        "net_platform_minor": fee_kept,
    }


def totals_by_currency(lines: Sequence[RevenueFigures]) -> list[Figures]:
    """The figures of ``lines`` added up per currency (never across), currencies
    alphabetical."""
    sums: dict[str, Figures] = defaultdict(lambda: dict.fromkeys(FIGURE_NAMES, 0))
    for line in lines:
        for name in FIGURE_NAMES:
            sums[line.currency][name] += getattr(line, name)
    return [{"currency": currency, **figures} for currency, figures in sorted(sums.items())]
