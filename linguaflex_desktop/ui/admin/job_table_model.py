"""Qt table model over the outbox's JobDTOs for the admin's jobs page. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QColor

from linguaflex_desktop.models.enums import JobState
from linguaflex_desktop.services.common.job_dto import JobDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, number_text, t, when_text
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel

STATE_TEXT = {
    JobState.PENDING: tx("Pending"),
    JobState.RUNNING: tx("Running"),
    JobState.DONE: tx("Done"),
    JobState.DEAD: tx("Dead letter"),
}
KIND_TEXT = {
    "meeting.create": tx("Create meeting"),
    "meeting.delete": tx("Delete meeting"),
    "email.send": tx("Send e-mail"),
    "booking.reminder": tx("Reminder"),
}
DEAD_COLOUR = QColor("#a61b1b")
MAX_ERROR_CHARS = 160


def kind_text(kind: str) -> str:
    return localize(KIND_TEXT.get(kind, kind))


def state_text(state: JobState) -> str:
    return localize(STATE_TEXT.get(state, state.value))


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
        return when_text(job.next_attempt_at, zone_name) if waiting else "—"

    def attempts(job: JobDTO) -> str:
        return t(
            "{attempts} of {max}",
            attempts=number_text(job.attempts),
            max=number_text(job.max_attempts),
        )

    return (
        Column(tx("Job"), lambda job: f"#{job.id}"),
        Column(tx("Kind"), lambda job: kind_text(job.kind)),
        Column(
            tx("State"),
            lambda job: state_text(job.state),
            foreground=lambda job: DEAD_COLOUR if job.is_dead else None,
        ),
        Column(tx("Attempts"), attempts),
        Column(tx("Next attempt"), next_attempt),
        Column(
            tx("Last error"),
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
