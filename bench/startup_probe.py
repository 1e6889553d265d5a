"""The child process of ``bench_startup``: one start, timed from inside.

``python bench/startup_probe.py bare`` shows a bare PySide6 QMainWindow (the reference);
``python bench/startup_probe.py app DATA_DIR EMAIL PASSWORD`` starts the app as the
``linguaflex`` command does (``DATABASE_URL`` from the environment), then signs in with the
sign-in window's own form. It prints ``painted <epoch seconds>`` when the first window has
painted (the parent took the epoch time just before it started the process), and in app mode
``signed_in <ms>`` (Sign in pressed -> the end of the role window's first paint begun with
every load it started delivered; its parts ``password_checked`` (up to the sign-in window's
``signed_in`` signal, whose first slot shows the role window built during the check, at once
or once its first loads are in), ``window_shown`` (to its Show event) and
``painted_with_data``), ``repaint <ms>`` (one more paint of the whole window, after the
figure: what the probe once added to it) and ``verify <ms>`` (argon2 verify of the same
password hash, best of 3), then closes the window as a user would.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

POLL_MS = 2
TYPING_MS = 1000  # e-mail and password typed
TIMEOUT_MS = 120_000


def say(key: str, value: float) -> None:
    print(f"{key} {value!r}", flush=True)


class FirstPaint(QObject):
    """Calls ``then`` once, right after the first paint of a widget of the class named.

    Installed on the application, it moves onto the first widget of that class it sees: a
    Python filter on every event of the process would slow down what is measured (building
    a window is some 2,000 events), where the bare window's probe filters only its window.
    """

    def __init__(self, class_name: str, then: Callable[[], object]) -> None:
        super().__init__()
        self.class_name, self.then, self.done, self.moved = class_name, then, False, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done or type(watched).__name__ != self.class_name:
            return False
        application = QApplication.instance()
        if not self.moved and application is not None:
            self.moved = True
            application.removeEventFilter(self)  # safe while filtering, as Qt documents
            watched.installEventFilter(self)
        if event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.then)  # after this paint has finished
        return False


def visible(class_name: str) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == class_name and widget.isVisible():
            return widget
    return None


def poll(condition: object, then: object) -> None:
    """Run ``then`` as soon as ``condition()`` holds, checking every POLL_MS."""
    timer = QTimer(QApplication.instance())
    timer.setInterval(POLL_MS)

    def tick() -> None:
        if condition():  # type: ignore[operator]
            timer.stop()
            then()  # type: ignore[operator]

    timer.timeout.connect(tick)
    timer.start()


def bare() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(460, 580)
    window.setWindowTitle("bare")

    def painted() -> None:
        say("painted", time.time())
        window.close()

    watcher = FirstPaint("QMainWindow", painted)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


class RoleWindowPainted(QObject):
    """Watches the role window from the sign-in on: ``shown`` at its Show event, then
    ``then`` right after its first paint that began with every load it started delivered:
    the paint the user sees with the window's first data.

    Only paints of the shown window count (not a render of it while hidden). A paint that
    begins while loads are still in flight (a window shown before its data) does not count
    either; then, once they are all in, the window is repainted and that paint counts, as
    an update of each view the loads filled would be painted.
    """

    def __init__(
        self, window: QWidget, shown: Callable[[], object], then: Callable[[], object]
    ) -> None:
        super().__init__(window)
        self.window, self.shown, self.then, self.done = window, shown, then, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done:
            return False
        if event.type() == QEvent.Type.Show:
            self.shown()
        elif event.type() == QEvent.Type.Paint and self.window.isVisible():
            self.done = True
            if self.window.runner.in_flight == 0:  # type: ignore[attr-defined]
                QTimer.singleShot(0, self.then)  # after this paint has finished
            else:
                poll(lambda: self.window.runner.in_flight == 0, self.repainted)  # type: ignore[attr-defined]
        return False

    def repainted(self) -> None:
        self.window.repaint()
        self.then()


def app(data_dir: str, email: str, password: str) -> int:
    application = QApplication(sys.argv[:1])
    started: dict[str, float] = {}

    def login_ready() -> bool:
        login = visible("LoginWindow")
        return bool(login is not None and login.services is not None and login.tabs.isEnabled())  # type: ignore[attr-defined]

    def sign_in() -> None:
        login = visible("LoginWindow")
        login.email_edit.setText(email)  # type: ignore[union-attr]
        login.password_edit.setText(password)  # type: ignore[union-attr]
        login.signed_in.connect(password_checked)  # type: ignore[union-attr]
        started["click"] = time.perf_counter()
        login.sign_in_button.click()  # type: ignore[union-attr]

    def password_checked() -> None:
        # The app's own slot came first: the role window is built (during the check), and
        # shown now or once its first loads are in.
        started.setdefault("checked", time.perf_counter())
        window = next(
            w for w in QApplication.topLevelWidgets() if type(w).__name__ == "StudentWindow"
        )
        if window.isVisible():  # shown by that slot: its loads were in already
            role_window_shown()
        window.installEventFilter(RoleWindowPainted(window, role_window_shown, role_window_done))

    def role_window_shown() -> None:
        started.setdefault("shown", time.perf_counter())

    def role_window_done() -> None:
        now = time.perf_counter()
        window = visible("StudentWindow")
        assert window is not None and window.runner.in_flight == 0  # type: ignore[attr-defined]
        say("signed_in", (now - started["click"]) * 1000)
        say("password_checked", (started["checked"] - started["click"]) * 1000)
        say("window_shown", (started["shown"] - started["checked"]) * 1000)
        say("painted_with_data", (now - started["shown"]) * 1000)
        began = time.perf_counter()
        window.repaint()  # not part of the figure: what one more paint of it costs
        say("repaint", (time.perf_counter() - began) * 1000)
        say("verify", verify_ms(window.services, email, password))  # type: ignore[attr-defined]
        window.close()

    def login_painted() -> None:
        say("painted", time.time())
        # Sign in as a person does: once the form is on, after typing for a moment.
        poll(login_ready, lambda: QTimer.singleShot(TYPING_MS, sign_in))

    watcher = FirstPaint("LoginWindow", login_painted)
    application.installEventFilter(watcher)
    QTimer.singleShot(TIMEOUT_MS, QApplication.closeAllWindows)
    from linguaflex_desktop.cli import main

    return main(["--data-dir", data_dir, "gui"])


def verify_ms(services: object, email: str, password: str) -> float:
    """The password check alone: argon2 verify of the account's stored hash, best of 3."""
    from sqlalchemy import select

    from linguaflex_desktop.models import User
    from linguaflex_desktop.services.accounts.passwords import PasswordHasher

    with services.ctx.unit_of_work(write=False) as uow:  # type: ignore[attr-defined]
        stored = uow.session.scalar(select(User.password_hash).where(User.email == email))
    hasher = PasswordHasher()
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        hasher.verify(stored, password)
        best = min(best, time.perf_counter() - began)
    return best * 1000


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        sys.exit(bare())
    sys.exit(app(*sys.argv[2:5]))
