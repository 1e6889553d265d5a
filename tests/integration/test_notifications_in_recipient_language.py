"""Notifications written in each recipient's language: a Spanish-speaking student and an
English-speaking teacher get the same booking's messages (inbox and e-mail, with the calendar
invite) each in their own language; the account's language is set through the self-service,
which refuses a language the app does not write. Assumes resources/translations/
linguaflex_es.ts is filled (CI builds it from the final catalogue)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import AuditEvent, User
from linguaflex_desktop.services.accounts.self_service import AccountSelfService
from linguaflex_desktop.services.booking.events import enable_email_delivery
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.messaging.calendar_invite import unfold
from linguaflex_desktop.services.messaging.conversations import ConversationService
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    SmtpPeer,
    drain,
    make_glue,
    notifications_of,
    paid_booking,
    refund,
    smtp_peer,
)
from tests.integration.test_mailer import invites


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    yield from smtp_peer()


def language_of(ctx: ServiceContext, actor: Actor) -> str | None:
    with ctx.unit_of_work(write=False) as uow:
        return uow.session.scalar(select(User.language).where(User.id == actor.id))


def audit_count(ctx: ServiceContext) -> int:
    with ctx.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.count(AuditEvent.id))) or 0)


def test_spanish_student_and_english_teacher_each_read_their_own_language(
    ctx: ServiceContext, smtp: SmtpPeer
) -> None:
    enable_email_delivery(ctx.session_factory)
    glue = make_glue(ctx, mailer=SmtpMailer(smtp.settings))
    w = glue.world
    AccountSelfService(ctx, email_codes=False).set_language(w.student, "es")
    booking = paid_booking(glue, start_at=AFTER_EU_DST)  # confirmed, then paid
    drain(glue.worker)
    refund(glue, booking.id, reason="Teacher ill")
    drain(glue.worker)

    student = {row.kind: row for row in notifications_of(ctx, w.student)}
    teacher = {row.kind: row for row in notifications_of(ctx, w.teacher)}
    assert set(student) == {"confirmed", "paid", "refunded"}
    assert set(teacher) == {"requested", "paid", "refunded"}

    confirmed = student["confirmed"]
    assert confirmed.subject == "Tina ha confirmado tu clase: paga ahora"
    assert confirmed.body_text.startswith("Hola, Sam:\n\nTina ha confirmado tu clase.")
    assert "52,50 USD" in confirmed.body_text
    assert "Cuándo: lun 29 mar 2027, 09:00 EDT (America/New_York) hasta las 10:00 EDT" in (
        confirmed.body_text
    )
    assert student["paid"].subject == "Clase con Tina reservada"
    assert "Tu pago de 52,50 USD se ha completado." in student["paid"].body_text
    assert "Enlace de la reunión: https://" in student["paid"].body_text
    refunded = student["refunded"]
    assert refunded.subject == "Clase con Tina cancelada y reembolsada"
    assert "Tu pago de 52,50 USD está reembolsado." in refunded.body_text
    assert "Motivo: Teacher ill." in refunded.body_text  # what a person wrote stays as written
    for row in student.values():
        assert "Hello" not in row.body_text and "Session:" not in row.body_text
        assert row.body_html is None or "Hola, Sam:" in row.body_html

    assert teacher["requested"].subject == "New session request from Sam"
    assert teacher["paid"].subject == "Session with Sam is booked"
    assert teacher["paid"].body_text.startswith("Hello Tina,\n\nSam paid for the session.")
    assert "Mon 29 Mar 2027, 15:00 CEST (Europe/Berlin) to 16:00 CEST" in (
        teacher["paid"].body_text
    )
    assert teacher["refunded"].subject == "Session with Sam cancelled and refunded"

    # each invite in its reader's language, same event for both
    student_ics, teacher_ics = unfold(student["paid"].ics or ""), unfold(teacher["paid"].ics or "")
    assert "DESCRIPTION:Una clase de idiomas de LinguaFlex.\\nUnirse: https://" in "\n".join(
        student_ics
    )
    assert any(
        line.startswith("DESCRIPTION:A LinguaFlex language session.") for line in teacher_ics
    )
    assert [line for line in student_ics if line.startswith("UID:")] == [
        line for line in teacher_ics if line.startswith("UID:")
    ]
    assert "METHOD:CANCEL" in unfold(student["refunded"].ics or "")

    # the e-mails: parsed with email.policy.strict and icalendar (Inbox.messages)
    mails = smtp.inbox.messages()
    to_sam = {m["Subject"]: m for m in mails if m["To"] == "sam@example.com"}
    assert set(to_sam) == {row.subject for row in student.values()}
    paid_mail = to_sam["Clase con Tina reservada"]
    plain = paid_mail.get_body(preferencelist=("plain",))
    assert plain is not None
    assert plain.get_content().replace("\r\n", "\n").rstrip("\n") == student["paid"].body_text
    html = paid_mail.get_body(preferencelist=("html",))
    assert html is not None and "Tu pago de 52,50 USD se ha completado." in html.get_content()
    (calendar,) = invites(paid_mail)
    (event,) = calendar.walk("VEVENT")
    assert str(event["DESCRIPTION"]).startswith("Una clase de idiomas de LinguaFlex.\nUnirse: ")
    to_tina = {m["Subject"] for m in mails if m["To"] == "tina@example.com"}
    assert "Session with Sam is booked" in to_tina


def test_the_language_setter_refuses_a_language_the_app_does_not_write(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx)
    own = AccountSelfService(ctx, email_codes=False)
    student = glue.world.student
    own.set_language(student, "es")
    before = audit_count(ctx)
    with pytest.raises(ValidationError) as refused:
        own.set_language(student, "fr")
    assert str(refused.value) == "LinguaFlex writes in English (en) or Spanish (es), not 'fr'."
    assert language_of(ctx, student) == "es" and audit_count(ctx) == before


def test_setting_the_same_language_changes_nothing_and_a_change_is_audited(
    ctx: ServiceContext,
) -> None:
    glue = make_glue(ctx)
    own = AccountSelfService(ctx, email_codes=False)
    teacher = glue.world.teacher
    before = audit_count(ctx)
    own.set_language(teacher, "en")  # no language recorded yet reads as English
    assert language_of(ctx, teacher) is None and audit_count(ctx) == before
    own.set_language(teacher, "es")
    assert language_of(ctx, teacher) == "es" and audit_count(ctx) == before + 1
    own.set_language(teacher, "es")
    assert audit_count(ctx) == before + 1


def test_a_new_message_notice_is_written_in_the_readers_language(ctx: ServiceContext) -> None:
    glue = make_glue(ctx)
    w = glue.world
    AccountSelfService(ctx, email_codes=False).set_language(w.teacher, "es")
    booking = paid_booking(glue, start_at=AFTER_EU_DST)
    chat = ConversationService(ctx)
    chat.send_message(w.student, booking.id, "Hello! Can we focus on grammar?")
    chat.send_message(w.teacher, booking.id, "Sure.")
    to_teacher = notifications_of(ctx, w.teacher)[-1]
    assert to_teacher.kind == "message" and to_teacher.subject == "Nuevo mensaje de Sam"
    assert to_teacher.body_text.startswith(
        "Hola, Tina:\n\nSam ha escrito sobre tu clase 'Conversational German' "
        "(lun 29 mar 2027, 15:00 CEST (Europe/Berlin) hasta las 16:00 CEST):\n\n"
        "> Hello! Can we focus on grammar?\n\nResponde en LinguaFlex:"
    )
    to_student = notifications_of(ctx, w.student)[-1]
    assert to_student.subject == "New message from Tina"
    assert to_student.body_text.startswith("Hello Sam,\n\nTina wrote about your session")
