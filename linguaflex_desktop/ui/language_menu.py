"""Account > Language: "System default (…)", English, Español — one checked at a time.

Choosing one emits the code (None for the system default); the app controller saves it, loads
the catalogue and rebuilds the open window in the new language. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from linguaflex_desktop.ui.i18n import LANGUAGES, chosen_language, system_language, t


def build_language_menu(
    parent: QWidget, on_chosen: Callable[[str | None], None], *, title: str | None = None
) -> QMenu:
    """A menu of the languages with the saved choice checked."""
    menu = QMenu(title or t("&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = chosen_language()
    system_name = LANGUAGES[system_language()]
    choices: list[tuple[str | None, str]] = [
        (None, t("System default ({language})", language=system_name)),
        *LANGUAGES.items(),
    ]
    for code, label in choices:
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        action.setObjectName(f"language_{code or 'system'}")
        action.triggered.connect(lambda _checked=False, code=code: on_chosen(code))
        group.addAction(action)
        menu.addAction(action)
    return menu
