"""Teachers' photos for the student's gig panel: fetched once per teacher and photo version
through the TaskRunner, kept for the window's life. GUI thread only."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import catalogue as catalogue_ops
from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class TeacherPhotos(QObject):
    """``photo()`` answers from the cache or starts one fetch; ``photo_ready`` follows."""

    photo_ready = Signal(int, object)  # teacher id, bytes | None

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self._cache: dict[int, tuple[datetime, bytes | None]] = {}
        self._loading: dict[int, datetime] = {}

    def photo(self, teacher_id: int, version: datetime | None) -> bytes | None:
        """The photo of ``version`` if known; else None now and ``photo_ready`` later (no
        fetch at all when ``version`` is None: the teacher has no photo)."""
        if version is None:
            return None
        cached = self._cache.get(teacher_id)
        if cached is not None and cached[0] == version:
            return cached[1]
        if self._loading.get(teacher_id) != version:
            self._loading[teacher_id] = version
            catalogue_ops.get_teacher_photo(
                OpContext.of(self),
                self.actor,
                teacher_id,
                on_success=lambda data: self._on_loaded(teacher_id, version, data),
                on_failure=lambda _error: self._forget(teacher_id),
                owner=self,
            )
        return None

    def _forget(self, teacher_id: int) -> None:
        """A failed fetch (the teacher was suspended meanwhile…): the initials stay shown."""
        self._loading.pop(teacher_id, None)

    def _on_loaded(self, teacher_id: int, version: datetime, data: bytes | None) -> None:
        if self._loading.get(teacher_id) == version:
            del self._loading[teacher_id]
        self._cache[teacher_id] = (version, data)
        self.photo_ready.emit(teacher_id, data)
