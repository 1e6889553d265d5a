"""SmtpMailer against a real aiosmtpd server: plain relay, STARTTLS and implicit TLS with a
self-signed certificate (refused without its CA, accepted with it), AUTH, transient and permanent
refusals; build_email's structure and its refusal of header injection."""

from __future__ import annotations

import email.policy
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import icalendar
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from linguaflex_desktop.adapters.mail import SmtpMailer, build_email
from linguaflex_desktop.config import SmtpSettings
from linguaflex_desktop.errors import (
    ConfigurationError,
    ExternalServiceError,
    OutcomeUnknown,
    RetryLater,
    ValidationError,
)
from linguaflex_desktop.services.messaging.calendar_invite import build_ics
from tests.conftest import missing_peer

USERNAME = "mailer"
PASSWORD = "s3cret-smtp-password"

ICS = build_ics(
    uid="booking-1@linguaflex.local",
    sequence=0,
    method="REQUEST",
    start_at=datetime(2027, 3, 20, 15, 0, tzinfo=UTC),
    end_at=datetime(2027, 3, 20, 16, 0, tzinfo=UTC),
    summary="Spanish B1, with Ana; " + "long " * 20,
    description="Join here",
    location_url="https://meet.jit.si/LinguaFlex-abc",
    organizer_email="no-reply@linguaflex.local",
    attendee_emails=["student@example.com"],
    now=datetime(2027, 3, 1, 9, 0, tzinfo=UTC),
)


# --- peers ----------------------------------------------------------------------------------


@dataclass
class TlsFiles:
    cert: Path
    key: Path


def _write_with_cryptography(cert_path: Path, key_path: Path) -> bool:
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        return False
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return True


def _write_with_openssl(cert_path: Path, key_path: Path) -> None:
    if shutil.which("openssl") is None:
        missing_peer("neither the cryptography package nor openssl is available")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", str(key_path), "-out", str(cert_path),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    folder = tmp_path_factory.mktemp("smtp-tls")
    files = TlsFiles(cert=folder / "cert.pem", key=folder / "key.pem")
    if not _write_with_cryptography(files.cert, files.key):
        _write_with_openssl(files.cert, files.key)
    return files


def server_context(files: TlsFiles) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(files.cert), str(files.key))
    return context


@dataclass
class Inbox:
    """aiosmtpd handler: keeps what it receives; can answer RCPT or DATA with a scripted reply."""

    envelopes: list[Envelope] = field(default_factory=list)
    rcpt_reply: str | None = None
    data_reply: str | None = None

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.data_reply:
            return self.data_reply
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages(self) -> list[EmailMessage]:
        """Every received message, parsed with ``email.policy.strict`` (a defect raises); every
        calendar part is read with the icalendar package too (``invites``)."""
        parsed = []
        for envelope in self.envelopes:
            raw = envelope.original_content or envelope.content
            assert isinstance(raw, bytes)
            message = BytesParser(policy=email.policy.strict).parsebytes(raw)
            assert isinstance(message, EmailMessage)
            invites(message)
            parsed.append(message)
        return parsed


def invites(message: EmailMessage) -> list[icalendar.Calendar]:
    """The message's calendar parts as the icalendar package reads them."""
    calendars = []
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            data = part.get_payload(decode=True)
            assert isinstance(data, bytes)
            calendars.append(icalendar.Calendar.from_ical(data.decode("utf-8")))
    return calendars


def authenticator(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USERNAME.encode(),
        PASSWORD.encode(),
    )
    # handled=False: aiosmtpd then answers "535" itself (its default, True, sends nothing).
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


ServerFactory = Callable[..., tuple[Inbox, SmtpSettings]]


@pytest.fixture
def smtp_server() -> Iterator[ServerFactory]:
    controllers: list[Controller] = []

    def start(**smtp_options: Any) -> tuple[Inbox, SmtpSettings]:
        inbox = Inbox()
        port = free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **smtp_options)
        controller.start()
        controllers.append(controller)
        settings = SmtpSettings(host="127.0.0.1", port=port, security="plain")
        return inbox, settings

    yield start
    for controller in controllers:
        controller.stop()


