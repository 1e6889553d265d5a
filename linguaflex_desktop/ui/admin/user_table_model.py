"""Qt table model over UserDTOs for the admin's user list. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel

ROLE_TEXT = {Role.STUDENT: tx("Student"), Role.TEACHER: tx("Teacher"), Role.ADMIN: tx("Admin")}


def user_status_text(user: UserDTO) -> str:
    if user.suspended_at is not None:
        return t("Suspended {day}", day=f"{user.suspended_at:%Y-%m-%d}")
    if not user.is_active:
        return t("Inactive")
    return t("Active, temporary password") if user.must_change_password else t("Active")


def is_suspended(user: UserDTO) -> bool:
    return user.suspended_at is not None or not user.is_active


USER_COLUMNS: tuple[Column[UserDTO], ...] = (
    Column(tx("Name"), lambda user: user.display_name),
    Column(tx("Email"), lambda user: user.email),
    Column(tx("Role"), lambda user: localize(ROLE_TEXT[user.role])),
    Column(tx("Time zone"), lambda user: user.time_zone),
    Column(tx("Status"), user_status_text),
    Column(tx("Joined"), lambda user: f"{user.created_at:%Y-%m-%d}"),
)

COLUMNS = tuple(column.header for column in USER_COLUMNS)


class UserTableModel(RowTableModel[UserDTO]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(USER_COLUMNS, key=lambda user: user.id, parent=parent)

    def set_users(self, users: Iterable[UserDTO]) -> None:
        self.set_rows(users)

    def user_at(self, row: int) -> UserDTO:
        return self.row_at(row)

    def replace_user(self, user: UserDTO) -> None:
        self.replace_row(user)
