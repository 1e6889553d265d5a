"""CSV exports of report tables, the payments list and the audit trail (pure Python, no Qt).

A file is described by its columns (``CsvColumn``: a header and how a row reads in that
column) and written by ``write_csv``: exactly one header row, UTF-8, every value text.
Amounts go out in major units (``major_units``) with the currency code in a column of its
own, never summed across currencies; instants in the viewer's zone with their UTC offset
(``local_time``), so a spreadsheet never has to guess the zone.

The file is written next to its destination under a temporary name and moved into place
only when complete (``os.replace``, atomic on one file system): a cancelled or failed export
leaves no partial file, and a file that was there before stays untouched.

``write_csv`` blocks (file writing, and the rows may be fetched from the database while it
iterates): call it on a worker thread. ``progress`` and ``cancelled`` are called on that
thread too.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Generic, TextIO, TypeVar
from zoneinfo import ZoneInfo

from linguaflex_desktop.errors import UserCancelled, UserFacingError, ValidationError
from linguaflex_desktop.services.common.currency import minor_unit_exponent
from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.services.common.validation import validate_time_zone
from linguaflex_desktop.texts import tx

T = TypeVar("T")
K = TypeVar("K")

PROGRESS_EVERY = 250  # rows between two progress reports
EXPORT_PAGE_SIZE = 200  # a page size every paged service accepts (payments: at most 200)
FILE_MODE = 0o644  # the temporary file is private (0600) until it becomes the export


class ExportFailed(UserFacingError):
    """The export file could not be written (the message says which and why)."""

    title = tx("Export failed")


@dataclass(frozen=True)
class CsvColumn(Generic[T]):
    """One column of an export: its header and the text of a row in it."""

    header: str
    value: Callable[[T], str]


def major_units(amount_minor: int, currency: str) -> str:
    """The amount in major units of ``currency``, without grouping or symbol: 1000 USD ->
    "10.00", -5 EUR -> "-0.05", 1000 JPY -> "1000" (zero-decimal currency)."""
    exponent = minor_unit_exponent(currency)
    return f"{Decimal(amount_minor).scaleb(-exponent):.{exponent}f}"


def local_time(instant: datetime, zone: str) -> str:
    """``instant`` (aware) in ``zone`` as ISO 8601 with its offset, to the second:
    "2026-12-05 14:30:00+01:00"."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValidationError(tx("An exported time must carry its time zone."))
    where = ZoneInfo(validate_time_zone(zone))
    return instant.astimezone(where).isoformat(sep=" ", timespec="seconds")


def paged_rows(
    fetch: Callable[[int, int], Page[T]],
    *,
    key: Callable[[T], K],
    page_size: int = EXPORT_PAGE_SIZE,
) -> Iterator[T]:
    """Every row of a paged service query, a page at a time (``fetch(offset, limit)``).

    For newest-first lists that only grow (payments, audit events): a row added while the
    export runs shifts the later pages by one, so a row seen on the page before comes again;
    ``key`` drops such repeats.
    """
    seen: set[K] = set()
    offset = 0
    while True:
        page = fetch(offset, page_size)
        for row in page.items:
            row_key = key(row)
            if row_key not in seen:
                seen.add(row_key)
                yield row
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def write_csv(
    path: str | os.PathLike[str],
    columns: Sequence[CsvColumn[T]],
    rows: Iterable[T],
    *,
    total: int | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``rows`` to ``path`` as CSV (module docstring); the number of rows written.

    ``progress(written, total)`` is called before the first row, every ``PROGRESS_EVERY``
    rows and at the end; ``cancelled()`` before each row: when it answers True the export
    stops with ``UserCancelled`` and nothing is written. A file that cannot be written raises
    ``ExportFailed``; errors of the rows (a refused query) pass through as they are.
    """
    target = Path(path)
    handle, temporary = _temporary_beside(target)
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            written = _write_rows(stream, columns, rows, total, progress, cancelled)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _failed(target, error) from error
        raise
    return written


def _temporary_beside(target: Path) -> tuple[int, str]:
    """An open, empty file in the destination's folder (so the final move is a rename)."""
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise _failed(target, error) from error


def _write_rows(
    stream: TextIO,
    columns: Sequence[CsvColumn[T]],
    rows: Iterable[T],
    total: int | None,
    progress: Callable[[int, int | None], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    writer = csv.writer(stream)
    writer.writerow([column.header for column in columns])
    written = 0
    if progress is not None:
        progress(0, total)
    for row in rows:
        if cancelled is not None and cancelled():
            raise UserCancelled(tx("The export was cancelled."))
        writer.writerow([column.value(row) for column in columns])
        written += 1
        if progress is not None and written % PROGRESS_EVERY == 0:
            progress(written, total)
    if cancelled is not None and cancelled():
        raise UserCancelled(tx("The export was cancelled."))
    if progress is not None and written % PROGRESS_EVERY != 0:
        progress(written, total)
    return written


def _failed(target: Path, error: OSError) -> ExportFailed:
    reason = error.strerror or str(error)
    return ExportFailed(
        tx(
            "{file} could not be written to {folder}: {reason}.",
            file=target.name,
            folder=str(target.parent),
            reason=reason,
        )
    )
