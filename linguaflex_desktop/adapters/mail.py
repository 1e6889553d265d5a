"""E-mail: building notification messages and sending them over SMTP with verified TLS.

``build_email`` makes a text (+ HTML) message with a caller-given, stable Message-ID (a resend
after a crash carries the same id) and an optional .ics invitation; it refuses header
injection; every message says ``Auto-Submitted: auto-generated`` (RFC 3834) so that
responders do not answer it. ``SmtpMailer`` sends with the standard library and a verifying
TLS context (``ssl.create_default_context``; smtplib verifies nothing without one, cpython
issue 91826):
``security="starttls"`` (never falls back to clear text), ``"tls"`` (implicit TLS) or
``"plain"`` (only when configured, for a local relay). 8-bit bodies go out only to a server
that offers 8BITMIME, declared with ``BODY=8BITMIME`` on MAIL FROM (RFC 6152); any other
server gets them quoted-printable.

Errors: ``RetryLater`` for what may pass (connection refused, timeouts, 4xx replies),
``ExternalServiceError`` for what needs a person (certificate, credentials, 5xx replies).
Blocking I/O: call from a worker thread. The SMTP password is never logged.
"""

from __future__ import annotations

import copy
import logging
import quopri
import re
import smtplib
import ssl
from collections.abc import Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses
from typing import Any, NoReturn, Protocol

from linguaflex_desktop.config import SmtpSettings
from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    OutcomeUnknown,
    RetryLater,
    ValidationError,
)
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

SECURITY_MODES = ("starttls", "tls", "plain")
DEFAULT_TIMEOUT_SECONDS = 30.0
ICS_METHODS = ("REQUEST", "CANCEL")
_MESSAGE_ID = re.compile(r"^<[^<>\s@]+@[^<>\s@]+>$")


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None:
        """Hand the message to the mail system; raise RetryLater or ExternalServiceError."""
        ...


def build_email(
    *,
    sender: str,
    to: str | Sequence[str],
    subject: str,
    text_body: str,
    html_body: str | None = None,
    message_id: str,
    ics: str | None = None,
    ics_method: str = "REQUEST",
    date: datetime | None = None,
) -> EmailMessage:
    """A message ready for ``Mailer.send``: text/plain (+ text/html) alternatives, and the
    .ics as a ``text/calendar; method=...`` attachment. ValidationError on CR/LF in a header
    value, a malformed address or Message-ID, or an unknown calendar method."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        raise ValidationError("An e-mail needs at least one recipient.")
    message_id = message_id if message_id.startswith("<") else f"<{message_id}>"
    for name, value in [("From", sender), ("Subject", subject), ("Message-ID", message_id)] + [
        ("To", recipient) for recipient in recipients
    ]:
        _check_header(name, value)
    for address in [sender, *recipients]:
        _check_address(address)
    if not _MESSAGE_ID.match(message_id):
        raise ValidationError(f"A Message-ID looks like <unique@domain>, not {message_id!r}.")
    method = ics_method.upper()
    if method not in ICS_METHODS:
        raise ValidationError(f"Calendar method must be REQUEST or CANCEL, not {ics_method!r}.")

    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message["Date"] = format_datetime((date or datetime.now(UTC)).astimezone(UTC))
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text_body)
    if html_body is not None:
        message.add_alternative(html_body, subtype="html")
    if ics is not None:
        message.add_attachment(
            ics.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            filename="invite.ics" if method == "REQUEST" else "cancel.ics",
            params={"method": method, "charset": "utf-8"},
        )
    return message


def _check_header(name: str, value: str) -> None:
    if "\r" in value or "\n" in value or "\x00" in value:
        raise ValidationError(f"The {name} header may not contain line breaks.")


def _check_address(value: str) -> None:
    parsed = getaddresses([value])
    if len(parsed) != 1 or "@" not in parsed[0][1] or " " in parsed[0][1]:
        raise ValidationError(f"Not a single e-mail address: {value!r}.")


class SmtpMailer:
    """Sends each message on its own SMTP connection (notifications are few)."""

    def __init__(self, settings: SmtpSettings, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        if not settings.host:
            raise ConfigurationError(tx("SMTP is not configured (SMTP_HOST)."))
        if settings.security not in SECURITY_MODES:
            raise ConfigurationError(
                tx(
                    "SMTP security must be starttls, tls or plain, not {security}.",
                    security=repr(settings.security),
                )
            )
        self._settings = settings
        self._timeout = timeout

    def __repr__(self) -> str:
        s = self._settings
        return f"SmtpMailer({s.host}:{s.port}, security={s.security}, user={s.username!r})"

    def send(self, message: EmailMessage) -> None:
        """Deliver ``message`` to the server. Runs on the calling (worker) thread.

        A lost connection or a timeout once the message data has started to go out (before
        the server's final answer) raises ``OutcomeUnknown``: the server may have accepted the
        message, so sending it again could deliver it twice. A failure before that, or the
        server's own refusal, proves it was not accepted (RetryLater / ExternalServiceError)."""
        session = _Delivery()
        try:
            refused = self._deliver(message, session)
        except smtplib.SMTPResponseException as error:  # the server answered: not accepted
            _raise_failure(error)
        except OSError as error:  # smtplib's own errors are OSErrors too
            if session.data_started:
                raise OutcomeUnknown(
                    tx(
                        "The connection to the mail server was lost while it received the "
                        "message ({error}); it may have been delivered.",
                        error=type(error).__name__,
                    )
                ) from None
            _raise_failure(error)
        if refused:
            _raise_refused(refused)
        log.info("e-mail %s handed to %s", message.get("Message-ID"), self._settings.host)

    def _deliver(self, message: EmailMessage, session: _Delivery) -> dict[str, tuple[int, bytes]]:
        with self._connect(session) as smtp:
            if self._settings.username:
                smtp.login(self._settings.username, self._settings.password or "")
            smtp.ehlo_or_helo_if_needed()
            if smtp.has_extn("8bitmime"):
                return smtp.send_message(message, mail_options=["BODY=8BITMIME"])
            return smtp.send_message(seven_bit(message))

    def _connect(self, session: _Delivery) -> smtplib.SMTP:
        s = self._settings
        host = s.host or ""
        if s.security == "tls":
            tls = _TrackedSMTPSSL(host, s.port, timeout=self._timeout, context=self._context())
            tls.delivery = session
            return tls
        smtp = _TrackedSMTP(host, s.port, timeout=self._timeout)
        smtp.delivery = session
        try:
            if s.security == "starttls":
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise ExternalServiceError(
                        tx("The mail server does not offer STARTTLS; not sending in clear text.")
                    )
                smtp.starttls(context=self._context())
                smtp.ehlo()
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self._settings.ca_file)


