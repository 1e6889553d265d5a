"""Teacher profiles on SQLite and Postgres: languages with levels, country, photo, rating,
the teacher's gigs, who may read and edit them, and what search shows beside each gig."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event

from linguaflex_desktop.errors import FieldErrors, NotFound, PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    Level,
    Role,
    SpokenLevel,
)
from linguaflex_desktop.services.catalogue.profiles import ProfileService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor, GigDTO, RatingSummary, SpokenLanguage
from tests.conftest import FakeClock
from tests.integration.profile_helpers import add_rating, jpeg_header, png_bytes
from tests.integration.test_catalogue import World as CatalogueWorld

PASSWORD = "correct horse battery"


class World(CatalogueWorld):
    """The catalogue tests' users (admin, Maria, Kenji, a student), a second student and
    the profile service."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self.profiles = ProfileService(ctx)
        self.other_student = self.user("ana@example.com", "Ana Student", Role.STUDENT)
        self._next_start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def rate(self, gig: GigDTO, student: Actor, stars: int) -> None:
        """A completed one-hour session of ``gig`` and the student's rating of it."""
        add_rating(self.ctx, gig, student_id=student.id, stars=stars, start=self._next_start)
        self._next_start += timedelta(hours=2)

    def update(self, teacher: Actor, **overrides: Any) -> Any:
        values: dict[str, Any] = {
            "bio": "Native speaker from Madrid.",
            "spoken_languages": [("Spanish", "native"), ("English", "C1")],
            "country": "ES",
            "time_zone": "Europe/Madrid",
        }
        values.update(overrides)
        return self.profiles.update_teacher_profile(teacher, **values)


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return World(ctx)


# --- edit and read back ---------------------------------------------------------------------


def test_teacher_saves_profile_and_a_student_reads_it_back(world: World) -> None:
    saved = world.update(
        world.maria,
        bio="  Native speaker from Madrid. ",
        spoken_languages=[(" spanish ", "Native"), ("english", "c1"), ("French", SpokenLevel.A2)],
        country="es",
        display_name="Maria  G.",
    )
    read = world.profiles.get_teacher_profile(world.student, world.maria.id)
    assert read == saved
    assert read.bio == "Native speaker from Madrid."
    assert read.spoken_languages == (
        SpokenLanguage("Spanish", SpokenLevel.NATIVE),
        SpokenLanguage("English", SpokenLevel.C1),
        SpokenLanguage("French", SpokenLevel.A2),
    )
    assert read.languages == ("Spanish", "English", "French")  # the older names-only list
    assert (read.country, read.country_name) == ("ES", "Spain")
    assert (read.time_zone, read.display_name) == ("Europe/Madrid", "Maria G.")
    assert read.photo is None
    assert read.rating == RatingSummary(count=0, total_stars=0)
    assert read.rating.average is None


def test_no_country_is_allowed_and_stored_as_none(world: World) -> None:
    profile = world.update(world.maria, country="")
    assert (profile.country, profile.country_name) == (None, "")


def test_profile_lists_only_bookable_gigs_and_the_rating_of_every_review(world: World) -> None:
    spanish = world.gig(world.maria, title="Conversational Spanish")
    grammar = world.gig(world.maria, title="Spanish grammar", level=Level.B2)
    hidden = world.gig(world.maria, title="Old course", is_active=False)
    suspended = world.gig(world.maria, title="Suspended course")
    world.catalogue.suspend_gig(world.admin, suspended.id, reason="test")
    world.gig(world.kenji, title="Japanese basics", language="Japanese")
    world.rate(spanish, world.student, 5)
    world.rate(grammar, world.student, 4)
    world.rate(spanish, world.other_student, 2)
    kenji_gig = world.profiles.get_teacher_profile(world.student, world.kenji.id).gigs[0]
    world.rate(kenji_gig, world.student, 1)

    profile = world.profiles.get_teacher_profile(world.student, world.maria.id)
    # 5 + 4 + 2 = 11 stars over 3 ratings; Kenji's rating does not count for Maria
    assert profile.rating == RatingSummary(count=3, total_stars=11)
    assert profile.rating.average == 3.7  # 11 / 3 shown to one decimal, half up
    assert [gig.title for gig in profile.gigs] == ["Conversational Spanish", "Spanish grammar"]
    assert hidden.id not in {gig.id for gig in profile.gigs}
    assert all(gig.teacher.rating == RatingSummary(3, 11) for gig in profile.gigs)


