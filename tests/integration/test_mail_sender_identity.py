"""The configured sender is everywhere a notification names its origin: the From header, the
invite's ORGANIZER and the Message-ID's domain (a dotted one, else ``linguaflex.invalid``);
every message says ``Auto-Submitted: auto-generated``. Messages are read back strictly."""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import parseaddr

import pytest

from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.services.booking.events import enable_email_delivery
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.messaging.sender import FALLBACK_DOMAIN, message_domain
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    SmtpPeer,
    drain,
    make_glue,
    notifications_of,
    paid_booking,
    smtp_peer,
)
from tests.integration.test_mailer import invites

SCHOOL = "Spanish School <lessons@mail.school.example>"


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


def test_message_domain_is_the_senders_dotted_domain_else_the_reserved_fallback() -> None:
    assert message_domain("lessons@Mail.School.example") == "mail.school.example"
    assert message_domain("root@localhost") == FALLBACK_DOMAIN == "linguaflex.invalid"
    assert message_domain("no-at-sign") == FALLBACK_DOMAIN
    assert message_domain("x@bad_domain.example") == FALLBACK_DOMAIN


def test_sent_mail_names_the_configured_sender_as_from_organizer_and_message_id_domain(
    ctx: ServiceContext, smtp: SmtpPeer
) -> None:
    enable_email_delivery(ctx.session_factory)
    glue = make_glue(ctx, mailer=SmtpMailer(smtp.settings), sender=SCHOOL)
    paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    messages = smtp.inbox.messages()  # parsed with email.policy.strict
    assert messages
    calendars = []
    for message in messages:
        assert parseaddr(message["From"])[1] == "lessons@mail.school.example"
        assert message["Message-ID"].endswith("@mail.school.example>")
        assert message["Auto-Submitted"] == "auto-generated"
        calendars += invites(message)
    assert calendars  # the "paid" announcement carries the invite
    for calendar in calendars:
        [event] = calendar.walk("VEVENT")
        assert str(event["ORGANIZER"]) == "mailto:lessons@mail.school.example"
        assert event.decoded("DTSTART") == AFTER_EU_DST


def test_a_sender_without_a_dotted_domain_gives_message_ids_the_fallback_domain(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx, sender="LinguaFlex <ops@localhost>")
    paid_booking(glue, start_at=AFTER_EU_DST)
    drain(glue.worker)
    rows = notifications_of(ctx, glue.world.student.id)
    assert rows and all(row.message_id.endswith("@linguaflex.invalid>") for row in rows)
    assert any(row.ics and "ORGANIZER:mailto:ops@localhost" in row.ics for row in rows)
