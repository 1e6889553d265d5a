"""The cancellation policy on SQLite and Postgres, through the real refund path on the scripted
fake gateway: a student's self-cancel more than 24 hours ahead refunds in full at once; from
exactly 24 hours on it is a request, answered in full, in part or not by the teacher or an
admin; a teacher's cancel always refunds in full; a double click refunds once; the student
never reads the internal reason."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from linguaflex_desktop.errors import Conflict, InvalidTransition, PermissionDenied
from linguaflex_desktop.models import CancellationAnswer, CancellationRequestState
from linguaflex_desktop.services.booking import policy
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.refund_messages import DEFAULT_STUDENT_MESSAGE
from linguaflex_desktop.services.payments.views import PaymentViews
from tests.conftest import FakeClock
from tests.integration.booking_helpers import SLOT
from tests.integration.cancellation_helpers import NOTICE, PAID, CancelKit, make_kit

ONE_SECOND = timedelta(seconds=1)


@pytest.fixture
def kit(ctx: ServiceContext, clock: FakeClock) -> Iterator[CancelKit]:
    made = make_kit(ctx, clock)
    yield made
    made.close()


# --- the boundary -----------------------------------------------------------------------------


def test_policy_boundary_is_strictly_more_than_24_hours() -> None:
    assert policy.refunds_automatically(SLOT, SLOT - NOTICE - ONE_SECOND)
    assert not policy.refunds_automatically(SLOT, SLOT - NOTICE)
    assert not policy.refunds_automatically(SLOT, SLOT - NOTICE + ONE_SECOND)


# --- the student cancels ----------------------------------------------------------------------


def test_self_cancel_24h_and_1s_before_refunds_in_full_automatically(kit: CancelKit) -> None:
    kit.hours_before_start(NOTICE + ONE_SECOND)
    student = kit.world.student

    result = kit.cancellations.cancel_as_student(
        student, kit.booking_id, reason="Exam moved", request_key="k1"
    )

    assert (result.booking_status.value, result.payment_status.value) == ("CANCELLED", "REFUNDED")
    assert result.refunded_minor == PAID and result.refund.amount_minor == PAID
    # the student's own result carries no internal reason and no Stripe id
    assert (result.refund.reason, result.refund.stripe_refund_id) == (None, None)
    ((amount, status, reason, message, made_by),) = kit.refund_rows()
    assert (amount, status, made_by) == (PAID, "succeeded", student.id)
    assert reason == (
        "Cancelled by the student more than 24 hours before the start. Reason: Exam moved"
    )
    assert message == (
        "You cancelled more than 24 hours before the start: full refund under the "
        "cancellation policy."
    )
    assert kit.booking_row() == ("CANCELLED", "REFUNDED", PAID, message)
    assert [call.kwargs["amount_minor"] for call in kit.gateway.calls_to("create_refund")] == [PAID]
    assert ("refund.requested", student.id, reason) in kit.audit_actions("refund")
    kinds = [kind for kind, _body in kit.notices(student.id)]
    assert "refunded" in kinds


@pytest.mark.parametrize("before", [NOTICE, NOTICE - ONE_SECOND, timedelta(hours=1)])
def test_self_cancel_at_exactly_24h_or_later_is_refused_and_refunds_nothing(
    kit: CancelKit, before: timedelta
) -> None:
    kit.hours_before_start(before)

    with pytest.raises(InvalidTransition, match="ask for the cancellation instead"):
        kit.cancellations.cancel_as_student(kit.world.student, kit.booking_id, request_key="k")

    assert kit.refund_rows() == [] and kit.gateway.calls_to("create_refund") == []
    assert kit.booking_row()[:3] == ("CONFIRMED", "PAID", 0)


def test_only_the_booking_student_may_self_cancel(kit: CancelKit) -> None:
    kit.hours_before_start(timedelta(hours=30))
    for other in (kit.world.other_student, kit.world.teacher):
        with pytest.raises(PermissionDenied):
            kit.cancellations.cancel_as_student(other, kit.booking_id, request_key=f"k{other.id}")
    assert kit.refund_rows() == []


@pytest.mark.parametrize("same_key", [True, False], ids=["double-click", "two-windows"])
def test_racing_self_cancels_refund_once(kit: CancelKit, same_key: bool) -> None:
    kit.hours_before_start(timedelta(hours=30))
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def cancel(key: str) -> None:
        barrier.wait()
        try:
            outcomes.append(
                kit.cancellations.cancel_as_student(
                    kit.world.student, kit.booking_id, request_key=key
                )
            )
        except Conflict as error:  # the other one refunded everything first
            outcomes.append(error)

    threads = [
        threading.Thread(target=cancel, args=("same" if same_key else f"key-{n}",))
        for n in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(outcomes) == 2
    assert len(kit.gateway.calls_to("create_refund")) == 1
    assert [row[:2] for row in kit.refund_rows()] == [(PAID, "succeeded")]
    assert kit.booking_row()[:3] == ("CANCELLED", "REFUNDED", PAID)


# --- the request inside 24 hours --------------------------------------------------------------


def _ask(kit: CancelKit, before: timedelta = NOTICE) -> int:
    kit.hours_before_start(before)
    request = kit.requests.ask(kit.world.student, kit.booking_id, reason="I am ill")
    assert request.state is CancellationRequestState.OPEN and request.can_answer is False
    return request.id


def test_asking_at_exactly_24h_reaches_the_teacher_and_the_admins(kit: CancelKit) -> None:
    request_id = _ask(kit)

    (teacher_view,) = kit.requests.list_requests(kit.world.teacher, open_only=True)
    (admin_view,) = kit.requests.list_requests(kit.world.admin, open_only=True)
    assert teacher_view.id == admin_view.id == request_id
    assert teacher_view.can_answer and admin_view.can_answer
    assert kit.requests.list_requests(kit.world.other_teacher) == []
    for reader in (kit.world.teacher, kit.world.admin):
        ((kind, body),) = [n for n in kit.notices(reader.id) if n[0].startswith("cancellation")]
        assert kind == "cancellation_requested" and "Their reason: I am ill." in body
    assert kit.refund_rows() == []
    assert kit.audit_actions("cancellation_request") == [
        ("cancellation.requested", kit.world.student.id, "I am ill")
    ]


def test_asking_more_than_24h_ahead_is_refused_cancel_instead(kit: CancelKit) -> None:
    kit.hours_before_start(NOTICE + ONE_SECOND)
    with pytest.raises(InvalidTransition, match="cancel it yourself"):
        kit.requests.ask(kit.world.student, kit.booking_id, reason="x")


def test_a_second_open_request_is_refused(kit: CancelKit) -> None:
    _ask(kit)
    with pytest.raises(Conflict, match="already asked"):
        kit.requests.ask(kit.world.student, kit.booking_id, reason="again")


def test_answer_full_refunds_everything_and_tells_the_student(kit: CancelKit) -> None:
    request_id = _ask(kit, timedelta(hours=5))

    answered = kit.requests.answer(
        kit.world.teacher, request_id, answer=CancellationAnswer.FULL, note="Get well soon"
    )

    assert answered.state is CancellationRequestState.ANSWERED
    assert (answered.answer, answered.amount_minor) == (CancellationAnswer.FULL, PAID)
    assert answered.answered_by_name == "Tina"
    ((amount, status, reason, message, made_by),) = kit.refund_rows()
    assert (amount, status, made_by) == (PAID, "succeeded", kit.world.teacher.id)
    assert reason == f"Cancellation request #{request_id} answered: full refund."
    assert message == "Get well soon"
    assert kit.booking_row() == ("CANCELLED", "REFUNDED", PAID, "Get well soon")
    student_kinds = [kind for kind, _ in kit.notices(kit.world.student.id)]
    assert "refunded" in student_kinds and "cancellation_answered" in student_kinds
    answer_body = dict(kit.notices(kit.world.student.id))["cancellation_answered"]
    assert "full refund (52.50 USD)" in answer_body and "Note: Get well soon" in answer_body


def test_answer_part_refunds_the_amount_and_the_session_stays_booked(kit: CancelKit) -> None:
    request_id = _ask(kit)

    answered = kit.requests.answer(
        kit.world.admin, request_id, answer=CancellationAnswer.PART, amount_minor=2000
    )

    assert (answered.answer, answered.amount_minor) == (CancellationAnswer.PART, 2000)
    assert [row[:2] for row in kit.refund_rows()] == [(2000, "succeeded")]
    assert kit.refund_rows()[0][3] == (
        "Your cancellation request was answered with a partial refund."
    )
    assert kit.booking_row()[:3] == ("CONFIRMED", "PAID", 2000)
    kinds = [kind for kind, _ in kit.notices(kit.world.student.id)]
    assert "partially_refunded" in kinds and "cancellation_answered" in kinds
    body = dict(kit.notices(kit.world.student.id))["cancellation_answered"]
    assert "partial refund of 20.00 USD" in body and "stays booked" in body


def test_answer_none_refunds_nothing_and_keeps_the_session(kit: CancelKit) -> None:
    request_id = _ask(kit)

    answered = kit.requests.answer(
        kit.world.teacher, request_id, answer=CancellationAnswer.NONE, note="Too late, sorry"
    )

    assert (answered.answer, answered.amount_minor) == (CancellationAnswer.NONE, None)
    assert kit.refund_rows() == [] and kit.gateway.calls_to("create_refund") == []
    assert kit.booking_row()[:3] == ("CONFIRMED", "PAID", 0)
    body = dict(kit.notices(kit.world.student.id))["cancellation_answered"]
    assert "No refund was granted" in body and "Note: Too late, sorry" in body


def test_a_request_is_answered_once_and_only_by_its_teacher_or_an_admin(kit: CancelKit) -> None:
    request_id = _ask(kit)
    with pytest.raises(PermissionDenied):
        kit.requests.answer(kit.world.other_teacher, request_id, answer=CancellationAnswer.NONE)
    with pytest.raises(PermissionDenied):
        kit.requests.answer(kit.world.student, request_id, answer=CancellationAnswer.FULL)
    kit.requests.answer(kit.world.teacher, request_id, answer=CancellationAnswer.NONE)
    with pytest.raises(Conflict, match="already been answered"):
        kit.requests.answer(kit.world.admin, request_id, answer=CancellationAnswer.FULL)
    assert kit.refund_rows() == []


def test_a_refund_stripe_refuses_reopens_the_request(kit: CancelKit) -> None:
    from linguaflex_desktop.errors import StripeRequestRefused

    request_id = _ask(kit)
    kit.gateway.script("create_refund", StripeRequestRefused("No such charge", "No such charge"))

    with pytest.raises(StripeRequestRefused):
        kit.requests.answer(kit.world.admin, request_id, answer=CancellationAnswer.FULL)
    (view,) = kit.requests.list_requests(kit.world.admin)
    assert view.state is CancellationRequestState.OPEN

    again = kit.requests.answer(kit.world.admin, request_id, answer=CancellationAnswer.FULL)
    assert again.amount_minor == PAID
    assert [row[1] for row in kit.refund_rows()] == ["failed", "succeeded"]


def test_an_answer_stripe_did_not_confirm_is_resumed_by_the_same_answer_once(
    kit: CancelKit,
) -> None:
    from linguaflex_desktop.errors import ExternalServiceError

    request_id = _ask(kit)
    kit.gateway.script("create_refund", kit.gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        kit.requests.answer(kit.world.admin, request_id, answer=CancellationAnswer.FULL)
    (view,) = kit.requests.list_requests(kit.world.admin)
    assert view.state is CancellationRequestState.ANSWERED  # its refund is in flight
    assert [row[:2] for row in kit.refund_rows()] == [(PAID, "creating")]
    with pytest.raises(Conflict, match="already been answered"):  # not another answer
        kit.requests.answer(kit.world.teacher, request_id, answer=CancellationAnswer.NONE)

    kit.clock.advance(seconds=31)  # past REFUND_RETRY_AFTER
    again = kit.requests.answer(kit.world.admin, request_id, answer=CancellationAnswer.FULL)

    assert again.amount_minor == PAID
    assert [row[:2] for row in kit.refund_rows()] == [(PAID, "succeeded")]
    assert kit.booking_row()[:3] == ("CANCELLED", "REFUNDED", PAID)
    keys = {call.kwargs["idempotency_key"] for call in kit.gateway.calls_to("create_refund")}
    assert keys == {f"cancellation-request-{request_id}-1"}  # the same request, sent again


def test_two_answerers_racing_make_one_refund(kit: CancelKit) -> None:
    request_id = _ask(kit)
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def answer(actor: object) -> None:
        barrier.wait()
        try:
            outcomes.append(
                kit.requests.answer(actor, request_id, answer=CancellationAnswer.FULL)  # type: ignore[arg-type]
            )
        except Conflict as error:  # the other answer was recorded first
            outcomes.append(error)

    threads = [
        threading.Thread(target=answer, args=(who,)) for who in (kit.world.teacher, kit.world.admin)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(outcomes) == 2
    assert len(kit.gateway.calls_to("create_refund")) == 1
    assert [row[:2] for row in kit.refund_rows()] == [(PAID, "succeeded")]
    (view,) = kit.requests.list_requests(kit.world.admin)
    assert (view.answer, view.amount_minor) == (CancellationAnswer.FULL, PAID)
    answers = [n for n in kit.notices(kit.world.student.id) if n[0] == "cancellation_answered"]
    assert len(answers) == 1


# --- the teacher cancels ----------------------------------------------------------------------


def test_teacher_cancel_always_refunds_in_full_even_inside_24h(kit: CancelKit) -> None:
    request_id = _ask(kit, timedelta(hours=2))

    result = kit.cancellations.cancel_as_teacher(
        kit.world.teacher, kit.booking_id, reason="I am ill", request_key="t1"
    )

    assert (result.booking_status.value, result.refunded_minor) == ("CANCELLED", PAID)
    ((amount, _status, reason, message, made_by),) = kit.refund_rows()
    assert (amount, made_by) == (PAID, kit.world.teacher.id)
    assert reason == "Cancelled by the teacher (always a full refund). Reason: I am ill"
    assert message == (
        "Your teacher cancelled the session, so you get a full refund. Reason: I am ill"
    )
    (view,) = kit.requests.list_requests(kit.world.student)
    assert view.state is CancellationRequestState.ANSWERED  # the refund answered it
    assert (view.answer, view.amount_minor) == (CancellationAnswer.FULL, PAID)
    assert view.id == request_id


def test_another_teacher_cannot_cancel(kit: CancelKit) -> None:
    with pytest.raises(PermissionDenied):
        kit.cancellations.cancel_as_teacher(
            kit.world.other_teacher, kit.booking_id, reason="x", request_key="t"
        )


# --- internal reasons stay internal -----------------------------------------------------------


def test_the_student_never_reads_the_admins_internal_reason(kit: CancelKit) -> None:
    kit.refunds.refund(
        kit.world.admin,
        kit.booking_id,
        amount_minor=1000,
        reason="INTERNAL suspected abuse",
        student_message="A goodwill refund for the audio trouble",
        request_key="a1",
    )
    kit.refunds.refund(kit.world.admin, kit.booking_id, reason="INTERNAL second", request_key="a2")
    views = PaymentViews(kit.ctx)

    student_receipt = views.payment_for_booking(kit.world.student, kit.booking_id)
    admin_receipt = views.payment_for_booking(kit.world.admin, kit.booking_id)

    assert [(r.reason, r.student_message) for r in student_receipt.refunds] == [
        (None, "A goodwill refund for the audio trouble"),
        (None, DEFAULT_STUDENT_MESSAGE),
    ]
    assert [r.reason for r in admin_receipt.refunds] == [
        "INTERNAL suspected abuse",
        "INTERNAL second",
    ]
    detail = kit.bookings.get_booking(kit.world.student, kit.booking_id)
    assert detail.booking.status_reason == DEFAULT_STUDENT_MESSAGE
    seen = [detail.booking.status_reason, *(entry.reason for entry in detail.audit)]
    seen += [body for _kind, body in kit.notices(kit.world.student.id)]
    assert not any("INTERNAL" in (text or "") for text in seen)
    assert any(
        "A goodwill refund for the audio trouble" in body
        for _k, body in kit.notices(kit.world.student.id)
    )
    assert ("refund.requested", kit.world.admin.id, "INTERNAL suspected abuse") in (
        kit.audit_actions("refund")
    )