def test_a_teacher_without_a_profile_row_gets_one_on_first_save(world: World) -> None:
    empty = world.profiles.get_teacher_profile(world.student, world.kenji.id)
    assert (empty.bio, empty.spoken_languages, empty.country) == ("", (), None)
    saved = world.update(world.kenji, spoken_languages=[("Japanese", "native")], country="JP")
    assert saved.spoken_languages == (SpokenLanguage("Japanese", SpokenLevel.NATIVE),)


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("bio", "x" * 5001, "The bio is too long (at most 5000 characters)."),
        ("country", "XX", "Unknown country 'XX'; choose one from the list."),
        ("country", "Spain", "Unknown country 'Spain'; choose one from the list."),
        (
            "spoken_languages",
            [("Spanish", "native"), ("spanish", "C1")],
            "Spanish is listed twice; keep one line per language.",
        ),
        (
            "spoken_languages",
            [("Spanish", "")],
            "Choose your level in Spanish (native, C2, C1, B2, B1, A2, A1).",
        ),
        (
            "spoken_languages",
            [("Spanish", "fluent")],
            "Unknown level 'fluent' for Spanish; choose one of native, C2, C1, B2, B1, A2, A1.",
        ),
        ("time_zone", "Europe/Atlantis", "Unknown time zone: 'Europe/Atlantis'."),
    ],
)
def test_each_bad_input_has_its_sentence_and_changes_nothing(
    world: World, field: str, value: object, message: str
) -> None:
    before = world.update(world.maria)
    with pytest.raises(FieldErrors) as raised:
        world.update(world.maria, **{"bio": "Changed.", field: value})
    assert raised.value.fields == {field: message}
    assert raised.value.message == message
    assert world.profiles.get_teacher_profile(world.maria, world.maria.id) == before


def test_every_bad_field_is_named_at_once(world: World) -> None:
    with pytest.raises(FieldErrors) as raised:
        world.update(world.maria, bio="x" * 5001, country="XX", display_name=" ")
    assert list(raised.value.fields) == ["display_name", "bio", "country"]
    assert raised.value.message == (
        "Please enter a display name. The bio is too long (at most 5000 characters). "
        "Unknown country 'XX'; choose one from the list."
    )


# --- permissions ----------------------------------------------------------------------------


def test_a_student_cannot_edit_a_profile(world: World) -> None:
    with pytest.raises(PermissionDenied):
        world.update(world.student)
    with pytest.raises(PermissionDenied):
        world.profiles.set_teacher_photo(world.student, png_bytes(8, 8))


def test_a_teacher_edits_only_their_own_profile(world: World) -> None:
    world.update(world.kenji, bio="Kenji's own words.", spoken_languages=[("Japanese", "native")])
    world.update(world.maria, bio="Maria's words.")  # acts on Maria, whatever Kenji wrote
    kenji = world.profiles.get_teacher_profile(world.student, world.kenji.id)
    assert kenji.bio == "Kenji's own words."
    assert kenji.spoken_languages == (SpokenLanguage("Japanese", SpokenLevel.NATIVE),)


def test_only_active_teachers_are_shown_to_students(world: World) -> None:
    with pytest.raises(NotFound):
        world.profiles.get_teacher_profile(world.maria, world.student.id)
    world.accounts.suspend_user(world.admin, world.maria.id, reason="test")
    with pytest.raises(NotFound):
        world.profiles.get_teacher_profile(world.student, world.maria.id)
    with pytest.raises(NotFound):
        world.profiles.get_teacher_photo(world.student, world.maria.id)
    assert world.profiles.get_teacher_profile(world.admin, world.maria.id).user_id == world.maria.id


# --- photo ----------------------------------------------------------------------------------


def test_a_photo_is_stored_read_back_and_removed(world: World, clock: FakeClock) -> None:
    photo = png_bytes(256, 256)
    saved = world.profiles.set_teacher_photo(world.maria, photo)
    assert saved.photo == photo
    assert world.profiles.get_teacher_photo(world.student, world.maria.id) == photo
    assert world.profiles.get_teacher_profile(world.student, world.maria.id).photo == photo
    gig = world.gig(world.maria)
    (found,) = world.catalogue.search_gigs(world.student).items
    assert found.id == gig.id
    assert found.teacher.has_photo and found.teacher.photo_updated_at == clock()
    removed = world.profiles.remove_teacher_photo(world.maria)
    assert removed.photo is None
    assert world.profiles.get_teacher_photo(world.student, world.maria.id) is None