def notification(**changes: Any) -> EmailMessage:
    values: dict[str, Any] = {
        "sender": "LinguaFlex <no-reply@linguaflex.local>",
        "to": "student@example.com",
        "subject": "Your Spanish session is booked — Ana",
        "text_body": "Join at https://meet.jit.si/LinguaFlex-abc",
        "html_body": "<p>Join <a href='https://meet.jit.si/LinguaFlex-abc'>here</a></p>",
        "message_id": "<booking-1-paid-student@linguaflex.local>",
        "ics": ICS,
    }
    values.update(changes)
    return build_email(**values)


# --- sending --------------------------------------------------------------------------------


def test_plain_relay_delivers_text_html_and_the_invite_intact(
    smtp_server: ServerFactory,
) -> None:
    inbox, settings = smtp_server()
    SmtpMailer(settings).send(notification())
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "no-reply@linguaflex.local"
    assert envelope.rcpt_tos == ["student@example.com"]
    (received,) = inbox.messages()
    assert received["Message-ID"] == "<booking-1-paid-student@linguaflex.local>"
    assert received["Subject"] == "Your Spanish session is booked — Ana"
    assert received.get_content_type() == "multipart/mixed"
    body = received.get_body(preferencelist=("plain",))
    html = received.get_body(preferencelist=("html",))
    assert body is not None and "LinguaFlex-abc" in body.get_content()
    assert html is not None and "<a href" in html.get_content()
    (invite,) = [part for part in received.iter_attachments()]
    [calendar] = invites(received)
    [event] = calendar.walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:no-reply@linguaflex.local"
    assert received["Auto-Submitted"] == "auto-generated"
    assert invite.get_content_type() == "text/calendar"
    assert invite.get_param("method") == "REQUEST"
    assert invite.get_payload(decode=True) == ICS.encode("utf-8")  # CRLF and folding kept


GERMAN = "Grüße von Ana — bis Donnerstag! Ünïcödé in the body."


def test_server_offering_8bitmime_gets_8bit_bodies_declared_on_mail_from(
    smtp_server: ServerFactory,
) -> None:
    inbox, settings = smtp_server()  # aiosmtpd offers 8BITMIME unless it decodes data
    SmtpMailer(settings).send(notification(text_body=GERMAN))
    (envelope,) = inbox.envelopes
    assert "BODY=8BITMIME" in envelope.mail_options
    (received,) = inbox.messages()
    body = received.get_body(preferencelist=("plain",))
    assert body is not None and body["Content-Transfer-Encoding"] == "8bit"
    assert body.get_content().splitlines() == [GERMAN]
    assert received["Auto-Submitted"] == "auto-generated"


def test_server_without_8bitmime_gets_quoted_printable_and_no_body_parameter(
    smtp_server: ServerFactory,
) -> None:
    inbox, settings = smtp_server(decode_data=True)  # then aiosmtpd leaves 8BITMIME out
    message = notification(text_body=GERMAN, html_body=f"<p>{GERMAN}</p>")
    SmtpMailer(settings).send(message)
    (envelope,) = inbox.envelopes
    assert not any(option.upper().startswith("BODY=") for option in envelope.mail_options)
    raw = envelope.original_content
    assert isinstance(raw, bytes) and max(raw) < 0x80  # 7-bit on the wire
    (received,) = inbox.messages()
    plain = received.get_body(preferencelist=("plain",))
    html = received.get_body(preferencelist=("html",))
    assert plain is not None and plain["Content-Transfer-Encoding"] == "quoted-printable"
    assert plain.get_content().splitlines() == [GERMAN]
    assert html is not None and GERMAN in html.get_content()
    [calendar] = invites(received)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert message.get_body(preferencelist=("plain",))["Content-Transfer-Encoding"] == "8bit"


def test_resending_after_a_crash_carries_the_same_message_id(smtp_server: ServerFactory) -> None:
    inbox, settings = smtp_server()
    mailer = SmtpMailer(settings)
    mailer.send(notification())
    mailer.send(notification())  # the worker died before marking the first send
    ids = [message["Message-ID"] for message in inbox.messages()]
    assert ids == ["<booking-1-paid-student@linguaflex.local>"] * 2


