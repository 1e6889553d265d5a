"""``FakeMailer``: the ``Mailer`` Protocol in memory, with scripted answers.

Unscripted, ``send`` accepts the message and keeps it in ``sent``; script it with
``RetryLater`` or ``ExternalServiceError`` to play a mail server that defers or refuses.
"""

from __future__ import annotations

from email.message import EmailMessage

from linguaflex_desktop.adapters.mail import Mailer
from tests.fakes.scripted import Scripted


class FakeMailer(Scripted):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> None:
        self._script.answer("send", lambda: self.sent.append(message), message)

    def message_ids(self) -> list[str]:
        return [str(message["Message-ID"]) for message in self.sent]


# mypy proves the fake implements the Protocol; a missing or mistyped method fails here.
_implements: Mailer = FakeMailer()
