"""The booking health timeline on SQLite and Postgres: a booking requested, confirmed, paid
(fake payments gateway), given its meeting, partly refunded and cancelled reads as one ordered
list in words; a dead-lettered job shows its error and attempts; e-mails show their hand-over;
only admins see it; the number of queries does not grow with the events. The expected lists
are written out by hand from the steps of ``timeline_helpers`` (52.50 USD = 60 minutes at
50.00 USD/h plus the 2.50 USD platform fee; 10.00 USD refunded, then the remaining 42.50 USD)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, event

from linguaflex_desktop.errors import (
    ExternalServiceError,
    NotFound,
    OutcomeUnknown,
    PermissionDenied,
)
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.events import enable_email_delivery
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.reports.timeline_dto import BookingTimeline, TimelineEntry
from tests.conftest import FakeClock
from tests.integration.booking_follow_up_helpers import drain, jobs
from tests.integration.booking_helpers import SLOT, add_user, request
from tests.integration.timeline_helpers import (
    T0,
    TimelineKit,
    paid_booking,
    refunded_then_cancelled,
    timeline_kit,
)

LATER = SLOT + timedelta(hours=3)


@pytest.fixture
def kit(ctx: ServiceContext, clock: FakeClock) -> Iterator[TimelineKit]:
    yield from timeline_kit(ctx, clock)


def rows(timeline: BookingTimeline) -> list[tuple[str, str, str, str]]:
    """(UTC time of day, kind, title, actor) of every entry, in order."""
    return [(f"{e.at:%H:%M}", e.kind, e.title, e.actor) for e in timeline.entries]


def entry(timeline: BookingTimeline, title: str) -> TimelineEntry:
    (found,) = [e for e in timeline.entries if e.title == title]
    return found


FULL_STORY = [
    ("09:00", "status", "Booking requested", "Sam"),
    ("09:00", "notification", "Message to Tina: “New session request from Sam”", "System"),
    ("09:10", "status", "Teacher confirmed the booking", "Tina"),
    ("09:10", "notification", "Message to Sam: “Tina confirmed your session — pay now”", "System"),
    ("09:20", "stripe_object", "Stripe Customer cus_fake1 of Sam", "Sam"),
    ("09:20", "stripe_object", "Stripe PaymentIntent pi_fake3: succeeded", "Sam"),
    ("09:20", "payment_status", "Payment started", "Sam"),
    ("09:20", "payment", "Payment attempt started", "Sam"),
    ("09:20", "payment_status", "Booking paid", "Sam"),
    ("09:20", "payment", "Stripe confirmed the payment", "Sam"),
    ("09:20", "job", "Job “Create the meeting”: done", "System"),
    ("09:20", "job", "Job “Send a reminder”: waiting", "System"),
    ("09:20", "job", "Job “Send a reminder”: waiting", "System"),
    ("09:21", "meeting", "Meeting created", "System"),
    ("09:21", "notification", "Message to Sam: “Session with Tina is booked”", "System"),
    ("09:21", "notification", "Message to Tina: “Session with Sam is booked”", "System"),
    ("10:21", "stripe_object", "Stripe Refund re_fake5: succeeded", "Ada"),
    ("10:21", "refund", "Refund requested", "Ada"),
    ("10:21", "refund", "Refund succeeded at Stripe", "Ada"),
    (
        "10:21",
        "notification",
        "Message to Sam: “10.00 USD of your payment for the session with Tina refunded”",
        "System",
    ),
    ("10:21", "notification", "Message to Tina: “Partial refund of 10.00 USD to Sam”", "System"),
    ("11:21", "stripe_object", "Stripe Refund re_fake6: succeeded", "Ada"),
    ("11:21", "refund", "Refund requested", "Ada"),
    ("11:21", "payment_status", "Payment fully refunded", "Ada"),
    ("11:21", "status", "Booking closed by a full refund", "Ada"),
    ("11:21", "refund", "Refund succeeded at Stripe", "Ada"),
    (
        "11:21",
        "notification",
        "Message to Sam: “Session with Tina cancelled and refunded”",
        "System",
    ),
    (
        "11:21",
        "notification",
        "Message to Tina: “Session with Sam cancelled and refunded”",
        "System",
    ),
    ("11:21", "job", "Job “Delete the meeting”: done", "System"),
    ("11:22", "meeting", "Meeting deleted", "System"),
]


def test_request_confirm_pay_meeting_partial_refund_and_cancel_read_in_order(
    kit: TimelineKit,
) -> None:
    booking_id = refunded_then_cancelled(kit)

    timeline = kit.timeline(booking_id)

    assert rows(timeline) == FULL_STORY
    assert all(e.at.utcoffset() == timedelta(0) for e in timeline.entries)
    assert timeline.entries[0].at == T0 and timeline.zone == "UTC"
    assert timeline.heading == (
        f"Booking #{booking_id}: Conversational German, Sam with Tina, "
        "Wed 3 Mar 2027, 10:00 (UTC+00:00) — cancelled, payment refunded"
    )


def test_the_story_s_details_are_in_words_with_amounts_as_money(kit: TimelineKit) -> None:
    timeline = kit.timeline(refunded_then_cancelled(kit))

    intent = entry(timeline, "Stripe PaymentIntent pi_fake3: succeeded")
    assert intent.details == (
        ("Amount", "52.50 USD"),
        ("State as last read", "succeeded"),
        ("Last read", "Mon 1 Mar 2027, 09:20 (UTC+00:00)"),
        ("Card", "Visa ending 4242"),
        ("Refunded", "52.50 USD"),
    )
    assert intent.stripe is not None and intent.stripe.can_read_again
    assert (intent.stripe.object_type, intent.stripe.object_id) == ("payment_intent", "pi_fake3")
    partial = entry(timeline, "Stripe Refund re_fake5: succeeded")
    assert partial.details == (
        ("Amount", "10.00 USD"),
        ("State as last read", "succeeded"),
        ("Last read", "Mon 1 Mar 2027, 10:21 (UTC+00:00)"),
        ("Reason", "Started late"),
    )
    assert partial.stripe is not None and partial.stripe.can_read_again
    customer = entry(timeline, "Stripe Customer cus_fake1 of Sam")
    assert customer.stripe is not None and not customer.stripe.can_read_again
    assert entry(timeline, "Booking closed by a full refund").details == (
        ("Status", "Confirmed → Cancelled"),
        ("Payment", "Refunded"),
        # the booking keeps what its student reads; the admin's "Teacher ill" is the refund's
        ("Reason", "Refund issued by LinguaFlex"),
    )
    assert entry(timeline, "Stripe confirmed the payment").details == (
        ("Status", "In progress → Succeeded"),
        ("Stripe PaymentIntent", "pi_fake3"),
    )
    requested = [e for e in timeline.entries if e.title == "Refund requested"]
    assert [e.detail("Amount") for e in requested] == ["10.00 USD", "42.50 USD"]
    assert entry(timeline, "Meeting created").details == (
        ("Provider", "Zoom"),
        ("Meeting id", "fake-meeting-1"),
        ("Join link", "https://meet.example.org/j/fake-meeting-1"),
    )
    assert entry(timeline, "Meeting deleted").details == (("Meeting id", "fake-meeting-1"),)
    assert entry(timeline, "Job “Delete the meeting”: done").details == (
        ("State", "done"),
        ("Failed attempts", "0 of 8"),
        ("Finished", "Mon 1 Mar 2027, 11:22 (UTC+00:00)"),
    )
    reminders = [e for e in timeline.entries if e.title == "Job “Send a reminder”: waiting"]
    assert [(e.detail("Reminder"), e.detail("Next attempt")) for e in reminders] == [
        ("reminder 24 hours before", "Tue 2 Mar 2027, 10:00 (UTC+00:00)"),
        ("reminder 1 hour before", "Wed 3 Mar 2027, 09:00 (UTC+00:00)"),
    ]
    notice = entry(timeline, "Message to Tina: “Partial refund of 10.00 USD to Sam”")
    assert notice.details == (
        ("Kind", "partial refund"),
        ("In-app", "unread"),
        ("E-mail", "not sent by e-mail (in-app only)"),
    )


def test_details_are_written_in_the_admin_s_zone(kit: TimelineKit) -> None:
    booking_id = paid_booking(kit)
    tokyo = add_user(kit.ctx, email="kei@example.com", role=Role.ADMIN, time_zone="Asia/Tokyo")

    timeline = kit.timelines.booking_timeline(tokyo, booking_id)

    assert timeline.zone == "Asia/Tokyo"
    # 09:20 UTC is 18:20 in Tokyo (UTC+9, no summer time); the instant itself stays UTC
    intent = entry(timeline, "Stripe PaymentIntent pi_fake3: succeeded")
    assert intent.detail("Last read") == "Mon 1 Mar 2027, 18:20 (UTC+09:00)"
    assert intent.at == T0 + timedelta(minutes=20)


def test_a_dead_lettered_meeting_job_shows_its_error_and_attempts(kit: TimelineKit) -> None:
    kit.provider.always("create", ExternalServiceError("Zoom answered 503 Service Unavailable"))
    booking_id = paid_booking(kit)  # the first attempt failed at 09:21
    for _attempt in range(7):
        kit.clock.advance(hours=1)  # past every backoff (at most 600 s here)
        drain(kit.glue.worker)

    timeline = kit.timeline(booking_id)

    dead = entry(timeline, "Job “Create the meeting”: dead-lettered")
    assert dead.details == (
        ("State", "dead-lettered"),
        ("Failed attempts", "8 of 8"),
        ("Last error", "Zoom answered 503 Service Unavailable"),
        ("Finished", "Mon 1 Mar 2027, 16:21 (UTC+00:00)"),
    )
    failed = entry(timeline, "Meeting could not be created")
    assert failed.at == T0 + timedelta(hours=7, minutes=21)
    assert failed.details == (
        ("Reason", "Gave up after 8 attempts: Zoom answered 503 Service Unavailable"),
    )
    assert entry(timeline, "Meeting set-up started").at == T0 + timedelta(minutes=21)

    (job,) = jobs(kit.ctx, "meeting.create")
    kit.clock.advance(minutes=5)
    JobAdminService(kit.ctx).retry_dead(kit.admin, job.id)
    retried = kit.timeline(booking_id)
    assert rows(retried)[-1] == ("16:26", "audit", "Dead job queued again", "Ada")
    assert retried.entries[-1].details == (
        ("State", "Gave up → Waiting"),
        ("Attempts", "8 → 0"),
    )
    assert entry(retried, "Job “Create the meeting”: waiting").detail("Failed attempts") == (
        "0 of 8"
    )


def test_an_e_mailed_notification_shows_its_hand_over_and_its_job(kit: TimelineKit) -> None:
    enable_email_delivery(kit.ctx.session_factory)
    booking = request(kit.glue.bookings, kit.glue.world)
    kit.clock.advance(minutes=2)
    drain(kit.glue.worker)

    timeline = kit.timeline(booking.id)

    assert rows(timeline) == [
        ("09:00", "status", "Booking requested", "Sam"),
        ("09:00", "notification", "Message to Tina: “New session request from Sam”", "System"),
        ("09:00", "job", "Job “Send an e-mail”: done", "System"),
    ]
    assert timeline.entries[1].details == (
        ("Kind", "booking request"),
        ("In-app", "unread"),
        ("E-mail handed over", "Mon 1 Mar 2027, 09:02 (UTC+00:00)"),
        ("E-mail sent", "Mon 1 Mar 2027, 09:02 (UTC+00:00)"),
    )
    assert timeline.entries[2].details == (
        ("State", "done"),
        ("Failed attempts", "0 of 8"),
        ("Finished", "Mon 1 Mar 2027, 09:02 (UTC+00:00)"),
        ("Message", "“New session request from Sam” to Tina"),
    )


def test_an_e_mail_whose_hand_over_got_no_answer_reads_as_not_confirmed(
    kit: TimelineKit,
) -> None:
    enable_email_delivery(kit.ctx.session_factory)
    kit.mailer.script("send", OutcomeUnknown("The connection was lost after DATA."))
    booking = request(kit.glue.bookings, kit.glue.world)
    kit.clock.advance(minutes=2)
    drain(kit.glue.worker)

    timeline = kit.timeline(booking.id)

    assert timeline.entries[1].details == (
        ("Kind", "booking request"),
        ("In-app", "unread"),
        ("E-mail handed over", "Mon 1 Mar 2027, 09:02 (UTC+00:00)"),
        ("E-mail", "handed to the mail server; delivery not confirmed"),
    )
    assert rows(timeline)[2] == ("09:00", "job", "Job “Send an e-mail”: dead-lettered", "System")
    assert timeline.entries[2].details[:3] == (
        ("State", "dead-lettered"),
        ("Failed attempts", "1 of 8"),
        ("Last error", "The connection was lost after DATA."),
    )


def test_an_e_mail_still_queued_reads_as_waiting(kit: TimelineKit) -> None:
    enable_email_delivery(kit.ctx.session_factory)
    booking = request(kit.glue.bookings, kit.glue.world)

    timeline = kit.timeline(booking.id)

    assert timeline.entries[1].detail("E-mail") == "waiting to be sent"
    assert timeline.entries[2].title == "Job “Send an e-mail”: waiting"
    assert timeline.entries[2].detail("Next attempt") == "Mon 1 Mar 2027, 09:00 (UTC+00:00)"


def test_only_admins_see_a_timeline(kit: TimelineKit) -> None:
    booking_id = paid_booking(kit)
    world = kit.glue.world

    for someone in (world.student, world.teacher, world.suspended_student):
        with pytest.raises(PermissionDenied):
            kit.timelines.booking_timeline(someone, booking_id)
    with pytest.raises(NotFound):
        kit.timeline(booking_id + 100)


def test_the_number_of_queries_does_not_grow_with_the_events(
    kit: TimelineKit, engine: Engine
) -> None:
    busy = refunded_then_cancelled(kit)
    world = kit.glue.world
    quiet = request(kit.glue.bookings, world, student=world.other_student, start_at=LATER).id
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        small = kit.timeline(quiet)
        first = len(statements)
        big = kit.timeline(busy)
        second = len(statements) - first
    finally:
        event.remove(engine, "before_cursor_execute", count)

    assert len(small.entries) == 2 and len(big.entries) == len(FULL_STORY)
    assert first <= second <= 13  # one per table: more events, no more queries
    assert second - first <= 3  # only the Stripe customer and the cards are skipped when unpaid


def test_a_move_reads_as_proposed_accepted_told_and_the_meeting_moved(kit: TimelineKit) -> None:
    booking_id = paid_booking(kit)  # the meeting made at 09:21
    kit.clock.advance(minutes=30)
    world = kit.glue.world
    proposal = kit.glue.reschedules.propose_reschedule(
        world.student, booking_id, start_at=SLOT + timedelta(days=1)
    )
    kit.glue.reschedules.accept_reschedule(world.teacher, proposal.id)
    kit.clock.advance(minutes=1)
    drain(kit.glue.worker)

    timeline = kit.timeline(booking_id)

    assert rows(timeline)[-8:] == [
        ("09:51", "status", "New time proposed", "Sam"),
        ("09:51", "status", "Booking moved to a new time", "Tina"),
        ("09:51", "notification", "Message to Sam: “Session with Tina moved”", "System"),
        ("09:51", "notification", "Message to Tina: “Session with Sam moved”", "System"),
        ("09:51", "job", "Job “Send a reminder”: waiting", "System"),
        ("09:51", "job", "Job “Send a reminder”: waiting", "System"),
        ("09:51", "job", "Job “Move the meeting”: done", "System"),
        ("09:52", "meeting", "Meeting moved", "System"),
    ]
    assert entry(timeline, "Booking moved to a new time").details == (
        (
            "Starts",
            "Wed 3 Mar 2027, 10:00 (UTC+00:00) → Thu 4 Mar 2027, 10:00 (UTC+00:00)",
        ),
        ("Reason", "Proposed by the student."),
    )
    assert entry(timeline, "Meeting moved").details == (
        ("New start", "Thu 4 Mar 2027, 10:00 (UTC+00:00)"),
    )


def test_a_card_saved_on_stripe_s_page_to_pay_shows_its_setup(kit: TimelineKit) -> None:
    world = kit.glue.world
    booking = request(kit.glue.bookings, world)
    kit.clock.advance(minutes=10)
    kit.glue.bookings.confirm_booking(world.teacher, booking.id)
    kit.clock.advance(minutes=5)
    handoff = kit.cards.start_card_setup(world.student)  # cus_fake1, then cs_test_fake2
    session_id = handoff.checkout_session_id
    card = kit.gateway.card_saved_on_page(session_id)  # pm_fake3, seti_fake4
    assert kit.cards.poll_card_setup(world.student, session_id).state == "succeeded"
    kit.clock.advance(minutes=5)
    kit.payments.pay_booking(world.student, booking.id)

    timeline = kit.timeline(booking.id)

    objects = [(f"{e.at:%H:%M}", e.title) for e in timeline.entries if e.kind == "stripe_object"]
    assert objects == [
        ("09:15", "Stripe Customer cus_fake1 of Sam"),
        ("09:15", "Card setup cs_test_fake2: succeeded"),
        ("09:20", "Stripe PaymentIntent pi_fake5: succeeded"),
    ]
    setup = entry(timeline, "Card setup cs_test_fake2: succeeded")
    assert setup.details == (("State as last read", "succeeded"), ("SetupIntent", "seti_fake4"))
    assert setup.stripe is not None and not setup.stripe.can_read_again
    assert card.id == "pm_fake3"
    assert entry(timeline, "Stripe PaymentIntent pi_fake5: succeeded").detail("Card") == (
        "Visa ending 4242"
    )


def test_messages_between_the_parties_show_who_wrote_to_whom_and_whether_read(
    kit: TimelineKit,
) -> None:
    from linguaflex_desktop.services.messaging.conversations import ConversationService

    booking_id = paid_booking(kit)
    world = kit.glue.world
    conversations = ConversationService(kit.ctx)
    kit.clock.advance(minutes=5)  # 09:26
    conversations.send_message(world.student, booking_id, "Can we focus on the subjunctive?")
    kit.clock.advance(minutes=4)  # 09:30
    conversations.mark_read(world.teacher, booking_id)
    conversations.send_message(world.teacher, booking_id, "Yes!")
    messages = [e for e in kit.timeline(booking_id).entries if e.kind == "message"]
    assert [(f"{e.at:%H:%M}", e.title, e.actor, e.details) for e in messages] == [
        (
            "09:26",
            "Message from Sam to Tina",
            "Sam",
            (("Length", "32 characters"), ("Read", "read Mon 1 Mar 2027, 09:30 (UTC+00:00)")),
        ),
        (
            "09:30",
            "Message from Tina to Sam",
            "Tina",
            (("Length", "4 characters"), ("Read", "not read yet")),
        ),
    ]