def test_starttls_refuses_a_self_signed_certificate_without_its_ca(
    smtp_server: ServerFactory, tls_files: TlsFiles
) -> None:
    inbox, settings = smtp_server(tls_context=server_context(tls_files), require_starttls=True)
    mailer = SmtpMailer(replace(settings, security="starttls"))
    with pytest.raises(ExternalServiceError, match="certificate could not be verified") as caught:
        mailer.send(notification())
    assert not isinstance(caught.value, RetryLater)
    assert "SMTP_CA_FILE" in str(caught.value)
    assert inbox.envelopes == []


def test_starttls_with_the_ca_file_delivers(
    smtp_server: ServerFactory, tls_files: TlsFiles
) -> None:
    # require_starttls: the server itself refuses MAIL before TLS, so delivery proves TLS ran.
    inbox, settings = smtp_server(tls_context=server_context(tls_files), require_starttls=True)
    SmtpMailer(replace(settings, security="starttls", ca_file=str(tls_files.cert))).send(
        notification()
    )
    assert len(inbox.envelopes) == 1


def test_starttls_never_falls_back_to_clear_text(smtp_server: ServerFactory) -> None:
    inbox, settings = smtp_server()  # offers no STARTTLS
    with pytest.raises(ExternalServiceError, match="does not offer STARTTLS"):
        SmtpMailer(replace(settings, security="starttls")).send(notification())
    assert inbox.envelopes == []


def test_implicit_tls_refuses_unknown_ca_and_accepts_with_ca_file(
    smtp_server: ServerFactory, tls_files: TlsFiles
) -> None:
    inbox, settings = smtp_server(ssl_context=server_context(tls_files))
    tls = replace(settings, security="tls")
    with pytest.raises(ExternalServiceError, match="certificate"):
        SmtpMailer(tls).send(notification())
    SmtpMailer(replace(tls, ca_file=str(tls_files.cert))).send(notification())
    assert len(inbox.envelopes) == 1


def test_authentication_with_the_right_password_delivers(
    smtp_server: ServerFactory, tls_files: TlsFiles
) -> None:
    inbox, settings = smtp_server(
        tls_context=server_context(tls_files),
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )
    secure = replace(settings, security="starttls", ca_file=str(tls_files.cert))
    SmtpMailer(replace(secure, username=USERNAME, password=PASSWORD)).send(notification())
    assert len(inbox.envelopes) == 1


def test_wrong_password_or_no_login_is_refused_without_showing_the_password(
    smtp_server: ServerFactory, tls_files: TlsFiles
) -> None:
    inbox, settings = smtp_server(
        tls_context=server_context(tls_files),
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )
    secure = replace(settings, security="starttls", ca_file=str(tls_files.cert))
    wrong = SmtpMailer(replace(secure, username=USERNAME, password="not-" + PASSWORD))
    with pytest.raises(ExternalServiceError, match="username or password") as caught:
        wrong.send(notification())
    assert PASSWORD not in str(caught.value) and PASSWORD not in repr(wrong)
    with pytest.raises(ExternalServiceError, match="530"):
        SmtpMailer(secure).send(notification())  # the server requires AUTH
    assert inbox.envelopes == []


def test_temporary_refusal_is_retried_later_and_permanent_is_an_error(
    smtp_server: ServerFactory,
) -> None:
    inbox, settings = smtp_server()
    inbox.rcpt_reply = "451 4.3.0 Mailbox busy, try again"
    with pytest.raises(RetryLater, match="451"):
        SmtpMailer(settings).send(notification())
    inbox.rcpt_reply = "550 5.1.1 No such user"
    with pytest.raises(ExternalServiceError, match="550") as caught:
        SmtpMailer(settings).send(notification())
    assert not isinstance(caught.value, RetryLater)


def test_connection_refused_is_retried_later() -> None:
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), security="plain")
    with pytest.raises(RetryLater, match="could not be reached"):
        SmtpMailer(settings).send(notification())


def test_silent_server_times_out_and_is_retried_later() -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        settings = SmtpSettings(host="127.0.0.1", port=port, security="plain")
        with pytest.raises(RetryLater):
            SmtpMailer(settings, timeout=0.3).send(notification())


