"""Cancellation requests: inside the policy's 24 hours a student asks, the teacher or an admin
answers in the app (``booking.policy`` has the rule).

``ask``: the booking's student, on a confirmed PAID booking from exactly 24 hours before its
start on (earlier, ``Cancellations.cancel_as_student`` refunds at once). One open request per
booking (a unique index). The teacher and every admin are told (``cancellation_notices``).

``answer``: the booking's teacher or an admin, once: FULL (a full refund; the booking is
cancelled), PART (``amount_minor`` refunded; the session stays booked) or NONE (no refund; the
session stays booked and the student may attend — a paid booking is only ever cancelled with
its full refund). The answer is claimed first (the request ANSWERED, under the booking lock),
then the refund runs through the admins' refund path with a key naming the request, so two
answerers racing make one refund and the second is told the request was answered. Stripe
refusing the refund re-opens the request (nothing was refunded); Stripe not answering leaves
it answered with its refund in flight, resumed by the payment reconcile or by repeating the
same answer. The student is told the answer with the note written for them; the refund's
internal reason names the request only. Blocks on Stripe: call from a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StripeRequestRefused,
    UserFacingError,
    ValidationError,
)
from linguaflex_desktop.models import (
    AuditAction,
    CancellationAnswer,
    CancellationRequest,
    CancellationRequestState,
    PaymentStatus,
    Refund,
    RefundStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking import policy, rules
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.stored_texts import keep, keep_template
from linguaflex_desktop.services.common.validation import check_id, clean_multiline
from linguaflex_desktop.services.payments.cancellation_dto import CancellationRequestDTO
from linguaflex_desktop.services.payments.cancellation_notices import (
    announce_answer,
    announce_request,
)
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.texts import tx

ENTITY = "cancellation_request"
MAX_REQUEST_REASON_LENGTH = rules.MAX_REASON_LENGTH
MAX_NOTE_LENGTH = rules.MAX_REASON_LENGTH
_OPEN, _ANSWERED = CancellationRequestState.OPEN, CancellationRequestState.ANSWERED
_REFUNDING = (CancellationAnswer.FULL, CancellationAnswer.PART)
_DEAD = (RefundStatus.FAILED, RefundStatus.CANCELED)
ANSWER_MESSAGES = {
    CancellationAnswer.FULL: tx("Your cancellation request was accepted: full refund."),
    CancellationAnswer.PART: tx("Your cancellation request was answered with a partial refund."),
}
keep(*ANSWER_MESSAGES.values())
keep_template("Cancellation request #{request} answered: full refund.")
keep_template("Cancellation request #{request} answered: partial refund.")


@dataclass(frozen=True)
class _Claim:
    request_id: int
    booking_id: int
    answer: CancellationAnswer
    amount_minor: int | None
    note: str
    request_key: str


class CancellationRequests:
    """Ask, list and answer cancellation requests (module docstring). Thread-safe."""

    def __init__(self, ctx: ServiceContext, refunds: Callable[[], Refunds]) -> None:
        self._ctx = ctx
        self._refunds = refunds  # the refund service, started (Stripe) only to answer

    def ask(self, actor: Actor, booking_id: int, *, reason: str) -> CancellationRequestDTO:
        """The booking's student asks to cancel a paid session inside the 24 hours."""
        reason = clean_multiline(
            reason, what="reason", limit=MAX_REQUEST_REASON_LENGTH, required=True
        )
        now = self._ctx.now()
        try:
            with self._ctx.unit_of_work() as uow:
                session = uow.session
                user = load_acting_user(session, actor, Role.STUDENT)
                booking = load_booking(session, booking_id, for_update=True)
                _check_can_ask(user, booking, now)
                request = CancellationRequest(
                    booking_id=booking.id,
                    student_id=user.id,
                    reason=reason,
                    created_at=now,
                    state=_OPEN,
                    note_to_student="",
                )
                session.add(request)
                session.flush()
                _audit(session, request, AuditAction.CANCELLATION_REQUESTED, user.id, reason)
                announce_request(session, booking, request, at=now)
                result = _to_dto(session, request, user)
                uow.commit()
        except IntegrityError as error:  # a concurrent ask on the same booking
            raise Conflict(tx("You have already asked to cancel this booking.")) from error
        return result

    def list_requests(
        self, actor: Actor, *, open_only: bool = False, booking_id: int | None = None
    ) -> list[CancellationRequestDTO]:
        """Students: their own; teachers: those on their bookings; admins: all. Open first,
        then newest first."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            query = select(CancellationRequest).join(
                SessionBooking, SessionBooking.id == CancellationRequest.booking_id
            )
            if user.role is Role.STUDENT:
                query = query.where(CancellationRequest.student_id == user.id)
            elif user.role is Role.TEACHER:
                query = query.where(SessionBooking.teacher_id == user.id)
            if open_only:
                query = query.where(CancellationRequest.state == _OPEN)
            if booking_id is not None:
                query = query.where(CancellationRequest.booking_id == check_id(booking_id))
            query = query.order_by(
                (CancellationRequest.state == _OPEN).desc(), CancellationRequest.id.desc()
            )
            return [_to_dto(uow.session, row, user) for row in uow.session.scalars(query)]

    def answer(
        self,
        actor: Actor,
        request_id: int,
        *,
        answer: CancellationAnswer,
        amount_minor: int | None = None,
        note: str = "",
    ) -> CancellationRequestDTO:
        """Answer an open request (module docstring). ValidationError for a missing or
        extra amount, Conflict when it was answered already, the refund's errors."""
        answer = _check_answer(answer, amount_minor)
        note = clean_multiline(note, what="note to the student", limit=MAX_NOTE_LENGTH)
        claim = self._claim(actor, check_id(request_id, what="request"), answer, amount_minor, note)
        if claim.answer in _REFUNDING:
            self._refund(actor, claim)
        return self._read(actor, claim.request_id)

    # --- steps -------------------------------------------------------------------------------

    def _claim(
        self,
        actor: Actor,
        request_id: int,
        answer: CancellationAnswer,
        amount_minor: int | None,
        note: str,
    ) -> _Claim:
        now = self._ctx.now()
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            user = load_acting_user(session, actor, Role.TEACHER, Role.ADMIN)
            request = _request(session, request_id)
            booking = load_booking(session, request.booking_id, for_update=True)
            session.refresh(request)
            _check_answerer(user, booking)
            key = _refund_key(session, request.id)
            if request.state is _ANSWERED:
                if (
                    request.answer != answer
                    or request.refund_id is not None
                    or (answer not in _REFUNDING)
                ):
                    raise Conflict(tx("This cancellation request has already been answered."))
                return _Claim(request.id, booking.id, answer, request.amount_minor, note, key)
            if answer in _REFUNDING and booking.payment_status is not PaymentStatus.PAID:
                raise InvalidTransition(
                    tx("This booking is no longer paid; nothing can be refunded.")
                )
            request.state, request.answer = _ANSWERED, answer
            request.amount_minor = amount_minor
            request.answered_by_id, request.answered_at = user.id, now
            request.note_to_student = note
            session.flush()
            _audit(session, request, AuditAction.CANCELLATION_ANSWERED, user.id, answer.value)
            if answer is CancellationAnswer.NONE:
                announce_answer(session, booking, request, at=now)
            uow.commit()
        return _Claim(request_id, booking.id, answer, amount_minor, note, key)

    def _refund(self, actor: Actor, claim: _Claim) -> None:
        def authorize(user: User, booking: SessionBooking) -> None:
            _check_answerer(user, booking)

        try:
            result = self._refunds().refund_on_behalf(
                actor,
                claim.booking_id,
                authorize=authorize,
                amount_minor=claim.amount_minor,
                reason=_refund_reason(claim),
                student_message=claim.note or ANSWER_MESSAGES[claim.answer],
                request_key=claim.request_key,
            )
        except StripeRequestRefused:
            self._reopen(claim)  # recorded failed: nothing was refunded
            raise
        except ExternalServiceError:
            raise  # the refund is in flight: resumed by the reconcile or the same answer
        except UserFacingError:
            self._reopen(claim)
            raise
        self._link(claim.request_id, result.refund.id, result.refund.amount_minor)

    def _reopen(self, claim: _Claim) -> None:
        """The refund was refused and moved no money (no live refund under the claim's key):
        the request may be answered again."""
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            request = _request(session, claim.request_id)
            load_booking(session, request.booking_id, for_update=True)
            session.refresh(request)
            live = session.scalar(
                select(Refund.id).where(
                    Refund.idempotency_key == claim.request_key, Refund.status.not_in(_DEAD)
                )
            )
            if request.state is _ANSWERED and request.refund_id is None and live is None:
                request.state, request.answer, request.amount_minor = _OPEN, None, None
                request.answered_by_id = request.answered_at = None
                request.note_to_student = ""
                uow.commit()

    def _link(self, request_id: int, refund_id: int, amount_minor: int) -> None:
        with self._ctx.unit_of_work() as uow:
            request = _request(uow.session, request_id)
            booking = load_booking(uow.session, request.booking_id, for_update=True)
            uow.session.refresh(request)
            if request.refund_id is None:
                request.refund_id, request.amount_minor = refund_id, amount_minor
                uow.session.flush()
                announce_answer(uow.session, booking, request, at=self._ctx.now())
                uow.commit()

    def _read(self, actor: Actor, request_id: int) -> CancellationRequestDTO:
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            return _to_dto(uow.session, _request(uow.session, request_id), user)


