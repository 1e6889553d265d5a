"""The refusals of the booking, catalogue, accounts, settings and shared-check services are
``Text`` made with ``tx``: each keeps its template (found, translated, in the shipped Spanish
catalogue) and its values, while reading as the same English sentence as before.

The services run on a fresh SQLite database (the fixtures of tests/conftest.py). A second
test reads the source of those packages and refuses a user-facing error raised with a plain
string or f-string, so new code keeps speaking through ``tx``.
"""

from __future__ import annotations

import ast
import inspect
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import linguaflex_desktop.errors as errors_module
from linguaflex_desktop.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    FieldErrors,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    SlotTaken,
    UserFacingError,
    ValidationError,
)
from linguaflex_desktop.models import Level, Role
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.reviews import ReviewService
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.catalogue.profiles import ProfileService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.pricing import quote
from linguaflex_desktop.services.settings.service import (
    SettingsFile,
    SettingsService,
    StoredSettings,
)
from linguaflex_desktop.texts import Amount, Text
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world, request

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "linguaflex_es.ts"
SERVICES = ROOT / "linguaflex_desktop" / "services"
PACKAGES = ("booking", "common", "catalogue", "accounts", "settings")


@cache
def spanish() -> dict[str, str]:
    """English source -> finished Spanish translation, from the shipped catalogue."""
    finished: dict[str, str] = {}
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        if translation.text:
            finished[source] = translation.text
    return finished


def assert_translated(message: str) -> Text:
    """``message`` is a Text whose template (and every Text value in it) is translated."""
    assert isinstance(message, Text), f"not marked with tx(): {message!r}"
    assert message.template in spanish(), f"no Spanish for {message.template!r}"
    for value in message.params.values():
        if isinstance(value, Text):
            assert_translated(value)
    return message


def refusal(error_type: type[UserFacingError], action: Callable[[], object]) -> Text:
    with pytest.raises(error_type) as caught:
        action()
    return assert_translated(caught.value.message)


@pytest.fixture
def ctx(sqlite_ctx: ServiceContext) -> ServiceContext:
    return sqlite_ctx


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


@pytest.fixture
def bookings(ctx: ServiceContext) -> BookingService:
    return BookingService(ctx)


# --- booking ------------------------------------------------------------------------------


def test_a_start_in_the_past_or_too_soon_is_refused_in_words_with_a_template(
    ctx: ServiceContext, world: World, bookings: BookingService
) -> None:
    now = ctx.now()
    past = refusal(ValidationError, lambda: request(bookings, world, start_at=now - timedelta(1)))
    assert past == "That time is in the past."
    soon = refusal(
        ValidationError, lambda: request(bookings, world, start_at=now + timedelta(hours=2))
    )
    assert soon.template == "Sessions must be booked at least {hours} hours ahead."
    assert soon.params == {"hours": 12}
    assert soon == "Sessions must be booked at least 12 hours ahead."


def test_a_taken_slot_and_a_teacher_booking_are_refused_with_templates(
    world: World, bookings: BookingService
) -> None:
    request(bookings, world)
    taken = refusal(SlotTaken, lambda: request(bookings, world, student=world.other_student))
    assert taken == "That slot is already taken: the teacher has a session at that time."
    teacher = refusal(
        PermissionDenied, lambda: request(bookings, world, student=world.other_teacher)
    )
    assert teacher == "Only students can request sessions."


def test_a_duration_the_gig_does_not_offer_names_its_range(
    world: World, bookings: BookingService
) -> None:
    message = refusal(ValidationError, lambda: request(bookings, world, duration=20))
    assert message.template == (
        "This gig lasts {minimum} to {maximum} minutes in steps of {step}; "
        "{duration} is not offered."
    )
    assert message.params == {"minimum": 30, "maximum": 180, "step": 15, "duration": 20}


def test_a_control_character_in_the_note_names_the_field_as_text(
    world: World, bookings: BookingService
) -> None:
    message = refusal(
        ValidationError,
        lambda: bookings.request_booking(
            world.student, gig_id=world.gig_id, start_at=SLOT, duration_minutes=60, note="a\x00b"
        ),
    )
    assert message.params["what"] == "note"
    assert message.params["code"] == "U+0000"


def test_transitions_refused_by_role_and_state_say_why_with_the_state_word(
    ctx: ServiceContext, world: World, bookings: BookingService
) -> None:
    booking = confirmed(bookings, world)
    not_teacher = refusal(
        PermissionDenied, lambda: bookings.confirm_booking(world.student, booking.id)
    )
    assert not_teacher == "Only the teacher of this booking can do that."
    declined = refusal(
        InvalidTransition,
        lambda: bookings.decline_booking(world.teacher, booking.id, reason="Busy"),
    )
    assert declined.template == "Only a waiting request can be declined; this booking is {status}."
    assert declined == "Only a waiting request can be declined; this booking is confirmed."
    unpaid = refusal(
        InvalidTransition, lambda: bookings.complete_booking(world.teacher, booking.id)
    )
    assert unpaid == "A session can only be completed once it has been paid."
    not_yours = refusal(
        PermissionDenied, lambda: bookings.get_booking(world.other_student, booking.id)
    )
    assert not_yours == "This booking is not yours."
    missing = refusal(NotFound, lambda: bookings.get_booking(world.admin, 9999))
    assert missing == "That booking does not exist."


