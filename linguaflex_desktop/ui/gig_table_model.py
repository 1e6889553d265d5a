"""Qt table model over GigDTOs; the columns to show are chosen by each page. GUI thread only."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt

from linguaflex_desktop.models.enums import Level
from linguaflex_desktop.services.common.dto import GigDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.cell_table_model import Cell, Cells, CellTableModel
from linguaflex_desktop.ui.i18n import language_text, money_text, number_text, t
from linguaflex_desktop.ui.teacher_format import short_rating_text, teacher_facts_text

_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class GigColumn(enum.Enum):
    """A column; its value is the English header (shown with ``localize``)."""

    TITLE = tx("Title")
    TEACHER = tx("Teacher")
    LANGUAGE = tx("Language")
    LEVEL = tx("Level")
    RATE = tx("Hourly rate")
    LENGTHS = tx("Session length")
    STATUS = tx("Status")
    RATING = tx("Rating")


def gig_status_text(gig: GigDTO) -> str:
    if gig.is_suspended:
        return t("Suspended")
    return t("Active", sense="gig") if gig.is_active else t("Hidden")


def level_code_text(level: Level) -> str:
    """'B1'; the code of "all levels" in the current language ('ALL' / 'TODOS')."""
    return t("ALL") if level is Level.ALL else level.value


def gig_rate_text(gig: GigDTO) -> str:
    """'50.00 USD / h' ('50,00 USD / h' in Spanish)."""
    return t("{amount} / h", amount=money_text(gig.hourly_rate_minor, gig.currency))


def gig_lengths_text(gig: GigDTO) -> str:
    low, high = number_text(gig.min_duration_minutes), number_text(gig.max_duration_minutes)
    if gig.min_duration_minutes == gig.max_duration_minutes:
        return t("{minutes} min", minutes=low)
    return t("{low}–{high} min", low=low, high=high)  # noqa: RUF001


def _cell_text(gig: GigDTO, column: GigColumn) -> str:
    match column:
        case GigColumn.TITLE:
            return gig.title
        case GigColumn.TEACHER:
            return gig.teacher_name
        case GigColumn.LANGUAGE:
            return language_text(gig.language)
        case GigColumn.LEVEL:
            return level_code_text(gig.level)
        case GigColumn.RATE:
            return gig_rate_text(gig)
        case GigColumn.LENGTHS:
            return gig_lengths_text(gig)
        case GigColumn.STATUS:
            return gig_status_text(gig)
        case GigColumn.RATING:
            return short_rating_text(gig.teacher.rating)


class GigTableModel(CellTableModel[GigDTO]):
    """Rows of gigs; ``gig_at(row)`` gives the DTO back; ``replace_gig`` updates one row.
    Its cells are read in C++ (``CellTableModel``)."""

    def __init__(self, columns: Sequence[GigColumn], parent: Any = None) -> None:
        super().__init__([column.value for column in columns], parent=parent)
        self._columns = tuple(columns)

    def row_cells(self, row: GigDTO) -> list[Cell]:
        cells = []
        for column in self._columns:
            text = _cell_text(row, column)
            tooltip = None
            if column is GigColumn.TEACHER:
                tooltip = teacher_facts_text(row.teacher) or None
            alignment = _RIGHT_ALIGNED if column is GigColumn.RATE else None
            cells.append(Cell(text, tooltip, alignment=alignment))
        return cells

    def set_gigs(self, gigs: Iterable[GigDTO], cells: Cells | None = None) -> None:
        """Show ``gigs``, the first of them with the ``cells`` ``first_cells`` made of them
        (on the pool thread that loaded them), the others formatted when first needed."""
        self.beginResetModel()
        self._show_rows(gigs, cells or [])
        self.endResetModel()

    def gigs(self) -> tuple[GigDTO, ...]:
        return tuple(self._rows)

    def gig_at(self, row: int) -> GigDTO:
        return self._rows[row]

    def row_of(self, gig_id: int) -> int | None:
        return next((row for row, gig in enumerate(self._rows) if gig.id == gig_id), None)

    def replace_gig(self, gig: GigDTO) -> int:
        """Replace the row with the same id, or append; returns the row."""
        row = self.row_of(gig.id)
        if row is None:
            self._append_rows([gig])
            return len(self._rows) - 1
        self.replace_row(row, gig)
        return row

    def column_of(self, column: GigColumn) -> int:
        return self._columns.index(column)
