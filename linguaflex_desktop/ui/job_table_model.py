"""Qt table model over the outbox's JobDTOs for the admin's jobs page. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..models import JobState
from ..services.job_dto import JobDTO
from .booking_format import format_when

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Job", "Kind", "State", "Attempts", "Next attempt", "Last error")
LAST_ERROR_COLUMN = COLUMNS.index("Last error")
STATE_TEXT = {
    JobState.PENDING: "Pending",
    JobState.RUNNING: "Running",
    JobState.DONE: "Done",
    JobState.DEAD: "Dead letter",
}
KIND_TEXT = {
    "meeting.create": "Create meeting",
    "meeting.delete": "Delete meeting",
    "email.send": "Send e-mail",
    "booking.reminder": "Reminder",
}
DEAD_COLOUR = QColor("#a61b1b")
MAX_ERROR_CHARS = 160


def kind_text(kind: str) -> str:
    return KIND_TEXT.get(kind, kind)


def one_line(text: str | None, limit: int = MAX_ERROR_CHARS) -> str:
    if not text:
        return ""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class JobTableModel(QAbstractTableModel):
    """Jobs newest first; times in ``zone_name``; dead letters' state in red."""

    def __init__(self, zone_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone_name = zone_name
        self._jobs: list[JobDTO] = []

    def set_jobs(self, jobs: Iterable[JobDTO]) -> None:
        self.beginResetModel()
        self._jobs = list(jobs)
        self.endResetModel()

    def job_at(self, row: int) -> JobDTO:
        return self._jobs[row]

    def row_of(self, job_id: int) -> int | None:
        return next((row for row, job in enumerate(self._jobs) if job.id == job_id), None)

    def replace_job(self, job: JobDTO) -> None:
        row = self.row_of(job.id)
        if row is None:
            return
        self._jobs[row] = job
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self._jobs[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and job.is_dead:
            return DEAD_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == LAST_ERROR_COLUMN:
            return job.last_error or None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._values(job)[column]

    def _values(self, job: JobDTO) -> tuple[str, ...]:
        waiting = job.state is JobState.PENDING
        return (
            f"#{job.id}",
            kind_text(job.kind),
            STATE_TEXT.get(job.state, job.state.value),
            f"{job.attempts} of {job.max_attempts}",
            format_when(job.next_attempt_at, self._zone_name) if waiting else "—",
            one_line(job.last_error),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None
