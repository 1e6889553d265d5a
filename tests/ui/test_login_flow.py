"""Login / register window and the app controller: register, sign in, land on the role
window, remember me (only with a secure keyring), sign out."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.remember_me import ENTRY_NAME, SERVICE_NAME, RememberMeStore
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.errors import AuthenticationFailed
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.accounts.first_start import active_accounts_among
from linguaflex_desktop.services.accounts.passwords import PasswordHasher
from linguaflex_desktop.services.accounts.service import AccountService
from linguaflex_desktop.services.catalogue.service import CatalogueService
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.ui import app_controller as app_controller_module
from linguaflex_desktop.ui.admin.window import AdminWindow
from linguaflex_desktop.ui.app_controller import EXPIRED_NOTICE, SIGNED_OUT_NOTICE, AppController
from linguaflex_desktop.ui.inbox_page import InboxPage
from linguaflex_desktop.ui.login_window import LoginWindow
from linguaflex_desktop.ui.main_window_base import RoleWindow
from linguaflex_desktop.ui.operations.accounts import warm_up_sign_in_work
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.teacher_window import TeacherWindow
from tests.compiled_statements import compiled_anew, statements_run
from tests.ui.conftest import MemoryKeyring
from tests.ui.ui_helpers import PASSWORD, register, type_into


def started_login(qtbot: QtBot, controller: AppController) -> LoginWindow:
    """Start the app and wait until the login form is usable."""
    controller.start()
    login = controller.current_window
    assert isinstance(login, LoginWindow)
    qtbot.waitUntil(lambda: login.tabs.isEnabled(), timeout=5000)
    return login


def sign_in(qtbot: QtBot, login: LoginWindow, email: str, password: str = PASSWORD) -> None:
    type_into(qtbot, login.email_edit, email)
    type_into(qtbot, login.password_edit, password)
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)


def wait_for_window(qtbot: QtBot, controller: AppController, kind: type) -> RoleWindow:
    qtbot.waitUntil(lambda: isinstance(controller.current_window, kind), timeout=10000)
    window = controller.current_window
    assert isinstance(window, RoleWindow)
    return window


@pytest.mark.parametrize(
    ("role_index", "window_kind", "role"),
    [(0, StudentWindow, Role.STUDENT), (1, TeacherWindow, Role.TEACHER)],
)
def test_registering_signs_in_and_lands_on_the_role_window(
    qtbot: QtBot,
    controller: AppController,
    app_services: AppServices,
    role_index: int,
    window_kind: type,
    role: Role,
) -> None:
    login = started_login(qtbot, controller)
    login.tabs.setCurrentIndex(1)
    type_into(qtbot, login.register_name_edit, "Maria Lopez")
    type_into(qtbot, login.register_email_edit, "Maria@Example.com")
    type_into(qtbot, login.register_password_edit, PASSWORD)
    type_into(qtbot, login.register_confirm_edit, PASSWORD)
    login.register_role_combo.setCurrentIndex(role_index)
    login.register_time_zone_combo.set_time_zone("America/Mexico_City")
    qtbot.mouseClick(login.register_button, Qt.MouseButton.LeftButton)

    window = wait_for_window(qtbot, controller, window_kind)
    assert window.user.role is role
    assert window.user.email == "maria@example.com"
    location = app_services.settings.describe_database()
    assert window.status_label.text() == (
        f"Signed in as Maria Lopez ({role.value}) · data: {location}"
    )
    stored = app_services.accounts.authenticate(email="maria@example.com", password=PASSWORD)
    assert stored.time_zone == "America/Mexico_City"


def test_register_with_mismatched_passwords_is_refused_inline(
    qtbot: QtBot, controller: AppController
) -> None:
    login = started_login(qtbot, controller)
    login.tabs.setCurrentIndex(1)
    type_into(qtbot, login.register_password_edit, PASSWORD)
    type_into(qtbot, login.register_confirm_edit, PASSWORD + "x")
    qtbot.mouseClick(login.register_button, Qt.MouseButton.LeftButton)
    assert login.register_error.text() == "The two passwords do not match."
    assert login.register_confirm_edit.property("invalid") is True  # the field is marked
    assert controller.current_window is login


def test_a_too_long_display_name_is_counted_and_marked_while_typing(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    login = started_login(qtbot, controller)
    login.tabs.setCurrentIndex(1)
    limit = login.register_name_limit
    login.register_name_edit.setText("M" * 120)
    assert limit.label.text() == "120 / 120" and limit.is_valid()
    assert login.register_name_edit.property("invalid") is False
    login.register_name_edit.setText("M" * 123)  # before any submit
    assert limit.label.text() == "The display name is 3 characters too long (at most 120)."
    assert login.register_name_edit.property("invalid") is True
    type_into(qtbot, login.register_email_edit, "long@example.com")
    type_into(qtbot, login.register_password_edit, PASSWORD)
    type_into(qtbot, login.register_confirm_edit, PASSWORD)
    qtbot.mouseClick(login.register_button, Qt.MouseButton.LeftButton)
    assert login.register_error.text() == limit.label.text()  # refused here, nothing sent
    assert controller.current_window is login
    assert active_accounts_among(app_services.ctx, ["long@example.com"]) == frozenset()


def test_register_shows_the_service_validation_message_verbatim(
    qtbot: QtBot, controller: AppController
) -> None:
    login = started_login(qtbot, controller)
    login.tabs.setCurrentIndex(1)
    type_into(qtbot, login.register_name_edit, "Short Password")
    type_into(qtbot, login.register_email_edit, "short@example.com")
    type_into(qtbot, login.register_password_edit, "abc")
    type_into(qtbot, login.register_confirm_edit, "abc")
    qtbot.mouseClick(login.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(login.register_error.text()), timeout=5000)
    assert login.register_error.text() == "The password must have at least 10 characters."
    assert login.tabs.isEnabled()


@pytest.mark.parametrize(
    ("role", "window_kind"),
    [(Role.STUDENT, StudentWindow), (Role.TEACHER, TeacherWindow), (Role.ADMIN, AdminWindow)],
)
def test_sign_in_lands_on_the_window_of_the_users_role(
    qtbot: QtBot,
    controller: AppController,
    app_services: AppServices,
    role: Role,
    window_kind: type,
) -> None:
    user = register(app_services, role)
    login = started_login(qtbot, controller)
    sign_in(qtbot, login, user.email)
    window = wait_for_window(qtbot, controller, window_kind)
    assert window.user.id == user.id
    assert window.user_label.text() == user.display_name


def test_wrong_password_shows_the_service_message_and_stays_on_login(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    user = register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    sign_in(qtbot, login, user.email, "not the password")
    qtbot.waitUntil(lambda: bool(login.sign_in_error.text()), timeout=5000)
    assert login.sign_in_error.text() == "Wrong email or password."
    assert controller.current_window is login
    assert login.sign_in_button.text() == "Sign in" and login.tabs.isEnabled()


def test_remember_me_is_disabled_with_the_reason_when_the_keyring_is_not_secure(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    available, reason = RememberMeStore().availability()
    assert not available  # tests/conftest.py selects keyring's fail backend
    user = register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    qtbot.waitUntil(lambda: login.remember_note.text() != "Checking for secure storage…")
    assert not login.remember_checkbox.isEnabled()
    assert login.remember_checkbox.toolTip() == reason
    assert login.remember_note.text() == f"Not available: {reason}"
    sign_in(qtbot, login, user.email)
    wait_for_window(qtbot, controller, StudentWindow)
    assert app_services.remember_me.load() is None


def test_remember_me_stores_a_token_and_the_next_start_skips_the_login(
    qtbot: QtBot,
    controller: AppController,
    app_services: AppServices,
    secure_keyring: MemoryKeyring,
) -> None:
    user = register(app_services, Role.TEACHER)
    login = started_login(qtbot, controller)
    qtbot.waitUntil(lambda: login.remember_checkbox.isEnabled(), timeout=5000)
    login.remember_checkbox.setChecked(True)
    sign_in(qtbot, login, user.email)
    wait_for_window(qtbot, controller, TeacherWindow)
    entry = json.loads(secure_keyring.entries[(SERVICE_NAME, ENTRY_NAME)])
    assert entry["email"] == user.email
    assert PASSWORD not in secure_keyring.entries[(SERVICE_NAME, ENTRY_NAME)]

    second_start = AppController(app_services, runner=controller.runner)
    second_start.start()
    window = wait_for_window(qtbot, second_start, TeacherWindow)
    assert window.user.id == user.id
    window.close()
    window.deleteLater()


def test_sign_out_revokes_and_forgets_the_token_and_returns_to_login(
    qtbot: QtBot,
    controller: AppController,
    app_services: AppServices,
    secure_keyring: MemoryKeyring,
) -> None:
    user = register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    qtbot.waitUntil(lambda: login.remember_checkbox.isEnabled(), timeout=5000)
    login.remember_checkbox.setChecked(True)
    sign_in(qtbot, login, user.email)
    window = wait_for_window(qtbot, controller, StudentWindow)
    stored = app_services.remember_me.load()
    assert stored is not None
    token = stored[1]

    qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(controller.current_window, LoginWindow), timeout=5000)
    login_again = controller.current_window
    assert isinstance(login_again, LoginWindow)
    assert login_again.notice_label.text() == SIGNED_OUT_NOTICE
    assert login_again.email_edit.text() == user.email
    assert secure_keyring.entries == {}
    with pytest.raises(AuthenticationFailed):
        app_services.accounts.authenticate_token(token)


def test_a_remembered_token_that_is_no_longer_valid_is_forgotten_at_start(
    qtbot: QtBot,
    controller: AppController,
    app_services: AppServices,
    secure_keyring: MemoryKeyring,
) -> None:
    user = register(app_services, Role.STUDENT)
    app_services.remember_me.save(email=user.email, token="revoked-or-made-up-token")
    login = started_login(qtbot, controller)
    assert controller.current_window is login
    assert login.notice_label.text() == EXPIRED_NOTICE
    assert login.email_edit.text() == user.email
    assert secure_keyring.entries == {}


def test_pressing_enter_in_the_password_field_signs_in(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    user = register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    type_into(qtbot, login.email_edit, user.email)
    type_into(qtbot, login.password_edit, PASSWORD)
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
    wait_for_window(qtbot, controller, StudentWindow)


def test_role_window_shows_a_busy_indicator_while_work_runs(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    window = controller.show_role_window(register(app_services, Role.STUDENT))
    qtbot.waitUntil(lambda: controller.runner.in_flight == 0, timeout=5000)
    assert window.busy_indicator.isHidden()
    release = threading.Event()
    controller.runner.run(lambda: release.wait(5))
    assert not window.busy_indicator.isHidden()
    release.set()
    qtbot.waitUntil(lambda: window.busy_indicator.isHidden(), timeout=5000)


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER, Role.ADMIN])
def test_the_role_windows_first_loads_start_once_it_is_built_and_shown(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: AppController,
    app_services: AppServices,
    role: Role,
) -> None:
    user = register(app_services, role)
    building: list[bool] = []  # True while the window's constructor runs
    started_while_building: list[bool] = []
    shown_when_started: list[bool] = []
    kind = {Role.STUDENT: StudentWindow, Role.TEACHER: TeacherWindow, Role.ADMIN: AdminWindow}
    build = kind[role].__init__

    def building_window(window: RoleWindow, **kwargs: object) -> None:
        building.append(True)
        try:
            build(window, **kwargs)  # type: ignore[arg-type]
        finally:
            building[-1] = False

    start = controller.runner._start

    def starting(tasks: list[tuple[int, Callable[[], object]]], **options: Any) -> None:
        started_while_building.append(bool(building and building[-1]))
        window = controller.current_window
        shown_when_started.append(isinstance(window, kind[role]) and window.isVisible())
        start(tasks, **options)

    monkeypatch.setattr(kind[role], "__init__", building_window)
    monkeypatch.setattr(controller.runner, "_start", starting)
    window = controller.show_role_window(user)
    assert building == [False]
    assert started_while_building  # its first loads ...
    assert not any(started_while_building)  # ... none started inside the constructor
    assert all(shown_when_started)  # ... nor before the show, which they slowed down
    qtbot.waitUntil(lambda: controller.runner.in_flight == 0, timeout=10000)
    assert window.isVisible()


class SignInSpy:
    """What happens around a sign-in, in order, from every thread: the student windows
    built (``built``) and shown, the first loads started once a window was built, the
    password check's end and the answer of ``authenticate``. ``hold_check`` keeps the
    password check from ending until the built window's first loads have started (at most
    5 s): the interleaving of a check slow enough for the window to be built and to load
    meanwhile, forced."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, controller: AppController, *, hold_check: bool
    ) -> None:
        self.events: list[str] = []
        self.built: list[StudentWindow] = []
        self.shown: list[StudentWindow] = []
        self.loads_started = threading.Event()
        self.loads_started_during_check: bool | None = None
        build = StudentWindow.__init__
        verify = PasswordHasher.verify
        authenticate = AccountService.authenticate
        start = controller.runner._start
        shows = _Shows(self)

        def building(window: StudentWindow, **kwargs: object) -> None:
            build(window, **kwargs)  # type: ignore[arg-type]
            window.installEventFilter(shows)
            self.built.append(window)
            self.events.append("window built")

        def checking(hasher: PasswordHasher, stored: str, password: str) -> bool:
            if hold_check and stored != getattr(hasher, "_dummy_hash", None):
                self.loads_started_during_check = self.loads_started.wait(5)
            matches = verify(hasher, stored, password)
            self.events.append("password checked")
            return matches

        def authenticating(accounts: AccountService, **kwargs: Any) -> UserDTO:
            try:
                return authenticate(accounts, **kwargs)
            finally:
                self.events.append("authenticate answered")

        def starting(tasks: list[tuple[int, Callable[[], object]]], **options: Any) -> None:
            if self.built:
                self.events.extend("task started" for _task in tasks)
                self.loads_started.set()
            start(tasks, **options)

        monkeypatch.setattr(StudentWindow, "__init__", building)
        monkeypatch.setattr(PasswordHasher, "verify", checking)
        monkeypatch.setattr(AccountService, "authenticate", authenticating)
        monkeypatch.setattr(controller.runner, "_start", starting)


