"""Showing errors: the three outcomes of STYLE.md (Electrum's ``on_error``).

``UserCancelled`` -> nothing; ``UserFacingError`` -> its message verbatim; anything else ->
logged with its traceback and shown as a short generic message. GUI thread only.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget

from linguaflex_desktop.errors import UserCancelled, UserFacingError
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize
from linguaflex_desktop.ui.pyside_imports import set_enum_property

log = logging.getLogger(__name__)

GENERIC_TITLE = tx("Something went wrong")
GENERIC_MESSAGE = tx(
    "An unexpected error occurred and the action was not completed. "
    "The details were written to the log file."
)


class ErrorOutcome(enum.Enum):
    SILENT = "silent"
    USER_FACING = "user_facing"
    UNEXPECTED = "unexpected"


@dataclass(frozen=True)
class ErrorDescription:
    """What to show for an error; ``outcome`` SILENT means show nothing."""

    outcome: ErrorOutcome
    title: str = ""
    message: str = ""


def describe_error(error: BaseException) -> ErrorDescription:
    """Classify ``error`` and log unexpected ones with their traceback (any thread)."""
    if isinstance(error, UserCancelled):
        return ErrorDescription(ErrorOutcome.SILENT)
    if isinstance(error, UserFacingError):
        return ErrorDescription(
            ErrorOutcome.USER_FACING, localize(error.title), localize(error.message)
        )
    log.error("unexpected error: %s", error, exc_info=(type(error), error, error.__traceback__))
    return ErrorDescription(
        ErrorOutcome.UNEXPECTED, localize(GENERIC_TITLE), localize(GENERIC_MESSAGE)
    )


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox | None:
    """Show ``error`` in a window-modal, non-blocking message box; None when silent.

    The box deletes itself when closed; it is returned so callers (and tests) can see it.
    """
    description = describe_error(error)
    if description.outcome is ErrorOutcome.SILENT:
        return None
    icon = (
        QMessageBox.Icon.Warning
        if description.outcome is ErrorOutcome.USER_FACING
        else QMessageBox.Icon.Critical
    )
    box = QMessageBox(
        icon, description.title, description.message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorMessageBox")
    box.finished.connect(box.deleteLater)
    set_enum_property(box, "textFormat", "PlainText")
    box.open()
    return box


def inline_error_text(error: BaseException) -> str | None:
    """Text for an inline error label (forms): the message, or None when cancelled."""
    description = describe_error(error)
    if description.outcome is ErrorOutcome.SILENT:
        return None
    return description.message