class _Delivery:
    """What one ``send`` got to: whether message data started to go to the server."""

    data_started = False


class _TrackedSMTP(smtplib.SMTP):
    """``smtplib.SMTP`` that notes in ``delivery`` when the DATA phase begins."""

    delivery: _Delivery | None = None

    def data(self, msg: Any) -> tuple[int, bytes]:
        if self.delivery is not None:
            self.delivery.data_started = True
        return super().data(msg)


class _TrackedSMTPSSL(smtplib.SMTP_SSL, _TrackedSMTP):
    """``smtplib.SMTP_SSL`` with ``_TrackedSMTP.data``."""


def seven_bit(message: EmailMessage) -> EmailMessage:
    """A copy whose 8-bit parts are quoted-printable, for a server without 8BITMIME."""
    copied = copy.deepcopy(message)
    for part in copied.walk():
        if part.is_multipart() or part.get("Content-Transfer-Encoding", "").lower() != "8bit":
            continue
        data = part.get_payload(decode=True)
        assert isinstance(data, bytes)
        del part["Content-Transfer-Encoding"]
        part.set_payload(quopri.encodestring(data).decode("ascii"))
        part["Content-Transfer-Encoding"] = "quoted-printable"
    return copied


def _raise_failure(failure: BaseException) -> NoReturn:
    """Map an SMTP or network failure that proves the message was not accepted."""
    try:
        raise failure
    except ssl.SSLCertVerificationError as error:
        raise ExternalServiceError(
            tx(
                "The mail server's certificate could not be verified ({reason}). If it uses a "
                "private certificate authority, set SMTP_CA_FILE to that authority's certificate.",
                reason=error.verify_message or error.reason,
            )
        ) from None
    except ssl.SSLError as error:
        raise ExternalServiceError(
            tx("TLS with the mail server failed ({reason}).", reason=error.reason)
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        _raise_refused(error.recipients)
    except smtplib.SMTPAuthenticationError as error:
        if 400 <= error.smtp_code < 500:
            raise RetryLater(None, tx("The mail server cannot check credentials now.")) from None
        raise ExternalServiceError(
            tx("The mail server refused the SMTP username or password.")
        ) from None
    except smtplib.SMTPResponseException as error:
        _raise_reply(error.smtp_code, error.smtp_error)
    except smtplib.SMTPServerDisconnected:
        raise RetryLater(None, tx("The mail server closed the connection.")) from None
    except smtplib.SMTPException as error:
        raise ExternalServiceError(
            tx("The mail server could not be used: {error}", error=str(error))
        ) from None
    except OSError as error:  # refused, reset, unreachable, timed out
        raise RetryLater(
            None, tx("The mail server could not be reached ({error}).", error=type(error).__name__)
        ) from None


def _raise_reply(code: int, text: bytes | str) -> NoReturn:
    detail = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    if 400 <= code < 500:
        raise RetryLater(
            None,
            tx("The mail server asked to try later ({code} {detail}).", code=code, detail=detail),
        )
    raise ExternalServiceError(
        tx("The mail server refused the message ({code} {detail}).", code=code, detail=detail)
    )


def _raise_refused(recipients: dict[str, tuple[int, bytes]]) -> NoReturn:
    codes = sorted({code for code, _ in recipients.values()})
    details = "; ".join(
        f"{code} {text.decode('utf-8', 'replace')}" for code, text in recipients.values()
    )
    if all(400 <= code < 500 for code in codes):
        raise RetryLater(
            None,
            tx(
                "The mail server deferred {count} recipient(s): {details}",
                count=len(recipients),
                details=details,
            ),
        )
    raise ExternalServiceError(
        tx(
            "The mail server refused {count} recipient(s): {details}",
            count=len(recipients),
            details=details,
        )
    )
