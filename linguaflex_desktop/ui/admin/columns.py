"""Table columns of the admin's pages in the reader's language: the headers are kept in
English (``texts.tx``, so code and tests find a column by its English name) and written in
the current language when a model is made. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from linguaflex_desktop.ui.i18n import localize
from linguaflex_desktop.ui.row_table_model import Column

Row = TypeVar("Row")


def localized_columns(columns: Iterable[Column[Row]]) -> tuple[Column[Row], ...]:
    """``columns`` with their headers in the current language."""
    return tuple(replace(column, header=localize(column.header)) for column in columns)
