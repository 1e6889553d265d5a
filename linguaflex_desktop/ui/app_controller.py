"""Owns the current top-level window: login -> role window -> sign out -> login.

``run_gui`` is the GUI entry point the CLI calls. All service and keyring work goes through the
named operations of ``ui.operations`` on the one TaskRunner, whose ``DataEvents`` (the
app-wide "data changed" signal) the controller holds as ``events``.
"""

from __future__ import annotations

import gc
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.data_changed import data_events, follow_change_feed
from linguaflex_desktop.ui.errors import show_error
from linguaflex_desktop.ui.gui_collector import GuiThreadCollector
from linguaflex_desktop.ui.i18n import (
    effective_language,
    language_switch,
    save_language_choice,
    t,
)
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.main_window_base import RoleWindow
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import accounts as accounts_ops
from linguaflex_desktop.ui.operations import own_account as own_account_ops
from linguaflex_desktop.ui.operations.accounts import ResumeResult
from linguaflex_desktop.ui.password_dialogs import ChoosePasswordDialog
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.startup import gui_application
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import HeldTasks, TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherWindow

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

log = logging.getLogger(__name__)

ROLE_WINDOWS: dict[Role, type[RoleWindow]] = {
    Role.STUDENT: StudentWindow,
    Role.TEACHER: TeacherWindow,
    Role.ADMIN: AdminWindow,
}
# The longest the quit waits for tasks in flight (``shutdown``); with the worker's own half
# second (``WorkerThread.QUIT_TIMEOUT``) the app returns within about a second.
QUIT_WAIT_MS = 500
# After a sign-in, how long the prepared role window may wait, hidden, for its first loads to
# come in before it is shown all the same (their pages then show "Loading…" until they do).
FIRST_DATA_WAIT_MS = 300
SIGNED_OUT_NOTICE = tx("You have signed out.")
EXPIRED_NOTICE = tx("Your saved sign-in is no longer valid. Please sign in again.")


@dataclass(frozen=True)
class _PreparedWindow:
    """A role window built, and loading its first data, while its user's password was being
    checked."""

    user: UserDTO
    window: RoleWindow


