"""Search by words on SQLite and Postgres: the full-text index (migration 0106), kept current
by triggers, searched word by word with the last word as a prefix, ranked by relevance."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, delete, inspect, text

from linguaflex_desktop.db import downgrade_schema, upgrade_schema
from linguaflex_desktop.models import Gig, Level, Role
from linguaflex_desktop.services.accounts.self_service import AccountSelfService
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.catalogue.text_search import Words
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, GigDTO

PASSWORD = "correct horse battery"
GIG: dict[str, Any] = {
    "title": "Conversational Spanish",
    "language": "Spanish",
    "level": Level.B1,
    "description": "Talk about daily life.",
    "hourly_rate_minor": 3000,
    "currency": "USD",
}


class World:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.accounts = AccountService(ctx)
        self.catalogue = CatalogueService(ctx)
        self.maria = self.user("maria@example.com", "Maria Garcia", Role.TEACHER)
        self.kenji = self.user("kenji@example.com", "Kenji Sato", Role.TEACHER)
        self.student = self.user("sam@example.com", "Sam Student", Role.STUDENT)

    def user(self, email: str, name: str, role: Role) -> Actor:
        return self.accounts.register(
            email=email, password=PASSWORD, display_name=name, role=role, time_zone="UTC"
        ).actor

    def gig(self, teacher: Actor, **overrides: Any) -> GigDTO:
        return self.catalogue.create_gig(teacher, **{**GIG, **overrides})

    def found(self, search: str, **criteria: Any) -> list[int]:
        page = self.catalogue.search_gigs(self.student, text=search, **criteria)
        assert page.total == len(page.items)
        return [gig.id for gig in page.items]


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return World(ctx)


def test_every_word_matches_as_the_start_of_a_word(world: World) -> None:
    gig = world.gig(world.maria)
    for typed in (
        "c", "co", "conv", "Conversational", "CONVERSATIONAL SPA", "garc", "spanish",
        "conv spanish", "conv span", "spanish, conv",
    ):  # fmt: skip
        assert world.found(typed) == [gig.id], typed
    assert world.found("ersation") == []  # the start of words, not substrings
    assert world.found("conv german") == []  # and every word
    assert world.found("conv.") == []  # a word closed by punctuation is whole


def test_every_word_is_required(world: World) -> None:
    both = world.gig(world.maria, title="Spanish grammar", description="Verbs and tenses")
    world.gig(world.maria, title="Spanish grammar", description="Nouns")
    world.gig(world.kenji, title="Japanese verbs", language="Japanese")
    assert world.found("grammar verbs") == [both.id]
    assert world.found("verbs grammar") == [both.id]


def test_title_words_rank_above_description_words_then_cheapest(world: World) -> None:
    in_description = world.gig(
        world.maria, title="Basics", description="Idioms every day", hourly_rate_minor=1000
    )
    in_title = world.gig(world.kenji, title="Idioms", description="", hourly_rate_minor=5000)
    assert world.found("idio") == [in_title.id, in_description.id]
    assert world.found("idioms", sort="price_asc") == [in_description.id, in_title.id]
    twin = world.gig(world.kenji, title="Idioms", description="", hourly_rate_minor=4000)
    assert world.found("idioms") == [twin.id, in_title.id, in_description.id]


def test_the_index_follows_inserts_edits_renames_and_deletes(world: World) -> None:
    gig = world.gig(world.maria, title="Flamenco vocabulary")
    assert world.found("flamenco") == [gig.id]
    world.catalogue.update_gig(world.maria, gig.id, **{**GIG, "title": "Tango", "is_active": True})
    assert world.found("flamenco") == []
    assert world.found("tango") == [gig.id]
    world.catalogue.update_gig(
        world.maria,
        gig.id,
        **{**GIG, "title": "Tango", "description": "Milonga nights", "is_active": True},
    )
    assert world.found("milonga") == [gig.id]
    AccountSelfService(world.ctx, email_codes=False).update_profile(
        world.maria, display_name="Mariana Lopez", time_zone="UTC"
    )
    assert world.found("lopez") == [gig.id]
    assert world.found("garcia") == []
    with world.ctx.unit_of_work() as uow:
        uow.session.execute(delete(Gig).where(Gig.id == gig.id))
        uow.commit()
    assert world.found("tango") == []


@pytest.mark.parametrize(
    "search", ["title:x", '"', '""', "*", "OR", "NEAR(", "a OR b", "x AND NOT y", "'", "-x", "^x"]
)
def test_query_syntax_is_plain_words(world: World, search: str) -> None:
    plain = world.gig(world.maria, title="Title x or near a b and not y")
    world.gig(world.kenji, title="Unrelated", language="Japanese")
    expected = [plain.id] if Words.of(search).words else []
    assert world.found(search) == expected


def test_words_are_quoted_terms() -> None:
    words = Words.of('say "NEAR(x OR y)" conv')
    assert words.fts5_query() == '"say"* "NEAR" "x"* "OR"* "y" "conv"*'
    assert words.tsquery() == "'say':* & 'NEAR' & 'x':* & 'OR':* & 'y' & 'conv':*"
    assert Words.of("100%").fts5_query() == '"100"'


def _search_objects(engine: Engine) -> set[str]:
    tables = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            sql = "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'gig_search%'"
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        triggers = set(connection.execute(text(sql)).scalars())
    return {name for name in tables | triggers if name.startswith("gig_search")}


def test_the_migration_indexes_existing_gigs_and_downgrades_cleanly(
    world: World, engine: Engine
) -> None:
    gig = world.gig(world.maria, title="Flamenco vocabulary")
    assert "gig_search" in _search_objects(engine)
    downgrade_schema(engine, "0105")
    assert _search_objects(engine) == set()
    upgrade_schema(engine)
    assert world.found("flamenco garc") == [gig.id]  # rows that were there before
    world.catalogue.update_gig(world.maria, gig.id, **{**GIG, "is_active": True})
    assert world.found("flamenco") == []


def test_language_filter_and_price_sort_with_words_and_a_page_past_the_end(world: World) -> None:
    dear = world.gig(world.maria, title="Conversation club", hourly_rate_minor=4000)
    cheap = world.gig(world.maria, title="Conversation drills", hourly_rate_minor=2000)
    world.gig(
        world.kenji, title="Conversation", language="Japanese", description="Not Spanish at all"
    )
    assert world.found("conv", language="Spanish", sort="price_asc") == [cheap.id, dear.id]
    assert world.found("conv", language="spanish", sort="price_desc") == [dear.id, cheap.id]
    past = world.catalogue.search_gigs(world.student, text="conv", offset=5, limit=2)
    assert (past.items, past.total) == ((), 3)
