"""The .ics builder: RFC 5545 line endings, folding, escaping, UTC times, UID/SEQUENCE, CANCEL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.messaging.calendar_invite import (
    booking_uid,
    build_ics,
    escape_text,
    fold_line,
    unfold,
)

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def invite(**changes: Any) -> str:
    values: dict[str, Any] = {
        "uid": booking_uid(42),
        "sequence": 0,
        "method": "REQUEST",
        "start_at": datetime(2027, 3, 20, 15, 0, tzinfo=UTC),
        "end_at": datetime(2027, 3, 20, 16, 30, tzinfo=UTC),
        "summary": "Spanish B1 with Ana",
        "description": "Conversation practice",
        "location_url": "https://meet.jit.si/LinguaFlex-abc",
        "organizer_email": "no-reply@linguaflex.local",
        "attendee_emails": ["student@example.com", "teacher@example.com"],
        "now": NOW,
    }
    values.update(changes)
    return build_ics(**values)


def properties(ics: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for line in unfold(ics):
        name, _, value = line.partition(":")
        result.setdefault(name.split(";")[0], value)
    return result


def test_every_line_ends_with_crlf_and_no_physical_line_exceeds_75_octets() -> None:
    ics = invite(summary="Ü" * 100, description="long " * 80)
    assert ics.endswith("\r\n")
    assert "\n" not in ics.replace("\r\n", "")
    physical = ics.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    assert any(line.startswith(" ") for line in physical)  # something was folded
    assert properties(ics)["SUMMARY"] == "Ü" * 100  # unfolding restores the value


def test_folding_never_splits_a_multibyte_character() -> None:
    folded = fold_line("SUMMARY:" + "日本語" * 40)
    for line in folded.split("\r\n"):
        line.encode("utf-8").decode("utf-8")  # would raise on a split character
        assert len(line.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "日本語" * 40


def test_text_values_escape_backslash_semicolon_comma_and_newlines() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    ics = invite(summary="Spanish, B1; Ana\\Ben", description="line one\nline two")
    props = properties(ics)
    assert props["SUMMARY"] == "Spanish\\, B1\\; Ana\\\\Ben"
    assert props["DESCRIPTION"] == "line one\\nline two"


def test_times_are_utc_across_a_dst_change() -> None:
    # Berlin moves to summer time on 2027-03-28 at 02:00 local (01:00 UTC).
    start = datetime(2027, 3, 28, 9, 0, tzinfo=BERLIN)  # CEST, UTC+2
    before = datetime(2027, 3, 27, 9, 0, tzinfo=BERLIN)  # CET, UTC+1
    props_after = properties(invite(start_at=start, end_at=start + timedelta(hours=1)))
    props_before = properties(invite(start_at=before, end_at=before + timedelta(hours=1)))
    assert props_after["DTSTART"] == "20270328T070000Z"
    assert props_after["DTEND"] == "20270328T080000Z"
    assert props_before["DTSTART"] == "20270327T080000Z"
    assert props_after["DTSTAMP"] == "20270301T090000Z"


def test_update_keeps_the_uid_and_raises_the_sequence() -> None:
    first = properties(invite(sequence=0))
    moved_start = datetime(2027, 3, 21, 15, 0, tzinfo=UTC)
    update = properties(
        invite(sequence=1, start_at=moved_start, end_at=moved_start + timedelta(hours=1))
    )
    assert first["UID"] == update["UID"] == "booking-42@linguaflex.local"
    assert (first["SEQUENCE"], update["SEQUENCE"]) == ("0", "1")
    assert update["METHOD"] == "REQUEST" and update["STATUS"] == "CONFIRMED"


def test_cancel_has_method_cancel_and_status_cancelled() -> None:
    props = properties(invite(method="cancel", sequence=2))
    assert (props["METHOD"], props["STATUS"], props["SEQUENCE"]) == ("CANCEL", "CANCELLED", "2")


def test_structure_and_attendees() -> None:
    lines = unfold(invite())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "BEGIN:VEVENT" in lines and "END:VEVENT" in lines
    attendees = [line for line in lines if line.startswith("ATTENDEE")]
    assert [line.rsplit(":", 1)[1] for line in attendees] == [
        "student@example.com",
        "teacher@example.com",
    ]
    assert "ORGANIZER:mailto:no-reply@linguaflex.local" in lines
    assert "URL:https://meet.jit.si/LinguaFlex-abc" in lines


@pytest.mark.parametrize(
    "changes",
    [
        {"method": "PUBLISH"},
        {"sequence": -1},
        {"start_at": datetime(2027, 3, 20, 15, 0)},
        {"end_at": datetime(2027, 3, 20, 15, 0, tzinfo=UTC)},
        {"uid": "x\r\nATTENDEE:mailto:evil@example.com"},
        {"attendee_emails": ["a@example.com\r\nX:y"]},
        {"organizer_email": "not-an-email"},
        {"location_url": "https://x\r\nATTACH:evil"},
    ],
)
def test_bad_input_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        invite(**changes)
