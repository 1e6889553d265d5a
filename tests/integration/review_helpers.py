"""Completed sessions to review: booked, confirmed, paid and completed through the booking
service (payments driven through the internal hook, as booking_helpers does)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from linguaflex_desktop.models import AuditEvent, Notification, PaymentStatus, Rating, Role
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from tests.conftest import FakeClock
from tests.integration.booking_helpers import (
    EVERY_DAY_6_TO_22,
    SLOT,
    add_gig,
    add_rules,
    add_user,
    set_payment,
)


@dataclass(frozen=True)
class Session:
    """Who booked which teacher's gig (one hour, ``hour`` hours after SLOT)."""

    student: Actor
    teacher: Actor
    gig_id: int


def add_teacher(ctx: ServiceContext, email: str, *, title: str) -> tuple[Actor, int]:
    teacher = add_user(ctx, email=email, role=Role.TEACHER)
    add_rules(ctx, teacher, EVERY_DAY_6_TO_22)
    return teacher, add_gig(ctx, teacher, title=title)


def completed_sessions(
    ctx: ServiceContext, clock: FakeClock, sessions: Sequence[Session]
) -> list[BookingDTO]:
    """Each session booked an hour after the previous one, paid, then all completed (the
    clock ends after the last one)."""
    service = BookingService(ctx)
    start = clock.current
    booked = []
    for hour, session in enumerate(sessions):
        booking = service.request_booking(
            session.student,
            gig_id=session.gig_id,
            start_at=SLOT + timedelta(hours=hour),
            duration_minutes=60,
        )
        service.confirm_booking(session.teacher, booking.id)
        set_payment(ctx, booking.id, PaymentStatus.PENDING, PaymentStatus.PAID)
        booked.append(booking)
    clock.set(SLOT + timedelta(hours=len(sessions), minutes=1))
    done = [
        service.complete_booking(s.teacher, b.id) for s, b in zip(sessions, booked, strict=True)
    ]
    assert clock.current > start
    return done


def review_count(ctx: ServiceContext) -> int:
    with ctx.unit_of_work(write=False) as uow:
        return len(uow.session.scalars(select(Rating.id)).all())


def audit_rows(ctx: ServiceContext, action: str) -> list[tuple[int | None, int | None, str]]:
    with ctx.unit_of_work(write=False) as uow:
        return [
            (row.actor_id, row.entity_id, row.reason)
            for row in uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action))
        ]


def notifications_of(ctx: ServiceContext, kind: str) -> list[tuple[int, str, str]]:
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(Notification).where(Notification.kind == kind))
        return [(row.user_id, row.subject, row.body_text) for row in rows]
