"""Refund notifications through the real payment service on localstripe, on SQLite and Postgres:
a partial refund tells both parties (amount, what remains paid, in each one's zone) exactly
once per refund, e-mailed through aiosmtpd when SMTP is on; a full refund still says
"refunded" and nothing partial; an admin cancelling a paid booking tells both exactly once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import InvalidTransition
from linguaflex_desktop.models import BookingStatus, MeetingStatus, PaymentStatus
from linguaflex_desktop.services.booking.events import JOB_SEND_EMAIL, enable_email_delivery
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_follow_up_helpers import SmtpPeer, drain, jobs, kinds_of, smtp_peer
from tests.integration.payment_helpers import booking_state
from tests.integration.refund_notice_helpers import (
    PaidBooking,
    paid_booking_by_card,
    rows_of_kind,
)

PARTIAL = "partially_refunded"


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


@pytest.fixture
def paid(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PaidBooking]:
    booking = paid_booking_by_card(ctx, stripe_gateway, stripe_sandbox)
    yield booking
    booking.close()


@pytest.fixture
def paid_with_smtp(
    ctx: ServiceContext,
    stripe_gateway: StripeGateway,
    stripe_sandbox: StripeSandbox,
    smtp: SmtpPeer,
) -> Iterator[PaidBooking]:
    enable_email_delivery(ctx.session_factory)
    booking = paid_booking_by_card(
        ctx, stripe_gateway, stripe_sandbox, mailer=SmtpMailer(smtp.settings)
    )
    yield booking
    booking.close()


def test_partial_refund_tells_both_the_amount_and_what_remains_in_their_own_zones(
    ctx: ServiceContext, paid: PaidBooking
) -> None:
    student, teacher = paid.parties
    result = paid.kit.refunds.refund(
        paid.admin,
        paid.booking_id,
        amount_minor=2000,
        reason="Late start",
        student_message="Sorry for the late start",
        request_key="r-1",
    )

    refund_id = result.refund.id
    [to_student] = rows_of_kind(ctx, student, PARTIAL)
    [to_teacher] = rows_of_kind(ctx, teacher, PARTIAL)
    assert to_student.subject == "20.00 USD of your payment for the session with Tina refunded"
    assert to_teacher.subject == "Partial refund of 20.00 USD to Sam"
    # the clock is Mon 1 Mar 2027 09:00 UTC: winter time on both sides
    assert (
        "20.00 USD of your payment was refunded on Mon 01 Mar 2027, 04:00 EST (America/New_York)."
        in to_student.body_text
    )
    assert "You have now paid 32.50 USD of the original 52.50 USD." in to_student.body_text
    assert (
        "20.00 USD of Sam's payment was refunded on Mon 01 Mar 2027, 10:00 CET (Europe/Berlin)."
        in to_teacher.body_text
    )
    assert "32.50 USD of the original 52.50 USD remains paid." in to_teacher.body_text
    assert "Mon 29 Mar 2027, 15:00 CEST (Europe/Berlin)" in to_teacher.body_text
    for row, user in ((to_student, student), (to_teacher, teacher)):
        # the message written for the student, never the internal reason
        assert "Reason: Sorry for the late start." in row.body_text and row.ics is None
        assert "Late start" not in row.body_text
        assert row.message_id == (
            f"<booking-{paid.booking_id}-{PARTIAL}-refund-{refund_id}-{user.id}@linguaflex.local>"
        )
    assert jobs(ctx, JOB_SEND_EMAIL) == []  # SMTP off: the inbox is the delivery
    drain(paid.glue.worker)
    meeting = paid.glue.meetings.meeting_for_booking(student, paid.booking_id)
    assert meeting.status is MeetingStatus.READY and meeting.join_url
    assert booking_state(ctx, paid.booking_id) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)


def test_the_same_refund_request_again_tells_nobody_twice_and_a_new_one_is_told_anew(
    ctx: ServiceContext, paid: PaidBooking
) -> None:
    student, teacher = paid.parties
    refunds = paid.kit.refunds
    first = refunds.refund(
        paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
    )
    again = refunds.refund(
        paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
    )

    assert again.duplicate and again.refund.id == first.refund.id
    assert [len(rows_of_kind(ctx, user, PARTIAL)) for user in (student, teacher)] == [1, 1]

    refunds.refund(
        paid.admin, paid.booking_id, amount_minor=1000, reason="Audio", request_key="r-2"
    )

    later = rows_of_kind(ctx, student, PARTIAL)
    assert len(later) == 2 and later[0].message_id != later[1].message_id
    assert "You have now paid 22.50 USD of the original 52.50 USD." in later[1].body_text


def test_with_smtp_the_partial_refund_is_emailed_to_both_once_with_its_message_id(
    ctx: ServiceContext, paid_with_smtp: PaidBooking, smtp: SmtpPeer
) -> None:
    paid = paid_with_smtp
    before = len(smtp.inbox.messages())
    for _ in range(2):  # a double click: the same request key
        paid.kit.refunds.refund(
            paid.admin, paid.booking_id, amount_minor=1500, reason="Late", request_key="r-1"
        )
        drain(paid.glue.worker)

    mails = smtp.inbox.messages()[before:]
    rows = [row for user in paid.parties for row in rows_of_kind(ctx, user, PARTIAL)]
    assert sorted(mail["Message-ID"] for mail in mails) == sorted(r.message_id for r in rows)
    assert sorted(mail["To"] for mail in mails) == ["sam@example.com", "tina@example.com"]
    assert all(row.emailed_at is not None for row in rows)
    to_student = next(mail for mail in mails if mail["To"] == "sam@example.com")
    body = to_student.get_body(preferencelist=("plain",))
    assert body is not None and "You have now paid 37.50 USD" in body.get_content()
    assert "(America/New_York)" in body.get_content()
    assert not [p for p in to_student.walk() if p.get_content_type() == "text/calendar"]


def test_full_refund_still_says_refunded_and_nothing_partial(
    ctx: ServiceContext, paid: PaidBooking
) -> None:
    paid.kit.refunds.refund(paid.admin, paid.booking_id, reason="Teacher ill", request_key="r-1")

    for user in paid.parties:
        assert kinds_of(ctx, user)[-1] == "refunded"
        assert rows_of_kind(ctx, user, PARTIAL) == []
        [row] = rows_of_kind(ctx, user, "refunded")
        assert "is refunded" in row.body_text and "being refunded" not in row.body_text
    [to_student] = rows_of_kind(ctx, paid.parties[0], "refunded")
    assert "Your payment of 52.50 USD is refunded." in to_student.body_text


def test_partial_then_the_rest_tells_partial_then_refunded_once_each(
    ctx: ServiceContext, paid: PaidBooking
) -> None:
    refunds = paid.kit.refunds
    refunds.refund(paid.admin, paid.booking_id, amount_minor=2000, reason="x", request_key="a")
    refunds.refund(paid.admin, paid.booking_id, reason="Teacher ill", request_key="b")

    for user in paid.parties:
        assert kinds_of(ctx, user)[-2:] == [PARTIAL, "refunded"]
        assert len(rows_of_kind(ctx, user, PARTIAL)) == 1
        assert len(rows_of_kind(ctx, user, "refunded")) == 1


def test_admin_cancelling_a_paid_booking_tells_both_exactly_once_by_inbox_and_email(
    ctx: ServiceContext, paid_with_smtp: PaidBooking, smtp: SmtpPeer
) -> None:
    paid = paid_with_smtp
    refunds = paid.kit.refunds
    before = len(smtp.inbox.messages())
    result = refunds.cancel_paid_booking(
        paid.admin,
        paid.booking_id,
        reason="Teacher ill",
        student_message="Your teacher is unwell",
        request_key="cancel-1",
    )
    repeat = refunds.cancel_paid_booking(
        paid.admin, paid.booking_id, reason="Teacher ill", request_key="cancel-1"
    )
    with pytest.raises(InvalidTransition):  # a second, different request: nothing to cancel
        refunds.cancel_paid_booking(
            paid.admin, paid.booking_id, reason="Teacher ill", request_key="cancel-2"
        )
    drain(paid.glue.worker)

    assert (result.booking_status, result.payment_status) == (
        BookingStatus.CANCELLED,
        PaymentStatus.REFUNDED,
    )
    assert repeat.duplicate
    for user in paid.parties:
        [row] = rows_of_kind(ctx, user, "refunded")
        assert kinds_of(ctx, user)[-1] == "refunded"
        assert not {"cancelled", PARTIAL} & set(kinds_of(ctx, user))
        assert row.subject.endswith("cancelled and refunded")
        assert "This session is cancelled." in row.body_text
        assert "Your teacher is unwell" in row.body_text and "Teacher ill" not in row.body_text
    mails = smtp.inbox.messages()[before:]
    assert sorted(mail["To"] for mail in mails) == ["sam@example.com", "tina@example.com"]
    assert all("cancelled and refunded" in mail["Subject"] for mail in mails)
    meeting = paid.glue.meetings.meeting_for_booking(paid.admin, paid.booking_id)
    assert meeting.status is MeetingStatus.DELETED
