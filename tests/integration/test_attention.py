"""Needs attention on SQLite and Postgres: for each rule a record that trips it and a similar
one just inside its threshold that does not, then the row's fix, after which the rule no
longer lists it and the fix is audited; admins only. Stripe is the fake gateway, meetings the
fake provider; data is inserted through the ORM or driven through the booking service."""

from __future__ import annotations

from dataclasses import astuple, replace
from datetime import timedelta

import pytest

from linguaflex_desktop.errors import ExternalServiceError, PermissionDenied, ValidationError
from linguaflex_desktop.models import (
    BookingStatus,
    JobKind,
    JobState,
    Payment,
    PaymentStatus,
    Refund,
    RefundStatus,
)
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.common.outbox import OutboxWorker
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.payments.reconcile import AUTHENTICATION_ABANDONED
from linguaflex_desktop.services.payments.refund_recovery import settle_unanswered_refunds
from linguaflex_desktop.services.reports.attention.dto import AttentionRow
from linguaflex_desktop.services.reports.attention.service import NO_LONGER, AttentionService
from tests.conftest import FakeClock
from tests.fakes.meetings import FakeMeetingProvider
from tests.fakes.payments import UNREACHABLE, FakePaymentsGateway
from tests.integration.attention_helpers import (
    add_job,
    add_refund,
    attention_on,
    audit_trail,
    charged,
    job_state,
    set_booking,
    waiting,
)
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world, paid, row_state
from tests.integration.report_helpers import Parties, add_booking


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


@pytest.fixture
def parties(world: World) -> Parties:
    return Parties(world.student.id, world.teacher.id, world.gig_id)


@pytest.fixture
def gateway() -> FakePaymentsGateway:
    return FakePaymentsGateway()


@pytest.fixture
def attention(ctx: ServiceContext, gateway: FakePaymentsGateway) -> AttentionService:
    return attention_on(ctx, gateway)[0]


def rows_of(attention: AttentionService, world: World, rule: str) -> list[AttentionRow]:
    return [row for row in attention.list_attention(world.admin).rows if row.rule.id == rule]


def listed(attention: AttentionService, world: World, rule: str) -> list[int]:
    return [row.subject_id for row in rows_of(attention, world, rule)]


def fix_entry(world: World, outcome: str, message: str) -> tuple[str, ...]:
    return ("attention.fix", str(world.admin.id), outcome, message)


# --- a: paid, no ready meeting after 10 minutes ---------------------------------------------


def test_a_paid_booking_without_a_meeting_ten_minutes_on_is_listed_until_its_retry_makes_one(
    ctx: ServiceContext, clock: FakeClock, world: World, attention: AttentionService
) -> None:
    bookings = BookingService(ctx)
    late = paid(ctx, bookings, world)
    paid_at = clock()
    clock.advance(seconds=1)
    recent = paid(ctx, bookings, world, start_at=SLOT + timedelta(hours=2))
    clock.set(paid_at + timedelta(minutes=10))  # late: 10 minutes ago; recent: 9 min 59 s

    (row,) = rows_of(attention, world, "meeting_missing")
    assert (row.subject_id, row.booking_id, row.since) == (late.id, late.id, paid_at)
    assert (row.student_name, row.teacher_name, row.start_at) == ("Sam", "Tina", SLOT)
    assert (row.status, row.payment_status) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)
    assert row.problem == "Paid over 10 minutes ago, and no meeting is ready yet."
    assert row.rule.name == "Paid, no meeting" and row.rule.fix_label == "Retry meeting"

    outcome = attention.fix(world.admin, "meeting_missing", late.id)
    message = "The meeting's creation is queued to run now; the worker makes it shortly."
    assert (outcome.resolved, outcome.message) == (False, message)  # the worker makes it
    meetings = MeetingService(ctx, FakeMeetingProvider())
    worker = OutboxWorker(ctx, {JobKind.CREATE_MEETING: meetings.create_meeting_job}, worker_id="t")
    assert worker.run_once() == 2  # both bookings' meetings
    clock.advance(minutes=5)
    assert listed(attention, world, "meeting_missing") == []
    trail = audit_trail(ctx, entity_type="booking", entity_id=late.id)
    assert trail[-1] == fix_entry(world, "still holds", message)
    assert recent.id != late.id


# --- b: confirmed and unpaid past its payment deadline ---------------------------------------


