"""Scripted in-memory stand-ins for the adapters' Protocols (payments gateway, meeting
provider, mailer), for service tests that need no localstripe, Zoom or SMTP server."""

from tests.fakes.mail import FakeMailer
from tests.fakes.meetings import FakeMeetingProvider
from tests.fakes.payments import FakePaymentsGateway
from tests.fakes.scripted import Call

__all__ = ["Call", "FakeMailer", "FakeMeetingProvider", "FakePaymentsGateway"]
