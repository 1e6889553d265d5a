"""The app's name and the roles' names as windows show them.

Kept apart from the role windows so the sign-in window can name things without loading them.
"""

from __future__ import annotations

from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.texts import Text, tx
from linguaflex_desktop.ui.i18n import localize

APP_TITLE = "LinguaFlex"
ROLE_NAMES: dict[Role, Text] = {
    Role.STUDENT: tx("Student"),
    Role.TEACHER: tx("Teacher"),
    Role.ADMIN: tx("Admin"),
}


def role_name(role: Role) -> str:
    """'Student', 'Teacher' or 'Admin' in the current language."""
    return localize(ROLE_NAMES[role])