def test_b_an_unpaid_booking_at_its_deadline_is_listed_and_the_due_transitions_cancel_it(
    ctx: ServiceContext, clock: FakeClock, world: World, attention: AttentionService
) -> None:
    bookings = BookingService(ctx)
    due = confirmed(bookings, world).id
    inside = confirmed(bookings, world, start_at=SLOT + timedelta(hours=2)).id
    set_booking(ctx, due, payment_due_by=clock())
    set_booking(ctx, inside, payment_due_by=clock() + timedelta(seconds=1))

    (row,) = rows_of(attention, world, "payment_overdue")
    assert (row.subject_id, row.since) == (due, clock())
    assert row.problem == (
        "Its payment deadline has passed, yet it is still confirmed and awaiting payment."
    )
    outcome = attention.fix(world.admin, "payment_overdue", due)
    message = (
        "The due transitions ran: the booking was cancelled, as it was not paid by its deadline."
    )
    assert (outcome.resolved, outcome.message) == (True, message)
    assert listed(attention, world, "payment_overdue") == []
    assert row_state(ctx, due)[0] is BookingStatus.CANCELLED
    assert row_state(ctx, inside)[0] is BookingStatus.CONFIRMED
    trail = audit_trail(ctx, entity_type="booking", entity_id=due)
    assert trail[-2][:2] == ("booking.payment_overdue", "None")
    assert trail[-1] == fix_entry(world, "resolved", message)


# --- c: a payment pending longer than 30 minutes ---------------------------------------------


def test_c_a_payment_waiting_30_minutes_is_listed_and_re_reading_it_closes_the_attempt(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    parties: Parties,
    gateway: FakePaymentsGateway,
    attention: AttentionService,
) -> None:
    now = clock()
    first = waiting(
        ctx, gateway, parties, since=now - timedelta(minutes=30), stripe_status="requires_action"
    )
    fresh = waiting(
        ctx,
        gateway,
        parties,
        since=now - timedelta(minutes=29, seconds=59),
        stripe_status="requires_action",
    )
    stuck, stuck_booking, fresh_booking = first.payment_id, first.booking_id, fresh.booking_id

    (row,) = rows_of(attention, world, "payment_stuck")
    assert (row.subject_id, row.booking_id) == (stuck, stuck_booking)
    assert row.since == now - timedelta(minutes=30)
    assert row.problem == f"Payment #{stuck} has waited for Stripe for over 30 minutes."
    outcome = attention.fix(world.admin, "payment_stuck", stuck)
    message = f"Stripe's answer closed the attempt: {AUTHENTICATION_ABANDONED}"
    assert (outcome.resolved, outcome.message) == (True, message)
    assert listed(attention, world, "payment_stuck") == []
    assert row_state(ctx, stuck_booking)[1] is PaymentStatus.FAILED
    assert row_state(ctx, fresh_booking)[1] is PaymentStatus.PENDING
    trail = audit_trail(ctx, entity_type="payment", entity_id=stuck)
    assert trail[-1] == fix_entry(world, "resolved", message)


def test_c_a_fix_that_fails_is_audited_with_its_error_and_the_row_stays(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    parties: Parties,
    gateway: FakePaymentsGateway,
    attention: AttentionService,
) -> None:
    since = clock() - timedelta(hours=1)
    stuck = waiting(ctx, gateway, parties, since=since, stripe_status="processing").payment_id
    gateway.always("retrieve_payment_intent", gateway.unreachable())
    with pytest.raises(ExternalServiceError, match="could not be reached"):
        attention.fix(world.admin, "payment_stuck", stuck)
    assert listed(attention, world, "payment_stuck") == [stuck]
    assert audit_trail(ctx, entity_type="payment", entity_id=stuck)[-1] == fix_entry(
        world, "failed", f"The fix failed: {UNREACHABLE}"
    )


# --- d: a dead-lettered job ------------------------------------------------------------------