# --- helpers -----------------------------------------------------------------------------------


def _check_can_ask(user: User, booking: SessionBooking, now: datetime) -> None:
    if user.id != booking.student_id:
        raise PermissionDenied(tx("Only the student who booked can ask to cancel it."))
    if not policy.is_paid_and_open(booking):
        raise InvalidTransition(tx("Only a confirmed, paid session can be asked to be cancelled."))
    if policy.refunds_automatically(booking.start_at, now):
        raise InvalidTransition(
            tx(
                "This session starts more than 24 hours from now: cancel it yourself for a full "
                "refund."
            )
        )


def _refund_reason(claim: _Claim) -> str:
    """The refund's internal reason (admins, the audit trail): which request it answers."""
    if claim.answer is CancellationAnswer.FULL:
        return tx(
            "Cancellation request #{request} answered: full refund.", request=claim.request_id
        )
    return tx("Cancellation request #{request} answered: partial refund.", request=claim.request_id)


def _check_answerer(user: User, booking: SessionBooking) -> None:
    if user.role is not Role.ADMIN and user.id != booking.teacher_id:
        raise PermissionDenied(tx("Only the teacher of this booking or an admin can answer."))


def _check_answer(answer: CancellationAnswer, amount_minor: int | None) -> CancellationAnswer:
    try:
        answer = CancellationAnswer(answer)
    except ValueError:
        raise ValidationError(tx("Choose a full refund, a partial refund or no refund.")) from None
    if answer is CancellationAnswer.PART:
        if not isinstance(amount_minor, int) or isinstance(amount_minor, bool) or amount_minor <= 0:
            raise ValidationError(tx("A partial refund needs a positive amount."))
    elif amount_minor is not None:
        raise ValidationError(tx("Only a partial refund takes an amount."))
    return answer


