"""Booking lifecycle on SQLite and Postgres: request, every transition of DESIGN.md section 4,
the refusals of every transition not listed there, expiry, completion, refunds, reschedule,
audit trail and the paged list queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from linguaflex_desktop.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    SlotTaken,
    ValidationError,
)
from linguaflex_desktop.models import BookingStatus, Gig, PaymentStatus, User
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.dto import BookingFilter
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.service import BookingService, cancel_for_refund
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.attempts import check_payable
from tests.compiled_statements import statements_run
from tests.integration.booking_helpers import (
    SLOT,
    World,
    confirmed,
    make_world,
    paid,
    request,
    row_state,
    set_payment,
)

S = BookingStatus
P = PaymentStatus


@pytest.fixture
def service(ctx: ServiceContext) -> BookingService:
    return BookingService(ctx)


@pytest.fixture
def reschedules(ctx: ServiceContext) -> Reschedules:
    return Reschedules(ctx)


@pytest.fixture
def due(ctx: ServiceContext) -> DueTransitions:
    return DueTransitions(ctx)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


# --- request ---------------------------------------------------------------------------------


def test_request_gives_pending_unpaid_with_the_price_snapshotted(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    booking = request(service, world, duration=90)
    assert (booking.status, booking.payment_status) == (S.PENDING, P.UNPAID)
    assert (booking.base_amount_minor, booking.fee_minor, booking.total_minor) == (7500, 375, 7875)
    assert booking.teacher_share_minor == 7500 and booking.currency == "USD"
    assert booking.end_at - booking.start_at == timedelta(minutes=90)
    assert booking.start_at == SLOT and booking.start_at.tzinfo is not None
    assert booking.respond_by == SLOT - timedelta(hours=12)  # earlier than now + 48 h
    assert booking.version == 1
    with ctx.unit_of_work() as uow:
        uow.session.execute(update(Gig).values(hourly_rate_minor=9900))
        uow.commit()
    assert service.get_booking(world.student, booking.id).booking.total_minor == 7875


@pytest.mark.parametrize(
    ("start_at", "duration", "message"),
    [
        (datetime(2027, 3, 1, 8, 0, tzinfo=UTC), 60, "in the past"),
        (datetime(2027, 3, 1, 20, 0, tzinfo=UTC), 60, "at least 12 hours ahead"),
        (datetime(2027, 5, 3, 10, 0, tzinfo=UTC), 60, "at most 8 weeks ahead"),
        (SLOT + timedelta(minutes=10), 60, "quarter hour"),
        (SLOT.replace(hour=21, minute=30), 60, "not available"),  # ends after 22:00
        (SLOT.replace(hour=3), 60, "not available"),
        (SLOT, 50, "50 is not offered"),
        (SLOT, 195, "195 is not offered"),
        (SLOT.replace(tzinfo=None), 60, "time zone"),
    ],
)
def test_request_is_refused_with_a_clear_reason(
    service: BookingService, world: World, start_at: datetime, duration: int, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        request(service, world, start_at=start_at, duration=duration)
    assert service.count_bookings(world.admin) == 0


def test_request_on_a_teachers_day_off_is_refused(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    from linguaflex_desktop.services.booking.availability import AvailabilityService

    AvailabilityService(ctx).add_day_off(world.teacher, SLOT.date(), "Dentist")
    with pytest.raises(ValidationError, match="not available"):
        request(service, world)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("gig_suspended", True, "gig is suspended"),
        ("gig_inactive", True, "not offered"),
        ("teacher_suspended", True, "not taking bookings"),
    ],
)
def test_request_for_a_suspended_or_inactive_gig_or_teacher_is_refused(
    ctx: ServiceContext,
    service: BookingService,
    world: World,
    column: str,
    value: bool,
    message: str,
) -> None:
    with ctx.unit_of_work() as uow:
        gig = uow.session.get(Gig, world.gig_id)
        assert gig is not None
        if column == "gig_suspended":
            gig.suspended_at = ctx.now()
        elif column == "gig_inactive":
            gig.is_active = False
        else:
            teacher = uow.session.get(User, world.teacher.id)
            assert teacher is not None
            teacher.suspended_at = ctx.now()
        uow.commit()
    with pytest.raises(ValidationError, match=message):
        request(service, world)


def test_a_teacher_cannot_book_their_own_gig_and_no_teacher_can_request(
    service: BookingService, world: World
) -> None:
    with pytest.raises(ValidationError, match="your own gig"):
        service.request_booking(
            world.teacher, gig_id=world.gig_id, start_at=SLOT, duration_minutes=60
        )
    with pytest.raises(PermissionDenied, match="Only students"):
        service.request_booking(
            world.other_teacher, gig_id=world.gig_id, start_at=SLOT, duration_minutes=60
        )


def test_request_for_an_unknown_gig_is_not_found(service: BookingService, world: World) -> None:
    with pytest.raises(NotFound):
        service.request_booking(world.student, gig_id=999, start_at=SLOT, duration_minutes=60)


def test_a_suspended_students_request_is_refused_for_a_gig_known_or_not(
    service: BookingService, world: World
) -> None:
    """The student and the gig come in one statement: an inactive account is refused as
    such, before (and whether or not) the gig is found."""
    for gig_id in (world.gig_id, 999):
        with pytest.raises(PermissionDenied, match="not active"):
            service.request_booking(
                world.suspended_student, gig_id=gig_id, start_at=SLOT, duration_minutes=60
            )
    assert service.count_bookings(world.admin) == 0


def test_a_request_answers_with_the_booking_as_it_was_stored(
    service: BookingService, world: World
) -> None:
    """The new booking is written with one INSERT of every column: what the request answers
    (status, price, version, note, deadlines) is what a later read finds."""
    asked = service.request_booking(
        world.student,
        gig_id=world.gig_id,
        start_at=SLOT,
        duration_minutes=90,
        note="Business German, please",
    )
    stored = service.get_booking(world.student, asked.id)
    assert stored.booking == asked
    assert stored.booking.version == 1 and stored.booking.status_reason == ""
    assert [entry.action for entry in stored.audit] == ["booking.requested"]


def test_overlapping_the_teachers_booking_is_refused_but_back_to_back_is_allowed(
    service: BookingService, world: World
) -> None:
    request(service, world, duration=60)
    with pytest.raises(SlotTaken, match="teacher has a session"):
        request(service, world, start_at=SLOT + timedelta(minutes=45), student=world.other_student)
    after = request(service, world, start_at=SLOT + timedelta(hours=1), student=world.other_student)
    before = request(service, world, start_at=SLOT - timedelta(minutes=30), duration=30)
    assert after.start_at == SLOT + timedelta(hours=1)
    assert before.end_at == SLOT


def test_overlapping_the_students_own_booking_with_another_teacher_is_refused(
    service: BookingService, world: World
) -> None:
    request(service, world, duration=120)
    with pytest.raises(SlotTaken, match="you already have a session"):
        service.request_booking(
            world.student,
            gig_id=world.other_gig_id,
            start_at=SLOT + timedelta(hours=1),
            duration_minutes=60,
        )


def test_another_teacher_and_another_student_may_book_the_same_time(
    service: BookingService, world: World
) -> None:
    request(service, world, duration=60)

    other = service.request_booking(
        world.other_student, gig_id=world.other_gig_id, start_at=SLOT, duration_minutes=60
    )

    assert other.start_at == SLOT


@pytest.mark.parametrize("how", ["cancel", "decline"])
def test_a_cancelled_or_declined_booking_frees_its_slot(
    service: BookingService, world: World, how: str
) -> None:
    first = request(service, world)
    if how == "cancel":
        service.cancel_booking(world.student, first.id, reason="Changed my mind")
    else:
        service.decline_booking(world.teacher, first.id, reason="Away that day")
    second = request(service, world, student=world.other_student)
    assert second.status is S.PENDING and second.start_at == first.start_at


# --- listed transitions ----------------------------------------------------------------------


def test_teacher_confirms_and_the_payment_deadline_is_set(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    booking = request(service, world)
    result = service.confirm_booking(world.teacher, booking.id, expected_version=booking.version)
    assert (result.status, result.payment_status) == (S.CONFIRMED, P.UNPAID)
    assert result.payment_due_by == ctx.now() + timedelta(hours=24)
    assert result.version == booking.version + 1
    near = request(service, world, start_at=ctx.now() + timedelta(hours=21), duration=30)
    near_confirmed = service.confirm_booking(world.teacher, near.id)
    assert near_confirmed.payment_due_by == near.start_at - timedelta(hours=1)


def test_teacher_declines_with_a_reason_and_a_reason_is_required(
    service: BookingService, world: World
) -> None:
    booking = request(service, world)
    with pytest.raises(ValidationError, match="reason"):
        service.decline_booking(world.teacher, booking.id, reason="   ")
    result = service.decline_booking(world.teacher, booking.id, reason="Fully booked that week")
    assert result.status is S.CANCELLED and result.status_reason == "Fully booked that week"


def test_student_cancels_a_pending_and_a_confirmed_unpaid_booking(
    service: BookingService, world: World
) -> None:
    pending = request(service, world)
    assert service.cancel_booking(world.student, pending.id).status is S.CANCELLED
    booking = confirmed(service, world, start_at=SLOT + timedelta(days=1))
    result = service.cancel_booking(world.student, booking.id, reason="Ill")
    assert (result.status, result.payment_status, result.status_reason) == (
        S.CANCELLED,
        P.UNPAID,
        "Ill",
    )


def test_student_cancels_after_a_failed_payment(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    booking = confirmed(service, world)
    set_payment(ctx, booking.id, P.PENDING, P.FAILED)
    assert service.cancel_booking(world.student, booking.id).payment_status is P.FAILED


def test_admin_cancels_any_unpaid_booking(service: BookingService, world: World) -> None:
    booking = confirmed(service, world)
    result = service.cancel_booking(world.admin, booking.id, reason="Policy violation")
    assert result.status is S.CANCELLED


def test_a_paid_booking_is_cancelled_only_through_a_refund(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    booking = paid(ctx, service, world)
    with pytest.raises(InvalidTransition, match="cancel it from My bookings"):
        service.cancel_booking(world.student, booking.id)
    with pytest.raises(InvalidTransition, match="issuing a refund") as caught:
        service.cancel_booking(world.admin, booking.id)
    assert getattr(caught.value.current, "payment_status", None) is P.PAID
    with ctx.unit_of_work() as uow:
        row = load_booking(uow.session, booking.id, for_update=True)
        cancel_for_refund(uow.session, row, actor_id=world.admin.id, reason="Refund", at=ctx.now())
        uow.commit()
    assert row_state(ctx, booking.id)[:2] == (S.CANCELLED, P.REFUNDED)
    assert request(service, world, student=world.other_student).start_at == booking.start_at


def test_request_expires_when_the_teacher_does_not_answer(
    ctx: ServiceContext, service: BookingService, due: DueTransitions, world: World, clock
) -> None:
    booking = request(service, world)
    assert due.run_due_transitions() == 0
    clock.set(booking.respond_by)
    with pytest.raises(InvalidTransition, match="expired"):
        service.confirm_booking(world.teacher, booking.id)
    assert due.run_due_transitions() == 1
    assert due.run_due_transitions() == 0  # idempotent
    detail = service.get_booking(world.student, booking.id)
    assert detail.booking.status is S.CANCELLED
    assert detail.audit[-1].action == "booking.expired"
    assert detail.audit[-1].actor_name == "System" and detail.audit[-1].actor_id is None


def test_confirmed_booking_left_unpaid_is_cancelled_at_its_payment_deadline(
    ctx: ServiceContext, service: BookingService, due: DueTransitions, world: World, clock
) -> None:
    unpaid = confirmed(service, world)
    failed = confirmed(service, world, start_at=SLOT + timedelta(hours=2))
    in_flight = confirmed(service, world, start_at=SLOT + timedelta(hours=4))
    set_payment(ctx, failed.id, P.PENDING, P.FAILED)
    set_payment(ctx, in_flight.id, P.PENDING)
    clock.set(unpaid.payment_due_by - timedelta(minutes=1))
    assert due.run_due_transitions() == 0
    clock.set(in_flight.payment_due_by)
    assert due.run_due_transitions() == 2
    assert row_state(ctx, unpaid.id)[:2] == (S.CANCELLED, P.UNPAID)
    assert row_state(ctx, failed.id)[:2] == (S.CANCELLED, P.FAILED)
    assert row_state(ctx, in_flight.id)[:2] == (S.CONFIRMED, P.PENDING)  # Stripe decides


def test_teacher_completes_a_paid_session_only_after_its_end(
    ctx: ServiceContext, service: BookingService, world: World, clock
) -> None:
    booking = paid(ctx, service, world)
    clock.set(booking.end_at - timedelta(minutes=1))
    with pytest.raises(InvalidTransition, match="not ended"):
        service.complete_booking(world.teacher, booking.id)
    clock.set(booking.end_at)
    assert service.complete_booking(world.teacher, booking.id).status is S.COMPLETED


def test_an_unpaid_session_cannot_be_completed(
    ctx: ServiceContext, service: BookingService, world: World, clock
) -> None:
    booking = confirmed(service, world)
    set_payment(ctx, booking.id, P.PENDING)
    clock.set(booking.end_at + timedelta(hours=1))
    with pytest.raises(InvalidTransition, match="only be completed once it has been paid"):
        service.complete_booking(world.teacher, booking.id)
    assert row_state(ctx, booking.id)[:2] == (S.CONFIRMED, P.PENDING)


def test_paid_sessions_complete_automatically_after_their_end(
    ctx: ServiceContext, service: BookingService, due: DueTransitions, world: World, clock
) -> None:
    booking = paid(ctx, service, world)
    clock.set(booking.end_at)
    assert due.run_due_transitions() == 1
    assert row_state(ctx, booking.id)[:2] == (S.COMPLETED, P.PAID)


def test_the_due_sweep_reads_a_booking_s_gig_and_parties_with_it(
    ctx: ServiceContext, service: BookingService, due: DueTransitions, world: World, clock
) -> None:
    """Each change's notices name the gig and both parties: read in the booking's own
    statement (under its lock), not one round trip each after it."""
    booking = paid(ctx, service, world)
    clock.set(booking.end_at)
    seen = statements_run(ctx, due.run_due_transitions)
    assert row_state(ctx, booking.id)[:2] == (S.COMPLETED, P.PAID)
    reads = [text for text, _hit in seen if text.lstrip().upper().startswith("SELECT")]
    assert not [text for text in reads if " FROM users" in text or " FROM gigs" in text]
    booking_read = next(text for text in reads if "FROM session_bookings" in text)
    assert "JOIN users" in booking_read and "JOIN gigs" in booking_read


def test_completed_session_refunded_becomes_refunded(
    ctx: ServiceContext, service: BookingService, world: World, clock
) -> None:
    booking = paid(ctx, service, world)
    clock.set(booking.end_at)
    service.complete_booking(world.teacher, booking.id)
    with ctx.unit_of_work() as uow:
        row = load_booking(uow.session, booking.id, for_update=True)
        cancel_for_refund(uow.session, row, actor_id=world.admin.id, reason="Bad audio", at=clock())
        uow.commit()
    assert row_state(ctx, booking.id)[:2] == (S.REFUNDED, P.REFUNDED)


def test_payment_hook_walks_the_payment_machine_and_refuses_the_rest(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    pending = request(service, world, start_at=SLOT + timedelta(days=1))
    with pytest.raises(InvalidTransition, match="once the teacher has confirmed"):
        set_payment(ctx, pending.id, P.PENDING)
    booking = confirmed(service, world)
    with pytest.raises(InvalidTransition, match="unpaid cannot become paid"):
        set_payment(ctx, booking.id, P.PAID)
    set_payment(ctx, booking.id, P.PENDING, P.FAILED, P.PENDING, P.PAID)
    status, payment, version = row_state(ctx, booking.id)
    assert (status, payment) == (S.CONFIRMED, P.PAID)
    assert version == booking.version + 1  # one transaction, one version bump
    actions = [entry.action for entry in service.get_booking(world.admin, booking.id).audit]
    assert actions[-4:] == [
        "booking.payment_pending",
        "booking.payment_failed",
        "booking.payment_pending",
        "booking.payment_paid",
    ]


# --- transitions not listed are refused ------------------------------------------------------

STATES = ["pending", "confirmed", "paid", "completed", "cancelled", "refunded"]
ALLOWED = {("pending", "confirm"), ("pending", "decline"), ("pending", "cancel")}
ALLOWED |= {("confirmed", "cancel"), ("paid", "complete")}


def _make_state(ctx: ServiceContext, service: BookingService, world: World, state: str) -> int:
    booking = request(service, world)
    if state == "pending":
        return booking.id
    if state == "cancelled":
        return service.cancel_booking(world.student, booking.id).id
    service.confirm_booking(world.teacher, booking.id)
    if state == "confirmed":
        return booking.id
    set_payment(ctx, booking.id, P.PENDING, P.PAID)
    if state == "paid":
        return booking.id
    with ctx.unit_of_work() as uow:
        row = load_booking(uow.session, booking.id, for_update=True)
        row.status = S.COMPLETED
        if state == "refunded":
            cancel_for_refund(uow.session, row, actor_id=None, reason="test", at=ctx.now())
        uow.commit()
    return booking.id


def _act(service: BookingService, world: World, action: str, booking_id: int) -> object:
    if action == "confirm":
        return service.confirm_booking(world.teacher, booking_id)
    if action == "decline":
        return service.decline_booking(world.teacher, booking_id, reason="No")
    if action == "cancel":
        return service.cancel_booking(world.student, booking_id)
    return service.complete_booking(world.teacher, booking_id)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ["confirm", "decline", "cancel", "complete"])
def test_every_action_is_allowed_only_from_its_listed_states(
    ctx: ServiceContext, service: BookingService, world: World, clock, state: str, action: str
) -> None:
    booking_id = _make_state(ctx, service, world, state)
    if action == "complete":
        clock.advance(days=3)  # after the session's end
    before = row_state(ctx, booking_id)
    if (state, action) in ALLOWED:
        _act(service, world, action, booking_id)
        assert row_state(ctx, booking_id) != before
        return
    with pytest.raises(InvalidTransition) as caught:
        _act(service, world, action, booking_id)
    assert caught.value.message
    assert getattr(caught.value.current, "version", None) == before[2]
    assert row_state(ctx, booking_id) == before


# --- reschedule ------------------------------------------------------------------------------


def test_student_proposes_and_teacher_accepts_a_new_time_payment_and_price_stay(
    ctx: ServiceContext, service: BookingService, reschedules: Reschedules, world: World
) -> None:
    booking = paid(ctx, service, world)
    new_start = SLOT + timedelta(days=1, hours=2)
    proposal = reschedules.propose_reschedule(world.student, booking.id, start_at=new_start)
    assert service.get_booking(world.teacher, booking.id).reschedule_proposal == proposal
    moved = reschedules.accept_reschedule(world.teacher, proposal.id)
    assert (moved.start_at, moved.end_at) == (new_start, new_start + timedelta(hours=1))
    assert (moved.status, moved.payment_status) == (S.CONFIRMED, P.PAID)
    assert moved.total_minor == booking.total_minor and moved.version == booking.version + 1
    detail = service.get_booking(world.student, booking.id)
    assert detail.reschedule_proposal is None
    assert detail.audit[-1].action == "booking.rescheduled"
    assert new_start.isoformat() in detail.audit[-1].to_state
    # The old slot is free again, the new one is held.
    request(service, world, student=world.other_student)
    with pytest.raises(SlotTaken):
        request(service, world, start_at=new_start, student=world.other_student)


def test_teacher_proposes_student_declines_and_the_booking_keeps_its_time(
    service: BookingService, reschedules: Reschedules, world: World
) -> None:
    booking = confirmed(service, world)
    proposal = reschedules.propose_reschedule(
        world.teacher, booking.id, start_at=SLOT + timedelta(hours=3)
    )
    with pytest.raises(PermissionDenied, match="other party decides"):
        reschedules.accept_reschedule(world.teacher, proposal.id)
    declined = reschedules.decline_reschedule(world.student, proposal.id)
    assert declined.status.value == "declined"
    assert service.get_booking(world.student, booking.id).booking.start_at == SLOT
    with pytest.raises(InvalidTransition, match="no longer open"):
        reschedules.accept_reschedule(world.student, proposal.id)


def test_reschedule_into_a_taken_or_unavailable_time_is_refused(
    service: BookingService, reschedules: Reschedules, world: World
) -> None:
    booking = request(service, world)
    other = request(service, world, start_at=SLOT + timedelta(hours=2), student=world.other_student)
    with pytest.raises(SlotTaken):
        reschedules.propose_reschedule(world.student, booking.id, start_at=other.start_at)
    with pytest.raises(ValidationError, match="not available"):
        reschedules.propose_reschedule(world.student, booking.id, start_at=SLOT.replace(hour=2))
    with pytest.raises(ValidationError, match="12 hours"):
        reschedules.propose_reschedule(
            world.student, booking.id, start_at=SLOT - timedelta(hours=40)
        )


def test_a_booking_may_be_moved_onto_part_of_its_own_time(
    service: BookingService, reschedules: Reschedules, world: World
) -> None:
    booking = confirmed(service, world)
    later = SLOT + timedelta(minutes=30)  # overlaps the booking's own hour, nobody else's

    proposal = reschedules.propose_reschedule(world.teacher, booking.id, start_at=later)
    moved = reschedules.accept_reschedule(world.student, proposal.id)

    assert moved.start_at == later


def test_a_counter_proposal_withdraws_the_open_one_and_cancel_withdraws_all(
    service: BookingService, reschedules: Reschedules, world: World
) -> None:
    booking = request(service, world)
    first = reschedules.propose_reschedule(
        world.teacher, booking.id, start_at=SLOT.replace(hour=14)
    )
    second = reschedules.propose_reschedule(
        world.student, booking.id, start_at=SLOT.replace(hour=15)
    )
    with pytest.raises(InvalidTransition, match="no longer open"):
        reschedules.accept_reschedule(world.student, first.id)
    service.cancel_booking(world.student, booking.id)
    with pytest.raises(InvalidTransition, match="no longer open"):
        reschedules.accept_reschedule(world.teacher, second.id)


def test_accepting_a_reschedule_clamps_the_response_deadline(
    ctx: ServiceContext, service: BookingService, reschedules: Reschedules, world: World
) -> None:
    booking = request(service, world, start_at=SLOT + timedelta(days=5))
    assert booking.respond_by == ctx.now() + timedelta(hours=48)
    sooner = ctx.now() + timedelta(hours=20)
    proposal = reschedules.propose_reschedule(world.teacher, booking.id, start_at=sooner)
    moved = reschedules.accept_reschedule(world.student, proposal.id)
    assert moved.respond_by == sooner - timedelta(hours=12)


def test_stale_proposals_are_withdrawn_by_the_due_run(
    ctx: ServiceContext,
    service: BookingService,
    reschedules: Reschedules,
    due: DueTransitions,
    world: World,
    clock,
) -> None:
    booking = confirmed(service, world, start_at=SLOT + timedelta(days=3))
    proposal = reschedules.propose_reschedule(world.student, booking.id, start_at=SLOT)
    clock.set(SLOT - timedelta(hours=11))
    assert due.run_due_transitions() >= 1
    assert service.get_booking(world.student, booking.id).reschedule_proposal is None
    with pytest.raises(InvalidTransition):
        reschedules.accept_reschedule(world.teacher, proposal.id)


# --- audit trail -----------------------------------------------------------------------------


def test_the_detail_view_shows_every_transition_with_actor_states_time_and_reason(
    ctx: ServiceContext, service: BookingService, world: World, clock
) -> None:
    booking = request(service, world)
    clock.advance(hours=1)
    service.confirm_booking(world.teacher, booking.id)
    clock.advance(hours=1)
    service.cancel_booking(world.student, booking.id, reason="Exam moved")
    detail = service.get_booking(world.teacher, booking.id)
    assert detail.student_time_zone == "UTC" and detail.teacher_time_zone == "UTC"
    rows = [(e.action, e.actor_name, e.from_state, e.to_state, e.reason) for e in detail.audit]
    assert rows == [
        ("booking.requested", "Sam", "", "payment_status=UNPAID, status=PENDING", ""),
        (
            "booking.confirmed",
            "Tina",
            "payment_status=UNPAID, status=PENDING",
            "payment_status=UNPAID, status=CONFIRMED",
            "",
        ),
        (
            "booking.cancelled",
            "Sam",
            "payment_status=UNPAID, status=CONFIRMED",
            "payment_status=UNPAID, status=CANCELLED",
            "Exam moved",
        ),
    ]
    assert [e.at for e in detail.audit] == [
        datetime(2027, 3, 1, 9, tzinfo=UTC),
        datetime(2027, 3, 1, 10, tzinfo=UTC),
        datetime(2027, 3, 1, 11, tzinfo=UTC),
    ]


# --- lists -----------------------------------------------------------------------------------


def test_lists_are_scoped_filtered_paged_and_counted(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    mine = [request(service, world, start_at=SLOT + timedelta(hours=h)) for h in range(5)]
    theirs = request(service, world, start_at=SLOT + timedelta(days=1), student=world.other_student)
    service.confirm_booking(world.teacher, mine[1].id)
    service.cancel_booking(world.student, mine[2].id)

    page = service.list_bookings(world.student, offset=1, limit=2)
    assert [b.id for b in page.items] == [mine[1].id, mine[2].id]
    assert (page.total, page.offset, page.limit) == (5, 1, 2)
    assert service.count_bookings(world.other_student) == 1
    assert service.count_bookings(world.teacher) == 6 and service.count_bookings(world.admin) == 6
    assert service.count_bookings(world.other_teacher) == 0

    pending = BookingFilter(statuses=(S.PENDING,), newest_first=True)
    ids = [b.id for b in service.list_bookings(world.admin, filters=pending).items]
    assert ids == [theirs.id, mine[4].id, mine[3].id, mine[0].id]
    window = BookingFilter(start_from=SLOT + timedelta(hours=1), start_to=SLOT + timedelta(hours=3))
    assert service.count_bookings(world.teacher, filters=window) == 2
    unpaid = BookingFilter(payment_statuses=(P.UNPAID,), student_id=world.other_student.id)
    assert service.count_bookings(world.admin, filters=unpaid) == 1
    with pytest.raises(PermissionDenied):
        service.list_bookings(world.student, filters=BookingFilter(student_id=theirs.student_id))
    with pytest.raises(ValidationError):
        service.list_bookings(world.admin, limit=0)


def test_teacher_queue_orders_by_deadline_and_schedule_skips_cancelled(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    far = request(service, world, start_at=SLOT + timedelta(days=6))
    near = request(service, world, start_at=SLOT + timedelta(hours=2))
    gone = request(service, world, start_at=SLOT + timedelta(hours=4))
    service.cancel_booking(world.student, gone.id)
    queue = service.teacher_request_queue(world.teacher)
    assert [b.id for b in queue] == [near.id, far.id]
    schedule = service.teacher_schedule(world.teacher, from_at=SLOT, to_at=SLOT + timedelta(days=1))
    assert [b.id for b in schedule] == [near.id]
    with pytest.raises(PermissionDenied):
        service.teacher_request_queue(world.student)


def test_a_booking_whose_payment_is_running_cannot_be_cancelled_as_its_rule_says(
    ctx: ServiceContext, service: BookingService, world: World
) -> None:
    booking = confirmed(service, world)
    set_payment(ctx, booking.id, P.PENDING)
    dto = service.get_booking(world.student, booking.id).booking
    assert not rules.can_cancel(dto)  # what the UI asks ...
    with pytest.raises(InvalidTransition, match="payment for this booking is in progress"):
        service.cancel_booking(world.student, booking.id)  # ... is what the service enforces
    assert row_state(ctx, booking.id)[:2] == (S.CONFIRMED, P.PENDING)


def test_the_service_refuses_payment_exactly_when_the_pay_rule_says_no(
    ctx: ServiceContext, service: BookingService, world: World, clock
) -> None:
    booking = confirmed(service, world)
    assert booking.payment_due_by is not None
    for now in (booking.payment_due_by - timedelta(microseconds=1), booking.payment_due_by):
        clock.set(now)
        with ctx.unit_of_work(write=False) as uow:
            row = load_booking(uow.session, booking.id)
            refused = None
            try:
                check_payable(row, now)
            except InvalidTransition as error:
                refused = error
        assert (refused is None) == rules.can_pay(booking, now)
