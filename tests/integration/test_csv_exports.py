"""CSV exports of the payments list and the audit trail on SQLite and Postgres: the services'
pages read through ``paged_rows``, written by ``write_csv`` with the columns the pages use,
read back with the ``csv`` module and compared with rows written out by hand (amounts in
major units beside their currency, times in Berlin with the offset of their day)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linguaflex_desktop.errors import PermissionDenied
from linguaflex_desktop.models import Payment, PaymentAttemptStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.dto import PaymentFilter
from linguaflex_desktop.services.payments.views import PaymentViews
from linguaflex_desktop.services.reports.csv_export import paged_rows, write_csv
from linguaflex_desktop.services.reports.service import ReportService
from linguaflex_desktop.ui.csv_columns import audit_csv_columns, payment_csv_columns
from tests.integration.booking_helpers import World, make_world
from tests.integration.report_helpers import Parties, add_event, add_payment

BERLIN = "Europe/Berlin"
WINTER = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)  # 13:00 in Berlin (+01:00)
SUMMER = datetime(2027, 7, 1, 12, 0, tzinfo=UTC)  # 14:00 in Berlin (+02:00)
PAYMENT_HEADER = [
    "Payment",
    "Created",
    "Succeeded",
    "Booking",
    "Student",
    "Teacher",
    "Gig",
    "Amount",
    "Platform fee",
    "Teacher share",
    "Refunded",
    "Currency",
    "Status",
    "Failure",
    "Card",
    "PaymentIntent",
]
AUDIT_HEADER = [
    "Event",
    "When",
    "Who",
    "Email",
    "Action",
    "Action code",
    "Record",
    "Reason",
    "Before",
    "After",
]


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


@pytest.fixture
def parties(world: World) -> Parties:
    return Parties(world.student.id, world.teacher.id, world.gig_id)


def read_back(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def booking_of(ctx: ServiceContext, payment_id: int) -> str:
    with ctx.unit_of_work(write=False) as uow:
        payment = uow.session.get(Payment, payment_id)
        assert payment is not None
        return str(payment.booking_id)


def export_payments(
    ctx: ServiceContext, world: World, path: Path, filters: PaymentFilter, page_size: int
) -> int:
    views = PaymentViews(ctx)
    rows = paged_rows(
        lambda offset, limit: views.list_payments(
            world.admin, filters=filters, offset=offset, limit=limit
        ),
        key=lambda payment: payment.id,
        page_size=page_size,
    )
    return write_csv(path, payment_csv_columns(BERLIN), rows)


def test_payments_export_every_page_in_three_currencies(
    ctx: ServiceContext, world: World, parties: Parties, tmp_path: Path
) -> None:
    usd = add_payment(ctx, parties, at=WINTER, amount=5250, fee=250, refunded=1000)
    jpy = add_payment(ctx, parties, at=SUMMER, amount=6300, fee=300, currency="JPY")
    eur = add_payment(
        ctx,
        parties,
        at=datetime(2027, 7, 2, 6, 5, tzinfo=UTC),
        amount=3150,
        fee=150,
        currency="EUR",
        status=PaymentAttemptStatus.FAILED,
    )
    target = tmp_path / "payments.csv"

    written = export_payments(ctx, world, target, PaymentFilter(), page_size=2)

    assert written == 3
    assert read_back(target) == [
        PAYMENT_HEADER,
        # newest first, as the list shows them
        [str(eur), "2027-07-02 08:05:00+02:00", "", booking_of(ctx, eur), "Sam", "Tina",
         "Conversational German", "31.50", "1.50", "30.00", "0.00", "EUR", "Failed", "", "",
         ""],
        [str(jpy), "2027-07-01 14:00:00+02:00", "2027-07-01 14:00:00+02:00",
         booking_of(ctx, jpy), "Sam", "Tina", "Conversational German", "6300", "300", "6000",
         "0", "JPY", "Succeeded", "", "", ""],
        [str(usd), "2027-02-01 13:00:00+01:00", "2027-02-01 13:00:00+01:00",
         booking_of(ctx, usd), "Sam", "Tina", "Conversational German", "52.50", "2.50",
         "50.00", "10.00", "USD", "Succeeded", "", "", ""],
    ]  # fmt: skip


def test_payments_export_follows_the_filter(
    ctx: ServiceContext, world: World, parties: Parties, tmp_path: Path
) -> None:
    add_payment(ctx, parties, at=WINTER, status=PaymentAttemptStatus.FAILED)
    paid = add_payment(ctx, parties, at=SUMMER, amount=1000, fee=100, currency="GBP")
    target = tmp_path / "paid.csv"

    written = export_payments(
        ctx, world, target, PaymentFilter(status=PaymentAttemptStatus.SUCCEEDED), page_size=200
    )

    rows = read_back(target)
    assert written == 1 and len(rows) == 2
    assert rows[1][0] == str(paid)
    assert rows[1][7:13] == ["10.00", "1.00", "9.00", "0.00", "GBP", "Succeeded"]


def test_a_teacher_cannot_export_payments_and_no_file_is_left(
    ctx: ServiceContext, world: World, parties: Parties, tmp_path: Path
) -> None:
    add_payment(ctx, parties, at=WINTER)
    views = PaymentViews(ctx)
    rows = paged_rows(
        lambda offset, limit: views.list_payments(world.teacher, offset=offset, limit=limit),
        key=lambda payment: payment.id,
    )
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        write_csv(out / "refused.csv", payment_csv_columns(BERLIN), rows)
    assert list(out.iterdir()) == []


def test_audit_export_shows_fields_in_words_and_amounts_as_money(
    ctx: ServiceContext, world: World, tmp_path: Path
) -> None:
    confirmed = add_event(
        ctx,
        action="booking.confirmed",
        entity_id=7,
        actor_id=world.teacher.id,
        at=WINTER,
        before={"status": "PENDING", "payment_status": "UNPAID"},
        after={"status": "CONFIRMED", "payment_status": "UNPAID"},
    )
    refunded = add_event(
        ctx,
        action="refund.succeeded",
        entity_type="refund",
        entity_id=3,
        actor_id=world.admin.id,
        at=SUMMER,
        after={"amount_minor": "1000", "currency": "USD", "status": "succeeded"},
        reason="Late start, 10 minutes",
    )
    system = add_event(
        ctx,
        action="booking.rescheduled",
        entity_id=7,
        at=datetime(2027, 7, 3, 22, 30, tzinfo=UTC),
        before={"start_at": "2027-07-10 09:00:00+00:00"},
        after={"start_at": "2027-07-11T09:00:00+00:00"},
    )
    reports = ReportService(ctx)
    rows = paged_rows(
        lambda offset, limit: reports.list_audit_events(world.admin, offset=offset, limit=limit),
        key=lambda event: event.id,
        page_size=1,
    )
    target = tmp_path / "audit.csv"

    assert write_csv(target, audit_csv_columns(BERLIN), rows) == 3

    assert read_back(target) == [
        AUDIT_HEADER,
        [str(system), "2027-07-04 00:30:00+02:00", "System", "", "Rescheduled",
         "booking.rescheduled", "Booking #7", "",
         "Starts: Sat 10 Jul 2027, 11:00 (UTC+02:00)",
         "Starts: Sun 11 Jul 2027, 11:00 (UTC+02:00)"],
        [str(refunded), "2027-07-01 14:00:00+02:00", "Ada", "ada@example.com", "Succeeded",
         "refund.succeeded", "Refund #3", "Late start, 10 minutes", "",
         "Amount: 10.00 USD; Status: Refunded"],
        [str(confirmed), "2027-02-01 13:00:00+01:00", "Tina", "tina@example.com", "Confirmed",
         "booking.confirmed", "Booking #7", "",
         "Status: Waiting for teacher; Payment: Unpaid", "Status: Confirmed; Payment: Unpaid"],
    ]  # fmt: skip


def test_audit_export_follows_the_filter(ctx: ServiceContext, world: World, tmp_path: Path) -> None:
    add_event(ctx, action="booking.confirmed", at=WINTER)
    refund = add_event(ctx, action="refund.succeeded", entity_type="refund", at=SUMMER)
    reports = ReportService(ctx)
    rows = paged_rows(
        lambda offset, limit: reports.list_audit_events(
            world.admin, action_prefix="refund.", offset=offset, limit=limit
        ),
        key=lambda event: event.id,
    )
    target = tmp_path / "refunds.csv"
    assert write_csv(target, audit_csv_columns("UTC"), rows) == 1
    assert [row[:3] for row in read_back(target)] == [
        ["Event", "When", "Who"],
        [str(refund), "2027-07-01 12:00:00+00:00", "System"],
    ]
