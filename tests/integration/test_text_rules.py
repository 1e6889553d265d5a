"""One rule for user text at every service entry point, identical on SQLite and Postgres.

A NUL byte (which Postgres cannot store), a bidi override (which makes text read as something
else) and, in one-line fields, a line break are refused with a ValidationError naming the
field, and nothing at all is written; prose fields keep their line breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.secrets import SecretStore
from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import Base, Level, Role
from linguaflex_desktop.services.accounts.self_service import AccountSelfService
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.reports.service import ReportService
from linguaflex_desktop.services.settings.service import (
    SettingsFile,
    SettingsService,
    StoredSettings,
)
from tests.integration.booking_helpers import SLOT, World, make_world, request
from tests.integration.payment_helpers import dead_gateway

PASSWORD = "correct horse battery"
NUL, OVERRIDE, LINE_BREAK = "\x00", "\u202e", "\n"
EVERYWHERE = [NUL, OVERRIDE]
# each entry does its setup, then returns the call that takes the user's text
Entry = Callable[[ServiceContext, World, Path], Callable[[str], Any]]


def _gig(ctx: ServiceContext, world: World, title: str, description: str) -> Any:
    return CatalogueService(ctx).create_gig(
        world.teacher,
        title=title,
        language="German",
        level=Level.B1,
        description=description,
        hourly_rate_minor=5000,
        currency="USD",
    )


def _register(ctx: ServiceContext, *, email: str, name: str) -> Any:
    return AccountService(ctx).register(
        email=email, password=PASSWORD, display_name=name, role=Role.STUDENT, time_zone="UTC"
    )


def _settings(ctx: ServiceContext, world: World, data: Path, host: str) -> Any:
    service = SettingsService(
        ctx, file=SettingsFile.in_data_dir(data), secrets=SecretStore(), environ={}
    )
    return service.save(world.admin, values=StoredSettings(smtp_host=host))


def _declining(ctx: ServiceContext, world: World) -> Callable[[str], Any]:
    booking_id = request(BookingService(ctx), world).id
    return lambda text: BookingService(ctx).decline_booking(
        world.teacher, booking_id, reason=f"Busy{text}"
    )


def _cancelling(ctx: ServiceContext, world: World) -> Callable[[str], Any]:
    booking_id = request(BookingService(ctx), world).id
    return lambda text: BookingService(ctx).cancel_booking(
        world.student, booking_id, reason=f"Ill{text}"
    )


def _refund(ctx: ServiceContext, world: World, reason: str) -> Any:
    return Refunds(ctx, dead_gateway()).refund(world.admin, 1, reason=reason, request_key="key-1")


# one-line fields: names, titles, searches, filters (line breaks refused too)
LINE_ENTRIES: dict[str, Entry] = {
    "display name": lambda c, w, d: (
        lambda t: _register(c, email="new@example.com", name=f"Ana{t}Lee")
    ),
    "email address": lambda c, w, d: (
        lambda t: _register(c, email=f"ne{t}w@example.com", name="Ana")
    ),
    "profile display name": lambda c, w, d: (
        lambda t: CatalogueService(c).update_profile(
            w.teacher, bio="", languages=["German"], time_zone="UTC", display_name=f"Te{t}acher"
        )
    ),
    "account display name": lambda c, w, d: (
        lambda t: AccountSelfService(c, email_codes=False).update_profile(
            w.student, display_name=f"Ana{t}Lee", time_zone="UTC"
        )
    ),
    "title": lambda c, w, d: lambda t: _gig(c, w, f"German{t}for you", ""),
    "search text": lambda c, w, d: (
        lambda t: CatalogueService(c).search_gigs(w.student, text=f"a{t}b")
    ),
    "user search": lambda c, w, d: lambda t: AccountService(c).list_users(w.admin, text=f"a{t}b"),
    "day-off note": lambda c, w, d: (
        lambda t: AvailabilityService(c).add_day_off(w.teacher, date(2027, 3, 10), note=f"away{t}")
    ),
    "action filter": lambda c, w, d: (
        lambda t: ReportService(c).list_audit_events(w.admin, action_prefix=f"booking{t}")
    ),
    "record kind": lambda c, w, d: (
        lambda t: ReportService(c).list_audit_events(w.admin, entity_type=f"booking{t}")
    ),
    "smtp host": lambda c, w, d: lambda t: _settings(c, w, d, f"smtp{t}.example"),
}

# prose fields: notes, reasons, descriptions (line breaks allowed)
PROSE_ENTRIES: dict[str, Entry] = {
    "bio": lambda c, w, d: (
        lambda t: CatalogueService(c).update_profile(
            w.teacher, bio=f"Hi{t}there", languages=["German"], time_zone="UTC"
        )
    ),
    "description": lambda c, w, d: lambda t: _gig(c, w, "German", f"Learn{t}German"),
    "note": lambda c, w, d: (
        lambda t: BookingService(c).request_booking(
            w.student, gig_id=w.gig_id, start_at=SLOT, duration_minutes=60, note=f"Hi{t}"
        )
    ),
    "decline reason": lambda c, w, d: _declining(c, w),
    "cancel reason": lambda c, w, d: _cancelling(c, w),
    "user suspension reason": lambda c, w, d: (
        lambda t: AccountService(c).suspend_user(w.admin, w.student.id, reason=f"abuse{t}")
    ),
    "gig suspension reason": lambda c, w, d: (
        lambda t: CatalogueService(c).suspend_gig(w.admin, w.gig_id, reason=f"spam{t}")
    ),
    "refund reason": lambda c, w, d: lambda t: _refund(c, w, f"sorry{t}"),
}


def _snapshot(ctx: ServiceContext) -> dict[str, list[Any]]:
    """Every row of every table, to show that a refused call wrote nothing."""
    with ctx.unit_of_work(write=False) as uow:
        return {
            table.name: [tuple(row) for row in uow.session.execute(select(table)).all()]
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


def _assert_refused_and_nothing_stored(
    ctx: ServiceContext, world: World, data: Path, entry: Entry, text: str
) -> None:
    call = entry(ctx, world, data)
    before = _snapshot(ctx)
    with pytest.raises(ValidationError) as refused:
        call(text)
    assert _snapshot(ctx) == before
    assert "please remove" in str(refused.value)
    assert not (data / "settings.json").exists()


@pytest.mark.parametrize("text", [NUL, OVERRIDE, LINE_BREAK, "\t", "\r", "\u2066"])
@pytest.mark.parametrize("name", sorted(LINE_ENTRIES))
def test_one_line_fields_refuse_control_bidi_and_line_break_characters(
    ctx: ServiceContext, world: World, tmp_path: Path, name: str, text: str
) -> None:
    _assert_refused_and_nothing_stored(ctx, world, tmp_path, LINE_ENTRIES[name], text)


@pytest.mark.parametrize("text", EVERYWHERE)
@pytest.mark.parametrize("name", sorted(PROSE_ENTRIES))
def test_prose_fields_refuse_control_and_bidi_override_characters(
    ctx: ServiceContext, world: World, tmp_path: Path, name: str, text: str
) -> None:
    _assert_refused_and_nothing_stored(ctx, world, tmp_path, PROSE_ENTRIES[name], text)


def test_prose_keeps_its_line_breaks_and_normalises_carriage_returns(
    ctx: ServiceContext, world: World
) -> None:
    booking = BookingService(ctx).request_booking(
        world.student,
        gig_id=world.gig_id,
        start_at=SLOT,
        duration_minutes=60,
        note="  Hello,\r\nsee you\rsoon\n",
    )
    detail = BookingService(ctx).get_booking(world.student, booking.id)
    assert detail.student_note == "Hello,\nsee you\nsoon"


def test_the_refusal_names_the_field_and_the_character(
    ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match=r"title contains .*U\+202E"):
        _gig(ctx, world, "German\u202efor you", "")
    with pytest.raises(ValidationError, match=r"note contains .*U\+0000"):
        PROSE_ENTRIES["note"](ctx, world, tmp_path)(NUL)
    with pytest.raises(ValidationError, match="title must fit on one line"):
        _gig(ctx, world, "German\nfor you", "")


def test_direction_marks_are_fine_in_prose_but_not_in_names(
    ctx: ServiceContext, world: World
) -> None:
    gig = _gig(ctx, world, "Hebrew", "\u05e9\u05dc\u05d5\u05dd\u200f!")
    assert gig.description.endswith("\u200f!")
    with pytest.raises(ValidationError, match="U\\+200F"):
        _register(ctx, email="new@example.com", name="Ana\u200fLee")
