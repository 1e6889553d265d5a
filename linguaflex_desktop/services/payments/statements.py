"""Teacher statements: for a period, what each teacher earned per currency, what was paid out
to them and what they were still owed at its end. Pure reads; each call is one read
transaction on the calling (worker) thread.

Earned: the teacher's share of the payments that succeeded in ``[from_at, to_at)``, less the
refunds taken from it, by the rule of ``refunds.split_after_refunds`` (refunds come out of the
teacher's share first; a full refund returns everything). As in the revenue report, a refund
counts against the period of the payment it returns. Paid out: the payouts admins recorded
(``payouts.Payouts``) dated on the period's days in the statement's zone. Owed: everything
earned up to the period's end less everything paid out up to then — so a statement of a past
period shows what was owed at its end.

Admins see every teacher (or one, by id); a teacher sees only their own statement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from linguaflex_desktop.errors import PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    Payment,
    PaymentAttemptStatus,
    Role,
    SessionBooking,
    TeacherPayout,
    User,
)
from linguaflex_desktop.services.booking.availability import local_midnight_utc
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.validation import (
    check_day,
    check_optional_id,
    validate_time_zone,
)
from linguaflex_desktop.services.payments.refunds import split_after_refunds
from linguaflex_desktop.services.payments.statement_dto import (
    PayoutDTO,
    StatementDTO,
    StatementLine,
)
from linguaflex_desktop.texts import tx

MAX_STATEMENT_DAYS = 10 * 366
MAX_PAYOUTS_LISTED = 500
_Recorder = aliased(User)
Key = tuple[int, str]  # teacher id, currency


@dataclass
class Figures:
    """One teacher's running figures in one currency (int minor units)."""

    sessions: int = 0
    earned: int = 0
    paid_out: int = 0
    earned_to_date: int = 0
    paid_out_to_date: int = 0


