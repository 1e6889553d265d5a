"""Settings kept by the app itself: non-secrets in ``settings.json`` in the data folder,
secrets in the OS keyring (``SecretStore``).

``apply_stored_settings`` merges them into ``Settings`` at start-up (bootstrap); per field the
precedence is flag > environment > keyring / settings.json > default, so a value set in the
environment always wins. ``SettingsService`` is the admin's view and editor (Settings dialog);
changes apply after a restart. Secret values are never logged, audited or returned.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from linguaflex_desktop.adapters.secrets import SECRET_NAMES, SecretStore
from linguaflex_desktop.config import Settings
from linguaflex_desktop.errors import SecretStoreUnavailable, ValidationError
from linguaflex_desktop.models import AuditAction, Role
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.validation import clean_line
from linguaflex_desktop.texts import Text, tx

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"
SMTP_SECURITY_CHOICES = ("starttls", "tls", "plain")
MAX_TEXT_LENGTH = 500
# prefixes of Stripe secret keys: never accepted in a field that is written in plain text
SECRET_KEY_PREFIXES = ("sk_", "rk_")


@dataclass(frozen=True)
class StoredSettings:
    """The non-secret settings of settings.json; None means "not set here"."""

    stripe_publishable_key: str | None = None
    zoom_account_id: str | None = None
    zoom_client_id: str | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_username: str | None = None
    smtp_security: str | None = None
    smtp_sender: str | None = None
    jitsi_base_url: str | None = None


# stored name -> (environment variable, Settings section or None for top level, field)
SETTING_SOURCES: dict[str, tuple[str, str | None, str]] = {
    "stripe_publishable_key": ("STRIPE_PUBLISHABLE_KEY", "stripe", "publishable_key"),
    "zoom_account_id": ("ZOOM_ACCOUNT_ID", "zoom", "account_id"),
    "zoom_client_id": ("ZOOM_CLIENT_ID", "zoom", "client_id"),
    "smtp_host": ("SMTP_HOST", "smtp", "host"),
    "smtp_port": ("SMTP_PORT", "smtp", "port"),
    "smtp_username": ("SMTP_USERNAME", "smtp", "username"),
    "smtp_security": ("SMTP_SECURITY", "smtp", "security"),
    "smtp_sender": ("SMTP_SENDER", "smtp", "sender"),
    "jitsi_base_url": ("LINGUAFLEX_JITSI_BASE_URL", None, "jitsi_base_url"),
    "stripe_secret_key": ("STRIPE_SECRET_KEY", "stripe", "secret_key"),
    "zoom_client_secret": ("ZOOM_CLIENT_SECRET", "zoom", "client_secret"),
    "smtp_password": ("SMTP_PASSWORD", "smtp", "password"),
}


def validate_stored_settings(values: StoredSettings) -> StoredSettings:
    """Trimmed values (blank -> None); ValidationError with a message naming the field."""
    if not isinstance(values, StoredSettings):
        raise ValidationError(tx("The settings to save are not StoredSettings."))
    cleaned: dict[str, Any] = {}
    for item in fields(StoredSettings):
        value = getattr(values, item.name)
        what = _label(item.name)
        if isinstance(value, str):
            value = clean_line(value, what=what, limit=MAX_TEXT_LENGTH) or None
        elif value is not None and item.name != "smtp_port":
            raise ValidationError(tx("The {what} must be text.", what=what))
        cleaned[item.name] = value
    _validate_fields(cleaned)
    return StoredSettings(**cleaned)


def _validate_fields(values: dict[str, Any]) -> None:
    key = values["stripe_publishable_key"]
    if key is not None and key.startswith(SECRET_KEY_PREFIXES):
        raise ValidationError(
            tx(
                "That is a Stripe secret key: enter it under 'Secret key', never as the "
                "publishable key (which is stored in plain text)."
            )
        )
    if key is not None and not key.startswith("pk_"):
        raise ValidationError(tx("A Stripe publishable key starts with 'pk_'."))
    port = values["smtp_port"]
    if port is not None and (isinstance(port, bool) or not isinstance(port, int)):
        raise ValidationError(tx("The SMTP port must be a whole number."))
    if port is not None and not 1 <= port <= 65535:
        raise ValidationError(tx("The SMTP port must be between 1 and 65535."))
    security = values["smtp_security"]
    if security is not None and security not in SMTP_SECURITY_CHOICES:
        raise ValidationError(
            tx("SMTP security must be one of {choices}.", choices=", ".join(SMTP_SECURITY_CHOICES))
        )
    url = values["jitsi_base_url"]
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValidationError(tx("The Jitsi address must be a web address (https://...)."))
        values["jitsi_base_url"] = url.rstrip("/")


# Each stored or secret setting's name as a refusal names it ("The smtp host must be text.").
_WHAT: dict[str, Text] = {
    "stripe_publishable_key": tx("stripe publishable key"),
    "zoom_account_id": tx("zoom account id"),
    "zoom_client_id": tx("zoom client id"),
    "smtp_host": tx("smtp host"),
    "smtp_port": tx("smtp port"),
    "smtp_username": tx("smtp username"),
    "smtp_security": tx("smtp security"),
    "smtp_sender": tx("smtp sender"),
    "jitsi_base_url": tx("jitsi base url"),
    "stripe_secret_key": tx("stripe secret key"),
    "zoom_client_secret": tx("zoom client secret"),
    "smtp_password": tx("smtp password"),
}


def _label(name: str) -> str:
    return _WHAT.get(name) or name.replace("_", " ")


class SettingsFile:
    """``settings.json``: read leniently (a damaged file must not stop the app), written
    atomically (temp file in the same folder + fsync + os.replace). Any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> SettingsFile:
        return cls(data_dir / SETTINGS_FILE_NAME)

    def load(self) -> StoredSettings:
        """The stored values; empty when the file is missing; unreadable parts are skipped
        with a warning."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return StoredSettings()
        except (OSError, ValueError) as error:
            log.warning("ignoring unreadable %s: %s", self.path, error)
            return StoredSettings()
        if not isinstance(data, dict):
            log.warning("ignoring %s: not a JSON object", self.path)
            return StoredSettings()
        return _lenient_settings(data, self.path)

    def save(self, values: StoredSettings) -> None:
        """Replace the file with ``values`` (set fields only); the old file stays whole if
        anything fails."""
        text = json.dumps(
            {name: value for name, value in asdict(values).items() if value is not None},
            indent=2,
            sort_keys=True,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            prefix=".settings-", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as temp:
                temp.write(text + "\n")
                temp.flush()
                os.fsync(temp.fileno())
            os.replace(temp_name, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise


def _lenient_settings(data: dict[str, Any], path: Path) -> StoredSettings:
    kept: dict[str, Any] = {}
    for item in fields(StoredSettings):
        if item.name not in data:
            continue
        candidate = {**asdict(StoredSettings()), item.name: data[item.name]}
        if item.name != "smtp_port" and not isinstance(data[item.name], str):
            log.warning("ignoring the invalid %s in %s", item.name, path)
            continue
        try:
            kept[item.name] = getattr(
                validate_stored_settings(StoredSettings(**candidate)), item.name
            )
        except ValidationError:
            log.warning("ignoring the invalid %s in %s", item.name, path)
    return StoredSettings(**kept)


def environment_overrides(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """Names (stored and secret) whose environment variable is set: those values win."""
    env = os.environ if environ is None else environ
    return frozenset(
        name for name, (variable, _, _) in SETTING_SOURCES.items() if env.get(variable)
    )


def apply_stored_settings(
    settings: Settings,
    *,
    secret_store: SecretStore,
    file: SettingsFile,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """``settings`` with settings.json and keyring values filled in where the environment
    (``environ``, default ``os.environ``) does not set the field. The keyring is asked only
    for secrets the environment lacks. May block on the keyring: not on the Qt thread."""
    overridden = environment_overrides(environ)
    stored: dict[str, Any] = {
        name: value for name, value in asdict(file.load()).items() if value is not None
    }
    for name in SECRET_NAMES:
        if name not in overridden:
            secret = secret_store.get(name)
            if secret is not None:
                stored[name] = secret
    used = sorted(name for name in stored if name not in overridden)
    merged = settings
    for name in used:
        merged = _with_field(merged, name, stored[name])
    if used:
        log.info("settings from the data folder / keyring: %s", ", ".join(used))
    return merged


def _with_field(settings: Settings, name: str, value: Any) -> Settings:
    _, section, field_name = SETTING_SOURCES[name]
    if section is None:
        return replace(settings, **{field_name: value})
    updated = replace(getattr(settings, section), **{field_name: value})
    return replace(settings, **{section: updated})


@dataclass(frozen=True)
class SettingsView:
    """What the Settings dialog shows; never a secret value."""

    values: StoredSettings
    stored_secrets: frozenset[str]
    keyring_available: bool
    keyring_message: str
    environment_overrides: frozenset[str]
    file_path: str


class SettingsService:
    """The admin's view and editor of the stored settings (admin only, re-checked per call).

    Calls may block on the keyring: run them on a worker thread (TaskRunner), never the Qt one.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        file: SettingsFile,
        secrets: SecretStore,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._ctx = ctx
        self._file = file
        self._secrets = secrets
        self._environ = environ

    def view(self, actor: Actor) -> SettingsView:
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
        return self._view()

    def save(
        self,
        actor: Actor,
        *,
        values: StoredSettings,
        secrets: Mapping[str, str] | None = None,
        clear_secrets: Iterable[str] = (),
    ) -> SettingsView:
        """Write ``values`` to settings.json, store ``secrets`` (name -> new value) and delete
        ``clear_secrets`` in the keyring; audited by name only. If secrets are to change and
        the keyring is not secure, SecretStoreUnavailable and nothing at all is written.
        The keyring (which may block) and the file are written outside any transaction; only
        the audit event is, afterwards, so the SQLite write lock is never held meanwhile."""
        cleaned = validate_stored_settings(values)
        new_secrets = _check_secret_changes(secrets or {}, clear_secrets)
        cleared = sorted(set(clear_secrets))
        with self._ctx.unit_of_work(write=False) as uow:
            admin_id = load_acting_user(uow.session, actor, Role.ADMIN).id
        if new_secrets or cleared:
            available, message = self._secrets.availability()
            if not available:
                raise SecretStoreUnavailable(message)
        before = self._file.load()
        for name, value in new_secrets.items():
            self._secrets.set(name, value)
        for name in cleared:
            self._secrets.delete(name)
        self._file.save(cleaned)
        changed_before, changed_after = _changes(before, cleaned)
        changed_after.update({name: "stored in keyring" for name in new_secrets})
        changed_after.update({name: "cleared" for name in cleared})
        with self._ctx.unit_of_work() as uow:
            record_audit(
                uow.session,
                actor_id=admin_id,
                action=AuditAction.SETTINGS_CHANGED,
                entity_type="settings",
                entity_id=None,
                at=self._ctx.now(),
                before=changed_before,
                after=changed_after,
            )
            uow.commit()
        log.info("settings saved by user %s: %s", admin_id, ", ".join(sorted(changed_after)))
        return self._view()

    def _view(self) -> SettingsView:
        available, message = self._secrets.availability()
        return SettingsView(
            values=self._file.load(),
            stored_secrets=self._secrets.stored_names() if available else frozenset(),
            keyring_available=available,
            keyring_message=message,
            environment_overrides=environment_overrides(self._environ),
            file_path=str(self._file.path),
        )


def _check_secret_changes(secrets: Mapping[str, str], clear: Iterable[str]) -> dict[str, str]:
    unknown = (set(secrets) | set(clear)) - set(SECRET_NAMES)
    if unknown:
        raise ValueError(f"unknown secrets: {sorted(unknown)}")
    both = set(secrets) & set(clear)
    if both:
        raise ValueError(f"a secret cannot be set and cleared at once: {sorted(both)}")
    cleaned = {
        name: clean_line(value, what=_label(name), limit=MAX_TEXT_LENGTH)
        for name, value in secrets.items()
    }
    return {name: value for name, value in cleaned.items() if value}


def _changes(
    before: StoredSettings, after: StoredSettings
) -> tuple[dict[str, Any], dict[str, Any]]:
    old, new = asdict(before), asdict(after)
    names = [name for name in old if old[name] != new[name]]
    return {name: old[name] for name in names}, {name: new[name] for name in names}
