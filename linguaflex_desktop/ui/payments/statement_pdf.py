"""A teacher's statement as a PDF, through Qt's printing: a QTextDocument laid out from the
StatementDTO (school and teacher, period and zone, a line per currency, the payouts of the
period; amounts as money with their currency), printed to a QPdfWriter.

``statement_html`` is pure. ``write_statement_pdf`` uses no widget — only QTextDocument and
QPdfWriter, which Qt allows off the GUI thread — so it runs on a TaskRunner pool thread.
``ask_pdf_path`` shows the save dialog (GUI thread), starting in the user's Documents folder.
"""

from __future__ import annotations

import re
from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from linguaflex_desktop.config import APP_NAME
from linguaflex_desktop.errors import UserFacingError
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.payments.statement_dto import StatementDTO
from linguaflex_desktop.ui.booking.format import format_day

PDF_RESOLUTION = 300
EARNED_NOTE = (
    "Earned: the teacher's share of the payments that succeeded in the period, less the "
    "refunds taken from it. Owed: everything earned up to the end of the period, less "
    "everything paid out by then."
)
_STYLE = (
    "body { font-family: sans-serif; font-size: 10pt; }"
    " th { text-align: left; border-bottom: 1px solid #888; padding: 4px 10px 4px 0; }"
    " td { padding: 3px 10px 3px 0; } .num { text-align: right; }"
)


def period_text(statement: StatementDTO) -> str:
    """'Mon 1 Mar 2027 to Wed 31 Mar 2027 (America/New_York)' (the last day included)."""
    last = statement.end_day - timedelta(days=1)
    return f"{format_day(statement.first_day)} to {format_day(last)} ({statement.zone})"


def statement_html(statement: StatementDTO, *, teacher_id: int, teacher_name: str) -> str:
    """The statement of one teacher as HTML for a QTextDocument (names escaped)."""
    lines = statement.lines_of(teacher_id)
    payouts = statement.payouts_of(teacher_id)
    rows = "".join(
        f"<tr><td>{escape(line.currency)}</td><td class='num'>{line.sessions:,}</td>"
        f"<td class='num'>{format_money(line.earned_minor, line.currency)}</td>"
        f"<td class='num'>{format_money(line.paid_out_minor, line.currency)}</td>"
        f"<td class='num'>{format_money(line.owed_minor, line.currency)}</td></tr>"
        for line in lines
    )
    paid = "".join(
        f"<tr><td>{format_day(payout.paid_on)}</td>"
        f"<td class='num'>{format_money(payout.amount_minor, payout.currency)}</td>"
        f"<td>{escape(payout.reference)}</td><td>{escape(payout.note)}</td></tr>"
        for payout in payouts
    )
    figures = (
        "<table cellspacing='0'><tr><th>Currency</th><th class='num'>Sessions</th>"
        "<th class='num'>Earned</th><th class='num'>Paid out</th>"
        f"<th class='num'>Owed at the end</th></tr>{rows}</table>"
        if lines
        else "<p>No earnings and no payouts up to the end of this period.</p>"
    )
    payout_part = (
        "<table cellspacing='0'><tr><th>Paid on</th><th class='num'>Amount</th>"
        f"<th>Reference</th><th>Note</th></tr>{paid}</table>"
        if payouts
        else "<p>No payouts in this period.</p>"
    )
    return (
        f"<html><head><style>{_STYLE}</style></head><body>"
        f"<h2>{escape(APP_NAME)} · Teacher statement</h2>"
        f"<p><b>{escape(teacher_name)}</b><br/>{escape(period_text(statement))}</p>"
        f"<h3>Earnings</h3>{figures}<h3>Payouts in the period</h3>{payout_part}"
        f"<p><small>{escape(EARNED_NOTE)}</small></p></body></html>"
    )


def write_statement_pdf(
    statement: StatementDTO, *, teacher_id: int, teacher_name: str, path: Path
) -> Path:
    """Write the teacher's statement to ``path`` as an A4 PDF (any thread; no widget).
    UserFacingError when the file cannot be written."""
    try:  # the save dialog asked before replacing a file; a stale one must not pass for ours
        path.unlink(missing_ok=True)
    except OSError as error:
        raise UserFacingError(
            f"The statement could not be written to {path} ({error.strerror})."
        ) from error
    document = QTextDocument()
    document.setHtml(statement_html(statement, teacher_id=teacher_id, teacher_name=teacher_name))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(f"Statement of {teacher_name}, {period_text(statement)}")
    writer.setCreator(APP_NAME)
    document.print_(writer)
    del writer  # ends the painting: the file is complete and closed
    if not path.is_file() or path.stat().st_size == 0:
        raise UserFacingError(f"The statement could not be written to {path}.")
    return path


def suggested_file_name(statement: StatementDTO, teacher_name: str) -> str:
    """'Statement Lucia Ruiz 2027-03-01 to 2027-03-31.pdf' (safe on every file system)."""
    last = statement.end_day - timedelta(days=1)
    name = re.sub(r"[^\w .-]+", "", teacher_name).strip() or "teacher"
    return f"Statement {name} {statement.first_day.isoformat()} to {last.isoformat()}.pdf"


def ask_pdf_path(parent: QWidget, file_name: str) -> Path | None:
    """Ask where to save (GUI thread), starting in the user's Documents folder; None when
    the user cancels. Tests replace this function."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Save statement as PDF", str(Path(folder) / file_name), "PDF files (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
