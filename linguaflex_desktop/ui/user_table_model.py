"""Qt table model over UserDTOs for the admin's user list. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..services.dto import UserDTO

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "Email", "Role", "Time zone", "Status", "Joined")


def user_status_text(user: UserDTO) -> str:
    if user.suspended_at is not None:
        return f"Suspended {user.suspended_at:%Y-%m-%d}"
    return "Active" if user.is_active else "Inactive"


def is_suspended(user: UserDTO) -> bool:
    return user.suspended_at is not None or not user.is_active


class UserTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._users: list[UserDTO] = []

    def set_users(self, users: Iterable[UserDTO]) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> UserDTO:
        return self._users[row]

    def row_of(self, user_id: int) -> int | None:
        return next((row for row, user in enumerate(self._users) if user.id == user_id), None)

    def replace_user(self, user: UserDTO) -> None:
        row = self.row_of(user.id)
        if row is None:
            return
        self._users[row] = user
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        user = self._users[index.row()]
        values = (
            user.display_name,
            user.email,
            user.role.value.capitalize(),
            user.time_zone,
            user_status_text(user),
            f"{user.created_at:%Y-%m-%d}",
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None
