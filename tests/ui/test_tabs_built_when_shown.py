"""A role window builds the page of its first tab at once, the pages of the admin's tabs that
show a count (Jobs, Needs attention) once it has painted, and every other page when its tab is
first shown (or the page is asked for): opening the window costs one page, not all. The Inbox's
tab shows its unread count from a count alone, its page built only when the tab is shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.ui.admin.attention_page import AdminAttentionPage
from linguaflex_desktop.ui.admin.audit_page import AdminAuditPage
from linguaflex_desktop.ui.admin.jobs_page import AdminJobsPage
from linguaflex_desktop.ui.admin.payments_page import AdminPaymentsPage
from linguaflex_desktop.ui.admin.revenue_page import AdminRevenuePage
from linguaflex_desktop.ui.admin.window import AdminWindow, UserAdminPage
from linguaflex_desktop.ui.after_paint import LoadsAfterPaint
from linguaflex_desktop.ui.app_controller import AppController
from linguaflex_desktop.ui.booking.my_bookings_page import MyBookingsPage
from linguaflex_desktop.ui.inbox_page import InboxPage
from linguaflex_desktop.ui.main_window_base import RoleWindow
from linguaflex_desktop.ui.payments.cards_page import CardsPage
from linguaflex_desktop.ui.payments.pages import install_payment_ui
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_window import TeacherSchedulePage, TeacherWindow
from tests.integration.test_round_trips import statements_of
from tests.integration.test_shared_reads import USER_BY_ID
from tests.ui.ui_helpers import build_every_tab, register


def new_window(qtbot: QtBot, services: AppServices, runner: TaskRunner, role: Role) -> RoleWindow:
    """A new user's role window, built and not yet shown."""
    user = register(services, role)
    kind = {Role.STUDENT: StudentWindow, Role.TEACHER: TeacherWindow, Role.ADMIN: AdminWindow}
    window = kind[role](services=services, user=user, runner=runner)
    qtbot.addWidget(window)
    return window


def open_window(qtbot: QtBot, services: AppServices, runner: TaskRunner, role: Role) -> RoleWindow:
    window = new_window(qtbot, services, runner, role)
    install_payment_ui(window, open_url=lambda _url: True)
    window.show()
    return window


def tab_titles(window: RoleWindow) -> list[str]:
    return [window.tabs.tabText(index) for index in range(window.tabs.count())]


