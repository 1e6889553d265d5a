"""Views follow the change feed: a change committed outside the window's own actions (the
app's worker thread here; another desktop on Postgres in tests/integration/test_change_feed.py)
reloads the pages that show it, once per burst; a window's own action is not announced twice."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.change_feed import ChangeFeed, Notice
from linguaflex_desktop.models.enums import BookingStatus
from linguaflex_desktop.ui.data_changed import Change, data_events, follow_change_feed
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.student_window import StudentWindow
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.booking_ui_helpers import School, book, make_school


def announce_sentinel(qtbot: QtBot, runner: TaskRunner, feed: ChangeFeed) -> None:
    """Publish a "gig" change and wait for its Change: whatever the feed had to announce
    before it has been announced by then (one queue, one coalescing timer)."""
    with qtbot.waitSignal(
        data_events(runner).changed,
        timeout=5000,
        check_params_cb=lambda change: change.kind == "gig",
    ):
        feed.publish(Notice(kinds=frozenset({"gig"}), origin="sentinel"))


def test_a_burst_from_another_thread_becomes_one_change_with_every_kind(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    feed = ChangeFeed()
    assert follow_change_feed(runner, feed) is follow_change_feed(runner, feed)  # one bridge
    seen: list[Change] = []
    data_events(runner).changed.connect(seen.append)
    burst = threading.Thread(
        target=lambda: [
            feed.publish(Notice(kinds=frozenset({"booking"}), origin="worker")),
            feed.publish(Notice(kinds=frozenset({"payment", "booking"}), origin="worker")),
        ]
    )
    with qtbot.waitSignal(data_events(runner).changed, timeout=5000):
        burst.start()
    burst.join()
    announce_sentinel(qtbot, runner, feed)  # a second Change of the burst would come first
    assert len(seen) == 2 and seen[1].kind == "gig"
    assert seen[0].concerns({"booking"}) and seen[0].concerns({"payment"})
    assert not seen[0].concerns({"gig"}) and seen[0].ids == ()


def test_a_booking_cancelled_by_another_thread_shows_in_my_bookings_without_refresh(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner
) -> None:
    school: School = make_school(clocked_services)
    booking = book(clocked_services, school)
    follow_change_feed(runner, clocked_services.change_feed)
    window = StudentWindow(services=clocked_services, user=school.student, runner=runner)
    qtbot.addWidget(window)
    page = window.my_bookings
    page.show_combo.setCurrentIndex(page.show_combo.findData("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.is_loading, timeout=5000)
    # as the app's worker thread commits: a change that no window of this app made
    worker = threading.Thread(
        target=lambda: clocked_services.bookings.cancel_booking(
            school.admin.actor, booking.id, reason="Teacher ill"
        )
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(
        lambda: page.model.booking_at(0).status is BookingStatus.CANCELLED, timeout=5000
    )


def test_a_windows_own_action_is_announced_once(
    qtbot: QtBot, clocked_services: AppServices, runner: TaskRunner
) -> None:
    school = make_school(clocked_services)
    booking = book(clocked_services, school)
    follow_change_feed(runner, clocked_services.change_feed)
    seen: list[Change] = []
    data_events(runner).changed.connect(seen.append)
    with qtbot.waitSignal(data_events(runner).changed, timeout=5000):
        booking_ops.cancel_booking(
            OpContext(clocked_services, runner),
            school.student.actor,
            booking.id,
            reason="",
            expected_version=None,
        )
    announce_sentinel(qtbot, runner, clocked_services.change_feed)
    assert [change.kind for change in seen] == ["booking", "gig"]  # not a second "booking"