class AppController(QObject):
    """Switches between the login window and the signed-in user's role window."""

    window_changed = Signal(object)  # the QWidget now shown

    def __init__(
        self,
        services: AppServices,
        *,
        runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner if runner is not None else TaskRunner(self)
        # The app-wide "data changed" signal: operations emit on it, pages subscribe to it.
        self.events = data_events(self.runner)
        self.current_window: QWidget | None = None
        self.user: UserDTO | None = None
        self.password_dialog: ChoosePasswordDialog | None = None
        self._prepared: _PreparedWindow | None = None
        self._awaited: _PreparedWindow | None = None  # to be shown once its loads are in
        self._first_data_timer = QTimer(self)
        self._first_data_timer.setSingleShot(True)
        self._first_data_timer.setInterval(FIRST_DATA_WAIT_MS)
        self._first_data_timer.timeout.connect(self._show_awaited)

    @property
    def ops(self) -> OpContext:
        return OpContext(self.services, self.runner)

    def start(self) -> None:
        """Show the login window; go straight to the role window if a remembered sign-in works."""
        self._resume_remembered(self.show_login())

    def adopt_login(self, login: LoginWindow) -> None:
        """Take over the sign-in window shown while the app opened its data (``ui.startup``),
        then go on as ``start`` does."""
        login.attach_services(self.services)
        self._connect_login(login)
        self.user = None
        self.current_window = login
        self.window_changed.emit(login)
        self._resume_remembered(login)

    def _connect_login(self, login: LoginWindow) -> None:
        login.signed_in.connect(self.after_sign_in)
        login.language_chosen.connect(self.change_language)
        login.checking_password.connect(self.prepare_role_window)
        login.sign_in_failed.connect(self.discard_prepared_window)
        login.destroyed.connect(self.discard_prepared_window)

    def _resume_remembered(self, login: LoginWindow) -> None:
        login.set_busy(True)
        login.show_notice(t("Checking for a saved sign-in…"))
        accounts_ops.resume_remembered(
            self.ops,
            on_success=self._on_resume_result,
            on_failure=self._on_resume_failed,
            owner=login,
        )

    def show_login(self, *, notice: str | None = None, email: str | None = None) -> LoginWindow:
        login = LoginWindow(services=self.services, runner=self.runner)
        self._connect_login(login)
        login.show_notice(notice)
        if email:
            login.prefill_email(email)
        self.user = None
        self._replace_window(login)
        return login

    def after_sign_in(self, user: UserDTO) -> None:
        """The role window, or first the "Choose a new password" dialog when the user signed
        in with an admin's temporary password (declining it signs out).

        A role window prepared while the password was checked is shown once its first loads
        are in (at most FIRST_DATA_WAIT_MS from now; the sign-in window still says "Signing
        in…"): its first paint shows its data. Shown while they still came in, it painted its
        pages empty, then again as each load delivered, and those paints shared the
        interpreter with the loads' thread."""
        if not user.must_change_password:
            prepared = self._prepared
            try:
                if (
                    prepared is not None
                    and prepared.user == user
                    and shiboken6.isValid(prepared.window)
                    and self.runner.in_flight_within(prepared.window)
                ):
                    self._await_first_data(prepared)
                else:
                    self.show_role_window(user)
            except Exception:
                self._login_takes_over()
                raise
            return
        self.discard_prepared_window()
        dialog = ChoosePasswordDialog(
            services=self.services, runner=self.runner, user=user, parent=self.current_window
        )
        dialog.password_chosen.connect(self.show_role_window)
        dialog.rejected.connect(self.sign_out)
        dialog.finished.connect(dialog.deleteLater)
        self.user = user
        self.password_dialog = dialog
        dialog.open()

    def show_role_window(self, user: UserDTO) -> RoleWindow:
        if user.must_change_password:  # after_sign_in asks for the new password first
            raise ValueError("a temporary password must be replaced before the role window")
        prepared = self._take_prepared(user)
        held: HeldTasks | None = None
        if prepared is not None:
            window = prepared.window  # its first data is in, or on its way
        else:
            window, held = self._build_holding_loads(user)
        try:
            window.sign_out_requested.connect(self.sign_out)
            window.language_chosen.connect(self.change_language)
            self.user = user
            self._replace_window(window)
        except BaseException:
            if held is not None:
                held.drop(window)
            raise
        # Its first loads start once it is shown. Started before, their threads took the
        # interpreter from the show, which got it back only a switch interval (5 ms) at a
        # time: the show then waited 5-12 ms on Postgres.
        if held is not None:
            held.release()
        self._record_language(window)
        return window

    def prepare_role_window(self, user: UserDTO) -> None:
        """While the password is checked (argon2 leaves the interpreter to the other
        threads): build, hidden, the role window of the account a right password signs in,
        polish it, then let it load its first data. ``show_role_window`` shows it once the
        sign-in succeeds, painted once, with its data; if it fails, the window goes unshown
        with what it loaded (``discard_prepared_window``).

        So the account's data is read before its password is verified, but it reaches no
        one before: the loads only read, and deliver into the hidden window. Nothing is
        written or sent for the user until the sign-in succeeds."""
        self.discard_prepared_window()
        if user.must_change_password:
            return  # the "Choose a new password" dialog comes first
        window, held = self._build_holding_loads(user)
        # Held while it was built, then polished: a load's thread took the interpreter from
        # the build, which got it back only a switch interval (5 ms) at a time.
        window.ensurePolished()  # the style sheet's rules, computed at the show otherwise
        held.release()
        window.build_soon_pages_while_hidden()
        self._prepared = _PreparedWindow(user, window)

    @Slot()
    def discard_prepared_window(self, *_args: object) -> None:
        """The sign-in failed (or its window went): the prepared window goes, unshown, and
        with it what its loads bring (a result whose owner is gone is dropped)."""
        self._stop_awaiting()
        prepared, self._prepared = self._prepared, None
        if prepared is not None:
            prepared.window.deleteLater()

    def sign_out(self) -> None:
        """Revoke + forget a remembered token, then return to the login window."""
        email = self.user.email if self.user else None
        accounts_ops.sign_out(
            self.ops,
            on_success=lambda _none: self._on_signed_out(email),
            on_failure=lambda error: self._on_sign_out_failed(error, email),
            owner=self.current_window,
        )

    def change_language(self, choice: str | None) -> None:
        """Account > Language: save the choice (None: follow the system), load its catalogue
        and build the open window again in it (a role window keeps its user, the sign-in
        window starts afresh). Rebuilding a role window records the new language on the
        account (``show_role_window``), so the user's messages follow it."""
        save_language_choice(choice)
        switch = language_switch()
        previous = switch.language
        switch.apply(effective_language(choice))
        if switch.language == previous:
            return
        window = self.current_window
        if isinstance(window, RoleWindow):
            self.show_role_window(window.user)
        else:
            self.show_login()

    def shutdown(self, timeout_ms: int = QUIT_WAIT_MS) -> bool:
        """After the last window closed: wait at most ``timeout_ms`` for the running tasks to
        deliver, so an action sent just before closing usually commits before the services
        close; True when idle. The quit itself never waits longer.

        A task still running then is not cut off: a pool thread cannot be stopped from
        outside, and the process, with no window left, ends when the task does (PySide waits
        for the pool at exit). Each task is one service call: a database transaction,
        committed whole or rolled back, or a peer's call bounded by its own time-out (a
        payment whose outcome could not be recorded is settled by the reconcile at the next
        start)."""
        self.discard_prepared_window()  # quit while a password was checked: it is never shown
        idle = self.runner.wait_for_idle(timeout_ms)
        if not idle:
            log.warning("%d background task(s) still running at exit", self.runner.in_flight)
        return idle

    # --- internals ------------------------------------------------------------------------

    def _build_role_window(self, user: UserDTO) -> RoleWindow:
        window = ROLE_WINDOWS[user.role](services=self.services, user=user, runner=self.runner)
        install_payment_ui(window)
        return window

    def _build_holding_loads(self, user: UserDTO) -> tuple[RoleWindow, HeldTasks]:
        """The user's role window, built with the first loads its pages ask for held (the
        caller releases or drops them); if the build fails, they are dropped. Released,
        they share one database session (``reads_together``): each of them loads the
        acting user first, and from the second on it is found in that session."""
        held = self.runner.hold(together=self.services.ctx.reads_together)
        try:
            return self._build_role_window(user), held
        except BaseException:
            held.drop()
            raise

    def _await_first_data(self, prepared: _PreparedWindow) -> None:
        self._awaited = prepared
        self.runner.delivered.connect(self._on_task_delivered)
        self._first_data_timer.start()

    @Slot()
    def _on_task_delivered(self) -> None:
        awaited = self._awaited
        if awaited is not None and not (
            shiboken6.isValid(awaited.window) and self.runner.in_flight_within(awaited.window)
        ):
            self._show_awaited()

    @Slot()
    def _show_awaited(self) -> None:
        """Its first loads are in, or FIRST_DATA_WAIT_MS have passed: show the awaited
        window (unless the sign-in was given up meanwhile, as when the app quit)."""
        awaited = self._awaited
        self._stop_awaiting()
        if awaited is None or self._prepared is not awaited:
            return
        try:
            self.show_role_window(awaited.user)
        except Exception as error:
            self._login_takes_over()
            show_error(self.current_window, error)

    def _login_takes_over(self) -> None:
        """The role window could not be shown: the sign-in window, still "Signing in…",
        takes the user's next try."""
        login = self.current_window
        if isinstance(login, LoginWindow):
            login.sign_in_ended()

    def _stop_awaiting(self) -> None:
        if self._awaited is not None:
            self._awaited = None
            self._first_data_timer.stop()
            self.runner.delivered.disconnect(self._on_task_delivered)

    def _take_prepared(self, user: UserDTO) -> _PreparedWindow | None:
        """The prepared window when it was built for this very answer (the account did not
        change meanwhile); otherwise it is discarded."""
        prepared = self._prepared
        if prepared is not None and prepared.user == user and shiboken6.isValid(prepared.window):
            self._prepared = None
            return prepared
        self.discard_prepared_window()
        return None

    def _record_language(self, window: RoleWindow) -> None:
        """The signed-in user's notifications and e-mails are written in the language the
        app now shows: recorded on the account off the GUI thread unless it is the one
        recorded already (as at most sign-ins); a failure is only logged."""
        language = language_switch().language
        if window.user.language == language:
            return
        own_account_ops.record_language(self.ops, window.user.actor, language)
        window.user = replace(window.user, language=language)  # a later change compares
        self.user = window.user

    def _replace_window(self, window: QWidget) -> None:
        previous = self.current_window
        self.current_window = window
        window.show()  # before closing the old one, so the app never has zero windows
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self.window_changed.emit(window)

    def _on_resume_result(self, result: ResumeResult) -> None:
        if result.user is not None:
            self.after_sign_in(result.user)
            return
        login = self.current_window
        if isinstance(login, LoginWindow):
            login.set_busy(False)
            login.show_notice(EXPIRED_NOTICE if result.expired else None)
            if result.email:
                login.prefill_email(result.email)

    def _on_resume_failed(self, error: BaseException) -> None:
        login = self.current_window
        if isinstance(login, LoginWindow):
            login.set_busy(False)
            login.show_notice(None)
        show_error(login, error)

    def _on_signed_out(self, email: str | None) -> None:
        self.show_login(notice=SIGNED_OUT_NOTICE, email=email)

    def _on_sign_out_failed(self, error: BaseException, email: str | None) -> None:
        login = self.show_login(notice=SIGNED_OUT_NOTICE, email=email)
        show_error(login, error)


def run_gui(
    services: AppServices, *, screenshot: Path | None = None, screenshot_role: Role | None = None
) -> int:
    """Run the app until the last window closes; returns the exit code.

    With ``screenshot`` it renders one window offscreen instead (the login window, or the role
    window of the first demo account of ``screenshot_role``), saves it as PNG, and returns.
    """
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = gui_application()
    controller = AppController(services, runner=TaskRunner(app))
    if screenshot is not None:
        return _save_screenshot(controller, screenshot, screenshot_role)
    collector = collect_on_the_gui_thread(app)
    follow_change_feed(controller.runner, services.change_feed)
    services.start_change_listener()
    controller.start()
    code = app.exec()
    controller.shutdown()
    collector.stop()
    return code


def freeze_startup_objects() -> None:
    """Collect once, then keep what exists now (modules, classes, Qt bindings, services: some
    100,000 objects that live until exit) out of later garbage collections. A full collection
    over them holds the GIL ~50 ms, and one comes now and then while lists load: the GUI thread
    froze for it (bench/bench_booking_windows.py). Objects made later are collected as usual.
    """
    gc.collect()
    gc.freeze()


def collect_on_the_gui_thread(parent: QObject) -> GuiThreadCollector:
    """Before the first window: freeze the objects alive at startup, then collect garbage on
    the GUI thread only (``ui.gui_collector``) until the returned collector is stopped."""
    freeze_startup_objects()
    collector = GuiThreadCollector(parent)
    collector.start()
    return collector


def _save_screenshot(controller: AppController, path: Path, role: Role | None) -> int:
    runner = controller.runner
    window: QWidget = controller.show_login()
    if role is not None:
        signed_in: list[UserDTO] = []
        accounts_ops.demo_sign_in(controller.ops, role, on_success=signed_in.append)
        runner.wait_for_idle(30000)
        if not signed_in:
            log.error("could not sign in as the demo %s", role.value)
            return 1
        window = controller.show_role_window(signed_in[0])
    runner.wait_for_idle(30000)
    if isinstance(window, RoleWindow):
        window.prepare_for_screenshot()
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = window.grab().save(str(path))
    window.close()
    controller.shutdown()
    if not saved:
        log.error("could not write the screenshot to %s", path)
    return 0 if saved else 1
