"""Catalogue on SQLite and Postgres: gigs, search and admin suspension (teacher profiles:
test_teacher_profiles.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import AuditEvent, Gig, Level, Role, User
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.catalogue.search_statements import search_statements
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, GigDTO, UserDTO

PASSWORD = "correct horse battery"


class World:
    """Services plus a few users: an admin, two teachers, a student."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.accounts = AccountService(ctx)
        self.catalogue = CatalogueService(ctx)
        self.admin = self.accounts.create_admin(
            email="root@example.com", password=PASSWORD, display_name="Root"
        ).actor
        self.maria = self.user("maria@example.com", "Maria Garcia", Role.TEACHER)
        self.kenji = self.user("kenji@example.com", "Kenji Sato", Role.TEACHER)
        self.student = self.user("sam@example.com", "Sam Student", Role.STUDENT)

    def user(self, email: str, name: str, role: Role) -> Actor:
        dto: UserDTO = self.accounts.register(
            email=email, password=PASSWORD, display_name=name, role=role, time_zone="UTC"
        )
        return dto.actor

    def gig(self, teacher: Actor, **overrides: Any) -> GigDTO:
        values: dict[str, Any] = {
            "title": "Conversational Spanish",
            "language": "Spanish",
            "level": Level.B1,
            "description": "Talk about daily life.",
            "hourly_rate_minor": 3000,
            "currency": "USD",
        }
        values.update(overrides)
        return self.catalogue.create_gig(teacher, **values)

    def gig_count(self) -> int:
        with self.ctx.unit_of_work(write=False) as uow:
            return int(uow.session.scalar(select(func.count()).select_from(Gig)) or 0)

    def search_ids(self, **criteria: Any) -> list[int]:
        page = self.catalogue.search_gigs(self.student, **criteria)
        return [gig.id for gig in page.items]


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return World(ctx)


# --- gigs -----------------------------------------------------------------------------------


