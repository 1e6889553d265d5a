"""Factories for the booking tests: users, gigs and availability inserted through the ORM.

Independent of AccountService/CatalogueService on purpose. The password hash is a precomputed
argon2id hash (of "correct horse battery"), so factories cost nothing.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from linguaflex_desktop.db import create_app_engine, create_session_factory
from linguaflex_desktop.errors import SlotTaken
from linguaflex_desktop.models import (
    AvailabilityRule,
    BookingStatus,
    Gig,
    Level,
    PaymentStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.service import BookingService, apply_payment_status
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

PASSWORD_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$44U2Tx03EKYgiW/0rJqetA$"
    "GgqePMyNg1DA2KeDGLchBHsZp/pEN3LvX3nha9rtGn8"
)
EVERY_DAY_6_TO_22 = tuple((weekday, 6 * 60, 22 * 60) for weekday in range(7))
# FakeClock starts on Monday 2027-03-01 09:00 UTC; this is Wednesday, 49 hours later.
SLOT = datetime(2027, 3, 3, 10, 0, tzinfo=UTC)


def add_user(
    ctx: ServiceContext,
    *,
    email: str,
    role: Role,
    name: str | None = None,
    time_zone: str = "UTC",
    suspended: bool = False,
) -> Actor:
    with ctx.unit_of_work() as uow:
        user = User(
            email=email,
            password_hash=PASSWORD_HASH,
            role=role,
            display_name=name or email.split("@")[0].title(),
            time_zone=time_zone,
            suspended_at=datetime(2027, 1, 1, tzinfo=UTC) if suspended else None,
        )
        uow.session.add(user)
        uow.session.flush()
        actor = Actor(user.id, user.email, user.role, user.display_name, user.time_zone)
        uow.commit()
    return actor


def add_gig(
    ctx: ServiceContext,
    teacher: Actor,
    *,
    title: str = "Conversational German",
    hourly_rate_minor: int = 5000,
    currency: str = "USD",
    min_duration: int = 30,
    max_duration: int = 180,
    step: int = 15,
    language: str = "German",
) -> int:
    with ctx.unit_of_work() as uow:
        gig = Gig(
            teacher_id=teacher.id,
            title=title,
            language=language,
            level=Level.ALL,
            hourly_rate_minor=hourly_rate_minor,
            currency=currency,
            min_duration_minutes=min_duration,
            max_duration_minutes=max_duration,
            duration_step_minutes=step,
        )
        uow.session.add(gig)
        uow.session.flush()
        gig_id = gig.id
        uow.commit()
    return gig_id


def add_rules(ctx: ServiceContext, teacher: Actor, ranges: Iterable[tuple[int, int, int]]) -> None:
    with ctx.unit_of_work() as uow:
        for weekday, start, end in ranges:
            uow.session.add(
                AvailabilityRule(
                    teacher_id=teacher.id, weekday=weekday, start_minute=start, end_minute=end
                )
            )
        uow.commit()


@dataclass(frozen=True)
class World:
    """Two students, two teachers, an admin and a suspended student; one gig per teacher."""

    student: Actor
    other_student: Actor
    teacher: Actor
    other_teacher: Actor
    admin: Actor
    suspended_student: Actor
    gig_id: int
    other_gig_id: int


def make_world(
    ctx: ServiceContext,
    *,
    teacher_zone: str = "UTC",
    student_zone: str = "UTC",
    ranges: Iterable[tuple[int, int, int]] = EVERY_DAY_6_TO_22,
) -> World:
    ranges = tuple(ranges)
    teacher = add_user(ctx, email="tina@example.com", role=Role.TEACHER, time_zone=teacher_zone)
    other_teacher = add_user(ctx, email="otto@example.com", role=Role.TEACHER)
    world = World(
        student=add_user(ctx, email="sam@example.com", role=Role.STUDENT, time_zone=student_zone),
        other_student=add_user(ctx, email="olga@example.com", role=Role.STUDENT),
        teacher=teacher,
        other_teacher=other_teacher,
        admin=add_user(ctx, email="ada@example.com", role=Role.ADMIN),
        suspended_student=add_user(ctx, email="sid@example.com", role=Role.STUDENT, suspended=True),
        gig_id=add_gig(ctx, teacher),
        other_gig_id=add_gig(ctx, other_teacher, title="Business French"),
    )
    add_rules(ctx, teacher, ranges)
    add_rules(ctx, other_teacher, ranges)
    return world


def request(
    service: BookingService,
    world: World,
    *,
    start_at: datetime = SLOT,
    duration: int = 60,
    student: Actor | None = None,
) -> BookingDTO:
    return service.request_booking(
        student or world.student, gig_id=world.gig_id, start_at=start_at, duration_minutes=duration
    )


def confirmed(service: BookingService, world: World, **kwargs: Any) -> BookingDTO:
    booking = request(service, world, **kwargs)
    return service.confirm_booking(world.teacher, booking.id)


def set_payment(
    ctx: ServiceContext, booking_id: int, *steps: PaymentStatus, actor_id: int | None = None
) -> None:
    """Drive the payment status as the payment service will (through the internal hook)."""
    with ctx.unit_of_work() as uow:
        booking = load_booking(uow.session, booking_id, for_update=True)
        for to in steps:
            apply_payment_status(
                uow.session, booking, to, actor_id=actor_id, reason="test", at=ctx.now()
            )
        uow.commit()


def paid(ctx: ServiceContext, service: BookingService, world: World, **kwargs: Any) -> BookingDTO:
    booking = confirmed(service, world, **kwargs)
    set_payment(ctx, booking.id, PaymentStatus.PENDING, PaymentStatus.PAID)
    return service.get_booking(world.admin, booking.id).booking


def row_state(ctx: ServiceContext, booking_id: int) -> tuple[BookingStatus, PaymentStatus, int]:
    with ctx.unit_of_work(write=False) as uow:
        row = uow.session.get(SessionBooking, booking_id)
        assert row is not None
        return row.status, row.payment_status, row.version


# --- process races (spawned children import this module by name) ----------------------------


def request_in_child(
    database_url: str,
    now: datetime,
    actor: Actor,
    gig_id: int,
    start_at: datetime,
    duration: int,
    barrier: Any,
    results: Any,
) -> None:
    """Child process: wait for all siblings, request the slot, report "ok" / "taken" / error."""
    engine = create_app_engine(database_url)
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=lambda: now)
    service = BookingService(ctx)
    try:
        barrier.wait(timeout=60)
        service.request_booking(actor, gig_id=gig_id, start_at=start_at, duration_minutes=duration)
        results.put("ok")
    except SlotTaken:
        results.put("taken")
    except Exception as error:
        results.put(f"error: {type(error).__name__}: {error}")
    finally:
        engine.dispose()


def spawn_context() -> Any:
    return multiprocessing.get_context("spawn")
