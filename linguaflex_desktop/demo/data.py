"""Demo data for ``linguaflex seed-demo`` and the first start: 1 admin, 6 teachers (with
profiles, gigs and weekday hours in their own zones) and 4 students, with fixed known
passwords listed in the README.

Idempotent: an account whose email already exists is left exactly as it is (and its gigs
and hours are not added), so a second run changes nothing and reports ``created=False``.
Everything is written in one transaction. Hashing makes it take about half a second: run it
on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.models import (
    AvailabilityRule,
    Gig,
    Level,
    Role,
    SpokenLevel,
    TeacherProfile,
    User,
)
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.catalogue.gig_fields import clean_gig_fields
from linguaflex_desktop.services.common.context import ServiceContext

DEMO_PASSWORD_STUDENT = "demo-student-pass"
DEMO_PASSWORD_TEACHER = "demo-teacher-pass"
DEMO_PASSWORD_ADMIN = "demo-admin-pass"

_PASSWORDS = {
    Role.ADMIN: DEMO_PASSWORD_ADMIN,
    Role.TEACHER: DEMO_PASSWORD_TEACHER,
    Role.STUDENT: DEMO_PASSWORD_STUDENT,
}
WEEKDAYS = (0, 1, 2, 3, 4)  # Monday to Friday
NINE_TO_FIVE = (9 * 60, 17 * 60)


@dataclass(frozen=True)
class DemoSeedResult:
    """What this run created (all zero and ``created=False`` when nothing was missing)."""

    created: bool
    admins: int
    teachers: int
    students: int
    gigs: int


@dataclass(frozen=True)
class _DemoGig:
    title: str
    language: str
    level: Level
    description: str
    hourly_rate_minor: int
    currency: str


@dataclass(frozen=True)
class _DemoPerson:
    email: str
    name: str
    role: Role
    time_zone: str
    bio: str = ""
    languages: tuple[str, ...] = ()
    gigs: tuple[_DemoGig, ...] = ()
    hours: tuple[tuple[int, int, int], ...] = field(
        default=tuple((day, *NINE_TO_FIVE) for day in WEEKDAYS)
    )


# Country and languages spoken with levels, per demo teacher (first language native).
_PROFILE_DETAILS: dict[str, tuple[str, tuple[tuple[str, SpokenLevel], ...]]] = {
    "maria.garcia@linguaflex.example": (
        "ES",
        (("Spanish", SpokenLevel.NATIVE), ("English", SpokenLevel.C1)),
    ),
    "claire.martin@linguaflex.example": (
        "FR",
        (("French", SpokenLevel.NATIVE), ("English", SpokenLevel.B2)),
    ),
    "kenji.sato@linguaflex.example": (
        "JP",
        (("Japanese", SpokenLevel.NATIVE), ("English", SpokenLevel.B2)),
    ),
    "anna.schmidt@linguaflex.example": (
        "DE",
        (("German", SpokenLevel.NATIVE), ("English", SpokenLevel.C1)),
    ),
    "lucas.oliveira@linguaflex.example": (
        "BR",
        (("Portuguese", SpokenLevel.NATIVE), ("Spanish", SpokenLevel.B1)),
    ),
    "emily.carter@linguaflex.example": ("US", (("English", SpokenLevel.NATIVE),)),
}

_TEACHERS = (
    _DemoPerson(
        "maria.garcia@linguaflex.example",
        "Maria Garcia",
        Role.TEACHER,
        "Europe/Madrid",
        "Native speaker from Madrid; ten years of teaching adults.",
        ("Spanish", "English"),
        (
            _DemoGig(
                "Conversational Spanish",
                "Spanish",
                Level.B1,
                "Everyday conversation: travel, work, food and culture.",
                3000,
                "USD",
            ),
            _DemoGig(
                "Spanish for Beginners",
                "Spanish",
                Level.A1,
                "Your first words and sentences, with lots of speaking.",
                2500,
                "USD",
            ),
        ),
    ),
    _DemoPerson(
        "claire.martin@linguaflex.example",
        "Claire Martin",
        Role.TEACHER,
        "Europe/Paris",
        "Parisian teacher and DELF examiner.",
        ("French",),
        (
            _DemoGig(
                "French Conversation",
                "French",
                Level.B2,
                "Discuss the news and films in natural French.",
                3500,
                "EUR",
            ),
            _DemoGig(
                "DELF B2 Exam Preparation",
                "French",
                Level.B2,
                "Mock exams and feedback on writing and speaking.",
                4000,
                "EUR",
            ),
        ),
    ),
    _DemoPerson(
        "kenji.sato@linguaflex.example",
        "Kenji Sato",
        Role.TEACHER,
        "Asia/Tokyo",
        "Tokyo-based tutor; hiragana to JLPT N2.",
        ("Japanese",),
        (
            _DemoGig(
                "Japanese for Beginners",
                "Japanese",
                Level.A1,
                "Hiragana, katakana and survival phrases.",
                4000,
                "JPY",
            ),
            _DemoGig(
                "JLPT N3 Preparation",
                "Japanese",
                Level.B1,
                "Grammar, reading and listening practice for the N3.",
                5000,
                "JPY",
            ),
        ),
        hours=(*((day, 10 * 60, 18 * 60) for day in WEEKDAYS), (5, 10 * 60, 13 * 60)),
    ),
    _DemoPerson(
        "anna.schmidt@linguaflex.example",
        "Anna Schmidt",
        Role.TEACHER,
        "Europe/Berlin",
        "Berlin teacher of German for work and study.",
        ("German",),
        (
            _DemoGig(
                "German Grammar Clinic",
                "German",
                Level.A2,
                "Cases, word order and verbs, one problem at a time.",
                2800,
                "EUR",
            ),
            _DemoGig(
                "Business German",
                "German",
                Level.C1,
                "Meetings, presentations and emails.",
                4500,
                "EUR",
            ),
        ),
    ),
    _DemoPerson(
        "lucas.oliveira@linguaflex.example",
        "Lucas Oliveira",
        Role.TEACHER,
        "America/Sao_Paulo",
        "Carioca who loves music and football.",
        ("Portuguese",),
        (
            _DemoGig(
                "Brazilian Portuguese Conversation",
                "Portuguese",
                Level.ALL,
                "Relaxed conversation at your level.",
                2500,
                "USD",
            ),
        ),
    ),
    _DemoPerson(
        "emily.carter@linguaflex.example",
        "Emily Carter",
        Role.TEACHER,
        "America/New_York",
        "Former recruiter; English for careers.",
        ("English",),
        (
            _DemoGig(
                "English for Job Interviews",
                "English",
                Level.B2,
                "Practise answers and get honest feedback.",
                5000,
                "USD",
            ),
            _DemoGig(
                "IELTS Speaking Practice",
                "English",
                Level.C1,
                "Full speaking tests with band-score feedback.",
                4500,
                "USD",
            ),
        ),
    ),
)

_PEOPLE = (
    _DemoPerson("admin@linguaflex.example", "Alex Admin", Role.ADMIN, "UTC"),
    *_TEACHERS,
    _DemoPerson("sam.taylor@linguaflex.example", "Sam Taylor", Role.STUDENT, "Europe/London"),
    _DemoPerson("priya.patel@linguaflex.example", "Priya Patel", Role.STUDENT, "Asia/Kolkata"),
    _DemoPerson("chen.wei@linguaflex.example", "Chen Wei", Role.STUDENT, "Asia/Shanghai"),
    _DemoPerson(
        "olivia.brown@linguaflex.example", "Olivia Brown", Role.STUDENT, "America/Los_Angeles"
    ),
)


def demo_accounts() -> list[tuple[str, str, Role]]:
    """(email, password, role) of every demo account: the admin, then teachers, then
    students; the first of each role is "the first demo user of that role"."""
    return [(person.email, _PASSWORDS[person.role], person.role) for person in _PEOPLE]


def seed_demo_data(ctx: ServiceContext) -> DemoSeedResult:
    """Create whatever demo account is missing (with its gigs and hours); see module doc."""
    with ctx.unit_of_work(write=False) as uow:
        existing = set(uow.session.scalars(select(User.email)))
    hasher = PasswordHasher()
    # hash outside the write transaction, and only for the accounts that are missing
    hashes = {
        person.email: hasher.hash(_PASSWORDS[person.role])
        for person in _PEOPLE
        if person.email not in existing
    }
    if not hashes:
        return DemoSeedResult(created=False, admins=0, teachers=0, students=0, gigs=0)
    try:
        return _seed(ctx, hashes, hasher)
    except IntegrityError:  # another process seeded at the same moment: look again
        return _seed(ctx, hashes, hasher)


def _seed(ctx: ServiceContext, hashes: dict[str, str], hasher: PasswordHasher) -> DemoSeedResult:
    created: list[_DemoPerson] = []
    with ctx.unit_of_work() as uow:
        existing = set(uow.session.scalars(select(User.email)))
        for person in _PEOPLE:
            if person.email in existing:
                continue
            password_hash = hashes.get(person.email) or hasher.hash(_PASSWORDS[person.role])
            _add_person(uow.session, person, password_hash, ctx)
            created.append(person)
        uow.commit()
    return DemoSeedResult(
        created=bool(created),
        admins=sum(person.role is Role.ADMIN for person in created),
        teachers=sum(person.role is Role.TEACHER for person in created),
        students=sum(person.role is Role.STUDENT for person in created),
        gigs=sum(len(person.gigs) for person in created),
    )


def _add_person(
    session: Session, person: _DemoPerson, password_hash: str, ctx: ServiceContext
) -> None:
    now = ctx.now()
    user = User(
        email=person.email,
        password_hash=password_hash,
        role=person.role,
        display_name=person.name,
        time_zone=person.time_zone,
        is_active=True,
        failed_login_count=0,
        created_at=now,
    )
    session.add(user)
    session.flush()
    if person.role is not Role.TEACHER:
        return
    country, spoken = _PROFILE_DETAILS.get(person.email, (None, ()))
    session.add(
        TeacherProfile(
            user_id=user.id,
            bio=person.bio,
            languages=[name for name, _level in spoken] or list(person.languages),
            spoken_languages=[{"language": name, "level": level.value} for name, level in spoken],
            country=country,
            updated_at=now,
        )
    )
    for gig in person.gigs:
        fields = clean_gig_fields(
            title=gig.title,
            language=gig.language,
            level=gig.level,
            description=gig.description,
            hourly_rate_minor=gig.hourly_rate_minor,
            currency=gig.currency,
            is_active=True,
            min_duration_minutes=30,
            max_duration_minutes=180,
        )
        session.add(Gig(teacher_id=user.id, created_at=now, updated_at=now, **fields))
    for weekday, start_minute, end_minute in person.hours:
        session.add(
            AvailabilityRule(
                teacher_id=user.id,
                weekday=weekday,
                start_minute=start_minute,
                end_minute=end_minute,
            )
        )
