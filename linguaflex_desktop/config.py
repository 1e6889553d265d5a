"""Settings: where the data lives, which database, which peers (Stripe, Zoom, SMTP).

Precedence: command-line flag > environment variable > OS keyring (secrets only) > default.
Nothing here touches the network or the database; ``bootstrap`` turns Settings into objects.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

from linguaflex_desktop.errors import ConfigurationError

APP_NAME = "LinguaFlex"
APP_AUTHOR = "LinguaFlex"
SQLITE_FILE_NAME = "linguaflex.sqlite3"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DATABASE_BACKENDS = ("sqlite", "postgresql")
DATABASE_URL_HINT = "use sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/NAME"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class StripeSettings:
    secret_key: str | None = field(default=None, repr=False)
    publishable_key: str | None = None
    max_network_retries: int = 2
    timeout_seconds: float = 20.0

    @property
    def sandbox(self) -> bool:
        """True when no keys are configured: the app runs its own localstripe."""
        return not (self.secret_key and self.publishable_key)


@dataclass(frozen=True)
class ZoomSettings:
    account_id: str | None = None
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    api_base: str = "https://api.zoom.us/v2"
    oauth_base: str = "https://zoom.us"

    @property
    def configured(self) -> bool:
        return bool(self.account_id and self.client_id and self.client_secret)


@dataclass(frozen=True)
class SmtpSettings:
    host: str | None = None
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    security: str = "starttls"  # starttls | tls | plain (plain only for a local relay)
    sender: str = "LinguaFlex <no-reply@linguaflex.local>"
    ca_file: str | None = None

    @property
    def configured(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str = field(repr=False)
    log_level: str = "INFO"
    jitsi_base_url: str = "https://meet.jit.si"
    stripe: StripeSettings = StripeSettings()
    zoom: ZoomSettings = ZoomSettings()
    smtp: SmtpSettings = SmtpSettings()

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sandbox_on_this_computer_only(self) -> bool:
        """Sandbox payments with a shared (Postgres) database: the sandbox lives in this
        computer's data folder, so other computers of the school cannot see its payments."""
        return self.stripe.sandbox and not self.is_sqlite

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "linguaflex.log"

    def describe_database(self) -> str:
        """A location safe to show and log: never a password from the URL."""
        if self.is_sqlite:
            return self.database_url.removeprefix("sqlite:///")
        return url_without_password(self.database_url)

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def url_without_password(url: str) -> str:
    """``url`` with its password as "***", as SQLAlchemy writes it with ``hide_password``,
    without loading SQLAlchemy (the sign-in window shows it before the database layer loads).
    """
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return "(a database URL that cannot be read)"
    if password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / SQLITE_FILE_NAME}"


def load_settings(
    *,
    data_dir: str | Path | None = None,
    database_url: str | None = None,
    log_level: str | None = None,
    environ: Mapping[str, str] | None = None,
    check_url: bool = True,
) -> Settings:
    """Build Settings from flags and the environment (keyring secrets are merged by bootstrap).

    ``check_url=False`` leaves the database URL's check (it loads SQLAlchemy) to
    ``bootstrap.build_app_services``: the app's window then shows before it."""
    env = os.environ if environ is None else environ
    resolved_dir = Path(data_dir or env.get("LINGUAFLEX_DATA_DIR") or default_data_dir())
    resolved_dir = resolved_dir.expanduser().resolve()
    url = database_url or env.get("DATABASE_URL") or sqlite_url(resolved_dir)
    level = (log_level or env.get("LINGUAFLEX_LOG_LEVEL") or "INFO").upper()
    if check_url:
        check_database_url(url)
    if level not in LOG_LEVELS:
        raise ConfigurationError(
            f"Unknown log level {level!r}; use one of {', '.join(LOG_LEVELS)}."
        )
    return Settings(
        data_dir=resolved_dir,
        database_url=url,
        log_level=level,
        jitsi_base_url=env.get("LINGUAFLEX_JITSI_BASE_URL", "https://meet.jit.si").rstrip("/"),
        stripe=StripeSettings(
            secret_key=env.get("STRIPE_SECRET_KEY") or None,
            publishable_key=env.get("STRIPE_PUBLISHABLE_KEY") or None,
        ),
        zoom=ZoomSettings(
            account_id=env.get("ZOOM_ACCOUNT_ID") or None,
            client_id=env.get("ZOOM_CLIENT_ID") or None,
            client_secret=env.get("ZOOM_CLIENT_SECRET") or None,
            api_base=env.get("ZOOM_API_BASE", "https://api.zoom.us/v2").rstrip("/"),
            oauth_base=env.get("ZOOM_OAUTH_BASE", "https://zoom.us").rstrip("/"),
        ),
        smtp=SmtpSettings(
            host=env.get("SMTP_HOST") or None,
            port=_port_number("SMTP_PORT", env.get("SMTP_PORT", "587")),
            username=env.get("SMTP_USERNAME") or None,
            password=env.get("SMTP_PASSWORD") or None,
            security=env.get("SMTP_SECURITY", "starttls").lower(),
            sender=env.get("SMTP_SENDER", "LinguaFlex <no-reply@linguaflex.local>"),
            ca_file=env.get("SMTP_CA_FILE") or None,
        ),
    )


def check_database_url(url: str) -> None:
    """ConfigurationError unless ``url`` parses and names SQLite or Postgres with an installed
    driver. Parsing only: nothing is connected or created, so a typo changes nothing."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # the URL itself may carry a password: never echo it
        raise ConfigurationError(f"The database URL is not valid; {DATABASE_URL_HINT}.") from None
    backend = parsed.get_backend_name()
    where = parsed.render_as_string(hide_password=True)
    if backend not in DATABASE_BACKENDS:
        raise ConfigurationError(f"Unsupported database {where!r}; {DATABASE_URL_HINT}.") from None
    try:
        parsed.get_dialect().import_dbapi()
    except (NoSuchModuleError, ImportError) as error:
        raise ConfigurationError(
            f"No database driver for {where!r} ({error}); {DATABASE_URL_HINT}."
        ) from None


def _port_number(name: str, raw: str) -> int:
    try:
        port = int(raw.strip())
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise ConfigurationError(f"{name} must be a port number from 1 to 65535, not {raw!r}.")
    return port
