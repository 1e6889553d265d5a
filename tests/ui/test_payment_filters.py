"""The payment list filters against the real services and the real in-process localstripe:
the admin's payments narrowed by student, by teacher and by both (and cleared again), and
the teacher's earnings narrowed by period, whole months in the teacher's own zone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import Role
from linguaflex_desktop.services.booking.dto import WeeklyRange
from linguaflex_desktop.services.common.dto import GigDTO, UserDTO
from linguaflex_desktop.ui.admin.payments_page import AdminPaymentsPage
from linguaflex_desktop.ui.admin.people_combo import PeopleCombo
from linguaflex_desktop.ui.payments.earnings_page import NO_EARNINGS_IN_PERIOD_TEXT, EarningsPage
from linguaflex_desktop.ui.payments.earnings_period import (
    ALL_TIME,
    DATES,
    LAST_3_MONTHS,
    LAST_MONTH,
    LAST_YEAR,
    THIS_MONTH,
    THIS_YEAR,
    period_bounds,
    period_days,
)
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import apply_theme
from tests.conftest import FakeClock
from tests.ui.booking_ui_helpers import THURSDAY_10_UTC, WEDNESDAY_10_UTC, School, make_school
from tests.ui.payment_ui_helpers import shoot
from tests.ui.ui_helpers import create_gig, register

WAIT = 15000
# 31 March 2027, 22:30 UTC is already 1 April, 00:30 in Madrid (CEST since 28 March).
MADRID_APRIL_FIRST = datetime(2027, 3, 31, 22, 30, tzinfo=UTC)
MID_APRIL = datetime(2027, 4, 15, 10, 0, tzinfo=UTC)


@pytest.fixture
def services(clocked_services: AppServices, stripe_sandbox: StripeSandbox) -> AppServices:
    """Real services on a fresh SQLite file, payments on the (reset) shared localstripe."""
    apply_theme(QApplication.instance())  # type: ignore[arg-type]
    return clocked_services


@pytest.fixture
def school(services: AppServices) -> School:
    return make_school(services)


def pay_for(
    services: AppServices,
    *,
    student: UserDTO,
    teacher: UserDTO,
    gig: GigDTO,
    start_at: datetime,
) -> int:
    """Request, confirm and pay (with the student's saved default card) a 60-minute session.
    Returns the booking id."""
    booking = services.bookings.request_booking(
        student.actor, gig_id=gig.id, start_at=start_at, duration_minutes=60, note=""
    )
    services.bookings.confirm_booking(teacher.actor, booking.id)
    outcome = services.payments.pay_booking(student.actor, booking.id)
    assert outcome.state == "succeeded", outcome
    return booking.id


# --- admin payments: student and teacher ---------------------------------------------------


@pytest.fixture
def payments_page(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> Iterator[AdminPaymentsPage]:
    """The admin's payments page over three paid sessions:
    Sam with Lucía, Olga with Lucía, Olga with Kenji; loaded, people listed."""
    kenji = register(
        services, Role.TEACHER, email="kenji@example.com", name="Kenji Sato", time_zone="UTC"
    )
    kenji_gig = create_gig(services, kenji, title="Japanese for travel", language="Japanese")
    services.availability.set_weekly_availability(
        kenji.actor, [WeeklyRange(day, 9 * 60, 18 * 60) for day in range(7)]
    )
    for student in (school.student, school.other_student):
        services.cards.save_test_card(student.actor)
    lucia = school.teacher
    pay_for(
        services, student=school.student, teacher=lucia, gig=school.gig, start_at=WEDNESDAY_10_UTC
    )
    pay_for(
        services,
        student=school.other_student,
        teacher=lucia,
        gig=school.gig,
        start_at=THURSDAY_10_UTC,
    )
    pay_for(
        services,
        student=school.other_student,
        teacher=kenji,
        gig=kenji_gig,
        start_at=WEDNESDAY_10_UTC,
    )
    page = AdminPaymentsPage(services=services, actor=school.admin.actor, runner=runner)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    with (
        qtbot.waitSignal(page.student_combo.people_loaded, timeout=WAIT),
        qtbot.waitSignal(page.teacher_combo.people_loaded, timeout=WAIT),
        qtbot.waitSignal(page.payments_loaded, timeout=WAIT),
    ):
        page.show()
    yield page
    runner.wait_for_idle()


def shown_pairs(page: AdminPaymentsPage) -> list[tuple[str, str]]:
    """(student, teacher) of each row as shown, sorted."""
    model = page.model
    return sorted(
        (model.cell_text(row, "Student"), model.cell_text(row, "Teacher"))
        for row in range(model.rowCount())
    )


def choose(qtbot: QtBot, page: AdminPaymentsPage, combo: PeopleCombo, name: str) -> None:
    """Pick ``name`` (or the "any" entry) in a people filter and wait for the reload."""
    index = combo.findText(name)
    assert index >= 0, f"{name} is not listed"
    with qtbot.waitSignal(page.payments_loaded, timeout=WAIT):
        combo.setCurrentIndex(index)


def texts(combo: PeopleCombo) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def test_admin_people_filters_list_students_and_teachers_by_name(
    payments_page: AdminPaymentsPage,
) -> None:
    page = payments_page
    assert texts(page.student_combo) == ["Any student", "Olga Berg", "Sam Taylor"]
    assert texts(page.teacher_combo) == ["Any teacher", "Kenji Sato", "Lucía Ruiz"]
    assert page.student_combo.person_id() is None and page.teacher_combo.person_id() is None
    assert shown_pairs(page) == [
        ("Olga Berg", "Kenji Sato"),
        ("Olga Berg", "Lucía Ruiz"),
        ("Sam Taylor", "Lucía Ruiz"),
    ]


def test_admin_student_filter_shows_only_that_students_payments(
    qtbot: QtBot, payments_page: AdminPaymentsPage, school: School
) -> None:
    page = payments_page
    choose(qtbot, page, page.student_combo, "Olga Berg")
    assert page.filters().student_id == school.other_student.id
    assert shown_pairs(page) == [("Olga Berg", "Kenji Sato"), ("Olga Berg", "Lucía Ruiz")]
    assert page.pager.summary.text() == "2 payments"
    choose(qtbot, page, page.student_combo, "Sam Taylor")
    assert shown_pairs(page) == [("Sam Taylor", "Lucía Ruiz")]


def test_admin_teacher_filter_shows_only_that_teachers_payments(
    qtbot: QtBot, payments_page: AdminPaymentsPage, school: School
) -> None:
    page = payments_page
    choose(qtbot, page, page.teacher_combo, "Lucía Ruiz")
    assert page.filters().teacher_id == school.teacher.id
    assert shown_pairs(page) == [("Olga Berg", "Lucía Ruiz"), ("Sam Taylor", "Lucía Ruiz")]
    choose(qtbot, page, page.teacher_combo, "Kenji Sato")
    assert shown_pairs(page) == [("Olga Berg", "Kenji Sato")]


def test_admin_student_and_teacher_filters_combine_and_clear(
    qtbot: QtBot, payments_page: AdminPaymentsPage
) -> None:
    page = payments_page
    choose(qtbot, page, page.student_combo, "Olga Berg")
    choose(qtbot, page, page.teacher_combo, "Lucía Ruiz")
    assert shown_pairs(page) == [("Olga Berg", "Lucía Ruiz")]
    shoot(page, "admin_payments_filtered")

    choose(qtbot, page, page.student_combo, "Sam Taylor")
    choose(qtbot, page, page.teacher_combo, "Kenji Sato")
    assert page.model.rowCount() == 0
    assert page.table.showing_empty_state()
    assert page.table.empty_label.text() == "No payments match the filters."
    assert not page.refund_button.isEnabled()

    with qtbot.waitSignal(page.payments_loaded, timeout=WAIT):
        page.clear_button.click()
    assert page.student_combo.currentText() == "Any student"
    assert page.teacher_combo.currentText() == "Any teacher"
    assert len(shown_pairs(page)) == 3


# --- teacher earnings: the period ----------------------------------------------------------


@pytest.fixture
def earnings_page(
    qtbot: QtBot, services: AppServices, runner: TaskRunner, school: School
) -> Iterator[EarningsPage]:
    """Lucía's (Madrid) earnings page over three paid sessions: 3 March, 1 April 00:30 Madrid
    (still 31 March in UTC) and 15 April; the clock on Monday 1 March 2027; all time shown."""
    teacher = school.teacher
    services.availability.set_weekly_availability(
        teacher.actor, [WeeklyRange(day, 0, 1440) for day in range(7)]
    )
    services.cards.save_test_card(school.student.actor)
    for start_at in (WEDNESDAY_10_UTC, MADRID_APRIL_FIRST, MID_APRIL):
        pay_for(
            services, student=school.student, teacher=teacher, gig=school.gig, start_at=start_at
        )
    page = EarningsPage(services=services, actor=teacher.actor, runner=runner)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.show()
    yield page
    runner.wait_for_idle()


def sessions(page: EarningsPage) -> list[str]:
    return [page.model.cell_text(row, "Session") for row in range(page.model.rowCount())]


def pick_period(qtbot: QtBot, page: EarningsPage, period: str) -> None:
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.period.set_period(period)


def test_earnings_show_all_time_by_default_without_the_date_edits(
    earnings_page: EarningsPage,
) -> None:
    page = earnings_page
    assert page.period.combo.currentText() == "All time"
    assert page.bounds() == (None, None)
    assert not page.period.from_edit.isVisible()
    assert sessions(page) == [
        "Wed 3 Mar 2027, 11:00",
        "Thu 1 Apr 2027, 00:30",
        "Thu 15 Apr 2027, 12:00",
    ]
    assert page.total_rows()[0][:3] == ("USD", "3", "94.50 USD")


def test_this_month_is_the_teachers_month_not_utcs(
    qtbot: QtBot, earnings_page: EarningsPage
) -> None:
    page = earnings_page
    pick_period(qtbot, page, THIS_MONTH)
    # March in Madrid: the session at 22:30 UTC on 31 March is April there, so it is out.
    assert page.bounds() == (
        datetime(2027, 2, 28, 23, 0, tzinfo=UTC),
        datetime(2027, 3, 31, 22, 0, tzinfo=UTC),
    )
    assert sessions(page) == ["Wed 3 Mar 2027, 11:00"]
    assert page.total_rows() == [
        ("USD", "1", "31.50 USD", "1.50 USD", "30.00 USD", "—", "30.00 USD")
    ]
    pick_period(qtbot, page, THIS_YEAR)
    assert len(sessions(page)) == 3


def test_last_month_and_this_month_follow_the_clock(
    qtbot: QtBot, earnings_page: EarningsPage, clock: FakeClock
) -> None:
    page = earnings_page
    pick_period(qtbot, page, LAST_MONTH)  # February: nothing yet
    assert page.model.rowCount() == 0 and page.table.showing_empty_state()
    assert page.table.empty_label.text() == NO_EARNINGS_IN_PERIOD_TEXT
    assert not page.totals_box.isVisible()

    clock.set(datetime(2027, 4, 20, 12, 0, tzinfo=UTC))
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.refresh_button.click()
    assert sessions(page) == ["Wed 3 Mar 2027, 11:00"]  # March, seen from April
    pick_period(qtbot, page, THIS_MONTH)
    assert sessions(page) == ["Thu 1 Apr 2027, 00:30", "Thu 15 Apr 2027, 12:00"]
    assert page.total_rows()[0][:3] == ("USD", "2", "63.00 USD")
    pick_period(qtbot, page, LAST_YEAR)
    assert page.model.rowCount() == 0


def test_chosen_dates_include_both_days_in_the_teachers_zone(
    qtbot: QtBot, earnings_page: EarningsPage
) -> None:
    page = earnings_page
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.period.set_dates(date(2027, 4, 1), date(2027, 4, 1))
    assert page.period.combo.currentText() == "Dates…"
    assert page.period.from_edit.isVisible() and page.period.to_edit.isVisible()
    assert sessions(page) == ["Thu 1 Apr 2027, 00:30"]
    shoot(page, "teacher_earnings_dates")

    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.period.to_edit.setDate(page.period.to_edit.date().addDays(14))
    assert sessions(page) == ["Thu 1 Apr 2027, 00:30", "Thu 15 Apr 2027, 12:00"]
    with qtbot.waitSignal(page.earnings_loaded, timeout=WAIT):
        page.period.from_edit.setDate(page.period.from_edit.date().addDays(-29))
    assert len(sessions(page)) == 3


# --- the period arithmetic -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "today", "expected"),
    [
        (THIS_MONTH, date(2027, 12, 31), (date(2027, 12, 1), date(2028, 1, 1))),
        (LAST_MONTH, date(2027, 1, 10), (date(2026, 12, 1), date(2027, 1, 1))),
        (LAST_MONTH, date(2027, 3, 31), (date(2027, 2, 1), date(2027, 3, 1))),
        (LAST_3_MONTHS, date(2027, 2, 10), (date(2026, 12, 1), date(2027, 3, 1))),
        (LAST_3_MONTHS, date(2027, 12, 31), (date(2027, 10, 1), date(2028, 1, 1))),
        (THIS_YEAR, date(2027, 6, 15), (date(2027, 1, 1), date(2028, 1, 1))),
        (LAST_YEAR, date(2027, 6, 15), (date(2026, 1, 1), date(2027, 1, 1))),
        (ALL_TIME, date(2027, 6, 15), (None, None)),
    ],
)
def test_period_days_are_whole_calendar_periods(
    period: str, today: date, expected: tuple[date | None, date | None]
) -> None:
    assert period_days(period, today=today) == expected


def test_chosen_dates_end_after_the_last_day_and_may_be_open() -> None:
    first, last = date(2027, 4, 1), date(2027, 4, 30)
    assert period_days(DATES, today=first, first=first, last=last) == (first, date(2027, 5, 1))
    assert period_days(DATES, today=first, first=None, last=None) == (None, None)


def test_period_bounds_are_local_midnights_in_utc_across_dst() -> None:
    # New York leaves daylight time on 7 November 2027: the 1st starts at UTC-4, the 8th at UTC-5.
    days = period_days(
        DATES, today=date(2027, 11, 1), first=date(2027, 11, 1), last=date(2027, 11, 7)
    )
    assert period_bounds(days, "America/New_York") == (
        datetime(2027, 11, 1, 4, 0, tzinfo=UTC),
        datetime(2027, 11, 8, 5, 0, tzinfo=UTC),
    )
    start, end = period_bounds(period_days(THIS_YEAR, today=date(2027, 5, 5)), "Asia/Tokyo")
    assert start == datetime(2026, 12, 31, 15, 0, tzinfo=UTC) and start.tzinfo is UTC
    assert end == datetime(2027, 12, 31, 15, 0, tzinfo=UTC)
    assert period_bounds((None, None), "Europe/Madrid") == (None, None)


def test_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown period"):
        period_days("fortnight", today=date(2027, 1, 1))
