"""A filter combo of the platform's teachers or students for admin lists: "Any teacher" first,
then people by name (their email as the tooltip), loaded once from
``AccountService.list_users`` (the first ``PEOPLE_LIMIT``). GUI thread only; the query runs
on the TaskRunner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.services.common.dto import Actor, Page, UserDTO
from linguaflex_desktop.ui.i18n import number_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import accounts as accounts_ops
from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PEOPLE_LIMIT = 500


class PeopleCombo(QComboBox):
    """Choose one user of ``role`` or "any" (``person_id()`` is then None).

    Filling it does not emit ``currentIndexChanged``; ``people_loaded`` follows."""

    people_loaded = Signal(int)  # how many people are listed

    def __init__(self, role: Role, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.addItem(any_text, None)
        self.setMinimumWidth(150)

    def person_id(self) -> int | None:
        value = self.currentData()
        return value if isinstance(value, int) else None

    def load(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """List the people of ``role`` (admins only) on the runner, then fill the combo."""
        role = self.role
        accounts_ops.list_users(
            OpContext(services, runner),
            actor,
            role=role,
            limit=PEOPLE_LIMIT,
            on_success=self.fill,
            on_failure=on_failure,
            owner=self,
        )

    def fill(self, page: Page[UserDTO]) -> None:
        """Replace the people (keeping "any" and the current choice when still listed)."""
        chosen = self.person_id()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for user in sorted(page.items, key=lambda item: item.display_name.casefold()):
            self.addItem(user.display_name, user.id)
            self.setItemData(self.count() - 1, user.email, Qt.ItemDataRole.ToolTipRole)
        index = self.findData(chosen) if chosen is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if self.person_id() != chosen:  # the chosen person is no longer listed
            self.currentIndexChanged.emit(self.currentIndex())
        listed = len(page.items)
        self.setToolTip(
            t(
                "The first {listed} of {total} are listed.",
                listed=number_text(listed),
                total=number_text(page.total),
            )
            if page.total > listed
            else ""
        )
        self.people_loaded.emit(listed)

    def choose(self, user_id: int | None) -> bool:
        """Select that person (None: any); False when they are not listed."""
        index = self.findData(user_id) if user_id is not None else 0
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0
