"""The meeting of a paid booking: the create/delete jobs, and what each role may see of it.

The create-meeting job (enqueued when a booking becomes PAID) asks the provider for a room
OUTSIDE any transaction, then stores it (Meeting ``ready``) and announces the session to both
parties in one transaction. A provider failure leaves the booking PAID: the Meeting row says
``pending`` with the reason while the outbox backs off, and ``failed`` once the job is
dead-lettered (an admin can retry it); a payment is never refunded because a meeting failed.
After ``PENDING_NOTICE_AFTER`` failed attempts both parties are told the session is booked with
the "meeting pending" text, and get the link later ("meeting_ready"). Zoom reconciles by
booking reference, so a crash after Zoom created a meeting does not leave two live meetings.

No meeting link without PAID: ``meeting_for_booking``, ``join_url`` and ``fresh_start_url``
refuse links unless the booking's payment is PAID; the host link is for the teacher only.
Handlers and ``fresh_start_url`` do network I/O: call them on worker threads.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from linguaflex_desktop import crashpoints
from linguaflex_desktop.adapters.meetings import MeetingInfo, MeetingProvider
from linguaflex_desktop.adapters.zoom import MeetingInProgress
from linguaflex_desktop.errors import ConfigurationError, Conflict, PermissionDenied, RetryLater
from linguaflex_desktop.models import (
    BookingStatus,
    Meeting,
    MeetingStatus,
    PaymentStatus,
    Role,
    SessionBooking,
)
from linguaflex_desktop.models.enums import MeetingProvider as ProviderName
from linguaflex_desktop.services.booking.events import JOB_DELETE_MEETING, announce_meeting
from linguaflex_desktop.services.booking.queries import ensure_party_or_admin
from linguaflex_desktop.services.booking.row_extras import visible_meeting_status
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.outbox import current_job_run, enqueue_job
from linguaflex_desktop.services.common.stored_texts import keep_template, recall
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

PENDING_NOTICE_AFTER = 3  # failed attempts before the parties hear "meeting pending"
IN_PROGRESS_RECHECK_SECONDS = 15 * 60  # a session running past its booked end
MAX_TOPIC_CHARS = 200
MAX_REASON_CHARS = 1000


@dataclass(frozen=True)
class MeetingDTO:
    """A booking's meeting as the acting user may see it. ``status`` None: no meeting (the
    booking is not paid). Links are None where the viewer may not have them."""

    booking_id: int
    status: MeetingStatus | None
    provider: ProviderName | None
    join_url: str | None
    host_url: str | None
    password: str | None
    failure_reason: str | None

    @property
    def label(self) -> str:
        if self.status is MeetingStatus.READY:
            return tx("Meeting ready")
        if self.status is MeetingStatus.PENDING:
            return tx("Meeting pending")
        if self.status is MeetingStatus.FAILED:
            if self.failure_reason:
                return tx("Meeting failed: {reason}", reason=self.failure_reason)
            return tx("Meeting failed: unknown reason")
        if self.status is MeetingStatus.DELETED:
            return tx("Meeting cancelled")
        return tx("No meeting (not paid)")


@dataclass(frozen=True)
class _Plan:
    reference: str
    topic: str
    start_at: datetime
    duration_minutes: int
    host_email: str


def booking_reference(booking: SessionBooking) -> str:
    """Stable and unique enough across installations sharing one Zoom account."""
    return f"booking-{booking.id}-{int(booking.created_at.timestamp())}"


def _wants_meeting(booking: SessionBooking) -> bool:
    return (
        booking.status is BookingStatus.CONFIRMED and booking.payment_status is PaymentStatus.PAID
    )


def _meeting_row(session: Session, booking_id: int) -> Meeting | None:
    return session.scalar(select(Meeting).where(Meeting.booking_id == booking_id))


class MeetingService:
    """Thread-safe: each call opens its own Session. ``provider`` is the configured one
    (``meeting_provider_from_settings``); Jitsi rooms need no provider to delete or host."""

    def __init__(self, ctx: ServiceContext, provider: MeetingProvider) -> None:
        self._ctx = ctx
        self._provider = provider
        self._provider_name = provider.provider_name

    # --- jobs (worker thread) ---------------------------------------------------------------

    def create_meeting_job(self, payload: dict[str, Any]) -> None:
        """Outbox handler: make the paid booking's meeting and announce it. Idempotent."""
        booking_id = int(payload["booking_id"])
        plan = self._plan_create(booking_id)
        if plan is None:
            return
        try:
            info = self._provider.create(
                plan.reference,
                topic=plan.topic,
                start_at=plan.start_at,
                duration_minutes=plan.duration_minutes,
                host_email=plan.host_email,
            )
        except Exception as error:
            self._record_failure(booking_id, error)
            raise
        crashpoints.reached("meeting.provider_created")
        self._store_ready(booking_id, info)
        crashpoints.reached("meeting.recorded")

    def _plan_create(self, booking_id: int) -> _Plan | None:
        with self._ctx.unit_of_work() as uow:
            booking = load_booking(uow.session, booking_id, for_update=True)
            meeting = _meeting_row(uow.session, booking_id)
            if not _wants_meeting(booking):
                if meeting is not None and meeting.status is not MeetingStatus.READY:
                    meeting.status = MeetingStatus.DELETED
                uow.commit()
                return None
            if meeting is not None and meeting.status is MeetingStatus.READY:
                announce_meeting(uow.session, booking, meeting=meeting, at=self._ctx.now())
                uow.commit()
                return None
            topic = f"{booking.gig.title} — {booking.teacher.display_name} & "
            topic += booking.student.display_name
            return _Plan(
                booking_reference(booking),
                topic[:MAX_TOPIC_CHARS],
                booking.start_at,
                booking.duration_minutes,
                booking.teacher.email,
            )

    def _record_failure(self, booking_id: int, error: Exception) -> None:
        """Meeting ``pending`` with the reason, or ``failed`` on the last attempt; never
        touches the payment. Errors here are logged: the job's own error is what counts."""
        run = current_job_run()
        attempt = run.attempt if run is not None else 1
        last = run.is_last_attempt if run is not None else False
        reason = (str(error) or type(error).__name__)[:MAX_REASON_CHARS]
        if isinstance(error, RetryLater) and not error.counts_as_attempt:
            last = False  # a wait the provider scheduled is no failed attempt
        try:
            with self._ctx.unit_of_work() as uow:
                booking = load_booking(uow.session, booking_id, for_update=True)
                meeting = self._row_for_update(uow.session, booking_id)
                if meeting.status is MeetingStatus.READY or not _wants_meeting(booking):
                    return
                meeting.status = MeetingStatus.FAILED if last else MeetingStatus.PENDING
                meeting.failure_reason = _failure_reason(error, attempt, last, reason)
                meeting.updated_at = self._ctx.now()
                if last or attempt >= PENDING_NOTICE_AFTER:
                    announce_meeting(uow.session, booking, meeting=None, at=self._ctx.now())
                uow.commit()
        except Exception:
            log.exception("booking %d: could not record the meeting failure", booking_id)

    def _row_for_update(self, session: Session, booking_id: int) -> Meeting:
        meeting = _meeting_row(session, booking_id)
        if meeting is None:
            now = self._ctx.now()
            meeting = Meeting(
                booking_id=booking_id,
                provider=self._provider_name,
                status=MeetingStatus.PENDING,
                created_at=now,
                updated_at=now,
            )
            session.add(meeting)
        return meeting

    def _store_ready(self, booking_id: int, info: MeetingInfo) -> None:
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            booking = load_booking(session, booking_id, for_update=True)
            meeting = self._row_for_update(session, booking_id)
            meeting.provider = info.provider
            meeting.external_id = info.external_id
            meeting.join_url = info.join_url
            meeting.host_url = info.host_url
            meeting.password = info.password
            meeting.status = MeetingStatus.READY
            meeting.failure_reason = None
            meeting.updated_at = self._ctx.now()
            session.flush()
            if _wants_meeting(booking):
                announce_meeting(session, booking, meeting=meeting, at=self._ctx.now())
            else:  # refunded while the room was being made: take it down again
                enqueue_job(
                    session,
                    kind=JOB_DELETE_MEETING,
                    payload={"booking_id": booking_id},
                    dedupe_key=f"meeting-delete-{booking_id}-{info.external_id}"[:255],
                    now=self._ctx.now(),
                )
            uow.commit()
        log.info("booking %d: %s meeting ready", booking_id, info.provider.value)

    def delete_meeting_job(self, payload: dict[str, Any]) -> None:
        """Outbox handler: remove the meeting of a cancelled or refunded booking. Idempotent;
        a meeting that is gone already is fine; never touches a booking still paid."""
        booking_id = int(payload["booking_id"])
        with self._ctx.unit_of_work(write=False) as uow:
            booking = load_booking(uow.session, booking_id)
            meeting = _meeting_row(uow.session, booking_id)
            if (
                meeting is None
                or meeting.status is MeetingStatus.DELETED
                or _wants_meeting(booking)
            ):
                return
            provider, external_id = meeting.provider, meeting.external_id
            ends_at = booking.end_at
        if external_id:
            remote = self._provider_for(provider)
            if remote is not None:
                try:
                    remote.delete(external_id)
                except MeetingInProgress as error:
                    raise RetryLater(self._seconds_until_end(ends_at), str(error)) from None
        with self._ctx.unit_of_work() as uow:
            meeting = _meeting_row(uow.session, booking_id)
            if meeting is not None and meeting.external_id == external_id:
                meeting.status = MeetingStatus.DELETED
                meeting.updated_at = self._ctx.now()
            uow.commit()

    def _seconds_until_end(self, ends_at: datetime) -> float:
        """Until the session's booked end; a while longer once it runs past it."""
        return max((ends_at - self._ctx.now()).total_seconds(), IN_PROGRESS_RECHECK_SECONDS)

    def move_meeting_job(self, payload: dict[str, Any]) -> None:
        """Outbox handler: give a rescheduled booking's meeting its new time. Skips a stale
        job (the booking moved again), a meeting not made yet (it will be made at the new
        time) and Jitsi rooms (no time to move)."""
        booking_id = int(payload["booking_id"])
        expected_start = datetime.fromisoformat(str(payload["start_at"]))
        with self._ctx.unit_of_work(write=False) as uow:
            booking = load_booking(uow.session, booking_id)
            meeting = _meeting_row(uow.session, booking_id)
            if (
                meeting is None
                or meeting.status is not MeetingStatus.READY
                or not meeting.external_id
                or not _wants_meeting(booking)
                or booking.start_at != expected_start
            ):
                return
            provider, external_id = meeting.provider, meeting.external_id
            start_at, duration = booking.start_at, booking.duration_minutes
        remote = self._provider_for(provider)
        if remote is not None:
            remote.move(external_id, start_at=start_at, duration_minutes=duration)

    def _provider_for(self, name: ProviderName) -> MeetingProvider | None:
        """The provider able to act on a stored meeting; None for Jitsi (nothing remote)."""
        if name is ProviderName.JITSI:
            return None
        if name is not self._provider_name:
            raise ConfigurationError(
                tx(
                    "This meeting is on Zoom, but Zoom is not configured here (ZOOM_ACCOUNT_ID, "
                    "ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET)."
                )
            )
        return self._provider

    # --- reads (any worker thread) ----------------------------------------------------------

    def meeting_for_booking(self, actor: Actor, booking_id: int) -> MeetingDTO:
        """The meeting state for the booking's student, teacher or an admin; the join link
        for the two parties and the host link for the teacher, only while PAID."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            booking = load_booking(uow.session, booking_id)
            ensure_party_or_admin(user, booking)
            meeting = _meeting_row(uow.session, booking_id)
            paid = booking.payment_status is PaymentStatus.PAID
            status = visible_meeting_status(  # as the booking lists show it
                meeting.status if meeting is not None else None,
                status=booking.status,
                payment_status=booking.payment_status,
            )
            ready = paid and meeting is not None and meeting.status is MeetingStatus.READY
            stored_failure = (meeting.failure_reason or "") if meeting is not None else ""
            party = user.id in (booking.student_id, booking.teacher_id)
            teacher = user.id == booking.teacher_id
            return MeetingDTO(
                booking_id=booking_id,
                status=status,
                provider=meeting.provider if meeting is not None else None,
                join_url=meeting.join_url if ready and party and meeting else None,
                host_url=meeting.host_url if ready and teacher and meeting else None,
                password=meeting.password if ready and party and meeting else None,
                failure_reason=recall(stored_failure) or None,
            )

    def join_url(self, actor: Actor, booking_id: int) -> str:
        """The link the "Join" button opens (student or teacher of a PAID booking)."""
        dto = self.meeting_for_booking(actor, booking_id)
        if actor.role is Role.ADMIN:
            raise PermissionDenied(tx("Only the student and the teacher join the session."))
        return _ready_link(dto, dto.join_url)

    def fresh_start_url(self, actor: Actor, booking_id: int) -> str:
        """The teacher's host link, valid now: Zoom is asked for a fresh start_url (it
        expires); a Jitsi room's host link is its join link. Network I/O for Zoom."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor, Role.TEACHER)
            booking = load_booking(uow.session, booking_id)
            if user.id != booking.teacher_id:
                raise PermissionDenied(
                    tx("Only the teacher of this booking can start its meeting.")
                )
        dto = self.meeting_for_booking(actor, booking_id)
        host_url = _ready_link(dto, dto.host_url)
        if dto.provider is ProviderName.JITSI:
            return host_url
        with self._ctx.unit_of_work(write=False) as uow:
            meeting = _meeting_row(uow.session, booking_id)
            external_id = meeting.external_id if meeting is not None else None
        remote = self._provider_for(ProviderName.ZOOM)
        if remote is None or not external_id:
            return host_url
        return remote.fresh_host_url(external_id)


