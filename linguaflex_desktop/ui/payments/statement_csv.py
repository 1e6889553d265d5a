"""The columns of a statement's CSV export: the period (its days and zone) on every line,
the teacher (admins' export), the currency in a column of its own and the amounts in major
units of it (``csv_export.major_units``), never summed across currencies. Pure (no widget)."""

from __future__ import annotations

from datetime import timedelta

from linguaflex_desktop.services.payments.statement_dto import StatementDTO, StatementLine
from linguaflex_desktop.services.reports.csv_export import CsvColumn, major_units


def _amount(header: str, attribute: str) -> CsvColumn[StatementLine]:
    return CsvColumn(header, lambda line: major_units(getattr(line, attribute), line.currency))


def statement_csv_columns(
    statement: StatementDTO, *, with_teacher: bool
) -> tuple[CsvColumn[StatementLine], ...]:
    """The columns of ``statement``'s lines; ``with_teacher`` adds the teacher's name."""
    first = statement.first_day.isoformat()
    last = (statement.end_day - timedelta(days=1)).isoformat()
    period: tuple[CsvColumn[StatementLine], ...] = (
        CsvColumn("First day", lambda _line: first),
        CsvColumn("Last day", lambda _line: last),
        CsvColumn("Zone", lambda _line: statement.zone),
    )
    teacher: tuple[CsvColumn[StatementLine], ...] = (
        (CsvColumn("Teacher", lambda line: line.teacher_name),) if with_teacher else ()
    )
    figures: tuple[CsvColumn[StatementLine], ...] = (
        CsvColumn("Currency", lambda line: line.currency),
        CsvColumn("Sessions", lambda line: str(line.sessions)),
        _amount("Earned", "earned_minor"),
        _amount("Paid out", "paid_out_minor"),
        _amount("Earned up to the end", "earned_to_date_minor"),
        _amount("Paid out up to the end", "paid_out_to_date_minor"),
        _amount("Owed at the end", "owed_minor"),
    )
    return period + teacher + figures


def statement_csv_name(statement: StatementDTO) -> str:
    """'Statements 2027-03-01 to 2027-03-31.csv'."""
    last = statement.end_day - timedelta(days=1)
    return f"Statements {statement.first_day.isoformat()} to {last.isoformat()}.csv"
