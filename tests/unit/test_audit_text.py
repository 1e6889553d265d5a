"""Audit fields in words: labels, amounts as money with the record's currency, instants in
the viewer's zone with their offset, statuses by record kind, flags, unknown fields."""

from __future__ import annotations

from datetime import UTC, datetime

from linguaflex_desktop.services.reports.audit_text import (
    FieldText,
    action_text,
    actor_text,
    describe_changes,
    describe_fields,
    entity_text,
    field_label,
    fields_line,
    humanise,
    record_text,
)
from linguaflex_desktop.services.reports.dto import AuditEventDTO


def test_a_refund_reads_as_money_and_a_status_in_words() -> None:
    fields = {"amount_minor": "1000", "currency": "USD", "status": "succeeded"}
    assert describe_fields(fields, zone="UTC", entity_type="refund") == [
        ("Amount", "10.00 USD"),
        ("Status", "Refunded"),
    ]
    assert fields_line(fields, zone="UTC", entity_type="refund") == (
        "Amount: 10.00 USD; Status: Refunded"
    )


def test_zero_decimal_amounts_and_the_fallback_currency() -> None:
    assert describe_fields({"amount_minor": 5000, "currency": "jpy"}, zone="UTC") == [
        ("Amount", "5,000 JPY")
    ]
    assert describe_fields({"fee_minor": "150"}, zone="UTC", currency="EUR") == [
        ("Platform fee", "1.50 EUR")
    ]


def test_an_amount_without_a_currency_says_so_instead_of_guessing() -> None:
    assert describe_fields({"amount_minor": "2000"}, zone="UTC") == [
        ("Amount", "2,000 in minor units (currency not recorded)")
    ]


def test_a_currency_without_an_amount_is_listed() -> None:
    assert describe_fields({"currency": "GBP"}, zone="UTC") == [("Currency", "GBP")]


def test_instants_in_the_viewer_zone_with_the_offset_of_that_day() -> None:
    winter = {"start_at": "2027-03-01T09:00:00+00:00"}
    summer = {"start_at": "2027-07-01 09:00:00+00:00"}  # str(datetime) as record_audit stores
    assert describe_fields(winter, zone="Europe/Berlin") == [
        ("Starts", "Mon 1 Mar 2027, 10:00 (UTC+01:00)")
    ]
    assert describe_fields(summer, zone="Europe/Berlin") == [
        ("Starts", "Thu 1 Jul 2027, 11:00 (UTC+02:00)")
    ]
    assert describe_fields({"suspended_at": None}, zone="UTC") == [("Suspended since", "—")]
    assert describe_fields({"due_at": "soon"}, zone="UTC") == [("Due at", "soon")]


def test_the_record_kind_chooses_the_words_of_its_status() -> None:
    booking = {"status": "CONFIRMED", "payment_status": "PAID"}
    assert describe_fields(booking, zone="UTC", entity_type="booking") == [
        ("Status", "Confirmed"),
        ("Payment", "Paid"),
    ]
    assert describe_fields({"status": "succeeded"}, zone="UTC", entity_type="payment") == [
        ("Status", "Succeeded")
    ]
    assert describe_fields(
        {"state": "dead", "attempts": "5"}, zone="UTC", entity_type="outbox_job"
    ) == [
        ("State", "Gave up"),
        ("Attempts", "5"),
    ]
    # a status this module has no words for still reads as words
    assert describe_fields({"status": "requires_capture"}, zone="UTC") == [
        ("Status", "Requires capture")
    ]


def test_flags_and_unknown_fields() -> None:
    card = {"brand": "visa", "last4": "4242", "is_default": "True"}
    assert describe_fields(card, zone="UTC") == [
        ("Card brand", "visa"),
        ("Card ending", "4242"),
        ("Default card", "Yes"),
    ]
    assert describe_fields({"some_field": "x", "payout_reference": "BANK-7"}, zone="UTC") == [
        ("Some field", "x"),
        ("Payout reference", "BANK-7"),
    ]
    assert field_label("paid_out_minor") == "Paid out"
    assert humanise("payment.needs_attention") == "Payment needs attention"


def test_changes_pair_both_sides_and_use_the_currency_of_either() -> None:
    changes = describe_changes(
        {"amount_minor": "1000", "status": "pending"},
        {"amount_minor": "1000", "currency": "USD", "status": "succeeded"},
        zone="UTC",
        entity_type="refund",
    )
    assert changes == (
        FieldText("Amount", "10.00 USD", "10.00 USD"),
        FieldText("Status", "Pending at Stripe", "Refunded"),
    )
    assert [change.changed for change in changes] == [False, True]


def test_changes_of_a_record_with_one_side_only() -> None:
    assert describe_changes(None, {"state": "pending"}, zone="UTC", entity_type="outbox_job") == (
        FieldText("State", None, "Waiting"),
    )
    assert describe_changes(None, None, zone="UTC") == ()
    assert fields_line(None, zone="UTC") == ""


def test_actions_records_and_actors_in_words() -> None:
    assert action_text("booking.payment_paid") == "Payment paid"
    assert action_text("refund.needs_attention") == "Needs attention"
    assert action_text("settings") == "Settings"
    event = AuditEventDTO(
        id=1,
        created_at=datetime(2027, 3, 1, 9, 0, tzinfo=UTC),
        actor_id=None,
        actor_name=None,
        actor_email=None,
        action="job.retried",
        entity_type="outbox_job",
        entity_id=12,
        before=None,
        after=None,
        reason="",
    )
    assert record_text(event) == "Job #12"
    assert actor_text(event) == "System"
    assert entity_text("teacher_payout") == "Teacher payout"
