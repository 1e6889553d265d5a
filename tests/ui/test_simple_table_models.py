"""The simple list models (jobs, users, inbox) cell by cell and role by role: headers, texts,
tooltips, the dead letter's red state, unread rows in bold, and replacing a row in place.

These pin what the models showed before they were moved onto ``RowTableModel``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.qtbot import QtBot

from linguaflex_desktop.models import JobState, Role
from linguaflex_desktop.services.common.dto import UserDTO
from linguaflex_desktop.services.common.job_dto import JobDTO
from linguaflex_desktop.services.messaging.notifications import NotificationDTO
from linguaflex_desktop.ui.admin.job_table_model import COLUMNS, LAST_ERROR_COLUMN, JobTableModel
from linguaflex_desktop.ui.admin.user_table_model import UserTableModel
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.inbox_table_model import InboxTableModel

ZONE = "Europe/Berlin"
AT = datetime(2026, 3, 10, 14, 30, tzinfo=UTC)
Display, ToolTip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def _job(job_id: int, state: JobState, last_error: str | None) -> JobDTO:
    return JobDTO(
        id=job_id,
        kind="meeting.create",
        payload=MappingProxyType({}),
        dedupe_key=f"k{job_id}",
        state=state,
        attempts=2,
        max_attempts=5,
        next_attempt_at=AT,
        locked_by=None,
        locked_at=None,
        last_error=last_error,
        created_at=AT,
        updated_at=AT,
    )


def _message(message_id: int, *, booking_id: int | None, read: bool) -> NotificationDTO:
    return NotificationDTO(
        id=message_id,
        booking_id=booking_id,
        kind="partially_refunded",
        subject=f"Subject {message_id}",
        body_text="",
        body_html=None,
        has_ics=False,
        message_id=f"<{message_id}@example.org>",
        created_at=AT,
        read_at=AT if read else None,
        emailed_at=None,
    )


def _row(model: object, row: int, role: int = Display) -> list[object]:
    return [model.index(row, column).data(role) for column in range(model.columnCount())]  # type: ignore[attr-defined]


def _headers(model: object) -> list[object]:
    return [
        model.headerData(section, Qt.Orientation.Horizontal, Display)  # type: ignore[attr-defined]
        for section in range(model.columnCount())  # type: ignore[attr-defined]
    ]


def test_job_rows_show_kind_state_attempts_and_one_line_error_with_the_whole_error_as_tooltip(
    qtbot: QtBot,
) -> None:
    model = JobTableModel(ZONE)
    error = "Zoom said:\n  401   Unauthorized"
    model.set_jobs([_job(1, JobState.PENDING, None), _job(2, JobState.DEAD, error)])
    assert _headers(model) == list(COLUMNS)
    assert COLUMNS[LAST_ERROR_COLUMN] == "Last error"
    when = format_when(AT, ZONE)
    assert _row(model, 0) == ["#1", "Create meeting", "Pending", "2 of 5", when, ""]
    one_line = "Zoom said: 401 Unauthorized"
    assert _row(model, 1) == ["#2", "Create meeting", "Dead letter", "2 of 5", "—", one_line]
    assert model.index(0, LAST_ERROR_COLUMN).data(ToolTip) is None
    assert model.index(1, LAST_ERROR_COLUMN).data(ToolTip) == error
    assert model.index(1, 0).data(ToolTip) == "#2"
    red = model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QColor) and red.name() == "#a61b1b"
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_replacing_a_job_updates_its_row_only_when_it_is_shown(qtbot: QtBot) -> None:
    model = JobTableModel(ZONE)
    model.set_jobs([_job(1, JobState.DEAD, "boom")])
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.replace_job(_job(1, JobState.PENDING, "boom"))
    assert [index.column() for index in changed.args[:2]] == [0, len(COLUMNS) - 1]
    assert model.job_at(0).state is JobState.PENDING
    model.replace_job(_job(9, JobState.DONE, None))
    assert model.rowCount() == 1 and model.row_of(9) is None and model.row_of(1) == 0


def test_user_rows_show_role_zone_status_and_join_date(qtbot: QtBot) -> None:
    model = UserTableModel()
    active = UserDTO(4, "ana@example.com", Role.TEACHER, "Ana", ZONE, True, None, AT)
    suspended = UserDTO(5, "bo@example.com", Role.STUDENT, "Bo", "UTC", True, AT, AT)
    model.set_users([active, suspended])
    assert _headers(model) == ["Name", "Email", "Role", "Time zone", "Status", "Joined"]
    assert _row(model, 0) == ["Ana", "ana@example.com", "Teacher", ZONE, "Active", "2026-03-10"]
    assert _row(model, 1, ToolTip)[4] == "Suspended 2026-03-10"
    model.replace_user(UserDTO(5, "bo@example.com", Role.STUDENT, "Bo", "UTC", False, None, AT))
    assert model.user_at(1).is_active is False
    assert model.index(1, 4).data() == "Inactive"


def test_inbox_rows_name_the_booking_and_kind_with_unread_ones_bold(qtbot: QtBot) -> None:
    model = InboxTableModel(ZONE)
    model.set_messages(
        [_message(1, booking_id=12, read=False), _message(2, booking_id=None, read=True)]
    )
    assert _headers(model) == ["Subject", "Booking", "Received"]
    when = format_when(AT, ZONE)
    assert _row(model, 0) == ["Subject 1", "#12 · Partially refunded", when]
    assert _row(model, 1, ToolTip) == ["Subject 2", "Partially refunded", when]
    bold = model.index(0, 2).data(Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont) and bold.bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert _row(model, 0, Qt.ItemDataRole.AccessibleDescriptionRole) == ["unread"] * 3
    assert model.index(1, 1).data(Qt.ItemDataRole.AccessibleDescriptionRole) == "read"
    model.replace_message(_message(1, booking_id=12, read=True))
    assert model.message_at(0).is_read
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None


def test_a_row_model_answers_only_its_roles_and_asks_row_data_only_for_declared_ones(
    qtbot: QtBot,
) -> None:
    """Views ask every cell for a dozen roles; a model answers the ones it serves and passes
    only the roles its subclass declared (``ROW_ROLES``) on to ``row_data``."""
    from linguaflex_desktop.ui.row_table_model import RIGHT, Column, RowTableModel

    asked: list[int] = []

    class Amounts(RowTableModel[int]):
        ROW_ROLES = frozenset({Qt.ItemDataRole.FontRole})

        def row_data(self, item: int, role: int) -> object:
            asked.append(role)
            return QFont() if item < 0 else None

    model = Amounts(
        [Column("Name", str), Column("Amount", lambda n: f"{n}.00", right=True)],
        key=lambda n: n,
    )
    model.set_rows([5, -3])
    name, amount = model.index(0, 0), model.index(1, 1)
    assert model.data(amount, Display) == "-3.00"
    assert model.data(amount, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.data(name, Qt.ItemDataRole.TextAlignmentRole) is None
    assert isinstance(model.data(amount, Qt.ItemDataRole.FontRole), QFont)
    for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole):
        assert model.data(name, role) is None
    assert asked == [Qt.ItemDataRole.FontRole]
