"""The booking lifecycle: request, confirm, decline, cancel, complete, reads.

Every transition follows DESIGN.md section 4 (``rules``), re-checks the acting user, runs in
one write transaction (SQLite: BEGIN IMMEDIATE; Postgres: the booking row is locked FOR
UPDATE) and records an audit event. A caller passing ``expected_version`` that no longer
matches, or losing a race, gets a Conflict (StaleState / InvalidTransition) whose ``current``
holds the fresh BookingDTO. Reschedules are the ``Reschedules`` collaborator (``reschedule``),
the automatic transitions the ``DueTransitions`` collaborator (``due``); the read queries live
in ``queries``, and the internal hooks for the payment service (``apply_payment_status``,
``apply_booking_status``, ``cancel_for_refund``) in ``state``. Methods are called on worker
threads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from linguaflex_desktop.db import run_core, table_of
from linguaflex_desktop.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StaleState,
    ValidationError,
)
from linguaflex_desktop.models import (
    AuditAction,
    BookingEventKind,
    BookingStatus,
    Gig,
    PaymentStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking import queries, rules
from linguaflex_desktop.services.booking.availability import (
    check_duration,
    check_gig_bookable,
    teacher_is_available,
)
from linguaflex_desktop.services.booking.checks import (
    aware_utc,
    check_no_overlap,
    check_start,
    queue_for_slots,
    retry_on_deadlock,
    slot_taken_from,
)
from linguaflex_desktop.services.booking.dto import BookingDetailDTO, BookingDTO, BookingFilter
from linguaflex_desktop.services.booking.events import on_booking_transition
from linguaflex_desktop.services.booking.row_extras import RowExtras
from linguaflex_desktop.services.booking.state import (
    ENTITY,
    apply_booking_status,
    apply_payment_status,
    booking_to_dto,
    cancel_for_refund,
    load_booking,
    state_snapshot,
)
from linguaflex_desktop.services.common.audit import insert_audit
from linguaflex_desktop.services.common.authorization import check_acting_user, load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.common.pricing import quote
from linguaflex_desktop.services.common.validation import (
    check_id,
    check_optional_int,
    clean_multiline,
)
from linguaflex_desktop.texts import Text, tx

__all__ = [
    "BookingService",
    "apply_booking_status",
    "apply_payment_status",
    "cancel_for_refund",
]

Change = Callable[[Session, User, SessionBooking, datetime], None]
Authorize = Callable[[User, SessionBooking], None]
CHANGED_FIRST = tx("Someone else changed this booking first; here is its current state.")


class BookingService:
    """Use cases of the booking lifecycle. Thread-safe: each call opens its own Session."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- request ---------------------------------------------------------------------------

    def request_booking(
        self,
        actor: Actor,
        *,
        gig_id: int,
        start_at: datetime,
        duration_minutes: int,
        note: str = "",
    ) -> BookingDTO:
        """A student asks for a session: PENDING/UNPAID with the price snapshotted. Refused
        (with the reason) in the past or inside the lead time, outside availability, over
        the teacher's or the student's own bookings (SlotTaken), for a suspended teacher or
        gig, or for a teacher's own gig."""
        start_at = aware_utc(start_at)
        gig_id = check_id(gig_id, what=tx("gig"))
        note = clean_multiline(note, what=tx("note"), limit=rules.MAX_NOTE_LENGTH)
        return retry_on_deadlock(
            lambda queued: self._insert_request(
                actor, gig_id, start_at, duration_minutes, note, queued=queued
            )
        )

    def _insert_request(
        self,
        actor: Actor,
        gig_id: int,
        start_at: datetime,
        duration_minutes: int,
        note: str,
        *,
        queued: bool,
    ) -> BookingDTO:
        """One attempt at request_booking's transaction (check, insert, audit, events);
        ``queued``: run again after a deadlock (``retry_on_deadlock``)."""
        try:
            with self._ctx.unit_of_work() as uow:
                session = uow.session
                student, gig = self._requester_and_gig(session, actor, gig_id)
                if queued:
                    queue_for_slots(session, teacher_id=gig.teacher_id, student_id=student.id)
                booking = self._new_booking(session, student, gig, start_at, duration_minutes)
                booking.student_note = note
                booking.id = _insert_booking(session, booking)
                insert_audit(
                    session,
                    actor_id=student.id,
                    action=AuditAction.BOOKING_REQUESTED,
                    entity_type=ENTITY,
                    entity_id=booking.id,
                    at=booking.created_at,
                    after=state_snapshot(booking),
                    reason=note,
                )
                on_booking_transition(
                    session, booking, kind=BookingEventKind.REQUESTED, at=booking.created_at
                )
                session.flush()
                # a booking just made has no meeting, reschedule proposal or review yet
                result = booking_to_dto(booking, RowExtras())
                uow.commit()
        except IntegrityError as error:
            taken = slot_taken_from(error, student_is_actor=True)
            if taken is None:
                raise
            raise taken from error
        return result

    def _requester_and_gig(self, session: Session, actor: Actor, gig_id: int) -> tuple[User, Gig]:
        """The acting student and the gig with its teacher (the availability check reads
        them), in one statement; when either is missing, each is looked up alone to say
        which. They are built from the row's columns, outside the session: nothing here
        changes them, and loading them as ORM entities (identity map, loader strategies)
        cost the request more client CPU than its statement did."""
        found = run_core(
            session, _REQUESTER_AND_GIG, {"user_id": actor.id, "gig_id": gig_id}
        ).one_or_none()
        if found is None:
            check_acting_user(session.get(User, actor.id))
            raise NotFound(tx("That gig does not exist."))
        person, gig_end = len(_PERSON), len(_PERSON) + len(_GIG)
        user = check_acting_user(User(id=actor.id, **_named(_PERSON, found[:person])))
        gig = Gig(id=gig_id, **_named(_GIG, found[person:gig_end]))
        gig.teacher = User(id=gig.teacher_id, **_named(_PERSON, found[gig_end:]))
        if gig.teacher_id == user.id:
            raise ValidationError(tx("You cannot book your own gig."))
        if user.role is not Role.STUDENT:
            raise PermissionDenied(tx("Only students can request sessions."))
        check_gig_bookable(gig)
        return user, gig

    def _new_booking(
        self, session: Session, student: User, gig: Gig, start_at: datetime, duration: int
    ) -> SessionBooking:
        check_duration(gig, duration)
        now = self._ctx.now()
        check_start(start_at, now)
        end_at = start_at + timedelta(minutes=duration)
        if not teacher_is_available(session, gig.teacher, start_at, end_at):
            raise ValidationError(tx("The teacher is not available at that time."))
        check_no_overlap(
            session,
            teacher_id=gig.teacher_id,
            student_id=student.id,
            start_at=start_at,
            end_at=end_at,
            student_is_actor=True,
        )
        price = quote(
            hourly_rate_minor=gig.hourly_rate_minor,
            duration_minutes=duration,
            currency=gig.currency,
        )
        return SessionBooking(
            student=student,
            teacher=gig.teacher,
            gig=gig,
            student_id=student.id,
            teacher_id=gig.teacher_id,
            gig_id=gig.id,
            start_at=start_at,
            end_at=end_at,
            duration_minutes=duration,
            status=BookingStatus.PENDING,
            payment_status=PaymentStatus.UNPAID,
            currency=price.currency,
            hourly_rate_minor=price.hourly_rate_minor,
            base_amount_minor=price.base_minor,
            fee_minor=price.fee_minor,
            total_minor=price.total_minor,
            teacher_share_minor=price.teacher_share_minor,
            refunded_minor=0,
            respond_by=rules.respond_by(requested_at=now, start_at=start_at),
            student_note="",
            status_reason="",
            created_at=now,
            updated_at=now,
            version=1,
        )

    # -- transitions -----------------------------------------------------------------------

    def confirm_booking(
        self, actor: Actor, booking_id: int, *, expected_version: int | None = None
    ) -> BookingDTO:
        """The booking's teacher accepts a PENDING request before its respond_by."""

        def change(session: Session, user: User, booking: SessionBooking, now: datetime) -> None:
            if booking.status is BookingStatus.PENDING and rules.deadline_passed(
                booking.respond_by, now
            ):
                raise InvalidTransition(
                    tx("This request has expired; it can no longer be confirmed.")
                )
            apply_booking_status(
                session, booking, BookingStatus.CONFIRMED, actor_id=user.id, reason="", at=now
            )

        return self._transition(actor, booking_id, _own_teacher, change, expected_version)

    def decline_booking(
        self, actor: Actor, booking_id: int, *, reason: str, expected_version: int | None = None
    ) -> BookingDTO:
        """The booking's teacher turns a PENDING request down, with a reason for the student."""
        reason = clean_multiline(
            reason, what=tx("reason"), limit=rules.MAX_REASON_LENGTH, required=True
        )

        def change(session: Session, user: User, booking: SessionBooking, now: datetime) -> None:
            if booking.status is not BookingStatus.PENDING:
                raise InvalidTransition(
                    tx(
                        "Only a waiting request can be declined; this booking is {status}.",
                        status=rules.describe_status(booking.status),
                    )
                )
            apply_booking_status(
                session,
                booking,
                BookingStatus.CANCELLED,
                actor_id=user.id,
                reason=reason,
                at=now,
                action=AuditAction.BOOKING_DECLINED,
            )

        return self._transition(actor, booking_id, _own_teacher, change, expected_version)

    def cancel_booking(
        self,
        actor: Actor,
        booking_id: int,
        *,
        reason: str = "",
        expected_version: int | None = None,
    ) -> BookingDTO:
        """The student cancels their own PENDING or CONFIRMED booking; an admin any. A PAID
        booking is cancelled only through a refund (payment service, ``cancel_for_refund``)."""
        reason = clean_multiline(reason, what=tx("reason"), limit=rules.MAX_REASON_LENGTH)

        def change(session: Session, user: User, booking: SessionBooking, now: datetime) -> None:
            if booking.status in rules.OPEN_STATUSES and not rules.can_cancel(booking):
                raise InvalidTransition(_paid_cancel_refusal(booking, user))
            apply_booking_status(
                session, booking, BookingStatus.CANCELLED, actor_id=user.id, reason=reason, at=now
            )

        return self._transition(actor, booking_id, _own_student_or_admin, change, expected_version)

    def complete_booking(
        self, actor: Actor, booking_id: int, *, expected_version: int | None = None
    ) -> BookingDTO:
        """The booking's teacher marks a PAID, CONFIRMED session completed after its end."""

        def change(session: Session, user: User, booking: SessionBooking, now: datetime) -> None:
            if booking.status is BookingStatus.CONFIRMED and not rules.can_complete(booking, now):
                raise InvalidTransition(rules.complete_refusal(booking, now))
            apply_booking_status(
                session, booking, BookingStatus.COMPLETED, actor_id=user.id, reason="", at=now
            )

        return self._transition(actor, booking_id, _own_teacher, change, expected_version)

    def _transition(
        self,
        actor: Actor,
        booking_id: int,
        authorize: Authorize,
        change: Change,
        expected_version: int | None,
    ) -> BookingDTO:
        """Lock, authorize, compare versions, change, commit: the shape of every transition."""
        expected_version = check_optional_int(
            expected_version, what=tx("expected version"), minimum=0
        )
        try:
            with self._ctx.unit_of_work() as uow:
                user = load_acting_user(uow.session, actor)
                booking = load_booking(uow.session, booking_id, for_update=True)
                authorize(user, booking)
                current = booking_to_dto(booking)
                if expected_version is not None and booking.version != expected_version:
                    raise StaleState(
                        CHANGED_FIRST,
                        current=current,
                    )
                try:
                    change(uow.session, user, booking, self._ctx.now())
                except InvalidTransition as error:
                    raise InvalidTransition(error.message, current=current) from error
                uow.session.flush()
                result = booking_to_dto(booking)
                uow.commit()
        except StaleDataError as error:
            raise StaleState(
                CHANGED_FIRST,
                current=self._fresh(booking_id),
            ) from error
        return result

    def _fresh(self, booking_id: int) -> BookingDTO | None:
        with self._ctx.unit_of_work(write=False) as uow:
            try:
                return booking_to_dto(load_booking(uow.session, booking_id))
            except NotFound:
                return None

    # -- reads -----------------------------------------------------------------------------

    def get_booking(self, actor: Actor, booking_id: int) -> BookingDetailDTO:
        """The detail view: booking, both parties' zones, audit trail, open reschedule."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            booking = load_booking(uow.session, booking_id)
            queries.ensure_party_or_admin(user, booking)
            return queries.booking_detail(uow.session, booking)

    def list_bookings(
        self,
        actor: Actor,
        *,
        filters: BookingFilter | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[BookingDTO]:
        """A page of bookings (students: own; teachers: own; admins: all) with the total."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            scoped = queries.scoped_filter(user, filters or BookingFilter())
            return queries.list_bookings(uow.session, scoped, offset=offset, limit=limit)

    def count_bookings(self, actor: Actor, *, filters: BookingFilter | None = None) -> int:
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            scoped = queries.scoped_filter(user, filters or BookingFilter())
            return queries.count_bookings(uow.session, scoped)

    def teacher_request_queue(self, actor: Actor) -> list[BookingDTO]:
        """The acting teacher's open requests, most urgent first."""
        with self._ctx.unit_of_work(write=False) as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            return queries.teacher_request_queue(uow.session, teacher, self._ctx.now())

    def teacher_schedule(
        self, actor: Actor, *, from_at: datetime, to_at: datetime
    ) -> list[BookingDTO]:
        """The acting teacher's non-cancelled bookings overlapping [from_at, to_at)."""
        from_at = aware_utc(from_at, tx("The start of the window"))
        to_at = aware_utc(to_at, tx("The end of the window"))
        with self._ctx.unit_of_work(write=False) as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            return queries.teacher_schedule(uow.session, teacher, from_at, to_at)

    def next_session_start(self, actor: Actor) -> datetime | None:
        """When the acting teacher's next session (requested or confirmed, not yet ended)
        begins: the schedule opens on its week. None when nothing is coming."""
        with self._ctx.unit_of_work(write=False) as uow:
            teacher = load_acting_user(uow.session, actor, Role.TEACHER)
            return queries.next_session_start(uow.session, teacher, self._ctx.now())


