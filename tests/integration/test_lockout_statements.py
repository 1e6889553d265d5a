"""The sign-in's lockout statements (``lockout.RESERVE``, ``lockout.SETTLE``) against the rules
on a User (``lockout.reserve``, ``lockout.settle_right_guess``, which changing a password or
an e-mail address uses): from any state of the counter, on SQLite and on Postgres, the
statement does what the rules do, refusals included."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from linguaflex_desktop.db import table_of
from linguaflex_desktop.errors import AccountLocked
from linguaflex_desktop.models import Role, User
from linguaflex_desktop.services.accounts import lockout
from linguaflex_desktop.services.common.context import ServiceContext
from tests.integration.booking_helpers import PASSWORD_HASH, add_user

USERS = table_of(User)
NOW = datetime(2027, 3, 1, 9, 0, 0, 123456, tzinfo=UTC)  # microseconds: stored exactly
EMAIL = "ana@example.com"
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

# window starts around the edges that matter: none, just inside and just outside 15 minutes
starts = st.one_of(
    st.none(),
    st.sampled_from([0, 1, 600, 899, 900, 901, 1800]).map(lambda s: NOW - timedelta(seconds=s)),
    st.integers(-60, 2000).map(lambda s: NOW - timedelta(seconds=s, microseconds=s % 7)),
)
counts = st.integers(0, 7)


@dataclass(frozen=True)
class State:
    count: int
    started: datetime | None
    suspended: bool = False

    def user(self, user_id: int) -> User:
        return User(
            id=user_id,
            email=EMAIL,
            password_hash=PASSWORD_HASH,
            is_active=True,
            suspended_at=NOW if self.suspended else None,
            failed_login_count=self.count,
            failed_login_window_start=self.started,
        )


@pytest.fixture
def user_id(ctx: ServiceContext) -> int:
    return add_user(ctx, email=EMAIL, role=Role.STUDENT).id


def put(ctx: ServiceContext, user_id: int, state: State) -> None:
    with ctx.unit_of_work() as uow:
        uow.session.execute(
            update(USERS)
            .where(USERS.c.id == user_id)
            .values(
                failed_login_count=state.count,
                failed_login_window_start=state.started,
                suspended_at=NOW if state.suspended else None,
                last_login_at=None,
            )
        )
        uow.commit()


def stored(ctx: ServiceContext, user_id: int) -> tuple[int, datetime | None, datetime | None]:
    with ctx.unit_of_work(write=False) as uow:
        row = uow.session.execute(
            select(
                USERS.c.failed_login_count,
                USERS.c.failed_login_window_start,
                USERS.c.last_login_at,
            ).where(USERS.c.id == user_id)
        ).one()
        return row.failed_login_count, row.failed_login_window_start, row.last_login_at


def run(ctx: ServiceContext, statement: object, parameters: dict[str, object]) -> object:
    with ctx.unit_of_work(one_statement=True) as uow:
        row = uow.session.execute(statement, parameters).first()  # type: ignore[call-overload]
        uow.commit()
        return row


@SETTINGS
@given(count=counts, started=starts, suspended=st.booleans())
def test_reserve_counts_as_the_rules_do_from_any_state(
    ctx: ServiceContext, user_id: int, count: int, started: datetime | None, suspended: bool
) -> None:
    state = State(count, started, suspended)
    put(ctx, user_id, state)
    ruled = state.user(user_id)
    try:
        expected: lockout.Reservation | None = lockout.reserve(ruled, NOW, suspended=suspended)
    except AccountLocked:
        expected = None

    row = run(ctx, lockout.RESERVE, {"address": EMAIL, **lockout.window_bounds(NOW)})

    if expected is None:
        assert row is None
        assert stored(ctx, user_id) == (count, started, None)  # a refusal writes nothing
    else:
        assert row is not None
        assert lockout.Reservation.from_row(row, suspended=suspended) == expected  # type: ignore[arg-type]
        assert stored(ctx, user_id) == (expected.count, expected.window_start, None)


@SETTINGS
@given(
    count=counts,
    started=starts,
    suspended=st.booleans(),
    reserved=st.one_of(st.none(), st.tuples(st.integers(1, 6), starts.filter(bool))),
)
def test_settle_grants_and_refuses_as_the_rules_do_from_any_state(
    ctx: ServiceContext,
    user_id: int,
    count: int,
    started: datetime | None,
    suspended: bool,
    reserved: tuple[int, datetime] | None,
) -> None:
    """``reserved`` None: the reservation is the one that left the counter as it is (the
    last one); else one whose count and window start were drawn on their own."""
    state = State(count, started, suspended)
    if reserved is None and started is None:
        assume(False)  # a reservation always has a window start
    reserved_count, reserved_start = reserved or (count, started)
    assert reserved_start is not None
    reservation = lockout.Reservation(
        user_id, PASSWORD_HASH, suspended, reserved_count, reserved_start
    )
    put(ctx, user_id, state)
    ruled = state.user(user_id)
    try:
        lockout.settle_right_guess(ruled, reservation, NOW)
        granted = not suspended
    except AccountLocked:
        granted = False

    row = run(ctx, lockout.SETTLE, lockout.settle_parameters(reservation, NOW))

    assert (row is not None) is granted
    if granted:
        expected = (ruled.failed_login_count, ruled.failed_login_window_start, NOW)
        assert stored(ctx, user_id) == expected
    else:
        assert stored(ctx, user_id) == (count, started, None)  # a refusal writes nothing
