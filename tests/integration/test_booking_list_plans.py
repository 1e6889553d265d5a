"""The booking lists stay fast at 100,000 rows because every list shape pages along an index.

SQLite's query plan is checked for each filter shape the UI uses: no full sort ("TEMP B-TREE")
of the bookings. The timings themselves are in bench/bench_booking_lists.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, event

from linguaflex_desktop.db import create_app_engine
from linguaflex_desktop.models import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingFilter
from linguaflex_desktop.services.booking.queries import (
    page_ids_query,
    page_rows_query,
    teacher_schedule_query,
)

SHAPES = {
    "everything": BookingFilter(),
    "newest first": BookingFilter(newest_first=True),
    "one status": BookingFilter(statuses=(BookingStatus.PENDING,)),
    "teacher": BookingFilter(teacher_id=1),
    "student": BookingFilter(student_id=1),
    "teacher and status": BookingFilter(teacher_id=1, statuses=(BookingStatus.CONFIRMED,)),
    "payment status": BookingFilter(payment_statuses=(PaymentStatus.PAID,)),
    "date window": BookingFilter(
        start_from=datetime(2027, 1, 1, tzinfo=UTC), start_to=datetime(2027, 2, 1, tzinfo=UTC)
    ),
}


@pytest.fixture
def explaining_engine(sqlite_url: str) -> Iterator[Engine]:
    engine = create_app_engine(sqlite_url)

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _explain(*args: Any) -> tuple[str, Any]:
        statement, parameters = args[2], args[3]
        return "EXPLAIN QUERY PLAN " + statement, parameters

    yield engine
    engine.dispose()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_list_shape_pages_along_an_index_without_sorting(
    explaining_engine: Engine, shape: str
) -> None:
    query = page_ids_query(SHAPES[shape]).offset(90_000).limit(50)
    with explaining_engine.connect() as connection:
        plan = [row[3] for row in connection.execute(query)]
    assert any("INDEX ix_session_bookings" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


ROW_QUERIES = {
    "page rows": page_rows_query([1, 2, 3]),
    "teacher schedule": teacher_schedule_query(
        1, datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 3, 8, tzinfo=UTC)
    ),
}


@pytest.mark.parametrize("shape", sorted(ROW_QUERIES))
def test_meeting_state_and_proposal_flag_are_looked_up_by_index_never_scanned(
    explaining_engine: Engine, shape: str
) -> None:
    with explaining_engine.connect() as connection:
        plan = [row[3] for row in connection.execute(ROW_QUERIES[shape])]
    assert any(step.startswith("SEARCH meetings USING INDEX") for step in plan), plan
    assert any(
        step.startswith("SEARCH reschedule_proposals USING INDEX ix_reschedule_proposals")
        for step in plan
    ), plan
    assert not any(step.startswith("SCAN") for step in plan), plan
