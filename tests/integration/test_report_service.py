"""ReportService on SQLite and Postgres: the audit trail (filters, paging, actor names, admins
only) and the revenue report (months in the admin's zone, per currency, refunds, only
succeeded payments, half-open periods). Payments are inserted through the ORM."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from linguaflex_desktop.errors import PermissionDenied, ValidationError
from linguaflex_desktop.models import PaymentAttemptStatus
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.reports.dto import FieldChange, RevenueLine
from linguaflex_desktop.services.reports.service import ReportService
from tests.integration.booking_helpers import World, confirmed, make_world
from tests.integration.report_helpers import T0, Parties, add_event, add_payment

YEAR_2027 = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


@pytest.fixture
def parties(world: World) -> Parties:
    return Parties(world.student.id, world.teacher.id, world.gig_id)


@pytest.fixture
def reports(ctx: ServiceContext) -> ReportService:
    return ReportService(ctx)


def by_month(lines: tuple[RevenueLine, ...]) -> dict[tuple[date | None, str], RevenueLine]:
    return {(line.month, line.currency): line for line in lines}


# --- audit trail ----------------------------------------------------------------------------


def test_audit_events_come_newest_first_with_the_actors_name_or_none_for_the_system(
    ctx: ServiceContext, world: World, reports: ReportService
) -> None:
    first = add_event(ctx, action="booking.requested", actor_id=world.student.id, at=T0)
    system = add_event(ctx, action="booking.expired", at=T0 + timedelta(hours=1))
    last = add_event(
        ctx, action="booking.confirmed", actor_id=world.teacher.id, at=T0 + timedelta(hours=2)
    )
    page = reports.list_audit_events(world.admin)
    assert [event.id for event in page.items] == [last, system, first]
    assert page.total == 3
    assert [event.actor_name for event in page.items] == ["Tina", None, "Sam"]
    assert page.items[0].actor_email == "tina@example.com"
    assert page.items[1].actor_id is None and page.items[1].actor_email is None
    assert page.items[0].created_at == T0 + timedelta(hours=2)


def test_audit_filters_by_entity_action_prefix_actor_and_half_open_dates(
    ctx: ServiceContext, world: World, reports: ReportService
) -> None:
    requested = add_event(
        ctx, action="booking.requested", entity_id=7, actor_id=world.student.id, at=T0
    )
    other_booking = add_event(
        ctx, action="booking.requested", entity_id=8, actor_id=world.other_student.id, at=T0
    )
    paid = add_event(ctx, action="booking.payment_paid", entity_id=7, at=T0 + timedelta(days=1))
    refund = add_event(
        ctx,
        action="refund.succeeded",
        entity_type="refund",
        entity_id=7,
        actor_id=world.admin.id,
        at=T0 + timedelta(days=2),
    )

    def ids(**filters: object) -> list[int]:
        page = reports.list_audit_events(world.admin, **filters)  # type: ignore[arg-type]
        assert page.total == len(page.items)
        return sorted(event.id for event in page.items)

    assert ids(entity_type="booking", entity_id=7) == [requested, paid]
    assert ids(entity_type="refund") == [refund]
    assert ids(action_prefix="booking.") == [requested, other_booking, paid]
    assert ids(action_prefix="booking.payment") == [paid]
    assert ids(actor_id=world.student.id) == [requested]
    assert ids(from_at=T0 + timedelta(days=1)) == [paid, refund]
    assert ids(to_at=T0 + timedelta(days=1)) == [requested, other_booking]
    assert ids(from_at=T0, to_at=T0 + timedelta(days=2), action_prefix="booking.p") == [paid]
    assert ids(entity_type="gig") == []


def test_action_prefix_matches_literally_not_as_a_like_pattern(
    ctx: ServiceContext, world: World, reports: ReportService
) -> None:
    underscore = add_event(ctx, action="booking.payment_paid")
    add_event(ctx, action="booking.paymentXpaid")
    add_event(ctx, action="booking.requested")
    page = reports.list_audit_events(world.admin, action_prefix="booking.payment_")
    assert [event.id for event in page.items] == [underscore]
    assert reports.list_audit_events(world.admin, action_prefix="%").total == 0


def test_audit_paging_returns_every_event_once_in_order_even_with_equal_times(
    ctx: ServiceContext, world: World, reports: ReportService
) -> None:
    made = [
        add_event(
            ctx, action="job.retry", entity_type="outbox_job", at=T0 + timedelta(minutes=n // 3)
        )
        for n in range(25)
    ]
    seen: list[int] = []
    offset = 0
    while True:
        page = reports.list_audit_events(world.admin, offset=offset, limit=10)
        assert page.total == 25 and page.offset == offset and page.limit == 10
        if not page.items:
            break
        seen.extend(event.id for event in page.items)
        offset += len(page.items)
    expected = sorted(made, key=lambda event_id: (made.index(event_id) // 3, event_id))
    assert seen == list(reversed(expected))


def test_real_booking_transitions_show_in_the_trail_with_before_and_after(
    ctx: ServiceContext, world: World, reports: ReportService
) -> None:
    booking = confirmed(BookingService(ctx), world)
    page = reports.list_audit_events(world.admin, entity_type="booking", entity_id=booking.id)
    assert [event.action for event in page.items] == ["booking.confirmed", "booking.requested"]
    confirm = page.items[0]
    assert confirm.actor_name == "Tina"
    status = next(change for change in confirm.changes() if change.name == "status")
    assert status == FieldChange("status", "PENDING", "CONFIRMED") and status.changed


def test_audit_changes_list_every_field_of_before_and_after_once() -> None:
    from linguaflex_desktop.services.reports.dto import AuditEventDTO

    event = AuditEventDTO(
        id=1,
        created_at=T0,
        actor_id=None,
        actor_name=None,
        actor_email=None,
        action="user.suspended",
        entity_type="user",
        entity_id=3,
        before={"suspended_at": None, "role": "student"},
        after={"suspended_at": "2027-02-01", "note": "x"},
        reason="spam",
    )
    assert event.changes() == (
        FieldChange("suspended_at", None, "2027-02-01"),
        FieldChange("role", "student", None),
        FieldChange("note", None, "x"),
    )


def test_audit_trail_is_for_active_admins_only(
    ctx: ServiceContext, world: World, reports: ReportService
) -> None:
    add_event(ctx, action="booking.requested")
    for actor in (world.student, world.teacher, world.suspended_student):
        with pytest.raises(PermissionDenied):
            reports.list_audit_events(actor)


def test_audit_refuses_an_entity_id_without_type_naive_times_and_bad_pages(
    world: World, reports: ReportService
) -> None:
    with pytest.raises(ValidationError, match="kind of record"):
        reports.list_audit_events(world.admin, entity_id=3)
    with pytest.raises(ValidationError, match="time zone"):
        reports.list_audit_events(world.admin, from_at=datetime(2027, 1, 1))
    with pytest.raises(ValidationError):
        reports.list_audit_events(world.admin, limit=0)
    with pytest.raises(ValidationError):
        reports.list_audit_events(world.admin, offset=-1)


# --- revenue report -------------------------------------------------------------------------


def test_a_payment_late_on_31_january_utc_is_february_in_berlin(
    ctx: ServiceContext, world: World, parties: Parties, reports: ReportService
) -> None:
    add_payment(ctx, parties, at=datetime(2027, 1, 31, 23, 30, tzinfo=UTC))
    start, end = YEAR_2027
    berlin = reports.revenue_report(world.admin, from_at=start, to_at=end, zone="Europe/Berlin")
    utc = reports.revenue_report(world.admin, from_at=start, to_at=end, zone="UTC")
    assert [line.month for line in berlin.months] == [date(2027, 2, 1)]
    assert [line.month for line in utc.months] == [date(2027, 1, 1)]
    assert berlin.zone == "Europe/Berlin"


def test_months_follow_daylight_saving_time_in_the_zone(
    ctx: ServiceContext, world: World, parties: Parties, reports: ReportService
) -> None:
    add_payment(ctx, parties, at=datetime(2027, 6, 30, 22, 30, tzinfo=UTC))  # 00:30 CEST 1 July
    add_payment(ctx, parties, at=datetime(2027, 10, 31, 23, 30, tzinfo=UTC))  # 00:30 CET 1 Nov
    add_payment(ctx, parties, at=datetime(2027, 3, 31, 21, 59, tzinfo=UTC))  # 23:59 CEST 31 Mar
    start, end = YEAR_2027
    report = reports.revenue_report(world.admin, from_at=start, to_at=end, zone="Europe/Berlin")
    assert [line.month for line in report.months] == [
        date(2027, 3, 1),
        date(2027, 7, 1),
        date(2027, 11, 1),
    ]
    new_york = reports.revenue_report(
        world.admin, from_at=start, to_at=end, zone="America/New_York"
    )
    assert [line.month for line in new_york.months] == [
        date(2027, 3, 1),
        date(2027, 6, 1),
        date(2027, 10, 1),
    ]


def test_figures_per_month_and_currency_with_totals_per_currency(
    ctx: ServiceContext, world: World, parties: Parties, reports: ReportService
) -> None:
    add_payment(ctx, parties, at=datetime(2027, 1, 10, tzinfo=UTC), amount=5250, fee=250)
    add_payment(ctx, parties, at=datetime(2027, 1, 20, tzinfo=UTC), amount=7875, fee=375)
    add_payment(ctx, parties, at=datetime(2027, 2, 5, tzinfo=UTC), amount=3150, fee=150)
    add_payment(
        ctx, parties, at=datetime(2027, 1, 15, tzinfo=UTC), amount=4200, fee=200, currency="EUR"
    )
    add_payment(
        ctx, parties, at=datetime(2027, 2, 15, tzinfo=UTC), amount=6300, fee=300, currency="JPY"
    )
    start, end = YEAR_2027
    report = reports.revenue_report(world.admin, from_at=start, to_at=end, zone="UTC")
    lines = by_month(report.months)
    assert list(lines) == [
        (date(2027, 1, 1), "EUR"),
        (date(2027, 1, 1), "USD"),
        (date(2027, 2, 1), "JPY"),
        (date(2027, 2, 1), "USD"),
    ]
    january = lines[(date(2027, 1, 1), "USD")]
    assert january == RevenueLine(
        currency="USD",
        sessions=2,
        gross_minor=13125,
        fee_minor=625,
        teacher_share_minor=12500,
        refunded_minor=0,
        teacher_share_after_refunds_minor=12500,
        net_platform_minor=625,
        month=date(2027, 1, 1),
    )
    totals = {line.currency: line for line in report.totals}
    assert list(totals) == ["EUR", "JPY", "USD"]
    assert totals["USD"].sessions == 3 and totals["USD"].gross_minor == 16275
    assert totals["USD"].net_platform_minor == 775 and totals["USD"].month is None
    assert totals["JPY"].gross_minor == 6300 and totals["EUR"].fee_minor == 200


def test_refunds_reduce_net_by_the_refund_rule(
    ctx: ServiceContext, world: World, parties: Parties, reports: ReportService
) -> None:
    at = datetime(2027, 5, 10, tzinfo=UTC)
    add_payment(ctx, parties, at=at, amount=5250, fee=250, refunded=5250)  # full: all back
    add_payment(ctx, parties, at=at, amount=5250, fee=250, refunded=1000)  # from teacher share
    add_payment(ctx, parties, at=at, amount=5250, fee=250, refunded=5100)  # share + 100 of fee
    add_payment(ctx, parties, at=at, amount=5250, fee=250)  # untouched
    start, end = YEAR_2027
    report = reports.revenue_report(world.admin, from_at=start, to_at=end, zone="UTC")
    (may,) = report.months
    assert may.sessions == 4
    assert may.gross_minor == 21000 and may.fee_minor == 1000
    assert may.refunded_minor == 11350
    assert may.net_platform_minor == 0 + 250 + 150 + 250
    assert may.teacher_share_after_refunds_minor == 0 + 4000 + 0 + 5000
    assert may.net_platform_minor + may.teacher_share_after_refunds_minor == (
        may.gross_minor - may.refunded_minor
    )


def test_only_succeeded_payments_count(
    ctx: ServiceContext, world: World, parties: Parties, reports: ReportService
) -> None:
    at = datetime(2027, 4, 2, tzinfo=UTC)
    add_payment(ctx, parties, at=at, amount=5250, fee=250)
    for status in (
        PaymentAttemptStatus.FAILED,
        PaymentAttemptStatus.CANCELED,
        PaymentAttemptStatus.PENDING,
        PaymentAttemptStatus.CREATING,
    ):
        add_payment(ctx, parties, at=at, amount=9999, fee=499, status=status)
    start, end = YEAR_2027
    report = reports.revenue_report(world.admin, from_at=start, to_at=end, zone="UTC")
    assert [(line.sessions, line.gross_minor) for line in report.months] == [(1, 5250)]


def test_the_period_is_half_open_and_months_outside_are_left_out(
    ctx: ServiceContext, world: World, parties: Parties, reports: ReportService
) -> None:
    start, end = datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 4, 1, tzinfo=UTC)
    add_payment(ctx, parties, at=start, amount=1050, fee=100)
    add_payment(ctx, parties, at=end - timedelta(microseconds=1), amount=2100, fee=100)
    add_payment(ctx, parties, at=end, amount=4200, fee=200)
    add_payment(ctx, parties, at=start - timedelta(seconds=1), amount=8400, fee=400)
    report = reports.revenue_report(world.admin, from_at=start, to_at=end, zone="UTC")
    assert [(line.month, line.gross_minor) for line in report.months] == [(date(2027, 3, 1), 3150)]
    empty = reports.revenue_report(
        world.admin, from_at=end + timedelta(days=1), to_at=end + timedelta(days=2), zone="UTC"
    )
    assert empty.months == () and empty.totals == ()


def test_revenue_report_is_admin_only_and_refuses_bad_periods_and_zones(
    world: World, reports: ReportService
) -> None:
    start, end = YEAR_2027
    for actor in (world.student, world.teacher, world.suspended_student):
        with pytest.raises(PermissionDenied):
            reports.revenue_report(actor, from_at=start, to_at=end, zone="UTC")
    with pytest.raises(ValidationError, match="before its end"):
        reports.revenue_report(world.admin, from_at=end, to_at=start, zone="UTC")
    with pytest.raises(ValidationError, match="time zone"):
        reports.revenue_report(world.admin, from_at=start, to_at=end, zone="Mars/Olympus")
    with pytest.raises(ValidationError, match="time zone"):
        reports.revenue_report(world.admin, from_at=datetime(2027, 1, 1), to_at=end, zone="UTC")
    with pytest.raises(ValidationError, match="at most 10 years"):
        reports.revenue_report(
            world.admin, from_at=start, to_at=start + timedelta(days=366 * 11), zone="UTC"
        )
