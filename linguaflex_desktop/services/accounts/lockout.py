"""Sign-in lockout: at most 5 password checks per account in a 15-minute window, exact under
concurrency.

A sign-in *reserves* its attempt before the (slow) password check: the failure counter is
raised as if the guess were wrong, and the reservation that brings it to 5 locks the account
for 15 minutes from then. A wrong guess needs nothing more (it was counted up front). A right
guess *settles* its reservation: refused if the account is locked now by *another* attempt
reserved after it; if its own reservation was the 5th, no attempt can have come after it, and
it is granted like any right guess after 4 failures would be.

The rules come twice, each step checked against the other in the tests:
- ``reserve`` and ``settle_right_guess`` on a User whose row the caller has locked, inside
  a transaction that does more (changing the password or the e-mail address);
- ``RESERVE`` and ``SETTLE``, the sign-in's: one ``UPDATE … RETURNING`` each, whose
  conditions and new values are the rules, evaluated by the database on the row as it is
  when the statement takes the row's lock. Each is atomic on its own, so the sign-in sends
  one statement per step and no transaction around it. (On Postgres an UPDATE that waited
  for another's row lock evaluates its WHERE and SET again on the row that one committed.)
  When one updates no row, ``raise_if_locked`` on the row as read says why.

Either way parallel guesses are counted one at a time, and the 6th finds the account locked
before any hashing, however many were released together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Row, Update, and_, bindparam, case, not_, null, or_, true, update

from linguaflex_desktop.db import table_of
from linguaflex_desktop.errors import AccountLocked
from linguaflex_desktop.models import User
from linguaflex_desktop.texts import tx

MAX_FAILED_LOGINS = 5
FAILED_LOGIN_WINDOW = timedelta(minutes=15)


class Counted(Protocol):
    """An account's attempt counter: a User, or a row of the users table."""

    @property
    def failed_login_count(self) -> int: ...

    @property
    def failed_login_window_start(self) -> datetime | None: ...


@dataclass(frozen=True)
class Reservation:
    """One reserved password check: which failure count of which window it took."""

    user_id: int
    stored_hash: str
    suspended: bool
    count: int
    window_start: datetime

    @classmethod
    def from_row(cls, row: Row[Any] | User, *, suspended: bool) -> Reservation:
        """The reservation made: from the row ``RESERVE`` returned, or the User ``reserve``
        counted the attempt on (their columns have the same names)."""
        assert row.failed_login_window_start is not None  # a reservation starts a window
        return cls(
            user_id=row.id,
            stored_hash=row.password_hash,
            suspended=suspended,
            count=row.failed_login_count,
            window_start=row.failed_login_window_start,
        )