def test_create_gig_normalises_and_returns_it(world: World) -> None:
    gig = world.gig(
        world.maria,
        title="  Spanish for travellers ",
        language="  spanish",
        level="a2",
        currency="eur",
        max_duration_minutes=120,
    )
    assert (gig.title, gig.language, gig.level, gig.currency) == (
        "Spanish for travellers",
        "Spanish",
        Level.A2,
        "EUR",
    )
    assert (gig.teacher_id, gig.teacher_name, gig.is_active, gig.is_suspended) == (
        world.maria.id,
        "Maria Garcia",
        True,
        False,
    )
    assert gig.allowed_durations == (30, 45, 60, 75, 90, 105, 120)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "   ", "title cannot be empty"),
        ("title", "x" * 121, "title is too long"),
        ("hourly_rate_minor", -500, "more than zero"),
        ("hourly_rate_minor", 0, "more than zero"),
        ("hourly_rate_minor", 10**9, "not plausible"),
        ("hourly_rate_minor", 30.5, "whole number"),
        ("currency", "XYZ", "currency"),
        ("currency", "", "currency"),
        ("level", "Z9", "level"),
        ("language", "", "language"),
        ("min_duration_minutes", 0, "duration"),
        ("min_duration_minutes", 40, "15-minute"),
        ("max_duration_minutes", 15, "duration"),
        ("max_duration_minutes", 600, "duration"),
    ],
)
def test_bad_gig_input_explains_and_writes_nothing(
    world: World, field: str, value: object, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        world.gig(world.maria, **{field: value})
    assert world.gig_count() == 0


def test_only_teachers_create_gigs(world: World) -> None:
    for actor in (world.student, world.admin):
        with pytest.raises(PermissionDenied):
            world.gig(actor)
    assert world.gig_count() == 0


def test_owner_updates_gig_and_others_cannot(world: World) -> None:
    gig = world.gig(world.maria)
    changes: dict[str, Any] = {
        "title": "Business Spanish",
        "language": "Spanish",
        "level": Level.C1,
        "description": "Meetings and emails.",
        "hourly_rate_minor": 5000,
        "currency": "EUR",
        "is_active": False,
    }
    updated = world.catalogue.update_gig(world.maria, gig.id, **changes)
    assert (updated.title, updated.level, updated.hourly_rate_minor, updated.is_active) == (
        "Business Spanish",
        Level.C1,
        5000,
        False,
    )
    for intruder in (world.kenji, world.student, world.admin):
        with pytest.raises(PermissionDenied):
            world.catalogue.update_gig(intruder, gig.id, **changes)
    with pytest.raises(NotFound):
        world.catalogue.update_gig(world.maria, 999_999, **changes)


def test_bad_gig_update_changes_nothing(world: World) -> None:
    gig = world.gig(world.maria)
    with pytest.raises(ValidationError):
        world.catalogue.update_gig(
            world.maria,
            gig.id,
            title="",
            language="Spanish",
            level=Level.B1,
            description="",
            hourly_rate_minor=100,
            currency="USD",
            is_active=True,
        )
    assert world.catalogue.get_gig(world.maria, gig.id) == gig


def test_list_my_gigs_shows_inactive_ones_and_only_mine(world: World) -> None:
    first = world.gig(world.maria)
    second = world.gig(world.maria, title="Grammar", is_active=False)
    world.gig(world.kenji, title="Japanese", language="Japanese")
    assert [g.id for g in world.catalogue.list_my_gigs(world.maria)] == [first.id, second.id]
    with pytest.raises(PermissionDenied):
        world.catalogue.list_my_gigs(world.student)


# --- search ---------------------------------------------------------------------------------


def test_search_filters_by_language_level_price_and_currency(world: World) -> None:
    cheap = world.gig(world.maria, hourly_rate_minor=2000, level=Level.A1)
    mid = world.gig(world.maria, hourly_rate_minor=3500, level=Level.B2)
    euro = world.gig(world.maria, hourly_rate_minor=3000, currency="EUR")
    japanese = world.gig(world.kenji, title="Japanese", language="japanese")
    assert world.search_ids(language="spanish") == [cheap.id, euro.id, mid.id]
    assert world.search_ids(language="Japanese") == [japanese.id]
    assert world.search_ids(level=Level.B2) == [mid.id]
    assert world.search_ids(min_rate_minor=2500, max_rate_minor=3500, currency="usd") == [
        japanese.id,
        mid.id,
    ]
    assert world.search_ids(currency="EUR") == [euro.id]


def test_search_text_matches_title_description_teacher_and_language(world: World) -> None:
    by_title = world.gig(world.maria, title="Flamenco vocabulary", description="")
    by_description = world.gig(world.maria, title="Culture", description="All about FLAMENCO")
    by_teacher = world.gig(world.kenji, title="Japanese", language="Japanese")
    assert world.search_ids(text="flamenco") == [by_title.id, by_description.id]
    assert world.search_ids(text="sato") == [by_teacher.id]
    assert world.search_ids(text="JAPAN") == [by_teacher.id]
    assert world.search_ids(text="no such thing") == []


def test_search_treats_like_wildcards_literally(world: World) -> None:
    percent = world.gig(world.maria, title="100% Spanish")
    world.gig(world.maria, title="1000 Spanish words")
    assert world.search_ids(text="100%") == [percent.id]
    assert world.search_ids(text="_") == []


def test_search_relevance_puts_title_matches_first_then_price(world: World) -> None:
    description_cheap = world.gig(
        world.maria, title="Basics", description="grammar drills", hourly_rate_minor=1000
    )
    title_dear = world.gig(world.maria, title="Grammar clinic", hourly_rate_minor=5000)
    title_cheap = world.gig(world.kenji, title="Japanese grammar", hourly_rate_minor=2000)
    assert world.search_ids(text="grammar") == [title_cheap.id, title_dear.id, description_cheap.id]


def test_search_sorts_by_price_and_newest(world: World, clock) -> None:
    ids = []
    for rate in (3000, 1000, 2000):
        clock.advance(minutes=1)
        ids.append(world.gig(world.maria, hourly_rate_minor=rate).id)
    assert world.search_ids(sort="price_asc") == [ids[1], ids[2], ids[0]]
    assert world.search_ids(sort="price_desc") == [ids[0], ids[2], ids[1]]
    assert world.search_ids(sort="newest") == [ids[2], ids[1], ids[0]]


def test_search_pages_with_a_total(world: World) -> None:
    for rate in range(1000, 1500, 100):
        world.gig(world.maria, hourly_rate_minor=rate)
    page = world.catalogue.search_gigs(world.student, offset=2, limit=2, sort="price_asc")
    assert (page.total, [g.hourly_rate_minor for g in page.items]) == (5, [1200, 1300])


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"sort": "random"}, "sort"),
        ({"min_rate_minor": 3000, "max_rate_minor": 1000}, "minimum"),
        ({"min_rate_minor": -1}, "negative"),
        ({"currency": "ABC"}, "currency"),
        ({"level": "Z1"}, "level"),
        ({"limit": 0}, "Pages"),
    ],
)
def test_bad_search_criteria_are_explained(
    world: World, criteria: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        world.catalogue.search_gigs(world.student, **criteria)


def test_search_hides_inactive_suspended_and_suspended_teachers_gigs(world: World) -> None:
    visible = world.gig(world.maria)
    world.gig(world.maria, is_active=False)
    suspended = world.gig(world.maria)
    world.catalogue.suspend_gig(world.admin, suspended.id, reason="misleading")
    kenji_gig = world.gig(world.kenji, language="Japanese")
    world.accounts.suspend_user(world.admin, world.kenji.id)
    assert world.search_ids() == [visible.id]
    assert world.catalogue.list_languages(world.student) == ["Spanish"]
    for hidden in (suspended.id, kenji_gig.id):
        with pytest.raises(NotFound):
            world.catalogue.get_gig(world.student, hidden)
    assert world.catalogue.get_gig(world.admin, kenji_gig.id).id == kenji_gig.id
    assert world.catalogue.get_gig(world.maria, suspended.id).is_suspended


def test_list_languages_is_distinct_and_sorted(world: World) -> None:
    world.gig(world.maria, language="Spanish")
    world.gig(world.maria, language="spanish", title="More")
    world.gig(world.kenji, language="Japanese")
    world.gig(world.kenji, language="Korean", is_active=False)
    assert world.catalogue.list_languages(world.student) == ["Japanese", "Spanish"]


# --- admin ----------------------------------------------------------------------------------


def test_suspend_and_reactivate_gig_are_audited(world: World) -> None:
    gig = world.gig(world.maria)
    assert world.catalogue.suspend_gig(world.admin, gig.id, reason="spam").is_suspended
    assert world.search_ids() == []
    assert not world.catalogue.reactivate_gig(world.admin, gig.id).is_suspended
    assert world.search_ids() == [gig.id]
    with world.ctx.unit_of_work(write=False) as uow:
        events = uow.session.execute(
            select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.reason).order_by(
                AuditEvent.id
            )
        ).all()
    assert [tuple(e) for e in events] == [
        ("gig.suspended", gig.id, "spam"),
        ("gig.reactivated", gig.id, ""),
    ]


