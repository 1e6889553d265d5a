"""seed-demo on SQLite and Postgres: the promised accounts, gigs and hours; idempotent."""

from __future__ import annotations

from sqlalchemy import func, select

from linguaflex_desktop.demo import data as demo_data
from linguaflex_desktop.demo.data import DemoSeedResult, demo_accounts, seed_demo_data
from linguaflex_desktop.models import AvailabilityRule, Gig, Role, TeacherProfile, User
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.validation import normalize_email, validate_password


def snapshot(ctx: ServiceContext) -> dict[str, object]:
    """Everything the seed writes, to compare two runs."""
    with ctx.unit_of_work(write=False) as uow:
        session = uow.session
        return {
            "users": session.execute(
                select(User.id, User.email, User.password_hash, User.role).order_by(User.id)
            ).all(),
            "profiles": session.scalar(select(func.count()).select_from(TeacherProfile)),
            "gigs": session.execute(
                select(Gig.id, Gig.title, Gig.hourly_rate_minor).order_by(Gig.id)
            ).all(),
            "rules": session.scalar(select(func.count()).select_from(AvailabilityRule)),
        }


def test_demo_accounts_are_valid_unique_and_ordered_by_role() -> None:
    accounts = demo_accounts()
    emails = [email for email, _, _ in accounts]
    assert len(set(emails)) == len(emails) == 11
    assert all(normalize_email(email) == email for email in emails)
    assert all(validate_password(password) for _, password, _ in accounts)
    roles = [role for _, _, role in accounts]
    assert roles == [Role.ADMIN] + [Role.TEACHER] * 6 + [Role.STUDENT] * 4
    passwords = {role: password for _, password, role in accounts}
    assert passwords == {
        Role.ADMIN: demo_data.DEMO_PASSWORD_ADMIN,
        Role.TEACHER: demo_data.DEMO_PASSWORD_TEACHER,
        Role.STUDENT: demo_data.DEMO_PASSWORD_STUDENT,
    }


def test_seed_creates_the_promised_people_and_every_account_signs_in(
    ctx: ServiceContext,
) -> None:
    result = seed_demo_data(ctx)
    assert result == DemoSeedResult(
        created=True, admins=1, teachers=6, students=4, gigs=result.gigs
    )
    assert result.gigs >= 6
    accounts = AccountService(ctx)
    for email, password, role in demo_accounts():
        assert accounts.authenticate(email=email, password=password).role is role


def test_seeded_teachers_span_languages_and_zones_with_gigs_and_weekday_hours(
    ctx: ServiceContext,
) -> None:
    seed_demo_data(ctx)
    with ctx.unit_of_work(write=False) as uow:
        teachers = uow.session.execute(
            select(User.id, User.time_zone).where(User.role == Role.TEACHER)
        ).all()
        assert len({zone for _, zone in teachers}) >= 4
        for teacher_id, _ in teachers:
            gigs = uow.session.scalar(
                select(func.count()).select_from(Gig).where(Gig.teacher_id == teacher_id)
            )
            assert gigs and gigs >= 1
            rules = uow.session.execute(
                select(
                    AvailabilityRule.weekday,
                    AvailabilityRule.start_minute,
                    AvailabilityRule.end_minute,
                ).where(AvailabilityRule.teacher_id == teacher_id)
            ).all()
            weekdays = {weekday for weekday, _, _ in rules}
            assert {0, 1, 2, 3, 4} <= weekdays
            assert all(0 <= start < end <= 1440 for _, start, end in rules)
        assert (0, 540, 1020) in {
            tuple(r)
            for r in uow.session.execute(
                select(
                    AvailabilityRule.weekday,
                    AvailabilityRule.start_minute,
                    AvailabilityRule.end_minute,
                )
            ).all()
        }


def test_seeded_gigs_are_searchable_by_a_demo_student(ctx: ServiceContext) -> None:
    result = seed_demo_data(ctx)
    email, password, _ = next(a for a in demo_accounts() if a[2] is Role.STUDENT)
    student = AccountService(ctx).authenticate(email=email, password=password).actor
    catalogue = CatalogueService(ctx)
    assert catalogue.search_gigs(student, limit=100).total == result.gigs
    assert len(catalogue.list_languages(student)) >= 5


def test_second_run_changes_nothing_and_says_so(ctx: ServiceContext) -> None:
    seed_demo_data(ctx)
    before = snapshot(ctx)
    again = seed_demo_data(ctx)
    assert again == DemoSeedResult(created=False, admins=0, teachers=0, students=0, gigs=0)
    assert snapshot(ctx) == before


def test_seed_fills_in_around_an_account_that_already_exists(ctx: ServiceContext) -> None:
    email, _, role = next(a for a in demo_accounts() if a[2] is Role.TEACHER)
    own_password = "my own password 123"
    AccountService(ctx).register(
        email=email, password=own_password, display_name="Taken", role=role, time_zone="UTC"
    )
    result = seed_demo_data(ctx)
    assert (result.created, result.teachers, result.admins, result.students) == (True, 5, 1, 4)
    signed_in = AccountService(ctx).authenticate(email=email, password=own_password)
    assert signed_in.display_name == "Taken"  # an existing account is never overwritten
    assert seed_demo_data(ctx).created is False
