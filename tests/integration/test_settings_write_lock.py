"""SettingsService.save talks to the OS keyring (which may block on an unlock prompt or D-Bus)
and writes settings.json: neither may happen while the SQLite write lock is held, or every
other writer of the app (the outbox worker, booking actions) waits behind the keyring."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import select
from sqlalchemy.engine import make_url

from linguaflex_desktop.adapters.secrets import SecretStore
from linguaflex_desktop.models import AuditEvent
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.settings.service import (
    SettingsFile,
    SettingsService,
    StoredSettings,
)


def database_is_writable(database: str) -> bool:
    """Whether another connection could take the write lock right now (no waiting)."""
    other = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


class ProbingKeyring(KeyringBackend):
    """A secure in-memory keyring that checks, on every call, whether the database's write
    lock is free (as another thread of the app would need it)."""

    priority = 1

    def __init__(self, database: str) -> None:
        super().__init__()
        self.database = database
        self.entries: dict[tuple[str, str], str] = {}
        self.lock_free_during_calls: list[bool] = []

    def _probe(self) -> None:
        self.lock_free_during_calls.append(database_is_writable(self.database))

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._probe()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._probe()
        self.entries.pop((service, username), None)


@pytest.fixture
def probing_keyring(sqlite_url: str) -> Iterator[ProbingKeyring]:
    previous = keyring.get_keyring()
    backend = ProbingKeyring(str(make_url(sqlite_url).database))
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_saving_secrets_does_not_hold_the_sqlite_write_lock_during_keyring_calls(
    sqlite_ctx: ServiceContext, probing_keyring: ProbingKeyring, tmp_path: Path
) -> None:
    admin = AccountService(sqlite_ctx).create_admin(
        email="root@example.com", password="correct horse battery", display_name="Root"
    )
    service = SettingsService(
        sqlite_ctx, file=SettingsFile.in_data_dir(tmp_path), secrets=SecretStore(), environ={}
    )
    service.save(
        admin.actor,
        values=StoredSettings(smtp_host="smtp.example"),
        secrets={"smtp_password": "mailPassHw4Jc6Ld1"},
    )
    service.save(admin.actor, values=StoredSettings(), clear_secrets=["smtp_password"])

    assert probing_keyring.lock_free_during_calls == [True, True]
    assert probing_keyring.entries == {}
    with sqlite_ctx.unit_of_work(write=False) as uow:  # still audited, by name only
        audited = uow.session.scalars(
            select(AuditEvent.after)
            .where(AuditEvent.action == "settings.changed")
            .order_by(AuditEvent.id)
        ).all()
    assert audited == [
        {"smtp_host": "smtp.example", "smtp_password": "stored in keyring"},
        {"smtp_host": None, "smtp_password": "cleared"},
    ]