def test_only_admins_suspend_gigs_and_list_them_all(world: World) -> None:
    gig = world.gig(world.maria)
    world.gig(world.maria, is_active=False)
    for actor in (world.maria, world.student):
        with pytest.raises(PermissionDenied):
            world.catalogue.suspend_gig(actor, gig.id)
        with pytest.raises(PermissionDenied):
            world.catalogue.list_all_gigs(actor)
    assert world.catalogue.list_all_gigs(world.admin).total == 2
    with pytest.raises(NotFound):
        world.catalogue.suspend_gig(world.admin, 999_999)


def test_suspended_actor_cannot_search(world: World) -> None:
    world.accounts.suspend_user(world.admin, world.student.id)
    with pytest.raises(PermissionDenied):
        world.catalogue.search_gigs(world.student)


def test_a_search_is_refused_to_an_account_that_must_change_its_password(world: World) -> None:
    with world.ctx.unit_of_work() as uow:
        uow.session.execute(
            update(User).where(User.id == world.student.id).values(must_change_password=True)
        )
        uow.commit()
    with pytest.raises(PermissionDenied, match="choose a new password"):
        world.catalogue.search_gigs(world.student)
    with pytest.raises(PermissionDenied, match="not active"):  # no such account
        world.catalogue.search_gigs(replace(world.student, id=10_000))


def test_searches_of_one_shape_share_one_statement_and_bind_their_own_values(
    world: World,
) -> None:
    """The statement of a search is built once per shape (which filters, which sort) and
    run with each search's values; a search by free time is built for itself."""
    spanish = world.gig(world.maria, title="Spanish grammar", hourly_rate_minor=2500)
    german = world.gig(world.kenji, title="German grammar", language="German")
    search_statements.cache_clear()
    assert world.search_ids(language="Spanish", text="gram", sort="price_asc") == [spanish.id]
    assert world.search_ids(language="German", text="gramm", sort="price_asc") == [german.id]
    assert world.search_ids(language="German", text="spanish", sort="price_asc") == []
    assert (search_statements.cache_info().misses, search_statements.cache_info().hits) == (1, 2)
    assert world.search_ids(text="grammar", sort="price_asc") == [spanish.id, german.id]
    assert search_statements.cache_info().misses == 2  # another shape: no language


def test_a_search_loads_no_orm_entity(world: World) -> None:
    """The searching user's permission is read as one row of columns and the gigs as rows:
    as ORM entities they cost a search more client CPU than its statements."""
    world.gig(world.maria)
    loaded: list[object] = []

    def note(_session: Session, instance: object) -> None:
        loaded.append(instance)

    event.listen(Session, "loaded_as_persistent", note)
    try:
        page = world.catalogue.search_gigs(world.student, text="spanish")
    finally:
        event.remove(Session, "loaded_as_persistent", note)
    assert loaded == []
    assert [gig.teacher_name for gig in page.items] == ["Maria Garcia"]
