"""Property: every service entry point that takes user text or numbers answers arbitrary
values with a result or one of the app's own errors (``LinguaFlexError``), on SQLite and on
Postgres. Hostile text (NUL, control and bidi characters, very long strings), huge, negative and
zero integers, NaN and infinities, naive and aware instants far in the past or future, and
values of the wrong type (None, bytes, lists, dicts, floats, strings) must never surface as a
TypeError, an OverflowError or a database error.

Each test builds its world once; the examples then run against it (they may leave rows, the
property only looks at the exception type). The "ci" profile (tests/conftest.py) runs a few
examples, derandomized; for a longer local search run, e.g.::

    HYPOTHESIS_PROFILE=thorough pytest tests/integration/test_entry_points_properties.py
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linguaflex_desktop.adapters.secrets import SecretStore
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.services.booking.quote import BookingQuoteService
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.messaging.notifications import NotificationService
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from linguaflex_desktop.services.payments.views import PaymentViews
from linguaflex_desktop.services.reports.service import ReportService
from linguaflex_desktop.services.settings.service import (
    SettingsFile,
    SettingsService,
    StoredSettings,
)
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world, request
from tests.integration.entry_point_strategies import (
    PROPERTY,
    booking_filters,
    currencies,
    days,
    durations,
    instants,
    ints,
    languages,
    levels,
    only_app_errors,
    optional,
    paging_limits,
    paging_offsets,
    param,
    payment_filters,
    roles,
    stored_settings,
    user_text,
    zones,
)
from tests.integration.entry_point_strategies import integers as plain_integers
from tests.integration.entry_point_strategies import text as plain_text

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class Stage:
    """The world of booking_helpers plus a waiting request and a paid booking (paid through
    the fake gateway), and a data folder for settings.json."""

    ctx: ServiceContext
    world: World
    gateway: FakePaymentsGateway
    pending_id: int
    paid_id: int
    data: Path

    def ids(self, *known: int) -> st.SearchStrategy[Any]:
        """An id parameter: a real one, any integer, or anything."""
        return param(st.sampled_from(known), plain_integers)


@pytest.fixture
def stage(ctx: ServiceContext, tmp_path: Path) -> Iterator[Stage]:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    bookings = BookingService(ctx)
    pending = request(bookings, world)
    paid = confirmed(bookings, world, start_at=SLOT.replace(hour=14))
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    payments.pay_booking(world.student, paid.id)
    yield Stage(ctx, world, gateway, pending.id, paid.id, tmp_path)
    cards.close()
    payments.close()


# --- accounts -------------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_register_and_authenticate_take_any_input(stage: Stage, data: st.DataObject) -> None:
    accounts = AccountService(stage.ctx)
    email = data.draw(param(st.sampled_from(["new@example.com", "sam@example.com"]), plain_text))
    password = data.draw(param(st.just(PASSWORD), plain_text))
    only_app_errors(
        lambda: accounts.register(
            email=email,
            password=password,
            display_name=data.draw(user_text),
            role=data.draw(roles),
            time_zone=data.draw(zones),
        )
    )
    only_app_errors(lambda: accounts.authenticate(email=email, password=password))


@PROPERTY
@given(data=st.data())
def test_list_and_suspend_users_take_any_input(stage: Stage, data: st.DataObject) -> None:
    accounts, world = AccountService(stage.ctx), stage.world
    only_app_errors(
        lambda: accounts.list_users(
            world.admin,
            role=data.draw(optional(roles)),
            text=data.draw(user_text),
            offset=data.draw(paging_offsets),
            limit=data.draw(paging_limits),
        )
    )
    user_id = data.draw(stage.ids(world.other_student.id, world.admin.id))
    reason = data.draw(user_text)
    only_app_errors(lambda: accounts.suspend_user(world.admin, user_id, reason=reason))


# --- catalogue ------------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_update_profile_takes_any_input(stage: Stage, data: st.DataObject) -> None:
    catalogue = CatalogueService(stage.ctx)
    only_app_errors(
        lambda: catalogue.update_profile(
            stage.world.other_teacher,
            bio=data.draw(user_text),
            languages=data.draw(param(st.lists(languages, max_size=14))),
            time_zone=data.draw(zones),
            display_name=data.draw(optional(plain_text)),
        )
    )


def _gig_fields(data: st.DataObject) -> dict[str, Any]:
    return {
        "title": data.draw(user_text),
        "language": data.draw(languages),
        "level": data.draw(levels),
        "description": data.draw(user_text),
        "hourly_rate_minor": data.draw(ints),
        "currency": data.draw(currencies),
        "is_active": data.draw(param(st.booleans())),
        "min_duration_minutes": data.draw(durations),
        "max_duration_minutes": data.draw(durations),
    }


@PROPERTY
@given(data=st.data())
def test_create_and_update_gig_take_any_input(stage: Stage, data: st.DataObject) -> None:
    catalogue, teacher = CatalogueService(stage.ctx), stage.world.other_teacher
    only_app_errors(lambda: catalogue.create_gig(teacher, **_gig_fields(data)))
    gig_id = data.draw(stage.ids(stage.world.other_gig_id))
    only_app_errors(lambda: catalogue.update_gig(teacher, gig_id, **_gig_fields(data)))


@PROPERTY
@given(data=st.data())
def test_search_and_list_gigs_take_any_input(stage: Stage, data: st.DataObject) -> None:
    catalogue, world = CatalogueService(stage.ctx), stage.world
    only_app_errors(
        lambda: catalogue.search_gigs(
            world.student,
            language=data.draw(optional(languages)),
            level=data.draw(optional(levels)),
            min_rate_minor=data.draw(optional(plain_integers)),
            max_rate_minor=data.draw(optional(plain_integers)),
            currency=data.draw(optional(currencies)),
            text=data.draw(user_text),
            sort=data.draw(param(st.sampled_from(["relevance", "price_asc", "newest"]))),
            offset=data.draw(paging_offsets),
            limit=data.draw(paging_limits),
        )
    )
    offset, limit = data.draw(paging_offsets), data.draw(paging_limits)
    only_app_errors(lambda: catalogue.list_all_gigs(world.admin, offset=offset, limit=limit))


@PROPERTY
@given(data=st.data())
def test_suspend_gig_takes_any_input(stage: Stage, data: st.DataObject) -> None:
    catalogue = CatalogueService(stage.ctx)
    gig_id, reason = data.draw(stage.ids(stage.world.other_gig_id)), data.draw(user_text)
    only_app_errors(lambda: catalogue.suspend_gig(stage.world.admin, gig_id, reason=reason))


# --- availability ---------------------------------------------------------------------------

weekly_ranges = st.builds(WeeklyRange, ints, ints, ints)


@PROPERTY
@given(data=st.data())
def test_availability_takes_any_input(stage: Stage, data: st.DataObject) -> None:
    availability, world = AvailabilityService(stage.ctx), stage.world
    ranges = data.draw(param(st.lists(param(weekly_ranges), max_size=4)))
    only_app_errors(lambda: availability.set_weekly_availability(world.other_teacher, ranges))
    day, note = data.draw(days), data.draw(user_text)
    only_app_errors(lambda: availability.add_day_off(world.other_teacher, day, note=note))
    only_app_errors(
        lambda: availability.free_slots(
            world.student,
            data.draw(stage.ids(world.gig_id)),
            duration_minutes=data.draw(durations),
            from_date=data.draw(days),
            to_date=data.draw(days),
        )
    )


# --- bookings -------------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_request_and_quote_take_any_input(stage: Stage, data: st.DataObject) -> None:
    world = stage.world
    gig_id = data.draw(stage.ids(world.gig_id))
    only_app_errors(
        lambda: BookingService(stage.ctx).request_booking(
            world.other_student,
            gig_id=gig_id,
            start_at=data.draw(instants),
            duration_minutes=data.draw(durations),
            note=data.draw(user_text),
        )
    )
    duration = data.draw(durations)
    only_app_errors(
        lambda: BookingQuoteService(stage.ctx).quote_booking(
            world.student, gig_id, duration_minutes=duration
        )
    )


@PROPERTY
@given(data=st.data())
def test_decline_and_cancel_take_any_input(stage: Stage, data: st.DataObject) -> None:
    bookings, world = BookingService(stage.ctx), stage.world
    booking_id = data.draw(stage.ids(stage.pending_id))
    reason, version = data.draw(user_text), data.draw(optional(plain_integers))
    only_app_errors(
        lambda: bookings.decline_booking(
            world.teacher, booking_id, reason=reason, expected_version=version
        )
    )
    reason, version = data.draw(user_text), data.draw(optional(plain_integers))
    only_app_errors(
        lambda: bookings.cancel_booking(
            world.student, booking_id, reason=reason, expected_version=version
        )
    )


@PROPERTY
@given(data=st.data())
def test_booking_lists_and_schedule_take_any_input(stage: Stage, data: st.DataObject) -> None:
    bookings, world = BookingService(stage.ctx), stage.world
    actor = data.draw(st.sampled_from([world.admin, world.student, world.teacher]))
    only_app_errors(
        lambda: bookings.list_bookings(
            actor,
            filters=data.draw(optional(booking_filters)),
            offset=data.draw(paging_offsets),
            limit=data.draw(paging_limits),
        )
    )
    from_at, to_at = data.draw(instants), data.draw(instants)
    only_app_errors(lambda: bookings.teacher_schedule(world.teacher, from_at=from_at, to_at=to_at))


@PROPERTY
@given(data=st.data())
def test_propose_reschedule_takes_any_input(stage: Stage, data: st.DataObject) -> None:
    booking_id, start_at = data.draw(stage.ids(stage.pending_id)), data.draw(instants)
    actor = data.draw(st.sampled_from([stage.world.student, stage.world.teacher]))
    only_app_errors(
        lambda: Reschedules(stage.ctx).propose_reschedule(actor, booking_id, start_at=start_at)
    )


# --- payments -------------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_payment_views_take_any_input(stage: Stage, data: st.DataObject) -> None:
    views, world = PaymentViews(stage.ctx), stage.world
    actor = data.draw(st.sampled_from([world.admin, world.student]))
    only_app_errors(
        lambda: views.list_payments(
            actor,
            filters=data.draw(optional(payment_filters)),
            offset=data.draw(paging_offsets),
            limit=data.draw(paging_limits),
        )
    )
    from_at, to_at = data.draw(optional(instants)), data.draw(optional(instants))
    only_app_errors(lambda: views.teacher_earnings(world.teacher, from_at=from_at, to_at=to_at))


@PROPERTY
@given(data=st.data())
def test_refunds_take_any_input(stage: Stage, data: st.DataObject) -> None:
    refunds, admin = Refunds(stage.ctx, stage.gateway), stage.world.admin
    booking_id = data.draw(stage.ids(stage.paid_id))
    amount = data.draw(optional(plain_integers))
    only_app_errors(lambda: refunds.preview_refund(admin, booking_id, amount_minor=amount))
    only_app_errors(
        lambda: refunds.refund(
            admin,
            booking_id,
            amount_minor=data.draw(optional(plain_integers)),
            reason=data.draw(user_text),
            request_key=data.draw(param(st.sampled_from(["key-1", "key-2"]), plain_text)),
        )
    )


@PROPERTY
@given(limit=ints)
def test_reconcile_takes_any_limit(stage: Stage, limit: Any) -> None:
    only_app_errors(lambda: Reconciler(stage.ctx, stage.gateway).reconcile_pending(limit=limit))


# --- reports, settings, notifications -------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_reports_take_any_input(stage: Stage, data: st.DataObject) -> None:
    reports, admin = ReportService(stage.ctx), stage.world.admin
    only_app_errors(
        lambda: reports.list_audit_events(
            admin,
            entity_type=data.draw(optional(st.just("booking"), plain_text)),
            entity_id=data.draw(optional(plain_integers)),
            actor_id=data.draw(optional(plain_integers)),
            action_prefix=data.draw(optional(st.just("booking."), plain_text)),
            from_at=data.draw(optional(instants)),
            to_at=data.draw(optional(instants)),
            offset=data.draw(paging_offsets),
            limit=data.draw(paging_limits),
        )
    )
    from_at, to_at, zone = data.draw(instants), data.draw(instants), data.draw(zones)
    only_app_errors(lambda: reports.revenue_report(admin, from_at=from_at, to_at=to_at, zone=zone))
    bucket = data.draw(st.sampled_from(("day", "week", "month")) | plain_text)
    only_app_errors(
        lambda: reports.revenue_chart(admin, from_at=from_at, to_at=to_at, zone=zone, bucket=bucket)
    )


@PROPERTY
@given(values=stored_settings)
def test_settings_take_any_values(stage: Stage, values: StoredSettings) -> None:
    service = SettingsService(
        stage.ctx, file=SettingsFile.in_data_dir(stage.data), secrets=SecretStore(), environ={}
    )
    only_app_errors(lambda: service.save(stage.world.admin, values=values))


@PROPERTY
@given(offset=paging_offsets, limit=paging_limits)
def test_notifications_take_any_paging(stage: Stage, offset: Any, limit: Any) -> None:
    inbox = NotificationService(stage.ctx)
    only_app_errors(lambda: inbox.list_inbox(stage.world.student, offset=offset, limit=limit))