class _Shows(QObject):
    """Notes in ``spy`` each student window shown."""

    def __init__(self, spy: SignInSpy) -> None:
        super().__init__()
        self.spy = spy

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, StudentWindow):
            self.spy.shown.append(watched)
            self.spy.events.append("window shown")
        return False


@pytest.fixture
def student_signing_in(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: AppController,
    app_services: AppServices,
) -> tuple[UserDTO, LoginWindow, SignInSpy]:
    """A student's account, the sign-in window ready, and the spy, its check held."""
    user = register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    return user, login, SignInSpy(monkeypatch, controller, hold_check=True)


def test_the_role_window_is_built_and_loads_while_the_password_is_checked_shown_only_after(
    qtbot: QtBot,
    controller: AppController,
    app_services: AppServices,
    student_signing_in: tuple[UserDTO, LoginWindow, SignInSpy],
) -> None:
    user, login, spy = student_signing_in
    sign_in(qtbot, login, user.email)
    window = wait_for_window(qtbot, controller, StudentWindow)
    qtbot.waitUntil(lambda: controller.runner.in_flight == 0, timeout=10000)
    assert spy.loads_started_during_check is True
    assert spy.built == [window]  # the one built meanwhile is the one shown
    assert window.user == user_of(app_services, user.email)
    events = spy.events
    checked = events.index("password checked")
    assert events.index("window built") < events.index("task started") < checked
    assert events.index("window shown") > events.index("authenticate answered")
    assert spy.shown == [window] and window.isVisible()


