"""Recording a payout (admins only): money the school paid a teacher outside Stripe, in one
currency, up to what the teacher is owed in it (``statements``: all earned less all paid out).

Exactly once: the admin's dialog generates one ``request_key`` per payout it means to record
and sends it with every submit. The key is unique in ``teacher_payouts``, so a repeated submit
(a double click, a retry after a lost answer) returns the payout already recorded instead of
paying twice — also when two submits race (the loser's insert fails on the key and it reads
the winner's row). A key reused for a different payout is refused.

Concurrent payouts for one teacher are serialized: the teacher's user row is locked
(``FOR UPDATE`` on Postgres; SQLite's write transaction is taken up front) before what is owed
is read, so two admins cannot both pay the same amount owed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import NotFound, ValidationError
from linguaflex_desktop.models import AuditAction, Role, TeacherPayout, User
from linguaflex_desktop.models.payment import PAYOUT_REFERENCE_LENGTH
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.common.validation import (
    check_day,
    check_id,
    clean_line,
    clean_multiline,
)
from linguaflex_desktop.services.payments.statement_dto import PayoutDTO
from linguaflex_desktop.services.payments.statements import payout_dto, statement_figures
from linguaflex_desktop.texts import tx

MAX_NOTE_LENGTH = 1000
MAX_KEY_LENGTH = 255
ENTITY = "payout"
# A payout dated a day ahead is allowed: the admin's today may be the server's tomorrow.
FUTURE_LEEWAY = timedelta(days=1)


@dataclass(frozen=True)
class _Request:
    """A checked payout request: the columns of the row it records."""

    teacher_id: int
    currency: str
    amount_minor: int
    paid_on: date
    reference: str
    note: str
    request_key: str


class Payouts:
    """Record payouts (module docstring). Thread-safe; call on a worker thread."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def record_payout(
        self,
        actor: Actor,
        *,
        teacher_id: int,
        currency: str,
        amount_minor: int,
        paid_on: date,
        reference: str,
        note: str = "",
        request_key: str,
    ) -> PayoutDTO:
        """Record that ``amount_minor`` of ``currency`` was paid to the teacher on ``paid_on``
        (audited). ValidationError (with the ``field`` at fault) for bad input, a currency the
        teacher has no earnings in, or more than is owed; PermissionDenied for non-admins."""
        teacher_id = check_id(teacher_id, what="teacher")
        with marking("reference"):
            reference = clean_line(
                reference, what="reference", limit=PAYOUT_REFERENCE_LENGTH, required=True
            )
        with marking("note"):
            note = clean_multiline(note, what="note", limit=MAX_NOTE_LENGTH)
        key = clean_line(request_key, what="request key", limit=MAX_KEY_LENGTH, required=True)
        currency = currency.strip().upper() if isinstance(currency, str) else ""
        paid_on = _checked_day(paid_on, self._ctx.now().date() + FUTURE_LEEWAY)
        if isinstance(amount_minor, bool) or not isinstance(amount_minor, int):
            raise ValidationError(
                tx("The amount must be a whole number of minor units."), field="amount"
            )
        if amount_minor <= 0:
            raise ValidationError(tx("The amount paid out must be more than zero."), field="amount")
        request = _Request(teacher_id, currency, amount_minor, paid_on, reference, note, key)
        try:
            return self._record(actor, request)
        except IntegrityError:  # the same submit won a race: read what it recorded
            return self._existing(actor, request)

    def _record(self, actor: Actor, request: _Request) -> PayoutDTO:
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            admin = load_acting_user(session, actor, Role.ADMIN)
            repeated = _by_key(session, request)
            if repeated is not None:
                return repeated
            teacher = _lock_teacher(session, request.teacher_id)
            _check_owed(session, teacher, request.currency, request.amount_minor)
            now = self._ctx.now()
            payout = TeacherPayout(**asdict(request), recorded_by_id=admin.id, created_at=now)
            session.add(payout)
            session.flush()
            record_audit(
                session,
                actor_id=admin.id,
                action=AuditAction.PAYOUT_RECORDED,
                entity_type=ENTITY,
                entity_id=payout.id,
                at=now,
                after={
                    "teacher_id": teacher.id,
                    "currency": payout.currency,
                    "amount_minor": payout.amount_minor,
                    "paid_on": payout.paid_on.isoformat(),
                    "reference": payout.reference,
                },
                reason=payout.note,
            )
            result = payout_dto(payout, teacher.display_name, admin.display_name)
            uow.commit()
        return result

    def _existing(self, actor: Actor, request: _Request) -> PayoutDTO:
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            repeated = _by_key(uow.session, request)
        if repeated is None:  # the integrity error was not the request key's
            raise ValidationError(tx("The payout could not be recorded; try again."))
        return repeated


@contextmanager
def marking(field: str) -> Iterator[None]:
    """Re-raise a ValidationError of the block as one that names ``field`` (the form marks
    it)."""
    try:
        yield
    except ValidationError as error:
        raise ValidationError(error.message, field=field) from None


def _checked_day(paid_on: object, latest: date) -> date:
    with marking("paid_on"):
        day = check_day(paid_on, what="day paid")
    if day > latest:
        raise ValidationError(tx("A payout cannot be dated in the future."), field="paid_on")
    return day


def _by_key(session: Session, request: _Request) -> PayoutDTO | None:
    """The payout already recorded under ``request.request_key`` (a repeated submit), or
    None; ValidationError when that key recorded a different payout."""
    found = session.scalars(
        select(TeacherPayout).where(TeacherPayout.request_key == request.request_key)
    ).one_or_none()
    if found is None:
        return None
    same = (found.teacher_id, found.currency, found.amount_minor, found.paid_on) == (
        request.teacher_id,
        request.currency,
        request.amount_minor,
        request.paid_on,
    )
    if not same:
        raise ValidationError(tx("This payout request was already used for a different payout."))
    teacher, recorder = session.get(User, found.teacher_id), session.get(User, found.recorded_by_id)
    assert teacher is not None and recorder is not None  # foreign keys
    return payout_dto(found, teacher.display_name, recorder.display_name)


def _lock_teacher(session: Session, teacher_id: int) -> User:
    teacher = session.scalars(
        select(User).where(User.id == teacher_id).with_for_update()
    ).one_or_none()
    if teacher is None or teacher.role is not Role.TEACHER:
        raise NotFound(tx("That teacher does not exist."))
    return teacher


def _check_owed(session: Session, teacher: User, currency: str, amount_minor: int) -> None:
    figures = statement_figures(session, teacher.id)
    earned = {key[1]: line for key, line in figures.items() if line.earned_to_date}
    if currency not in earned:
        known = ", ".join(sorted(earned)) or tx("none yet")
        if currency:
            message = tx(
                "{teacher} has no earnings in {currency} (currencies earned: {known}).",
                teacher=teacher.display_name,
                currency=currency,
                known=known,
            )
        else:
            message = tx(
                "{teacher} has no earnings in that currency (currencies earned: {known}).",
                teacher=teacher.display_name,
                known=known,
            )
        raise ValidationError(message, field="currency")
    line = earned[currency]
    owed = line.earned_to_date - line.paid_out_to_date
    if amount_minor > owed:
        raise ValidationError(
            tx(
                "That is more than the {owed} {teacher} is owed in {currency}.",
                owed=money(max(owed, 0), currency),
                teacher=teacher.display_name,
                currency=currency,
            ),
            field="amount",
        )
