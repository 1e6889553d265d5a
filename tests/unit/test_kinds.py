"""The typed kinds (models/enums.py): every job kind has a handler, every booking event has
its messages, every status change names an audit action, and every audit action is stored and
read back as the same string (the database columns keep their values)."""

from __future__ import annotations

from unittest.mock import Mock

import pytest
from sqlalchemy import select

from linguaflex_desktop.models import (
    AuditAction,
    AuditEvent,
    BookingEventKind,
    BookingStatus,
    JobKind,
    PaymentAttemptStatus,
    PaymentStatus,
    RefundStatus,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.events import TRANSITION_KINDS, status_event_kind
from linguaflex_desktop.services.booking.state import PAYMENT_ACTIONS, STATUS_ACTIONS
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.refund_settle import SETTLED_ACTIONS
from linguaflex_desktop.services.payments.settle import ENDED_ACTIONS
from linguaflex_desktop.worker.handlers import build_handlers


def test_every_job_kind_has_a_handler_and_every_handler_a_kind() -> None:
    handlers = build_handlers(Mock(), meetings=Mock(), notifications=Mock())
    assert set(handlers) == set(JobKind)


def test_job_kinds_fit_the_outbox_kind_column() -> None:
    assert all(0 < len(kind) <= 40 for kind in JobKind)


def test_booking_event_kinds_are_exactly_the_transitions_that_send_messages() -> None:
    assert set(BookingEventKind) == TRANSITION_KINDS


def test_every_status_a_booking_can_move_to_has_an_audit_action_and_an_event() -> None:
    targets = {to for tos in rules.STATUS_TRANSITIONS.values() for to in tos}
    assert set(STATUS_ACTIONS) == targets
    for to in targets:
        assert status_event_kind(to, None) in TRANSITION_KINDS


@pytest.mark.parametrize(
    ("action", "event"),
    [
        (AuditAction.BOOKING_DECLINED, BookingEventKind.DECLINED),
        (AuditAction.BOOKING_EXPIRED, BookingEventKind.EXPIRED),
        (AuditAction.BOOKING_PAYMENT_OVERDUE, BookingEventKind.PAYMENT_OVERDUE),
        (AuditAction.BOOKING_REFUNDED, BookingEventKind.REFUNDED),
        (None, BookingEventKind.CANCELLED),
    ],
)
def test_a_cancellation_is_told_apart_by_its_audit_action(
    action: AuditAction | None, event: BookingEventKind
) -> None:
    assert status_event_kind(BookingStatus.CANCELLED, action) is event


def test_status_change_actions_keep_their_stored_spelling() -> None:
    for to, action in STATUS_ACTIONS.items():
        assert action == f"booking.{to.value.lower()}"
    for pay, action in PAYMENT_ACTIONS.items():
        assert action == f"booking.payment_{pay.value.lower()}"


def test_every_payment_status_a_booking_can_move_to_has_an_audit_action() -> None:
    targets = {to for tos in rules.PAYMENT_TRANSITIONS.values() for to in tos}
    assert set(PAYMENT_ACTIONS) == targets
    assert PaymentStatus.UNPAID not in targets


def test_every_refund_status_stripe_reports_has_its_audit_action() -> None:
    assert set(SETTLED_ACTIONS) == set(RefundStatus) - {RefundStatus.CREATING}
    for to, action in SETTLED_ACTIONS.items():
        assert action == f"refund.{to.value}"


def test_an_attempt_ending_without_a_charge_has_its_audit_action() -> None:
    assert set(ENDED_ACTIONS) == {PaymentAttemptStatus.FAILED, PaymentAttemptStatus.CANCELED}
    for to, action in ENDED_ACTIONS.items():
        assert action == f"payment.{to.value}"


def test_audit_actions_fit_the_action_column() -> None:
    assert all(0 < len(action) <= 60 for action in AuditAction)


def test_every_audit_action_is_stored_and_read_back_as_the_same_string(
    sqlite_ctx: ServiceContext,
) -> None:
    with sqlite_ctx.unit_of_work() as uow:
        for index, action in enumerate(AuditAction):
            record_audit(
                uow.session,
                actor_id=None,
                action=action,
                entity_type="test",
                entity_id=index,
                at=sqlite_ctx.now(),
            )
        uow.commit()
    with sqlite_ctx.unit_of_work() as uow:
        stored = list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert stored == [action.value for action in AuditAction]
    assert all(type(value) is str for value in stored)
    assert [AuditAction(value) for value in stored] == list(AuditAction)
