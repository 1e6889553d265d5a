"""Inline errors of a form that mark the field they are about.

``FormErrors`` knows a form's fields by the names the service uses (``fields.error_field``):
``show(error)`` puts the sentence in the form's error label and marks that field (red edge,
``mark_invalid``) and focuses it; the other fields are unmarked. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QWidget

from linguaflex_desktop.services.accounts.fields import error_field
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.field_limits import mark_invalid
from linguaflex_desktop.ui.widgets import set_message


class FormErrors:
    """The error label of a form and its fields by name."""

    def __init__(self, label: QLabel, fields: Mapping[str, QWidget]) -> None:
        self.label = label
        self.fields = dict(fields)
        self.marked: str | None = None

    def clear(self) -> None:
        set_message(self.label, None)
        self._mark(None)

    def show(self, error: BaseException) -> None:
        """The refusal's sentence, with its field (if this form has it) marked and focused."""
        set_message(self.label, inline_error_text(error))
        self._mark(error_field(error))

    def show_text(self, text: str, field: str | None = None) -> None:
        """A check made in the form itself (two passwords that differ)."""
        set_message(self.label, text)
        self._mark(field)

    def _mark(self, name: str | None) -> None:
        self.marked = name if name in self.fields else None
        for key, widget in self.fields.items():
            mark_invalid(widget, key == self.marked)
        if self.marked is not None:
            self.fields[self.marked].setFocus()