def _request(session: Session, request_id: int) -> CancellationRequest:
    request = session.get(CancellationRequest, request_id)
    if request is None:
        raise NotFound(tx("That cancellation request does not exist."))
    return request


def _refund_key(session: Session, request_id: int) -> str:
    """One key per attempt that made money move or may have: a refund Stripe refused (dead)
    does not block answering again with a fresh key."""
    prefix = f"cancellation-request-{request_id}-"
    dead = session.scalar(
        select(func.count(Refund.id)).where(
            Refund.idempotency_key.startswith(prefix, autoescape=True), Refund.status.in_(_DEAD)
        )
    )
    return f"{prefix}{int(dead or 0) + 1}"


def _audit(
    session: Session, request: CancellationRequest, action: AuditAction, actor_id: int, reason: str
) -> None:
    booking = session.get(SessionBooking, request.booking_id)
    currency = booking.currency if booking is not None else None
    record_audit(
        session,
        actor_id=actor_id,
        action=action,
        entity_type=ENTITY,
        entity_id=request.id,
        at=request.answered_at or request.created_at,
        after={
            "booking_id": request.booking_id,
            "state": request.state.value,
            "answer": request.answer.value if request.answer else None,
            "amount_minor": request.amount_minor,
            "currency": currency,  # beside the amount, so the audit trail reads it as money
        },
        reason=reason,
    )


def _to_dto(session: Session, request: CancellationRequest, reader: User) -> CancellationRequestDTO:
    booking = session.get(SessionBooking, request.booking_id)
    assert booking is not None
    answerer = session.get(User, request.answered_by_id) if request.answered_by_id else None
    can_answer = request.state is _OPEN and (
        reader.role is Role.ADMIN or reader.id == booking.teacher_id
    )
    return CancellationRequestDTO(
        id=request.id,
        booking_id=booking.id,
        student_id=booking.student_id,
        student_name=booking.student.display_name,
        teacher_id=booking.teacher_id,
        teacher_name=booking.teacher.display_name,
        gig_title=booking.gig.title,
        start_at=booking.start_at,
        booking_status=booking.status,
        payment_status=booking.payment_status,
        currency=booking.currency,
        paid_minor=booking.total_minor,
        refunded_minor=booking.refunded_minor,
        reason=request.reason,
        created_at=request.created_at,
        state=request.state,
        answer=request.answer,
        amount_minor=request.amount_minor,
        answered_by_name=answerer.display_name if answerer else None,
        answered_at=request.answered_at,
        note_to_student=request.note_to_student,
        can_answer=can_answer,
    )