def test_d_a_dead_job_is_listed_with_its_booking_and_retrying_it_clears_the_row(
    ctx: ServiceContext, world: World, parties: Parties, attention: AttentionService
) -> None:
    booking = add_booking(ctx, parties)
    dead = add_job(ctx, state=JobState.DEAD, booking_id=booking)
    add_job(ctx, state=JobState.PENDING, booking_id=booking, attempts=7)  # one attempt left
    email = add_job(ctx, state=JobState.DEAD, booking_id=None, attempts=1, error="SMTP said no")

    rows = rows_of(attention, world, "job_dead")
    assert [row.subject_id for row in rows] == [dead, email]
    assert (rows[0].booking_id, rows[0].student_name) == (booking, "Sam")
    assert rows[0].problem == (
        "The background job “meeting.create” gave up after 8 attempts: "
        "ConnectionError: meeting provider unreachable"
    )
    assert (rows[1].booking_id, rows[1].start_at, rows[1].status) == (None, None, None)
    assert (
        rows[1].problem == "The background job “email.send” gave up after 1 attempt: SMTP said no"
    )

    outcome = attention.fix(world.admin, "job_dead", dead)
    message = f"Job #{dead} is queued again with fresh attempts."
    assert (outcome.resolved, outcome.message) == (True, message)
    assert listed(attention, world, "job_dead") == [email]
    assert job_state(ctx, dead) is JobState.PENDING
    trail = audit_trail(ctx, entity_type="outbox_job", entity_id=dead)
    assert trail == [
        ("job.retry", str(world.admin.id), "None", ""),
        fix_entry(world, "resolved", message),
    ]


# --- e: our status disagreeing with Stripe's -------------------------------------------------


def closed_but_charged(
    ctx: ServiceContext, clock: FakeClock, parties: Parties, gateway: FakePaymentsGateway
) -> tuple[int, int, str]:
    """A booking cancelled here whose PaymentIntent succeeded at Stripe afterwards (what the
    reconcile records as ``payment.needs_attention``): (booking, payment, PaymentIntent)."""
    made = charged(
        ctx,
        gateway,
        parties,
        at=clock() - timedelta(hours=1),
        status=BookingStatus.CANCELLED,
        payment_status=PaymentStatus.FAILED,
    )
    return made.booking_id, made.payment_id, made.intent_id


def test_e_money_taken_for_a_closed_booking_is_listed_and_its_fix_refunds_it_at_stripe(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    parties: Parties,
    gateway: FakePaymentsGateway,
    attention: AttentionService,
) -> None:
    booking, took, intent = closed_but_charged(ctx, clock, parties, gateway)
    charged(ctx, gateway, parties, at=clock() - timedelta(hours=1))  # a paid booking

    (row,) = rows_of(attention, world, "stripe_disagrees")
    assert (row.subject_id, row.booking_id) == (took, booking)
    assert row.problem == (
        f"Stripe took payment #{took} after the booking had closed here; "
        "52.50 USD has not been returned."
    )
    outcome = attention.fix(world.admin, "stripe_disagrees", took)
    message = "52.50 USD was refunded at Stripe (succeeded)."
    assert (outcome.resolved, outcome.message) == (True, message)
    assert listed(attention, world, "stripe_disagrees") == []
    with ctx.unit_of_work(write=False) as uow:
        payment = uow.session.get(Payment, took)
        assert payment is not None and payment.refunded_minor == 5250
        (refund,) = uow.session.query(Refund).filter(Refund.payment_id == took).all()
        assert (refund.amount_minor, refund.status) == (5250, RefundStatus.SUCCEEDED)
        refund_id, stripe_id = refund.id, refund.stripe_refund_id
    (call,) = gateway.calls_to("create_refund")
    assert call.kwargs["amount_minor"] == 5250 and call.kwargs["payment_intent_id"] == intent
    assert call.kwargs["metadata"]["refund_id"] == str(refund_id)
    assert stripe_id == gateway.refunds[stripe_id][1].id
    actions = [entry[0] for entry in audit_trail(ctx, entity_type="refund", entity_id=refund_id)]
    assert actions == ["refund.requested", "refund.succeeded"]
    trail = audit_trail(ctx, entity_type="payment", entity_id=took)
    assert trail[-1] == fix_entry(world, "resolved", message)


def test_e_a_refund_already_made_in_the_stripe_dashboard_is_recorded_not_made_again(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    parties: Parties,
    gateway: FakePaymentsGateway,
    attention: AttentionService,
) -> None:
    _booking, took, intent = closed_but_charged(ctx, clock, parties, gateway)
    gateway.create_refund(payment_intent_id=intent, amount_minor=5250, idempotency_key="dash")

    outcome = attention.fix(world.admin, "stripe_disagrees", took)
    assert (outcome.resolved, outcome.message) == (
        True,
        "Stripe had refunded it already; 1 refund(s) recorded.",
    )
    assert len(gateway.calls_to("create_refund")) == 1  # the Dashboard's only
    assert listed(attention, world, "stripe_disagrees") == []


