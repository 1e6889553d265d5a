"""UI fixtures: real services on a fresh SQLite file, the real threaded TaskRunner, an
in-memory keyring that counts as secure, and helpers that create users and gigs through the
services (the windows are then driven as a user would)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.models import Level, Role
from linguaflex_desktop.services.dto import GigDTO, UserDTO
from linguaflex_desktop.ui.task_runner import TaskRunner

PASSWORD = "correct horse battery"


@pytest.fixture
def app_services(tmp_path: Path) -> Iterator[AppServices]:
    services = build_app_services(load_settings(data_dir=tmp_path, environ={}))
    yield services
    services.close()


@pytest.fixture
def runner(qtbot: object) -> Iterator[TaskRunner]:
    """The real threaded runner; waits for stragglers so no callback outlives the test."""
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.wait_for_idle(10000), "background tasks still running after the test"


class MemoryKeyring(KeyringBackend):
    """A keyring backend kept in memory, rated like an OS keychain (priority 5)."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("nothing stored")


@pytest.fixture
def secure_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def register(
    services: AppServices,
    role: Role,
    *,
    email: str | None = None,
    name: str | None = None,
    time_zone: str = "Europe/Madrid",
) -> UserDTO:
    name = name or f"Test {role.value.capitalize()}"
    email = email or f"{role.value}@example.com"
    if role is Role.ADMIN:
        return services.accounts.create_admin(
            email=email, password=PASSWORD, display_name=name, time_zone=time_zone
        )
    return services.accounts.register(
        email=email, password=PASSWORD, display_name=name, role=role, time_zone=time_zone
    )


def create_gig(
    services: AppServices,
    teacher: UserDTO,
    *,
    title: str,
    language: str = "Spanish",
    level: Level = Level.B1,
    rate_minor: int = 3000,
    currency: str = "USD",
    description: str = "Lots of speaking practice.",
) -> GigDTO:
    return services.catalogue.create_gig(
        teacher.actor,
        title=title,
        language=language,
        level=level,
        description=description,
        hourly_rate_minor=rate_minor,
        currency=currency,
    )
