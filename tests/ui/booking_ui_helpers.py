"""A small school for the booking window tests, made through the real services.

The services' clock is the FakeClock (Monday 2027-03-01 09:00 UTC). The teacher lives in
Madrid (UTC+1 in March) and works every day 09:00-18:00; the student lives in London (UTC).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.dto import BookingDTO, WeeklyRange
from linguaflex_desktop.services.common.dto import GigDTO, UserDTO
from tests.ui.ui_helpers import create_gig, register

# Wednesday 3 March 2027, 10:00 UTC = 11:00 in Madrid = 10:00 in London.
WEDNESDAY_10_UTC = datetime(2027, 3, 3, 10, 0, tzinfo=UTC)
THURSDAY_10_UTC = datetime(2027, 3, 4, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class School:
    teacher: UserDTO
    student: UserDTO
    other_student: UserDTO
    admin: UserDTO
    gig: GigDTO


def make_school(services: AppServices) -> School:
    teacher = register(
        services,
        Role.TEACHER,
        email="lucia@example.com",
        name="Lucía Ruiz",
        time_zone="Europe/Madrid",
    )
    student = register(
        services,
        Role.STUDENT,
        email="sam@example.com",
        name="Sam Taylor",
        time_zone="Europe/London",
    )
    other = register(
        services, Role.STUDENT, email="olga@example.com", name="Olga Berg", time_zone="UTC"
    )
    admin = register(
        services, Role.ADMIN, email="ada@example.com", name="Ada Admin", time_zone="UTC"
    )
    gig = create_gig(services, teacher, title="Conversational Spanish", rate_minor=3000)
    services.availability.set_weekly_availability(
        teacher.actor, [WeeklyRange(day, 9 * 60, 18 * 60) for day in range(7)]
    )
    return School(teacher=teacher, student=student, other_student=other, admin=admin, gig=gig)


def book(
    services: AppServices,
    school: School,
    *,
    start_at: datetime = WEDNESDAY_10_UTC,
    duration: int = 60,
    student: UserDTO | None = None,
    note: str = "",
) -> BookingDTO:
    return services.bookings.request_booking(
        (student or school.student).actor,
        gig_id=school.gig.id,
        start_at=start_at,
        duration_minutes=duration,
        note=note,
    )
