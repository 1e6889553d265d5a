"""One application-wide "data changed" signal, as Anki's ``operation_did_execute`` hook.

An operation that changes data emits one ``Change`` on ``DataEvents.changed`` after it
succeeded (on the GUI thread); pages that show that kind of data subscribe with
``refresh_on`` and reload themselves. Pages no longer wire refreshes to each other.
There is one ``DataEvents`` per TaskRunner (``data_events``), and an app has one runner, so
every window, page and dialog of the app reaches the same instance. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.change_feed import ChangeFeed

ChangeKind = Literal[
    "availability",
    "booking",
    "cancellation",
    "card",
    "gig",
    "job",
    "message",
    "notification",
    "payment",
    "payout",
    "profile",
    "review",
    "settings",
    "user",
]
_OBJECT_NAME = "linguaflexDataEvents"


@dataclass(frozen=True)
class Change:
    """What changed: a ``kind``, the kinds it also touched (``related``; a refund changes a
    payment and its booking), the ids concerned when known, and the widget that started it
    (``origin``; that page has already shown the result, so it need not reload)."""

    kind: ChangeKind
    ids: tuple[int, ...] = ()
    related: frozenset[ChangeKind] = frozenset()
    origin: QObject | None = field(default=None, compare=False, repr=False)

    def concerns(self, kinds: Iterable[ChangeKind]) -> bool:
        wanted = set(kinds)
        return self.kind in wanted or bool(self.related & wanted)


class DataEvents(QObject):
    """Holds the app-wide ``changed`` signal (carries a ``Change``)."""

    changed = Signal(object)

    def emit_change(self, change: Change) -> None:
        self.changed.emit(change)


def data_events(runner: TaskRunner) -> DataEvents:
    """The app's DataEvents: a child of ``runner``, created on first use (GUI thread)."""
    existing = runner.findChild(DataEvents, _OBJECT_NAME)
    if isinstance(existing, DataEvents):
        return existing
    events = DataEvents(runner)
    events.setObjectName(_OBJECT_NAME)
    return events


class _Subscription(QObject):
    """A child of the subscribing widget, so the connection ends when the widget goes.

    With ``defer_while_hidden`` a hidden widget (a tab not shown) is refreshed when it is
    shown next, once, with the last change it missed, so it does not query for nothing."""

    def __init__(
        self,
        widget: QObject,
        kinds: frozenset[ChangeKind],
        refresh: Callable[[Change], None],
        defer_while_hidden: bool,
    ) -> None:
        super().__init__(widget)
        self._widget, self._kinds, self._refresh = widget, kinds, refresh
        self._defer = defer_while_hidden
        self._missed: Change | None = None

    @Slot(object)
    def on_changed(self, change: Change) -> None:
        if not shiboken6.isValid(self._widget) or not change.concerns(self._kinds):
            return
        if change.origin is self._widget:
            return  # the page made this change and has shown it already
        if self._defer and isinstance(self._widget, QWidget) and not self._widget.isVisible():
            if self._missed is None:
                self._widget.installEventFilter(self)
            self._missed = change
            return
        self._refresh(change)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._missed:
            missed, self._missed = self._missed, None
            watched.removeEventFilter(self)
            self._refresh(missed)
        return False


def refresh_on(
    widget: QObject,
    runner: TaskRunner,
    kinds: Iterable[ChangeKind],
    refresh: Callable[[Change], None],
    *,
    defer_while_hidden: bool = False,
) -> QObject:
    """Call ``refresh(change)`` on the GUI thread when a change of one of ``kinds`` is made
    elsewhere than ``widget``; returns the subscription (deleted with ``widget``)."""
    subscription = _Subscription(widget, frozenset(kinds), refresh, defer_while_hidden)
    data_events(runner).changed.connect(subscription.on_changed)
    return subscription


FEED_COALESCE_MS = 200


class FeedBridge(QObject):
    """Brings the change feed (changes committed by the app's worker thread, by
    ``linguaflex worker`` or by another desktop on the same Postgres; see change_feed) onto
    the GUI thread as one ``Change`` per burst: kinds arriving within ``FEED_COALESCE_MS`` are
    announced together, so a run of commits reloads each page once."""

    _arrived = Signal(object)  # frozenset[str], emitted on the publishing thread

    def __init__(self, runner: TaskRunner, feed: ChangeFeed) -> None:
        super().__init__(runner)
        self._events = data_events(runner)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FEED_COALESCE_MS)
        self._timer.timeout.connect(self._announce)
        self._arrived.connect(self._collect)  # queued: the feed publishes on other threads
        self._unsubscribe = feed.subscribe(self._arrived.emit)
        self.destroyed.connect(lambda *_args: self._unsubscribe())

    @Slot(object)
    def _collect(self, kinds: frozenset[str]) -> None:
        self._pending |= kinds
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _announce(self) -> None:
        kinds = sorted(self._pending)
        self._pending.clear()
        if kinds:
            first, *rest = kinds
            self._events.emit_change(
                Change(
                    cast(ChangeKind, first), related=frozenset(cast(ChangeKind, k) for k in rest)
                )
            )


def follow_change_feed(runner: TaskRunner, feed: ChangeFeed) -> FeedBridge:
    """Announce the feed's changes on ``runner``'s DataEvents (once per runner)."""
    existing = runner.findChild(FeedBridge)
    if isinstance(existing, FeedBridge):
        return existing
    return FeedBridge(runner, feed)