def _insert_booking(session: Session, booking: SessionBooking) -> int:
    """INSERT a new booking built in full (every column set, as ``_new_booking`` does) with
    one statement; its id. The object stays out of the session: the request reads it only to
    write its audit line, notices and DTO, and flushing it through the unit of work cost
    about a quarter of the request's client CPU."""
    values = {key: getattr(booking, key) for key in _BOOKING_COLUMNS}
    new_id: int = run_core(session, _INSERT_BOOKING, values).scalar_one()
    return new_id


_REQUESTER = aliased(User, name="requester")
_TEACHER = aliased(User, name="teacher")
# What a request reads of its student and the teacher: the account's checks and what the
# notice and the DTO name (not the password hash, the sign-in counters, the dates).
_PERSON = (
    "role",
    "is_active",
    "suspended_at",
    "must_change_password",
    "display_name",
    "email",
    "time_zone",
    "language",
)
# What it reads of the gig: the checks, the price and the title.
_GIG = (
    "teacher_id",
    "title",
    "hourly_rate_minor",
    "currency",
    "is_active",
    "suspended_at",
    "min_duration_minutes",
    "max_duration_minutes",
    "duration_step_minutes",
)
# a student, a gig and its teacher, one row: the student joined on TRUE, each filtered to
# its own id; only the columns the request reads (the statement's columns cost the client
# CPU each)
_REQUESTER_AND_GIG = (
    select(
        *(getattr(_REQUESTER, name) for name in _PERSON),
        *(getattr(Gig, name) for name in _GIG),
        *(getattr(_TEACHER, name) for name in _PERSON),
    )
    .select_from(_REQUESTER)
    .join(Gig, true())
    .join(_TEACHER, _TEACHER.id == Gig.teacher_id)
    .where(_REQUESTER.id == bindparam("user_id"), Gig.id == bindparam("gig_id"))
)


