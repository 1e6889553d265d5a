"""Authorization in the service layer, on SQLite and Postgres: for every transition each wrong
actor (other student, other teacher, wrong role, suspended user) gets PermissionDenied and
nothing changes; the rightful actor then succeeds, proving the setup allowed the action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from linguaflex_desktop.errors import PermissionDenied
from linguaflex_desktop.models import AuditEvent, PaymentStatus, RescheduleProposal, User
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.integration.booking_helpers import SLOT, World, make_world, paid, request, set_payment

NEW_START = SLOT + timedelta(hours=3)


@dataclass(frozen=True)
class Services:
    """The booking service and the reschedule collaborator on one database."""

    bookings: BookingService
    reschedules: Reschedules


@dataclass(frozen=True)
class Case:
    """A transition: how to reach the state it needs, who may do it, and the call itself."""

    setup: Callable[[ServiceContext, BookingService, World], int]
    rightful: str
    act: Callable[[Services, Actor, int], object]


def _pending(ctx: ServiceContext, service: BookingService, world: World) -> int:
    return request(service, world).id


def _confirmed(ctx: ServiceContext, service: BookingService, world: World) -> int:
    booking = request(service, world)
    return service.confirm_booking(world.teacher, booking.id).id


def _paid_and_over(ctx: ServiceContext, service: BookingService, world: World) -> int:
    booking = paid(ctx, service, world)
    ctx.clock.set(booking.end_at + timedelta(minutes=5))  # type: ignore[attr-defined]
    return booking.id


def _proposed_by_student(ctx: ServiceContext, service: BookingService, world: World) -> int:
    booking_id = _confirmed(ctx, service, world)
    return Reschedules(ctx).propose_reschedule(world.student, booking_id, start_at=NEW_START).id


CASES = {
    "confirm": Case(_pending, "teacher", lambda s, a, i: s.bookings.confirm_booking(a, i)),
    "decline": Case(
        _pending, "teacher", lambda s, a, i: s.bookings.decline_booking(a, i, reason="No")
    ),
    "cancel": Case(_confirmed, "student", lambda s, a, i: s.bookings.cancel_booking(a, i)),
    "complete": Case(_paid_and_over, "teacher", lambda s, a, i: s.bookings.complete_booking(a, i)),
    "propose": Case(
        _confirmed,
        "student",
        lambda s, a, i: s.reschedules.propose_reschedule(a, i, start_at=NEW_START),
    ),
    "accept": Case(
        _proposed_by_student, "teacher", lambda s, a, i: s.reschedules.accept_reschedule(a, i)
    ),
    "decline_reschedule": Case(
        _proposed_by_student, "teacher", lambda s, a, i: s.reschedules.decline_reschedule(a, i)
    ),
    "get": Case(_confirmed, "student", lambda s, a, i: s.bookings.get_booking(a, i)),
}

# Wrong actors per transition. "suspended" is the rightful actor after suspension.
WRONG = {
    "confirm": ["other_student", "other_teacher", "student", "admin", "suspended"],
    "decline": ["other_student", "other_teacher", "student", "admin", "suspended"],
    "cancel": ["other_student", "other_teacher", "teacher", "suspended"],
    "complete": ["other_student", "other_teacher", "student", "admin", "suspended"],
    "propose": ["other_student", "other_teacher", "admin", "suspended"],
    "accept": ["other_student", "other_teacher", "admin", "student", "suspended"],
    "decline_reschedule": ["other_student", "other_teacher", "admin", "student", "suspended"],
    "get": ["other_student", "other_teacher", "suspended"],
}


def _snapshot(ctx: ServiceContext) -> tuple[object, ...]:
    """Everything a transition could change: bookings, proposals, the audit trail."""
    from linguaflex_desktop.models import SessionBooking

    with ctx.unit_of_work(write=False) as uow:
        bookings = uow.session.execute(
            select(
                SessionBooking.id,
                SessionBooking.status,
                SessionBooking.payment_status,
                SessionBooking.start_at,
                SessionBooking.version,
            ).order_by(SessionBooking.id)
        ).all()
        proposals = uow.session.execute(
            select(RescheduleProposal.id, RescheduleProposal.status).order_by(RescheduleProposal.id)
        ).all()
        audits = uow.session.scalar(select(func.count()).select_from(AuditEvent))
    return (tuple(bookings), tuple(proposals), audits)


def _set_suspended(ctx: ServiceContext, actor: Actor, when: datetime | None) -> None:
    with ctx.unit_of_work() as uow:
        uow.session.execute(update(User).where(User.id == actor.id).values(suspended_at=when))
        uow.commit()


@pytest.mark.parametrize(
    ("transition", "wrong"), [(name, who) for name, whos in WRONG.items() for who in whos]
)
def test_wrong_actor_is_refused_and_nothing_changes(
    ctx: ServiceContext, transition: str, wrong: str
) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    case = CASES[transition]
    target = case.setup(ctx, service, world)
    rightful: Actor = getattr(world, case.rightful)
    if wrong == "suspended":
        _set_suspended(ctx, rightful, ctx.now())
        actor = rightful
    else:
        actor = getattr(world, wrong)
    services = Services(service, Reschedules(ctx))
    before = _snapshot(ctx)

    with pytest.raises(PermissionDenied):
        case.act(services, actor, target)

    assert _snapshot(ctx) == before
    if wrong == "suspended":
        _set_suspended(ctx, rightful, None)
    case.act(services, rightful, target)  # the rightful actor may do it


def test_admin_may_cancel_and_read_any_booking(ctx: ServiceContext) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    booking_id = _confirmed(ctx, service, world)
    assert service.get_booking(world.admin, booking_id).booking.id == booking_id
    assert service.cancel_booking(world.admin, booking_id).status.value == "CANCELLED"


@pytest.mark.parametrize("who", ["suspended_student", "admin", "teacher"])
def test_only_active_students_may_request(ctx: ServiceContext, who: str) -> None:
    service = BookingService(ctx)
    world = make_world(ctx)
    with pytest.raises(PermissionDenied):
        service.request_booking(
            getattr(world, who), gig_id=world.other_gig_id, start_at=SLOT, duration_minutes=60
        )
    assert service.count_bookings(world.admin) == 0


def test_payment_hook_changes_are_refused_for_a_cancelled_booking(ctx: ServiceContext) -> None:
    """Belt and braces for the payment service: no payment on a booking already cancelled."""
    from linguaflex_desktop.errors import InvalidTransition

    service = BookingService(ctx)
    world = make_world(ctx)
    booking_id = _confirmed(ctx, service, world)
    service.cancel_booking(world.student, booking_id)
    with pytest.raises(InvalidTransition):
        set_payment(ctx, booking_id, PaymentStatus.PENDING)


@pytest.mark.parametrize("who", ["student", "admin", "suspended_student"])
def test_only_teachers_edit_availability(ctx: ServiceContext, who: str) -> None:
    availability = AvailabilityService(ctx)
    world = make_world(ctx)
    before = availability.get_weekly_availability(world.admin, world.teacher.id)
    with pytest.raises(PermissionDenied):
        availability.set_weekly_availability(getattr(world, who), [WeeklyRange(0, 0, 60)])
    with pytest.raises(PermissionDenied):
        availability.add_day_off(getattr(world, who), SLOT.date())
    assert availability.get_weekly_availability(world.admin, world.teacher.id) == before


def test_a_teacher_edits_only_their_own_availability(ctx: ServiceContext) -> None:
    availability = AvailabilityService(ctx)
    world = make_world(ctx)
    before = availability.get_weekly_availability(world.admin, world.teacher.id)
    availability.set_weekly_availability(world.other_teacher, [WeeklyRange(0, 0, 60)])
    assert availability.get_weekly_availability(world.admin, world.teacher.id) == before
    theirs = availability.get_weekly_availability(world.student, world.other_teacher.id)
    assert theirs.ranges == (WeeklyRange(0, 0, 60),)
