"""Start-up: the sign-in window shows first; the data, the services and the role windows load
behind it; a start-up problem still ends the start with its own error."""

from __future__ import annotations

import gc
import logging
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from linguaflex_desktop.bootstrap import AppServices, build_app_services
from linguaflex_desktop.config import Settings, load_settings
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.startup import run_gui_staged

ROOT = Path(__file__).resolve().parents[2]
Step = tuple[Callable[[], bool], Callable[[], None]]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(data_dir=tmp_path, environ={})


class LoginShown(QObject):
    """The sign-in window the app showed, seen by its Show event: found without walking every
    top-level widget of the process (other tests' windows, some being torn down, are there
    too, and wrapping one of those crashed the process now and then)."""

    def __init__(self) -> None:
        super().__init__()
        self.window: LoginWindow | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, LoginWindow):
            self.window = watched
        return False

    def visible(self) -> LoginWindow | None:
        window = self.window
        if window is None or not shiboken6.isValid(window) or not window.isVisible():
            return None
        return window


@pytest.fixture
def login_shown(qapp: QApplication) -> Iterator[LoginShown]:
    watcher = LoginShown()
    qapp.installEventFilter(watcher)
    yield watcher
    qapp.removeEventFilter(watcher)


class PaintsOf(QObject):
    """Notes "painted" in ``order`` at each paint of a widget of ``kind``."""

    def __init__(self, kind: type, order: list[str]) -> None:
        super().__init__()
        self.kind, self.order = kind, order

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, self.kind):
            self.order.append("painted")
        return False


# A start that never reaches its last step is ended by closing its windows after this long.
SAFETY_MS = 60_000


@contextmanager
def steps_driving(steps: list[Step]) -> Iterator[QTimer]:
    """Drive the app's own event loop: each step's action runs once its condition holds, in
    order. A step that never comes leaves the window open until the safety timer (yielded)
    closes every window. Both timers stop on the way out: a safety timer left armed would
    close whatever windows a later test in this process has open."""
    queue = deque(steps)
    timer = QTimer()
    timer.setInterval(10)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.setInterval(SAFETY_MS)
    safety.timeout.connect(QApplication.closeAllWindows)  # a broken start fails, not hangs

    def tick() -> None:
        while queue and queue[0][0]():
            queue.popleft()[1]()
        if not queue:
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    safety.start()
    try:
        yield safety
    finally:
        timer.stop()
        safety.stop()


def test_the_safety_timer_is_stopped_once_the_steps_are_done(qapp: QApplication) -> None:
    with steps_driving([]) as safety:
        assert safety.isActive()
    assert not safety.isActive()