def test_reschedule_review_and_availability_refusals_are_templates(
    ctx: ServiceContext, world: World, bookings: BookingService
) -> None:
    booking = request(bookings, world)
    same = refusal(
        ValidationError,
        lambda: Reschedules(ctx).propose_reschedule(world.student, booking.id, start_at=SLOT),
    )
    assert same == "That is already the time of this booking."
    early = refusal(
        ValidationError,
        lambda: ReviewService(ctx).rate_booking(world.student, booking.id, stars=5),
    )
    assert early == "A session can be rated once it is completed."
    backwards = refusal(
        ValidationError,
        lambda: AvailabilityService(ctx).free_slots(
            world.student,
            world.gig_id,
            duration_minutes=60,
            from_date=date(2027, 3, 5),
            to_date=date(2027, 3, 4),
        ),
    )
    assert backwards == "The end date is before the start date."


# --- shared checks: pricing ----------------------------------------------------------------


def test_an_implausible_hourly_rate_carries_the_amount_as_money() -> None:
    message = refusal(
        ValidationError,
        lambda: quote(hourly_rate_minor=10**9, duration_minutes=60, currency="USD"),
    )
    assert message.template == "An hourly rate of {rate} is not plausible."
    assert message.params["rate"] == Amount(10**9, "USD", 2)
    assert message == "An hourly rate of 10,000,000.00 USD is not plausible."


# --- catalogue -----------------------------------------------------------------------------


def _gig_fields(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "Spanish for travel",
        "language": "Spanish",
        "level": Level.ALL,
        "description": "",
        "hourly_rate_minor": 3000,
        "currency": "USD",
        "is_active": True,
    }
    return fields | changes


def test_catalogue_refusals_are_templates(ctx: ServiceContext, world: World) -> None:
    catalogue = CatalogueService(ctx)
    duration = refusal(
        ValidationError,
        lambda: catalogue.create_gig(world.teacher, **_gig_fields(min_duration_minutes=0)),
    )
    assert duration == "The minimum duration must be a positive number of minutes."
    empty_title = refusal(
        ValidationError, lambda: catalogue.create_gig(world.teacher, **_gig_fields(title=" "))
    )
    assert empty_title == "The title cannot be empty."
    sort = refusal(ValidationError, lambda: catalogue.search_gigs(world.student, sort="cheap"))
    assert sort.template == "Unknown sort {sort}; use one of {sorts}."
    assert sort.params["sort"] == "'cheap'"
    not_owner = refusal(
        PermissionDenied,
        lambda: catalogue.update_gig(world.other_teacher, world.gig_id, **_gig_fields()),
    )
    assert not_owner == "You can only edit your own gigs."
    missing = refusal(NotFound, lambda: catalogue.get_gig(world.student, 9999))
    assert missing == "This gig does not exist or is no longer offered."


def test_every_bad_profile_field_has_its_own_translated_sentence(
    ctx: ServiceContext, world: World
) -> None:
    with pytest.raises(FieldErrors) as caught:
        ProfileService(ctx).update_teacher_profile(
            world.teacher,
            bio="",
            spoken_languages=[("Spanish", "fluent")],
            country="Atlantis",
            time_zone="Mars/Olympus",
        )
    fields = caught.value.fields
    assert set(fields) == {"spoken_languages", "country", "time_zone"}
    for message in fields.values():
        assert_translated(message)
    assert fields["country"] == "Unknown country 'Atlantis'; choose one from the list."


# --- accounts ------------------------------------------------------------------------------


def test_account_refusals_are_templates(ctx: ServiceContext, world: World) -> None:
    accounts = AccountService(ctx)

    def register(email: str, password: str) -> object:
        return accounts.register(
            email=email,
            password=password,
            display_name="Rita",
            role=Role.STUDENT,
            time_zone="UTC",
        )

    short = refusal(ValidationError, lambda: register("rita@example.com", "short"))
    assert short.template == "The password must have at least {n} characters."
    assert short == "The password must have at least 10 characters."
    register("rita@example.com", "correct horse battery")
    taken = refusal(Conflict, lambda: register("RITA@example.com", "correct horse battery"))
    assert taken == "An account with the email rita@example.com already exists."
    wrong = refusal(
        AuthenticationFailed,
        lambda: accounts.authenticate(email="rita@example.com", password="wrong password!"),
    )
    assert wrong == "Wrong email or password."
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(email="rita@example.com", password="wrong password!")
    locked = refusal(
        AccountLocked,
        lambda: accounts.authenticate(email="rita@example.com", password="correct horse battery"),
    )
    assert locked == "Too many failed sign-in attempts. Try again in 15 minutes."
    assert locked.params == {"minutes": 15}
    own = refusal(
        PermissionDenied, lambda: accounts.suspend_user(world.admin, world.admin.id, reason="x")
    )
    assert own == "You cannot suspend your own account."


