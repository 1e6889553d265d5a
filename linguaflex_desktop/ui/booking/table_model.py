"""A lazily paged Qt table model over bookings.

The paging (``set_query(fetch)``, ``canFetchMore`` / ``fetchMore`` through the TaskRunner) is
``PagedTableModel``'s, so a school with 100,000 bookings never loads more than the rows looked
at, and its rows are formatted when first shown; this module gives the booking columns, their
texts, tooltips and colours (``row_cells``). GUI thread only; the fetch, and the formatting of
a first page's first rows, run on a pool thread.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from linguaflex_desktop.models.enums import BookingStatus, MeetingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import (
    format_duration,
    format_when,
    meeting_text,
    meeting_tooltip,
    payment_text,
    status_cell_text,
    status_text,
    total_text,
)
from linguaflex_desktop.ui.cell_table_model import Cell
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.paged_table_model import DEFAULT_PAGE_SIZE, PagedTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner

_STATUS_COLOURS = {
    BookingStatus.PENDING: "#9a6700",
    BookingStatus.CONFIRMED: "#1a7f37",
    BookingStatus.CANCELLED: "#8c959f",
    BookingStatus.REFUNDED: "#8c959f",
}
_PAYMENT_COLOURS = {
    PaymentStatus.PAID: "#1a7f37",
    PaymentStatus.FAILED: "#cf222e",
    PaymentStatus.PENDING: "#9a6700",
}

_MEETING_COLOURS = {
    MeetingStatus.READY: "#1a7f37",
    MeetingStatus.PENDING: "#9a6700",
    MeetingStatus.FAILED: "#cf222e",
    MeetingStatus.DELETED: "#8c959f",
}
_PROPOSAL_COLOUR = "#0969da"
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class BookingColumn(enum.Enum):
    """A column and its header (English; shown with ``localize``)."""

    WHEN = tx("When")
    STUDENT = tx("Student")
    TEACHER = tx("Teacher")
    GIG = tx("Gig")
    DURATION = tx("Length")
    STATUS = tx("Status")
    PAYMENT = tx("Payment")
    MEETING = tx("Meeting")
    TOTAL = tx("Total")
    RESPOND_BY = tx("Answer by")


class BookingTableModel(PagedTableModel[BookingDTO]):
    """Rows of bookings, loaded a page at a time; times shown in ``zone_name``."""

    def __init__(
        self,
        columns: Sequence[BookingColumn],
        *,
        runner: TaskRunner,
        zone_name: str,
        page_size: int = DEFAULT_PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(
            [localize(column.value) for column in columns],
            runner=runner,
            page_size=page_size,
            parent=parent,
        )
        self._columns = tuple(columns)
        self.zone_name = zone_name

    def reload(self) -> None:
        """Load the first page again (no query: no rows); older answers are ignored."""
        if self._fetch is None:
            self._generation += 1
            self.set_bookings([])
            return
        super().reload()

    # --- rows -----------------------------------------------------------------------------

    def set_bookings(self, bookings: Iterable[BookingDTO], *, total: int | None = None) -> None:
        """Show exactly these rows (lists that are not paged, e.g. the request queue)."""
        self.set_rows(bookings, total=total)

    def bookings(self) -> tuple[BookingDTO, ...]:
        return tuple(self._rows)

    def booking_at(self, row: int) -> BookingDTO:
        return self._rows[row]

    def row_of(self, booking_id: int) -> int | None:
        return next((row for row, item in enumerate(self._rows) if item.id == booking_id), None)

    def replace_booking(self, booking: BookingDTO) -> int | None:
        """Update the row of this booking in place; None if it is not loaded."""
        row = self.row_of(booking.id)
        if row is not None:
            self.replace_row(row, booking)
        return row

    def remove_booking(self, booking_id: int) -> None:
        row = self.row_of(booking_id)
        if row is not None:
            self.remove_row(row)

    def column_of(self, column: BookingColumn) -> int:
        return self._columns.index(column)

    # --- cells ----------------------------------------------------------------------------

    def row_cells(self, row: BookingDTO) -> tuple[Cell, ...]:
        return tuple(
            Cell(
                self._text(row, column),
                self._tooltip(row, column),
                _colour(row, column),
                _RIGHT_ALIGNED if column is BookingColumn.TOTAL else None,
            )
            for column in self._columns
        )

    def _text(self, booking: BookingDTO, column: BookingColumn) -> str:
        match column:
            case BookingColumn.WHEN:
                return format_when(booking.start_at, self.zone_name)
            case BookingColumn.STUDENT:
                return booking.student_name
            case BookingColumn.TEACHER:
                return booking.teacher_name
            case BookingColumn.GIG:
                return booking.gig_title
            case BookingColumn.DURATION:
                return format_duration(booking.duration_minutes)
            case BookingColumn.STATUS:
                return status_cell_text(booking)
            case BookingColumn.PAYMENT:
                return payment_text(booking)
            case BookingColumn.MEETING:
                return localize(meeting_text(booking))
            case BookingColumn.TOTAL:
                return total_text(booking)
            case BookingColumn.RESPOND_BY:
                if booking.respond_by is None:
                    return ""
                return format_when(booking.respond_by, self.zone_name)

    def _tooltip(self, booking: BookingDTO, column: BookingColumn) -> str | None:
        if column is BookingColumn.MEETING:
            return meeting_tooltip(booking)
        if column is BookingColumn.STATUS:
            lines = [status_text(booking)]
            if booking.status_reason:
                lines[0] += f": {localize(booking.status_reason)}"
            if booking.has_open_proposal:
                lines.append(t("A new time was proposed; open Details… to see and answer it."))
            return "\n".join(lines)
        return None  # the text


def _colour(booking: BookingDTO, column: BookingColumn) -> QColor | None:
    if column is BookingColumn.STATUS and booking.has_open_proposal:
        return QColor(_PROPOSAL_COLOUR)
    if column is BookingColumn.MEETING and booking.meeting_status in _MEETING_COLOURS:
        return QColor(_MEETING_COLOURS[booking.meeting_status])
    if column is BookingColumn.STATUS and booking.status in _STATUS_COLOURS:
        return QColor(_STATUS_COLOURS[booking.status])
    if column is BookingColumn.PAYMENT and booking.payment_status in _PAYMENT_COLOURS:
        return QColor(_PAYMENT_COLOURS[booking.payment_status])
    return None