def test_a_wrong_password_drops_the_prepared_window_unshown_with_what_it_loaded(
    qtbot: QtBot,
    controller: AppController,
    student_signing_in: tuple[UserDTO, LoginWindow, SignInSpy],
) -> None:
    user, login, spy = student_signing_in
    sign_in(qtbot, login, user.email, "not the password")
    qtbot.waitUntil(lambda: bool(login.sign_in_error.text()), timeout=10000)
    assert spy.loads_started_during_check is True
    [prepared] = spy.built
    qtbot.waitUntil(lambda: not shiboken6.isValid(prepared), timeout=5000)  # deleted
    qtbot.waitUntil(lambda: controller.runner.in_flight == 0, timeout=10000)
    assert spy.shown == []  # never shown, and its loads' results went with it
    assert controller.current_window is login
    assert login.sign_in_error.text() == "Wrong email or password."

    spy.loads_started.clear()
    sign_in(qtbot, login, user.email)  # then the right one: a new window, used
    window = wait_for_window(qtbot, controller, StudentWindow)
    assert spy.built[-1] is window and len(spy.built) == 2
    assert spy.shown == [window]


def test_an_unknown_email_prepares_no_window(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: AppController,
    app_services: AppServices,
) -> None:
    register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    spy = SignInSpy(monkeypatch, controller, hold_check=False)
    sign_in(qtbot, login, "nobody@example.com")
    qtbot.waitUntil(lambda: bool(login.sign_in_error.text()), timeout=10000)
    assert login.sign_in_error.text() == "Wrong email or password."
    assert spy.built == []


