"""Length limits shown while typing, as the service will apply them.

``LengthLimit`` puts a quiet "12 / 500" under a text field; past the limit the count turns
into a sentence in the error colour and the field is marked (``invalid`` property, tinted by
``theme.mark_invalid``), and ``valid_changed`` lets the form turn its submit button off — so an
over-long note or name is seen and fixed before submitting, never refused afterwards.
Characters are counted as the service counts them: the text with its ends trimmed.
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from linguaflex_desktop.texts import Text, tx
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.theme import mark_invalid, themed

TextField = QLineEdit | QPlainTextEdit

# The fields the forms of the app count, by the English name a form passes as ``what``
# (a ``tx`` or an already translated name shows as it is).
FIELD_NAMES: dict[str, Text] = {
    name: name
    for name in (
        tx("display name"),
        tx("bio"),
        tx("note"),
        tx("reason"),
        tx("message"),
        tx("review"),
        tx("answer"),
        tx("internal reason"),
        tx("message to the student"),
    )
}


def field_name(what: str) -> str:
    """The name of a counted field in the current language."""
    return localize(FIELD_NAMES.get(what, what))


class LengthLimit(QObject):
    """Counts ``field``'s characters against ``maximum`` in ``label`` as the user types."""

    valid_changed = Signal(bool)

    def __init__(self, field: TextField, maximum: int, *, what: str) -> None:
        super().__init__(field)
        self.field, self.maximum, self.what = field, maximum, what
        self.label = QLabel()
        themed(self.label, "fieldNote")
        self.label.setWordWrap(True)
        self._valid = True
        field.textChanged.connect(self._update)
        self._update()

    def length(self) -> int:
        text = self.field.text() if isinstance(self.field, QLineEdit) else self.field.toPlainText()
        return len(text.strip())

    def is_valid(self) -> bool:
        return self._valid

    def set_maximum(self, maximum: int) -> None:
        """Count against ``maximum`` from now on (e.g. the limit a service reported)."""
        if maximum != self.maximum:
            self.maximum = maximum
            self._update()

    @Slot()
    def _update(self, *_args: object) -> None:
        length = self.length()
        valid = length <= self.maximum
        if valid:
            self.label.setText(f"{length} / {self.maximum}")
            themed(self.label, "fieldNote")
        else:
            self.label.setText(self._too_long_text(length - self.maximum))
            themed(self.label, "fieldError")
        mark_invalid(self.field, not valid)
        if valid != self._valid:
            self._valid = valid
            self.valid_changed.emit(valid)

    def _too_long_text(self, over: int) -> str:
        # Plain digits for the limit, as the counter above shows it ("12 / 1000").
        what, maximum = field_name(self.what), self.maximum
        if over == 1:
            return t(
                "The {what} is 1 character too long (at most {maximum}).",
                what=what,
                maximum=maximum,
            )
        return t(
            "The {what} is {over} characters too long (at most {maximum}).",
            what=what,
            over=over,
            maximum=maximum,
        )