def _server_that_hangs_up(after: bytes) -> tuple[socket.socket, threading.Thread]:
    """A one-shot SMTP server that answers until the client sends ``after``, then closes the
    connection without answering it (a crash or a network cut at that moment)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve() -> None:
        connection, _ = listener.accept()
        with connection, connection.makefile("rb") as lines:
            connection.sendall(b"220 hangs-up.test ESMTP\r\n")
            in_data = False
            for line in lines:
                if in_data:
                    if line == b".\r\n":
                        in_data = False
                        if after == b".":
                            return
                        connection.sendall(b"250 queued\r\n")
                    continue
                if line.upper().startswith(after):
                    return
                verb = line[:4].upper()
                if verb == b"EHLO":
                    connection.sendall(b"250-hangs-up.test\r\n250 8BITMIME\r\n")
                elif verb == b"DATA":
                    in_data = True
                    connection.sendall(b"354 go ahead\r\n")
                elif verb == b"QUIT":
                    connection.sendall(b"221 bye\r\n")
                    return
                else:
                    connection.sendall(b"250 ok\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener, thread


def test_a_connection_lost_after_the_message_data_is_an_unknown_outcome() -> None:
    listener, thread = _server_that_hangs_up(after=b".")
    with listener:
        settings = SmtpSettings(host="127.0.0.1", port=listener.getsockname()[1], security="plain")
        with pytest.raises(OutcomeUnknown, match="may have been delivered"):
            SmtpMailer(settings, timeout=5).send(notification())
    thread.join(5)


@pytest.mark.parametrize("after", [b"MAIL FROM", b"RCPT TO"])
def test_a_connection_lost_before_the_message_data_is_retried_later(after: bytes) -> None:
    listener, thread = _server_that_hangs_up(after=after)
    with listener:
        settings = SmtpSettings(host="127.0.0.1", port=listener.getsockname()[1], security="plain")
        with pytest.raises(RetryLater) as caught:
            SmtpMailer(settings, timeout=5).send(notification())
        assert not isinstance(caught.value, OutcomeUnknown)
    thread.join(5)


def test_a_refusal_of_the_message_data_is_not_an_unknown_outcome(
    smtp_server: ServerFactory,
) -> None:
    inbox, settings = smtp_server()
    inbox.data_reply = "554 5.6.0 Message refused"
    with pytest.raises(ExternalServiceError, match="554") as caught:
        SmtpMailer(settings).send(notification())
    assert not isinstance(caught.value, OutcomeUnknown | RetryLater)


def test_unknown_security_mode_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="starttls, tls or plain"):
        SmtpMailer(SmtpSettings(host="127.0.0.1", security="ssl-maybe"))
    with pytest.raises(ConfigurationError):
        SmtpMailer(SmtpSettings())


# --- building -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"subject": "Hello\r\nBcc: victim@example.com"},
        {"subject": "Hello\nBcc: victim@example.com"},
        {"to": "student@example.com\r\nBcc: victim@example.com"},
        {"to": ["ok@example.com", "x@example.com\nBcc: victim@example.com"]},
        {"sender": "LinguaFlex <no-reply@linguaflex.local>\rBcc: v@example.com"},
        {"message_id": "<a@b>\r\nBcc: victim@example.com"},
    ],
)
def test_header_injection_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        notification(**changes)


@pytest.mark.parametrize(
    "changes",
    [
        {"to": []},
        {"to": "not an address"},
        {"to": "a@example.com, b@example.com"},
        {"message_id": "no-at-sign"},
        {"ics_method": "PUBLISH"},
    ],
)
def test_malformed_fields_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        notification(**changes)


def test_message_without_html_or_invite_is_plain_text_with_a_stable_id() -> None:
    message = notification(html_body=None, ics=None, message_id="reminder-24h-1@linguaflex.local")
    assert message.get_content_type() == "text/plain"
    assert message["Message-ID"] == "<reminder-24h-1@linguaflex.local>"
    assert message["Date"]


def test_text_and_html_without_invite_are_alternatives() -> None:
    message = notification(ics=None)
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]


def test_cancellation_invite_says_method_cancel() -> None:
    message = notification(ics_method="cancel")
    (invite,) = list(message.iter_attachments())
    assert invite.get_param("method") == "CANCEL"
    assert invite.get_filename() == "cancel.ics"