def user_of(services: AppServices, email: str) -> UserDTO:
    return services.accounts.authenticate(email=email, password=PASSWORD)


def test_quitting_while_the_password_is_checked_never_shows_the_prepared_window(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    user = register(app_services, Role.STUDENT)
    controller.prepare_role_window(user)  # as the sign-in does, while argon2 runs
    prepared = controller._prepared
    assert prepared is not None
    assert controller.runner.in_flight > 0  # its first loads, under way
    assert controller.shutdown(timeout_ms=10000)  # they only read: quickly done
    assert controller.runner.in_flight == 0
    qtbot.waitUntil(lambda: not shiboken6.isValid(prepared.window), timeout=5000)


def ancestry(thing: QObject) -> list[QObject]:
    """``thing`` and its parents, up to the top (a QObject such as a count may own a load)."""
    chain: list[QObject] = []
    node: QObject | None = thing
    while node is not None:
        chain.append(node)
        node = node.parent()
    return chain


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER, Role.ADMIN])
def test_every_first_load_of_a_role_window_is_owned_inside_it(
    controller: AppController, app_services: AppServices, role: Role
) -> None:
    """A window prepared during the password check loads before the password is verified;
    if it is wrong, the window goes and each result is dropped because its owner went. A
    load owned by no one, or by something outside, would be delivered all the same."""
    user = register(app_services, role)
    window, held = controller._build_holding_loads(user)
    for lazy in list(window._built_soon):  # the counting pages too
        lazy.get()
    owners = [controller.runner._pending[task_id].owner for task_id, _op in held.tasks]
    assert owners  # its first loads
    for owner in owners:
        assert owner is not None and window in ancestry(owner)
    held.drop(window)
    window.deleteLater()


