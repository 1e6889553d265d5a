"""A lazily paged Qt table model over audit events (the admin's "Audit" tab).

Like ``BookingTableModel``, a ``PagedTableModel``: ``set_query(fetch)`` with a
``fetch(offset, limit) -> Page[AuditEventDTO]``, pages appended as the view scrolls, so 200,000
events never load more than the rows looked at; answers of an older query are dropped. GUI
thread only; the fetch runs on a pool thread.
"""

from __future__ import annotations

from typing import Any

from linguaflex_desktop.services.reports.audit_text import actor_text, record_text
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.cell_table_model import Cell
from linguaflex_desktop.ui.i18n import localize, when_text
from linguaflex_desktop.ui.paged_table_model import DEFAULT_PAGE_SIZE, PagedTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner

COLUMNS = (tx("When"), tx("Who"), tx("Action"), tx("Record"), tx("Reason"))


class AuditTableModel(PagedTableModel[AuditEventDTO]):
    """Rows of audit events, newest first, loaded a page at a time; times in ``zone_name``."""

    def __init__(
        self,
        *,
        runner: TaskRunner,
        zone_name: str,
        page_size: int = DEFAULT_PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(
            tuple(localize(c) for c in COLUMNS), runner=runner, page_size=page_size, parent=parent
        )
        self.zone_name = zone_name

    # --- rows -----------------------------------------------------------------------------

    def event_at(self, row: int) -> AuditEventDTO:
        return self._rows[row]

    def events(self) -> tuple[AuditEventDTO, ...]:
        return tuple(self._rows)

    def cell_text(self, row: int, header: str) -> str:
        return self._text(self._rows[row], COLUMNS.index(header))

    # --- cells ----------------------------------------------------------------------------

    def row_cells(self, row: AuditEventDTO) -> tuple[Cell, ...]:
        texts = [self._text(row, column) for column in range(len(COLUMNS))]
        cells = [Cell(text) for text in texts]
        if row.actor_email:  # the "Who" column's tooltip adds the e-mail address
            cells[1] = Cell(texts[1], f"{texts[1]} ({row.actor_email})")
        return tuple(cells)

    def _text(self, event: AuditEventDTO, column: int) -> str:
        match COLUMNS[column]:
            case "When":
                return when_text(event.created_at, self.zone_name)
            case "Who":
                return localize(actor_text(event))
            case "Action":
                return event.action
            case "Record":
                return localize(record_text(event))
            case _:
                return event.reason