def _named(names: tuple[str, ...], values: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(names, values, strict=True))


_BOOKINGS = table_of(SessionBooking)
_BOOKING_COLUMNS = tuple(column.key for column in _BOOKINGS.columns if column.key != "id")
_INSERT_BOOKING = insert(_BOOKINGS).returning(_BOOKINGS.c.id)


def _own_teacher(user: User, booking: SessionBooking) -> None:
    if user.role is not Role.TEACHER or user.id != booking.teacher_id:
        raise PermissionDenied(tx("Only the teacher of this booking can do that."))


def _own_student_or_admin(user: User, booking: SessionBooking) -> None:
    if user.role is Role.ADMIN:
        return
    if user.role is not Role.STUDENT or user.id != booking.student_id:
        raise PermissionDenied(
            tx("Only the student who booked, or an admin, can cancel a booking.")
        )


def _paid_cancel_refusal(booking: SessionBooking, user: User) -> Text:
    """Why an open booking whose payment started or finished is not cancelled directly."""
    if booking.payment_status is not PaymentStatus.PAID:
        return tx("A payment for this booking is in progress; try again once it has finished.")
    if user.role is Role.ADMIN:
        return tx("This booking is paid: an admin cancels it by issuing a refund.")
    if user.role is Role.TEACHER:
        return tx("This booking is paid: cancelling it refunds the student in full.")
    return tx(
        "This booking is paid: cancel it from My bookings (a full refund more than 24 hours "
        "before the start; later, ask for the cancellation)."
    )
