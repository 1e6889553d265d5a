"""The reports' words reach the UI translatable: audit fields and actions, the booking
timeline, the needs-attention problems and fixes, and the reports' validation errors are each
a ``Text`` (still the English the other tests read) whose template has a finished Spanish
translation in the catalogue, and whose values are what the sentence needs (an amount as an
``Amount`` the UI writes in the reader's locale, never a formatted string)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from linguaflex_desktop.errors import UserCancelled, ValidationError
from linguaflex_desktop.models import AuditAction, BookingMessage, JobKind, JobState, OutboxJob
from linguaflex_desktop.models.enums import MeetingStatus, Role
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.ledger_findings import LedgerFinding
from linguaflex_desktop.services.reports import timeline, timeline_words
from linguaflex_desktop.services.reports.attention import ledger, rules
from linguaflex_desktop.services.reports.attention.dto import RULES
from linguaflex_desktop.services.reports.attention.service import _rule_id
from linguaflex_desktop.services.reports.audit_text import (
    action_text,
    actor_text,
    describe_fields,
    entity_text,
    fields_line,
    record_text,
)
from linguaflex_desktop.services.reports.buckets import check_bucket_kind
from linguaflex_desktop.services.reports.csv_export import CsvColumn, ExportFailed, write_csv
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.services.reports.service import ReportService
from linguaflex_desktop.texts import Amount, Text

CATALOGUE = Path(__file__).resolve().parents[2] / "resources/translations/linguaflex_es.ts"
WHEN = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@cache
def finished_translations() -> dict[str, str]:
    """Source -> Spanish of every message the Spanish catalogue has finished."""
    found: dict[str, str] = {}
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        found[source] = translation.text
    return found


def assert_translated(text: object, english: str | None = None) -> Text:
    """``text`` is a Text with a finished Spanish translation (and reads ``english``); every
    Text among its values is translated too."""
    assert isinstance(text, Text), f"not marked for translation: {text!r}"
    if english is not None:
        assert text == english
    assert text.template in finished_translations(), f"no Spanish for {text.template!r}"
    for value in text.params.values():
        if isinstance(value, Text):
            assert_translated(value)
    return text


def event(**changes: object) -> AuditEventDTO:
    fields: dict[str, object] = {
        "id": 1,
        "created_at": WHEN,
        "actor_id": None,
        "actor_name": None,
        "actor_email": None,
        "action": "refund.succeeded",
        "entity_type": "refund",
        "entity_id": 12,
        "before": None,
        "after": None,
        "reason": "",
    }
    fields.update(changes)
    return AuditEventDTO(**fields)  # type: ignore[arg-type]


# --- the audit trail in words -----------------------------------------------------------------


def test_audit_fields_labels_amounts_and_statuses() -> None:
    fields = {"amount_minor": "1000", "currency": "USD", "status": "succeeded"}
    (amount_label, amount), (status_label, status) = describe_fields(
        fields, zone="UTC", entity_type="refund"
    )
    assert_translated(amount_label, "Amount")
    assert assert_translated(amount, "10.00 USD").params["amount"] == Amount(1000, "USD", 2)
    assert_translated(status_label, "Status")
    assert_translated(status, "Refunded")
    line = assert_translated(fields_line(fields, zone="UTC", entity_type="refund"))
    assert line == "Amount: 10.00 USD; Status: Refunded"


def test_audit_instants_have_translatable_day_and_month_names() -> None:
    ((label, value),) = describe_fields({"start_at": "2027-03-01T09:00:00+00:00"}, zone="UTC")
    assert_translated(label, "Starts")
    moment = assert_translated(value, "Mon 1 Mar 2027, 09:00 (UTC+00:00)")
    assert (moment.params["weekday"], moment.params["month"]) == ("Mon", "Mar")


def test_audit_amount_without_a_currency_and_flags() -> None:
    ((_label, value),) = describe_fields({"amount_minor": "2000"}, zone="UTC")
    assert_translated(value, "2,000 in minor units (currency not recorded)")
    ((label, flag),) = describe_fields({"is_default": "true"}, zone="UTC")
    assert_translated(label, "Default card")
    assert_translated(flag, "Yes")


def test_audit_actions_records_and_actors() -> None:
    assert_translated(action_text("booking.payment_paid"), "Payment paid")
    assert_translated(action_text(AuditAction.CARD_DEFAULT_SET), "Default set")
    assert_translated(entity_text("outbox_job"), "Job")
    assert_translated(record_text(event()), "Refund #12")
    assert_translated(actor_text(event()), "System")


# --- the booking timeline ---------------------------------------------------------------------


def test_timeline_titles_states_and_changes() -> None:
    title = timeline_words.action_title(AuditAction.REFUND_SUCCEEDED)
    assert_translated(title, "Refund succeeded at Stripe")
    assert_translated(timeline_words.state_words("requires_action"), "needs action")
    assert_translated(timeline_words.when(None, "UTC"), "never")
    pairs = timeline_words.audit_fields(
        "booking",
        {"status": "PENDING"},
        {"status": "CONFIRMED"},
        currency="USD",
        zone="UTC",
    )
    ((label, change),) = pairs
    assert_translated(label, "Status")
    assert_translated(change, "Waiting for teacher → Confirmed")


def test_timeline_job_entry() -> None:
    job = OutboxJob(
        kind=JobKind.CREATE_MEETING,
        payload={"booking_id": 3},
        dedupe_key="meeting-create-3",
        state=JobState.DEAD,
        attempts=8,
        max_attempts=8,
        last_error="ConnectionError: meeting provider unreachable",
        created_at=WHEN,
        updated_at=WHEN + timedelta(hours=1),
        next_attempt_at=WHEN,
    )
    entry = timeline._job_entry(job, {}, "UTC")
    assert_translated(entry.title, "Job “Create the meeting”: dead-lettered")
    labels = [label for label, _value in entry.details]
    for label in labels:
        assert_translated(label)
    assert_translated(entry.detail("Failed attempts"), "8 of 8")
    assert_translated(entry.detail("Finished"), "Mon 1 Mar 2027, 10:00 (UTC+00:00)")


def test_timeline_message_entry_counts_characters_in_a_whole_sentence() -> None:
    message = BookingMessage(
        booking_id=3, author_id=1, recipient_id=2, body="Hello", created_at=WHEN, read_at=None
    )
    entry = timeline._message_entry(message, "Ana", {1: "Ana", 2: "Tom"}, "UTC")
    assert_translated(entry.title, "Message from Ana to Tom")
    length = assert_translated(entry.detail("Length"), "5 characters")
    assert length.params == {"n": 5}
    assert_translated(entry.detail("Read"), "not read yet")


# --- the needs-attention list -----------------------------------------------------------------


def test_attention_rule_names_and_fixes() -> None:
    for rule in RULES.values():
        assert_translated(rule.name)
        assert_translated(rule.fix_label)
        assert_translated(rule.fix_text)
    assert_translated(RULES["meeting_missing"].name, "Paid, no meeting")
    assert_translated(RULES["meeting_missing"].fix_label, "Retry meeting")


def test_attention_problems() -> None:
    assert_translated(
        rules._meeting_problem(None, None), "Paid over 10 minutes ago, and no meeting is ready yet."
    )
    failed = rules._meeting_problem(MeetingStatus.FAILED, "Zoom said no")
    assert assert_translated(failed).params["reason"] == "Zoom said no"
    stuck = rules._stuck_problem(7, never_answered=False)
    assert_translated(stuck, "Payment #7 has waited for Stripe for over 30 minutes.")
    never = rules._stuck_problem(7, never_answered=True)
    assert assert_translated(never).params["number"] == 7
    job = OutboxJob(kind=JobKind.SEND_EMAIL, attempts=1, last_error="SMTP said no")
    assert_translated(
        rules._job_problem(job),
        "The background job “email.send” gave up after 1 attempt: SMTP said no",
    )


def test_attention_ledger_problem() -> None:
    found = LedgerFinding(
        payment_id=4,
        booking_id=3,
        payment_intent_id="pi_1",
        kind="refund_not_recorded",
        currency="USD",
        ours=None,
        stripe=700,
        refund="re_9",
        found_at=WHEN,
    )
    problem = assert_translated(
        ledger._problem([found]),
        "The last check with Stripe found payment #4 (refund re_9) differing: Stripe holds a "
        "refund on it that was never recorded here (here nothing, at Stripe 7.00 USD).",
    )
    theirs = problem.params["theirs"]
    assert isinstance(theirs, Text) and theirs.params["amount"] == Amount(700, "USD", 2)
    two = assert_translated(ledger._problem([found, found]))
    assert two.endswith("(1 more difference).")


def test_attention_unknown_rule() -> None:
    with pytest.raises(ValidationError) as raised:
        _rule_id("no_such_rule")
    message = assert_translated(raised.value.message)
    assert message.params == {"name": "'no_such_rule'"}


# --- report validation and the CSV export ------------------------------------------------------


def test_report_validation_errors(sqlite_ctx: ServiceContext) -> None:
    reports = ReportService(sqlite_ctx)
    admin = Actor(
        id=1, email="admin@example.com", role=Role.ADMIN, display_name="A", time_zone="UTC"
    )
    with pytest.raises(ValidationError) as raised:
        reports.revenue_report(admin, from_at=WHEN, to_at=WHEN, zone="UTC")
    assert_translated(raised.value.message, "Choose a period whose start comes before its end.")
    with pytest.raises(ValidationError) as raised:
        reports.list_audit_events(admin, entity_id=3)
    assert_translated(
        raised.value.message, "Choose the kind of record to look up a record by its number."
    )
    with pytest.raises(ValidationError) as raised:
        reports.revenue_chart(
            admin, from_at=WHEN, to_at=WHEN + timedelta(days=500), zone="UTC", bucket="day"
        )
    too_many = assert_translated(raised.value.message)
    assert too_many.template.startswith("A revenue chart shows at most {most} days")
    with pytest.raises(ValidationError) as raised:
        check_bucket_kind("year")
    assert_translated(raised.value.message, "Choose buckets of a day, a week or a month.")


def test_export_errors(tmp_path: Path) -> None:
    columns = (CsvColumn[int]("Number", str),)
    with pytest.raises(ExportFailed) as failed:
        write_csv(tmp_path / "missing" / "out.csv", columns, [1])
    assert assert_translated(failed.value.message).params["file"] == "out.csv"
    assert_translated(ExportFailed.title, "Export failed")
    with pytest.raises(UserCancelled) as cancelled:
        write_csv(tmp_path / "out.csv", columns, [1], cancelled=lambda: True)
    assert_translated(cancelled.value.args[0], "The export was cancelled.")
