"""Builds the object graph from Settings: engine, session factory, gateways, services.

Nothing happens at import time; ``build_app_services`` is called once by the app or the CLI.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from linguaflex_desktop.adapters.change_listener import ChangeListener
from linguaflex_desktop.adapters.mail import SmtpMailer
from linguaflex_desktop.adapters.meetings import meeting_provider_from_settings
from linguaflex_desktop.adapters.remember_me import RememberMeStore
from linguaflex_desktop.adapters.secrets import SecretStore, check_keyring_loads
from linguaflex_desktop.change_feed import ChangeFeed
from linguaflex_desktop.config import Settings, check_database_url
from linguaflex_desktop.db import (
    check_connection,
    check_sqlite_file,
    create_app_engine,
    create_session_factory,
    open_spare_connections,
    upgrade_schema,
)
from linguaflex_desktop.logging_setup import FILE_ONLY
from linguaflex_desktop.services.accounts.password_reset import PasswordResets
from linguaflex_desktop.services.accounts.self_service import AccountSelfService
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.booking.availability import AvailabilityService
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.events import enable_email_delivery
from linguaflex_desktop.services.booking.free_time import fitting_gigs
from linguaflex_desktop.services.booking.quote import BookingQuoteService
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.reviews import ReviewService
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.catalogue.profiles import ProfileService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.context import Clock, ServiceContext, system_clock
from linguaflex_desktop.services.common.jobs import JobAdminService
from linguaflex_desktop.services.common.ledger_findings import LedgerFindings
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.messaging.conversations import ConversationService
from linguaflex_desktop.services.messaging.notifications import NotificationService
from linguaflex_desktop.services.reports.attention.service import AttentionService
from linguaflex_desktop.services.reports.service import ReportService
from linguaflex_desktop.services.reports.timeline import BookingTimelines
from linguaflex_desktop.services.settings.service import (
    SettingsFile,
    SettingsService,
    apply_stored_settings,
)

if TYPE_CHECKING:
    from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway
    from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
    from linguaflex_desktop.services.cards.service import CardService
    from linguaflex_desktop.services.payments.attention_fixes import StripeAttentionFixes
    from linguaflex_desktop.services.payments.cancellation_requests import CancellationRequests
    from linguaflex_desktop.services.payments.cancellations import Cancellations
    from linguaflex_desktop.services.payments.key_check import StripeKeyCheck
    from linguaflex_desktop.services.payments.payouts import Payouts
    from linguaflex_desktop.services.payments.read_again import StripeRereads
    from linguaflex_desktop.services.payments.reconcile import Reconciler
    from linguaflex_desktop.services.payments.refunds import Refunds
    from linguaflex_desktop.services.payments.service import PaymentService
    from linguaflex_desktop.services.payments.statements import TeacherStatements
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
    attention_fixes: StripeAttentionFixes

    def close(self) -> None:
        self.cards.close()
        self.payments.close()
        if self.sandbox is not None:
            self.sandbox.stop()


def build_payment_services(
    settings: Settings, ctx: ServiceContext, findings: LedgerFindings | None = None
) -> PaymentServices:
    """Start the gateway (sandbox mode without keys) and wire the card and payment services
    and the payment collaborators; the ledger verification keeps what it finds in
    ``findings``."""
    from linguaflex_desktop.adapters.return_pages import ReturnPageServer
    from linguaflex_desktop.adapters.stripe.gateway import open_payments_gateway
    from linguaflex_desktop.services.cards.service import CardService
    from linguaflex_desktop.services.payments.attention_fixes import StripeAttentionFixes
    from linguaflex_desktop.services.payments.reconcile import Reconciler
    from linguaflex_desktop.services.payments.refunds import Refunds
    from linguaflex_desktop.services.payments.service import PaymentService
    from linguaflex_desktop.services.payments.verify import LedgerVerifier
    from linguaflex_desktop.services.payments.views import PaymentViews

    gateway, sandbox = open_payments_gateway(settings)
    return_pages = ReturnPageServer()
    log.info("payments: %s", "sandbox (localstripe)" if gateway.is_sandbox else "Stripe")
    reconciler = Reconciler(ctx, gateway)
    verifier = LedgerVerifier(ctx, gateway, findings)
    return PaymentServices(
        gateway=gateway,
        sandbox=sandbox,
        cards=CardService(ctx, gateway, lambda: return_pages),
        payments=PaymentService(ctx, gateway, reconciler=reconciler, return_pages=return_pages),
        refunds=Refunds(ctx, gateway),
        reconciler=reconciler,
        payment_views=PaymentViews(ctx),
        verifier=verifier,
        key_check=key_check_for(settings, ctx, gateway, sandbox),
        attention_fixes=StripeAttentionFixes(ctx, gateway, reconciler, verifier),
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
    own_account: AccountSelfService
    password_resets: PasswordResets
    catalogue: CatalogueService
    profiles: ProfileService
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
    reviews: ReviewService
    conversations: ConversationService
    change_feed: ChangeFeed = field(default_factory=ChangeFeed, repr=False)
    _change_listener: ChangeListener | None = field(default=None, repr=False)
    _payment_services: PaymentServices | None = field(default=None, repr=False)
    _attention: AttentionService | None = field(default=None, repr=False)
    ledger_findings: LedgerFindings = field(default_factory=LedgerFindings)
    _payment_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def payment_services(self) -> PaymentServices:
        """The Stripe side, started on first use (thread-safe)."""
        with self._payment_lock:
            if self._payment_services is None:
                self._payment_services = build_payment_services(
                    self.settings, self.ctx, self.ledger_findings
                )
            return self._payment_services

    @property
    def attention(self) -> AttentionService:
        """The needs-attention list; its Stripe fixes start the Stripe side on first use."""
        if self._attention is None:
            self._attention = AttentionService(
                self.ctx,
                due=self.due_transitions,
                jobs=self.job_admin,
                stripe=lambda: self.payment_services.attention_fixes,
                findings=self.ledger_findings,
            )
        return self._attention

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
    def booking_timelines(self) -> BookingTimelines:
        """The admin's booking health timeline (stateless: made on each use)."""
        return BookingTimelines(self.ctx)

    @property
    def stripe_rereads(self) -> StripeRereads:
        """The timeline's "Read again now" (starts the Stripe side on first use)."""
        from linguaflex_desktop.services.payments.read_again import StripeRereads

        return StripeRereads(self.ctx, self.payments_gateway)

    @property
    def statements(self) -> TeacherStatements:
        """Teacher statements (no Stripe: the payment services are not started)."""
        from linguaflex_desktop.services.payments.statements import TeacherStatements

        return TeacherStatements(self.ctx)

    @property
    def payouts(self) -> Payouts:
        """Recording teacher payouts (no Stripe: the payment services are not started)."""
        from linguaflex_desktop.services.payments.payouts import Payouts

        return Payouts(self.ctx)

    def start_change_listener(self) -> None:
        """On Postgres, hear the changes other processes commit (the app's windows reload
        what they show; see change_feed). Nothing to do on SQLite: one process writes it."""
        if self.engine.dialect.name != "postgresql" or self._change_listener is not None:
            return
        conninfo = self.engine.url.set(drivername="postgresql")
        self._change_listener = ChangeListener(
            conninfo.render_as_string(hide_password=False), self.change_feed
        )
        self._change_listener.start()

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

    def open_spare_connections(self) -> int:
        """Open the connections the first window's loads will use (``db``'s
        ``open_spare_connections``); how many were opened."""
        return open_spare_connections(self.engine)

    def close(self) -> None:
        if self._change_listener is not None:
            self._change_listener.stop()
            self._change_listener = None
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
    Start-up problems are raised before anything is written: ConfigurationError (a database
    URL that cannot be used), SecretStoreUnavailable (keyring backend cannot load),
    DatabaseDamaged (SQLite quick_check), DatabaseUnavailable, DatabaseSchemaTooNew.
    """
    check_database_url(settings.database_url)
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
    change_feed = ChangeFeed()
    ctx = ServiceContext(
        session_factory=create_session_factory(engine, change_feed=change_feed), clock=clock
    )
    log.info("database ready at %s", settings.describe_database())
    notice = sandbox_scope_notice(settings)
    if notice:  # the log file's line; the windows and the payment commands tell the user
        log.warning(notice, extra=FILE_ONLY)
    services = AppServices(
        settings=settings,
        engine=engine,
        ctx=ctx,
        accounts=AccountService(ctx),
        own_account=AccountSelfService(ctx, email_codes=settings.smtp.configured),
        password_resets=PasswordResets(ctx, email_codes=settings.smtp.configured),
        catalogue=CatalogueService(ctx, free_time=fitting_gigs),
        profiles=ProfileService(ctx),
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
        change_feed=change_feed,
        reviews=ReviewService(ctx),
        conversations=ConversationService(ctx),
    )
    # Every change made from this process queues e-mails when SMTP is configured here.
    configure_email_delivery(services)
    return services