def test_the_sign_in_window_shows_before_the_data_opens_and_works_once_it_is_open(
    qapp: QApplication,
    settings: Settings,
    login_shown: LoginShown,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    ready: list[AppServices] = []
    seen: dict[str, object] = {}
    warmed: list[bool] = []  # a sign-in's first-use costs, paid while the user types
    warm_up = AccountService.warm_up_sign_in

    def warming(accounts: AccountService) -> None:
        warm_up(accounts)
        warmed.append(threading.current_thread() is not threading.main_thread())

    monkeypatch.setattr(AccountService, "warm_up_sign_in", warming)
    opened_ahead: list[int] = []  # the connections the first window's loads will use
    open_spare = AppServices.open_spare_connections

    def opening(services: AppServices) -> int:
        opened_ahead.append(open_spare(services))
        return opened_ahead[-1]

    monkeypatch.setattr(AppServices, "open_spare_connections", opening)

    order: list[str] = []
    painted = PaintsOf(LoginWindow, order)
    qapp.installEventFilter(painted)

    def build() -> AppServices:
        order.append("data opening")
        assert release.wait(30), "the sign-in window never showed"
        return build_app_services(settings)

    def look_before() -> None:
        login = login_shown.visible()
        assert login is not None
        seen["before"] = (
            login.tabs.isEnabled(),
            login.language_button.isEnabled(),
            login.notice_label.text(),
            login.services,
            login.demo_offer,
        )
        release.set()

    def look_after() -> None:
        login = login_shown.visible()
        assert login is not None
        seen["after"] = (login.services is ready[0], login.demo_offer is not None)
        seen["collected by CPython"] = gc.isenabled()  # the GUI thread's collector's, now
        login.close()

    def opened() -> bool:
        login = login_shown.visible()
        return bool(ready) and login is not None and login.tabs.isEnabled()

    steps = [(lambda: login_shown.visible() is not None, look_before), (opened, look_after)]
    with steps_driving(steps):
        try:
            code = run_gui_staged(settings, build_services=build, on_services_ready=ready.append)
        finally:
            release.set()
            for services in ready:
                services.close()
    qapp.removeEventFilter(painted)
    assert code == 0
    assert order[0] == "painted" and "data opening" in order  # behind a painted window
    assert seen["before"] == (False, False, "Opening your data…", None, None)
    assert seen["after"] == (True, True)
    assert seen["collected by CPython"] is False and gc.isenabled()  # given back on quit
    assert warmed == [True]  # once, off the GUI thread
    assert len(opened_ahead) == 1 and opened_ahead[0] >= 1  # what the pool did not hold yet


def start_in_a_process(script: str, data_dir: Path) -> str:
    """Run ``script`` (given ``data_dir``) in a fresh offscreen Python process; its output."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


REFUSED_START = """
import sys
from PySide6.QtWidgets import QApplication
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.errors import DatabaseDamaged
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.startup import run_gui_staged

app = QApplication(sys.argv[:1])
ready = []

def build():
    raise DatabaseDamaged("The database file x is damaged (malformed). It was left untouched.")

try:
    run_gui_staged(load_settings(data_dir=sys.argv[1], environ={}), build_services=build,
                   on_services_ready=ready.append)
except DatabaseDamaged as error:
    shown = [w for w in app.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible()]
    print(f"raised: {error}; ready: {len(ready)}; windows left: {len(shown)}")
"""


def test_a_start_up_problem_closes_the_window_and_is_raised(tmp_path: Path) -> None:
    # In a process of its own, as the app runs it: a refused start ends its process.
    assert start_in_a_process(REFUSED_START, tmp_path) == (
        "raised: The database file x is damaged (malformed). It was left untouched.; "
        "ready: 0; windows left: 0"
    )


QT_NAMESPACE_AT_THE_PAINT = """
import sys, threading
import PySide6.QtCore as QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from linguaflex_desktop.config import load_settings
from linguaflex_desktop.errors import DatabaseDamaged
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.startup import run_gui_staged

app = QApplication(sys.argv[:1])
seen = []
painted = threading.Event()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if not seen and event.type() == QEvent.Type.Paint and isinstance(watched, LoginWindow):
            seen.append("Qt" in QtCore.__dict__)
            painted.set()
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)

def build():
    painted.wait(60)
    raise DatabaseDamaged("stopped once the window has painted")

try:
    run_gui_staged(load_settings(data_dir=sys.argv[1], environ={}), build_services=build,
                   on_services_ready=lambda _services: None)
except DatabaseDamaged:
    pass