def test_after_the_sign_in_warm_up_a_students_first_loads_compile_nothing(
    qtbot: QtBot, controller: AppController, app_services: AppServices
) -> None:
    """The warm-up, run while the sign-in window waits for the user, compiled the statements
    of the student window's first loads (this test's engine is a fresh one): the first
    sign-in of a process no longer pays for compiling them."""
    student = register(app_services, Role.STUDENT)
    warm_up_sign_in_work(app_services)

    def open_the_window_then_its_inbox() -> None:
        window = controller.show_role_window(student)
        qtbot.waitUntil(lambda: controller.runner.in_flight == 0, timeout=10000)
        assert not window.findChildren(InboxPage)  # its count only, so far
        window.tabs.setCurrentIndex(window.tabs.indexOf(window._inbox.tab_widget))
        qtbot.waitUntil(
            lambda: bool(window.findChildren(InboxPage)) and controller.runner.in_flight == 0,
            timeout=10000,
        )

    seen = statements_run(app_services.ctx, open_the_window_then_its_inbox)
    # the languages, a search, the unread messages, the inbox's count, then its page (two)
    assert len(seen) >= 7
    assert compiled_anew(seen) == []


class HeldSearch:
    """Holds every gig search on its pool thread until ``release``: a prepared student
    window's first loads still under way when the password has been verified, forced."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.released = threading.Event()
        search = CatalogueService.search_gigs

        def held(service: CatalogueService, *args: Any, **kwargs: Any) -> Any:
            self.released.wait(10)
            return search(service, *args, **kwargs)

        monkeypatch.setattr(CatalogueService, "search_gigs", held)

    def release(self) -> None:
        self.released.set()


class _LoadsInFlightAtShow(QObject):
    """Records, at each Show of the window it filters, how many of its loads were in flight."""

    def __init__(self, runner: Any) -> None:
        super().__init__()
        self.runner = runner
        self.seen: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, RoleWindow):
            self.seen.append(self.runner.in_flight_within(watched))
        return False


class HeldSignIn(NamedTuple):
    login: LoginWindow
    window: RoleWindow  # the prepared one, not shown yet
    search: HeldSearch
    shows: _LoadsInFlightAtShow


def signed_in_with_search_held(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: AppController,
    app_services: AppServices,
    *,
    wait_ms: int,
) -> HeldSignIn:
    """Sign a student in with the prepared window's search held, until the sign-in window
    has handed over the verified account; the controller waits at most ``wait_ms`` for the
    window's first loads. The window's shows are recorded from then on."""
    controller._first_data_timer.setInterval(wait_ms)
    user = register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    held = HeldSearch(monkeypatch)
    answered: list[UserDTO] = []
    login.signed_in.connect(answered.append)
    sign_in(qtbot, login, user.email)
    qtbot.waitUntil(lambda: bool(answered), timeout=10000)
    prepared = controller._prepared
    assert prepared is not None and prepared.user == answered[0]
    shows = _LoadsInFlightAtShow(controller.runner)
    prepared.window.installEventFilter(shows)
    return HeldSignIn(login, prepared.window, held, shows)


SignInHeld = Callable[[int], HeldSignIn]


@pytest.fixture
def sign_in_held(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: AppController,
    app_services: AppServices,
) -> SignInHeld:
    """``sign_in_held(wait_ms)``: ``signed_in_with_search_held`` on this test's app."""

    def signing_in(wait_ms: int) -> HeldSignIn:
        return signed_in_with_search_held(
            qtbot, monkeypatch, controller, app_services, wait_ms=wait_ms
        )

    return signing_in