# --- f: a refund Stripe holds that we cannot attribute ---------------------------------------


def test_f_a_refund_held_back_by_an_unattributed_one_is_listed_until_stripe_lets_it_through(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    parties: Parties,
    gateway: FakePaymentsGateway,
    attention: AttentionService,
) -> None:
    booking, payment, intent = astuple(charged(ctx, gateway, parties, at=clock()))
    ours = add_refund(ctx, payment, by=world.admin.id)
    unknown = gateway.create_refund(payment_intent_id=intent, amount_minor=700, idempotency_key="d")
    settle_unanswered_refunds(ctx, gateway, grace=timedelta(0))  # flags ours for an admin
    other = charged(ctx, gateway, parties, at=clock())
    add_refund(ctx, other.payment_id, by=world.admin.id)  # waiting, nothing held against it

    (row,) = rows_of(attention, world, "refund_unattributed")
    assert (row.subject_id, row.booking_id, row.since) == (ours, booking, clock())
    assert row.problem == (
        f"Refund #{ours} of 10.00 USD was not sent: Stripe holds a refund on this payment "
        "that LinguaFlex cannot attribute."
    )
    held = attention.fix(world.admin, "refund_unattributed", ours)
    still = (
        f"Stripe still holds {unknown.id} on this payment, which LinguaFlex cannot attribute, "
        "so the refund was not sent; check the payment in the Stripe Dashboard."
    )
    assert (held.resolved, held.message) == (False, still)
    assert listed(attention, world, "refund_unattributed") == [ours]

    gateway.refunds[unknown.id] = (intent, replace(unknown, status="canceled"))
    clock.advance(minutes=1)
    outcome = attention.fix(world.admin, "refund_unattributed", ours)
    sent = "The refund was sent to Stripe: Stripe says succeeded."
    assert (outcome.resolved, outcome.message) == (True, sent)
    assert listed(attention, world, "refund_unattributed") == []
    trail = audit_trail(ctx, entity_type="refund", entity_id=ours)
    assert [entry[0] for entry in trail] == [
        "refund.needs_attention",
        "attention.fix",
        "refund.succeeded",
        "attention.fix",
    ]
    assert trail[1] == fix_entry(world, "still holds", still)
    assert trail[3] == fix_entry(world, "resolved", sent)


# --- the list and the fix as a whole ---------------------------------------------------------


def test_only_admins_list_or_fix_and_a_refused_fix_changes_nothing(
    ctx: ServiceContext, world: World, parties: Parties, attention: AttentionService
) -> None:
    dead = add_job(ctx, state=JobState.DEAD, booking_id=add_booking(ctx, parties))
    for who in (world.student, world.teacher, world.suspended_student):
        with pytest.raises(PermissionDenied):
            attention.list_attention(who)
        with pytest.raises(PermissionDenied):
            attention.fix(who, "job_dead", dead)
    assert job_state(ctx, dead) is JobState.DEAD
    assert audit_trail(ctx, entity_type="outbox_job", entity_id=dead) == []


def test_a_fix_for_a_row_that_no_longer_holds_does_nothing_and_an_unknown_rule_is_refused(
    ctx: ServiceContext, world: World, parties: Parties, attention: AttentionService
) -> None:
    waiting = add_job(ctx, state=JobState.PENDING, booking_id=add_booking(ctx, parties))
    outcome = attention.fix(world.admin, "job_dead", waiting)
    assert (outcome.resolved, outcome.message) == (True, NO_LONGER)
    assert audit_trail(ctx, entity_type="outbox_job", entity_id=waiting) == []
    with pytest.raises(ValidationError, match="no needs-attention rule named 'reboot'"):
        attention.fix(world.admin, "reboot", waiting)


def test_each_rule_is_cut_at_its_limit_and_the_list_says_so(
    ctx: ServiceContext, world: World, parties: Parties, gateway: FakePaymentsGateway
) -> None:
    first = add_job(ctx, state=JobState.DEAD, booking_id=None)
    add_job(ctx, state=JobState.DEAD, booking_id=None)
    narrow = AttentionService(
        ctx,
        due=DueTransitions(ctx),
        jobs=JobAdminService(ctx),
        stripe=lambda: None,  # type: ignore[arg-type,return-value]
        per_rule_limit=1,
    )
    result = narrow.list_attention(world.admin)
    assert [row.subject_id for row in result.rows] == [first]
    assert (result.count, result.truncated) == (1, True)
