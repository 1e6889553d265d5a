"""Notification texts: times in the reader's zone with the zone named (DST-correct, locale-free),
every kind writable for both roles, HTML escaped with links, unknown zones fall back to UTC."""

from __future__ import annotations

import locale
from datetime import UTC, datetime

import pytest

from linguaflex_desktop.services.messaging.texts import (
    RECIPIENTS,
    BookingFacts,
    Party,
    compose,
    format_local,
    format_span,
)
from tests.conftest import missing_peer

FACTS = BookingFacts(
    booking_id=7,
    gig_title="Spanish <B1> & more",
    student=Party(1, "Sam", "sam@example.com", "America/New_York"),
    teacher=Party(2, "Tina", "tina@example.com", "Europe/Berlin"),
    start_at=datetime(2027, 3, 30, 12, 0, tzinfo=UTC),
    end_at=datetime(2027, 3, 30, 13, 30, tzinfo=UTC),
    duration_minutes=90,
    total_minor=7875,
    currency="USD",
    reason="Teacher ill",
    payment_due_by=datetime(2027, 3, 29, 12, 0, tzinfo=UTC),
    previous_start_at=datetime(2027, 3, 26, 12, 0, tzinfo=UTC),
    join_url="https://meet.jit.si/LinguaFlex-abcdefghijklmnop",
    meeting_password="pass123",
)


@pytest.mark.parametrize(
    ("instant", "zone", "expected"),
    [
        (datetime(2027, 3, 30, 12, tzinfo=UTC), "Europe/Berlin", "Tue 30 Mar 2027, 14:00 CEST"),
        (datetime(2027, 3, 26, 12, tzinfo=UTC), "Europe/Berlin", "Fri 26 Mar 2027, 13:00 CET"),
        (datetime(2027, 3, 12, 12, tzinfo=UTC), "America/New_York", "Fri 12 Mar 2027, 07:00 EST"),
        (datetime(2027, 3, 15, 12, tzinfo=UTC), "America/New_York", "Mon 15 Mar 2027, 08:00 EDT"),
        (datetime(2027, 3, 30, 23, tzinfo=UTC), "Asia/Tokyo", "Wed 31 Mar 2027, 08:00 JST"),
    ],
)
def test_times_are_shown_in_the_readers_zone_with_the_zone_named(
    instant: datetime, zone: str, expected: str
) -> None:
    assert format_local(instant, zone) == f"{expected} ({zone})"


def test_unknown_zone_falls_back_to_utc_and_says_which_name_was_asked() -> None:
    instant = datetime(2027, 3, 30, 12, tzinfo=UTC)
    assert format_local(instant, "Mars/Olympus") == "Tue 30 Mar 2027, 12:00 UTC (Mars/Olympus)"


def test_names_do_not_follow_the_process_locale() -> None:
    previous = locale.setlocale(locale.LC_TIME)
    try:
        try:
            locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
        except locale.Error:
            missing_peer("the de_DE.UTF-8 locale (.ci/run generates it)")
        assert format_local(FACTS.start_at, "UTC").startswith("Tue 30 Mar 2027")
    finally:
        locale.setlocale(locale.LC_TIME, previous)


def test_span_names_the_end_in_the_same_zone() -> None:
    span = format_span(FACTS.start_at, FACTS.end_at, "Europe/Berlin")
    assert span == "Tue 30 Mar 2027, 14:00 CEST (Europe/Berlin) to 15:30 CEST"


@pytest.mark.parametrize("kind", sorted(RECIPIENTS))
def test_every_kind_reads_well_for_each_recipient(kind: str) -> None:
    for role in RECIPIENTS[kind]:
        text = compose(kind, FACTS, role)
        reader = FACTS.party(role)
        assert text.subject and "\n" not in text.subject
        assert text.text.startswith(f"Hello {reader.name},")
        assert f"({reader.time_zone})" in text.text
        assert "<B1>" not in text.html and "&lt;B1&gt;" in text.html


def test_paid_message_has_link_and_passcode_and_teacher_is_told_to_use_start() -> None:
    student = compose("paid", FACTS, "student")
    teacher = compose("paid", FACTS, "teacher")
    assert "Meeting link: https://meet.jit.si/LinguaFlex-abcdefghijklmnop" in student.text
    assert "Passcode: pass123" in student.text and "78.75 USD" in student.text
    assert "use Start" in teacher.text and "use Start" not in student.text
    assert '<a href="https://meet.jit.si/LinguaFlex-abcdefghijklmnop">' in student.html


def test_paid_without_meeting_says_meeting_pending() -> None:
    pending = BookingFacts(**{**FACTS.__dict__, "join_url": None, "meeting_password": None})
    text = compose("paid", pending, "student").text
    assert "meeting pending" in text and "Meeting link" not in text


def test_rescheduled_names_the_old_time_in_the_readers_zone() -> None:
    text = compose("rescheduled", FACTS, "student").text
    assert "(was Fri 26 Mar 2027, 08:00 EDT (America/New_York))" in text
    assert "When: Tue 30 Mar 2027, 08:00 EDT (America/New_York) to 09:30 EDT" in text


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        compose("spam", FACTS, "student")


def test_the_html_body_escapes_every_line_and_links_only_web_addresses() -> None:
    """A line with no address is escaped whole, one naming "http" without an address too;
    an address becomes a link."""
    from dataclasses import replace

    facts = replace(FACTS, gig_title='Spanish <B1> & "http" talk')
    html = compose("paid", facts, "student").html
    assert "<p>Session: Spanish &lt;B1&gt; &amp; &quot;http&quot; talk</p>" in html
    assert "<B1>" not in html and '"http"' not in html
    link = "https://meet.jit.si/LinguaFlex-abcdefghijklmnop"
    assert f'<a href="{link}">{link}</a>' in html
    assert html.count("<a href=") == 1