def test_a_prepared_window_is_shown_once_its_first_loads_are_in(
    qtbot: QtBot, controller: AppController, sign_in_held: SignInHeld
) -> None:
    login, window, held, shows = sign_in_held(60_000)  # only the loads decide here
    assert controller.current_window is login and not window.isVisible()
    assert login.sign_in_button.text() == "Signing in…" and not login.tabs.isEnabled()
    assert controller.runner.in_flight_within(window) > 0
    held.release()
    qtbot.waitUntil(lambda: controller.current_window is window, timeout=10000)
    assert window.isVisible() and shows.seen == [0]  # shown once, every first load in
    assert not shiboken6.isValid(login) or not login.isVisible()


def test_a_prepared_window_whose_loads_are_slow_is_shown_after_the_wait_all_the_same(
    qtbot: QtBot, controller: AppController, sign_in_held: SignInHeld
) -> None:
    _login, window, held, shows = sign_in_held(50)
    qtbot.waitUntil(lambda: controller.current_window is window, timeout=10000)
    assert shows.seen and shows.seen[0] > 0  # the search was still held
    held.release()
    qtbot.waitUntil(lambda: controller.runner.in_flight == 0, timeout=10000)
    assert window.isVisible()


def test_quitting_while_a_prepared_window_waits_for_its_loads_never_shows_it(
    qtbot: QtBot, controller: AppController, sign_in_held: SignInHeld
) -> None:
    login, window, held, shows = sign_in_held(60_000)
    held.release()  # the quit waits for the running tasks, as at every quit
    assert controller.shutdown(timeout_ms=10000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
    assert shows.seen == [] and controller.current_window is login


def _failing_show(monkeypatch: pytest.MonkeyPatch, controller: AppController) -> None:
    def failing(_user: UserDTO) -> RoleWindow:
        raise RuntimeError("the window could not be built")

    monkeypatch.setattr(controller, "show_role_window", failing)


def test_a_prepared_window_that_cannot_be_shown_gives_the_sign_in_form_back(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    controller: AppController,
    sign_in_held: SignInHeld,
) -> None:
    shown_errors: list[BaseException] = []
    monkeypatch.setattr(
        app_controller_module, "show_error", lambda _parent, error: shown_errors.append(error)
    )
    _failing_show(monkeypatch, controller)
    login, _window, held, _shows = sign_in_held(60_000)
    assert not login.tabs.isEnabled()  # "Signing in…" while the window waits
    held.release()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10000)
    assert [str(error) for error in shown_errors] == ["the window could not be built"]
    assert controller.current_window is login
    assert login.sign_in_button.text() == "Sign in" and login.tabs.isEnabled()


def test_a_role_window_shown_at_once_that_fails_gives_the_sign_in_form_back(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: AppController,
    app_services: AppServices,
) -> None:
    user = register(app_services, Role.STUDENT)
    login = started_login(qtbot, controller)
    login.set_busy(True)  # as while signing in
    _failing_show(monkeypatch, controller)
    with pytest.raises(RuntimeError, match="could not be built"):  # the runner shows it
        controller.after_sign_in(user_of(app_services, user.email))
    assert controller.current_window is login and login.tabs.isEnabled()