class TeacherStatements:
    """Statements and payout lists (module docstring). Thread-safe: each call opens its own
    Session; called on worker threads."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def statement(
        self,
        actor: Actor,
        *,
        first_day: date,
        end_day: date,
        zone: str,
        teacher_id: int | None = None,
    ) -> StatementDTO:
        """Statements of the days ``[first_day, end_day)`` in ``zone``: admins get every
        teacher with money in the period or still owed (or only ``teacher_id``); a teacher
        gets their own (PermissionDenied for anyone else's, and for students)."""
        first_day = check_day(first_day, what="first day")
        end_day = check_day(end_day, what="end of the period")
        if end_day <= first_day:
            raise ValidationError(tx("Choose a period whose first day comes before its end."))
        if (end_day - first_day).days > MAX_STATEMENT_DAYS:
            raise ValidationError(tx("A statement covers at most 10 years."))
        where = ZoneInfo(validate_time_zone(zone))
        wanted = check_optional_id(teacher_id, what="teacher")
        from_at, to_at = local_midnight_utc(first_day, where), local_midnight_utc(end_day, where)
        with self._ctx.unit_of_work(write=False) as uow:
            wanted = _allowed_teacher(uow.session, actor, wanted)
            figures = statement_figures(
                uow.session, wanted, from_at=from_at, to_at=to_at, days=(first_day, end_day)
            )
            names = teacher_names(uow.session, {teacher for teacher, _ in figures})
            payouts = _payouts(
                uow.session,
                wanted,
                TeacherPayout.paid_on >= first_day,
                TeacherPayout.paid_on < end_day,
                newest_first=False,
            )
        return StatementDTO(
            zone=where.key,
            first_day=first_day,
            end_day=end_day,
            from_at=from_at,
            to_at=to_at,
            lines=_lines(figures, names),
            payouts=payouts,
        )

    def list_payouts(self, actor: Actor, *, teacher_id: int | None = None) -> tuple[PayoutDTO, ...]:
        """Payouts, newest first (at most ``MAX_PAYOUTS_LISTED``): an admin's of every teacher
        or of ``teacher_id``; a teacher's own (PermissionDenied for anyone else's)."""
        wanted = check_optional_id(teacher_id, what="teacher")
        with self._ctx.unit_of_work(write=False) as uow:
            wanted = _allowed_teacher(uow.session, actor, wanted)
            return _payouts(uow.session, wanted, newest_first=True)


def _allowed_teacher(session: Session, actor: Actor, teacher_id: int | None) -> int | None:
    """The teacher whose statement ``actor`` may see: any (None) or the one asked for, for an
    admin; the teacher themselves for a teacher."""
    user = load_acting_user(session, actor, Role.ADMIN, Role.TEACHER)
    if user.role is Role.ADMIN:
        return teacher_id
    if teacher_id is not None and teacher_id != user.id:
        raise PermissionDenied(tx("A teacher sees only their own statements."))
    return user.id


def statement_figures(
    session: Session,
    teacher_id: int | None,
    *,
    from_at: datetime | None = None,
    to_at: datetime | None = None,
    days: tuple[date, date] | None = None,
) -> dict[Key, Figures]:
    """Figures per (teacher, currency): earned from payments that succeeded in
    ``[from_at, to_at)``, paid out on ``days`` (``[first, end)``), and both up to the end
    (``to_at``/``days[1]``; None: everything until now). Only keys with money are present."""
    figures: dict[Key, Figures] = defaultdict(Figures)
    _add_earnings(session, figures, teacher_id, from_at, to_at)
    _add_payouts(session, figures, teacher_id, days)
    return dict(figures)


def _add_earnings(
    session: Session,
    figures: dict[Key, Figures],
    teacher_id: int | None,
    from_at: datetime | None,
    to_at: datetime | None,
) -> None:
    """Grouped in SQL by the figures the split rule reads, so the rule itself (one Python
    function) is applied once per distinct kind of payment rather than once per payment."""
    shape: list[ColumnElement[Any] | InstrumentedAttribute[Any]] = [
        SessionBooking.teacher_id,
        Payment.currency,
        Payment.amount_minor,
        Payment.teacher_share_minor,
        Payment.refunded_minor,
    ]
    if from_at is not None:
        shape.append(case((Payment.succeeded_at >= from_at, 1), else_=0))
    query = (
        select(*shape, func.count())
        .join(SessionBooking, SessionBooking.id == Payment.booking_id)
        .where(Payment.status == PaymentAttemptStatus.SUCCEEDED)
        .group_by(*shape)
    )
    if to_at is not None:
        query = query.where(Payment.succeeded_at < to_at)
    if teacher_id is not None:
        query = query.where(SessionBooking.teacher_id == teacher_id)
    for teacher, currency, paid, share, refunded, *inside, count in session.execute(query):
        kept, _fee = split_after_refunds(
            paid_minor=paid, share_minor=share, refunded_minor=refunded
        )
        line = figures[(teacher, currency)]
        line.earned_to_date += kept * count
        if inside and inside[0]:
            line.sessions += count
            line.earned += kept * count


def _add_payouts(
    session: Session,
    figures: dict[Key, Figures],
    teacher_id: int | None,
    days: tuple[date, date] | None,
) -> None:
    sums: list[ColumnElement[Any]] = [func.sum(TeacherPayout.amount_minor)]
    if days is not None:
        in_period = case((TeacherPayout.paid_on >= days[0], TeacherPayout.amount_minor), else_=0)
        sums.append(func.sum(in_period))
    query = select(TeacherPayout.teacher_id, TeacherPayout.currency, *sums).group_by(
        TeacherPayout.teacher_id, TeacherPayout.currency
    )
    if days is not None:
        query = query.where(TeacherPayout.paid_on < days[1])
    if teacher_id is not None:
        query = query.where(TeacherPayout.teacher_id == teacher_id)
    for teacher, currency, total, *inside in session.execute(query):
        line = figures[(teacher, currency)]
        line.paid_out_to_date += int(total or 0)
        line.paid_out += int(inside[0] or 0) if inside else 0


def teacher_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {user_id: name for user_id, name in rows}


def _lines(figures: dict[Key, Figures], names: dict[int, str]) -> tuple[StatementLine, ...]:
    lines = [
        StatementLine(
            teacher_id=teacher,
            teacher_name=names.get(teacher, f"Teacher #{teacher}"),
            currency=currency,
            sessions=each.sessions,
            earned_minor=each.earned,
            paid_out_minor=each.paid_out,
            earned_to_date_minor=each.earned_to_date,
            paid_out_to_date_minor=each.paid_out_to_date,
        )
        for (teacher, currency), each in figures.items()
    ]
    return tuple(
        sorted(
            lines, key=lambda line: (line.teacher_name.casefold(), line.teacher_id, line.currency)
        )
    )


def _payouts(
    session: Session,
    teacher_id: int | None,
    *conditions: ColumnElement[bool],
    newest_first: bool,
) -> tuple[PayoutDTO, ...]:
    order = (
        (TeacherPayout.paid_on.desc(), TeacherPayout.id.desc())
        if newest_first
        else (TeacherPayout.paid_on, TeacherPayout.id)
    )
    query = (
        select(TeacherPayout, User.display_name, _Recorder.display_name)
        .join(User, User.id == TeacherPayout.teacher_id)
        .join(_Recorder, _Recorder.id == TeacherPayout.recorded_by_id)
        .where(*conditions)
        .order_by(*order)
        .limit(MAX_PAYOUTS_LISTED)
    )
    if teacher_id is not None:
        query = query.where(TeacherPayout.teacher_id == teacher_id)
    return tuple(payout_dto(row, name, recorder) for row, name, recorder in session.execute(query))


def payout_dto(payout: TeacherPayout, teacher_name: str, recorded_by_name: str) -> PayoutDTO:
    return PayoutDTO(
        id=payout.id,
        teacher_id=payout.teacher_id,
        teacher_name=teacher_name,
        currency=payout.currency,
        amount_minor=payout.amount_minor,
        paid_on=payout.paid_on,
        reference=payout.reference,
        note=payout.note,
        recorded_by_name=recorded_by_name,
        created_at=payout.created_at,
    )
