"""The pure state machines and policy of DESIGN.md section 4."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import product

import pytest

from linguaflex_desktop.errors import Conflict, InvalidTransition
from linguaflex_desktop.models import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking import rules

S = BookingStatus
P = PaymentStatus

LISTED_STATUS_TRANSITIONS = {
    (S.PENDING, S.CONFIRMED),
    (S.PENDING, S.CANCELLED),
    (S.CONFIRMED, S.COMPLETED),
    (S.CONFIRMED, S.CANCELLED),
    (S.COMPLETED, S.REFUNDED),
}
LISTED_PAYMENT_TRANSITIONS = {
    (P.UNPAID, P.PENDING),
    (P.PENDING, P.PAID),
    (P.PENDING, P.FAILED),
    (P.FAILED, P.PENDING),
    (P.PAID, P.REFUNDED),
}


@pytest.mark.parametrize(("frm", "to"), sorted(LISTED_STATUS_TRANSITIONS))
def test_every_listed_status_transition_is_allowed(frm: S, to: S) -> None:
    rules.check_status_transition(frm, to)


@pytest.mark.parametrize(("frm", "to"), sorted(set(product(S, S)) - LISTED_STATUS_TRANSITIONS))
def test_every_unlisted_status_transition_is_refused_with_a_clear_message(frm: S, to: S) -> None:
    with pytest.raises(InvalidTransition, match="cannot become") as caught:
        rules.check_status_transition(frm, to)
    assert rules.describe_status(frm) in caught.value.message
    assert isinstance(caught.value, Conflict)


@pytest.mark.parametrize(("frm", "to"), sorted(LISTED_PAYMENT_TRANSITIONS))
def test_every_listed_payment_transition_is_allowed(frm: P, to: P) -> None:
    rules.check_payment_transition(frm, to)


@pytest.mark.parametrize(("frm", "to"), sorted(set(product(P, P)) - LISTED_PAYMENT_TRANSITIONS))
def test_every_unlisted_payment_transition_is_refused(frm: P, to: P) -> None:
    with pytest.raises(InvalidTransition, match="payment that is"):
        rules.check_payment_transition(frm, to)


def test_terminal_statuses_have_no_way_out() -> None:
    assert rules.STATUS_TRANSITIONS[S.CANCELLED] == frozenset()
    assert rules.STATUS_TRANSITIONS[S.REFUNDED] == frozenset()
    assert rules.PAYMENT_TRANSITIONS[P.REFUNDED] == frozenset()


@pytest.mark.parametrize(
    ("status", "payment"),
    [
        (S.PENDING, P.PAID),  # nobody pays before the teacher confirms
        (S.PENDING, P.PENDING),
        (S.COMPLETED, P.UNPAID),  # completed only if paid
        (S.COMPLETED, P.FAILED),
        (S.CANCELLED, P.PAID),  # a paid booking is cancelled only with its refund
        (S.CANCELLED, P.PENDING),
        (S.REFUNDED, P.PAID),
    ],
)
def test_impossible_state_pairs_are_refused(status: S, payment: P) -> None:
    with pytest.raises(InvalidTransition, match="cannot be"):
        rules.check_state_pair(status, payment)


def test_completed_paid_and_cancelled_refunded_are_valid_pairs() -> None:
    rules.check_state_pair(S.COMPLETED, P.PAID)
    rules.check_state_pair(S.CANCELLED, P.REFUNDED)
    rules.check_state_pair(S.REFUNDED, P.REFUNDED)


NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def test_respond_by_is_48_hours_after_the_request_when_the_session_is_far_away() -> None:
    start = NOW + timedelta(days=10)
    assert rules.respond_by(requested_at=NOW, start_at=start) == NOW + timedelta(hours=48)


def test_respond_by_is_never_later_than_start_minus_lead_time() -> None:
    start = NOW + timedelta(hours=20)
    assert rules.respond_by(requested_at=NOW, start_at=start) == start - timedelta(hours=12)


def test_payment_due_by_is_24_hours_after_confirmation_or_one_hour_before_start() -> None:
    far = NOW + timedelta(days=5)
    near = NOW + timedelta(hours=13)
    assert rules.payment_due_by(confirmed_at=NOW, start_at=far) == NOW + timedelta(hours=24)
    assert rules.payment_due_by(confirmed_at=NOW, start_at=near) == near - timedelta(hours=1)


def test_policy_constants_match_the_documented_booking_policy() -> None:
    assert timedelta(hours=12) == rules.MIN_LEAD_TIME
    assert timedelta(hours=48) == rules.RESPONSE_WINDOW
    assert timedelta(hours=24) == rules.PAYMENT_WINDOW
    assert timedelta(minutes=15) == rules.SLOT_STEP
    assert timedelta(weeks=8) == rules.BOOKING_HORIZON


def test_slot_grid_accepts_quarter_hours_only() -> None:
    assert rules.is_on_slot_grid(NOW.replace(minute=45))
    assert not rules.is_on_slot_grid(NOW.replace(minute=10))
    assert not rules.is_on_slot_grid(NOW.replace(second=1))


def test_allowed_durations_run_from_min_to_max_in_steps() -> None:
    durations = rules.allowed_durations(minimum=30, maximum=180, step=15)
    assert durations[0] == 30 and durations[-1] == 180 and len(durations) == 11
    assert 45 in durations and 50 not in durations


def test_allowed_durations_never_exceed_the_maximum() -> None:
    assert rules.allowed_durations(minimum=30, maximum=44, step=15) == (30,)
    assert rules.allowed_durations(minimum=30, maximum=45, step=15) == (30, 45)
