"""``accounts.lockout`` on plain User objects (no database): five checks per 15-minute window,
the lock running 15 minutes from the fifth, its message rounding the minutes left up, and a
right guess clearing the counter only when it was the window's last reservation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from linguaflex_desktop.errors import AccountLocked
from linguaflex_desktop.models import User
from linguaflex_desktop.services.accounts import lockout

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def user(count: int = 0, started: datetime | None = None) -> User:
    return User(
        id=7, password_hash="hash", failed_login_count=count, failed_login_window_start=started
    )


# --- raise_if_locked ---------------------------------------------------------------------------


def test_four_failures_in_the_window_do_not_lock() -> None:
    lockout.raise_if_locked(user(4, T0), T0)


def test_five_failures_without_a_window_start_do_not_lock() -> None:
    lockout.raise_if_locked(user(5, None), T0)


@pytest.mark.parametrize(
    ("after", "message"),
    [
        (timedelta(0), "Try again in 15 minutes."),
        (timedelta(seconds=1), "Try again in 15 minutes."),  # 14:59 left, rounded up
        (timedelta(minutes=1), "Try again in 14 minutes."),
        (timedelta(minutes=13, seconds=59), "Try again in 2 minutes."),
        (timedelta(minutes=14), "Try again in 1 minute."),
        (timedelta(minutes=14, seconds=59), "Try again in 1 minute."),
    ],
)
def test_a_locked_account_is_told_the_minutes_left_rounded_up(
    after: timedelta, message: str
) -> None:
    with pytest.raises(AccountLocked) as locked:
        lockout.raise_if_locked(user(5, T0), T0 + after)
    assert locked.value.message == f"Too many failed sign-in attempts. {message}"


def test_the_lock_ends_fifteen_minutes_after_the_window_start() -> None:
    lockout.raise_if_locked(user(5, T0), T0 + timedelta(minutes=15))
    lockout.raise_if_locked(user(6, T0), T0 + timedelta(minutes=15))


def test_more_than_five_counted_failures_still_lock() -> None:
    with pytest.raises(AccountLocked):
        lockout.raise_if_locked(user(6, T0), T0)


# --- reserve -----------------------------------------------------------------------------------


def test_a_first_attempt_opens_a_window_and_is_counted() -> None:
    account = user()

    reservation = lockout.reserve(account, T0, suspended=False)

    assert (account.failed_login_count, account.failed_login_window_start) == (1, T0)
    assert reservation == lockout.Reservation(
        user_id=7, stored_hash="hash", suspended=False, count=1, window_start=T0
    )


def test_an_attempt_inside_the_window_adds_to_it_and_keeps_its_start() -> None:
    account = user(2, T0)

    reservation = lockout.reserve(account, T0 + timedelta(minutes=14), suspended=True)

    assert (account.failed_login_count, account.failed_login_window_start) == (3, T0)
    assert (reservation.count, reservation.window_start, reservation.suspended) == (3, T0, True)


def test_an_attempt_fifteen_minutes_after_the_window_start_opens_a_new_window() -> None:
    account = user(4, T0)
    later = T0 + timedelta(minutes=15)

    lockout.reserve(account, later, suspended=False)

    assert (account.failed_login_count, account.failed_login_window_start) == (1, later)


def test_the_fifth_attempt_restarts_the_window_so_the_lock_runs_from_it() -> None:
    account = user(4, T0)
    fifth = T0 + timedelta(minutes=10)

    reservation = lockout.reserve(account, fifth, suspended=False)

    assert (account.failed_login_count, account.failed_login_window_start) == (5, fifth)
    assert (reservation.count, reservation.window_start) == (5, fifth)
    with pytest.raises(AccountLocked):
        lockout.reserve(account, fifth + timedelta(minutes=14, seconds=59), suspended=False)
    assert account.failed_login_count == 5


def test_the_fourth_attempt_keeps_the_window_start() -> None:
    account = user(3, T0)

    lockout.reserve(account, T0 + timedelta(minutes=10), suspended=False)

    assert (account.failed_login_count, account.failed_login_window_start) == (4, T0)


# --- settle_right_guess ------------------------------------------------------------------------


def test_a_right_guess_that_was_the_last_reservation_clears_the_counter() -> None:
    account = user()
    reservation = lockout.reserve(account, T0, suspended=False)

    lockout.settle_right_guess(account, reservation, T0)

    assert (account.failed_login_count, account.failed_login_window_start) == (0, None)


def test_a_right_guess_that_was_the_fifth_reservation_is_granted() -> None:
    account = user(4, T0)
    reservation = lockout.reserve(account, T0, suspended=False)

    lockout.settle_right_guess(account, reservation, T0)

    assert (account.failed_login_count, account.failed_login_window_start) == (0, None)


def test_a_right_guess_followed_by_other_reservations_keeps_them_counted() -> None:
    account = user()
    mine = lockout.reserve(account, T0, suspended=False)
    lockout.reserve(account, T0, suspended=False)  # a parallel guess reserved after it

    lockout.settle_right_guess(account, mine, T0)

    assert (account.failed_login_count, account.failed_login_window_start) == (2, T0)


def test_a_right_guess_is_refused_when_later_reservations_locked_the_account() -> None:
    account = user(3, T0)
    mine = lockout.reserve(account, T0, suspended=False)
    lockout.reserve(account, T0, suspended=False)  # the fifth, reserved after it

    with pytest.raises(AccountLocked):
        lockout.settle_right_guess(account, mine, T0)
    assert account.failed_login_count == 5


def test_a_right_guess_from_an_older_window_with_the_same_count_is_not_the_last() -> None:
    account = user()
    mine = lockout.reserve(account, T0, suspended=False)
    # the window ran out and a new attempt, counted 1 again, was reserved meanwhile
    lockout.reserve(account, T0 + timedelta(minutes=15), suspended=False)

    lockout.settle_right_guess(account, mine, T0 + timedelta(minutes=15))

    assert account.failed_login_count == 1
