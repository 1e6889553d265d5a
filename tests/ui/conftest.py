"""UI fixtures: real services on a fresh SQLite file, the real threaded TaskRunner, an
app controller whose windows are closed after the test, and an in-memory keyring that counts
as secure (helpers that create data through the services are in ui_helpers.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import shiboken6
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.ui.app_controller import AppController
from linguaflex_desktop.ui.i18n import language_switch
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.conftest import FakeClock
from tests.ui.export_ui_helpers import SaveDialog


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

    priority = 5

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


@pytest.fixture
def controller(app_services: AppServices, runner: TaskRunner) -> Iterator[AppController]:
    app_controller = AppController(app_services, runner=runner)
    yield app_controller
    runner.wait_for_idle(10000)
    app_controller.discard_prepared_window()  # one built and never shown goes too
    window = app_controller.current_window
    if window is not None and shiboken6.isValid(window):
        window.close()
        window.deleteLater()


@pytest.fixture
def clocked_services(tmp_path: Path, clock: FakeClock) -> Iterator[AppServices]:
    """Real services whose clock is the test's FakeClock (Monday 2027-03-01 09:00 UTC)."""
    services = build_app_services(load_settings(data_dir=tmp_path, environ={}), clock=clock)
    yield services
    services.close()


@pytest.fixture(autouse=True)
def close_leftover_windows(qtbot: object) -> Iterator[None]:
    """Close what a test left open (a dialog it opened and did not close when it failed):
    an application-modal dialog left behind would swallow the next tests' clicks."""
    yield
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget) and widget.isVisible():
            widget.close()
            widget.deleteLater()


@pytest.fixture(autouse=True)
def interpreter_switch_interval_kept() -> Iterator[None]:
    """The app's start shortens the interpreter's switch interval for the whole process
    (``prefer_the_gui_thread``); a test that starts it leaves the next ones CPython's."""
    interval = sys.getswitchinterval()
    yield
    sys.setswitchinterval(interval)


@pytest.fixture(autouse=True)
def user_settings_in_test_folder(tmp_path: Path) -> None:
    """QSettings of the user scope (the last export folder) go to the test's folder, never to
    the real user's settings."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    """``QFileDialog.getSaveFileName`` answered by the test (``save_dialog.answer(path)``)."""
    return SaveDialog(monkeypatch)


@pytest.fixture(autouse=True)
def english_ui(qapp: object) -> Iterator[None]:
    """Every UI test starts in English with US conventions (whatever the machine's locale) and
    leaves the application that way, so a test that switched to Spanish changes no other."""
    switch = language_switch()
    switch.apply("en", system=QLocale("en_US"))
    yield
    switch.apply("en", system=QLocale("en_US"))
