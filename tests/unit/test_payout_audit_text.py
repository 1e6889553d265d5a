"""A recorded payout's audit fields read in words: the amount as money in its currency, the
day paid and the reference as they are, the teacher by number; the kind of record is
offered by the audit filter as "Payout"."""

from __future__ import annotations

from linguaflex_desktop.services.reports.audit_text import ENTITY_TEXT, describe_fields


def test_a_payout_reads_as_money_with_its_day_and_reference() -> None:
    recorded = {  # as Payouts.record_payout stores them (record_audit keeps text)
        "teacher_id": "7",
        "currency": "JPY",
        "amount_minor": "4000",
        "paid_on": "2027-03-05",
        "reference": "TR-JPY-2027-03-05",
    }
    assert describe_fields(recorded, zone="Asia/Tokyo", entity_type="payout") == [
        ("Teacher number", "7"),
        ("Amount", "4,000 JPY"),
        ("Paid on", "2027-03-05"),
        ("Reference", "TR-JPY-2027-03-05"),
    ]
    assert ENTITY_TEXT["payout"] == "Payout"
