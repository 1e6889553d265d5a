"""Builds the object graph from Settings: engine, session factory, gateways, services.

Nothing happens at import time; ``build_app_services`` is called once by the app or the CLI.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.adapters.meetings import meeting_provider_from_settings
from linguaflex_desktop.adapters.remember_me import RememberMeStore
from linguaflex_desktop.adapters.secrets import SecretStore, check_keyring_loads
from linguaflex_desktop.config import Settings
from linguaflex_desktop.db import (
    check_connection,
    check_sqlite_file,
    create_app_engine,
    create_session_factory,
    upgrade_schema,
)
from linguaflex_desktop.logging_setup import FILE_ONLY
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.events import enable_email_delivery
from linguaflex_desktop.services.booking.quote import BookingQuoteService
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import Clock, ServiceContext, system_clock
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.messaging.notifications import NotificationService
from linguaflex_desktop.services.reports.service import ReportService
from linguaflex_desktop.services.settings.service import (
    SettingsFile,
    SettingsService,
    apply_stored_settings,
)

if TYPE_CHECKING:
    from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway
    from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
    from linguaflex_desktop.services.cards.service import CardService
    from linguaflex_desktop.services.payments.cancellation_requests import CancellationRequests
    from linguaflex_desktop.services.payments.cancellations import Cancellations
    from linguaflex_desktop.services.payments.key_check import StripeKeyCheck
    from linguaflex_desktop.services.payments.reconcile import Reconciler
    from linguaflex_desktop.services.payments.refunds import Refunds
    from linguaflex_desktop.services.payments.service import PaymentService
    from linguaflex_desktop.services.payments.verify import LedgerVerifier
    from linguaflex_desktop.services.payments.views import PaymentViews

log = logging.getLogger(__name__)

SANDBOX_LOCAL_ONLY_NOTICE = (
    "Payments run in the sandbox of this computer only: with the shared database, other "
    "computers cannot see, refund or settle them. To share payments, set STRIPE_SECRET_KEY "
    "and STRIPE_PUBLISHABLE_KEY to your Stripe test keys on every computer (README, "
    "Configuration)."
)


def sandbox_scope_notice(settings: Settings) -> str | None:
    """What to tell the user when sandbox payments exist on this computer only (see
    ``Settings.sandbox_on_this_computer_only``); None otherwise."""
    return SANDBOX_LOCAL_ONLY_NOTICE if settings.sandbox_on_this_computer_only else None


def meeting_service_for(ctx: ServiceContext, settings: Settings) -> MeetingService:
    return MeetingService(ctx, meeting_provider_from_settings(settings))


def notification_service_for(ctx: ServiceContext, settings: Settings) -> NotificationService:
    mailer = SmtpMailer(settings.smtp) if settings.smtp.configured else None
    return NotificationService(ctx, mailer=mailer, sender=settings.smtp.sender)


def configure_email_delivery(services: AppServices) -> bool:
    """Notifications also go out by e-mail when SMTP is configured (True); inbox only else."""
    enabled = bool(services.settings.smtp.configured)
    enable_email_delivery(services.ctx.session_factory, enabled)
    return enabled


@dataclass
class PaymentServices:
    """The Stripe side, started on first use: the gateway (the in-process sandbox when no
    keys are configured), the loopback card page server of card setup, the card and payment
    services (3-D Secure happens on Stripe's hosted page), and the payment collaborators:
    refunds, the reconciler (which the payment service also uses) and the payment views."""

    gateway: PaymentsGateway
    sandbox: StripeSandbox | None
    cards: CardService
    payments: PaymentService
    refunds: Refunds
    reconciler: Reconciler
    payment_views: PaymentViews
    verifier: LedgerVerifier
    key_check: StripeKeyCheck

    def close(self) -> None:
        self.cards.close()
        self.payments.close()
        if self.sandbox is not None:
            self.sandbox.stop()


def build_payment_services(settings: Settings, ctx: ServiceContext) -> PaymentServices:
    """Start the gateway (sandbox mode without keys) and wire the card and payment services
    and the payment collaborators."""
    from linguaflex_desktop.adapters.return_pages import ReturnPageServer
    from linguaflex_desktop.adapters.stripe.gateway import open_payments_gateway
    from linguaflex_desktop.services.cards.service import CardService
    from linguaflex_desktop.services.payments.reconcile import Reconciler
    from linguaflex_desktop.services.payments.refunds import Refunds
    from linguaflex_desktop.services.payments.service import PaymentService
    from linguaflex_desktop.services.payments.verify import LedgerVerifier
    from linguaflex_desktop.services.payments.views import PaymentViews

    gateway, sandbox = open_payments_gateway(settings)
    return_pages = ReturnPageServer()
    log.info("payments: %s", "sandbox (localstripe)" if gateway.is_sandbox else "Stripe")
    reconciler = Reconciler(ctx, gateway)
    return PaymentServices(
        gateway=gateway,
        sandbox=sandbox,
        cards=CardService(ctx, gateway, lambda: return_pages),
        payments=PaymentService(ctx, gateway, reconciler=reconciler, return_pages=return_pages),
        refunds=Refunds(ctx, gateway),
        reconciler=reconciler,
        payment_views=PaymentViews(ctx),
        verifier=LedgerVerifier(ctx, gateway),
        key_check=key_check_for(settings, ctx, gateway, sandbox),
    )


def key_check_for(
    settings: Settings,
    ctx: ServiceContext,
    gateway: PaymentsGateway,
    sandbox: StripeSandbox | None,
) -> StripeKeyCheck:
    """The key check of the keys the app runs with (the sandbox's in sandbox mode)."""
    from linguaflex_desktop.adapters.stripe.keys import StripeKeyProbe
    from linguaflex_desktop.services.payments.key_check import StripeKeyCheck

    stripe = settings.stripe
    secret = sandbox.secret_key if sandbox else stripe.secret_key
    publishable = sandbox.publishable_key if sandbox else stripe.publishable_key

    def probe() -> StripeKeyProbe:
        return StripeKeyProbe(
            secret_key=secret or "",
            publishable_key=publishable or "",
            api_base=sandbox.api_base if sandbox else None,
            timeout_seconds=stripe.timeout_seconds,
            max_network_retries=stripe.max_network_retries,
        )

    return StripeKeyCheck(
        ctx,
        secret_key=secret,
        publishable_key=publishable,
        sandbox=sandbox is not None,
        probe=probe,
        gateway=lambda: gateway,
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
    reschedules: Reschedules
    due_transitions: DueTransitions
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

    @property
    def refunds(self) -> Refunds:
        return self.payment_services.refunds

    @property
    def reconciler(self) -> Reconciler:
        return self.payment_services.reconciler

    @property
    def payment_views(self) -> PaymentViews:
        return self.payment_services.payment_views

    @property
    def ledger_verifier(self) -> LedgerVerifier:
        return self.payment_services.verifier

    @property
    def stripe_key_check(self) -> StripeKeyCheck:
        return self.payment_services.key_check

    @property
    def cancellations(self) -> Cancellations:
        """Students' and teachers' cancellations of paid bookings (they refund: Stripe)."""
        from linguaflex_desktop.services.payments.cancellations import Cancellations

        return Cancellations(self.ctx, self.refunds)

    @property
    def cancellation_requests(self) -> CancellationRequests:
        """Cancellation requests; listing them does not start the payment side."""
        from linguaflex_desktop.services.payments.cancellation_requests import (
            CancellationRequests,
        )

        return CancellationRequests(self.ctx, lambda: self.refunds)

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
    Start-up problems are raised before anything is written: SecretStoreUnavailable (keyring
    backend cannot load), DatabaseDamaged (SQLite quick_check), DatabaseUnavailable,
    DatabaseSchemaTooNew.
    """
    check_keyring_loads()
    secret_store = SecretStore()
    settings_file = SettingsFile.in_data_dir(settings.data_dir)
    settings = apply_stored_settings(settings, secret_store=secret_store, file=settings_file)
    check_sqlite_file(settings.database_url)
    engine = create_app_engine(settings.database_url)
    try:
        check_connection(engine)
        if migrate:
            upgrade_schema(engine)
    except BaseException:
        engine.dispose()  # no pooled connection outlives a refused start
        raise
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    log.info("database ready at %s", settings.describe_database())
    notice = sandbox_scope_notice(settings)
    if notice:  # the log file's line; the windows and the payment commands tell the user
        log.warning(notice, extra=FILE_ONLY)
    services = AppServices(
        settings=settings,
        engine=engine,
        ctx=ctx,
        accounts=AccountService(ctx),
        catalogue=CatalogueService(ctx),
        remember_me=RememberMeStore(),
        bookings=BookingService(ctx),
        reschedules=Reschedules(ctx),
        due_transitions=DueTransitions(ctx),
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
