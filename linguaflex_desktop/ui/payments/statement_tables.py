"""Table models of teacher statements: a line per teacher and currency (earned, paid out,
owed), and payouts. The admin's tables add the teacher's name; a teacher's leave it out.
GUI thread only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor

from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.payments.statement_dto import PayoutDTO, StatementLine
from linguaflex_desktop.ui.booking.format import format_day
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel

OWED_TIP = "Earned up to the end of the period, less everything paid out by then."
EARNED_TIP = "The teacher's share of payments that succeeded in the period, less refunds."
_OWED_COLOUR = QColor("#b3261e")


def _money(figure: str) -> Callable[[StatementLine], str]:
    return lambda line: format_money(getattr(line, figure), line.currency)


def _owed_colour(line: StatementLine) -> QColor | None:
    return _OWED_COLOUR if line.owed_minor < 0 else None


LINE_COLUMNS: tuple[Column[StatementLine], ...] = (
    Column("Currency", lambda line: line.currency),
    Column("Sessions", lambda line: f"{line.sessions:,}", right=True),
    Column("Earned", _money("earned_minor"), right=True, tooltip=lambda _line: EARNED_TIP),
    Column("Paid out", _money("paid_out_minor"), right=True),
    Column(
        "Owed",
        _money("owed_minor"),
        right=True,
        tooltip=lambda _line: OWED_TIP,
        foreground=_owed_colour,
    ),
)
TEACHER_COLUMN: Column[StatementLine] = Column("Teacher", lambda line: line.teacher_name)

PAYOUT_COLUMNS: tuple[Column[PayoutDTO], ...] = (
    Column("Paid on", lambda payout: format_day(payout.paid_on)),
    Column("Amount", lambda payout: format_money(payout.amount_minor, payout.currency), right=True),
    Column("Reference", lambda payout: payout.reference),
    Column("Note", lambda payout: payout.note.replace("\n", " ")),
    Column("Recorded by", lambda payout: payout.recorded_by_name),
)
PAYOUT_TEACHER_COLUMN: Column[PayoutDTO] = Column("Teacher", lambda payout: payout.teacher_name)


class StatementTableModel(RowTableModel[StatementLine]):
    """Statement lines; with ``with_teacher`` the teacher's name comes first."""

    def __init__(self, *, with_teacher: bool, parent: Any = None) -> None:
        columns = (TEACHER_COLUMN, *LINE_COLUMNS) if with_teacher else LINE_COLUMNS
        super().__init__(columns, key=lambda line: (line.teacher_id, line.currency), parent=parent)


class PayoutTableModel(RowTableModel[PayoutDTO]):
    """Payouts; with ``with_teacher`` the teacher's name follows the day."""

    def __init__(self, *, with_teacher: bool, parent: Any = None) -> None:
        columns = (
            (PAYOUT_COLUMNS[0], PAYOUT_TEACHER_COLUMN, *PAYOUT_COLUMNS[1:])
            if with_teacher
            else PAYOUT_COLUMNS
        )
        super().__init__(columns, key=lambda payout: payout.id, parent=parent)