def _ready_link(dto: MeetingDTO, link: str | None) -> str:
    if dto.status is None:
        raise Conflict(tx("There is no meeting link until the session is paid."))
    if dto.status is not MeetingStatus.READY or link is None:
        raise Conflict(_not_available(dto))
    return link


def _failure_reason(error: Exception, attempt: int, last: bool, reason: str) -> str:
    """What the meeting's row keeps about a failed attempt (read back with ``recall``)."""
    if isinstance(error, RetryLater) and not error.counts_as_attempt:
        return tx("Waiting for the provider: {reason}", reason=reason)
    if last:
        return tx("Gave up after {attempts} attempts: {reason}", attempts=attempt, reason=reason)
    return tx("Attempt {attempt} failed, retrying: {reason}", attempt=attempt, reason=reason)


keep_template("Waiting for the provider: {reason}")
keep_template("Gave up after {attempts} attempts: {reason}")
keep_template("Attempt {attempt} failed, retrying: {reason}")


def _not_available(dto: MeetingDTO) -> str:
    """Why there is no link to open, as one sentence (the meeting's ``label``, in lower case)."""
    if dto.status is MeetingStatus.READY:
        return tx("The meeting is not available: meeting ready.")
    if dto.status is MeetingStatus.PENDING:
        return tx("The meeting is not available: meeting pending.")
    if dto.status is MeetingStatus.FAILED:
        if dto.failure_reason:
            return tx(
                "The meeting is not available: meeting failed: {reason}.",
                reason=dto.failure_reason.lower(),
            )
        return tx("The meeting is not available: meeting failed: unknown reason.")
    if dto.status is MeetingStatus.DELETED:
        return tx("The meeting is not available: meeting cancelled.")
    return tx("The meeting is not available: no meeting (not paid).")
