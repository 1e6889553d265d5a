"""Builds the object graph from Settings: engine, session factory, gateways, services.

Nothing happens at import time; ``build_app_services`` is called once by the app or the CLI.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import Engine

from .config import Settings
from .db import check_connection, create_app_engine, create_session_factory, upgrade_schema
from .services.account_service import AccountService
from .services.availability_service import AvailabilityService
from .services.booking_quote import BookingQuoteService
from .services.booking_service import BookingService
from .services.catalogue_service import CatalogueService
from .services.context import Clock, ServiceContext, system_clock
from .services.remember_me import RememberMeStore

log = logging.getLogger(__name__)


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
    closers: list[object] = field(default_factory=list)

    def close(self) -> None:
        self.engine.dispose()


def build_app_services(
    settings: Settings, *, clock: Clock = system_clock, migrate: bool = True
) -> AppServices:
    """Connect (clear DatabaseUnavailable if not possible), migrate, and wire the services."""
    engine = create_app_engine(settings.database_url)
    check_connection(engine)
    if migrate:
        upgrade_schema(engine)
    ctx = ServiceContext(session_factory=create_session_factory(engine), clock=clock)
    log.info("database ready at %s", settings.describe_database())
    return AppServices(
        settings=settings,
        engine=engine,
        ctx=ctx,
        accounts=AccountService(ctx),
        catalogue=CatalogueService(ctx),
        remember_me=RememberMeStore(),
        bookings=BookingService(ctx),
        availability=AvailabilityService(ctx),
        quotes=BookingQuoteService(ctx),
    )
