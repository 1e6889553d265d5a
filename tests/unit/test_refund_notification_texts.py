"""Refund texts: a partial refund names the amount, what remains paid and when, in each reader's
zone, and keeps the session; "refunded" says "being refunded" while Stripe still processes
it, and says the session is cancelled only when it was."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from linguaflex_desktop.services.messaging.texts import RECIPIENTS, BookingFacts, Party, compose

FACTS = BookingFacts(
    booking_id=7,
    gig_title="Spanish B1",
    student=Party(1, "Sam", "sam@example.com", "America/New_York"),
    teacher=Party(2, "Tina", "tina@example.com", "Europe/Berlin"),
    start_at=datetime(2027, 3, 30, 12, 0, tzinfo=UTC),
    end_at=datetime(2027, 3, 30, 13, 0, tzinfo=UTC),
    duration_minutes=60,
    total_minor=7875,
    currency="USD",
    reason="Late start",
    refund_minor=1875,
    refunded_at=datetime(2027, 3, 29, 12, 0, tzinfo=UTC),
    remaining_paid_minor=6000,
)


def test_partial_refund_goes_to_both_parties() -> None:
    assert RECIPIENTS["partially_refunded"] == ("student", "teacher")


def test_partial_refund_tells_the_student_amount_remaining_and_time_in_new_york() -> None:
    text = compose("partially_refunded", FACTS, "student")
    assert text.subject == "18.75 USD of your payment for the session with Tina refunded"
    assert (
        "18.75 USD of your payment was refunded on Mon 29 Mar 2027, 08:00 EDT (America/New_York)."
        in text.text
    )
    assert "You have now paid 60.00 USD of the original 78.75 USD." in text.text
    assert "Reason: Late start." in text.text
    assert "The session stays booked and its meeting link does not change." in text.text
    assert "When: Tue 30 Mar 2027, 08:00 EDT (America/New_York) to 09:00 EDT" in text.text


def test_partial_refund_tells_the_teacher_in_berlin_summer_time() -> None:
    text = compose("partially_refunded", FACTS, "teacher")
    assert text.subject == "Partial refund of 18.75 USD to Sam"
    assert (
        "18.75 USD of Sam's payment was refunded on Mon 29 Mar 2027, 14:00 CEST (Europe/Berlin)."
        in text.text
    )
    assert "60.00 USD of the original 78.75 USD remains paid." in text.text


def test_refunded_while_stripe_processes_it_never_says_the_money_is_back() -> None:
    pending = replace(FACTS, refund_pending=True, session_cancelled=True)
    student = compose("refunded", pending, "student").text
    teacher = compose("refunded", pending, "teacher").text
    assert "Your payment of 78.75 USD is being refunded." in student
    assert "Stripe is still processing the refund" in student
    assert "is refunded" not in student
    assert "The payment is being refunded to Sam." in teacher


def test_refunded_says_cancelled_only_for_a_session_that_was_cancelled() -> None:
    cancelled = compose("refunded", replace(FACTS, session_cancelled=True), "student")
    assert cancelled.subject == "Session with Tina cancelled and refunded"
    assert "This session is cancelled." in cancelled.text
    assert "The meeting is cancelled." in cancelled.text
    after_session = compose("refunded", FACTS, "teacher")  # completed, then refunded
    assert after_session.subject == "Session with Sam refunded"
    assert "The payment is refunded to Sam." in after_session.text
    assert "cancelled" not in after_session.text
