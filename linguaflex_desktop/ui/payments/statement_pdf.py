"""A teacher's statement as a PDF, through Qt's printing: a QTextDocument laid out from the
StatementDTO (school and teacher, period and zone, a line per currency, the payouts of the
period; amounts as money with their currency), printed to a QPdfWriter. Its words, days and
amounts are in the current language and locale, as on screen.

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
from linguaflex_desktop.services.payments.statement_dto import StatementDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import day_text, localize, number_text, t
from linguaflex_desktop.ui.payments.format import money

PDF_RESOLUTION = 300
EARNED_NOTE = tx(
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
    return t(
        "{first} to {last} ({zone})",
        first=day_text(statement.first_day),
        last=day_text(last),
        zone=statement.zone,
    )


def statement_html(statement: StatementDTO, *, teacher_id: int, teacher_name: str) -> str:
    """The statement of one teacher as HTML for a QTextDocument (names escaped), in the
    current language."""
    lines = statement.lines_of(teacher_id)
    payouts = statement.payouts_of(teacher_id)
    rows = "".join(
        f"<tr><td>{escape(line.currency)}</td>"
        f"<td class='num'>{number_text(line.sessions)}</td>"
        f"<td class='num'>{money(line.earned_minor, line.currency)}</td>"
        f"<td class='num'>{money(line.paid_out_minor, line.currency)}</td>"
        f"<td class='num'>{money(line.owed_minor, line.currency)}</td></tr>"
        for line in lines
    )
    paid = "".join(
        f"<tr><td>{escape(day_text(payout.paid_on))}</td>"
        f"<td class='num'>{money(payout.amount_minor, payout.currency)}</td>"
        f"<td>{escape(payout.reference)}</td><td>{escape(payout.note)}</td></tr>"
        for payout in payouts
    )
    # the marked texts stay out of the f-strings: lupdate does not read inside them
    figure_heads = (
        _header(t("Currency")),
        _header(t("Sessions"), num=True),
        _header(t("Earned"), num=True),
        _header(t("Paid out"), num=True),
        _header(t("Owed at the end"), num=True),
    )
    figures = (
        f"<table cellspacing='0'><tr>{''.join(figure_heads)}</tr>{rows}</table>"
        if lines
        else _paragraph(t("No earnings and no payouts up to the end of this period."))
    )
    payout_heads = (
        _header(t("Paid on")),
        _header(t("Amount"), num=True),
        _header(t("Reference")),
        _header(t("Note")),
    )
    payout_part = (
        f"<table cellspacing='0'><tr>{''.join(payout_heads)}</tr>{paid}</table>"
        if payouts
        else _paragraph(t("No payouts in this period."))
    )
    title = t("{app} · Teacher statement", app=APP_NAME)
    earnings_heading = t("Earnings")
    payouts_heading = t("Payouts in the period")
    return (
        f"<html><head><style>{_STYLE}</style></head><body>"
        f"<h2>{escape(title)}</h2>"
        f"<p><b>{escape(teacher_name)}</b><br/>{escape(period_text(statement))}</p>"
        f"<h3>{escape(earnings_heading)}</h3>{figures}"
        f"<h3>{escape(payouts_heading)}</h3>{payout_part}"
        f"<p><small>{escape(localize(EARNED_NOTE))}</small></p></body></html>"
    )


def _header(text: str, *, num: bool = False) -> str:
    return f"<th class='num'>{escape(text)}</th>" if num else f"<th>{escape(text)}</th>"


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def write_statement_pdf(
    statement: StatementDTO, *, teacher_id: int, teacher_name: str, path: Path
) -> Path:
    """Write the teacher's statement to ``path`` as an A4 PDF (any thread; no widget).
    UserFacingError when the file cannot be written."""
    try:  # the save dialog asked before replacing a file; a stale one must not pass for ours
        path.unlink(missing_ok=True)
    except OSError as error:
        raise UserFacingError(
            tx(
                "The statement could not be written to {path} ({reason}).",
                path=path,
                reason=error.strerror,
            )
        ) from error
    document = QTextDocument()
    document.setHtml(statement_html(statement, teacher_id=teacher_id, teacher_name=teacher_name))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(
        t("Statement of {name}, {period}", name=teacher_name, period=period_text(statement))
    )
    writer.setCreator(APP_NAME)
    document.print_(writer)
    del writer  # ends the painting: the file is complete and closed
    if not path.is_file() or path.stat().st_size == 0:
        raise UserFacingError(tx("The statement could not be written to {path}.", path=path))
    return path


def suggested_file_name(statement: StatementDTO, teacher_name: str) -> str:
    """'Statement Lucia Ruiz 2027-03-01 to 2027-03-31.pdf' (safe on every file system)."""
    last = statement.end_day - timedelta(days=1)
    name = re.sub(r"[^\w .-]+", "", teacher_name).strip() or t("teacher")
    return t(
        "Statement {name} {first} to {last}.pdf",
        name=name,
        first=statement.first_day.isoformat(),
        last=last.isoformat(),
    )


def ask_pdf_path(parent: QWidget, file_name: str) -> Path | None:
    """Ask where to save (GUI thread), starting in the user's Documents folder; None when
    the user cancels. Tests replace this function."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        t("Save statement as PDF"),
        str(Path(folder) / file_name),
        t("PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
