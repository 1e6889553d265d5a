"""Qt table model over the outbox's JobDTOs for the admin's jobs page. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QColor

from linguaflex_desktop.models.enums import JobState
from linguaflex_desktop.services.common.job_dto import JobDTO
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel

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


def job_columns(zone_name: str) -> tuple[Column[JobDTO], ...]:
    """Job, kind, state (dead letters in red), attempts, next attempt, last error (in full as
    the tooltip)."""

    def next_attempt(job: JobDTO) -> str:
        waiting = job.state is JobState.PENDING
        return format_when(job.next_attempt_at, zone_name) if waiting else "—"

    return (
        Column("Job", lambda job: f"#{job.id}"),
        Column("Kind", lambda job: kind_text(job.kind)),
        Column(
            "State",
            lambda job: STATE_TEXT.get(job.state, job.state.value),
            foreground=lambda job: DEAD_COLOUR if job.is_dead else None,
        ),
        Column("Attempts", lambda job: f"{job.attempts} of {job.max_attempts}"),
        Column("Next attempt", next_attempt),
        Column(
            "Last error",
            lambda job: one_line(job.last_error),
            tooltip=lambda job: job.last_error or None,
        ),
    )


COLUMNS = tuple(column.header for column in job_columns("UTC"))  # the zone names no header
LAST_ERROR_COLUMN = COLUMNS.index("Last error")


class JobTableModel(RowTableModel[JobDTO]):
    """Jobs newest first; times in ``zone_name``; dead letters' state in red."""

    def __init__(self, zone_name: str, parent: Any = None) -> None:
        super().__init__(job_columns(zone_name), key=lambda job: job.id, parent=parent)

    def set_jobs(self, jobs: Iterable[JobDTO]) -> None:
        self.set_rows(jobs)

    def job_at(self, row: int) -> JobDTO:
        return self.row_at(row)

    def replace_job(self, job: JobDTO) -> None:
        self.replace_row(job)