def test_a_jpeg_photo_is_accepted(world: World) -> None:
    photo = jpeg_header(200, 256)
    assert world.profiles.set_teacher_photo(world.maria, photo).photo == photo


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * 100, "The photo is not a PNG or JPEG image."),
        (b"", "The photo file is empty."),
        ("not bytes", "The photo must be an image file's contents."),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "The photo cannot be read as an image"),
        (png_bytes(300, 200), "The photo is 300 x 200 pixels; at most 256 x 256 is stored."),
        (jpeg_header(257, 100), "The photo is 257 x 100 pixels; at most 256 x 256 is stored."),
        (
            png_bytes(8, 8) + b"\x00" * (256 * 1024),
            "The photo is too large (256 KB; at most 256 KB): choose a smaller picture.",
        ),
    ],
)
def test_a_bad_photo_is_refused_and_the_old_one_stays(
    world: World, data: object, message: str
) -> None:
    old = png_bytes(16, 16)
    world.profiles.set_teacher_photo(world.maria, old)
    with pytest.raises(ValidationError) as raised:
        world.profiles.set_teacher_photo(world.maria, data)  # type: ignore[arg-type]
    assert raised.value.message.startswith(message)
    assert world.profiles.get_teacher_photo(world.student, world.maria.id) == old


# --- search ---------------------------------------------------------------------------------


def test_search_results_carry_each_teachers_country_languages_and_rating(world: World) -> None:
    world.update(world.maria, spoken_languages=[("Spanish", "native"), ("English", "C1")])
    world.update(world.kenji, spoken_languages=[("Japanese", "native")], country="JP")
    maria_gig = world.gig(world.maria, title="Spanish A", hourly_rate_minor=3000)
    maria_other = world.gig(world.maria, title="Spanish B", hourly_rate_minor=3500)
    kenji_gig = world.gig(
        world.kenji, title="Japanese", language="Japanese", hourly_rate_minor=4000
    )
    world.rate(maria_gig, world.student, 5)
    world.rate(maria_other, world.other_student, 4)
    world.rate(kenji_gig, world.student, 3)

    page = world.catalogue.search_gigs(world.student, sort="price_asc")
    summaries = {
        gig.title: (
            gig.teacher.country,
            gig.teacher.country_name,
            gig.teacher.languages,
            gig.teacher.rating.count,
            gig.teacher.rating.total_stars,
        )
        for gig in page.items
    }
    spanish = (
        SpokenLanguage("Spanish", SpokenLevel.NATIVE),
        SpokenLanguage("English", SpokenLevel.C1),
    )
    assert summaries == {
        "Spanish A": ("ES", "Spain", spanish, 2, 9),
        "Spanish B": ("ES", "Spain", spanish, 2, 9),
        "Japanese": ("JP", "Japan", (SpokenLanguage("Japanese", SpokenLevel.NATIVE),), 1, 3),
    }
    assert page.total == 3
    assert page.items[0].teacher.rating.average == 4.5
    assert [gig.title for gig in page.items] == ["Spanish A", "Spanish B", "Japanese"]


def test_a_teacher_with_no_profile_and_no_ratings_shows_empty_facts(world: World) -> None:
    world.gig(world.kenji, title="Japanese", language="Japanese")
    (gig,) = world.catalogue.search_gigs(world.student).items
    assert gig.teacher.country is None and gig.teacher.languages == ()
    assert gig.teacher.rating == RatingSummary(0, 0) and not gig.teacher.has_photo


def test_search_reads_the_teachers_facts_without_a_query_per_row(
    world: World, engine: Engine
) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        if str(args[2]).lstrip().upper().startswith("SELECT"):  # not SQLite's BEGIN
            statements.append(str(args[2]))

    def search_statements() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            world.catalogue.search_gigs(world.student)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(statements)

    world.update(world.maria)
    first = world.gig(world.maria, title="One")
    world.rate(first, world.student, 5)
    with_one_row = search_statements()
    world.update(world.kenji, spoken_languages=[("Japanese", "native")], country="JP")
    for index in range(5):
        gig = world.gig(world.kenji, title=f"Japanese {index}", language="Japanese")
        world.rate(gig, world.other_student, 3)
    assert world.catalogue.search_gigs(world.student).total == 6
    # the acting user, then the page with the teachers' facts and the total: 2, however many
    assert search_statements() == with_one_row == 2
