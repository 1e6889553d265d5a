"""The ``can_*`` rules the UI asks before offering an action (services/booking/rules.py and
services/payments/rules.py): one definition each, checked over every status pair."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import product

import pytest

from linguaflex_desktop.models import (
    BookingStatus,
    MeetingStatus,
    PaymentAttemptStatus,
    PaymentStatus,
    RescheduleStatus,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.dto import BookingDTO, RescheduleProposalDTO
from linguaflex_desktop.services.payments.dto import PaymentDTO
from linguaflex_desktop.services.payments.rules import can_refund

S = BookingStatus
P = PaymentStatus
NOW = datetime(2030, 3, 4, 12, 0, tzinfo=UTC)
STUDENT, TEACHER, STRANGER = 1, 2, 3
ALL_PAIRS = list(product(S, P))


def booking(
    status: BookingStatus = S.CONFIRMED,
    payment_status: PaymentStatus = P.UNPAID,
    **changes: object,
) -> BookingDTO:
    base = BookingDTO(
        id=7,
        student_id=STUDENT,
        student_name="Sam",
        teacher_id=TEACHER,
        teacher_name="Tia",
        gig_id=3,
        gig_title="Spanish",
        start_at=NOW + timedelta(days=1),
        end_at=NOW + timedelta(days=1, hours=1),
        duration_minutes=60,
        status=status,
        payment_status=payment_status,
        currency="EUR",
        hourly_rate_minor=3000,
        base_amount_minor=3000,
        fee_minor=300,
        total_minor=3300,
        teacher_share_minor=2700,
        refunded_minor=0,
        version=1,
        respond_by=None,
        payment_due_by=NOW + timedelta(hours=2),
        status_reason="",
        created_at=NOW - timedelta(days=1),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def payment(status: PaymentAttemptStatus, refunded_minor: int = 0) -> PaymentDTO:
    return PaymentDTO(
        id=1,
        booking_id=7,
        student_id=STUDENT,
        student_name="Sam",
        teacher_id=TEACHER,
        teacher_name="Tia",
        gig_title="Spanish",
        amount_minor=3300,
        fee_minor=300,
        teacher_share_minor=2700,
        refunded_minor=refunded_minor,
        currency="EUR",
        status=status,
        failure_message=None,
        card_brand=None,
        card_last4=None,
        stripe_payment_intent_id=None,
        created_at=NOW,
        succeeded_at=None,
    )


def proposal(proposed_by_id: int) -> RescheduleProposalDTO:
    return RescheduleProposalDTO(
        id=5,
        booking_id=7,
        proposed_by_id=proposed_by_id,
        proposed_by_name="x",
        start_at=NOW + timedelta(days=2),
        end_at=NOW + timedelta(days=2, hours=1),
        status=RescheduleStatus.PROPOSED,
        created_at=NOW,
        decided_at=None,
    )


def test_open_statuses_are_exactly_the_reschedulable_ones() -> None:
    assert set(rules.OPEN_STATUSES) == rules.RESCHEDULABLE_STATUSES == {S.PENDING, S.CONFIRMED}


@pytest.mark.parametrize(("status", "pay"), ALL_PAIRS)
def test_cancel_is_offered_only_for_an_open_booking_without_a_started_payment(
    status: BookingStatus, pay: PaymentStatus
) -> None:
    expected = status in (S.PENDING, S.CONFIRMED) and pay not in (P.PENDING, P.PAID)
    assert rules.can_cancel(booking(status, pay)) is expected


@pytest.mark.parametrize(("status", "pay"), ALL_PAIRS)
def test_reschedule_is_offered_only_for_a_pending_or_confirmed_booking(
    status: BookingStatus, pay: PaymentStatus
) -> None:
    assert rules.can_reschedule(booking(status, pay)) is (status in (S.PENDING, S.CONFIRMED))


@pytest.mark.parametrize(("status", "pay"), ALL_PAIRS)
def test_pay_is_offered_only_for_a_confirmed_unpaid_or_failed_booking(
    status: BookingStatus, pay: PaymentStatus
) -> None:
    expected = status is S.CONFIRMED and pay in (P.UNPAID, P.FAILED)
    assert rules.can_pay(booking(status, pay), NOW) is expected


def test_pay_is_refused_from_the_exact_payment_deadline_on() -> None:
    due = NOW + timedelta(hours=1)
    payable = booking(S.CONFIRMED, P.FAILED, payment_due_by=due)
    assert rules.can_pay(payable, due - timedelta(microseconds=1))
    assert not rules.can_pay(payable, due)
    assert not rules.can_pay(payable, due + timedelta(seconds=1))


def test_pay_without_a_payment_deadline_is_always_offered() -> None:
    assert rules.can_pay(booking(S.CONFIRMED, P.UNPAID, payment_due_by=None), NOW)


def test_complete_is_offered_for_a_confirmed_paid_session_from_its_end_on() -> None:
    paid = booking(S.CONFIRMED, P.PAID, end_at=NOW)
    assert rules.can_complete(paid, NOW)
    assert rules.complete_refusal(paid, NOW) == ""
    assert not rules.can_complete(paid, NOW - timedelta(seconds=1))
    assert rules.complete_refusal(paid, NOW - timedelta(seconds=1)) == (
        "The session has not ended yet."
    )


@pytest.mark.parametrize(
    ("status", "pay", "refusal"),
    [
        (S.COMPLETED, P.PAID, "This session is already completed."),
        (S.PENDING, P.UNPAID, "Only a confirmed, paid session can be marked completed."),
        (S.CANCELLED, P.REFUNDED, "Only a confirmed, paid session can be marked completed."),
        (S.CONFIRMED, P.UNPAID, "A session can only be completed once it has been paid."),
        (S.CONFIRMED, P.PENDING, "A session can only be completed once it has been paid."),
    ],
)
def test_complete_refusal_says_why_an_ended_session_cannot_be_completed(
    status: BookingStatus, pay: PaymentStatus, refusal: str
) -> None:
    ended = booking(status, pay, end_at=NOW - timedelta(hours=1))
    assert rules.complete_refusal(ended, NOW) == refusal
    assert not rules.can_complete(ended, NOW)


@pytest.mark.parametrize(("pay", "meeting"), list(product(P, [None, *MeetingStatus])))
def test_meeting_opens_only_for_a_paid_booking_whose_meeting_is_ready(
    pay: PaymentStatus, meeting: MeetingStatus | None
) -> None:
    row = booking(S.CONFIRMED, pay, meeting_status=meeting)
    assert rules.can_open_meeting(row) is (pay is P.PAID and meeting is MeetingStatus.READY)


@pytest.mark.parametrize(
    ("user_id", "proposer", "expected"),
    [
        (STUDENT, TEACHER, True),
        (TEACHER, STUDENT, True),
        (STUDENT, STUDENT, False),
        (TEACHER, TEACHER, False),
        (STRANGER, TEACHER, False),
    ],
)
def test_only_the_other_party_may_answer_a_proposed_time(
    user_id: int, proposer: int, expected: bool
) -> None:
    assert rules.can_answer_proposal(user_id, booking(), proposal(proposer)) is expected


@pytest.mark.parametrize("status", list(PaymentAttemptStatus))
def test_refund_is_offered_only_for_a_succeeded_payment(status: PaymentAttemptStatus) -> None:
    assert can_refund(payment(status)) is (status is PaymentAttemptStatus.SUCCEEDED)


def test_refund_is_offered_until_the_whole_amount_is_refunded() -> None:
    assert can_refund(payment(PaymentAttemptStatus.SUCCEEDED, refunded_minor=3299))
    assert not can_refund(payment(PaymentAttemptStatus.SUCCEEDED, refunded_minor=3300))
