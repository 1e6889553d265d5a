"""Start-up: the sign-in window first, everything else behind it.

``run_gui_staged`` loads Qt, the language and the theme, and shows the sign-in window
with its forms off ("Opening your data…") before anything else: the database, the keyring,
the services and the role windows' modules load on a pool thread behind the painted window.
When they are ready the ``AppController`` takes the window over (a remembered sign-in goes
straight on to the role window). A start-up problem (a database that cannot be opened, a
keyring that cannot load) ends the event loop and is raised to the caller, which reports it as
it reports any command's error.

This module imports only what the sign-in window needs; ``ui.app_controller`` (every role
window) is imported on the pool thread.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from linguaflex_desktop.ui.after_paint import AfterFirstPaint
from linguaflex_desktop.ui.i18n import apply_saved_language
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.names import APP_TITLE
from linguaflex_desktop.ui.operations.startup import open_app_data, open_spare_connections
from linguaflex_desktop.ui.task_runner import TaskRunner, prefer_the_gui_thread
from linguaflex_desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.config import Settings
    from linguaflex_desktop.ui.app_controller import AppController
    from linguaflex_desktop.ui.gui_collector import GuiThreadCollector

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

# Loaded behind the painted sign-in window, with the services.
BEHIND_THE_WINDOW = ("linguaflex_desktop.ui.app_controller",)


def gui_application() -> QApplication:
    """The app's QApplication (made once) with its name, language and theme; the other
    threads give the interpreter back to its GUI thread sooner (``prefer_the_gui_thread``)."""
    prefer_the_gui_thread()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    apply_saved_language()
    apply_theme(app)
    return app


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own messages (a platform plugin's notes, a style sheet it cannot parse) go to the
    app's log, not to the terminal, where the app's one line of its own is what a user reads."""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


@dataclass
class StagedStart:
    """What the staged start holds while the event loop runs."""

    login: LoginWindow
    runner: TaskRunner
    services: AppServices | None = None
    controller: AppController | None = None
    collector: GuiThreadCollector | None = None
    error: BaseException | None = None
    closing: bool = False


def run_gui_staged(
    settings: Settings,
    *,
    build_services: Callable[[], AppServices],
    on_services_ready: Callable[[AppServices], None] = lambda _services: None,
) -> int:
    """Run the app until its last window closes; returns the exit code.

    ``build_services`` runs on a pool thread once the sign-in window shows;
    ``on_services_ready`` runs on the GUI thread when they are ready (the app starts its
    background worker there). The caller closes the services it was given. The error
    ``build_services`` raised is raised here once the event loop has ended.
    """
    qInstallMessageHandler(log_qt_message)
    app = gui_application()
    runner = TaskRunner(app)
    start = StagedStart(LoginWindow(settings=settings, runner=runner), runner)
    start.login.show()

    def build() -> AppServices:
        services = build_services()
        try:
            for module in BEHIND_THE_WINDOW:
                importlib.import_module(module)
        except BaseException:
            services.close()
            raise
        return services

    def open_data() -> None:
        open_app_data(
            runner,
            build,
            on_success=lambda services: _services_ready(start, services, on_services_ready),
            on_failure=lambda error: _start_failed(start, app, error),
        )

    # The data opens once the window has painted: loading the database layer meanwhile
    # would share the interpreter with the first paint and delay it.
    after_paint = AfterFirstPaint(start.login, open_data)
    code = app.exec()
    del after_paint
    start.closing = True
    if start.controller is not None:
        start.controller.shutdown()
    if start.collector is not None:
        start.collector.stop()
    else:  # closed while the data was still opening: let that finish, then close it
        runner.wait_for_idle(30000)
        QApplication.processEvents()
    if start.error is not None:
        raise start.error
    return code


def _services_ready(
    start: StagedStart, services: AppServices, on_ready: Callable[[AppServices], None]
) -> None:
    if start.closing:  # the window was closed before the data was open
        services.close()
        return
    from linguaflex_desktop.ui.app_controller import AppController, collect_on_the_gui_thread
    from linguaflex_desktop.ui.data_changed import follow_change_feed
    from linguaflex_desktop.ui.operations import accounts as accounts_ops
    from linguaflex_desktop.ui.warm_up import WarmUp

    start.services = services
    on_ready(services)
    controller = AppController(services, runner=start.runner)
    start.controller = controller
    start.collector = collect_on_the_gui_thread(start.runner)  # the runner outlives windows
    follow_change_feed(start.runner, services.change_feed)
    services.start_change_listener()
    controller.adopt_login(start.login)
    # While the user types: the first-use costs of the role window's widgets and of the
    # sign-in (password check, its statements), and the connections its first loads use.
    WarmUp(start.login)
    accounts_ops.warm_up_sign_in(controller.ops)
    open_spare_connections(controller.ops)


def _start_failed(start: StagedStart, app: QApplication, error: BaseException) -> None:
    log.info("start-up refused: %s", error)
    start.error = error
    app.exit(1)
    # Hidden, not closed: closing the last window would also queue Qt's own "quit", which
    # outlives this event loop and upsets the next one in the process (tests run many).
    start.login.hide()
