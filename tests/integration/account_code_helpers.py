"""Helpers of the account self-service tests: registered users, the code send job run by a
real OutboxWorker against a real local SMTP server (aiosmtpd), and reading the code back from
the message the server received."""

from __future__ import annotations

import re

from sqlalchemy import select

from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.models import AccountCode, AuditEvent, JobKind, Role, User
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.services.common.outbox import OutboxWorker
from linguaflex_desktop.services.messaging.account_codes import AccountCodeMailer
from tests.integration.booking_follow_up_helpers import SmtpPeer, drain

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new passphrase"
SENDER = "LinguaFlex <no-reply@linguaflex.example>"
_CODE = re.compile(r"code is (\d{6})\.")


def register(
    ctx: ServiceContext, email: str = "ana@example.com", role: Role = Role.STUDENT
) -> UserDTO:
    return AccountService(ctx).register(
        email=email, password=PASSWORD, display_name="Ana Silva", role=role, time_zone="UTC"
    )


def send_codes(ctx: ServiceContext, peer: SmtpPeer) -> int:
    """Run the queued code jobs with a real worker and SMTP; how many ran."""
    mailer = AccountCodeMailer(ctx, mailer=SmtpMailer(peer.settings), sender=SENDER)
    worker = OutboxWorker(
        ctx, {JobKind.ACCOUNT_CODE: mailer.send_code_job}, worker_id="account-code-test"
    )
    return drain(worker)


def codes_sent_to(peer: SmtpPeer, address: str) -> list[str]:
    """The codes in the messages the server received for ``address``, oldest first."""
    found = []
    for message in peer.inbox.messages():
        if message["To"] == address:
            body = message.get_body(preferencelist=("plain",))
            assert body is not None
            match = _CODE.search(body.get_content())
            assert match is not None, body.get_content()
            found.append(match.group(1))
    return found


def stored_user(ctx: ServiceContext, user_id: int) -> User:
    with ctx.unit_of_work(write=False) as uow:
        user = uow.session.get(User, user_id)
        assert user is not None
        uow.session.expunge(user)
        return user


def audit_actions(ctx: ServiceContext, user_id: int) -> list[tuple[str, int | None]]:
    """(action, actor) of every audit event about the user, oldest first."""
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.actor_id)
            .where(AuditEvent.entity_type == "user", AuditEvent.entity_id == user_id)
            .order_by(AuditEvent.id)
        ).all()
        return [(str(action), actor) for action, actor in rows]


def audit_details(ctx: ServiceContext, user_id: int, action: str) -> tuple[object, object]:
    with ctx.unit_of_work(write=False) as uow:
        row = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == user_id, AuditEvent.action == action)
        ).one()
        return row.before, row.after


def code_rows(ctx: ServiceContext) -> list[AccountCode]:
    with ctx.unit_of_work(write=False) as uow:
        rows = list(uow.session.scalars(select(AccountCode).order_by(AccountCode.id)))
        for row in rows:
            uow.session.expunge(row)
        return rows
