"""Inputs the entry-point properties (test_entry_points_properties.py) found crashing a service
with a TypeError, an OverflowError or a database error; each is now a ValidationError raised at
the service's boundary, on SQLite and Postgres."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from linguaflex_desktop.adapters.secrets import SecretStore
from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.dto import BookingFilter, WeeklyRange
from linguaflex_desktop.services.booking.quote import BookingQuoteService
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.messaging.notifications import NotificationService
from linguaflex_desktop.services.payments.dto import PaymentFilter
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.views import PaymentViews
from linguaflex_desktop.services.reports.service import ReportService
from linguaflex_desktop.services.settings.service import (
    SettingsFile,
    SettingsService,
    StoredSettings,
)
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import World, make_world, request

TOO_BIG = 2**63  # past SQLite's INTEGER: OverflowError in the driver
LATE_WEST = datetime.max.replace(tzinfo=timezone(timedelta(hours=-5)))  # UTC is past year 9999


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


def test_record_numbers_too_big_for_the_database_are_refused(
    ctx: ServiceContext, world: World
) -> None:
    booking_id = request(BookingService(ctx), world).id
    calls = [
        lambda: AccountService(ctx).suspend_user(world.admin, TOO_BIG),
        lambda: CatalogueService(ctx).suspend_gig(world.admin, TOO_BIG),
        lambda: BookingQuoteService(ctx).quote_booking(world.student, TOO_BIG, duration_minutes=60),
        lambda: BookingService(ctx).cancel_booking(world.student, TOO_BIG),
        lambda: BookingService(ctx).cancel_booking(
            world.student, booking_id, expected_version=TOO_BIG
        ),
        lambda: Refunds(ctx, FakePaymentsGateway()).preview_refund(world.admin, TOO_BIG),
        lambda: ReportService(ctx).list_audit_events(world.admin, actor_id=TOO_BIG),
        lambda: BookingService(ctx).list_bookings(
            world.admin, filters=BookingFilter(gig_id=-TOO_BIG)
        ),
    ]
    for call in calls:
        with pytest.raises(ValidationError, match=r"number|between"):
            call()


def test_a_page_offset_too_big_for_the_database_is_refused(
    ctx: ServiceContext, world: World
) -> None:
    with pytest.raises(ValidationError, match="Pages"):
        AccountService(ctx).list_users(world.admin, offset=TOO_BIG)
    with pytest.raises(ValidationError, match="Pages"):
        CatalogueService(ctx).list_all_gigs(world.admin, offset=TOO_BIG)


@pytest.mark.parametrize("offset", ["10", 1.5, None])
def test_paging_that_is_not_a_whole_number_is_refused_in_every_list(
    ctx: ServiceContext, world: World, offset: object
) -> None:
    calls = [
        lambda: BookingService(ctx).list_bookings(world.admin, offset=offset),  # type: ignore[arg-type]
        lambda: PaymentViews(ctx).list_payments(world.admin, offset=offset),  # type: ignore[arg-type]
        lambda: NotificationService(ctx).list_inbox(world.admin, offset=offset),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(ValidationError, match="Pages"):
            call()


def test_an_instant_whose_utc_time_leaves_the_datetime_range_is_refused(
    ctx: ServiceContext, world: World
) -> None:
    booking_id = request(BookingService(ctx), world).id
    calls = [
        lambda: BookingService(ctx).request_booking(
            world.other_student, gig_id=world.gig_id, start_at=LATE_WEST, duration_minutes=60
        ),
        lambda: Reschedules(ctx).propose_reschedule(world.student, booking_id, start_at=LATE_WEST),
        lambda: PaymentViews(ctx).teacher_earnings(world.teacher, to_at=LATE_WEST),
        lambda: ReportService(ctx).revenue_report(
            world.admin, from_at=datetime(2027, 1, 1, tzinfo=UTC), to_at=LATE_WEST, zone="UTC"
        ),
        lambda: ReportService(ctx).revenue_chart(
            world.admin, from_at=datetime(2027, 1, 1, tzinfo=UTC), to_at=LATE_WEST, zone="UTC"
        ),
    ]
    for call in calls:
        with pytest.raises(ValidationError, match="between 1900-01-01 and 2999-12-31"):
            call()


def test_a_window_bound_that_is_not_a_datetime_is_refused(
    ctx: ServiceContext, world: World
) -> None:
    start = datetime(2027, 3, 1, tzinfo=UTC)
    with pytest.raises(ValidationError, match="date and time"):
        BookingService(ctx).teacher_schedule(world.teacher, from_at="today", to_at=start)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="date and time"):
        ReportService(ctx).list_audit_events(world.admin, from_at=date(2027, 3, 1))  # type: ignore[arg-type]


def test_weekly_availability_that_is_not_a_list_of_whole_number_ranges_is_refused(
    ctx: ServiceContext, world: World
) -> None:
    service = AvailabilityService(ctx)
    for ranges in (None, [None], [WeeklyRange("0", 540, 600)], [WeeklyRange(0, 540.0, 600)]):  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            service.set_weekly_availability(world.teacher, ranges)  # type: ignore[arg-type]


def test_a_day_that_is_not_a_plain_date_or_is_at_the_end_of_time_is_refused(
    ctx: ServiceContext, world: World
) -> None:
    service = AvailabilityService(ctx)
    with pytest.raises(ValidationError, match="must be a date"):
        service.add_day_off(world.teacher, datetime(2027, 3, 10, tzinfo=UTC))
    with pytest.raises(ValidationError, match="must be a date"):
        service.add_day_off(world.teacher, "2027-03-10")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="between"):
        service.free_slots(
            world.student, world.gig_id, duration_minutes=60, from_date=date.max, to_date=date.max
        )


def test_profile_languages_that_are_not_a_list_are_refused(
    ctx: ServiceContext, world: World
) -> None:
    with pytest.raises(ValidationError, match="list of names"):
        CatalogueService(ctx).update_profile(world.teacher, bio="", languages=None, time_zone="UTC")  # type: ignore[arg-type]


def test_a_search_price_limit_too_big_for_the_database_is_refused(
    ctx: ServiceContext, world: World
) -> None:
    with pytest.raises(ValidationError, match="Price limits"):
        CatalogueService(ctx).search_gigs(world.student, min_rate_minor=TOO_BIG)


@pytest.mark.parametrize("key", [12345, b"key-1", "key\x00one"])
def test_a_refund_request_key_that_is_not_clean_text_is_refused(
    ctx: ServiceContext, world: World, key: object
) -> None:
    with pytest.raises(ValidationError, match="request key"):
        Refunds(ctx, FakePaymentsGateway()).refund(
            world.admin,
            1,
            reason="sorry",
            request_key=key,  # type: ignore[arg-type]
        )


@pytest.mark.parametrize("limit", ["10", 1.5, TOO_BIG])
def test_a_reconcile_limit_that_is_not_a_database_whole_number_is_refused(
    ctx: ServiceContext, limit: object
) -> None:
    with pytest.raises(ValidationError, match="limit"):
        Reconciler(ctx, FakePaymentsGateway()).reconcile_pending(limit=limit)  # type: ignore[arg-type]


def test_a_booking_or_payment_filter_of_the_wrong_kind_is_refused(
    ctx: ServiceContext, world: World
) -> None:
    with pytest.raises(ValidationError, match="status"):
        BookingService(ctx).list_bookings(world.admin, filters=BookingFilter(statuses=("x",)))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="status"):
        PaymentViews(ctx).list_payments(world.admin, filters=PaymentFilter(status="x"))  # type: ignore[arg-type]


def test_a_setting_that_is_not_text_is_refused(
    ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    service = SettingsService(
        ctx, file=SettingsFile.in_data_dir(tmp_path), secrets=SecretStore(), environ={}
    )
    with pytest.raises(ValidationError, match="publishable key must be text"):
        service.save(world.admin, values=StoredSettings(stripe_publishable_key=5))  # type: ignore[arg-type]
    assert not (tmp_path / "settings.json").exists()
