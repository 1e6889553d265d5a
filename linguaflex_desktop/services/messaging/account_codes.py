"""The send job of one-time account codes: makes the code, stores its digest, e-mails it.

The code is made here, on the outbox worker, as the message is written: it never sits in the
database or in a job payload, only its digest does (``AccountCode.code_digest``). A run again
after a failure makes a new code and replaces the digest, so only the last e-mail's code works;
a request older than the code lifetime is not sent at all (the user asks again). No inbox row:
a code is for the address it goes to, which for a new address is not yet the account's.
"""

from __future__ import annotations

import logging
import secrets
from email.utils import parseaddr
from typing import Any

from linguaflex_desktop.adapters.mail import Mailer, build_email
from linguaflex_desktop.errors import ConfigurationError
from linguaflex_desktop.models import AccountCode, User
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.one_time_codes import (
    CODE_LIFETIME,
    PURPOSE_EMAIL_CHANGE,
    code_digest,
    new_code,
)
from linguaflex_desktop.services.messaging.sender import DEFAULT_SENDER, message_domain
from linguaflex_desktop.texts import ENGLISH, render, tx

log = logging.getLogger(__name__)

LIFETIME_MINUTES = int(CODE_LIFETIME.total_seconds() // 60)


def code_message_text(purpose: str, code: str, language: str = ENGLISH) -> tuple[str, str]:
    """Subject and plain text of the e-mail that carries ``code``, in ``language``."""
    if purpose == PURPOSE_EMAIL_CHANGE:
        subject = tx("Confirm your new LinguaFlex e-mail address")
        lines = [
            tx("Your confirmation code is {code}.", code=code),
            "",
            tx(
                "Enter it in LinguaFlex (Account > Profile and password) to use this address "
                "for your account. It works once, for {minutes} minutes.",
                minutes=LIFETIME_MINUTES,
            ),
            "",
            tx("If you did not ask for this, ignore this e-mail: nothing changes."),
        ]
    else:
        subject = tx("Your LinguaFlex password reset code")
        lines = [
            tx("Your password reset code is {code}.", code=code),
            "",
            tx(
                "Enter it in LinguaFlex (Forgot password?) with your new password. It works "
                "once, for {minutes} minutes.",
                minutes=LIFETIME_MINUTES,
            ),
            "",
            tx("If you did not ask for this, ignore this e-mail: your password stays the same."),
        ]
    text = "\n".join(render(line, language) for line in lines) + "\n"
    return render(subject, language), text


class AccountCodeMailer:
    """Handler of ``account.code`` jobs. ``mailer`` is None when SMTP is not configured (no
    code is then ever requested; a job found anyway waits for the settings)."""

    def __init__(
        self, ctx: ServiceContext, *, mailer: Mailer | None, sender: str = DEFAULT_SENDER
    ) -> None:
        self._ctx = ctx
        self._mailer = mailer
        self._sender = sender

    def send_code_job(self, payload: dict[str, Any]) -> None:
        """Make and store a new code for the request ``payload["code_id"]`` and e-mail it;
        nothing for a request that is used, unknown, or older than the code lifetime."""
        code_id = int(payload["code_id"])
        if self._mailer is None:
            raise ConfigurationError("This worker has no SMTP settings; the code waits.")
        code = new_code()
        with self._ctx.unit_of_work() as uow:
            row = uow.session.get(AccountCode, code_id, with_for_update=True)
            now = self._ctx.now()
            if (
                row is None
                or row.user_id is None
                or row.used_at is not None
                or now - row.created_at >= CODE_LIFETIME
            ):
                return
            owner = uow.session.get(User, row.user_id)
            language = (owner.language if owner is not None else None) or ENGLISH
            subject, text = code_message_text(row.purpose, code, language)
            domain = message_domain(parseaddr(self._sender)[1])
            message = build_email(
                sender=self._sender,
                to=row.email,
                subject=subject,
                text_body=text,
                message_id=f"<account-code-{row.id}-{secrets.token_hex(8)}@{domain}>",
                date=now,
            )
            row.code_digest = code_digest(code)
            row.expires_at = now + CODE_LIFETIME
            row.failed_attempts = 0
            uow.commit()
        self._mailer.send(message)
        log.info("account code %d e-mailed", code_id)