# --- settings ------------------------------------------------------------------------------


def test_settings_refusals_are_templates(ctx: ServiceContext, world: World, tmp_path: Path) -> None:
    from linguaflex_desktop.adapters.secrets import SecretStore

    settings = SettingsService(
        ctx, file=SettingsFile.in_data_dir(tmp_path), secrets=SecretStore(), environ={}
    )
    port = refusal(
        ValidationError,
        lambda: settings.save(world.admin, values=StoredSettings(smtp_port=70000)),
    )
    assert port == "The SMTP port must be between 1 and 65535."
    secret = refusal(
        ValidationError,
        lambda: settings.save(
            world.admin, values=StoredSettings(stripe_publishable_key="sk_test_123")
        ),
    )
    assert secret.startswith("That is a Stripe secret key")
    host = refusal(
        ValidationError,
        lambda: settings.save(world.admin, values=StoredSettings(smtp_host="a\nb")),
    )
    assert host == "The smtp host must fit on one line; please remove the line break."
    not_admin = refusal(PermissionDenied, lambda: settings.view(world.student))
    assert not_admin == "Your role does not allow this."


# --- the source keeps speaking through tx --------------------------------------------------


def _user_facing_error_names() -> set[str]:
    names = {
        name
        for name, value in vars(errors_module).items()
        if inspect.isclass(value) and issubclass(value, UserFacingError)
    }
    return names


def _sources() -> Iterator[Path]:
    for package in PACKAGES:
        yield from sorted((SERVICES / package).rglob("*.py"))


def _is_plain_text(node: ast.expr, plain_constants: set[str]) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.BinOp):  # "..." + "..." or "..." % (...)
        return _is_plain_text(node.left, plain_constants)
    return isinstance(node, ast.Name) and node.id in plain_constants


def _plain_module_constants(tree: ast.Module) -> set[str]:
    """Module-level names bound to a bare string literal (``MESSAGE = "..."``)."""
    names: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and _is_plain_text(statement.value, set()):
            names.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    return names


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _untranslated_errors(path: Path, error_names: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    local_errors = set(error_names)
    for node in ast.walk(tree):  # subclasses of a user-facing error declared here
        if isinstance(node, ast.ClassDef) and any(
            isinstance(base, ast.Name) and base.id in local_errors for base in node.bases
        ):
            local_errors.add(node.name)
    plain = _plain_module_constants(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == "tx":
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                found.append(f"{_shown(path)}:{node.lineno}: tx() needs a string literal first")
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in local_errors:
            continue
        messages = list(node.args[:1]) + [k.value for k in node.keywords if k.arg == "message"]
        if any(_is_plain_text(message, plain) for message in messages):
            found.append(f"{_shown(path)}:{node.lineno}: {name}(...) without tx()")
    return found


def test_no_user_facing_error_of_these_services_is_raised_with_a_plain_string() -> None:
    error_names = _user_facing_error_names()
    assert {"ValidationError", "Conflict", "SlotTaken", "AccountLocked"} <= error_names
    found = [line for path in _sources() for line in _untranslated_errors(path, error_names)]
    assert found == []


def test_the_source_check_catches_a_plain_and_an_f_string_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from linguaflex_desktop.errors import NotFound, ValidationError\n"
        "from linguaflex_desktop.texts import tx\n"
        "GONE = 'Gone.'\n"
        "def f(x):\n"
        "    raise ValidationError(f'Bad {x}.')\n"
        "def g():\n"
        "    raise NotFound(GONE)\n"
        "def h(x):\n"
        "    raise ValidationError(tx('Bad {x}.', x=x))\n",
        encoding="utf-8",
    )
    found = _untranslated_errors(sample.resolve(), _user_facing_error_names())
    assert len(found) == 2
    assert ":5:" in found[0] and ":7:" in found[1]


def test_every_country_a_teacher_can_choose_has_its_spanish_name_in_cldr() -> None:
    """Country names are shown from the Unicode CLDR (ui/place_names.py), not the catalogue."""
    from babel import Locale

    from linguaflex_desktop.services.catalogue.countries import COUNTRIES, country_name
    from linguaflex_desktop.ui.place_names import country_name as shown_name

    spanish_territories = Locale.parse("es").territories
    assert all(code in spanish_territories for code in COUNTRIES)
    assert country_name("ES") == "Spain"
    assert shown_name("ES", "Spain", "es") == "España"
    assert shown_name("GB", "United Kingdom", "es") == "Reino Unido"
    assert shown_name("GB", "United Kingdom", "en") == "United Kingdom"
