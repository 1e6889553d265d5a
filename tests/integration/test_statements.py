"""Teacher statements on SQLite and Postgres, against figures worked out by hand: two
teachers, three currencies, partial and full refunds, payouts before, inside and after the
period, and the period's edges in New York (the data: ``statement_helpers``)."""

from __future__ import annotations

from datetime import date

import pytest

from linguaflex_desktop.errors import PermissionDenied, ValidationError
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.statement_dto import StatementDTO, StatementLine
from linguaflex_desktop.services.payments.statements import TeacherStatements
from tests.conftest import FakeClock
from tests.integration.booking_helpers import World, make_world
from tests.integration.report_helpers import Parties
from tests.integration.statement_helpers import (
    APRIL_STARTS,
    MARCH,
    MARCH_STARTS,
    ZONE,
    Staff,
    add_statement_payments,
    add_statement_payouts,
)


@pytest.fixture
def world(ctx: ServiceContext, clock: FakeClock) -> World:
    world = make_world(ctx)
    add_statement_payments(
        ctx,
        Parties(world.student.id, world.teacher.id, world.gig_id),
        Parties(world.student.id, world.other_teacher.id, world.other_gig_id),
    )
    add_statement_payouts(ctx, clock, Staff(world.admin, world.teacher, world.other_teacher))
    return world


@pytest.fixture
def statements(ctx: ServiceContext) -> TeacherStatements:
    return TeacherStatements(ctx)


def figures(statement: StatementDTO) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(teacher, currency) -> (sessions, earned, paid out, owed)."""
    return {
        (line.teacher_name, line.currency): (
            line.sessions,
            line.earned_minor,
            line.paid_out_minor,
            line.owed_minor,
        )
        for line in statement.lines
    }


def test_march_in_new_york_per_teacher_and_currency(
    world: World, statements: TeacherStatements
) -> None:
    statement = statements.statement(world.admin, first_day=MARCH[0], end_day=MARCH[1], zone=ZONE)
    assert (statement.from_at, statement.to_at) == (MARCH_STARTS, APRIL_STARTS)
    assert figures(statement) == {
        # Otto: k, 52.50 paid, share 50.00.
        ("Otto", "USD"): (1, 5000, 0, 5000),
        # EUR: h fully refunded keeps 0; i keeps 60.00 - 25.00 = 35.00. Nothing paid out.
        ("Tina", "EUR"): (2, 3500, 0, 3500),
        # JPY: j keeps 10000; 4000 paid on 5 March.
        ("Tina", "JPY"): (1, 10000, 4000, 6000),
        # USD in March (NY): b 75.00 - 10.00 = 65.00, c 0 (full refund), e 0 (refund beyond
        # the share), d 20.00 -> 85.00 from 4 sessions. Paid in March: 30.00 (31 March; not
        # 15 Feb, not 1 April). Owed at the end: earned to date 85.00 + a 50.00 = 135.00,
        # less 40.00 + 30.00 paid by then = 65.00.
        ("Tina", "USD"): (4, 8500, 3000, 6500),
    }
    tina_usd = statement.lines_of(world.teacher.id)[-1]
    assert (tina_usd.earned_to_date_minor, tina_usd.paid_out_to_date_minor) == (13500, 7000)
    assert [(p.currency, p.amount_minor, p.paid_on) for p in statement.payouts] == [
        ("JPY", 4000, date(2027, 3, 5)),
        ("USD", 3000, date(2027, 3, 31)),
    ]
    assert statement.payouts[1].reference == "TR-USD-2027-03-31"
    assert statement.payouts[1].recorded_by_name == "Ada"


def test_the_same_days_in_utc_move_the_edge_payments(
    world: World, statements: TeacherStatements
) -> None:
    statement = statements.statement(
        world.admin, first_day=MARCH[0], end_day=MARCH[1], zone="UTC", teacher_id=world.teacher.id
    )
    # In UTC, a (04:59 on 1 March) falls inside and d (03:59 on 1 April) after: a 50.00 +
    # b 65.00 + c 0 + e 0 = 115.00 from 4 sessions; owed 115.00 - 70.00 = 45.00.
    assert figures(statement)[("Tina", "USD")] == (4, 11500, 3000, 4500)
    assert {line.teacher_name for line in statement.lines} == {"Tina"}


def test_a_past_period_shows_what_was_owed_at_its_end(
    world: World, statements: TeacherStatements
) -> None:
    statement = statements.statement(
        world.teacher, first_day=date(2027, 2, 1), end_day=MARCH[0], zone=ZONE
    )
    # February in New York: a (23:59 on 28 Feb) earned 50.00; 40.00 paid on 15 Feb.
    assert figures(statement) == {("Tina", "USD"): (1, 5000, 4000, 1000)}
    assert [payout.amount_minor for payout in statement.payouts] == [4000]


def test_a_teacher_sees_only_their_own_statement_and_payouts(
    world: World, statements: TeacherStatements
) -> None:
    own = statements.statement(world.teacher, first_day=MARCH[0], end_day=MARCH[1], zone=ZONE)
    assert {line.teacher_id for line in own.lines} == {world.teacher.id}
    assert len(own.lines) == 3
    with pytest.raises(PermissionDenied):
        statements.statement(
            world.teacher,
            first_day=MARCH[0],
            end_day=MARCH[1],
            zone=ZONE,
            teacher_id=world.other_teacher.id,
        )
    with pytest.raises(PermissionDenied):
        statements.statement(world.student, first_day=MARCH[0], end_day=MARCH[1], zone=ZONE)
    with pytest.raises(PermissionDenied):
        statements.list_payouts(world.other_teacher, teacher_id=world.teacher.id)
    assert statements.list_payouts(world.other_teacher) == ()
    newest_first = statements.list_payouts(world.teacher)
    assert [(p.currency, p.paid_on) for p in newest_first] == [
        ("USD", date(2027, 4, 1)),
        ("USD", date(2027, 3, 31)),
        ("JPY", date(2027, 3, 5)),
        ("USD", date(2027, 2, 15)),
    ]


def test_an_admin_statement_for_one_teacher(world: World, statements: TeacherStatements) -> None:
    statement = statements.statement(
        world.admin,
        first_day=MARCH[0],
        end_day=MARCH[1],
        zone=ZONE,
        teacher_id=world.other_teacher.id,
    )
    assert statement.lines == (
        StatementLine(
            teacher_id=world.other_teacher.id,
            teacher_name="Otto",
            currency="USD",
            sessions=1,
            earned_minor=5000,
            paid_out_minor=0,
            earned_to_date_minor=5000,
            paid_out_to_date_minor=0,
        ),
    )
    assert statement.payouts == ()


@pytest.mark.parametrize(
    ("first", "end", "message"),
    [
        (date(2027, 3, 1), date(2027, 3, 1), "first day comes before its end"),
        (date(2027, 3, 2), date(2027, 3, 1), "first day comes before its end"),
        (date(2010, 1, 1), date(2027, 3, 1), "at most 10 years"),
    ],
)
def test_a_bad_period_is_refused_in_a_sentence(
    world: World, statements: TeacherStatements, first: date, end: date, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        statements.statement(world.admin, first_day=first, end_day=end, zone=ZONE)


def test_an_unknown_zone_is_refused(world: World, statements: TeacherStatements) -> None:
    with pytest.raises(ValidationError):
        statements.statement(world.admin, first_day=MARCH[0], end_day=MARCH[1], zone="Mars/Base")