def test_only_the_first_tab_is_built_when_the_admin_window_opens(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = open_window(qtbot, app_services, runner, Role.ADMIN)
    assert window.tabs.currentIndex() == 0
    assert isinstance(window.tabs.currentWidget(), UserAdminPage)
    for hidden in (AdminAuditPage, AdminRevenuePage, AdminPaymentsPage):
        assert window.findChildren(hidden) == [], f"{hidden.__name__} built before shown"
    runner.wait_for_idle()


def test_the_counting_tabs_are_built_once_the_window_has_painted_and_show_their_counts(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = new_window(qtbot, app_services, runner, Role.ADMIN)
    assert isinstance(window, AdminWindow)
    painted = QEventLoop()
    watcher = _FirstPaint(window, painted.quit)
    counting = (AdminJobsPage, AdminAttentionPage)
    for kind in counting:
        assert window.findChildren(kind) == [], f"{kind.__name__} built before the first paint"

    window.show()
    wait_for(painted)  # the window paints with its first tab only
    assert watcher.pages_at_paint == {"InboxPage": 0, "AdminJobsPage": 0, "AdminAttentionPage": 0}
    qtbot.waitUntil(lambda: all(len(window.findChildren(kind)) == 1 for kind in counting))
    runner.wait_for_idle()
    assert window.findChildren(InboxPage) == []  # its count comes without its page
    jobs = window.jobs
    window.unread_notices.unread_changed.emit(3)  # as its count reports
    jobs.dead_count_changed.emit(2)
    assert tab_titles(window)[tab_titles(window).index("Inbox (3)")] == "Inbox (3)"
    assert tab_titles(window)[window.tabs.indexOf(jobs)] == "Jobs (2 dead)"
    inbox = window.inbox  # built in the tab's place, its title kept
    assert tab_titles(window)[window.tabs.indexOf(inbox)] == "Inbox (3)"
    runner.wait_for_idle()


def test_a_counting_page_asked_for_before_the_paint_is_built_at_once(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = new_window(qtbot, app_services, runner, Role.STUDENT)
    assert isinstance(window, StudentWindow)
    assert window.findChildren(InboxPage) == []
    inbox = window.inbox  # e.g. a notification opened before the window painted
    assert window.findChildren(InboxPage) == [inbox]
    assert window.tabs.indexOf(inbox) == tab_titles(window).index("Inbox")
    runner.wait_for_idle()


def test_a_window_built_during_the_password_check_builds_its_counting_pages_meanwhile(
    qtbot: QtBot, app_services: AppServices, controller: AppController
) -> None:
    """The check leaves the GUI thread time: the admin's counting pages are built then,
    hidden, and their first loads start then too, like the window's others, not after the
    first paint."""
    user = register(app_services, Role.ADMIN)
    started: list[str] = []
    start = controller.runner._start

    def starting(tasks: list[tuple[int, Callable[[], object]]], **options: Any) -> None:
        started.extend(getattr(op, "__qualname__", "") for _task_id, op in tasks)
        start(tasks, **options)

    controller.runner._start = starting  # type: ignore[method-assign]
    controller.prepare_role_window(user)  # as the sign-in does, while argon2 runs
    prepared = controller._prepared
    assert prepared is not None
    window = prepared.window
    assert any("unread_count" in name for name in started)  # the Inbox's count, under way
    assert not any("list_jobs" in name for name in started)
    for _turn in range(2):  # a turn a page, not AfterFirstPaint's 500 ms fall-back
        QCoreApplication.processEvents()
    assert len(window.findChildren(AdminJobsPage)) == 1
    assert len(window.findChildren(AdminAttentionPage)) == 1
    assert not window.isVisible()
    qtbot.waitUntil(lambda: any("list_jobs" in name for name in started), timeout=5000)
    assert not window.isVisible()  # the Jobs page's load too, the window still hidden
    painted = QEventLoop()
    watcher = _FirstPaint(window, painted.quit)
    controller.show_role_window(user)
    wait_for(painted)
    assert watcher.pages_at_paint == {"InboxPage": 0, "AdminJobsPage": 1, "AdminAttentionPage": 1}
    controller.runner.wait_for_idle()


def test_a_prepared_window_shown_at_once_leaves_its_counting_pages_to_after_its_paint(
    qtbot: QtBot, app_services: AppServices, controller: AppController
) -> None:
    """A check quicker than the build: no event-loop turn between them, so the counting
    pages come after the first paint, as for a window built when it is shown."""
    user = register(app_services, Role.ADMIN)
    controller.prepare_role_window(user)
    prepared = controller._prepared
    assert prepared is not None
    window = prepared.window
    painted = QEventLoop()
    watcher = _FirstPaint(window, painted.quit)
    controller.show_role_window(user)
    wait_for(painted)
    assert watcher.pages_at_paint == {"InboxPage": 0, "AdminJobsPage": 0, "AdminAttentionPage": 0}
    counting = (AdminJobsPage, AdminAttentionPage)
    qtbot.waitUntil(lambda: all(len(window.findChildren(kind)) == 1 for kind in counting))
    assert window.findChildren(InboxPage) == []
    controller.runner.wait_for_idle()


def wait_for(painted: QEventLoop) -> None:
    """Run ``painted`` until its window's first paint quits it; 30 s at most (a window that
    never paints then fails the test's assertions)."""
    never_painted = QTimer()
    never_painted.setSingleShot(True)
    never_painted.timeout.connect(painted.quit)
    never_painted.start(30_000)
    painted.exec()
    never_painted.stop()  # left armed, it would fire into a later test


class _FirstPaint(QObject):
    """Counts the counting pages when ``window`` first paints, then calls ``then``."""

    def __init__(self, window: RoleWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.then = window, then
        self.pages_at_paint: dict[str, int] | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.pages_at_paint is None and event.type() == QEvent.Type.Paint:
            self.pages_at_paint = {
                kind.__name__: len(self.window.findChildren(kind))
                for kind in (InboxPage, AdminJobsPage, AdminAttentionPage)
            }
            self.then()
        return False


def test_showing_a_tab_builds_its_page_in_place_with_its_title(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = open_window(qtbot, app_services, runner, Role.ADMIN)
    titles = tab_titles(window)
    index = titles.index("Revenue")
    window.tabs.setTabText(index, "Revenue (renamed meanwhile)")  # a count shown on the tab

    window.tabs.setCurrentIndex(index)  # as a click on the tab does

    page = window.tabs.currentWidget()
    assert isinstance(page, AdminRevenuePage)
    assert window.tabs.currentIndex() == index
    assert window.tabs.indexOf(page) == index
    assert window.tabs.tabText(index) == "Revenue (renamed meanwhile)"
    assert window.revenue is page  # built once: asking again gives the same page
    assert window.tabs.count() == len(titles)
    assert page.isVisible()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)


def test_asking_for_a_page_builds_it_without_changing_the_tab_shown(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = open_window(qtbot, app_services, runner, Role.ADMIN)
    shown = window.tabs.currentWidget()

    audit = window.audit

    assert window.tabs.currentWidget() is shown
    assert window.tabs.tabText(window.tabs.indexOf(audit)) == "Audit"
    assert not audit.isVisible()
    window.tabs.setCurrentWidget(audit)
    assert window.tabs.currentWidget() is audit
    runner.wait_for_idle()


def test_the_students_payment_hooks_arrive_with_my_bookings(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = open_window(qtbot, app_services, runner, Role.STUDENT)
    assert isinstance(window, StudentWindow)
    assert window.findChildren(MyBookingsPage) == []
    assert window.findChildren(CardsPage) == []

    window.tabs.setCurrentIndex(tab_titles(window).index("My bookings"))

    page = window.tabs.currentWidget()
    assert isinstance(page, MyBookingsPage)
    pay = [b for b in page.findChildren(QPushButton) if b.text() == "Pay…"]
    assert len(pay) == 1  # attached once, when the page was built
    assert window.findChildren(CardsPage) == []  # its own tab is still waiting
    runner.wait_for_idle()


def test_the_teachers_cancel_button_arrives_with_the_schedule(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    window = open_window(qtbot, app_services, runner, Role.TEACHER)
    assert window.findChildren(TeacherSchedulePage) == []

    window.tabs.setCurrentIndex(tab_titles(window).index("Schedule"))

    schedule = window.tabs.currentWidget()
    assert isinstance(schedule, TeacherSchedulePage)
    buttons = [b for b in schedule.findChildren(QPushButton) if b.text() == "Cancel booking…"]
    assert len(buttons) == 1
    runner.wait_for_idle()


def test_every_tab_can_be_built_and_keeps_its_place(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    for role in Role:
        window = open_window(qtbot, app_services, runner, role)
        titles = tab_titles(window)
        build_every_tab(window)
        assert tab_titles(window) == titles
        assert window.findChildren(object, "pageNotYetBuilt") == []
        assert window.tabs.currentIndex() == 0
        runner.wait_for_idle()
        window.close()


def shown_student_window(qtbot: QtBot, services: AppServices, runner: TaskRunner) -> StudentWindow:
    """A new student's window, shown, its first loads in."""
    window = new_window(qtbot, services, runner, Role.STUDENT)
    assert isinstance(window, StudentWindow)
    window.show()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)
    return window


def note_starts(
    runner: TaskRunner, notes: list[str], note: Callable[[Callable[[], object]], str]
) -> None:
    """From now on, ``note(op)`` of each task ``runner`` starts goes into ``notes``."""
    start = runner._start

    def starting(tasks: list[tuple[int, Callable[[], object]]], **options: Any) -> None:
        notes.extend(note(op) for _task_id, op in tasks)
        start(tasks, **options)

    runner._start = starting  # type: ignore[method-assign]


class _PaintsOf(QObject):
    """Notes, in ``events``, each paint of a widget of class ``kind`` (installed on the
    application: the page does not exist yet when it is installed)."""

    def __init__(self, kind: type, events: list[str]) -> None:
        super().__init__()
        self.kind, self.events = kind, events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and type(watched) is self.kind:
            self.events.append("painted")
        return False


def test_a_tab_shown_for_the_first_time_loads_once_its_page_has_painted(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    """Its first paint ("Loading bookings…") no longer shares the interpreter with the
    load's thread, which made it 20-40 ms long instead of 3-5 ms."""
    window = shown_student_window(qtbot, app_services, runner)
    events: list[str] = []
    note_starts(runner, events, lambda _op: "load started")
    paints = _PaintsOf(MyBookingsPage, events)
    app = QCoreApplication.instance()
    assert app is not None
    app.installEventFilter(paints)
    try:
        window.tabs.setCurrentIndex(tab_titles(window).index("My bookings"))
        assert len(window.findChildren(MyBookingsPage)) == 1  # built as its tab shows
        assert events == [] and runner.in_flight > 0  # its first load, held
        qtbot.waitUntil(lambda: "load started" in events, timeout=10000)
    finally:
        app.removeEventFilter(paints)
    assert events.index("painted") < events.index("load started")
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)


def test_a_page_asked_for_while_its_tab_is_hidden_loads_at_once(
    qtbot: QtBot, app_services: AppServices, runner: TaskRunner
) -> None:
    """Not about to be painted: nothing to wait for."""
    window = shown_student_window(qtbot, app_services, runner)
    started: list[str] = []
    note_starts(runner, started, lambda op: getattr(op, "__qualname__", ""))
    page = window.my_bookings_tab.get()
    assert window.tabs.currentWidget() is not page
    assert started  # its first load, started with the page
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)


def test_a_page_gone_before_it_painted_drops_the_loads_it_held(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    ran: list[str] = []

    def build() -> QPushButton:
        button = QPushButton("-")
        runner.run(lambda: ran.append("load"), owner=button)
        return button

    opening = LoadsAfterPaint(runner, build)
    assert runner.in_flight == 1  # held until it paints
    opening.widget.deleteLater()  # never shown
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    QCoreApplication.processEvents()
    assert ran == []


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER])
def test_a_prepared_windows_first_loads_load_their_user_once(
    qtbot: QtBot, app_services: AppServices, controller: AppController, role: Role
) -> None:
    """The first loads, released together, share one database session: each checks its
    acting user, and only the first of them reads the user's row."""
    user = register(app_services, role)
    with statements_of(app_services.engine) as sent:
        controller.prepare_role_window(user)
        prepared = controller._prepared
        assert prepared is not None
        qtbot.waitUntil(
            lambda: not controller.runner.in_flight_within(prepared.window), timeout=5000
        )
    user_reads = [each for each in sent if USER_BY_ID.search(each)]
    others = [each for each in sent if each.startswith("SELECT") and each not in user_reads]
    assert len(others) >= 3  # several loads...
    assert len(user_reads) == 1  # ...one user
