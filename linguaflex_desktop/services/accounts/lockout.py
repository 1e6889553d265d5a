"""Sign-in lockout: at most 5 password checks per account in a 15-minute window, exact under
concurrency.

A sign-in *reserves* its attempt under the user's row lock before the (slow) password check:
the failure counter is raised as if the guess were wrong, and the reservation that brings it
to 5 locks the account for 15 minutes from then. Parallel guesses therefore queue on the row
lock one at a time; the 6th finds the account locked before any hashing, however many were
released together. A wrong guess needs nothing more (it was counted up front). A right guess
settles its reservation under the row lock again: refused if the account is locked now by
*another* attempt reserved after it; if its own reservation was the 5th, no attempt can have
come after it, and it is granted like any right guess after 4 failures would be.

Callers hold the user row lock (SELECT ... FOR UPDATE; SQLite's write lock) around each call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from linguaflex_desktop.errors import AccountLocked
from linguaflex_desktop.models import User
from linguaflex_desktop.texts import tx

MAX_FAILED_LOGINS = 5
FAILED_LOGIN_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Reservation:
    """One reserved password check: which failure count of which window it took."""

    user_id: int
    stored_hash: str
    suspended: bool
    count: int
    window_start: datetime


def raise_if_locked(user: User, now: datetime) -> None:
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
    15 minutes from it."""
    raise_if_locked(user, now)
    started = user.failed_login_window_start
    if started is None or now - started >= FAILED_LOGIN_WINDOW:
        user.failed_login_count, user.failed_login_window_start = 1, now
    else:
        user.failed_login_count += 1
        if user.failed_login_count >= MAX_FAILED_LOGINS:
            user.failed_login_window_start = now
    assert user.failed_login_window_start is not None
    return Reservation(
        user_id=user.id,
        stored_hash=user.password_hash,
        suspended=suspended,
        count=user.failed_login_count,
        window_start=user.failed_login_window_start,
    )


def settle_right_guess(user: User, reservation: Reservation, now: datetime) -> None:
    """For a verified password: AccountLocked if attempts reserved after this one locked the
    account meanwhile. Otherwise the sign-in is granted; the counter is cleared when this was
    the window's last attempt (as after any sequential success), but kept while attempts
    reserved after it may still be checking: a burst of parallel guesses gets no fresh checks
    because one of them happened to be right."""
    is_last = (
        user.failed_login_count == reservation.count
        and user.failed_login_window_start == reservation.window_start
    )
    if is_last:
        user.failed_login_count = 0
        user.failed_login_window_start = None
    else:
        raise_if_locked(user, now)
