"""Table models of teacher statements: a line per teacher and currency (earned, paid out,
owed), and payouts. The admin's tables add the teacher's name; a teacher's leave it out.
Headers, tips, amounts and days in the current language and locale. GUI thread only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor

from linguaflex_desktop.services.payments.statement_dto import PayoutDTO, StatementLine
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import day_text, localize, number_text, t
from linguaflex_desktop.ui.payments.format import money
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel

OWED_TIP = tx("Earned up to the end of the period, less everything paid out by then.")
EARNED_TIP = tx("The teacher's share of payments that succeeded in the period, less refunds.")
_OWED_COLOUR = QColor("#b3261e")


def _money(figure: str) -> Callable[[StatementLine], str]:
    return lambda line: money(getattr(line, figure), line.currency)


def _owed_colour(line: StatementLine) -> QColor | None:
    return _OWED_COLOUR if line.owed_minor < 0 else None


def line_columns() -> tuple[Column[StatementLine], ...]:
    """The figures of a statement line, headed in the current language."""
    return (
        Column(t("Currency"), lambda line: line.currency),
        Column(t("Sessions"), lambda line: number_text(line.sessions), right=True),
        Column(
            t("Earned"),
            _money("earned_minor"),
            right=True,
            tooltip=lambda _line: localize(EARNED_TIP),
        ),
        Column(t("Paid out"), _money("paid_out_minor"), right=True),
        Column(
            t("Owed"),
            _money("owed_minor"),
            right=True,
            tooltip=lambda _line: localize(OWED_TIP),
            foreground=_owed_colour,
        ),
    )


def teacher_column() -> Column[StatementLine]:
    return Column(t("Teacher"), lambda line: line.teacher_name)


def payout_columns() -> tuple[Column[PayoutDTO], ...]:
    """The columns of the payout list, headed in the current language."""
    return (
        Column(t("Paid on"), lambda payout: day_text(payout.paid_on)),
        Column(t("Amount"), lambda payout: money(payout.amount_minor, payout.currency), right=True),
        Column(t("Reference"), lambda payout: payout.reference),
        Column(t("Note"), lambda payout: payout.note.replace("\n", " ")),
        Column(t("Recorded by"), lambda payout: payout.recorded_by_name),
    )


def payout_teacher_column() -> Column[PayoutDTO]:
    return Column(t("Teacher"), lambda payout: payout.teacher_name)


class StatementTableModel(RowTableModel[StatementLine]):
    """Statement lines; with ``with_teacher`` the teacher's name comes first."""

    def __init__(self, *, with_teacher: bool, parent: Any = None) -> None:
        lines = line_columns()
        columns = (teacher_column(), *lines) if with_teacher else lines
        super().__init__(columns, key=lambda line: (line.teacher_id, line.currency), parent=parent)


class PayoutTableModel(RowTableModel[PayoutDTO]):
    """Payouts; with ``with_teacher`` the teacher's name follows the day."""

    def __init__(self, *, with_teacher: bool, parent: Any = None) -> None:
        payouts = payout_columns()
        columns = (payouts[0], payout_teacher_column(), *payouts[1:]) if with_teacher else payouts
        super().__init__(columns, key=lambda payout: payout.id, parent=parent)
