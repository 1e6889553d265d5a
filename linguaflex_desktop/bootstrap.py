"""Builds the object graph from Settings: engine, session factory, gateways, services.

Nothing happens at import time; ``build_app_services`` is called once by the app or the CLI.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from .config import Settings
from .db import check_connection, create_app_engine, create_session_factory, upgrade_schema
from .services.account_service import AccountService
from .services.availability_service import AvailabilityService
from .services.booking_quote import BookingQuoteService
from .services.booking_service import BookingService
from .services.catalogue_service import CatalogueService
from .services.context import Clock, ServiceContext, system_clock
from .services.job_admin import JobAdminService
from .services.meeting_service import MeetingService
from .services.notification_service import NotificationService
from .services.remember_me import RememberMeStore
from .services.report_service import ReportService
from .services.secret_store import SecretStore
from .services.settings_service import SettingsFile, SettingsService, apply_stored_settings
from .services.worker_runtime import (
    configure_email_delivery,
    meeting_service_for,
    notification_service_for,
)

if TYPE_CHECKING:
    from .services.card_service import CardService
    from .services.payment_service import PaymentService
    from .services.payments_gateway import PaymentsGateway
    from .services.stripe_sandbox import StripeSandbox

log = logging.getLogger(__name__)


@dataclass
class PaymentServices:
    """The Stripe side, started on first use: the gateway (the in-process sandbox when no
    keys are configured), one loopback page server shared by card setup and 3-D Secure, the
    card and payment services."""

    gateway: PaymentsGateway
    sandbox: StripeSandbox | None
    cards: CardService
    payments: PaymentService

    def close(self) -> None:
        self.cards.close()
        self.payments.close()
        if self.sandbox is not None:
            self.sandbox.stop()


def build_payment_services(settings: Settings, ctx: ServiceContext) -> PaymentServices:
    """Start the gateway (sandbox mode without keys) and wire the card and payment services."""
    from .services.card_page_server import CardPageServer
    from .services.card_service import CardService
    from .services.payment_service import PaymentService
    from .services.payments_gateway import open_payments_gateway

    gateway, sandbox = open_payments_gateway(settings)
    pages = CardPageServer.for_gateway(gateway)
    log.info("payments: %s", "sandbox (localstripe)" if gateway.is_sandbox else "Stripe")
    return PaymentServices(
        gateway=gateway,
        sandbox=sandbox,
        cards=CardService(ctx, gateway, lambda: pages),
        payments=PaymentService(ctx, gateway, page_server_factory=lambda: pages),
    )


@dataclass
class AppServices:
    """Everything the UI and the CLI talk to. Services are thread-safe: each call opens its
    own Session on the calling thread."""

    settings: Settings
    engine: Engine
    ctx: ServiceContext
    accounts: AccountService
    catalogue: CatalogueService
    remember_me: RememberMeStore
    bookings: BookingService
    availability: AvailabilityService
    quotes: BookingQuoteService
    settings_service: SettingsService
    notifications: NotificationService
    meetings: MeetingService
    job_admin: JobAdminService
    reports: ReportService
    _payment_services: PaymentServices | None = field(default=None, repr=False)
    _payment_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def payment_services(self) -> PaymentServices:
        """The Stripe side, started on first use (thread-safe)."""
        with self._payment_lock:
            if self._payment_services is None:
                self._payment_services = build_payment_services(self.settings, self.ctx)
            return self._payment_services

    @property
    def payments_gateway(self) -> PaymentsGateway:
        return self.payment_services.gateway

    @property
    def cards(self) -> CardService:
        return self.payment_services.cards

    @property
    def payments(self) -> PaymentService:
        return self.payment_services.payments

    def close(self) -> None:
        with self._payment_lock:
            payment_services, self._payment_services = self._payment_services, None
        if payment_services is not None:
            payment_services.close()
        self.engine.dispose()


def build_app_services(
    settings: Settings, *, clock: Clock = system_clock, migrate: bool = True
) -> AppServices:
    """Connect (clear DatabaseUnavailable if not possible), migrate, and wire the services.

    ``settings`` is first completed from settings.json and the keyring (the environment wins).
    """
    secret_store = SecretStore()
    settings_file = SettingsFile.in_data_dir(settings.data_dir)
    settings = apply_stored_settings(settings, secret_store=secret_store, file=settings_file)
    engine = create_app_engine(settings.database_url)
    check_connection(engine)
    if migrate:
        upgrade_schema(engine)
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    log.info("database ready at %s", settings.describe_database())
    services = AppServices(
        settings=settings,
        engine=engine,
        ctx=ctx,
        accounts=AccountService(ctx),
        catalogue=CatalogueService(ctx),
        remember_me=RememberMeStore(),
        bookings=BookingService(ctx),
        availability=AvailabilityService(ctx),
        quotes=BookingQuoteService(ctx),
        settings_service=SettingsService(ctx, file=settings_file, secrets=secret_store),
        notifications=notification_service_for(ctx, settings),
        meetings=meeting_service_for(ctx, settings),
        job_admin=JobAdminService(ctx),
        reports=ReportService(ctx),
    )
    # Every change made from this process queues e-mails when SMTP is configured here.
    configure_email_delivery(services)
    return services