print(f"Qt namespace built at the first paint: {seen}")
"""


def test_the_sign_in_window_paints_before_the_qt_namespace_is_built(tmp_path: Path) -> None:
    # Its 93 enums cost about 15 ms (see ui.pyside_imports); a fresh process, as a start is.
    assert start_in_a_process(QT_NAMESPACE_AT_THE_PAINT, tmp_path) == (
        "Qt namespace built at the first paint: [False]"
    )


def test_closing_the_window_while_the_data_opens_closes_the_services_and_starts_nothing(
    qapp: QApplication, settings: Settings, login_shown: LoginShown
) -> None:
    building, release = threading.Event(), threading.Event()
    built: list[AppServices] = []
    closed: list[bool] = []
    ready: list[AppServices] = []

    def build() -> AppServices:
        building.set()
        assert release.wait(30)
        services = build_app_services(settings)
        close = services.close

        def close_and_note() -> None:
            closed.append(True)
            close()

        services.close = close_and_note  # type: ignore[method-assign]
        built.append(services)
        return services

    # The data finishes opening only once the event loop is ending.
    qapp.aboutToQuit.connect(release.set)

    def close_window() -> None:
        login = login_shown.visible()
        assert login is not None
        login.close()

    with steps_driving([(building.is_set, close_window)]):
        try:
            code = run_gui_staged(settings, build_services=build, on_services_ready=ready.append)
        finally:
            qapp.aboutToQuit.disconnect(release.set)
            release.set()
    assert code == 0
    assert len(built) == 1 and closed == [True]
    assert ready == []


# What may be loaded before the sign-in window shows: Qt, the window's own modules, and the
# app's plain-Python parts. Not the database layer, the services, the keyring or any role
# window: those load behind the painted window.
NOT_BEFORE_THE_WINDOW = (
    "sqlalchemy",
    "alembic",
    "keyring",
    "stripe",
    "httpx",
    "argon2",
    "zoneinfo",  # the registration form's zones, a booking's times
    "decimal",  # pricing's arithmetic
    "hashlib",  # OpenSSL
    "logging.handlers",  # the log rotates once the window shows
    "linguaflex_desktop.bootstrap",
    "linguaflex_desktop.change_feed",
    "linguaflex_desktop.db",
    "linguaflex_desktop.demo.data",
    "linguaflex_desktop.ui.app_controller",
    "linguaflex_desktop.ui.student_window",
    "linguaflex_desktop.ui.teacher_window",
    "linguaflex_desktop.ui.admin",
    "linguaflex_desktop.services.booking",
    "linguaflex_desktop.services.common.dto",
    "linguaflex_desktop.services.payments",
)


def test_the_sign_in_window_needs_no_database_layer_service_or_role_window() -> None:
    code = (
        "import sys\n"
        "import linguaflex_desktop.cli, linguaflex_desktop.app\n"
        "import linguaflex_desktop.ui.single_instance, linguaflex_desktop.ui.startup\n"
        "print('\\n'.join(sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "linguaflex_desktop.ui.login_window" in loaded
    early = sorted(
        name
        for name in loaded
        if any(name == banned or name.startswith(banned + ".") for banned in NOT_BEFORE_THE_WINDOW)
    )
    assert early == []


def test_qt_messages_go_to_the_log_not_the_terminal(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from linguaflex_desktop.ui.startup import log_qt_message

    with caplog.at_level(logging.DEBUG, logger="qt"):
        log_qt_message(
            QtMsgType.QtWarningMsg,
            QMessageLogContext(),
            "This plugin does not support propagateSizeHints()",
        )
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("qt", logging.WARNING, "This plugin does not support propagateSizeHints()")
    ]


def test_the_gui_thread_gets_the_interpreter_back_within_a_millisecond(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pool or worker thread running Python hands the interpreter back to the GUI thread
    after 1 ms, not CPython's 5 ms (the longest GUI gaps: bench/bench_background.py)."""
    from linguaflex_desktop.ui import startup
    from linguaflex_desktop.ui.task_runner import GUI_SWITCH_INTERVAL_S

    monkeypatch.setattr(startup, "apply_saved_language", lambda: None)
    monkeypatch.setattr(startup, "apply_theme", lambda _app: None)
    sys.setswitchinterval(0.005)
    startup.gui_application()
    assert sys.getswitchinterval() == pytest.approx(GUI_SWITCH_INTERVAL_S)
    assert GUI_SWITCH_INTERVAL_S <= 0.001
