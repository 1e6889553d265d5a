"""How the teacher's week grid draws its sessions: each session a block whose top and height
follow its start and length inside the hour rows it spans (45 and 60 minutes look different),
filled when paid and hatched with a dashed edge while unpaid, with its times, student, length
and payment state written in it.

``week_cells`` groups a week's bookings into grid cells (sessions whose hours touch share one
spanning cell); ``ScheduleCellDelegate`` paints the blocks a cell carries in ``BlocksRole``.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.ui.booking.format import format_duration, local, payment_text

BlocksRole = Qt.ItemDataRole.UserRole + 2
STATUS_COLOURS = {
    BookingStatus.PENDING: "#fff4d6",
    BookingStatus.CONFIRMED: "#e3f6ec",
    BookingStatus.COMPLETED: "#e8edf3",
    BookingStatus.REFUNDED: "#f1f3f5",
}
EDGE_COLOUR = "#5b6b7f"


@dataclass(frozen=True)
class Block:
    """One session inside a cell: ``top`` and ``bottom`` as fractions of the cell's height."""

    booking_id: int
    top: float
    bottom: float
    status: BookingStatus
    paid: bool
    title: str  # "11:00–11:45 Olga Berg"  # noqa: RUF003
    detail: str  # "45 min · Unpaid"


@dataclass(frozen=True)
class Cell:
    """A grid cell: the day's column, its first hour row, how many hour rows it spans."""

    column: int
    first_hour: int
    hours: int
    blocks: tuple[Block, ...]


def week_cells(bookings: Sequence[BookingDTO], days: Sequence[date], zone: str) -> list[Cell]:
    """The cells of a week: per day, bookings whose hour rows overlap share one cell that spans
    from the first one's hour to the end of the last one's last hour."""
    per_day: dict[int, list[tuple[datetime, datetime, BookingDTO]]] = {}
    for booking in bookings:
        start, end = local(booking.start_at, zone), local(booking.end_at, zone)
        if start.date() in days:
            midnight = datetime.combine(start.date() + timedelta(days=1), time(0), start.tzinfo)
            end = min(end, midnight)  # a session past midnight is drawn to the day's end
            per_day.setdefault(days.index(start.date()), []).append((start, end, booking))
    cells: list[Cell] = []
    for column, sessions in sorted(per_day.items()):
        sessions.sort(key=lambda item: item[0])
        group: list[tuple[datetime, datetime, BookingDTO]] = []
        for session in sessions:
            if group and session[0].hour > _last_hour(group):
                cells.append(_cell(column, group))
                group = []
            group.append(session)
        cells.append(_cell(column, group))
    return cells


def _last_hour(group: list[tuple[datetime, datetime, BookingDTO]]) -> int:
    """The last hour row the group's sessions reach (an end on the hour stays in the row above)."""
    return max((end - timedelta(microseconds=1)).hour for _start, end, _booking in group)


def _cell(column: int, group: list[tuple[datetime, datetime, BookingDTO]]) -> Cell:
    first_hour = group[0][0].hour
    hours = _last_hour(group) - first_hour + 1
    origin = group[0][0].replace(minute=0, second=0, microsecond=0)
    span = hours * 60.0
    blocks = []
    for start, end, booking in group:
        top = (start - origin).total_seconds() / 60 / span
        bottom = (end - origin).total_seconds() / 60 / span
        blocks.append(
            Block(
                booking_id=booking.id,
                top=max(0.0, top),
                bottom=min(1.0, bottom),
                status=booking.status,
                paid=booking.payment_status is PaymentStatus.PAID,
                title=f"{start:%H:%M}–{end:%H:%M} {booking.student_name}",  # noqa: RUF001
                detail=f"{format_duration(booking.duration_minutes)} · {payment_text(booking)}",
            )
        )
    return Cell(column=column, first_hour=first_hour, hours=hours, blocks=tuple(blocks))


def block_rect(cell: QRectF, block: Block) -> QRectF:
    """Where ``block`` is drawn inside a cell's rectangle (a small inset on the sides)."""
    top = cell.top() + block.top * cell.height()
    height = max(2.0, (block.bottom - block.top) * cell.height())
    return QRectF(cell.left() + 3, top + 1, cell.width() - 6, height - 2)


class ScheduleCellDelegate(QStyledItemDelegate):
    """Paints the ``Block``s of a cell (the item's text stays for tooltips and tests)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        blocks = index.data(BlocksRole)
        if not blocks:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        cell = QRectF(option.rect)
        for block in blocks:
            self._paint_block(painter, block_rect(cell, block), block, selected)
        painter.restore()

    def _paint_block(self, painter: QPainter, rect: QRectF, block: Block, selected: bool) -> None:
        colour = QColor(STATUS_COLOURS.get(block.status, "#ffffff"))
        edge = QPen(QColor("#1f6feb" if selected else EDGE_COLOUR), 2 if selected else 1)
        if block.paid:
            painter.setBrush(QBrush(colour))
        else:
            edge.setStyle(Qt.PenStyle.DashLine)
            painter.setBrush(QBrush(colour))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setBrush(QBrush(QColor(EDGE_COLOUR).lighter(170), Qt.BrushStyle.BDiagPattern))
        painter.setPen(edge)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("#1b2430"))
        text_rect = rect.adjusted(5, 2, -4, -2)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(text_rect, int(flags), f"{block.title}\n{block.detail}")
