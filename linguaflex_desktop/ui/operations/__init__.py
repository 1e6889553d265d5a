"""Named UI operations, as Anki's ``aqt.operations``: each says what runs off the GUI thread.

A window calls e.g. ``booking.cancel_booking(ctx, actor, booking_id, reason=..., ...,
on_success=..., on_failure=..., owner=self)`` instead of handing a lambda to the TaskRunner.

- ``query``: a read. ``work`` runs on a pool thread and touches no widget; ``on_success`` /
  ``on_failure`` run on the GUI thread unless ``owner`` was destroyed meanwhile (the result is
  dropped). Without ``on_failure`` the error goes to ``show_error``.
- ``change``: a write. The same, and after success it emits one ``Change`` on the app-wide
  ``DataEvents.changed`` (GUI thread) — also when ``owner`` is gone by then, because the data
  changed all the same and other pages must show it. Nothing is emitted on failure, unless
  ``changed_on_failure`` names a refusal that the services record (a declined card).

Both are built on ``TaskRunner.run``; its threading is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypedDict, TypeVar, Unpack

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from linguaflex_desktop.ui.data_changed import Change, DataEvents, data_events
from linguaflex_desktop.ui.errors import show_error
from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

T = TypeVar("T")
OnSuccess = Callable[[Any], None]
OnFailure = Callable[[BaseException], None]


class Callbacks(TypedDict, total=False):
    """The keyword arguments every named operation passes on to ``query`` / ``change``."""

    on_success: Callable[[Any], None] | None
    on_failure: OnFailure | None
    owner: QObject | None


class _HasServicesAndRunner(Protocol):
    services: AppServices
    runner: TaskRunner


@dataclass(frozen=True)
class OpContext:
    """What an operation needs: the services (used on the pool thread) and the runner."""

    services: AppServices
    runner: TaskRunner

    @property
    def events(self) -> DataEvents:
        return data_events(self.runner)

    @classmethod
    def of(cls, holder: _HasServicesAndRunner) -> OpContext:
        """The context of a window, page or dialog holding ``services`` and ``runner``."""
        return cls(holder.services, holder.runner)


def query(
    ctx: OpContext,
    work: Callable[[], T],
    *,
    on_success: Callable[[T], None] | None = None,
    on_failure: OnFailure | None = None,
    owner: QObject | None = None,
) -> None:
    """Run the read ``work`` on a pool thread; callbacks on the GUI thread (see module)."""
    ctx.runner.run(work, on_success=on_success, on_failure=on_failure, owner=owner)


def load(runner: TaskRunner, work: Callable[[], T], **cb: Unpack[Callbacks]) -> None:
    """Query for the generic views that are handed their loader by a page (PagedTableModel,
    SlotWeekView): ``work`` is that loader, bound to its arguments; it runs on a pool thread."""
    runner.run(work, **cb)


def change(
    ctx: OpContext,
    work: Callable[[], T],
    *,
    changed: Change | Callable[[T], Change],
    changed_on_failure: Callable[[BaseException], Change | None] | None = None,
    on_success: Callable[[T], None] | None = None,
    on_failure: OnFailure | None = None,
    owner: QObject | None = None,
) -> None:
    """Run the write ``work`` on a pool thread; on the GUI thread call back (unless ``owner``
    is gone), then emit ``changed`` (or ``changed(result)``) once. See the module."""
    events = ctx.events

    def succeeded(result: T) -> None:  # GUI thread
        try:
            if on_success is not None and not _destroyed(owner):
                on_success(result)
        except Exception as error:
            show_error(_widget(owner), error)
        finally:
            made = changed(result) if callable(changed) else changed
            if made.origin is None and owner is not None:
                made = Change(made.kind, made.ids, made.related, owner)
            events.emit_change(made)

    def failed(error: BaseException) -> None:  # GUI thread
        try:
            if _destroyed(owner):
                return
            if on_failure is not None:
                on_failure(error)
            else:
                show_error(_widget(owner), error)
        finally:
            # Some refusals are recorded all the same (a declined card leaves a failed payment).
            made = changed_on_failure(error) if changed_on_failure is not None else None
            if made is not None:
                events.emit_change(made)

    def marked() -> T:  # pool thread: this window announces the change (change_feed)
        from linguaflex_desktop.change_feed import UI_ACTION  # not needed before sign-in shows

        token = UI_ACTION.set(True)
        try:
            return work()
        finally:
            UI_ACTION.reset(token)

    # No owner for the runner: the change must be announced even when the owner is gone;
    # the callbacks above check the owner themselves.
    ctx.runner.run(marked, on_success=succeeded, on_failure=failed)


def _destroyed(owner: QObject | None) -> bool:
    return owner is not None and not shiboken6.isValid(owner)


def _widget(owner: QObject | None) -> QWidget | None:
    return owner if isinstance(owner, QWidget) and shiboken6.isValid(owner) else None
