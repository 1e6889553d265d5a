"""The detail panel of the admin's audit trail: the selected event's who, when and why, the
fields it recorded in one line, and each recorded field before and after, in words (amounts
as money, instants in the viewer's zone, statuses in words; see
``services.reports.audit_text``). GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QHeaderView, QLabel, QVBoxLayout, QWidget

from linguaflex_desktop.services.reports.audit_text import (
    FieldText,
    action_text,
    actor_text,
    describe_changes,
    fields_line,
    record_text,
)
from linguaflex_desktop.services.reports.dto import AuditEventDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t, when_text
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_table_view

NOT_RECORDED = "—"


def _value(text: str | None) -> str:
    return NOT_RECORDED if text is None else localize(text)


CHANGE_COLUMNS: tuple[Column[FieldText], ...] = (
    Column(tx("Field"), lambda change: localize(change.label)),
    Column(tx("Before"), lambda change: _value(change.before)),
    Column(tx("After"), lambda change: _value(change.after)),
)


class ChangesModel(RowTableModel[FieldText]):
    """The recorded fields of one event in words; the ones the action changed are bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CHANGE_COLUMNS, key=lambda change: change.label, parent=parent)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            if not self.row_at(index.row()).changed:
                return None
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class AuditDetail(QFrame):
    """The selected event: what, who, when, why, the fields it left, and every recorded
    field before/after, in words (amounts as money, times in the viewer's zone)."""

    def __init__(self, zone_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        themed(self, "detailPanel")
        self._zone_name = zone_name
        self.title_label = QLabel()
        themed(self.title_label, "detailSection")
        self.who_label = QLabel()
        self.when_label = QLabel()
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.recorded_label = QLabel()
        self.recorded_label.setWordWrap(True)
        fields = QFormLayout()
        fields.setVerticalSpacing(4)
        for name, label in (
            (t("Who"), self.who_label),
            (t("When"), self.when_label),
            (t("Reason"), self.reason_label),
            (t("Recorded"), self.recorded_label),
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fields.addRow(name, label)
        self.changes_model = ChangesModel(self)
        self.changes_view = make_table_view(self.changes_model)
        self.changes_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(fields)
        body_layout.addWidget(self.changes_view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body, 1)
        self.show_event(None)

    def show_event(self, event: AuditEventDTO | None) -> None:
        self.body.setVisible(event is not None)
        if event is None:
            self.title_label.setText(t("Select an event to see what changed."))
            self.changes_model.set_rows(())
            return
        record, action = localize(record_text(event)), localize(action_text(event.action))
        self.title_label.setText(f"{record} · {action}")
        self.title_label.setToolTip(event.action)
        who = localize(actor_text(event))
        self.who_label.setText(f"{who} ({event.actor_email})" if event.actor_email else who)
        when = when_text(event.created_at, self._zone_name)
        self.when_label.setText(f"{when} ({self._zone_name})")
        self.reason_label.setText(event.reason or NOT_RECORDED)
        zone_name, kind = self._zone_name, event.entity_type
        recorded = fields_line(event.after or event.before, zone=zone_name, entity_type=kind)
        self.recorded_label.setText(localize(recorded) if recorded else NOT_RECORDED)
        self.changes_model.set_rows(
            describe_changes(event.before, event.after, zone=zone_name, entity_type=kind)
        )