def raise_if_locked(user: Counted, now: datetime) -> None:
    """AccountLocked, saying for how long, while 5 attempts of the current window stand."""
    started = user.failed_login_window_start
    if user.failed_login_count < MAX_FAILED_LOGINS or started is None:
        return
    remaining = started + FAILED_LOGIN_WINDOW - now
    if remaining > timedelta(0):
        minutes = max(1, -(-int(remaining.total_seconds()) // 60))
        if minutes == 1:
            raise AccountLocked(tx("Too many failed sign-in attempts. Try again in 1 minute."))
        raise AccountLocked(
            tx(
                "Too many failed sign-in attempts. Try again in {minutes} minutes.",
                minutes=minutes,
            )
        )


def reserve(user: User, now: datetime, *, suspended: bool) -> Reservation:
    """Refuse a locked account, else count this attempt as a failure in the current window
    (a new window if the last one is over); the 5th restarts the window so the lock lasts
    15 minutes from it. On a User the caller holds locked (SELECT ... FOR UPDATE; SQLite's
    write lock) until it commits; ``RESERVE`` is the same in one statement."""
    raise_if_locked(user, now)
    started = user.failed_login_window_start
    if started is None or now - started >= FAILED_LOGIN_WINDOW:
        user.failed_login_count, user.failed_login_window_start = 1, now
    else:
        user.failed_login_count += 1
        if user.failed_login_count >= MAX_FAILED_LOGINS:
            user.failed_login_window_start = now
    return Reservation.from_row(user, suspended=suspended)


def settle_right_guess(user: User, reservation: Reservation, now: datetime) -> None:
    """For a verified password: AccountLocked if attempts reserved after this one locked the
    account meanwhile. Otherwise the sign-in is granted; the counter is cleared when this was
    the window's last attempt (as after any sequential success), but kept while attempts
    reserved after it may still be checking: a burst of parallel guesses gets no fresh checks
    because one of them happened to be right. On a locked User, as ``reserve``; ``SETTLE`` is
    the same in one statement (with the suspension and the sign-in time)."""
    if is_last_reserved(user, reservation):
        user.failed_login_count = 0
        user.failed_login_window_start = None
    else:
        raise_if_locked(user, now)


def is_last_reserved(user: Counted, reservation: Reservation) -> bool:
    """No attempt was reserved after ``reservation`` (the counter is still where it left it)."""
    return (
        user.failed_login_count == reservation.count
        and user.failed_login_window_start == reservation.window_start
    )


def window_bounds(now: datetime) -> dict[str, datetime]:
    """The parameters ``now`` and ``cutoff`` of ``RESERVE`` and ``SETTLE``: a window that
    started at ``cutoff`` or before is over at ``now``."""
    return {"now": now, "cutoff": now - FAILED_LOGIN_WINDOW}


_USERS = table_of(User)
_COUNT = _USERS.c.failed_login_count
_STARTED = _USERS.c.failed_login_window_start
_NOW = bindparam("now", type_=_STARTED.type)
_CUTOFF = bindparam("cutoff", type_=_STARTED.type)

# raise_if_locked's condition: 5 attempts in a window that is not over
_LOCKED = and_(_COUNT >= MAX_FAILED_LOGINS, _STARTED.is_not(None), _STARTED > _CUTOFF)
_WINDOW_OVER = or_(_STARTED.is_(None), _STARTED <= _CUTOFF)

# Reserve an attempt of the account with the e-mail ``address`` unless it is locked:
# counted as a failure in the current window, or as the first of a new one when the last is
# over; the 5th restarts the window, so the lock lasts 15 minutes from it. (SET expressions
# read the row as it was before the statement.) Returns the account's row as it is now.
RESERVE: Update = (
    update(_USERS)
    .where(_USERS.c.email == bindparam("address"), not_(_LOCKED))
    .values(
        failed_login_count=case((_WINDOW_OVER, 1), else_=_COUNT + 1),
        failed_login_window_start=case(
            (_WINDOW_OVER, _NOW), (_COUNT + 1 >= MAX_FAILED_LOGINS, _NOW), else_=_STARTED
        ),
    )
    .returning(_USERS)
)

# A verified password's sign-in, granted unless attempts reserved after it locked the
# account meanwhile or the account is suspended: the counter is cleared when it was the
# window's last reservation (as after any sequential success), kept while attempts reserved
# after it may still be checking (a burst of parallel guesses gets no fresh checks because
# one of them happened to be right); the sign-in time is recorded. Returns the account's
# row; none when refused.
_RESERVED_LAST = and_(
    bindparam("reserved_count") == _COUNT,
    bindparam("reserved_window_start", type_=_STARTED.type) == _STARTED,
)
SETTLE: Update = (
    update(_USERS)
    .where(
        _USERS.c.id == bindparam("user_id"),
        _USERS.c.is_active == true(),
        _USERS.c.suspended_at.is_(None),
        or_(_RESERVED_LAST, not_(_LOCKED)),
    )
    .values(
        failed_login_count=case((_RESERVED_LAST, 0), else_=_COUNT),
        failed_login_window_start=case((_RESERVED_LAST, null()), else_=_STARTED),
        last_login_at=_NOW,
    )
    .returning(_USERS)
)
# SETTLE storing a new hash of the password too (its parameters have risen)
SETTLE_AND_REHASH: Update = SETTLE.values(password_hash=bindparam("new_hash"))


def settle_parameters(reservation: Reservation, now: datetime) -> dict[str, Any]:
    """The parameters of ``SETTLE`` for ``reservation``'s right guess at ``now``."""
    return {
        "user_id": reservation.user_id,
        "reserved_count": reservation.count,
        "reserved_window_start": reservation.window_start,
        **window_bounds(now),
    }
